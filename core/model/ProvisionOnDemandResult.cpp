// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ProvisionOnDemandResult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace tb::model {

namespace {

const QStringList kSkipReasons {QStringLiteral("RedundantExport"), QStringLiteral("NotEffectivelyEntitled")};

void setIfEmpty(QString& field, const QString& value)
{
    if (field.isEmpty()) {
        field = value;
    }
}

// Shape B's value object, or one element of shape A's array: fills what the result does not have yet.
void readValue(ProvisionOnDemandResult& result, const QJsonObject& value)
{
    setIfEmpty(result.action, value.value(QLatin1String("action")).toString().toLower());
    setIfEmpty(result.reportableIdentifier, value.value(QLatin1String("reportableIdentifier")).toString());
    setIfEmpty(result.sourceUserId,
        value.value(QLatin1String("sourceIdentity")).toObject().value(QLatin1String("id")).toString());
    setIfEmpty(result.targetUserId,
        value.value(QLatin1String("targetIdentity")).toObject().value(QLatin1String("id")).toString());
    const QJsonObject statusInfo = value.value(QLatin1String("statusInfo")).toObject();
    setIfEmpty(result.status, statusInfo.value(QLatin1String("status")).toString().toLower());
    setIfEmpty(result.errorCode, statusInfo.value(QLatin1String("errorCode")).toString());
    setIfEmpty(result.errorMessage, statusInfo.value(QLatin1String("reason")).toString());
    result.steps.append(ProvisioningLogEntry::stepsFromJson(value.value(QLatin1String("provisioningSteps")).toArray()));
    result.modifiedProperties.append(
        ProvisioningLogEntry::modifiedPropertiesFromJson(value.value(QLatin1String("modifiedProperties")).toArray()));
}

// What the steps say when no status was sent (shape A's truncated elements).
QString statusFromSteps(const QList<ProvisioningLogEntry::Step>& steps)
{
    if (steps.isEmpty()) {
        return {};
    }
    QString status = QStringLiteral("success");
    for (const ProvisioningLogEntry::Step& step : steps) {
        if (step.status == QLatin1String("failure")) {
            return step.status;
        }
        if (step.status == QLatin1String("skipped") && !step.detail(QStringLiteral("SkipReason")).isEmpty()) {
            status = step.status;
        }
    }
    return status;
}

bool fail(QString* problem, const QString& sentence)
{
    if (problem) {
        *problem = sentence;
    }
    return false;
}

} // namespace

const ProvisioningLogEntry::Step* ProvisionOnDemandResult::stepOfType(const QString& type) const
{
    for (const ProvisioningLogEntry::Step& step : steps) {
        if (step.type.compare(type, Qt::CaseInsensitive) == 0) {
            return &step;
        }
    }
    return nullptr;
}

std::optional<ProvisionOnDemandResult> ProvisionOnDemandResult::fromJson(const QJsonObject& answer, QString* problem)
{
    const QJsonValue keyValue = answer.value(QLatin1String("key"));
    const QJsonValue valueValue = answer.value(QLatin1String("value"));
    if (!keyValue.isString() || !valueValue.isString()) {
        fail(problem, QStringLiteral("the answer is not a stringKeyStringValuePair (no string key and value)."));
        return std::nullopt;
    }
    QJsonParseError keyError {};
    const QJsonDocument key = QJsonDocument::fromJson(keyValue.toString().toUtf8(), &keyError);
    QJsonParseError valueError {};
    const QJsonDocument value = QJsonDocument::fromJson(valueValue.toString().toUtf8(), &valueError);
    if (valueError.error != QJsonParseError::NoError) {
        fail(problem, QStringLiteral("the answer's value is not JSON: %1.").arg(valueError.errorString()));
        return std::nullopt;
    }

    ProvisionOnDemandResult result;
    if (keyError.error == QJsonParseError::NoError && key.isObject()) {
        if (!value.isObject()) {
            fail(problem, QStringLiteral("the answer's key is an object but its value is not."));
            return std::nullopt;
        }
        result.shape = Shape::KeyValueObjects;
        const QJsonObject keyObject = key.object();
        result.status = keyObject.value(QLatin1String("result")).toString().toLower();
        const QJsonObject details = keyObject.value(QLatin1String("details")).toObject();
        result.errorCode = details.value(QLatin1String("errorCode")).toString();
        result.errorMessage = details.value(QLatin1String("errorMessage")).toString();
        readValue(result, value.object());
    } else {
        // Shape A: the key names a data contract; the value carries the work.
        if (!value.isArray()) {
            fail(problem,
                QStringLiteral("the answer's key \"%1\" is not JSON and its value is not a JSON array.")
                    .arg(keyValue.toString().left(120)));
            return std::nullopt;
        }
        result.shape = Shape::StatusInfoArray;
        for (const QJsonValue& element : value.array()) {
            readValue(result, element.toObject());
        }
    }
    if (result.steps.isEmpty() && result.status.isEmpty()) {
        fail(problem, QStringLiteral("the answer holds neither a result nor provisioning steps."));
        return std::nullopt;
    }
    setIfEmpty(result.status, statusFromSteps(result.steps));
    for (const ProvisioningLogEntry::Step& step : std::as_const(result.steps)) {
        setIfEmpty(result.skipReason, step.detail(QStringLiteral("SkipReason")));
        if (step.type == QLatin1String("export")) {
            setIfEmpty(result.targetUserId, step.detail(QStringLiteral("targetObjectId")));
        }
        setIfEmpty(result.reportableIdentifier, step.detail(QStringLiteral("ReportableIdentifier")));
    }
    if (result.skipReason.isEmpty() && kSkipReasons.contains(result.errorCode)) {
        result.skipReason = result.errorCode;
    }
    return result;
}

} // namespace tb::model
