// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/TenantReference.h"

#include <catch2/catch.hpp>

using tb::model::TenantReference;

TEST_CASE("TenantReference accepts tenant ids and domains and normalises them", "[model][tenant-reference]")
{
    const auto id = TenantReference::parse(QStringLiteral("  {6F1C2A3E-0C5B-4D2A-9A41-1C0A7E5B2C01} "));
    REQUIRE(id);
    CHECK(id->isTenantId());
    CHECK(id->text() == QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01"));

    const auto domain = TenantReference::parse(QStringLiteral("Contoso.OnMicrosoft.com"));
    REQUIRE(domain);
    CHECK_FALSE(domain->isTenantId());
    CHECK(domain->text() == QStringLiteral("contoso.onmicrosoft.com"));

    CHECK(TenantReference::parse(QStringLiteral("xn--bcher-kva.example")));
    CHECK(TenantReference::parse(QStringLiteral("northwindgov.onmicrosoft.us")));
}

TEST_CASE("TenantReference refuses what is neither, with a sentence", "[model][tenant-reference]")
{
    const QString cases[] = {QString(), QStringLiteral("   "), QStringLiteral("admin@contoso.com"),
        QStringLiteral("contoso"), QStringLiteral("contoso..com"), QStringLiteral("-contoso.com"),
        QStringLiteral("contoso.com/../x"), QStringLiteral("10.0.0.1"), QStringLiteral("conto so.com"),
        QStringLiteral("00000000-0000-0000-0000-000000000000"), QStringLiteral("6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c0"),
        QStringLiteral("contoso.com?x=1"), QString(300, QLatin1Char('a')) + QStringLiteral(".com")};
    for (const QString& text : cases) {
        INFO(text.toStdString());
        QString problem;
        CHECK_FALSE(TenantReference::parse(text, &problem));
        CHECK_FALSE(problem.isEmpty());
    }
    QString problem;
    CHECK_FALSE(TenantReference::parse(QStringLiteral("admin@contoso.com"), &problem));
    CHECK(problem.contains(QStringLiteral("after the @")));
}
