// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliOutput.h"

#include "core/Redaction.h"

#include <QTextStream>

#include <cstdio>

namespace tb::cli {

CliOutput::CliOutput(bool json)
    : m_json(json)
{ }

QString CliOutput::printable(const QString& text)
{
    return Redaction::withoutControls(text);
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
    // JSON escapes C0 controls itself; C1 controls and direction marks are escaped here too, so a script that
    // prints a value gets the tenant's text exactly, and a person reading the JSON sees no reordered line.
    const QString json = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    QString escaped;
    escaped.reserve(json.size());
    for (const QChar c : json) {
        if (c != QLatin1Char('\n') && Redaction::isControlOrDirectional(c)) {
            escaped += QStringLiteral("\\u%1").arg(static_cast<int>(c.unicode()), 4, 16, QLatin1Char('0'));
        } else {
            escaped += c;
        }
    }
    QTextStream(stdout) << escaped;
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
