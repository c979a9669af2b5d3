// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tbsandbox {

// Per-user export failures a test asks for (POST /_sandbox/synchronization/userErrors, README "Provisioning"): the
// named source users fail their next exports with the given code, as the target would refuse them (graph-reference
// 9.1), so a client's staged rollout can meet per-user errors. In memory only (not in the state file). Owned by
// ProvisioningService; server thread.
class InjectedUserErrors final
{
public:
    struct Failure
    {
        QString code;
        QString message;
    };

    // Adds the users of {"userPrincipalNames":[...], "ids":[...], "code", "message"?, "count"?} (a later entry for the
    // same user replaces the earlier one). Returns how many users it names, or nothing with a sentence.
    [[nodiscard]] std::optional<int> add(const QJsonObject& body, QString* problem);
    void clear() { m_entries.clear(); }
    // {"userErrors":[{"user","code","message","remaining" (null: until cleared)}]}.
    [[nodiscard]] QJsonObject toJson() const;

    // The failure for this user's export now, counting it; nothing when none is injected or its count is spent.
    [[nodiscard]] std::optional<Failure> take(const QString& userId, const QString& userPrincipalName);

private:
    struct Entry
    {
        Failure failure;
        int remaining = -1; // -1: every export until cleared
    };
    QHash<QString, Entry> m_entries; // by lower-case id or UPN
};

} // namespace tbsandbox
