// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/UsersCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/model/TenantRole.h"
#include "core/setup/UserListing.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace tb::cli {

namespace {

// Entra ID P1 (AAD_PREMIUM), the plan every synced user needs (graph-reference 5.2).
const QString kEntraP1PlanId = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");

} // namespace

UsersCommand::UsersCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_tenantOption(QStringLiteral("tenant"),
          QStringLiteral("The tenant: source, target, or a signed-in tenant by name, domain or id (required)."),
          QStringLiteral("name"))
    , m_searchOption(QStringLiteral("search"),
          QStringLiteral("Only users whose name, mail or sign-in name starts with <text>."), QStringLiteral("text"))
    , m_groupOption(
          QStringLiteral("group"), QStringLiteral("Only members of the group named <name>."), QStringLiteral("name"))
    , m_limitOption(
          QStringLiteral("limit"), QStringLiteral("Stop after <n> users (default: all)."), QStringLiteral("n"))
{ }

QString UsersCommand::name() const
{
    return QStringLiteral("users");
}

QString UsersCommand::summary() const
{
    return QStringLiteral("List a tenant's users, optionally searched by name or limited to a group.");
}

void UsersCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_tenantOption);
    parser.addOption(m_searchOption);
    parser.addOption(m_groupOption);
    parser.addOption(m_limitOption);
}

QString UsersCommand::readOptions(const QCommandLineParser& parser)
{
    m_tenant = parser.value(m_tenantOption).trimmed();
    if (m_tenant.isEmpty()) {
        return tr("say which tenant: --tenant NAME (see 'tenantbridge-cli tenants').");
    }
    m_query.searchText = parser.value(m_searchOption).trimmed();
    m_query.groupName = parser.value(m_groupOption).trimmed();
    if (parser.isSet(m_limitOption)) {
        bool ok = false;
        m_query.limit = parser.value(m_limitOption).toInt(&ok);
        if (!ok || m_query.limit <= 0) {
            return tr("--limit takes a whole number above 0, not \"%1\".").arg(parser.value(m_limitOption));
        }
    }
    m_query.pageSize = 999;
    return {};
}

void UsersCommand::run()
{
    if (workspace().tenants().isEmpty()) {
        m_output.printError(tr("no tenant is signed in; run 'tenantbridge-cli login --role source --tenant "
                               "ID-OR-DOMAIN' first."));
        finish(ExitCode::Usage);
        return;
    }
    // "source" and "target" name the signed-in roles; anything else a tenant by name, domain or id.
    const auto role = model::tenantRoleFromName(m_tenant.toLower());
    const auto tenant = role ? workspace().tenant(*role) : workspace().findTenant(m_tenant);
    if (!tenant) {
        QStringList names;
        for (const model::Tenant& known : workspace().tenants()) {
            names.append(known.displayName);
        }
        m_output.printError(
            tr("no single tenant matches \"%1\"; choose one of: %2.").arg(m_tenant, names.join(QStringLiteral(", "))));
        finish(ExitCode::Usage);
        return;
    }
    auto* listing = new setup::UserListing(*workspace().directory(tenant->id), m_query, this);
    connect(listing, &setup::UserListing::usersReceived, this,
        [this](const QList<model::DirectoryUser>& users) { m_users.append(users); });
    connect(listing, &setup::UserListing::finished, this,
        [this, listing, name = tenant->displayName](const graph::GraphError& error) {
            listing->deleteLater();
            if (error.isError()) {
                m_output.printError(error.userMessage());
                finish(ExitCode::ServiceError);
            } else if (listing->isGroupMissing()) {
                m_output.printError(tr("%1 has no group named \"%2\".").arg(name, m_query.groupName));
                finish(ExitCode::CheckFailed);
            } else {
                printUsers(name);
                finish(m_users.isEmpty() ? ExitCode::CheckFailed : ExitCode::Success);
            }
        });
    listing->start();
}

void UsersCommand::printUsers(const QString& tenantName)
{
    if (m_output.isJson()) {
        QJsonArray array;
        for (const model::DirectoryUser& user : std::as_const(m_users)) {
            array.append(user.toJson());
        }
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("tenant"), tenantName},
            {QStringLiteral("count"), array.size()}, {QStringLiteral("users"), array}}));
        return;
    }
    QList<QStringList> rows;
    rows.reserve(m_users.size());
    for (const model::DirectoryUser& user : std::as_const(m_users)) {
        const QString state
            = !user.accountEnabled.has_value() ? QString() : (*user.accountEnabled ? tr("enabled") : tr("disabled"));
        QString type = user.userType;
        if (user.isB2bFromAnotherTenant()) {
            type = tr("B2B %1").arg(user.userType.toLower());
        }
        rows.append({user.displayName, user.userPrincipalName, user.mail, user.department, user.jobTitle, type, state,
            user.hasEnabledPlan(kEntraP1PlanId) ? QStringLiteral("P1") : QStringLiteral("-")});
    }
    m_output.printTable({tr("NAME"), tr("USER PRINCIPAL NAME"), tr("MAIL"), tr("DEPARTMENT"), tr("JOB TITLE"),
                            tr("TYPE"), tr("SIGN-IN"), tr("LICENCE")},
        rows);
    if (m_users.isEmpty()) {
        m_output.printNote(tr("No user of %1 matches.").arg(tenantName));
    } else {
        m_output.printNote(tr("%1 user(s) of %2.").arg(m_users.size()).arg(tenantName));
    }
}

} // namespace tb::cli
