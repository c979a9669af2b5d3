// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb::cli {

// Where the CLI writes: results on stdout (a table for people, JSON for scripts), messages on stderr.
// Text from a tenant is printed without control characters, so a display name cannot move the cursor,
// recolour the terminal or hide a line.
class CliOutput final
{
public:
    explicit CliOutput(bool json);

    [[nodiscard]] bool isJson() const { return m_json; }

    // Aligned columns with a header row; cells are cleaned of control characters.
    void printTable(const QStringList& header, const QList<QStringList>& rows) const;
    void printLine(const QString& line) const;
    void printJson(const QJsonDocument& document) const;
    // On stderr: "tenantbridge-cli: <message>".
    void printError(const QString& message) const;
    void printNote(const QString& message) const;

    [[nodiscard]] static QString printable(const QString& text);

private:
    bool m_json;
};

} // namespace tb::cli
