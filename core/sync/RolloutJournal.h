// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/JournalEntry.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tb::store {
class Journal;
}

namespace tb::sync {

// A rollout's batches in the journal: one step per $batch, keyed "stage<N>.<assign|undo>.<K>", written as an intent
// before it is sent and as done or failed after, with the batch's principal ids in the request body. The run id is the
// rollout's id; the tenant is the source (where the assignments live). Borrows the Journal; same thread.
class RolloutJournal
{
public:
    // A batch whose latest row is its intent: sent (or about to be) when the program stopped, its answer never heard.
    struct OpenStep
    {
        QString stepKey;
        QStringList principalIds;
    };

    explicit RolloutJournal(store::Journal& journal);

    void setRun(const QString& rolloutId, const QString& sourceTenantId);

    // The principals of the stage's assignment batches whose latest row is an intent: sent, answer never heard.
    [[nodiscard]] QSet<QString> principalsOfInterruptedBatches(int stage) const;
    // The stage's batches of a kind ("assign", "undo") whose latest row is an intent, in the order written. A resumed
    // runner closes each with record() once it has read from the tenant what became of it.
    [[nodiscard]] QList<OpenStep> openSteps(int stage, const QString& kind) const;
    // A step key not used in the run yet; `planned` keys were handed out already but not written.
    [[nodiscard]] QString nextStepKey(int stage, const QString& kind, int planned) const;
    // Writes one row; an empty string, or why it could not.
    [[nodiscard]] QString record(const QString& stepKey, store::JournalEntry::Phase phase, int stage,
        const QStringList& principalIds, const QString& method, const QString& detail);

private:
    store::Journal& m_journal;
    QString m_runId;
    QString m_tenantId;
};

} // namespace tb::sync
