// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/JournalEntry.h"
#include "core/store/StoreError.h"

#include <QList>
#include <QStringList>

#include <optional>
#include <variant>

class QSqlError;

namespace tb::store {

class Database;

// The journal of every change made to a tenant: each step is written before its request is sent and again
// when its answer arrives, each write committed on its own, so the journal survives a crash between the two
// and a resumed run knows which steps may already have reached the tenant. Secrets are masked on the way
// in. Borrows the Database; same thread.
class Journal final
{
public:
    explicit Journal(Database& database);

    // Records entry (its id and, when empty, its time are filled in) and returns the new row id.
    [[nodiscard]] std::variant<qint64, StoreError> record(JournalEntry entry);
    // Every row of a run in the order written.
    [[nodiscard]] std::variant<QList<JournalEntry>, StoreError> entries(const QString& runId) const;
    // The latest row of one step of a run, if any.
    [[nodiscard]] std::variant<std::optional<JournalEntry>, StoreError> lastEntry(
        const QString& runId, const QString& stepKey) const;
    // Runs with a step whose latest row is an intent: they stopped between sending and hearing back.
    [[nodiscard]] std::variant<QStringList, StoreError> interruptedRuns() const;

private:
    [[nodiscard]] StoreError queryError(const QString& detail) const;
    // The statement's error on the database's connection, classified (SqliteFailure).
    [[nodiscard]] StoreError queryError(const QSqlError& error) const;

    Database& m_database;
};

} // namespace tb::store
