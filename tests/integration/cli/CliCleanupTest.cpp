// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli schema get, impact and cleanup against a sandbox on 127.0.0.1: bad usage (2), then after a test
// sync of one user: the schema written to a file, an edited copy's impact (the user would be soft-deleted), the
// clean-up list and the removal of the assignments.
#include "tests/integration/cli/CliSession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using tb::test::CliRun;
using tb::test::CliSession;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");

QStringList args(std::initializer_list<QString> words)
{
    return QStringList(words);
}

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(content) == content.size());
}

// The schema with a scoping group nobody passes appended to the user mapping.
QJsonObject withNobodyInScope(QJsonObject schema)
{
    QJsonArray rules = schema.value(QLatin1String("synchronizationRules")).toArray();
    QJsonObject rule = rules.first().toObject();
    QJsonArray mappings = rule.value(QLatin1String("objectMappings")).toArray();
    for (qsizetype i = 0; i < mappings.size(); ++i) {
        QJsonObject mapping = mappings.at(i).toObject();
        if (mapping.value(QLatin1String("sourceObjectName")).toString() != QStringLiteral("User")) {
            continue;
        }
        QJsonObject scope = mapping.value(QLatin1String("scope")).toObject();
        QJsonArray groups = scope.value(QLatin1String("groups")).toArray();
        groups.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("Nobody")},
            {QStringLiteral("clauses"),
                QJsonArray {QJsonObject {{QStringLiteral("operatorName"), QStringLiteral("EQUALS")},
                    {QStringLiteral("sourceOperandName"), QStringLiteral("department")},
                    {QStringLiteral("targetOperand"),
                        QJsonObject {{QStringLiteral("values"), QJsonArray {QStringLiteral("No such")}}}}}}}});
        scope.insert(QStringLiteral("groups"), groups);
        mapping.insert(QStringLiteral("scope"), scope);
        mappings[i] = mapping;
    }
    rule.insert(QStringLiteral("objectMappings"), mappings);
    rules[0] = rule;
    schema.insert(QStringLiteral("synchronizationRules"), rules);
    return schema;
}

} // namespace

TEST_CASE("cli impact, schema and cleanup explain bad usage with exit code 2", "[integration][cli][cleanup]")
{
    CliSession cli;
    const CliRun noSchema = cli.run(args({QStringLiteral("impact")}));
    CHECK(noSchema.exitCode == 2);
    CHECK(noSchema.err.contains(QStringLiteral("--schema FILE")));
    const CliRun missing = cli.run(args(
        {QStringLiteral("impact"), QStringLiteral("--schema"), cli.home.filePath(QStringLiteral("missing.json"))}));
    CHECK(missing.exitCode == 2);
    const QString noMapping = cli.home.filePath(QStringLiteral("no-mapping.json"));
    write(noMapping, R"({"id": "x", "synchronizationRules": []})");
    const CliRun noUserMapping = cli.run(args({QStringLiteral("impact"), QStringLiteral("--schema"), noMapping}));
    CHECK(noUserMapping.exitCode == 2);
    CHECK(noUserMapping.err.contains(QStringLiteral("synchronizationRules")));
    const QString notJson = cli.home.filePath(QStringLiteral("not.json"));
    write(notJson, "{ not json");
    CHECK(cli.run(args({QStringLiteral("impact"), QStringLiteral("--schema"), notJson})).exitCode == 2);
    CHECK(cli.run(args({QStringLiteral("schema"), QStringLiteral("put")})).exitCode == 2);
    CHECK(cli.run(args({QStringLiteral("cleanup"), QStringLiteral("everything")})).exitCode == 2);
    // Standard input of the test's process is not a terminal: removing asks, so it needs --yes.
    const CliRun noYes = cli.run(args({QStringLiteral("cleanup"), QStringLiteral("remove-assignments")}));
    CHECK(noYes.exitCode == 2);
    CHECK(noYes.err.contains(QStringLiteral("--yes")));
}

