// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/model/TenantRole.h"

#include <QCommandLineOption>
#include <QList>

namespace tb::cli {

// `login --role source|target --tenant T [--read-only]`: a device-code sign-in; the code and the page go to
// stderr, the account to stdout. The session is kept in the OS keychain for the next run. It asks for the scopes
// that setting up CTS needs (Workspace::setupScopes), so status, preflight, plan and apply need no second
// consent; --read-only asks only for the default, read-only scopes.
class LoginCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginCommand)

public:
    explicit LoginCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void printSignedIn();

    QCommandLineOption m_roleOption;
    QCommandLineOption m_tenantOption;
    QCommandLineOption m_readOnlyOption;
    model::TenantRole m_role = model::TenantRole::Source;
    QString m_tenant;
    bool m_readOnly = false;
};

} // namespace tb::cli
