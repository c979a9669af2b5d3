// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/PlanStep.h"

#include <QJsonArray>

namespace tb::setup {

namespace {

// Fills one placeholder in the request's path; the path template keeps "{name}" for the log.
void fill(graph::GraphRequest& request, const QString& name, const QString& value)
{
    request.setPath(
        QString(request.path()).replace(PlanStep::placeholderText(name), graph::GraphRequest::pathSegment(value)));
}

QJsonObject requestJson(const graph::GraphRequest& request)
{
    QJsonObject json {
        {QStringLiteral("method"), QString::fromLatin1(graph::GraphRequest::methodName(request.method()))},
        {QStringLiteral("version"), graph::GraphRequest::versionName(request.apiVersion())},
        {QStringLiteral("path"), request.relativeUrl()}};
    if (request.body()) {
        json.insert(QStringLiteral("body"), *request.body());
    }
    return json;
}

} // namespace

QString PlanStep::placeholderText(const QString& name)
{
    return QLatin1Char('{') + name + QLatin1Char('}');
}

QString PlanStep::waitingReason()
{
    return QStringLiteral("the request waits for a value from an earlier step of the plan.");
}

PlanStep PlanStep::withValues(const QHash<QString, QString>& values) const
{
    PlanStep filled = *this;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!filled.placeholders.contains(it.key()) || it.value().trimmed().isEmpty()) {
            continue;
        }
        fill(filled.request, it.key(), it.value());
        if (filled.alternative) {
            fill(*filled.alternative, it.key(), it.value());
        }
        filled.placeholders.removeAll(it.key());
    }
    if (filled.placeholders.isEmpty()) {
        // Only the waiting mark is lifted: a request the builder found wrong (an empty tenant id) stays invalid.
        if (filled.request.invalidReason() == waitingReason()) {
            filled.request.setInvalidReason(QString());
        }
        if (filled.alternative && filled.alternative->invalidReason() == waitingReason()) {
            filled.alternative->setInvalidReason(QString());
        }
    }
    return filled;
}

QJsonObject PlanStep::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("role"), model::tenantRoleName(role)},
        {QStringLiteral("description"), description}, {QStringLiteral("satisfied"), satisfied},
        {QStringLiteral("request"), requestJson(request)},
        {QStringLiteral("dependsOn"), QJsonArray::fromStringList(dependsOn)},
        {QStringLiteral("placeholders"), QJsonArray::fromStringList(placeholders)}};
    if (alternative) {
        json.insert(QStringLiteral("alternative"), requestJson(*alternative));
    }
    if (!warning.isEmpty()) {
        json.insert(QStringLiteral("warning"), warning);
    }
    if (!produces.isEmpty()) {
        json.insert(QStringLiteral("produces"), produces);
    }
    if (conflictMeansDone) {
        json.insert(QStringLiteral("conflictMeansDone"), true);
    }
    return json;
}

} // namespace tb::setup
