// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace tb::store {

// One row of the journal: a step of a run, before (Intent) or after (Done / Failed) its request.
struct JournalEntry
{
    enum class Phase { Intent, Done, Failed };

    qint64 id = 0; // assigned by the store
    QString runId; // one apply of a plan
    QString stepKey; // stable name of the step within its plan, e.g. "target.partner.create"
    QString tenantId; // the tenant the request changes
    Phase phase = Phase::Intent;
    QString method;
    QString path;
    QString requestBody; // redacted before it is stored
    int httpStatus = 0;
    QString requestId; // Graph's request-id of the answer
    QString detail; // a sentence or an error message, redacted
    QDateTime recordedAt;

    [[nodiscard]] static QString phaseName(Phase phase);
    [[nodiscard]] static Phase phaseFromName(const QString& name);
};

} // namespace tb::store
