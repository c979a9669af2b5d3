// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/LoginCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantReference.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace tb::cli {

LoginCommand::LoginCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_roleOption(QStringLiteral("role"), QStringLiteral("The role of the tenant: source or target (required)."),
          QStringLiteral("role"))
    , m_tenantOption(QStringLiteral("tenant"),
          QStringLiteral("The tenant: its id or a verified domain (default: the tenant this role used last)."),
          QStringLiteral("tenant"))
    , m_readOnlyOption(QStringLiteral("read-only"),
          QStringLiteral("Ask only for the read-only scopes (users, groups, organization), not for those setup needs."))
{ }

QString LoginCommand::name() const
{
    return QStringLiteral("login");
}

QString LoginCommand::summary() const
{
    return QStringLiteral("Sign in to the source or the target tenant with a code in a browser.");
}

void LoginCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_roleOption);
    parser.addOption(m_tenantOption);
    parser.addOption(m_readOnlyOption);
}

QString LoginCommand::readOptions(const QCommandLineParser& parser)
{
    const auto role = model::tenantRoleFromName(parser.value(m_roleOption).trimmed());
    if (!role) {
        return tr("say which tenant to sign in to: --role source or --role target.");
    }
    m_role = *role;
    m_readOnly = parser.isSet(m_readOnlyOption);
    if (parser.isSet(m_tenantOption)) {
        QString problem;
        const auto reference = model::TenantReference::parse(parser.value(m_tenantOption), &problem);
        if (!reference) {
            return problem;
        }
        m_tenant = reference->text();
    }
    return {};
}

void LoginCommand::run()
{
    if (m_tenant.isEmpty()) {
        m_tenant = workspace().suggestedTenant(m_role);
    }
    if (m_tenant.isEmpty()) {
        m_output.printError(tr("say which tenant: --tenant followed by its id or a verified domain."));
        finish(ExitCode::Usage);
        return;
    }
    auth::SignInService& service = workspace().signIn();
    connect(&service, &auth::SignInService::promptReady, this,
        [this](model::TenantRole role, const auth::DeviceCodePrompt& prompt) {
            if (role != m_role) {
                return;
            }
            // The person needs the page and the short user code; the device code itself never leaves the flow.
            m_output.printNote(tr("To sign in to the %1 tenant, open %2 in a browser and enter the code %3")
                                   .arg(model::tenantRoleName(m_role), prompt.verificationUri, prompt.userCode));
            m_output.printNote(
                tr("Waiting for the sign-in (the code expires at %1; press Ctrl+C to give up)…")
                    .arg(QLocale().toString(prompt.expiresAtUtc.toLocalTime().time(), QLocale::ShortFormat)));
        });
    connect(&service, &auth::SignInService::signedIn, this, [this](model::TenantRole role) {
        if (role == m_role) {
            printSignedIn();
        }
    });
    connect(&service, &auth::SignInService::signInFailed, this,
        [this](model::TenantRole role, const auth::AuthError& error) {
            if (role != m_role) {
                return;
            }
            m_output.printError(error.userMessage);
            finish(error.kind == auth::AuthError::Kind::InvalidInput ? ExitCode::Usage : ExitCode::ServiceError);
        });
    service.signIn(
        m_role, m_tenant, m_readOnly ? auth::SignInService::defaultScopes() : Workspace::setupScopes(m_role));
}

void LoginCommand::printSignedIn()
{
    const auth::SignInService& service = workspace().signIn();
    const std::optional<auth::Account> account = service.account(m_role);
    const std::optional<auth::AuthorityInfo> authority = service.authority(m_role);
    if (!account) {
        m_output.printError(tr("the sign-in ended without an account; try again."));
        finish(ExitCode::ServiceError);
        return;
    }
    const QString cloud = authority && authority->cloud ? authority->cloud->name() : QString();
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(QJsonObject {
            {QStringLiteral("role"), model::tenantRoleName(m_role)},
            {QStringLiteral("tenantId"), account->tenantId},
            {QStringLiteral("username"), account->username},
            {QStringLiteral("displayName"), account->displayName},
            {QStringLiteral("cloud"), cloud},
            {QStringLiteral("remembered"), !service.isMemoryOnly()},
        }));
    } else {
        m_output.printLine(tr("Signed in to the %1 tenant %2 as %3 (%4).")
                               .arg(model::tenantRoleName(m_role), account->tenantId, account->username,
                                   cloud.isEmpty() ? tr("unknown cloud") : cloud));
    }
    if (service.isMemoryOnly()) {
        m_output.printNote(service.storageWarning());
    }
    finish(ExitCode::Success);
}

} // namespace tb::cli
