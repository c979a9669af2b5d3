// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogStore.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

using tb::logs::ErrorCodeCount;
using tb::logs::LogQuery;
using tb::logs::LogRow;
using tb::logs::LogSet;
using tb::logs::LogStore;
using tb::model::ProvisioningLogEntry;
using tb::store::Database;
using tb::store::StoreError;

namespace {

template <typename T, typename V>
T valueOf(V&& result)
{
    if (const auto* error = std::get_if<StoreError>(&result)) {
        FAIL(error->userMessage().toStdString() + " / " + error->detail().toStdString());
    }
    return std::get<T>(std::forward<V>(result));
}

const QDateTime kBase(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

struct EntrySpec
{
    QString id {};
    int minute = 0; // after kBase
    QString status = QStringLiteral("success");
    QString action = QStringLiteral("create");
    QString sourceName = QStringLiteral("Adele Vance");
    QString sourceUpn = QStringLiteral("adele.vance@contoso.example");
    QString sourceId = QStringLiteral("src-adele");
    QString targetName = QStringLiteral("Adele Vance (Contoso)");
    QString targetUpn = QStringLiteral("adele.vance_contoso.example#EXT#@fabrikam.example");
    QString targetId = QStringLiteral("tgt-adele");
    QString cycleId = QStringLiteral("cycle-1");
    QString errorCode {};
    QString errorReason {};
    QString errorDetails {};
    qint64 durationMs = 100;
};

ProvisioningLogEntry makeEntry(const EntrySpec& spec)
{
    ProvisioningLogEntry entry;
    entry.id = spec.id;
    entry.activityDateTime = kBase.addSecs(60LL * spec.minute).addMSecs(123);
    entry.tenantId = QStringLiteral("tenant-target");
    entry.jobId = QStringLiteral("Azure2Azure.job");
    entry.cycleId = spec.cycleId;
    entry.changeId = QStringLiteral("change-") + spec.id;
    entry.durationMs = spec.durationMs;
    entry.action = spec.action;
    entry.initiatedBy
        = {QStringLiteral("sys"), QStringLiteral("Azure AD Provisioning Service"), QStringLiteral("system")};
    entry.servicePrincipal = {QStringLiteral("sp-1"), QStringLiteral("Contoso to Fabrikam")};
    entry.sourceIdentity.id = spec.sourceId;
    entry.sourceIdentity.displayName = spec.sourceName;
    entry.sourceIdentity.identityType = QStringLiteral("User");
    entry.sourceIdentity.details = {{QStringLiteral("UserPrincipalName"), spec.sourceUpn}};
    entry.targetIdentity.id = spec.targetId;
    entry.targetIdentity.displayName = spec.targetName;
    entry.targetIdentity.identityType = QStringLiteral("User");
    entry.targetIdentity.details = {{QStringLiteral("UserPrincipalName"), spec.targetUpn}};
    entry.sourceSystemName = QStringLiteral("Azure Active Directory");
    entry.targetSystemName = QStringLiteral("Azure Active Directory (target tenant)");
    entry.status = spec.status;
    entry.error.code = spec.errorCode;
    entry.error.reason = spec.errorReason;
    entry.error.additionalDetails = spec.errorDetails;
    entry.steps.append({QStringLiteral("EntryImportAdd"), QStringLiteral("Received User"), QStringLiteral("import"),
        QStringLiteral("success"), {{QStringLiteral("ReportableIdentifier"), spec.sourceUpn}}});
    entry.modifiedProperties.append({QStringLiteral("displayName"), std::nullopt, spec.sourceName});
    return entry;
}

struct Fixture
{
    QTemporaryDir directory;
    std::unique_ptr<Database> database;
    std::unique_ptr<LogStore> store;
    qint64 setId = 0;

    Fixture()
    {
        REQUIRE(directory.isValid());
        database = std::make_unique<Database>(directory.filePath(QStringLiteral("profile.sqlite")));
        const auto error = database->open();
        REQUIRE_FALSE(error.has_value());
        store = std::make_unique<LogStore>(*database);
        setId = valueOf<LogSet>(store->jobSet(QStringLiteral("sp-1"), QStringLiteral("Azure2Azure.job"))).id;
    }

    ~Fixture()
    {
        store.reset();
        database.reset();
    }

    void insert(const QList<EntrySpec>& specs, qint64 set = 0)
    {
        QList<ProvisioningLogEntry> entries;
        for (const EntrySpec& spec : specs) {
            entries.append(makeEntry(spec));
        }
        const int added = valueOf<int>(store->insert(set != 0 ? set : setId, entries));
        REQUIRE(added == specs.size());
    }

    LogQuery query() const
    {
        LogQuery q;
        q.setId = setId;
        q.pageSize = 1000;
        return q;
    }

    QStringList ids(const LogQuery& q) const
    {
        QStringList result;
        for (const LogRow& row : valueOf<QList<LogRow>>(store->firstPage(q))) {
            result.append(row.recordId);
        }
        return result;
    }

    // The ids a query returns, sorted, for filters where the order does not matter.
    QStringList matching(const std::function<void(LogQuery&)>& change) const
    {
        LogQuery q = query();
        change(q);
        QStringList result = ids(q);
        std::sort(result.begin(), result.end());
        CHECK(valueOf<qint64>(store->totalCount(q)) == result.size());
        return result;
    }
};

// A small set with something to tell every filter apart.
void insertSample(Fixture& f)
{
    f.insert({
        {QStringLiteral("a"), 0, QStringLiteral("success"), QStringLiteral("create")},
        {QStringLiteral("b"), 10, QStringLiteral("failure"), QStringLiteral("create"), QStringLiteral("Bianca Pisani"),
            QStringLiteral("bianca.pisani@contoso.example"), QStringLiteral("src-bianca"),
            QStringLiteral("Bianca Pisani"), QStringLiteral("bianca@fabrikam.example"), QStringLiteral("tgt-bianca"),
            QStringLiteral("cycle-1"), QStringLiteral("AzureActiveDirectoryConflictEntry"),
            QStringLiteral("Conflict OR duplicate: mail already used"), QStringLiteral("proxyAddresses clash"), 900},
        {QStringLiteral("c"), 20, QStringLiteral("skipped"), QStringLiteral("other"), QStringLiteral("Cameron White"),
            QStringLiteral("cameron.white@contoso.example"), QStringLiteral("src-cameron"), QStringLiteral(""),
            QStringLiteral(""), QStringLiteral(""), QStringLiteral("cycle-2"), QStringLiteral("NotEffectivelyEntitled"),
            QStringLiteral("The user is not in scope"), QStringLiteral(""), 5},
        {QStringLiteral("d"), 30, QStringLiteral("failure"), QStringLiteral("update"),
            QStringLiteral("Diego Siciliani"), QStringLiteral("diego@contoso.example"), QStringLiteral("src-diego"),
            QStringLiteral("Diego Siciliani"), QStringLiteral("diego@fabrikam.example"), QStringLiteral("tgt-diego"),
            QStringLiteral("cycle-2"), QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"),
            QStringLiteral("The \"cross-tenant\" policy blocks (NEAR) the user"), QStringLiteral(""), 300},
        {QStringLiteral("e"), 40, QStringLiteral("warning"), QStringLiteral("delete"), QStringLiteral("Élodie Ärger"),
            QStringLiteral("elodie@contoso.example"), QStringLiteral("src-elodie"), QStringLiteral("Élodie Ärger"),
            QStringLiteral("elodie@fabrikam.example"), QStringLiteral("tgt-elodie"), QStringLiteral("cycle-2"),
            QStringLiteral(""), QStringLiteral(""), QStringLiteral(""), 50},
        {QStringLiteral("f"), 50, QStringLiteral("failure"), QStringLiteral("create"), QStringLiteral("Bianca Pisani"),
            QStringLiteral("bianca.pisani@contoso.example"), QStringLiteral("src-bianca"),
            QStringLiteral("Bianca Pisani"), QStringLiteral("bianca@fabrikam.example"), QStringLiteral("tgt-bianca"),
            QStringLiteral("cycle-3"), QStringLiteral("AzureActiveDirectoryConflictEntry"),
            QStringLiteral("Conflict again"), QStringLiteral(""), 700},
    });
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items) {
        result.append(QString::fromUtf8(item));
    }
    return result;
}

} // namespace

