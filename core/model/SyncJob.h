// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace tb::model {

// The parts of a synchronizationJob (graph-reference.md 2.2) that setup and the status view read: its id
// (opaque), template, schedule and status code, and the quarantine reason when there is one. The job monitor
// will grow its own richer type; this one is what a plan needs. Value type, any thread.
struct SyncJob
{
    QString id;
    QString templateId; // "Azure2Azure" for CTS
    QString scheduleState; // Active, Disabled, Paused
    QString interval; // ISO-8601, "PT40M" for CTS
    QString statusCode; // NotConfigured, NotRun, Active, Paused, Quarantine
    QString quarantineReason; // empty unless quarantined
    QString quarantineErrorCode; // e.g. AzureDirectoryB2BManagementPolicyCheckFailure

    // Missing, null or oddly typed fields stay empty; unknown fields are ignored.
    [[nodiscard]] static SyncJob fromJson(const QJsonObject& json);
    // The same shape Graph uses (id, templateId, schedule{state,interval}, status{code,quarantine}).
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] bool isQuarantined() const { return statusCode == QStringLiteral("Quarantine"); }

    friend bool operator==(const SyncJob& a, const SyncJob& b) = default;
};

} // namespace tb::model
