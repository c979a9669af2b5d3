// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/LogQuery.h"

#include <QRegularExpression>

namespace tb::logs {

namespace {

// An FTS5 string: inside double quotes nothing is syntax except the quote itself, which is doubled.
QString quoted(const QString& word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// True when the tokenizer (unicode61) finds at least one token in the word; a string of only punctuation would
// make FTS5 match nothing at all ("" is a phrase without tokens), so such words are dropped.
bool hasToken(const QString& word)
{
    for (const QChar c : word) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

// Shorter words ("a", "on") would pull in most codes.
constexpr qsizetype kMinimumCodePart = 3;

} // namespace

QString LogQuery::matchExpression(const QString& userText, const QStringList& errorCodes)
{
    static const QRegularExpression kSpace(QStringLiteral("\\s+"));
    QStringList terms;
    for (const QString& word : userText.split(kSpace, Qt::SkipEmptyParts)) {
        if (!hasToken(word)) {
            continue;
        }
        // The star makes the last token of the phrase a prefix, so results come while a name is being typed.
        QStringList alternatives {quoted(word) + QLatin1Char('*')};
        if (word.size() >= kMinimumCodePart) {
            for (const QString& code : errorCodes) {
                // A code the word starts is found by the prefix already.
                if (hasToken(code) && code.contains(word, Qt::CaseInsensitive)
                    && !code.startsWith(word, Qt::CaseInsensitive)) {
                    alternatives.append(quoted(code));
                }
            }
        }
        terms.append(alternatives.size() == 1
                ? alternatives.constFirst()
                : QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    // Juxtaposition is AND in FTS5 between phrases only; a parenthesised group needs the keyword.
    return terms.join(QStringLiteral(" AND "));
}

QString LogQuery::phraseExpression(const QStringList& columns, const QString& value)
{
    const QString trimmed = value.trimmed();
    if (columns.isEmpty() || !hasToken(trimmed)) {
        return {};
    }
    // Column names come from LogStore's own list, never from input.
    return QStringLiteral("{%1} : %2").arg(columns.join(QLatin1Char(' ')), quoted(trimmed));
}

} // namespace tb::logs