TEST_CASE("the log store's schema is steps 4 and 5 of the profile database", "[logstore]")
{
    Fixture f;
    CHECK(f.database->schemaVersion() == tb::store::Migrations::latestVersion());
    CHECK(f.database->schemaVersion() >= 5);
    QSqlQuery query(f.database->connection());
    for (const char* table : {"log_sets", "log_records", "log_record_bodies", "log_fts", "log_fts_deferred"}) {
        query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"));
        query.addBindValue(QString::fromUtf8(table));
        REQUIRE(query.exec());
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 1);
    }
}

TEST_CASE("a step-3 database is migrated to the log store and keeps its data", "[logstore]")
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("old.sqlite"));
    {
        Database database(path);
        REQUIRE_FALSE(database.open().has_value());
        QSqlQuery query(database.connection());
        REQUIRE(query.exec(QStringLiteral("INSERT INTO profile_meta (key, value) VALUES ('kept', 'yes')")));
        // Back to what a step-3 file looks like: none of step 4's or 5's objects, user_version 3.
        for (const char* statement :
            {"DROP TABLE log_fts_deferred", "DROP TABLE log_fts", "DROP TABLE log_record_bodies",
                "DROP TABLE log_records", "DROP TABLE log_sets", "PRAGMA user_version = 3"}) {
            REQUIRE(query.exec(QString::fromUtf8(statement)));
        }
    }
    Database database(path);
    REQUIRE_FALSE(database.open().has_value());
    CHECK(database.schemaVersion() == tb::store::Migrations::latestVersion());
    QSqlQuery query(database.connection());
    REQUIRE(query.exec(QStringLiteral("SELECT value FROM profile_meta WHERE key = 'kept'")));
    REQUIRE(query.next());
    CHECK(query.value(0).toString() == QStringLiteral("yes"));
    query.finish();

    LogStore store(database);
    const LogSet set = valueOf<LogSet>(store.jobSet(QStringLiteral("sp"), QStringLiteral("job")));
    CHECK(valueOf<int>(store.insert(set.id, {makeEntry({QStringLiteral("x")})})) == 1);
    LogQuery q;
    q.setId = set.id;
    q.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(store.totalCount(q)) == 1);
}

