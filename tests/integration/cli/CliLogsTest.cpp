// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli logs against a sandbox on 127.0.0.1, after `apply --yes` and a test sync of two users, with an
// export error injected for one of them and one cycle run: bad usage (2); fetch, then query --status failure shows
// the injected code with the catalogue's title; export to CSV and import it back gives the same count; a broken file
// exits non-zero naming the line and adds no set; a display name that looks like a formula is exported with the
// apostrophe in front.
#include "core/sync/ErrorCatalogue.h"
#include "tests/integration/cli/CliSession.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using tb::test::CliRun;
using tb::test::CliSession;

namespace {

const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
const QString kMegan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");
const QString kConflict = QStringLiteral("AzureActiveDirectoryConflictEntry");

QStringList args(std::initializer_list<const char*> words)
{
    QStringList list;
    for (const char* word : words) {
        list.append(QString::fromLatin1(word));
    }
    return list;
}

// POST of a test route of the session's sandbox.
QJsonObject post(const CliSession& cli, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(cli.url + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    REQUIRE(tb::test::SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
    reply->deleteLater();
    REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// The sets as `logs sets --json` lists them.
QJsonArray sets(CliSession& cli)
{
    const CliRun run = cli.run(args({"--json", "logs", "sets"}));
    REQUIRE(run.exitCode == 0);
    return tb::test::parseJson(run.out).value(QLatin1String("sets")).toArray();
}

qint64 recordsOfSet(const QJsonArray& all, qint64 setId)
{
    for (const QJsonValue& set : all) {
        if (set.toObject().value(QLatin1String("id")).toInteger() == setId) {
            return set.toObject().value(QLatin1String("records")).toInteger();
        }
    }
    return -1;
}

// Contoso -> Fabrikam set up, Adele and Megan test-synced (provision on demand), Megan's exports failing with a
// conflict, the job started and one cycle run: the job's log then has successes and Megan's failure.
void prepare(CliSession& cli)
{
    cli.loginBoth();
    REQUIRE(cli.run(args({"apply", "--yes"})).exitCode == 0);
    REQUIRE(cli.run({QStringLiteral("test-sync"), QStringLiteral("--user"), kAdele, QStringLiteral("--user"), kMegan,
                        QStringLiteral("--yes")})
                .exitCode
        == 0);
    post(cli, QStringLiteral("/_sandbox/synchronization/userErrors"),
        QJsonObject {{QStringLiteral("userPrincipalNames"), QJsonArray {kMegan}}, {QStringLiteral("code"), kConflict}});
    REQUIRE(cli.run(args({"job", "start", "--yes"})).exitCode == 0);
    REQUIRE(
        post(cli, QStringLiteral("/_sandbox/synchronization/runCycle"), {}).value(QLatin1String("jobs")).toInt() >= 1);
}

} // namespace

TEST_CASE("cli logs explains bad usage with exit code 2", "[integration][cli][logs]")
{
    CliSession cli;
    CHECK(cli.run(args({"logs"})).exitCode == 2);
    const CliRun unknown = cli.run(args({"logs", "grep"}));
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("fetch, query, export, import, sets, timeline")));
    CHECK(cli.run(args({"logs", "import"})).exitCode == 2);
    CHECK(cli.run(args({"logs", "query", "--status", "broken"})).exitCode == 2);
    CHECK(cli.run(args({"logs", "query", "--since", "yesterday"})).exitCode == 2);
    CHECK(cli.run(args({"logs", "query", "--sort", "colour"})).exitCode == 2);
    CHECK(cli.run(args({"logs", "export"})).exitCode == 2); // no --output
    CHECK(cli.run(args({"logs", "fetch", "--status", "failure"})).exitCode == 2);
    const CliRun empty = cli.run(args({"logs", "query"}));
    CHECK(empty.exitCode == 3);
    CHECK(empty.err.contains(QStringLiteral("run 'logs fetch'")));
}

TEST_CASE("cli logs fetch, query, export and import a job's logs", "[integration][cli][logs]")
{
    CliSession cli;
    prepare(cli);

    const CliRun fetch = cli.run(args({"logs", "fetch"}));
    REQUIRE(fetch.exitCode == 0);
    CHECK(fetch.out.startsWith(QStringLiteral("Fetched ")));
    CHECK(fetch.out.contains(QStringLiteral(" new; stored logs now cover up to ")));
    const CliRun again = cli.run(args({"--json", "logs", "fetch"}));
    REQUIRE(again.exitCode == 0);
    const QJsonObject summary = tb::test::parseJson(again.out);
    CHECK(summary.value(QLatin1String("newRecords")).toInt() == 0);
    const qint64 setId = summary.value(QLatin1String("setId")).toInteger();
    const qint64 stored = summary.value(QLatin1String("stored")).toInteger();
    REQUIRE(stored >= 4);
    CHECK_FALSE(summary.value(QLatin1String("completeThrough")).toString().isEmpty());

    // The injected failure, with what the catalogue says about it.
    const CliRun failures = cli.run(args({"logs", "query", "--status", "failure"}));
    REQUIRE(failures.exitCode == 0);
    CHECK(failures.out.contains(kMegan));
    CHECK(failures.out.contains(kConflict));
    const QString title = tb::sync::ErrorCatalogue::builtIn().explainError(kConflict).title;
    REQUIRE_FALSE(title.isEmpty());
    CHECK(failures.out.contains(kConflict + QStringLiteral(": ") + title));
    CHECK_FALSE(failures.out.contains(kAdele));
    const CliRun failuresJson = cli.run(args({"--json", "logs", "query", "--status", "failure"}));
    REQUIRE(failuresJson.exitCode == 0);
    const QJsonArray records = tb::test::parseJson(failuresJson.out).value(QLatin1String("records")).toArray();
    REQUIRE_FALSE(records.isEmpty());
    for (const QJsonValue& record : records) {
        CHECK(record.toObject()
                  .value(QLatin1String("provisioningStatusInfo"))
                  .toObject()
                  .value(QLatin1String("status"))
                  .toString()
                  .compare(QLatin1String("failure"), Qt::CaseInsensitive)
            == 0);
    }
    const CliRun grouped = cli.run(args({"--json", "logs", "query", "--group-by-error"}));
    REQUIRE(grouped.exitCode == 0);
    bool conflictCounted = false;
    for (const QJsonValue& code : tb::test::parseJson(grouped.out).value(QLatin1String("errors")).toArray()) {
        if (code.toObject().value(QLatin1String("code")).toString() == kConflict) {
            conflictCounted = code.toObject().value(QLatin1String("count")).toInt() >= 1
                && code.toObject().value(QLatin1String("title")).toString() == title;
        }
    }
    CHECK(conflictCounted);
    const CliRun adele = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"),
        QStringLiteral("--user"), kAdele, QStringLiteral("--since"), QStringLiteral("1h")});
    REQUIRE(adele.exitCode == 0);
    CHECK_FALSE(tb::test::parseJson(adele.out).value(QLatin1String("records")).toArray().isEmpty());

    // Export to CSV and import it back: the same number of records, in a new set.
    const QString csv = cli.home.filePath(QStringLiteral("logs.csv"));
    const CliRun exported = cli.run({QStringLiteral("logs"), QStringLiteral("export"), QStringLiteral("--format"),
        QStringLiteral("csv"), QStringLiteral("--output"), csv});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.contains(QStringLiteral("Exported %1 records").arg(stored)));
    const CliRun imported = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), csv});
    REQUIRE(imported.exitCode == 0);
    const QJsonObject import = tb::test::parseJson(imported.out);
    CHECK(import.value(QLatin1String("records")).toInteger() == stored);
    const qint64 importSet = import.value(QLatin1String("setId")).toInteger();
    CHECK(importSet != setId);
    const QJsonArray afterImport = sets(cli);
    CHECK(recordsOfSet(afterImport, importSet) == stored);
    CHECK(recordsOfSet(afterImport, setId) == stored);
    const CliRun importedFailures = cli.run({QStringLiteral("logs"), QStringLiteral("query"), QStringLiteral("--set"),
        QString::number(importSet), QStringLiteral("--error-code"), kConflict});
    REQUIRE(importedFailures.exitCode == 0);
    CHECK(importedFailures.out.contains(kConflict + QStringLiteral(": ") + title));

    // A broken file: exit non-zero naming the line, and no set is left.
    const CliRun broken = cli.run({QStringLiteral("logs"), QStringLiteral("import"),
        QStringLiteral(TB_SOURCE_DIR "/tests/data/logs/broken-short-row.csv")});
    CHECK(broken.exitCode == 3);
    CHECK(broken.err.contains(QStringLiteral("Nothing was imported from broken-short-row.csv: line ")));
    CHECK(sets(cli).size() == afterImport.size());
    const CliRun missing = cli.run(
        {QStringLiteral("logs"), QStringLiteral("import"), cli.home.filePath(QStringLiteral("no-such-file.json"))});
    CHECK(missing.exitCode != 0);
    CHECK(sets(cli).size() == afterImport.size());

    const CliRun listed = cli.run(args({"logs", "sets"}));
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("logs.csv")));
}

