// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/UserPreview.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace tb::sync {

// What a real test sync of one user did (provision on demand, graph-reference.md 2.7), read back from the target
// and compared with the preview made before it (issue 6, TestSync). Value type, any thread.
struct TestSyncOutcome
{
    enum class Verdict {
        AsPredicted, // the action and every flowing attribute as the preview said
        Differs, // it ran, but the action or some attributes are not what the preview said (see differences)
        Failed, // the service reported a failure (errorCode, explanation) or the call failed
        Skipped, // the service skipped the user (not in scope, RedundantExport) and the preview did not expect it
    };

    struct Difference
    {
        QString attribute;
        QString predicted;
        QString actual;

        friend bool operator==(const Difference& a, const Difference& b) = default;
    };

    // One readable line per provisioning step: "Import: retrieved adele@contoso.com", with its status.
    struct TimelineStep
    {
        QString type; // import, scoping, matching, processing, export
        QString status; // success, skipped, failure, warning
        QString text;
        QDateTime time; // UTC; invalid when the service gave none

        friend bool operator==(const TimelineStep& a, const TimelineStep& b) = default;
    };

    QString sourceUserId;
    QString userPrincipalName;
    UserPreview preview; // what was expected
    Verdict verdict = Verdict::Failed;
    QString serviceAction; // what the service says it did: create, update, other, …
    QString serviceStatus; // success, skipped, failure, warning
    QString errorCode;
    QString errorMessage;
    QString explanation; // ErrorCatalogue: meaning + what to do, for a failure or a skip
    QList<TimelineStep> timeline;
    QString targetUserId; // the user in the target afterwards
    QList<Difference> differences; // predicted vs actual, for flowing attributes only
    // The attributes the administrator said their target needs: those that arrived without a value.
    QStringList missingRequired;
    bool assignedByTestSync = false; // the test sync added this user's assignment (it was not assigned before)
    QDateTime finishedAt;

    // "created with all the attributes you need", "updated, but jobTitle and manager arrived empty", …
    [[nodiscard]] QString summary() const;
    [[nodiscard]] static QString verdictName(Verdict verdict); // "as predicted", "differs", "failed", "skipped"

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static TestSyncOutcome fromJson(const QJsonObject& json);

    friend bool operator==(const TestSyncOutcome& a, const TestSyncOutcome& b) = default;
};

} // namespace tb::sync

Q_DECLARE_METATYPE(tb::sync::TestSyncOutcome)
