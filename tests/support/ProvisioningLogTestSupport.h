// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tb::logs {
class LogStore;
}

namespace tb::test {

struct ConfiguredPair;

// What the provisioning-log integration tests (LogFetcher, LogSync, the log-fetch fault storms) share on a
// ConfiguredPair: a cycle that writes records, the job's log as one clean read sees it (what a fetch must end up with,
// nothing missing or extra), and the requests a fetch sent for it. Each REQUIREs success, so it must be called inside a
// test case; test thread only.
class ProvisioningLogTestSupport final
{
public:
    ProvisioningLogTestSupport() = delete;

    // Seed facts (resources/sandbox/contoso.json): groups of 27 direct members each.
    [[nodiscard]] static QString salesGroupId();
    [[nodiscard]] static QString engineeringGroupId();

    // Sales assigned, the job started and one cycle run: a few dozen records in the source's log.
    static void syncSales(ConfiguredPair& pair);
    // The job's records, read in one go without a fault.
    [[nodiscard]] static QList<model::ProvisioningLogEntry> cleanRead(const ConfiguredPair& pair);
    [[nodiscard]] static QSet<QString> cleanReadIds(const ConfiguredPair& pair);
    [[nodiscard]] static QSet<QString> idsOf(const QList<model::ProvisioningLogEntry>& entries);
    // The targets of the requests sent to /auditLogs/provisioning after the sandbox's request log seq `since`, as
    // sent (percent-encoded).
    [[nodiscard]] static QStringList provisioningLogTargets(ConfiguredPair& pair, qint64 since);
    // Every record id stored in the set, each once. The store's UNIQUE (set_id, record_id) makes doubles impossible;
    // its count is CHECKed against the distinct ids as well, in case that ever changes.
    [[nodiscard]] static QSet<QString> storedIds(const logs::LogStore& store, qint64 setId);
};

} // namespace tb::test