TEST_CASE("log sets: one per job, one per import, kept apart", "[logstore]")
{
    Fixture f;
    const LogSet again = valueOf<LogSet>(f.store->jobSet(QStringLiteral("sp-1"), QStringLiteral("Azure2Azure.job")));
    CHECK(again.id == f.setId);
    CHECK(again.kind == LogSet::Kind::Job);
    CHECK(again.servicePrincipalId == QStringLiteral("sp-1"));
    const LogSet otherJob = valueOf<LogSet>(f.store->jobSet(QStringLiteral("sp-1"), QStringLiteral("other.job")));
    CHECK(otherJob.id != f.setId);
    CHECK(std::holds_alternative<StoreError>(f.store->jobSet(QString(), QStringLiteral("job"))));

    const QDateTime importedAt(QDate(2026, 11, 21), QTime(9, 30), Qt::UTC);
    const LogSet import1 = valueOf<LogSet>(f.store->createImportSet(QStringLiteral("customer.json"), importedAt));
    const LogSet import2 = valueOf<LogSet>(f.store->createImportSet(QStringLiteral("customer.json"), importedAt));
    CHECK(import1.kind == LogSet::Kind::Import);
    CHECK(import1.fileName == QStringLiteral("customer.json"));
    CHECK(import1.importedAt == importedAt);
    CHECK(import1.id != import2.id);
    CHECK(valueOf<QList<LogSet>>(f.store->sets()).size() == 4);
    CHECK(valueOf<std::optional<LogSet>>(f.store->findSet(import1.id)) == import1);
    CHECK_FALSE(valueOf<std::optional<LogSet>>(f.store->findSet(9999)).has_value());

    // The same records in a job set and an import: each set sees only its own.
    insertSample(f);
    f.insert({{QStringLiteral("a")}, {QStringLiteral("z"), 5, QStringLiteral("failure")}}, import1.id);
    CHECK(valueOf<qint64>(f.store->count(f.setId)) == 6);
    CHECK(valueOf<qint64>(f.store->count(import1.id)) == 2);
    LogQuery q = f.query();
    q.statuses = {QStringLiteral("failure")};
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 3);
    q.setId = import1.id;
    CHECK(f.ids(q) == list({"z"}));
    q.statuses.clear();
    q.text = QStringLiteral("bianca");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 0);

    // Deleting the import leaves the job's records, its rows and its text index as they were.
    REQUIRE_FALSE(f.store->deleteSet(import1.id).has_value());
    CHECK_FALSE(valueOf<std::optional<LogSet>>(f.store->findSet(import1.id)).has_value());
    CHECK(valueOf<qint64>(f.store->count(import1.id)) == 0);
    CHECK(valueOf<qint64>(f.store->count(f.setId)) == 6);
    LogQuery text = f.query();
    text.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(text)) == 1);
    QSqlQuery sql(f.database->connection());
    REQUIRE(sql.exec(QStringLiteral("SELECT count(*) FROM log_record_bodies")));
    REQUIRE(sql.next());
    CHECK(sql.value(0).toInt() == 6);
    sql.finish();
    // The FTS index is consistent with its content table after the delete.
    CHECK(sql.exec(QStringLiteral("INSERT INTO log_fts (log_fts, rank) VALUES ('integrity-check', 1)")));
}

