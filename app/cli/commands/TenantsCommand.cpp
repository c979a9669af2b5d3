// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/TenantsCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/graph/GraphCall.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tb::cli {

QString TenantsCommand::name() const
{
    return QStringLiteral("tenants");
}

QString TenantsCommand::summary() const
{
    return QStringLiteral("List the tenants with their domain, cloud and number of users.");
}

void TenantsCommand::addOptions(QCommandLineParser& /*parser*/) { }

QString TenantsCommand::readOptions(const QCommandLineParser& /*parser*/)
{
    return {};
}

void TenantsCommand::run()
{
    const QList<model::Tenant> tenants = workspace().tenants();
    if (tenants.isEmpty()) {
        printResult();
        return;
    }
    m_pending = static_cast<int>(tenants.size());
    for (const model::Tenant& tenant : tenants) {
        graph::GraphCall* call = workspace().directory(tenant.id)->countUsers();
        connect(call, &graph::GraphCall::finished, this, [this, id = tenant.id](const graph::GraphResponse& response) {
            const auto count = graph::DirectoryEndpoints::parseCount(response);
            m_userCounts.insert(id, count.value_or(-1));
            if (response.error().isError()) {
                m_errors.insert(id, response.error().userMessage());
            } else if (!count) {
                m_errors.insert(id, tr("the user count was not a number"));
            }
            if (--m_pending == 0) {
                printResult();
            }
        });
    }
}

void TenantsCommand::printResult()
{
    const QList<model::Tenant> tenants = workspace().tenants();
    if (m_output.isJson()) {
        QJsonArray array;
        for (const model::Tenant& tenant : tenants) {
            QJsonObject object = tenant.toJson();
            const qint64 count = m_userCounts.value(tenant.id, -1);
            object.insert(QStringLiteral("users"), count >= 0 ? QJsonValue(count) : QJsonValue());
            if (m_errors.contains(tenant.id)) {
                object.insert(QStringLiteral("error"), m_errors.value(tenant.id));
            }
            array.append(object);
        }
        m_output.printJson(QJsonDocument(QJsonObject {
            {QStringLiteral("source"), workspace().connectionDescription()}, {QStringLiteral("tenants"), array}}));
    } else {
        QList<QStringList> rows;
        for (const model::Tenant& tenant : tenants) {
            const qint64 count = m_userCounts.value(tenant.id, -1);
            rows.append({tenant.displayName, tenant.initialDomain, tenant.cloud.name(), tenant.id,
                count >= 0 ? QString::number(count) : QStringLiteral("?")});
        }
        m_output.printTable({tr("NAME"), tr("DOMAIN"), tr("CLOUD"), tr("TENANT ID"), tr("USERS")}, rows);
    }
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        m_output.printError(tr("could not count the users of tenant %1: %2").arg(it.key(), it.value()));
    }
    if (tenants.isEmpty()) {
        // An empty table alone does not say what to do.
        m_output.printNote(tr("nobody is signed in on profile %1: sign in with `tenantbridge-cli login --role source "
                              "--tenant <id or domain>`, then the same with --role target")
                               .arg(workspace().options().profile));
    }
    if (!m_errors.isEmpty()) {
        finish(ExitCode::ServiceError);
    } else {
        finish(tenants.isEmpty() ? ExitCode::CheckFailed : ExitCode::Success);
    }
}

} // namespace tb::cli
