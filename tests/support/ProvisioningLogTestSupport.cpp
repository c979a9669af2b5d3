// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ProvisioningLogTestSupport.h"

#include "core/graph/PageReader.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/logs/LogStore.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"

#include <catch2/catch.hpp>

namespace tb::test {

using graph::ProvisioningLogEndpoints;
using model::ProvisioningLogEntry;

QString ProvisioningLogTestSupport::salesGroupId()
{
    return QStringLiteral("c5bc1ffd-8557-5d19-998e-54b1d616591a");
}

QString ProvisioningLogTestSupport::engineeringGroupId()
{
    return QStringLiteral("2ac53b61-79d6-5579-b3a9-1c02ea2e2c1d");
}

void ProvisioningLogTestSupport::syncSales(ConfiguredPair& pair)
{
    pair.assign(salesGroupId());
    pair.startJob();
    REQUIRE(pair.fixture.runSyncCycle() == 1);
}

QList<ProvisioningLogEntry> ProvisioningLogTestSupport::cleanRead(const ConfiguredPair& pair)
{
    ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = pair.jobId;
    const ProvisioningLogEndpoints endpoints(*pair.sourceClient);
    const GraphWait::Pages pages = GraphWait::readAll(endpoints.provisioningLogs(query, nullptr));
    REQUIRE(pages.result.has_value());
    REQUIRE(pages.result->isComplete());
    QList<ProvisioningLogEntry> entries;
    for (const QJsonObject& item : pages.items) {
        entries.append(ProvisioningLogEntry::fromJson(item));
    }
    return entries;
}

QSet<QString> ProvisioningLogTestSupport::cleanReadIds(const ConfiguredPair& pair)
{
    return idsOf(cleanRead(pair));
}

QSet<QString> ProvisioningLogTestSupport::idsOf(const QList<ProvisioningLogEntry>& entries)
{
    QSet<QString> ids;
    for (const ProvisioningLogEntry& entry : entries) {
        ids.insert(entry.id);
    }
    return ids;
}

QStringList ProvisioningLogTestSupport::provisioningLogTargets(ConfiguredPair& pair, qint64 since)
{
    QStringList targets;
    for (const SandboxLogEntry& entry : pair.fixture.requestLog(since)) {
        if (entry.path().endsWith(QLatin1String("/auditLogs/provisioning"))) {
            targets.append(entry.target);
        }
    }
    return targets;
}

QSet<QString> ProvisioningLogTestSupport::storedIds(const logs::LogStore& store, qint64 setId)
{
    logs::LogQuery query;
    query.setId = setId;
    const auto rows = store.rows(query, 0, 100000);
    REQUIRE(std::holds_alternative<QList<logs::LogRow>>(rows));
    QSet<QString> ids;
    for (const logs::LogRow& row : std::get<QList<logs::LogRow>>(rows)) {
        ids.insert(row.recordId);
    }
    const auto count = store.count(setId);
    REQUIRE(std::holds_alternative<qint64>(count));
    CHECK(std::get<qint64>(count) == ids.size());
    return ids;
}

} // namespace tb::test
