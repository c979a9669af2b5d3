// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tb::model {

// What a person types to name a tenant: its id (a GUID) or one of its verified domains. Checked before anything
// is sent, so a typo gets a sentence instead of a login-service error, and so nothing but a GUID or a domain
// name ever lands in a URL path. Value type, any thread.
class TenantReference
{
public:
    // Trims the text; a GUID is written in lower case without braces, a domain in lower case.
    [[nodiscard]] static std::optional<TenantReference> parse(const QString& text, QString* problem = nullptr);

    [[nodiscard]] const QString& text() const { return m_text; }
    [[nodiscard]] bool isTenantId() const { return m_isTenantId; }

private:
    TenantReference(QString text, bool isTenantId);

    QString m_text;
    bool m_isTenantId = false;
};

} // namespace tb::model