TEST_CASE(
    "cli logs export puts an apostrophe before a display name that looks like a formula", "[integration][cli][logs]")
{
    CliSession cli(false); // offline: an imported file needs no tenant
    // One record as the admin center's JSON download has it, with a display name a spreadsheet would run.
    const QString formula = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"Click\")");
    const QJsonObject record {{QStringLiteral("id"), QStringLiteral("rec-1")},
        {QStringLiteral("activityDateTime"), QStringLiteral("2026-11-20T10:00:00Z")},
        {QStringLiteral("provisioningAction"), QStringLiteral("create")},
        {QStringLiteral("provisioningStatusInfo"), QJsonObject {{QStringLiteral("status"), QStringLiteral("success")}}},
        {QStringLiteral("sourceIdentity"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("u-1")}, {QStringLiteral("displayName"), formula}}},
        {QStringLiteral("targetIdentity"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("t-1")}, {QStringLiteral("displayName"), formula}}}};
    const QString json = cli.home.filePath(QStringLiteral("download.json"));
    QFile file(json);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonArray {record}).toJson());
    file.close();

    const CliRun imported = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), json});
    REQUIRE(imported.exitCode == 0);
    const qint64 setId = tb::test::parseJson(imported.out).value(QLatin1String("setId")).toInteger();
    const QString csv = cli.home.filePath(QStringLiteral("out.csv"));
    REQUIRE(cli.run({QStringLiteral("logs"), QStringLiteral("export"), QStringLiteral("--set"), QString::number(setId),
                        QStringLiteral("--output"), csv})
                .exitCode
        == 0);
    QFile exported(csv);
    REQUIRE(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    CHECK(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")));
    CHECK_FALSE(text.contains(QStringLiteral(",\"=HYPERLINK")));

    // And reads back to the name as it was.
    const CliRun back = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("import"), csv});
    REQUIRE(back.exitCode == 0);
    const qint64 backSet = tb::test::parseJson(back.out).value(QLatin1String("setId")).toInteger();
    const CliRun query = cli.run({QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"),
        QStringLiteral("--set"), QString::number(backSet)});
    REQUIRE(query.exitCode == 0);
    const QJsonArray records = tb::test::parseJson(query.out).value(QLatin1String("records")).toArray();
    REQUIRE(records.size() == 1);
    CHECK(records.first()
              .toObject()
              .value(QLatin1String("sourceIdentity"))
              .toObject()
              .value(QLatin1String("displayName"))
              .toString()
        == formula);
}