TEST_CASE("inserting again skips what the set already holds", "[logstore]")
{
    Fixture f;
    CHECK_FALSE(valueOf<QDateTime>(f.store->newestActivityTime(f.setId)).isValid());
    const QList<ProvisioningLogEntry> first {
        makeEntry({QStringLiteral("1"), 0}), makeEntry({QStringLiteral("2"), 5}), makeEntry({QStringLiteral("3"), 3})};
    CHECK(valueOf<int>(f.store->insert(f.setId, first)) == 3);
    CHECK(valueOf<QDateTime>(f.store->newestActivityTime(f.setId)) == first.at(1).activityDateTime);

    // The overlap of an incremental fetch: two known, one new; the new one once even when sent twice.
    const QList<ProvisioningLogEntry> second {makeEntry({QStringLiteral("2"), 5}), makeEntry({QStringLiteral("3"), 3}),
        makeEntry({QStringLiteral("4"), 9}), makeEntry({QStringLiteral("4"), 9})};
    CHECK(valueOf<int>(f.store->insert(f.setId, second)) == 1);
    CHECK(valueOf<qint64>(f.store->count(f.setId)) == 4);
    CHECK(valueOf<QDateTime>(f.store->newestActivityTime(f.setId)) == second.at(2).activityDateTime);
    LogQuery q = f.query();
    q.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 4); // no duplicate text index rows either

    // An entry without an id refuses the whole batch.
    QList<ProvisioningLogEntry> broken {makeEntry({QStringLiteral("5")}), makeEntry({QString()})};
    CHECK(std::holds_alternative<StoreError>(f.store->insert(f.setId, broken)));
    CHECK(valueOf<qint64>(f.store->count(f.setId)) == 4);
    CHECK(std::holds_alternative<StoreError>(f.store->insert(424242, first)));
}

TEST_CASE("the full record comes back as it was stored", "[logstore]")
{
    Fixture f;
    ProvisioningLogEntry entry = makeEntry({QStringLiteral("full"), 1, QStringLiteral("failure"),
        QStringLiteral("create"), QStringLiteral("Bianca Pisani")});
    entry.error = {QStringLiteral("AzureActiveDirectoryConflictEntry"), QStringLiteral("conflict"),
        QStringLiteral("details"), QStringLiteral("nonServiceFailure"), QStringLiteral("fix the mail")};
    entry.modifiedProperties.append({QStringLiteral("mail"), QStringLiteral("old@x"), QStringLiteral("new@x")});
    REQUIRE(valueOf<int>(f.store->insert(f.setId, {entry})) == 1);
    const QList<LogRow> rows = valueOf<QList<LogRow>>(f.store->firstPage(f.query()));
    REQUIRE(rows.size() == 1);
    const LogRow& row = rows.constFirst();
    CHECK(row.recordId == QStringLiteral("full"));
    CHECK(row.activityTime == entry.activityDateTime);
    CHECK(row.status == QStringLiteral("failure"));
    CHECK(row.sourceName == QStringLiteral("Bianca Pisani"));
    CHECK(row.sourceUserPrincipalName == QStringLiteral("adele.vance@contoso.example"));
    CHECK(row.errorCode == QStringLiteral("AzureActiveDirectoryConflictEntry"));
    CHECK(row.errorReason == QStringLiteral("conflict"));
    CHECK(row.durationMs == 100);
    const auto stored = valueOf<std::optional<ProvisioningLogEntry>>(f.store->record(row.rowId));
    REQUIRE(stored.has_value());
    CHECK(*stored == entry);
    CHECK_FALSE(valueOf<std::optional<ProvisioningLogEntry>>(f.store->record(row.rowId + 100)).has_value());
}

