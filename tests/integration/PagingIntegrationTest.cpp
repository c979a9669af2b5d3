// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"

#include <catch2/catch.hpp>

#include <QSet>

using namespace tb::graph;
using tb::test::GraphWait;
using tb::test::SandboxFixture;

namespace {

tbsandbox::SandboxOptions bigTenant(int users)
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("big"), users}};
    return options;
}

} // namespace

TEST_CASE("PageReader reads 10,000 users page by page with unique ids and exact counts", "[integration][graph]")
{
    SandboxFixture fixture(bigTenant(10000));
    REQUIRE(fixture.isReady());
    const auto big = fixture.tenant(QStringLiteral("big"));
    REQUIRE(big.has_value());
    const qint64 before = fixture.lastSeq();

    constexpr int kPageSize = 700;
    DirectoryEndpoints directory(*fixture.client(big->tenant.id));
    DirectoryEndpoints::UserListOptions options;
    options.select = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName")};
    options.pageSize = kPageSize;
    const GraphWait::Pages pages = GraphWait::readAll(directory.listUsers(options, nullptr));

    REQUIRE(pages.result.has_value());
    INFO(pages.result->error.toLogString().toStdString());
    CHECK(pages.result->isComplete());
    CHECK(pages.finishedSignals == 1);
    CHECK(pages.items.size() == 10000);
    CHECK(pages.result->items == 10000);
    QSet<QString> ids;
    for (const QJsonObject& item : pages.items) {
        ids.insert(item.value(QStringLiteral("id")).toString());
    }
    ids.remove(QString());
    CHECK(ids.size() == 10000);

    const int expectedRequests = (10000 + kPageSize - 1) / kPageSize; // 15
    CHECK(pages.result->pages == expectedRequests);
    int userRequests = 0;
    for (const auto& entry : fixture.requestLog(before)) {
        if (entry.method == QStringLiteral("GET") && entry.path().endsWith(QStringLiteral("/users"))) {
            ++userRequests;
            CHECK(entry.status == 200);
            CHECK(entry.path().contains(big->tenant.id)); // the tenant-scoped form, kept by every next link
        }
    }
    CHECK(userRequests == expectedRequests);
}
