// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Found by SandboxODataFuzz: the $filter parsers recursed once per '(' or 'not', so one request of a few thousand
// '(' overflowed the server's stack and took the whole sandbox down. A filter nested deeper than the parsers allow
// is now a 400 like any other bad filter, and the server goes on answering.
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

using namespace tb::test;

namespace {

QString nested(const QString& open, const QString& inner, const QString& close, int depth)
{
    return open.repeated(depth) + inner + close.repeated(depth);
}

} // namespace

TEST_CASE_METHOD(RunningSandbox, "A $filter nested thousands deep is refused with 400, not a crash", "[sandbox]")
{
    const int depth = 12000;
    const QStringList filters {
        nested(QStringLiteral("("), QStringLiteral("department eq 'Sales'"), QStringLiteral(")"), depth / 2),
        QStringLiteral("(").repeated(depth),
        nested(QStringLiteral("not "), QStringLiteral("accountEnabled eq true"), {}, depth / 3)};
    for (const QString& filter : filters) {
        for (const QString& collection :
            {QStringLiteral("/v1.0/users/$count"), QStringLiteral("/v1.0/auditLogs/provisioning")}) {
            const SandboxAnswer answer
                = client.get(kContoso, collection + QStringLiteral("?$filter=") + filter, kEventual);
            INFO(collection.toStdString() << " with " << filter.left(40).toStdString() << "...");
            CHECK(answer.status == 400);
            CHECK(messageOf(answer).contains(QLatin1String("deep")));
        }
    }
    // Nesting as people write it still works, and the server still answers.
    const SandboxAnswer usual = client.get(kContoso,
        QStringLiteral("/v1.0/users/$count?$filter=")
            + nested(QStringLiteral("("), QStringLiteral("department eq 'Sales'"), QStringLiteral(")"), 20),
        kEventual);
    CHECK(usual.status == 200);
    CHECK(usual.body.toInt() > 0);
}
