// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/SeedLoader.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/World.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Resources compiled into a static library are only linked in when something references their initializer.
static void initSandboxSeedResources()
{
    Q_INIT_RESOURCE(sandbox);
}

namespace tbsandbox {

namespace {

const QStringList kCloudNames = {QStringLiteral("Global"), QStringLiteral("USGovernment"), QStringLiteral("China")};

bool loadFiles(const QString& directory, World& world, QString* errorMessage)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        *errorMessage = QStringLiteral("The seed directory %1 does not exist.").arg(directory);
        return false;
    }
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        *errorMessage = QStringLiteral("The seed directory %1 holds no *.json tenant files.").arg(directory);
        return false;
    }
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *errorMessage = QStringLiteral("Cannot read seed %1: %2.").arg(file.fileName(), file.errorString());
            return false;
        }
        std::unique_ptr<TenantState> tenant = SeedLoader::parseTenant(file.readAll(), file.fileName(), errorMessage);
        if (!tenant || !world.addTenant(std::move(tenant), errorMessage)) {
            return false;
        }
    }
    return true;
}

} // namespace

bool SeedLoader::loadCompiledSeeds(World& world, QString* errorMessage)
{
    initSandboxSeedResources();
    return loadFiles(QStringLiteral(":/sandbox/seeds"), world, errorMessage);
}

bool SeedLoader::loadDirectory(const QString& directory, World& world, QString* errorMessage)
{
    return loadFiles(directory, world, errorMessage);
}

std::unique_ptr<TenantState> SeedLoader::parseTenant(
    const QByteArray& json, const QString& sourceName, QString* errorMessage)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *errorMessage = QStringLiteral("Seed %1 is not a JSON object (%2 at offset %3).")
                            .arg(sourceName, parseError.errorString())
                            .arg(parseError.offset);
        return nullptr;
    }
    return tenantFromJson(document.object(), QStringLiteral("Seed %1").arg(sourceName), errorMessage);
}

std::unique_ptr<TenantState> SeedLoader::tenantFromJson(
    const QJsonObject& root, const QString& sourceName, QString* errorMessage)
{
    const QJsonObject identity = root.value(QLatin1String("tenant")).toObject();
    const QUuid id = QUuid::fromString(identity.value(QLatin1String("id")).toString());
    const QString domain = identity.value(QLatin1String("initialDomain")).toString();
    const QString cloud = identity.value(QLatin1String("cloud")).toString();
    if (id.isNull() || domain.isEmpty() || !kCloudNames.contains(cloud)) {
        *errorMessage = QStringLiteral("%1 needs \"tenant\" with a GUID \"id\", an \"initialDomain\" and a "
                                       "\"cloud\" of Global, USGovernment or China.")
                            .arg(sourceName);
        return nullptr;
    }
    auto tenant
        = std::make_unique<TenantState>(id, identity.value(QLatin1String("displayName")).toString(), domain, cloud);
    tenant->setRole(identity.value(QLatin1String("role")).toString());
    tenant->setOrganization(root.value(QLatin1String("organization")).toObject());
    tenant->setSubscribedSkus(root.value(QLatin1String("subscribedSkus")).toArray());

    const QJsonArray users = root.value(QLatin1String("users")).toArray();
    tenant->users().reserve(static_cast<size_t>(users.size()));
    for (const QJsonValue& value : users) {
        QString reason;
        std::optional<UserRecord> user = UserSchema::fromJson(*tenant, value.toObject(), &reason);
        if (!user) {
            *errorMessage = QStringLiteral("%1: %2.").arg(sourceName, reason);
            return nullptr;
        }
        tenant->users().push_back(std::move(*user));
    }
    for (const QJsonValue& value : root.value(QLatin1String("groups")).toArray()) {
        QJsonObject properties = value.toObject();
        GroupRecord group;
        group.id = QUuid::fromString(properties.value(QLatin1String("id")).toString());
        if (group.id.isNull()) {
            *errorMessage = QStringLiteral("%1: a group needs a GUID \"id\".").arg(sourceName);
            return nullptr;
        }
        for (const QJsonValue& member : properties.take(QLatin1String("members")).toArray()) {
            group.memberIds.append(QUuid::fromString(member.toString()));
        }
        group.properties = properties;
        tenant->groups().push_back(std::move(group));
    }
    // The admin signs in for auto-approve and the test approve route, so it must be a real, enabled user.
    const QString admin = identity.value(QLatin1String("admin")).toString();
    if (!admin.isEmpty()) {
        tenant->setAdminPrincipalName(admin);
        const qsizetype adminIndex = tenant->adminIndex();
        if (adminIndex < 0 || !tenant->users().at(static_cast<size_t>(adminIndex)).accountEnabled) {
            *errorMessage
                = QStringLiteral("%1: tenant.admin '%2' is not an enabled user of the tenant.").arg(sourceName, admin);
            return nullptr;
        }
    }
    // Directory roles name their members by user id, like groups.
    const QJsonArray roles = root.value(QLatin1String("directoryRoles")).toArray();
    for (const QJsonValue& role : roles) {
        const QJsonObject object = role.toObject();
        if (QUuid::fromString(object.value(QLatin1String("roleTemplateId")).toString()).isNull()) {
            *errorMessage = QStringLiteral("%1: a directory role needs a GUID \"roleTemplateId\".").arg(sourceName);
            return nullptr;
        }
        for (const QJsonValue& member : object.value(QLatin1String("members")).toArray()) {
            if (tenant->findUser(QUuid::fromString(member.toString())) < 0) {
                *errorMessage
                    = QStringLiteral("%1: directory role %2 lists member %3, which is not a user.")
                          .arg(sourceName, object.value(QLatin1String("displayName")).toString(), member.toString());
                return nullptr;
            }
        }
    }
    tenant->setDirectoryRoles(roles);
    const QJsonArray contacts = root.value(QLatin1String("contacts")).toArray();
    for (const QJsonValue& contact : contacts) {
        if (QUuid::fromString(contact.toObject().value(QLatin1String("id")).toString()).isNull()) {
            *errorMessage = QStringLiteral("%1: a contact needs a GUID \"id\".").arg(sourceName);
            return nullptr;
        }
    }
    tenant->setContacts(contacts);
    // A seed may start with partner entries (the trust audit's unexpected partner); the state file keeps them in
    // its "crossTenant" section afterwards, so a tenant snapshot does not write this key.
    if (root.contains(QLatin1String("crossTenantAccessPolicy"))) {
        QString reason;
        if (!tenant->crossTenantPolicy().fromJson(
                root.value(QLatin1String("crossTenantAccessPolicy")).toObject(), &reason)) {
            *errorMessage = QStringLiteral("%1: crossTenantAccessPolicy: %2.").arg(sourceName, reason);
            return nullptr;
        }
    }
    // Members must exist, or members and transitiveMembers would serve holes.
    for (const GroupRecord& group : tenant->groups()) {
        for (const QUuid& member : group.memberIds) {
            if (tenant->findUser(member) < 0 && tenant->findGroup(member) < 0) {
                *errorMessage = QStringLiteral("%1: group %2 lists member %3, which is neither a user nor a group.")
                                    .arg(sourceName, group.properties.value(QLatin1String("displayName")).toString(),
                                        member.toString(QUuid::WithoutBraces));
                return nullptr;
            }
        }
    }
    return tenant;
}

} // namespace tbsandbox
