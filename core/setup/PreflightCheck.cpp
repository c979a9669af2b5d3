// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/PreflightCheck.h"

#include <QJsonArray>

namespace tb::setup {

QString PreflightCheck::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("pass");
    case Outcome::Warn:
        return QStringLiteral("warn");
    case Outcome::Block:
        return QStringLiteral("block");
    }
    return QStringLiteral("block");
}

QJsonObject PreflightCheck::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("title"), title},
        {QStringLiteral("outcome"), outcomeName(outcome)}, {QStringLiteral("sentence"), sentence},
        {QStringLiteral("fix"), fix}, {QStringLiteral("details"), QJsonArray::fromStringList(details)}};
}

} // namespace tb::setup
