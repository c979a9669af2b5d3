// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/WhoamiCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/auth/AccessTokenSource.h"
#include "core/auth/Account.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/SignInService.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace tb::cli {

WhoamiCommand::WhoamiCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_noCheckOption(QStringLiteral("no-check"),
          QStringLiteral("Only read the saved accounts; do not ask the sign-in service for a token."))
{ }

QString WhoamiCommand::name() const
{
    return QStringLiteral("whoami");
}

QString WhoamiCommand::summary() const
{
    return QStringLiteral("Show who is signed in to the source and the target tenant, and whether it still works.");
}

void WhoamiCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_noCheckOption);
}

QString WhoamiCommand::readOptions(const QCommandLineParser& parser)
{
    m_check = !parser.isSet(m_noCheckOption);
    return {};
}

void WhoamiCommand::run()
{
    for (const model::TenantRole role : {model::TenantRole::Source, model::TenantRole::Target}) {
        if (workspace().signIn().account(role)) {
            m_pending.append(role);
        }
    }
    checkNext();
}

void WhoamiCommand::checkNext()
{
    if (m_pending.isEmpty()) {
        printResult();
        return;
    }
    const model::TenantRole role = m_pending.takeFirst();
    if (!m_check) {
        m_reports.append({role, {}, {}});
        checkNext();
        return;
    }
    const std::optional<auth::Account> account = workspace().signIn().account(role);
    auth::TokenRequest request;
    request.tenantId = account->tenantId;
    request.role = role;
    request.scopes = auth::SignInService::defaultScopes();
    workspace().signIn().tokens().requestToken(request, this, [this, role](const auth::TokenResult& result) {
        RoleReport report {role, {}, {}};
        if (result.isValid()) {
            report.tokenExpiresAt = result.expiresAtUtc.toString(Qt::ISODate);
        } else {
            report.tokenError = result.errorMessage.isEmpty() ? result.errorCode : result.errorMessage;
        }
        m_reports.append(report);
        checkNext();
    });
}

void WhoamiCommand::printResult()
{
    const auth::SignInService& service = workspace().signIn();
    bool allWell = !m_reports.isEmpty();
    QJsonObject json;
    QList<QStringList> rows;
    for (const model::TenantRole role : {model::TenantRole::Source, model::TenantRole::Target}) {
        const QString roleName = model::tenantRoleName(role);
        const auto report = std::find_if(
            m_reports.cbegin(), m_reports.cend(), [role](const RoleReport& entry) { return entry.role == role; });
        const std::optional<auth::Account> account = service.account(role);
        if (report == m_reports.cend() || !account) {
            json.insert(roleName, QJsonValue());
            rows.append({roleName, tr("(not signed in)"), QString(), QString(), QString()});
            continue;
        }
        const std::optional<auth::AuthorityInfo> authority = service.authority(role);
        const std::optional<model::Tenant> tenant = workspace().tenant(role);
        const QString cloud = authority && authority->cloud ? authority->cloud->name() : QString();
        QString state = m_check
            ? (report->tokenError.isEmpty() ? QStringLiteral("signed-in") : QStringLiteral("sign-in-required"))
            : QStringLiteral("saved");
        if (!report->tokenError.isEmpty()) {
            allWell = false;
        }
        QJsonObject entry {{QStringLiteral("username"), account->username},
            {QStringLiteral("displayName"), account->displayName}, {QStringLiteral("tenantId"), account->tenantId},
            {QStringLiteral("tenant"), account->requestedTenant}, {QStringLiteral("cloud"), cloud},
            {QStringLiteral("state"), state}};
        if (!report->tokenExpiresAt.isEmpty()) {
            entry.insert(QStringLiteral("tokenExpiresAt"), report->tokenExpiresAt);
        }
        if (!report->tokenError.isEmpty()) {
            entry.insert(QStringLiteral("problem"), report->tokenError);
        }
        json.insert(roleName, entry);
        rows.append({roleName, account->username, account->tenantId, cloud,
            report->tokenError.isEmpty() ? state : tr("%1: %2").arg(state, report->tokenError)});
    }
    json.insert(QStringLiteral("remembered"), !service.isMemoryOnly());
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(json));
    } else {
        m_output.printTable({tr("ROLE"), tr("ACCOUNT"), tr("TENANT ID"), tr("CLOUD"), tr("STATE")}, rows);
    }
    if (service.isMemoryOnly()) {
        m_output.printNote(service.storageWarning());
    }
    finish(allWell ? ExitCode::Success : ExitCode::CheckFailed);
}

} // namespace tb::cli
