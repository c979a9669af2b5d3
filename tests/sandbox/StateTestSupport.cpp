// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/StateTestSupport.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/World.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>

namespace tb::test {

QJsonObject describeTenant(const tbsandbox::TenantState& tenant)
{
    QList<tbsandbox::UserProperty> properties;
    for (int i = 0; i < static_cast<int>(tbsandbox::UserProperty::Count); ++i) {
        properties.append(static_cast<tbsandbox::UserProperty>(i));
    }
    QJsonArray users;
    for (const tbsandbox::UserRecord& user : tenant.users()) {
        users.append(tbsandbox::UserSchema::toJson(tenant, user, properties));
    }
    QJsonArray groups;
    for (const tbsandbox::GroupRecord& group : tenant.groups()) {
        QJsonArray members;
        for (const QUuid& member : group.memberIds) {
            members.append(member.toString(QUuid::WithoutBraces));
        }
        groups.append(QJsonObject {{QStringLiteral("id"), group.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("properties"), group.properties}, {QStringLiteral("members"), members}});
    }
    return QJsonObject {{QStringLiteral("id"), tenant.idText()}, {QStringLiteral("displayName"), tenant.displayName()},
        {QStringLiteral("initialDomain"), tenant.initialDomain()}, {QStringLiteral("cloud"), tenant.cloud()},
        {QStringLiteral("role"), tenant.role()}, {QStringLiteral("admin"), tenant.adminPrincipalName()},
        {QStringLiteral("organization"), tenant.organization()},
        {QStringLiteral("subscribedSkus"), tenant.subscribedSkus()}, {QStringLiteral("users"), users},
        {QStringLiteral("groups"), groups}};
}

QJsonObject describeWorld(const tbsandbox::World& world)
{
    QJsonObject result;
    for (const auto& tenant : world.tenants()) {
        result.insert(tenant->idText(), describeTenant(*tenant));
    }
    return result;
}

tbsandbox::SandboxOptions stateOptions(const QString& file, bool reset)
{
    tbsandbox::SandboxOptions options;
    options.stateFile = file;
    options.resetState = reset;
    return options;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace tb::test
