// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::test {

// The gnome-keyring "login" collection of the session bus this process is on, driven over D-Bus as a desktop would:
// lock() through the Secret Service API (org.freedesktop.Secret.Service.Lock), unlock() with the keyring's password
// through gnome-keyring's own interface (org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface
// .UnlockWithMasterPassword, over a "plain" session: the password never leaves the private bus), because the standard
// Unlock asks a prompter, and there is no display for one in a test. Only for a throw-away keyring in a bus of the
// test's own (dbus-run-session): locking the keyring of a shared bus would break every other keychain test.
class LoginKeyring final
{
public:
    static inline const QString kPath = QStringLiteral("/org/freedesktop/secrets/collection/login");

    LoginKeyring() = delete;

    // Empty on success, else what went wrong.
    [[nodiscard]] static QString lock();
    [[nodiscard]] static QString unlock(const QString& password);
    // The collection's Locked property; false also when it cannot be read (error says why).
    [[nodiscard]] static bool isLocked(QString* error = nullptr);
};

} // namespace tb::test
