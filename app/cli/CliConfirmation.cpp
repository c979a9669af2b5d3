// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliConfirmation.h"

#include "app/cli/CliOutput.h"

#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace tb::cli {

bool CliConfirmation::inputIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return isatty(fileno(stdin)) != 0;
#endif
}

bool CliConfirmation::ask(const QString& question)
{
    QTextStream err(stderr);
    err << CliOutput::printable(question);
    err.flush();
    const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
    return answer == QStringLiteral("y") || answer == QStringLiteral("yes");
}

} // namespace tb::cli
