// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/ScopeSet.h"

#include <QSet>

#include <algorithm>

namespace tb::auth {

namespace {

const QString kDefaultScope = QStringLiteral(".default");

// The Graph resource of each cloud (graph-reference.md 6.1) and its application id URI; a scope may carry any
// of them as a prefix.
const QStringList& graphResourcePrefixes()
{
    static const QStringList prefixes {QStringLiteral("https://graph.microsoft.com/"),
        QStringLiteral("https://graph.microsoft.us/"), QStringLiteral("https://dod-graph.microsoft.us/"),
        QStringLiteral("https://microsoftgraph.chinacloudapi.cn/"),
        QStringLiteral("00000003-0000-0000-c000-000000000000/")};
    return prefixes;
}

} // namespace

QStringList ScopeSet::reservedScopes()
{
    return {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("offline_access")};
}

bool ScopeSet::isOidcScope(const QString& scope)
{
    const QString name = scope.trimmed().toLower();
    return name == QStringLiteral("openid") || name == QStringLiteral("profile")
        || name == QStringLiteral("offline_access") || name == QStringLiteral("email");
}

QString ScopeSet::normalize(const QString& scope)
{
    QString name = scope.trimmed().toLower();
    for (const QString& prefix : graphResourcePrefixes()) {
        if (name.startsWith(prefix)) {
            name = name.mid(prefix.size());
            break;
        }
    }
    return name;
}

QStringList ScopeSet::normalizeAll(const QStringList& scopes)
{
    QStringList names;
    for (const QString& scope : scopes) {
        const QString name = normalize(scope);
        if (!name.isEmpty() && !isOidcScope(name) && !names.contains(name)) {
            names.append(name);
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool ScopeSet::covers(const QStringList& granted, const QStringList& requested)
{
    return missing(granted, requested).isEmpty();
}

QStringList ScopeSet::missing(const QStringList& granted, const QStringList& requested)
{
    const QStringList want = normalizeAll(requested);
    const QStringList have = normalizeAll(granted);
    if (want.size() == 1 && want.first() == kDefaultScope) {
        return {}; // ".default" asks for whatever the resource has consented
    }
    const QSet<QString> haveSet(have.cbegin(), have.cend());
    QStringList lacking;
    for (const QString& name : want) {
        if (!haveSet.contains(name)) {
            lacking.append(name);
        }
    }
    return lacking;
}

QStringList ScopeSet::forRequest(const QStringList& scopes)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString& scope : scopes) {
        const QString name = normalize(scope);
        if (name.isEmpty() || isOidcScope(name) || seen.contains(name)) {
            continue;
        }
        seen.insert(name);
        result.append(scope.trimmed());
    }
    result.append(reservedScopes());
    return result;
}

QStringList ScopeSet::split(const QString& text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace tb::auth
