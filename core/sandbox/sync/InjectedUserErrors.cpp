// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sync/InjectedUserErrors.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace tbsandbox {

namespace {

const QString kDefaultCode = QStringLiteral("AzureActiveDirectoryInvalidValue");

} // namespace

std::optional<int> InjectedUserErrors::add(const QJsonObject& body, QString* problem)
{
    QStringList users;
    for (const QString& key : {QStringLiteral("userPrincipalNames"), QStringLiteral("ids")}) {
        const QJsonValue list = body.value(key);
        if (!list.isUndefined() && !list.isArray()) {
            *problem = QStringLiteral("%1 must be an array of strings.").arg(key);
            return std::nullopt;
        }
        for (const QJsonValue& user : list.toArray()) {
            if (!user.isString() || user.toString().trimmed().isEmpty()) {
                *problem = QStringLiteral("%1 must be an array of strings.").arg(key);
                return std::nullopt;
            }
            users.append(user.toString().trimmed().toLower());
        }
    }
    if (users.isEmpty()) {
        *problem = QStringLiteral("Name the source users in userPrincipalNames or ids.");
        return std::nullopt;
    }
    const QJsonValue count = body.value(QLatin1String("count"));
    if (!count.isUndefined() && !count.isNull() && (!count.isDouble() || count.toInt() < 1)) {
        *problem = QStringLiteral("count must be a positive number of exports (absent: until cleared).");
        return std::nullopt;
    }
    Entry entry;
    entry.failure.code = body.value(QLatin1String("code")).toString(kDefaultCode);
    entry.failure.message = body.value(QLatin1String("message")).toString();
    entry.remaining = count.isDouble() ? count.toInt() : -1;
    for (const QString& user : std::as_const(users)) {
        m_entries.insert(user, entry);
    }
    return static_cast<int>(users.size());
}

QJsonObject InjectedUserErrors::toJson() const
{
    QStringList users = m_entries.keys();
    std::sort(users.begin(), users.end());
    QJsonArray list;
    for (const QString& user : std::as_const(users)) {
        const Entry& entry = m_entries[user];
        list.append(QJsonObject {{QStringLiteral("user"), user}, {QStringLiteral("code"), entry.failure.code},
            {QStringLiteral("message"), entry.failure.message},
            {QStringLiteral("remaining"),
                entry.remaining < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.remaining)}});
    }
    return QJsonObject {{QStringLiteral("userErrors"), list}};
}

std::optional<InjectedUserErrors::Failure> InjectedUserErrors::take(
    const QString& userId, const QString& userPrincipalName)
{
    if (m_entries.isEmpty()) {
        return std::nullopt;
    }
    auto found = m_entries.find(userId.toLower());
    if (found == m_entries.end()) {
        found = m_entries.find(userPrincipalName.toLower());
    }
    if (found == m_entries.end() || found->remaining == 0) {
        return std::nullopt;
    }
    if (found->remaining > 0) {
        --found->remaining;
    }
    return found->failure;
}

} // namespace tbsandbox
