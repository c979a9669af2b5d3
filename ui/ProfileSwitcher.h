// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tb::ui {

// The profiles of this computer user (each a tenant pair with its own store, sign-ins and connection settings)
// and which were used last, for File > Profiles; and the command line that starts the app again on a profile. A
// workspace serves one profile for its lifetime, so changing profile (or connection settings) starts a new
// process once this one has closed (main() does that). Kept with QSettings ("recentProfiles"). GUI thread.
class ProfileSwitcher final
{
public:
    static constexpr int kRecentLimit = 8;

    // Most recent first.
    [[nodiscard]] static QStringList recentProfiles();
    static void noteUsed(const QString& profile);
    // The recent ones, then every other profile that has saved settings, by name.
    [[nodiscard]] static QStringList knownProfiles();

    // The arguments (without the program) that start the app on `profile`. Of the current ones only those that
    // are not about where the tenants are survive (--no-keychain, --verbose): the profile's own connection
    // settings must apply, and the command line would win over them.
    [[nodiscard]] static QStringList relaunchArguments(const QStringList& currentArguments, const QString& profile);
};

} // namespace tb::ui
