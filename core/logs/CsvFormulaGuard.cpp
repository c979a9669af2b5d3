// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/CsvFormulaGuard.h"

namespace tb::logs {

bool CsvFormulaGuard::isTrigger(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool CsvFormulaGuard::needsProtection(const QString& cell)
{
    return !cell.isEmpty() && (isTrigger(cell.front()) || cell.front() == QLatin1Char('\''));
}

QString CsvFormulaGuard::protect(const QString& cell)
{
    return needsProtection(cell) ? QLatin1Char('\'') + cell : cell;
}

QString CsvFormulaGuard::unprotect(const QString& cell)
{
    if (cell.size() >= 2 && cell.front() == QLatin1Char('\'')
        && (isTrigger(cell.at(1)) || cell.at(1) == QLatin1Char('\''))) {
        return cell.mid(1);
    }
    return cell;
}

} // namespace tb::logs
