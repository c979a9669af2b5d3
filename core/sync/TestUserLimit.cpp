// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/TestUserLimit.h"

#include <QLocale>
#include <QSet>

namespace tb::sync {

QStringList TestUserLimit::distinct(const QStringList& users)
{
    QStringList result;
    QSet<QString> seen;
    seen.reserve(users.size());
    for (const QString& user : users) {
        const QString trimmed = user.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        // Sign-in names and object ids compare without case (Entra treats both so).
        const QString folded = trimmed.toCaseFolded();
        if (seen.contains(folded)) {
            continue;
        }
        seen.insert(folded);
        result.append(trimmed);
    }
    return result;
}

QString TestUserLimit::problem(qsizetype count)
{
    if (count <= kMaxUsers) {
        return {};
    }
    const QLocale locale;
    return QStringLiteral("%1 users are listed, but a preview or test sync takes at most %2: each user is read from "
                          "both tenants, and a test sync provisions each one on demand, which Microsoft allows 5 "
                          "times every 10 seconds (%2 users already take about 7 minutes). Keep the %2 users you most "
                          "want to test; to sync more users, use a staged rollout.")
        .arg(locale.toString(count), locale.toString(kMaxUsers));
}

} // namespace tb::sync
