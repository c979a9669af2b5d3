// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"

#include "core/graph/ODataFilter.h"
#include "core/graph/PageReader.h"

#include <QStringList>

#include <algorithm>

namespace tb::graph {

namespace {

constexpr int kMaxPageSize = 1000;

// Collects the clauses of one $filter; the first invalid one is remembered.
class Clauses
{
public:
    void equals(const QString& property, const QString& text)
    {
        if (text.trimmed().isEmpty()) {
            return;
        }
        const ODataFilter filter = ODataFilter::eq(property, text.trimmed());
        if (!filter.isValid() && m_error.isEmpty()) {
            m_error = filter.errorMessage();
        }
        m_parts.append(filter.toString());
    }

    // The instant is ours (a QDateTime), never user text: written bare, as Graph's examples do.
    void time(const QString& op, const QDateTime& when)
    {
        if (when.isValid()) {
            m_parts.append(QStringLiteral("activityDateTime %1 %2").arg(op, when.toUTC().toString(Qt::ISODateWithMs)));
        }
    }

    [[nodiscard]] QString text() const
    {
        if (m_parts.size() == 1) {
            return m_parts.first();
        }
        return m_parts.isEmpty() ? QString()
                                 : QLatin1Char('(') + m_parts.join(QStringLiteral(") and (")) + QLatin1Char(')');
    }
    [[nodiscard]] const QString& error() const { return m_error; }

private:
    QStringList m_parts;
    QString m_error;
};

GraphRequest logRequest(const QString& path, const Clauses& clauses, int top, bool newestFirst)
{
    GraphRequest request = GraphRequest::get(path);
    const QString filter = clauses.text();
    if (!filter.isEmpty()) {
        request.addQueryItem(QStringLiteral("$filter"), filter);
    }
    request.addQueryItem(QStringLiteral("$top"), QString::number(std::clamp(top, 1, kMaxPageSize)));
    request.addQueryItem(QStringLiteral("$orderby"),
        newestFirst ? QStringLiteral("activityDateTime desc") : QStringLiteral("activityDateTime asc"));
    if (!clauses.error().isEmpty()) {
        request.setInvalidReason(clauses.error());
    }
    return request;
}

} // namespace

ProvisioningLogEndpoints::ProvisioningLogEndpoints(GraphClient& client)
    : m_client(client)
{ }

GraphRequest ProvisioningLogEndpoints::provisioningLogsRequest(const ProvisioningLogQuery& query)
{
    Clauses clauses;
    clauses.equals(QStringLiteral("jobId"), query.jobId);
    clauses.equals(QStringLiteral("servicePrincipal/id"), query.servicePrincipalId);
    clauses.equals(QStringLiteral("sourceIdentity/id"), query.sourceIdentityId);
    clauses.equals(QStringLiteral("cycleId"), query.cycleId);
    // The enum's values are lower case and Graph compares case-sensitively.
    clauses.equals(QStringLiteral("provisioningStatusInfo/status"), query.status.toLower());
    clauses.time(QStringLiteral("ge"), query.since);
    clauses.time(QStringLiteral("le"), query.until);
    return logRequest(QStringLiteral("/auditLogs/provisioning"), clauses, query.top, query.newestFirst);
}

GraphRequest ProvisioningLogEndpoints::directoryAuditsRequest(const DirectoryAuditQuery& query)
{
    Clauses clauses;
    clauses.equals(QStringLiteral("category"), query.category);
    clauses.equals(QStringLiteral("correlationId"), query.correlationId);
    clauses.equals(QStringLiteral("loggedByService"), query.loggedByService);
    clauses.time(QStringLiteral("ge"), query.since);
    clauses.time(QStringLiteral("le"), query.until);
    return logRequest(QStringLiteral("/auditLogs/directoryAudits"), clauses, query.top, query.newestFirst);
}

PageReader* ProvisioningLogEndpoints::provisioningLogs(const ProvisioningLogQuery& query, QObject* parent) const
{
    return new PageReader(m_client, provisioningLogsRequest(query), parent);
}

PageReader* ProvisioningLogEndpoints::directoryAudits(const DirectoryAuditQuery& query, QObject* parent) const
{
    return new PageReader(m_client, directoryAuditsRequest(query), parent);
}

QList<model::ProvisioningLogEntry> ProvisioningLogEndpoints::parseProvisioningLogs(const QJsonArray& page)
{
    QList<model::ProvisioningLogEntry> entries;
    for (const QJsonValue& value : page) {
        model::ProvisioningLogEntry entry = model::ProvisioningLogEntry::fromJson(value.toObject());
        if (!entry.id.isEmpty()) {
            entries.append(entry);
        }
    }
    return entries;
}

QList<model::DirectoryAuditEntry> ProvisioningLogEndpoints::parseDirectoryAudits(const QJsonArray& page)
{
    QList<model::DirectoryAuditEntry> entries;
    for (const QJsonValue& value : page) {
        model::DirectoryAuditEntry entry = model::DirectoryAuditEntry::fromJson(value.toObject());
        if (!entry.id.isEmpty()) {
            entries.append(entry);
        }
    }
    return entries;
}

} // namespace tb::graph