TEST_CASE(
    "cli schema get, impact of an edited copy, cleanup list and remove-assignments", "[integration][cli][cleanup]")
{
    CliSession cli;
    cli.loginBoth();
    REQUIRE(cli.run(args({QStringLiteral("apply"), QStringLiteral("--yes")})).exitCode == 0);
    const CliRun testSync
        = cli.run(args({QStringLiteral("test-sync"), QStringLiteral("--user"), kAdele, QStringLiteral("--yes")}));
    INFO(testSync.err.toStdString());
    REQUIRE(testSync.exitCode != 2);

    const QString current = cli.home.filePath(QStringLiteral("schema.json"));
    const CliRun get
        = cli.run(args({QStringLiteral("schema"), QStringLiteral("get"), QStringLiteral("--output"), current}));
    INFO(get.err.toStdString());
    REQUIRE(get.exitCode == 0);
    QFile file(current);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject schema = QJsonDocument::fromJson(file.readAll()).object();
    REQUIRE_FALSE(schema.value(QLatin1String("synchronizationRules")).toArray().isEmpty());

    // The current schema itself: nobody's outcome changes.
    const CliRun same
        = cli.run(args({QStringLiteral("--json"), QStringLiteral("impact"), QStringLiteral("--schema"), current}));
    INFO(same.err.toStdString());
    REQUIRE(same.exitCode == 0);
    CHECK(tb::test::parseJson(same.out).value(QLatin1String("users")).toArray().isEmpty());

    const QString edited = cli.home.filePath(QStringLiteral("edited.json"));
    write(edited, QJsonDocument(withNobodyInScope(schema)).toJson());
    const CliRun impact = cli.run(args({QStringLiteral("impact"), QStringLiteral("--schema"), edited}));
    INFO(impact.err.toStdString());
    INFO(impact.out.toStdString());
    REQUIRE(impact.exitCode == 0);
    CHECK(impact.out.contains(QStringLiteral("Would leave scope and be soft-deleted in the target (1):")));
    CHECK(impact.out.contains(kAdele));
    const CliRun impactJson
        = cli.run(args({QStringLiteral("--json"), QStringLiteral("impact"), QStringLiteral("--schema"), edited}));
    REQUIRE(impactJson.exitCode == 0);
    const QJsonObject counts = tb::test::parseJson(impactJson.out).value(QLatin1String("counts")).toObject();
    CHECK(counts.value(QLatin1String("soft delete")).toInt() == 1);

    const CliRun list = cli.run(args({QStringLiteral("--json"), QStringLiteral("cleanup"), QStringLiteral("list")}));
    INFO(list.err.toStdString());
    REQUIRE(list.exitCode == 0);
    const QJsonObject listing = tb::test::parseJson(list.out);
    CHECK(listing.value(QLatin1String("provenUsers")).toInt() == 1);
    CHECK(listing.value(QLatin1String("assignments")).toArray().size() == 1);
    const CliRun listText = cli.run(args({QStringLiteral("cleanup"), QStringLiteral("list")}));
    CHECK(listText.exitCode == 0);
    CHECK(listText.out.contains(QStringLiteral("not proven to be from this configuration")));

    const CliRun remove = cli.run(args({QStringLiteral("--json"), QStringLiteral("cleanup"),
        QStringLiteral("remove-assignments"), QStringLiteral("--yes")}));
    INFO(remove.err.toStdString());
    REQUIRE(remove.exitCode == 0);
    const QJsonObject removed = tb::test::parseJson(remove.out);
    CHECK(removed.value(QLatin1String("removed")).toInt() == 1);
    CHECK(removed.value(QLatin1String("failures")).toArray().isEmpty());
    const CliRun after = cli.run(args({QStringLiteral("--json"), QStringLiteral("cleanup"), QStringLiteral("list")}));
    REQUIRE(after.exitCode == 0);
    CHECK(tb::test::parseJson(after.out).value(QLatin1String("assignments")).toArray().isEmpty());
}
