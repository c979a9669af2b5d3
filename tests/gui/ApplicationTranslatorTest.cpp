// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The English translation compiled into the program, installed as the desktop app's main does: counts read
// "1 record" and "2 records", not "1 record(s)", in texts the pages really show.
#include "tests/support/InstalledTranslator.h"
#include "ui/pages/SyncLogsPage.h"
#include "ui/topology/SynchronizationBox.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QTranslator>

using tb::ui::SynchronizationBox;
using tb::ui::SyncLogsPage;

using tb::test::InstalledTranslator;

TEST_CASE("Counts read 1 record and 2 records once the English translation is installed")
{
    CHECK(SyncLogsPage::tr("%Ln record(s)", nullptr, 1) == QStringLiteral("1 record(s)"));

    const InstalledTranslator translator;
    REQUIRE(translator.installed);
    // The sync logs page's status line.
    CHECK(SyncLogsPage::tr("%Ln record(s)", nullptr, 1) == QStringLiteral("1 record"));
    CHECK(SyncLogsPage::tr("%Ln record(s)", nullptr, 2) == QStringLiteral("2 records"));
    CHECK(SyncLogsPage::tr("%Ln record(s)", nullptr, 0) == QStringLiteral("0 records"));
    // %Ln groups the digits as the locale does.
    CHECK(
        SyncLogsPage::tr("%Ln record(s)", nullptr, 200000) == QLocale().toString(200000) + QStringLiteral(" records"));
    // A singular whose verb agrees, written out in the .ts.
    CHECK(QCoreApplication::translate("tb::ui::SchemaChangeDialog",
              "%n user(s) leave scope: the service soft-deletes them in %1 on its next cycle.", nullptr, 1)
        == QStringLiteral("1 user leaves scope: the service soft-deletes it in %1 on its next cycle."));
}

TEST_CASE("A widget shows the singular and the plural once the translation is installed")
{
    const InstalledTranslator translator;
    REQUIRE(translator.installed);
    SynchronizationBox box;
    auto* others = box.findChild<QLabel*>(QStringLiteral("otherConfigurationsLabel"));
    REQUIRE(others != nullptr);
    box.setConfiguration(std::nullopt, QString(), 1);
    CHECK(others->text() == QStringLiteral("1 other configuration in the source, left as it is."));
    box.setConfiguration(std::nullopt, QString(), 3);
    CHECK(others->text() == QStringLiteral("3 other configurations in the source, left as they are."));
}
