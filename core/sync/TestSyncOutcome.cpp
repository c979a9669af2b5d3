// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestSyncOutcome.h"

#include <QJsonArray>

namespace tb::sync {

namespace {

const QStringList kVerdictWords {
    QStringLiteral("asPredicted"), QStringLiteral("differs"), QStringLiteral("failed"), QStringLiteral("skipped")};

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (time.isValid()) {
        time = time.toUTC();
    }
    return time;
}

} // namespace

QString TestSyncOutcome::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::AsPredicted:
        return QStringLiteral("as predicted");
    case Verdict::Differs:
        return QStringLiteral("differs");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("failed");
}

QString TestSyncOutcome::summary() const
{
    // The verdict ("failed", "skipped") is shown beside the summary, so these say why, not that.
    if (verdict == Verdict::Failed) {
        return errorCode.isEmpty() ? errorMessage : QStringLiteral("%1: %2").arg(errorCode, errorMessage);
    }
    if (verdict == Verdict::Skipped) {
        return errorCode.isEmpty() ? QStringLiteral("the service did not act on the user")
                                   : QStringLiteral("the service did not act on the user (%1)").arg(errorCode);
    }
    const QString did = serviceAction == QStringLiteral("create") ? QStringLiteral("created")
        : serviceAction == QStringLiteral("update")               ? QStringLiteral("updated")
                                                                  : QStringLiteral("processed");
    QString text = missingRequired.isEmpty()
        ? QStringLiteral("%1 with all the attributes you need").arg(did)
        : QStringLiteral("%1, but %2 arrived empty").arg(did, missingRequired.join(QStringLiteral(", ")));
    if (verdict == Verdict::Differs) {
        QStringList names;
        for (const Difference& difference : differences) {
            names.append(difference.attribute);
        }
        text += names.isEmpty()
            ? QStringLiteral("; not the action the preview expected")
            : QStringLiteral("; differs from the preview in %1").arg(names.join(QStringLiteral(", ")));
    }
    return text;
}

QJsonObject TestSyncOutcome::toJson() const
{
    QJsonArray timelineArray;
    for (const TimelineStep& step : timeline) {
        timelineArray.append(QJsonObject {{QStringLiteral("type"), step.type}, {QStringLiteral("status"), step.status},
            {QStringLiteral("text"), step.text}, {QStringLiteral("time"), timeText(step.time)}});
    }
    QJsonArray differenceArray;
    for (const Difference& difference : differences) {
        differenceArray.append(QJsonObject {{QStringLiteral("attribute"), difference.attribute},
            {QStringLiteral("predicted"), difference.predicted}, {QStringLiteral("actual"), difference.actual}});
    }
    return QJsonObject {{QStringLiteral("sourceUserId"), sourceUserId},
        {QStringLiteral("userPrincipalName"), userPrincipalName}, {QStringLiteral("preview"), preview.toJson()},
        {QStringLiteral("verdict"), kVerdictWords.at(static_cast<qsizetype>(verdict))},
        {QStringLiteral("serviceAction"), serviceAction}, {QStringLiteral("serviceStatus"), serviceStatus},
        {QStringLiteral("errorCode"), errorCode}, {QStringLiteral("errorMessage"), errorMessage},
        {QStringLiteral("explanation"), explanation}, {QStringLiteral("timeline"), timelineArray},
        {QStringLiteral("targetUserId"), targetUserId}, {QStringLiteral("differences"), differenceArray},
        {QStringLiteral("missingRequired"), QJsonArray::fromStringList(missingRequired)},
        {QStringLiteral("assignedByTestSync"), assignedByTestSync},
        {QStringLiteral("finishedAt"), timeText(finishedAt)}, {QStringLiteral("summary"), summary()}};
}

TestSyncOutcome TestSyncOutcome::fromJson(const QJsonObject& json)
{
    TestSyncOutcome outcome;
    outcome.sourceUserId = json.value(QLatin1String("sourceUserId")).toString();
    outcome.userPrincipalName = json.value(QLatin1String("userPrincipalName")).toString();
    outcome.preview = UserPreview::fromJson(json.value(QLatin1String("preview")).toObject());
    const qsizetype verdict = kVerdictWords.indexOf(json.value(QLatin1String("verdict")).toString());
    outcome.verdict = verdict < 0 ? Verdict::Failed : static_cast<Verdict>(verdict);
    outcome.serviceAction = json.value(QLatin1String("serviceAction")).toString();
    outcome.serviceStatus = json.value(QLatin1String("serviceStatus")).toString();
    outcome.errorCode = json.value(QLatin1String("errorCode")).toString();
    outcome.errorMessage = json.value(QLatin1String("errorMessage")).toString();
    outcome.explanation = json.value(QLatin1String("explanation")).toString();
    for (const QJsonValue& value : json.value(QLatin1String("timeline")).toArray()) {
        const QJsonObject object = value.toObject();
        outcome.timeline.append(
            {object.value(QLatin1String("type")).toString(), object.value(QLatin1String("status")).toString(),
                object.value(QLatin1String("text")).toString(), timeFrom(object.value(QLatin1String("time")))});
    }
    outcome.targetUserId = json.value(QLatin1String("targetUserId")).toString();
    for (const QJsonValue& value : json.value(QLatin1String("differences")).toArray()) {
        const QJsonObject object = value.toObject();
        outcome.differences.append({object.value(QLatin1String("attribute")).toString(),
            object.value(QLatin1String("predicted")).toString(), object.value(QLatin1String("actual")).toString()});
    }
    for (const QJsonValue& value : json.value(QLatin1String("missingRequired")).toArray()) {
        outcome.missingRequired.append(value.toString());
    }
    outcome.assignedByTestSync = json.value(QLatin1String("assignedByTestSync")).toBool();
    outcome.finishedAt = timeFrom(json.value(QLatin1String("finishedAt")));
    return outcome;
}

} // namespace tb::sync
