// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tb::logs {

// What the sync logs page (and `logs query`) asks of one log set: filters that all have to hold, a sort and a
// page size. Empty fields do not filter. Matching is exact and case-insensitive for the identity and code fields,
// a list of words (each a prefix) for the free text. Value type, any thread; LogStore turns it into SQL with every
// value bound, never spliced into the statement.
struct LogQuery
{
    enum class SortColumn {
        ActivityTime,
        Status,
        Action,
        SourceName,
        TargetName,
        ErrorCode,
        CycleId,
        Duration,
    };

    qint64 setId = 0; // the log set (LogSet::id); a query never spans sets
    QStringList statuses; // any of: success, warning, failure, skipped
    QStringList actions; // any of: create, update, delete, disable, stageddelete, other
    QDateTime from; // inclusive, UTC; invalid: no lower bound
    QDateTime to; // exclusive, UTC; invalid: no upper bound
    QString cycleId;
    QString sourceIdentity; // the source's object id, display name or user principal name
    QString targetIdentity; // the target's object id, display name or user principal name
    QString errorCode; // e.g. AzureActiveDirectoryConflictEntry
    QString text; // free text over identities and error code (also a part of one), reason and details
    SortColumn sortColumn = SortColumn::ActivityTime;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
    int pageSize = 50;

    // The FTS5 MATCH expression for what a person typed: every word becomes a quoted string (quotes doubled) with
    // a prefix star, so AND, OR, NOT, NEAR, column filters, parentheses and stray quotes are searched for as text
    // and never read as query syntax. Empty when the text has no word.
    // errorCodes are the codes the set holds. The tokenizer keeps a code such as AzureActiveDirectoryConflictEntry as
    // one word, so "conflict" would not find it; a word of three or more characters inside one of these codes also
    // matches that code (as an OR of quoted strings, still never syntax).
    [[nodiscard]] static QString matchExpression(const QString& userText, const QStringList& errorCodes = {});
    // The expression that finds a whole value (an identity, exactly) as one phrase in the given FTS columns;
    // empty when the value has no word in it.
    [[nodiscard]] static QString phraseExpression(const QStringList& columns, const QString& value);

    friend bool operator==(const LogQuery& a, const LogQuery& b) = default;
};

} // namespace tb::logs
