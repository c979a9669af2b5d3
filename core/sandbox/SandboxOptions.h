// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/GeneratedTenantSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tbsandbox {

// Everything the sandbox needs to start: where it listens, what it loads, which faults it injects.
// Built from command-line arguments by the standalone server, or filled in by the GUI, CLI and tests.
struct SandboxOptions
{
    quint16 port = 0; // 0: any free port
    QString seedDirectory; // empty: the seeds compiled in from resources/sandbox
    bool loadSeeds = true; // false: only generated tenants
    QList<GeneratedTenantSpec> generatedTenants;
    QString tlsCertificateFile; // both set: serve https
    QString tlsKeyFile;
    QJsonObject faultPlan; // the JSON form documented in README.md
    int idleTimeoutMs = 0; // a connection with nothing in progress is closed after this; 0: 120 s

    // Parses the standalone server's arguments (without the program name). On failure returns nothing
    // and fills errorMessage with a sentence that says what to change.
    [[nodiscard]] static std::optional<SandboxOptions> fromArguments(
        const QStringList& arguments, QString* errorMessage);
    [[nodiscard]] static QString usage();
};

} // namespace tbsandbox
