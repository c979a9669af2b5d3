// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::auth {

// The outcome of one SecretStore operation: no error, or a kind the caller can act on plus a sentence for a
// person. Value type, any thread. Holds key names and backend text only, never a secret value.
class SecretStoreError
{
public:
    enum class Kind {
        None, // success
        NotFound, // nothing stored under the key
        NoBackend, // no keychain reachable (no Secret Service, no session bus)
        Locked, // the keyring exists but is locked (or has no unlocked default collection)
        AccessDenied, // the user or the system refused access
        Timeout, // the keychain did not answer within the job timeout
        Damaged, // a stored value is incomplete or does not match its checksum
        Other,
    };

    SecretStoreError() = default; // no error
    SecretStoreError(Kind kind, QString key, QString detail = {});

    [[nodiscard]] bool isError() const { return m_kind != Kind::None; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    // The entry key the error is about (a name, never a value); may be empty.
    [[nodiscard]] const QString& key() const { return m_key; }
    // Technical text from the backend or the store, for logs and the diagnostics page.
    [[nodiscard]] const QString& detail() const { return m_detail; }
    // A sentence for a person that says what to do; empty for Kind::None.
    [[nodiscard]] QString message() const;

    // A stable lower-case name ("not_found", "no_backend", ...) for logs and tests.
    [[nodiscard]] static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_key;
    QString m_detail;
};

} // namespace tb::auth
