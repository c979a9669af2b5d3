// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/ScopeSet.h"

#include <catch2/catch.hpp>

using tb::auth::ScopeSet;

TEST_CASE("ScopeSet normalises the short and the resource form alike", "[auth]")
{
    CHECK(ScopeSet::normalize(QStringLiteral("https://graph.microsoft.com/User.Read.All"))
        == QStringLiteral("user.read.all"));
    CHECK(ScopeSet::normalize(QStringLiteral(" User.Read.All ")) == QStringLiteral("user.read.all"));
    CHECK(ScopeSet::normalize(QStringLiteral("https://graph.microsoft.us/.default")) == QStringLiteral(".default"));
    CHECK(ScopeSet::normalize(QStringLiteral("https://other.example.com/Read"))
        == QStringLiteral("https://other.example.com/read"));
    CHECK(ScopeSet::normalizeAll({QStringLiteral("User.Read"), QStringLiteral("openid"),
              QStringLiteral("https://graph.microsoft.com/user.read"), QStringLiteral("Group.Read.All"),
              QStringLiteral("offline_access")})
        == QStringList {QStringLiteral("group.read.all"), QStringLiteral("user.read")});
}

TEST_CASE("ScopeSet finds a token by subset, and .default by any token", "[auth]")
{
    const QStringList granted {
        QStringLiteral("User.Read"), QStringLiteral("User.Read.All"), QStringLiteral("Group.Read.All")};
    CHECK(ScopeSet::covers(granted, {QStringLiteral("https://graph.microsoft.com/User.Read.All")}));
    CHECK(ScopeSet::covers(granted, {QStringLiteral("user.read"), QStringLiteral("openid")}));
    CHECK(ScopeSet::covers(granted, {QStringLiteral("https://graph.microsoft.com/.default")}));
    CHECK_FALSE(ScopeSet::covers(granted, {QStringLiteral("Policy.ReadWrite.CrossTenantAccess")}));
    CHECK(ScopeSet::missing(granted, {QStringLiteral("User.Read"), QStringLiteral("Policy.Read.All")})
        == QStringList {QStringLiteral("policy.read.all")});
}

TEST_CASE("ScopeSet adds the reserved scopes to a request once", "[auth]")
{
    CHECK(ScopeSet::forRequest({QStringLiteral("User.Read"), QStringLiteral("openid"), QStringLiteral("user.read"),
              QStringLiteral("Group.Read.All")})
        == QStringList {QStringLiteral("User.Read"), QStringLiteral("Group.Read.All"), QStringLiteral("openid"),
            QStringLiteral("profile"), QStringLiteral("offline_access")});
    CHECK(ScopeSet::forRequest({}) == ScopeSet::reservedScopes());
    CHECK(ScopeSet::split(QStringLiteral("User.Read  Group.Read.All")).size() == 2);
}
