// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStoreError.h"

#include <utility>

namespace tb::auth {

SecretStoreError::SecretStoreError(Kind kind, QString key, QString detail)
    : m_kind(kind)
    , m_key(std::move(key))
    , m_detail(std::move(detail))
{ }

QString SecretStoreError::message() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::NotFound:
        return QStringLiteral("No saved sign-in was found in the system keyring. Sign in again.");
    case Kind::NoBackend:
        return QStringLiteral("No system keyring is reachable (no Secret Service on the session D-Bus). Start a "
                              "keyring such as GNOME Keyring or KWallet and restart TenantBridge; until then, "
                              "sign-ins are kept for this session only.");
    case Kind::Locked:
        // No prompter answered (none on a headless session, or it was closed): nothing in the keyring was read,
        // changed or removed.
        return QStringLiteral("The system keyring is locked (or has no default keyring), and nothing in it was read "
                              "or changed. Unlock your keyring (for example in Passwords and Keys, or by logging out "
                              "and in again), then restart TenantBridge or sign in again.");
    case Kind::AccessDenied:
        return QStringLiteral("Access to the system keyring was denied. Allow TenantBridge to use the keyring when "
                              "asked, then try again.");
    case Kind::Timeout:
        return QStringLiteral("The system keyring did not answer in time. Check that the keyring service is running "
                              "and not waiting for a password prompt, then try again.");
    case Kind::Damaged:
        return QStringLiteral("The saved sign-in in the system keyring is damaged or incomplete. Sign in again to "
                              "replace it.");
    case Kind::Other:
        break;
    }
    return m_detail.isEmpty()
        ? QStringLiteral("The system keyring reported an error. Try again; if it keeps failing, sign in again.")
        : QStringLiteral("The system keyring reported an error (%1). Try again; if it keeps failing, sign in again.")
              .arg(m_detail);
}

QString SecretStoreError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::NoBackend:
        return QStringLiteral("no_backend");
    case Kind::Locked:
        return QStringLiteral("locked");
    case Kind::AccessDenied:
        return QStringLiteral("access_denied");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Damaged:
        return QStringLiteral("damaged");
    case Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace tb::auth
