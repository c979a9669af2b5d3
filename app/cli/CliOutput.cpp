// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliOutput.h"

#include <QTextStream>

#include <cstdio>

namespace tb::cli {

CliOutput::CliOutput(bool json)
    : m_json(json)
{ }

QString CliOutput::printable(const QString& text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        // C0, DEL, C1 controls and the bidirectional overrides that can reorder what a terminal shows.
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u < 0xa0);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        result.append(control || bidi ? QChar(0xfffd) : c);
    }
    return result;
}

void CliOutput::printTable(const QStringList& header, const QList<QStringList>& rows) const
{
    QList<qsizetype> widths;
    for (const QString& title : header) {
        widths.append(title.size());
    }
    QList<QStringList> cleaned;
    cleaned.reserve(rows.size());
    for (const QStringList& row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            cells.append(printable(row.at(i)));
            widths[i] = std::max(widths.at(i), cells.last().size());
        }
        cleaned.append(cells);
    }
    QTextStream out(stdout);
    const auto printRow = [&out, &widths](const QStringList& cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            line += i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i) + 2) : cells.at(i);
        }
        out << line.trimmed() << '\n';
    };
    printRow(header);
    for (const QStringList& row : std::as_const(cleaned)) {
        printRow(row);
    }
}

void CliOutput::printLine(const QString& line) const
{
    QTextStream(stdout) << printable(line) << '\n';
}

void CliOutput::printJson(const QJsonDocument& document) const
{
    // JSON escapes control characters itself, so scripts get the text exactly as the tenant has it.
    QTextStream(stdout) << document.toJson(QJsonDocument::Indented);
}

void CliOutput::printError(const QString& message) const
{
    QTextStream(stderr) << "tenantbridge-cli: " << printable(message) << '\n';
}

void CliOutput::printNote(const QString& message) const
{
    QTextStream(stderr) << printable(message) << '\n';
}

} // namespace tb::cli