TEST_CASE("every filter of a log query", "[logstore]")
{
    Fixture f;
    insertSample(f);
    using Q = LogQuery;

    CHECK(f.matching([](Q&) {}) == list({"a", "b", "c", "d", "e", "f"}));
    CHECK(f.matching([](Q& q) { q.statuses = {QStringLiteral("failure")}; }) == list({"b", "d", "f"}));
    CHECK(f.matching([](Q& q) {
        q.statuses = {QStringLiteral("Skipped"), QStringLiteral("warning")};
    }) == list({"c", "e"}));
    CHECK(f.matching([](Q& q) { q.actions = {QStringLiteral("update")}; }) == list({"d"}));
    CHECK(f.matching([](Q& q) {
        q.actions = {QStringLiteral("delete"), QStringLiteral("other")};
    }) == list({"c", "e"}));
    // [from, to): from is inclusive, to exclusive.
    CHECK(f.matching([](Q& q) {
        q.from = kBase.addSecs(600).addMSecs(123);
        q.to = kBase.addSecs(1800).addMSecs(123);
    }) == list({"b", "c"}));
    CHECK(f.matching([](Q& q) { q.from = kBase.addSecs(2400); }) == list({"e", "f"}));
    CHECK(f.matching([](Q& q) { q.to = kBase.addSecs(60); }) == list({"a"}));
    CHECK(f.matching([](Q& q) { q.cycleId = QStringLiteral("cycle-2"); }) == list({"c", "d", "e"}));
    CHECK(f.matching([](Q& q) { q.errorCode = QStringLiteral("AzureActiveDirectoryConflictEntry"); })
        == list({"b", "f"}));

    // Source identity: object id, display name or UPN, whole and case-insensitive; a part is not enough.
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("src-bianca"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("bianca pisani"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral(" Bianca.Pisani@Contoso.example "); })
        == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("bianca"); }).isEmpty());
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("Pisani Bianca"); }).isEmpty());
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("Élodie Ärger"); }) == list({"e"}));
    // Target identity the same way; the skipped record has no target.
    CHECK(f.matching([](Q& q) { q.targetIdentity = QStringLiteral("tgt-diego"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.targetIdentity = QStringLiteral("diego@fabrikam.example"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.targetIdentity = QStringLiteral("Adele Vance (Contoso)"); }) == list({"a"}));
    CHECK(f.matching([](Q& q) { q.targetIdentity = QStringLiteral("diego@contoso.example"); }).isEmpty());
    // A value with no word in it still compares, through the plain columns.
    CHECK(f.matching([](Q& q) { q.sourceIdentity = QStringLiteral("--"); }).isEmpty());

    // Free text: identities and error text, words ANDed, each a prefix, case and accents folded.
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("bianca"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("BIAN"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("bianca duplicate"); }) == list({"b"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("proxyAddresses"); }) == list({"b"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("NotEffectivelyEntitled"); }) == list({"c"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("elodie arger"); }) == list({"e"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("tgt-diego"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("fabrikam.example"); }) == list({"a", "b", "d", "e", "f"}));

    // Everything together.
    CHECK(f.matching([](Q& q) {
        q.statuses = {QStringLiteral("failure")};
        q.actions = {QStringLiteral("create")};
        q.cycleId = QStringLiteral("cycle-3");
        q.sourceIdentity = QStringLiteral("src-bianca");
        q.targetIdentity = QStringLiteral("Bianca Pisani");
        q.errorCode = QStringLiteral("AzureActiveDirectoryConflictEntry");
        q.text = QStringLiteral("again");
        q.from = kBase;
        q.to = kBase.addDays(1);
    }) == list({"f"}));
}

TEST_CASE("free text is searched for as text, never read as FTS syntax", "[logstore]")
{
    Fixture f;
    insertSample(f);
    using Q = LogQuery;
    // FTS5 operators typed by a person are words like any other (the reason of b holds "OR", d's holds "NEAR").
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("conflict OR duplicate"); }) == list({"b"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("bianca OR diego"); }).isEmpty());
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("NEAR"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("NEAR(diego policy)"); }).isEmpty());
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("bianca NOT again"); }).isEmpty());
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("\"cross-tenant\""); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("\"cross-tenant"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("source_name:diego"); }).isEmpty());
    CHECK(f.matching([](Q& q) {
               q.text = QStringLiteral("{error_code} : conflict");
           }).isEmpty()); // "error code" is no phrase here
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("conflict :"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("diego*"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("^diego"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("diego') OR 1=1 --"); }).isEmpty());
    // A word inside an error code finds it, though the tokenizer keeps the code as one word.
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("entry"); }) == list({"b", "f"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("Entitled"); }) == list({"c"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("management policy"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("b2b diego"); }) == list({"d"}));
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("b2b bianca"); }).isEmpty());
    // Only punctuation: no word to look for, so no text filter at all.
    CHECK(f.matching([](Q& q) { q.text = QStringLiteral("\" * ( ) : -"); }).size() == 6);

    CHECK(LogQuery::matchExpression(QStringLiteral("a\"b OR")) == QStringLiteral("\"a\"\"b\"* AND \"OR\"*"));
    CHECK(
        LogQuery::matchExpression(QStringLiteral("conflict"),
            {QStringLiteral("AzureActiveDirectoryConflictEntry"), QStringLiteral("ConflictX"), QStringLiteral("Other")})
        == QStringLiteral("(\"conflict\"* OR \"AzureActiveDirectoryConflictEntry\")"));
    CHECK(LogQuery::matchExpression(QStringLiteral("on"), {QStringLiteral("AzureActiveDirectoryConflictEntry")})
        == QStringLiteral("\"on\"*"));
    CHECK(LogQuery::matchExpression(QStringLiteral("x\"y"), {QStringLiteral("Ax\"yB")})
        == QStringLiteral("(\"x\"\"y\"* OR \"Ax\"\"yB\")"));
    CHECK(LogQuery::matchExpression(QStringLiteral("  ")).isEmpty());
    CHECK(LogQuery::phraseExpression({QStringLiteral("c1"), QStringLiteral("c2")}, QStringLiteral(" x \"y "))
        == QStringLiteral("{c1 c2} : \"x \"\"y\""));
}

