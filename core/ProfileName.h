// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tb {

// What a profile may be called: it names a database file, a sandbox state file and a QSettings group, so 1 to 64
// letters, digits, '.', '_' or '-', starting with a letter or digit. Shared by the command line (--profile) and
// the GUI's New profile dialog.
class ProfileName final
{
public:
    // A sentence saying what is wrong with the name, or nothing when it may be used.
    [[nodiscard]] static std::optional<QString> problem(const QString& name);
};

} // namespace tb
