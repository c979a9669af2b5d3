// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProfileSwitcher.h"

#include <QSettings>

namespace tb::ui {

namespace {

const QString kRecentKey = QStringLiteral("recentProfiles");

} // namespace

QStringList ProfileSwitcher::recentProfiles()
{
    return QSettings().value(kRecentKey).toStringList();
}

void ProfileSwitcher::noteUsed(const QString& profile)
{
    QStringList recent = recentProfiles();
    recent.removeAll(profile);
    recent.prepend(profile);
    while (recent.size() > kRecentLimit) {
        recent.removeLast();
    }
    QSettings().setValue(kRecentKey, recent);
}

QStringList ProfileSwitcher::knownProfiles()
{
    QStringList known = recentProfiles();
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    QStringList others = settings.childGroups();
    others.sort(Qt::CaseInsensitive);
    for (const QString& profile : std::as_const(others)) {
        if (!known.contains(profile)) {
            known.append(profile);
        }
    }
    return known;
}

QStringList ProfileSwitcher::relaunchArguments(const QStringList& currentArguments, const QString& profile)
{
    static const QStringList kept {QStringLiteral("--no-keychain"), QStringLiteral("--verbose")};
    QStringList arguments;
    for (const QString& argument : currentArguments) {
        if (kept.contains(argument)) {
            arguments.append(argument);
        }
    }
    arguments << QStringLiteral("--profile") << profile;
    return arguments;
}

} // namespace tb::ui