TEST_CASE("every sort column, both ways", "[logstore]")
{
    Fixture f;
    insertSample(f);
    using Sort = LogQuery::SortColumn;
    CHECK(f.ids(f.query()) == list({"f", "e", "d", "c", "b", "a"})); // newest first by default

    struct Case
    {
        Sort column;
        QStringList ascending;
    };
    // Ties broken by time (then insertion), in the same direction as the column.
    const QList<Case> cases {
        {Sort::ActivityTime, list({"a", "b", "c", "d", "e", "f"})},
        {Sort::Status, list({"b", "d", "f", "c", "a", "e"})},
        {Sort::Action, list({"a", "b", "f", "e", "c", "d"})},
        {Sort::SourceName, list({"a", "b", "f", "c", "d", "e"})},
        {Sort::TargetName, list({"c", "a", "b", "f", "d", "e"})},
        {Sort::ErrorCode, list({"a", "e", "b", "f", "d", "c"})},
        {Sort::CycleId, list({"a", "b", "c", "d", "e", "f"})},
        {Sort::Duration, list({"c", "e", "a", "d", "f", "b"})},
    };
    for (const Case& c : cases) {
        LogQuery q = f.query();
        q.sortColumn = c.column;
        q.sortOrder = Qt::AscendingOrder;
        INFO("column " << static_cast<int>(c.column));
        CHECK(f.ids(q) == c.ascending);
        q.sortOrder = Qt::DescendingOrder;
        QStringList descending = c.ascending;
        std::reverse(descending.begin(), descending.end());
        CHECK(f.ids(q) == descending);
    }
}

TEST_CASE("rows come in pages at any offset, and the pages add up to the whole", "[logstore]")
{
    Fixture f;
    QList<EntrySpec> specs;
    for (int i = 0; i < 95; ++i) {
        // Several records share a minute, so the order inside a tie must be stable too.
        specs.append({QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')), i / 4,
            i % 3 == 0 ? QStringLiteral("failure") : QStringLiteral("success")});
    }
    f.insert(specs);
    for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        LogQuery q = f.query();
        q.sortOrder = order;
        const QStringList all = f.ids(q);
        REQUIRE(all.size() == 95);
        QStringList paged;
        for (qint64 offset = 0; offset < 100; offset += 20) {
            const auto page = valueOf<QList<LogRow>>(f.store->rows(q, offset, 20));
            CHECK(page.size() == std::min<qint64>(20, 95 - offset));
            for (const LogRow& row : page) {
                paged.append(row.recordId);
            }
        }
        CHECK(paged == all);
        CHECK(valueOf<QList<LogRow>>(f.store->rows(q, 95, 20)).isEmpty());
        CHECK(valueOf<QList<LogRow>>(f.store->rows(q, 10, 0)).isEmpty());
        q.pageSize = 7;
        CHECK(valueOf<QList<LogRow>>(f.store->firstPage(q)).size() == 7);
        q.statuses = {QStringLiteral("failure")};
        CHECK(valueOf<qint64>(f.store->totalCount(q)) == 32);
        const auto middle = valueOf<QList<LogRow>>(f.store->rows(q, 30, 10));
        CHECK(middle.size() == 2);
    }
}

