// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ProfileName.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tb {

std::optional<QString> ProfileName::problem(const QString& name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (allowed.match(name).hasMatch()) {
        return std::nullopt;
    }
    return QCoreApplication::translate(
        "tb::ProfileName", "A profile name is 1 to 64 letters, digits, '.', '_' or '-', not \"%1\".")
        .arg(name);
}

} // namespace tb
