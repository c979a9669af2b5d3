// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxServer.h"

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace tb::test {

struct CliRun
{
    // The exit code (-1 after a crash) and both outputs of a process that has finished.
    [[nodiscard]] static CliRun of(QProcess& finished);

    int exitCode = -1;
    QString out;
    QString err;
};

// The CLI of one person on one machine: a private data folder and profile kept across runs (the keychain is the
// test session's Secret Service), against a sandbox on 127.0.0.1 that approves each code at once as the tenant's
// admin. Each run keeps the event loop turning so the sandbox in this process answers.
struct CliSession
{
    QTemporaryDir home;
    QString profile;
    std::unique_ptr<tbsandbox::SandboxServer> server;
    QString url;
    QList<CliRun> runs; // everything printed, for the scan at the end
    bool triedLogin = false;

    explicit CliSession(bool withSandbox = true);
    ~CliSession();
    CliSession(const CliSession&) = delete;
    CliSession& operator=(const CliSession&) = delete;

    CliRun run(const QStringList& arguments);
    void login(const QString& role, const QString& tenant);
    void loginBoth();

    // What run() starts, for a test that drives the process itself (to kill it, say).
    [[nodiscard]] static QString program();
    [[nodiscard]] QStringList fullArguments(const QStringList& arguments) const;
    [[nodiscard]] QProcessEnvironment environment() const;
    // The profile's SQLite database (store::Database::defaultFilePath under this session's XDG_DATA_HOME);
    // empty while no run has created it.
    [[nodiscard]] QString databasePath() const;
    // GET of a control route of the session's sandbox (/_sandbox/stats, /_sandbox/requests?since=0).
    [[nodiscard]] QJsonObject control(const QString& path) const;
    // /_sandbox/stats: tenants.<id>.crossTenant of one tenant.
    [[nodiscard]] QJsonObject crossTenantCounts(const QString& tenantId) const;
};

// The output of a --json run as an object; fails the test when it is not one.
[[nodiscard]] QJsonObject parseJson(const QString& text);

} // namespace tb::test