TEST_CASE("counts grouped by error code follow the query", "[logstore]")
{
    Fixture f;
    insertSample(f);
    LogQuery q = f.query();
    const QList<ErrorCodeCount> all = valueOf<QList<ErrorCodeCount>>(f.store->countsByErrorCode(q));
    REQUIRE(all.size() == 3);
    CHECK(all.at(0) == ErrorCodeCount {QStringLiteral("AzureActiveDirectoryConflictEntry"), 2});
    CHECK(all.at(1) == ErrorCodeCount {QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"), 1});
    CHECK(all.at(2) == ErrorCodeCount {QStringLiteral("NotEffectivelyEntitled"), 1});
    q.cycleId = QStringLiteral("cycle-2");
    q.errorCode = QStringLiteral("NotEffectivelyEntitled"); // ignored: the grouping is over the other filters
    const QList<ErrorCodeCount> cycle2 = valueOf<QList<ErrorCodeCount>>(f.store->countsByErrorCode(q));
    REQUIRE(cycle2.size() == 2);
    CHECK(cycle2.at(0).errorCode == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(cycle2.at(1).errorCode == QStringLiteral("NotEffectivelyEntitled"));
    q.cycleId.clear();
    q.errorCode.clear();
    q.text = QStringLiteral("again");
    CHECK(valueOf<QList<ErrorCodeCount>>(f.store->countsByErrorCode(q))
        == QList<ErrorCodeCount> {{QStringLiteral("AzureActiveDirectoryConflictEntry"), 1}});
}

TEST_CASE("a record stored with its own JSON text comes back as fromJson reads that text", "[logstore]")
{
    Fixture f;
    // Graph's legacy shape and pretty printing: the text is kept as it is, not rebuilt from the entry.
    const QByteArray legacy = R"({
        "id": "legacy", "activityDateTime": "2026-11-20T08:05:00.123Z", "action": "Create",
        "statusInfo": {"@odata.type": "#microsoft.graph.statusFailure", "status": "failure",
            "errorInfo": {"errorCode": "AzureActiveDirectoryConflictEntry", "reason": "conflict"}},
        "sourceIdentity": {"id": "src-1", "displayName": "Bianca Pisani", "identityType": "User",
            "details": {"UserPrincipalName": "bianca@contoso.example"}},
        "unknownField": [1, 2, 3]})";
    ProvisioningLogEntry built = makeEntry({QStringLiteral("built"), 10}); // after the legacy record
    built.modifiedProperties.append({QStringLiteral("mail"), QStringLiteral("old@x"), QStringLiteral("new@x")});
    const ProvisioningLogEntry fromText = ProvisioningLogEntry::fromJson(QJsonDocument::fromJson(legacy).object());
    REQUIRE(fromText.id == QStringLiteral("legacy"));
    // An empty text means "build it from the entry".
    REQUIRE(valueOf<int>(f.store->insert(f.setId, {fromText, built}, {legacy, QByteArray()})) == 2);
    LogQuery query = f.query();
    query.sortOrder = Qt::AscendingOrder;
    const QList<LogRow> rows = valueOf<QList<LogRow>>(f.store->firstPage(query));
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(0).recordId == QStringLiteral("legacy"));
    CHECK(rows.at(0).status == QStringLiteral("failure"));
    CHECK(rows.at(0).errorCode == QStringLiteral("AzureActiveDirectoryConflictEntry"));
    CHECK(rows.at(0).sourceUserPrincipalName == QStringLiteral("bianca@contoso.example"));
    const auto first = valueOf<std::optional<ProvisioningLogEntry>>(f.store->record(rows.at(0).rowId));
    REQUIRE(first.has_value());
    CHECK(*first == fromText);
    const auto second = valueOf<std::optional<ProvisioningLogEntry>>(f.store->record(rows.at(1).rowId));
    REQUIRE(second.has_value());
    CHECK(*second == built);

    // Already stored: skipped, whatever text comes with it.
    CHECK(valueOf<int>(f.store->insert(f.setId, {fromText}, {QByteArrayLiteral("{}")})) == 0);
    // A text per entry or none.
    CHECK(std::holds_alternative<StoreError>(f.store->insert(f.setId, {built, fromText}, {legacy})));
}

namespace {

qint64 scalar(Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    REQUIRE(query.exec(sql));
    REQUIRE(query.next());
    return query.value(0).toLongLong();
}

// FTS5's own check of an external-content index against its table: fails when a row was indexed twice, left out,
// or deleted from the index without having been in it.
bool textIndexIntact(Database& database)
{
    QSqlQuery query(database.connection());
    return query.exec(QStringLiteral("INSERT INTO log_fts (log_fts, rank) VALUES ('integrity-check', 1)"));
}

} // namespace

