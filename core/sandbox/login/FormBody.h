// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace tbsandbox {

struct HttpRequest;

// An application/x-www-form-urlencoded request body, read as browsers and OAuth clients write it: '&'
// separates pairs, '+' is a space, %XX is a UTF-8 byte. A name sent twice is refused (a second client_id or
// device_code would make it unclear which one was meant). A value.
class FormBody final
{
public:
    // Nothing when the Content-Type is not a form or the body does not parse; problem says which.
    [[nodiscard]] static std::optional<FormBody> parse(const HttpRequest& request, QString* problem);

    [[nodiscard]] QString value(const QString& name) const { return m_values.value(name); }
    [[nodiscard]] bool contains(const QString& name) const { return m_values.contains(name); }

private:
    QMap<QString, QString> m_values;
};

} // namespace tbsandbox
