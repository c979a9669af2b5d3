// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AuthSettings.h"

#include <QString>
#include <QUrl>

namespace tb {

// Where a workspace signs in, where it keeps its data, and whether it talks to a sandbox.
struct WorkspaceOptions
{
    enum class SecretStorage {
        Keychain, // the OS keychain through QtKeychain; memory only (and said so) when none answers
        MemoryOnly, // never remember a session (tests, kiosks)
    };

    // Client id and login/Graph host overrides; its profile is set from `profile` below.
    auth::AuthSettings auth;
    // The sandbox in use, if any: its catalog names the sample tenants that the Connect page suggests.
    QUrl sandboxUrl;
    bool sandboxInProcess = false; // the app started that sandbox itself (said in titles and on stderr)
    QString profile = QStringLiteral("default");
    QString databasePath; // empty: the profile's file under the application data folder
    SecretStorage secretStorage = SecretStorage::Keychain;
};

} // namespace tb
