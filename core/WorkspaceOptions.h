// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace tb {

// Where a workspace finds its tenants and keeps its data.
struct WorkspaceOptions
{
    QUrl sandboxUrl; // the sandbox whose tenants to use (until sign-in lands, the only source of tenants)
    bool sandboxInProcess = false; // the app started that sandbox itself (said in titles and on stderr)
    QString profile = QStringLiteral("default");
    QString databasePath; // empty: the profile's file under the application data folder
};

} // namespace tb
