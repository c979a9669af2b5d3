// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/WorkspaceOptions.h"

#include <QCommandLineOption>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace tbsandbox {
class SandboxServer;
}

namespace tb::app {

// The options the GUI and the CLI share to say where the tenants are: the built-in sandbox (nothing given), a
// running sandbox (--sandbox URL), a Microsoft cloud (--cloud), or private endpoints (--login-host,
// --graph-host); plus the client id and the profile. Starts the built-in sandbox when that is the answer, with
// auto-approval and its state kept under the profile. Main thread.
class LaunchOptions final
{
public:
    LaunchOptions();
    ~LaunchOptions();
    LaunchOptions(const LaunchOptions&) = delete;
    LaunchOptions& operator=(const LaunchOptions&) = delete;

    void addTo(QCommandLineParser& parser) const;
    // Names of the options above that take a value (for finding the command word before parsing).
    [[nodiscard]] static QStringList valueOptionNames();
    // Reads the parsed options; a sentence saying what to change when they are wrong.
    [[nodiscard]] std::optional<QString> read(const QCommandLineParser& parser);
    // Starts the built-in sandbox when no tenant source was given; false with a sentence when it cannot.
    [[nodiscard]] bool startSandboxIfNeeded(QString* errorMessage);
    // Stops the built-in sandbox, if one runs; it writes its state file as it stops.
    void stopBuiltInSandbox();

    [[nodiscard]] const WorkspaceOptions& workspaceOptions() const { return m_workspaceOptions; }
    [[nodiscard]] tbsandbox::SandboxServer* builtInSandbox() const { return m_sandbox.get(); }
    // Where the built-in sandbox of a profile keeps its tenants and sign-ins.
    [[nodiscard]] static QString sandboxStateFile(const QString& profile);

private:
    QCommandLineOption m_sandboxOption;
    QCommandLineOption m_cloud;
    QCommandLineOption m_loginHost;
    QCommandLineOption m_graphHost;
    QCommandLineOption m_clientId;
    QCommandLineOption m_profile;
    QCommandLineOption m_resetSandbox;
    QCommandLineOption m_noKeychain;
    WorkspaceOptions m_workspaceOptions;
    bool m_wantsBuiltInSandbox = false;
    bool m_resetBuiltInSandbox = false;
    std::unique_ptr<tbsandbox::SandboxServer> m_sandbox;
};

} // namespace tb::app
