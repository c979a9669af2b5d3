// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/SetupState.h"

#include <QJsonArray>

namespace tb::setup {

SetupState SetupState::fromJson(const QJsonObject& json)
{
    SetupState state;
    state.source = model::Tenant::fromJson(json.value(QLatin1String("source")).toObject());
    state.target = model::Tenant::fromJson(json.value(QLatin1String("target")).toObject());
    state.targetSide = model::AccessSettings::fromJson(json.value(QLatin1String("targetSide")).toObject());
    state.sourceSide = model::AccessSettings::fromJson(json.value(QLatin1String("sourceSide")).toObject());
    const QJsonValue configuration = json.value(QLatin1String("configuration"));
    if (configuration.isObject()) {
        state.configuration = model::CtsConfiguration::fromJson(configuration.toObject());
    }
    const QJsonArray others = json.value(QLatin1String("otherConfigurations")).toArray();
    for (const QJsonValue& other : others) {
        state.otherConfigurations.append(model::CtsConfiguration::fromJson(other.toObject()));
    }
    state.readAt = QDateTime::fromString(json.value(QLatin1String("readAt")).toString(), Qt::ISODateWithMs);
    return state;
}

QJsonObject SetupState::toJson() const
{
    QJsonArray others;
    for (const model::CtsConfiguration& other : otherConfigurations) {
        others.append(other.toJson());
    }
    return {{QStringLiteral("source"), source.toJson()}, {QStringLiteral("target"), target.toJson()},
        {QStringLiteral("targetSide"), targetSide.toJson()}, {QStringLiteral("sourceSide"), sourceSide.toJson()},
        {QStringLiteral("configuration"), configuration ? QJsonValue(configuration->toJson()) : QJsonValue()},
        {QStringLiteral("otherConfigurations"), others},
        {QStringLiteral("readAt"), readAt.toUTC().toString(Qt::ISODateWithMs)}};
}

} // namespace tb::setup
