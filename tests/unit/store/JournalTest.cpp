// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Journal.h"
#include "core/store/Database.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

using tb::store::Database;
using tb::store::Journal;
using tb::store::JournalEntry;

namespace {

JournalEntry makeEntry(const QString& run, const QString& step, JournalEntry::Phase phase)
{
    JournalEntry entry;
    entry.runId = run;
    entry.stepKey = step;
    entry.tenantId = QStringLiteral("tenant-1");
    entry.phase = phase;
    entry.method = QStringLiteral("PATCH");
    entry.path = QStringLiteral("/policies/crossTenantAccessPolicy/partners/x");
    return entry;
}

template <typename T, typename V>
T valueOf(V&& result)
{
    if (const auto* error = std::get_if<tb::store::StoreError>(&result)) {
        FAIL(error->userMessage().toStdString());
    }
    REQUIRE(std::holds_alternative<T>(result));
    return std::get<T>(std::forward<V>(result));
}

} // namespace

TEST_CASE("The journal keeps intents and outcomes of a run in order", "[store]")
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("j.sqlite")));
    REQUIRE_FALSE(db.open().has_value());
    Journal journal(db);

    const qint64 first = valueOf<qint64>(
        journal.record(makeEntry(QStringLiteral("run-a"), QStringLiteral("s1"), JournalEntry::Phase::Intent)));
    auto done = makeEntry(QStringLiteral("run-a"), QStringLiteral("s1"), JournalEntry::Phase::Done);
    done.httpStatus = 204;
    done.requestId = QStringLiteral("req-1");
    const qint64 second = valueOf<qint64>(journal.record(done));
    CHECK(second > first);

    const auto entries = valueOf<QList<JournalEntry>>(journal.entries(QStringLiteral("run-a")));
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(0).phase == JournalEntry::Phase::Intent);
    CHECK(entries.at(1).phase == JournalEntry::Phase::Done);
    CHECK(entries.at(1).httpStatus == 204);
    CHECK(entries.at(1).requestId == QStringLiteral("req-1"));
    CHECK(entries.at(1).recordedAt.isValid());

    const auto last
        = valueOf<std::optional<JournalEntry>>(journal.lastEntry(QStringLiteral("run-a"), QStringLiteral("s1")));
    REQUIRE(last.has_value());
    CHECK(last->phase == JournalEntry::Phase::Done);
    const auto none
        = valueOf<std::optional<JournalEntry>>(journal.lastEntry(QStringLiteral("run-a"), QStringLiteral("s9")));
    CHECK_FALSE(none.has_value());
}

TEST_CASE("A run cut short between intent and outcome is found after reopening", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    const QString crashCopy = dir.filePath(QStringLiteral("after-crash.sqlite"));
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        Journal journal(db);
        REQUIRE(std::holds_alternative<qint64>(
            journal.record(makeEntry(QStringLiteral("finished"), QStringLiteral("s1"), JournalEntry::Phase::Intent))));
        REQUIRE(std::holds_alternative<qint64>(
            journal.record(makeEntry(QStringLiteral("finished"), QStringLiteral("s1"), JournalEntry::Phase::Done))));
        REQUIRE(std::holds_alternative<qint64>(
            journal.record(makeEntry(QStringLiteral("cut"), QStringLiteral("s1"), JournalEntry::Phase::Done))));
        REQUIRE(std::holds_alternative<qint64>(
            journal.record(makeEntry(QStringLiteral("cut"), QStringLiteral("s2"), JournalEntry::Phase::Intent))));
        // Snapshot the files while the connection is still open, as a crash would leave them: the rows are
        // only in the WAL file, nothing has been checkpointed.
        REQUIRE(QFile::exists(path + QStringLiteral("-wal")));
        REQUIRE(QFile::copy(path, crashCopy));
        REQUIRE(QFile::copy(path + QStringLiteral("-wal"), crashCopy + QStringLiteral("-wal")));
    }
    Database reopened(crashCopy);
    REQUIRE_FALSE(reopened.open().has_value());
    Journal journal(reopened);
    const auto runs = valueOf<QStringList>(journal.interruptedRuns());
    CHECK(runs == QStringList {QStringLiteral("cut")});
}

TEST_CASE("The journal masks secrets before they reach the file", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("secret.sqlite"));
    const QString secret = QStringLiteral("s3cr3t-Value-That-Must-Not-Be-On-Disk");
    {
        Database db(path);
        REQUIRE_FALSE(db.open().has_value());
        Journal journal(db);
        auto entry = makeEntry(QStringLiteral("run"), QStringLiteral("secrets"), JournalEntry::Phase::Intent);
        entry.requestBody = QStringLiteral("{\"client_secret\":\"%1\"}").arg(secret);
        entry.detail = QStringLiteral("Authorization: Bearer %1").arg(secret);
        REQUIRE(std::holds_alternative<qint64>(journal.record(entry)));
        const auto entries = valueOf<QList<JournalEntry>>(journal.entries(QStringLiteral("run")));
        REQUIRE(entries.size() == 1);
        CHECK_FALSE(entries.at(0).requestBody.contains(secret));
        CHECK_FALSE(entries.at(0).detail.contains(secret));
        CHECK(entries.at(0).requestBody.contains(QStringLiteral("[redacted]")));
    }
    for (const QString& file : {path, path + QStringLiteral("-wal")}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly)) {
            CHECK_FALSE(f.readAll().contains(secret.toUtf8()));
        }
    }
}

TEST_CASE("A journal entry without a run, step or tenant is refused", "[store]")
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("v.sqlite")));
    REQUIRE_FALSE(db.open().has_value());
    Journal journal(db);
    JournalEntry entry;
    const auto result = journal.record(entry);
    REQUIRE(std::holds_alternative<tb::store::StoreError>(result));
    CHECK(std::get<tb::store::StoreError>(result).kind() == tb::store::StoreError::Kind::QueryFailed);
}
