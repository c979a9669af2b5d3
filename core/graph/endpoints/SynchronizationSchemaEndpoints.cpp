// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"

#include "core/graph/GraphClient.h"

#include <QJsonArray>

namespace tb::graph {

namespace {

// POST/GET/... /servicePrincipals/{spId}/synchronization/jobs/{jobId}/<action>; invalid for empty ids.
GraphRequest jobRequest(
    GraphRequest::Method method, const QString& servicePrincipalId, const QString& jobId, const QString& action)
{
    GraphRequest request(method, QStringLiteral("/servicePrincipals"));
    if (servicePrincipalId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no service principal id was given."));
        return request;
    }
    if (jobId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no synchronization job id was given."));
        return request;
    }
    request.setPath(QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/%3")
                        .arg(GraphRequest::pathSegment(servicePrincipalId), GraphRequest::pathSegment(jobId), action));
    request.setPathTemplate(QStringLiteral("/servicePrincipals/{id}/synchronization/jobs/{jobId}/") + action);
    return request;
}

} // namespace

SynchronizationSchemaEndpoints::SynchronizationSchemaEndpoints(GraphClient& client)
    : m_client(client)
{ }

GraphRequest SynchronizationSchemaEndpoints::getSchemaRequest(const QString& servicePrincipalId, const QString& jobId)
{
    return jobRequest(GraphRequest::Method::Get, servicePrincipalId, jobId, QStringLiteral("schema"));
}

GraphRequest SynchronizationSchemaEndpoints::putSchemaRequest(
    const QString& servicePrincipalId, const QString& jobId, const model::SynchronizationSchema& schema)
{
    GraphRequest request = jobRequest(GraphRequest::Method::Put, servicePrincipalId, jobId, QStringLiteral("schema"));
    request.setBody(schema.toJson());
    if (request.isValid() && schema.isEmpty()) {
        request.setInvalidReason(QStringLiteral("the schema to save is empty; a PUT would replace the whole schema."));
    }
    return request;
}

GraphRequest SynchronizationSchemaEndpoints::resetSchemaRequest(const QString& servicePrincipalId, const QString& jobId)
{
    return jobRequest(GraphRequest::Method::Delete, servicePrincipalId, jobId, QStringLiteral("schema"));
}

GraphRequest SynchronizationSchemaEndpoints::provisionOnDemandRequest(
    const QString& servicePrincipalId, const QString& jobId, const QString& ruleId, const QString& userId)
{
    GraphRequest request
        = jobRequest(GraphRequest::Method::Post, servicePrincipalId, jobId, QStringLiteral("provisionOnDemand"));
    const QJsonObject subject {
        {QStringLiteral("objectId"), userId.trimmed()}, {QStringLiteral("objectTypeName"), QStringLiteral("User")}};
    request.setBody({{QStringLiteral("parameters"),
        QJsonArray {
            QJsonObject {{QStringLiteral("ruleId"), ruleId}, {QStringLiteral("subjects"), QJsonArray {subject}}}}}});
    if (request.isValid() && ruleId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no synchronization rule id was given (read it from the schema)."));
    } else if (request.isValid() && userId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no user id was given to provision."));
    }
    return request;
}

GraphCall* SynchronizationSchemaEndpoints::getSchema(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(getSchemaRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationSchemaEndpoints::putSchema(
    const QString& servicePrincipalId, const QString& jobId, const model::SynchronizationSchema& schema) const
{
    return m_client.send(putSchemaRequest(servicePrincipalId, jobId, schema));
}

GraphCall* SynchronizationSchemaEndpoints::resetSchema(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(resetSchemaRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationSchemaEndpoints::provisionOnDemand(
    const QString& servicePrincipalId, const QString& jobId, const QString& ruleId, const QString& userId) const
{
    return m_client.send(provisionOnDemandRequest(servicePrincipalId, jobId, ruleId, userId));
}

std::optional<model::SynchronizationSchema> SynchronizationSchemaEndpoints::parseSchema(const GraphResponse& response)
{
    if (!response.isSuccess() || !response.json().value(QLatin1String("synchronizationRules")).isArray()) {
        return std::nullopt;
    }
    return model::SynchronizationSchema::fromJson(response.json());
}

std::optional<model::ProvisionOnDemandResult> SynchronizationSchemaEndpoints::parseProvisionOnDemand(
    const GraphResponse& response, QString* problem)
{
    if (!response.isSuccess()) {
        if (problem) {
            *problem = response.error().userMessage();
        }
        return std::nullopt;
    }
    return model::ProvisionOnDemandResult::fromJson(response.json(), problem);
}

} // namespace tb::graph
