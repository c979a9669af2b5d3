// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/state/StateDocument.h"

#include "core/sandbox/SeedLoader.h"
#include "core/sandbox/TenantState.h"
#include "core/sandbox/World.h"
#include "core/sandbox/state/TenantSnapshot.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tbsandbox {

bool StateDocument::write(const World& world, QIODevice& device)
{
    // Written by hand around the tenants so that users stream out one at a time (see TenantSnapshot);
    // the fixed keys come first, so `head` on the file shows what it is.
    const QString savedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    bool ok = device.write(QStringLiteral("{\"format\":\"%1\",\"version\":%2,\"savedAt\":\"%3\",\n\"tenants\":[")
                               .arg(kFormat)
                               .arg(kVersion)
                               .arg(savedAt)
                               .toUtf8())
        >= 0;
    bool first = true;
    for (const auto& tenant : world.tenants()) {
        ok = ok && device.write(first ? "\n" : ",\n") >= 0;
        ok = ok && TenantSnapshot::write(*tenant, device);
        first = false;
    }
    const QJsonObject sections = world.stateRegistry().saveSections();
    ok = ok && device.write("],\n\"sections\":") >= 0;
    ok = ok && device.write(QJsonDocument(sections).toJson(QJsonDocument::Compact)) >= 0;
    ok = ok && device.write("}\n") >= 0;
    return ok;
}

StateDocument::ReadOutcome StateDocument::read(const QByteArray& bytes, World& world, QString* errorMessage)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject()) {
        *errorMessage = parseError.error == QJsonParseError::NoError
            ? QStringLiteral("It is JSON, but not an object.")
            : QStringLiteral("It is not valid JSON (%1 at byte %2); it may have been cut short or edited by hand.")
                  .arg(parseError.errorString())
                  .arg(parseError.offset);
        return ReadOutcome::Unusable;
    }
    const QJsonObject root = document.object();
    const QString format = root.value(QLatin1String("format")).toString();
    if (format != kFormat) {
        *errorMessage
            = QStringLiteral("It is not a sandbox state: its \"format\" is \"%1\", not \"%2\".").arg(format, kFormat);
        return ReadOutcome::Unusable;
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    const int versionNumber = version.toInt(0);
    if (!version.isDouble() || versionNumber < 1 || version.toDouble() != versionNumber) {
        *errorMessage = QStringLiteral("Its \"version\" is not a whole number from 1 up.");
        return ReadOutcome::Unusable;
    }
    if (versionNumber > kVersion) {
        *errorMessage = QStringLiteral("It was written by a newer TenantBridge (state version %1; this sandbox "
                                       "reads up to version %2).")
                            .arg(versionNumber)
                            .arg(kVersion);
        return ReadOutcome::Newer;
    }
    const QJsonValue tenants = root.value(QLatin1String("tenants"));
    const QJsonValue sections = root.value(QLatin1String("sections"));
    if (!tenants.isArray() || !(sections.isObject() || sections.isUndefined())) {
        *errorMessage = QStringLiteral("It needs a \"tenants\" array and a \"sections\" object.");
        return ReadOutcome::Unusable;
    }
    const QJsonArray tenantArray = tenants.toArray();
    for (qsizetype i = 0; i < tenantArray.size(); ++i) {
        if (!tenantArray.at(i).isObject()) {
            *errorMessage = QStringLiteral("Tenant %1 in it is not a JSON object.").arg(i + 1);
            return ReadOutcome::Unusable;
        }
        std::unique_ptr<TenantState> tenant = SeedLoader::tenantFromJson(
            tenantArray.at(i).toObject(), QStringLiteral("Tenant %1 in it").arg(i + 1), errorMessage);
        if (!tenant || !world.addTenant(std::move(tenant), errorMessage)) {
            return ReadOutcome::Unusable;
        }
    }
    QString reason;
    if (!world.stateRegistry().loadSections(sections.toObject(), &reason)) {
        *errorMessage = QStringLiteral("Its %1.").arg(reason);
        return ReadOutcome::Unusable;
    }
    return ReadOutcome::Loaded;
}

} // namespace tbsandbox
