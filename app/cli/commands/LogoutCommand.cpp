// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/LogoutCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/SignInService.h"

#include <QCommandLineParser>

namespace tb::cli {

LogoutCommand::LogoutCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_roleOption(QStringLiteral("role"), QStringLiteral("Sign out of source or target only (default: both)."),
          QStringLiteral("role"))
{ }

QString LogoutCommand::name() const
{
    return QStringLiteral("logout");
}

QString LogoutCommand::summary() const
{
    return QStringLiteral("Sign out and remove the saved session from the keychain.");
}

void LogoutCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_roleOption);
}

QString LogoutCommand::readOptions(const QCommandLineParser& parser)
{
    if (!parser.isSet(m_roleOption)) {
        m_roles = {model::TenantRole::Source, model::TenantRole::Target};
        return {};
    }
    const auto role = model::tenantRoleFromName(parser.value(m_roleOption).trimmed());
    if (!role) {
        return tr("--role is source or target.");
    }
    m_roles = {*role};
    return {};
}

void LogoutCommand::run()
{
    connect(&workspace().signIn(), &auth::SignInService::signedOut, this, [this](model::TenantRole role) {
        m_output.printLine(tr("Signed out of the %1 tenant.").arg(model::tenantRoleName(role)));
        signOutNext();
    });
    signOutNext();
}

void LogoutCommand::signOutNext()
{
    auth::SignInService& service = workspace().signIn();
    while (!m_roles.isEmpty()) {
        const model::TenantRole role = m_roles.takeFirst();
        if (service.account(role)) {
            service.signOut(role); // signedOut follows once the keychain has forgotten it
            return;
        }
        m_output.printLine(tr("Not signed in to the %1 tenant.").arg(model::tenantRoleName(role)));
    }
    finish(ExitCode::Success);
}

} // namespace tb::cli
