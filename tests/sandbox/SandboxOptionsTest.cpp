// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/sandbox/RunningSandbox.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::test;
using tbsandbox::SandboxOptions;

TEST_CASE("SandboxOptions reads ports, seeds, generated tenants and every fault option", "[sandbox]")
{
    QString error;
    const std::optional<SandboxOptions> options = SandboxOptions::fromArguments(
        {QStringLiteral("--port"), QStringLiteral("8123"), QStringLiteral("--generate"), QStringLiteral("big=100000"),
            QStringLiteral("--generate=small=10"), QStringLiteral("--throttle"), QStringLiteral("10/10000:2"),
            QStringLiteral("--error"), QStringLiteral("*/users*=503:0.5:3"), QStringLiteral("--latency"),
            QStringLiteral("25"), QStringLiteral("--drop"), QStringLiteral("*/users:1"), QStringLiteral("--malformed"),
            QStringLiteral("*/organization"), QStringLiteral("--fault-seed"), QStringLiteral("42")},
        &error);
    REQUIRE(options.has_value());
    CHECK(options->port == 8123);
    REQUIRE(options->generatedTenants.size() == 2);
    CHECK(options->generatedTenants.at(0).name == QLatin1String("big"));
    CHECK(options->generatedTenants.at(0).userCount == 100000);
    CHECK(options->generatedTenants.at(1).userCount == 10);
    const QJsonObject plan = options->faultPlan;
    CHECK(plan.value(QLatin1String("seed")).toInt() == 42);
    CHECK(plan.value(QLatin1String("latencyMs")).toInt() == 25);
    CHECK(plan.value(QLatin1String("throttle")).toObject().value(QLatin1String("retryAfterSeconds")).toInt() == 2);
    const QJsonObject errorRule = plan.value(QLatin1String("errors")).toArray().first().toObject();
    CHECK(errorRule.value(QLatin1String("pathPattern")).toString() == QLatin1String("*/users*"));
    CHECK(errorRule.value(QLatin1String("status")).toInt() == 503);
    CHECK(errorRule.value(QLatin1String("rate")).toDouble() == 0.5);
    CHECK(errorRule.value(QLatin1String("count")).toInt() == 3);
    CHECK(plan.value(QLatin1String("drops")).toArray().first().toObject().value(QLatin1String("count")).toInt() == 1);
    CHECK(plan.value(QLatin1String("malformed"))
              .toArray()
              .first()
              .toObject()
              .value(QLatin1String("pathPattern"))
              .toString()
        == QLatin1String("*/organization"));
}

TEST_CASE("SandboxOptions refuses bad arguments with a sentence that says what to change", "[sandbox]")
{
    const QList<QStringList> bad = {
        {QStringLiteral("--port"), QStringLiteral("70000")},
        {QStringLiteral("--port")},
        {QStringLiteral("--generate"), QStringLiteral("big")},
        {QStringLiteral("--generate"), QStringLiteral("big=2000000")},
        {QStringLiteral("--generate"), QStringLiteral("Big Tenant=10")},
        {QStringLiteral("--tls-cert"), QStringLiteral("cert.pem")},
        {QStringLiteral("--throttle"), QStringLiteral("ten")},
        {QStringLiteral("--error"), QStringLiteral("*/users")},
        {QStringLiteral("--error"), QStringLiteral("*/users=99")},
        {QStringLiteral("--error"), QStringLiteral("*/users=503:2.0")},
        {QStringLiteral("--latency"), QStringLiteral("-1")},
        {QStringLiteral("--faults"), QStringLiteral("/nonexistent/plan.json")},
        {QStringLiteral("--frobnicate")},
    };
    for (const QStringList& arguments : bad) {
        QString error;
        INFO(arguments.join(QLatin1Char(' ')).toStdString());
        CHECK_FALSE(SandboxOptions::fromArguments(arguments, &error).has_value());
        CHECK(error.endsWith(QLatin1Char('.')));
    }
    CHECK(SandboxOptions::usage().contains(QLatin1String("--generate NAME=USERS")));
}

TEST_CASE("A port already in use stops the start with a sentence", "[sandbox]")
{
    RunningSandbox sandbox;
    tbsandbox::SandboxServer& first = sandbox.server;
    SandboxOptions options;
    options.port = first.port();
    tbsandbox::SandboxServer second(options);
    QString error;
    CHECK_FALSE(second.start(&error));
    CHECK(error.contains(QString::number(first.port())));
}