TEST_CASE("a bulk import indexes a new set's text once, at the end", "[logstore]")
{
    Fixture f;
    f.insert({{QStringLiteral("old"), 0}}); // the job set has a record before bulk mode
    const LogSet imported
        = valueOf<LogSet>(f.store->createImportSet(QStringLiteral("download.json"), QDateTime::currentDateTimeUtc()));
    REQUIRE_FALSE(f.store->beginBulkInsert().has_value());
    EntrySpec bianca {QStringLiteral("b1"), 1};
    bianca.sourceName = QStringLiteral("Bianca Pisani");
    bianca.sourceUpn = QStringLiteral("bianca@contoso.example");
    EntrySpec megan {QStringLiteral("m1"), 2};
    megan.sourceName = QStringLiteral("Megan Bowen");
    f.insert({bianca, megan}, imported.id);
    f.insert({{QStringLiteral("more"), 3}}); // a set with records: indexed row by row
    f.insert({{QStringLiteral("b2"), 4}}, imported.id); // a second batch into the deferred set
    REQUIRE_FALSE(f.store->endBulkInsert().has_value());

    CHECK(scalar(*f.database, QStringLiteral("SELECT count(*) FROM log_fts_deferred")) == 0);
    CHECK(textIndexIntact(*f.database));
    LogQuery q;
    q.setId = imported.id;
    q.text = QStringLiteral("bianca");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 1);
    q.text = QStringLiteral("megan");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 1);
    q.text = QStringLiteral("adele"); // every target, and b2's source from the second batch: each row once
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 3);
    LogQuery job = f.query();
    job.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(job)) == 2); // old and more, once each

    // Deleting the imported set takes its rows out of the index it was put into at the end.
    REQUIRE_FALSE(f.store->deleteSet(imported.id).has_value());
    CHECK(textIndexIntact(*f.database));
    CHECK(valueOf<qint64>(f.store->totalCount(job)) == 2);
}

TEST_CASE(
    "a set left deferred by an import that never finished is deleted without damaging the text index", "[logstore]")
{
    Fixture f;
    f.insert({{QStringLiteral("kept"), 0}});
    const LogSet broken
        = valueOf<LogSet>(f.store->createImportSet(QStringLiteral("cut.json"), QDateTime::currentDateTimeUtc()));
    {
        // What a crash after one of bulk mode's intermediate commits leaves: the set listed, its rows not indexed.
        QSqlQuery query(f.database->connection());
        query.prepare(QStringLiteral("INSERT INTO log_fts_deferred (set_id) VALUES (?)"));
        query.addBindValue(broken.id);
        REQUIRE(query.exec());
    }
    f.insert({{QStringLiteral("x1"), 1}, {QStringLiteral("x2"), 2}}, broken.id);
    LogQuery q;
    q.setId = broken.id;
    q.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 0); // not indexed, as the list says
    CHECK_FALSE(textIndexIntact(*f.database)); // the check sees the rows missing from the index

    REQUIRE_FALSE(f.store->deleteSet(broken.id).has_value());
    CHECK(textIndexIntact(*f.database));
    CHECK(scalar(*f.database, QStringLiteral("SELECT count(*) FROM log_fts_deferred")) == 0);
    LogQuery job = f.query();
    job.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(job)) == 1);
}

TEST_CASE("a failed write in bulk mode takes back what it listed for the text index", "[logstore]")
{
    Fixture f;
    const LogSet imported
        = valueOf<LogSet>(f.store->createImportSet(QStringLiteral("again.json"), QDateTime::currentDateTimeUtc()));
    REQUIRE_FALSE(f.store->beginBulkInsert().has_value());
    f.insert({{QStringLiteral("r1"), 1}}, imported.id);
    // No such set: the transaction is rolled back, with r1 and the listing of the imported set.
    CHECK(std::holds_alternative<StoreError>(f.store->insert(424242, {makeEntry({QStringLiteral("x"), 2})})));
    f.insert({{QStringLiteral("r1"), 1}}, imported.id); // new again
    REQUIRE_FALSE(f.store->endBulkInsert().has_value());

    CHECK(textIndexIntact(*f.database));
    LogQuery q;
    q.setId = imported.id;
    q.text = QStringLiteral("adele");
    CHECK(valueOf<qint64>(f.store->totalCount(q)) == 1);
    CHECK(scalar(*f.database, QStringLiteral("SELECT count(*) FROM log_fts_deferred")) == 0);
}
