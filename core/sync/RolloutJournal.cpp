// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/RolloutJournal.h"

#include "core/store/Journal.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::sync {

RolloutJournal::RolloutJournal(store::Journal& journal)
    : m_journal(journal)
{ }

void RolloutJournal::setRun(const QString& rolloutId, const QString& sourceTenantId)
{
    m_runId = rolloutId;
    m_tenantId = sourceTenantId;
}

QSet<QString> RolloutJournal::principalsOfInterruptedBatches(int stage) const
{
    QSet<QString> principals;
    for (const OpenStep& step : openSteps(stage, QStringLiteral("assign"))) {
        for (const QString& id : step.principalIds) {
            principals.insert(id);
        }
    }
    return principals;
}

QList<RolloutJournal::OpenStep> RolloutJournal::openSteps(int stage, const QString& kind) const
{
    QList<OpenStep> open;
    const auto entries = m_journal.entries(m_runId);
    if (!std::holds_alternative<QList<store::JournalEntry>>(entries)) {
        return open;
    }
    const QString prefix = QStringLiteral("stage%1.%2.").arg(stage).arg(kind);
    QStringList order; // step keys by their first row
    QHash<QString, store::JournalEntry> latest;
    for (const store::JournalEntry& entry : std::get<QList<store::JournalEntry>>(entries)) {
        if (!entry.stepKey.startsWith(prefix)) {
            continue;
        }
        if (!latest.contains(entry.stepKey)) {
            order.append(entry.stepKey);
        }
        latest.insert(entry.stepKey, entry);
    }
    for (const QString& key : std::as_const(order)) {
        const store::JournalEntry& entry = latest[key];
        if (entry.phase != store::JournalEntry::Phase::Intent) {
            continue;
        }
        OpenStep step;
        step.stepKey = key;
        const QJsonArray ids = QJsonDocument::fromJson(entry.requestBody.toUtf8())
                                   .object()
                                   .value(QLatin1String("principalIds"))
                                   .toArray();
        for (const QJsonValue& id : ids) {
            step.principalIds.append(id.toString());
        }
        open.append(step);
    }
    return open;
}

QString RolloutJournal::nextStepKey(int stage, const QString& kind, int planned) const
{
    // Unique within the run whatever an earlier runner wrote: count the steps of this kind already journalled.
    int used = 0;
    const auto entries = m_journal.entries(m_runId);
    const QString prefix = QStringLiteral("stage%1.%2.").arg(stage).arg(kind);
    if (std::holds_alternative<QList<store::JournalEntry>>(entries)) {
        QSet<QString> keys;
        for (const store::JournalEntry& entry : std::get<QList<store::JournalEntry>>(entries)) {
            if (entry.stepKey.startsWith(prefix)) {
                keys.insert(entry.stepKey);
            }
        }
        used = static_cast<int>(keys.size());
    }
    return prefix + QString::number(used + planned);
}

QString RolloutJournal::record(const QString& stepKey, store::JournalEntry::Phase phase, int stage,
    const QStringList& principalIds, const QString& method, const QString& detail)
{
    store::JournalEntry entry;
    entry.runId = m_runId;
    entry.stepKey = stepKey;
    entry.tenantId = m_tenantId;
    entry.phase = phase;
    entry.method = method;
    entry.path = QStringLiteral("/$batch");
    entry.requestBody = QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("stage"), stage},
                          {QStringLiteral("principalIds"), QJsonArray::fromStringList(principalIds)}})
            .toJson(QJsonDocument::Compact));
    entry.detail = detail;
    entry.httpStatus = phase == store::JournalEntry::Phase::Intent ? 0 : 200;
    const auto recorded = m_journal.record(entry);
    if (std::holds_alternative<store::StoreError>(recorded)) {
        return QStringLiteral("Could not write the journal: %1").arg(std::get<store::StoreError>(recorded).detail());
    }
    return {};
}

} // namespace tb::sync
