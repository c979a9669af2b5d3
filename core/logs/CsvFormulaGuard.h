// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::logs {

// Keeps spreadsheet programs from running a CSV cell as a formula (CSV or formula injection): a provisioning log
// carries text an outsider chose (display names, error reasons from the target), and a colleague opens the
// export in Excel. OWASP's advice, followed by Symfony's CsvEncoder and node-csv's escape_formulas: a cell that
// starts with = + - @ TAB or CR gets a leading apostrophe, which Excel and LibreOffice show as text and hide.
//
// So that an export reads back unchanged, a cell that already starts with an apostrophe gets one more (Excel
// hides the first and shows the value as it was), and unprotect() removes one apostrophe exactly when it is
// followed by one of the characters above or by another apostrophe: unprotect(protect(x)) == x for every x.
// The importer applies unprotect() to every cell of every CSV, whoever wrote it; a value that really starts
// with "'=" in a file from another tool therefore loses its apostrophe, a loss judged far less likely than
// reading back our own escaped cells wrongly. The leading "-" of a negative number is escaped too, as OWASP
// says; no column we write holds one.
class CsvFormulaGuard
{
public:
    [[nodiscard]] static bool needsProtection(const QString& cell);
    [[nodiscard]] static QString protect(const QString& cell);
    [[nodiscard]] static QString unprotect(const QString& cell);

private:
    [[nodiscard]] static bool isTrigger(QChar c);
};

} // namespace tb::logs
