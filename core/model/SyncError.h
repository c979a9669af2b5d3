// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace tb::model {

// A synchronizationError (graph-reference.md 2.2): the code the service gives (explained by
// sync::ErrorCatalogue), its message, and whether the tenant's admin can act on it. A job that never ran
// reports code "None" with an empty message; isError() is false for that. Value type, any thread.
struct SyncError
{
    QString code;
    QString message;
    bool tenantActionable = false;

    [[nodiscard]] bool isError() const { return !code.isEmpty() && code != QStringLiteral("None"); }

    // Missing, null or oddly typed fields stay empty.
    [[nodiscard]] static SyncError fromJson(const QJsonValue& json);
    // {code, message, tenantActionable}.
    [[nodiscard]] QJsonObject toJson() const;

    friend bool operator==(const SyncError& a, const SyncError& b) = default;
};

} // namespace tb::model
