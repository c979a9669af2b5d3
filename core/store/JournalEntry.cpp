// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/JournalEntry.h"

namespace tb::store {

QString JournalEntry::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Intent:
        return QStringLiteral("intent");
    case Phase::Done:
        return QStringLiteral("done");
    case Phase::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("intent");
}

JournalEntry::Phase JournalEntry::phaseFromName(const QString& name)
{
    if (name == QStringLiteral("done")) {
        return Phase::Done;
    }
    if (name == QStringLiteral("failed")) {
        return Phase::Failed;
    }
    return Phase::Intent;
}

} // namespace tb::store
