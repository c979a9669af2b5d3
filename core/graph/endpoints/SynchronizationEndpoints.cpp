// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tb::graph {

namespace {

const QString kServicePrincipals = QStringLiteral("/servicePrincipals");

QString syncTemplateId()
{
    return QString::fromLatin1(SynchronizationEndpoints::kCtsSyncTemplateId);
}

// "/servicePrincipals/{id}" + suffix with the id as one encoded segment; an invalid request for empty ids.
GraphRequest servicePrincipalRequest(GraphRequest::Method method, const QString& servicePrincipalId,
    const QString& suffix, const QString& suffixTemplate = {})
{
    GraphRequest request(method, kServicePrincipals);
    if (servicePrincipalId.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("no service principal id was given."));
        return request;
    }
    request.setPath(kServicePrincipals + QLatin1Char('/') + GraphRequest::pathSegment(servicePrincipalId) + suffix);
    request.setPathTemplate(
        kServicePrincipals + QStringLiteral("/{id}") + (suffixTemplate.isEmpty() ? suffix : suffixTemplate));
    return request;
}

GraphRequest jobRequest(GraphRequest::Method method, const QString& servicePrincipalId, const QString& jobId)
{
    GraphRequest request = servicePrincipalRequest(method, servicePrincipalId,
        QStringLiteral("/synchronization/jobs/") + GraphRequest::pathSegment(jobId),
        QStringLiteral("/synchronization/jobs/{jobId}"));
    if (jobId.trimmed().isEmpty() && request.isValid()) {
        request.setInvalidReason(QStringLiteral("no synchronization job id was given."));
    }
    return request;
}

// POST .../jobs/{jobId}/<action>, no body.
GraphRequest jobActionRequest(const QString& servicePrincipalId, const QString& jobId, const QString& action)
{
    GraphRequest request = servicePrincipalRequest(GraphRequest::Method::Post, servicePrincipalId,
        QStringLiteral("/synchronization/jobs/") + GraphRequest::pathSegment(jobId) + QLatin1Char('/') + action,
        QStringLiteral("/synchronization/jobs/{jobId}/") + action);
    if (jobId.trimmed().isEmpty() && request.isValid()) {
        request.setInvalidReason(QStringLiteral("no synchronization job id was given."));
    }
    return request;
}

QJsonObject keyValue(const QString& key, const QString& value)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

} // namespace

SynchronizationEndpoints::SynchronizationEndpoints(GraphClient& client)
    : m_client(client)
{ }

GraphRequest SynchronizationEndpoints::instantiateRequest(const QString& displayName)
{
    const QString path
        = QStringLiteral("/applicationTemplates/%1/instantiate").arg(QString::fromLatin1(kCtsApplicationTemplateId));
    GraphRequest request = GraphRequest::post(path, {{QStringLiteral("displayName"), displayName.trimmed()}});
    if (displayName.trimmed().isEmpty()) {
        request.setInvalidReason(QStringLiteral("the configuration needs a name."));
    }
    // Not retry-safe (the POST default): a second instantiate creates a second application.
    return request;
}

GraphRequest SynchronizationEndpoints::getServicePrincipalRequest(const QString& servicePrincipalId)
{
    return servicePrincipalRequest(GraphRequest::Method::Get, servicePrincipalId, {});
}

GraphRequest SynchronizationEndpoints::listJobsRequest(const QString& servicePrincipalId)
{
    return servicePrincipalRequest(
        GraphRequest::Method::Get, servicePrincipalId, QStringLiteral("/synchronization/jobs"));
}

GraphRequest SynchronizationEndpoints::createJobRequest(const QString& servicePrincipalId)
{
    GraphRequest request = servicePrincipalRequest(
        GraphRequest::Method::Post, servicePrincipalId, QStringLiteral("/synchronization/jobs"));
    request.setBody({{QStringLiteral("templateId"), syncTemplateId()}});
    return request;
}

GraphRequest SynchronizationEndpoints::getJobRequest(const QString& servicePrincipalId, const QString& jobId)
{
    return jobRequest(GraphRequest::Method::Get, servicePrincipalId, jobId);
}

GraphRequest SynchronizationEndpoints::deleteJobRequest(const QString& servicePrincipalId, const QString& jobId)
{
    return jobRequest(GraphRequest::Method::Delete, servicePrincipalId, jobId);
}

QStringList SynchronizationEndpoints::resetScopeValues()
{
    return {QStringLiteral("None"), QStringLiteral("ConnectorDataStore"), QStringLiteral("Escrows"),
        QStringLiteral("Watermark"), QStringLiteral("QuarantineState"), QStringLiteral("Full"),
        QStringLiteral("ForceDeletes")};
}

QStringList SynchronizationEndpoints::defaultResetScope()
{
    return {QStringLiteral("Watermark"), QStringLiteral("Escrows"), QStringLiteral("QuarantineState")};
}

GraphRequest SynchronizationEndpoints::startJobRequest(const QString& servicePrincipalId, const QString& jobId)
{
    GraphRequest request = jobActionRequest(servicePrincipalId, jobId, QStringLiteral("start"));
    // Starting a started job changes nothing: safe to send again.
    request.setRetrySafe(true);
    return request;
}

GraphRequest SynchronizationEndpoints::pauseJobRequest(const QString& servicePrincipalId, const QString& jobId)
{
    GraphRequest request = jobActionRequest(servicePrincipalId, jobId, QStringLiteral("pause"));
    request.setRetrySafe(true);
    return request;
}

GraphRequest SynchronizationEndpoints::restartJobRequest(
    const QString& servicePrincipalId, const QString& jobId, const QStringList& resetScope)
{
    GraphRequest request = jobActionRequest(servicePrincipalId, jobId, QStringLiteral("restart"));
    // A second restart resets again (a second full re-evaluation): not retried on its own.
    const QStringList known = resetScopeValues();
    QStringList scopes;
    for (const QString& scope : resetScope) {
        const QString trimmed = scope.trimmed();
        const auto match = std::find_if(known.cbegin(), known.cend(),
            [&trimmed](const QString& value) { return value.compare(trimmed, Qt::CaseInsensitive) == 0; });
        if (match == known.cend()) {
            if (request.isValid()) {
                request.setInvalidReason(
                    QStringLiteral("\"%1\" is not a reset scope (%2).").arg(trimmed, known.join(QStringLiteral(", "))));
            }
            continue;
        }
        if (!scopes.contains(*match)) {
            scopes.append(*match);
        }
    }
    request.setBody({{QStringLiteral("criteria"),
        QJsonObject {{QStringLiteral("resetScope"), scopes.join(QStringLiteral(", "))}}}});
    return request;
}

GraphRequest SynchronizationEndpoints::validateCredentialsRequest(
    const QString& servicePrincipalId, const QString& targetTenantId)
{
    GraphRequest request = servicePrincipalRequest(
        GraphRequest::Method::Post, servicePrincipalId, QStringLiteral("/synchronization/jobs/validateCredentials"));
    request.setBody({{QStringLiteral("useSavedCredentials"), false}, {QStringLiteral("templateId"), syncTemplateId()},
        {QStringLiteral("credentials"),
            QJsonArray {keyValue(QStringLiteral("CompanyId"), targetTenantId),
                keyValue(QStringLiteral("AuthenticationType"), QStringLiteral("SyncPolicy"))}}});
    // A test changes nothing: safe to send again.
    request.setRetrySafe(true);
    if (targetTenantId.trimmed().isEmpty() && request.isValid()) {
        request.setInvalidReason(QStringLiteral("no target tenant id was given."));
    }
    return request;
}

GraphRequest SynchronizationEndpoints::saveSecretsRequest(
    const QString& servicePrincipalId, const QString& targetTenantId, bool syncAll)
{
    GraphRequest request = servicePrincipalRequest(
        GraphRequest::Method::Put, servicePrincipalId, QStringLiteral("/synchronization/secrets"));
    // SyncNotificationSettings is itself a JSON string (2.5); notifications stay off until the rollout sets them.
    const QJsonObject notifications {{QStringLiteral("Enabled"), false},
        {QStringLiteral("DeleteThresholdEnabled"), false},
        {QStringLiteral("HumanResourcesLookaheadQueryEnabled"), false}};
    // The page's parameter table says "credentials" but both of its examples send "value": we send "value".
    request.setBody({{QStringLiteral("value"),
        QJsonArray {keyValue(QStringLiteral("AuthenticationType"), QStringLiteral("SyncPolicy")),
            keyValue(QStringLiteral("CompanyId"), targetTenantId),
            keyValue(QStringLiteral("SyncNotificationSettings"),
                QString::fromUtf8(QJsonDocument(notifications).toJson(QJsonDocument::Compact))),
            keyValue(QStringLiteral("SyncAll"), syncAll ? QStringLiteral("true") : QStringLiteral("false"))}}});
    if (targetTenantId.trimmed().isEmpty() && request.isValid()) {
        request.setInvalidReason(QStringLiteral("no target tenant id was given."));
    }
    return request;
}

GraphCall* SynchronizationEndpoints::instantiate(const QString& displayName) const
{
    return m_client.send(instantiateRequest(displayName));
}

GraphCall* SynchronizationEndpoints::getServicePrincipal(const QString& servicePrincipalId) const
{
    return m_client.send(getServicePrincipalRequest(servicePrincipalId));
}

GraphCall* SynchronizationEndpoints::listJobs(const QString& servicePrincipalId) const
{
    return m_client.send(listJobsRequest(servicePrincipalId));
}

GraphCall* SynchronizationEndpoints::createJob(const QString& servicePrincipalId) const
{
    return m_client.send(createJobRequest(servicePrincipalId));
}

GraphCall* SynchronizationEndpoints::getJob(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(getJobRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationEndpoints::deleteJob(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(deleteJobRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationEndpoints::startJob(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(startJobRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationEndpoints::pauseJob(const QString& servicePrincipalId, const QString& jobId) const
{
    return m_client.send(pauseJobRequest(servicePrincipalId, jobId));
}

GraphCall* SynchronizationEndpoints::restartJob(
    const QString& servicePrincipalId, const QString& jobId, const QStringList& resetScope) const
{
    return m_client.send(restartJobRequest(servicePrincipalId, jobId, resetScope));
}

GraphCall* SynchronizationEndpoints::validateCredentials(
    const QString& servicePrincipalId, const QString& targetTenantId) const
{
    return m_client.send(validateCredentialsRequest(servicePrincipalId, targetTenantId));
}

GraphCall* SynchronizationEndpoints::saveSecrets(
    const QString& servicePrincipalId, const QString& targetTenantId, bool syncAll) const
{
    return m_client.send(saveSecretsRequest(servicePrincipalId, targetTenantId, syncAll));
}

std::optional<model::CtsConfiguration> SynchronizationEndpoints::parseInstantiate(const GraphResponse& response)
{
    const model::CtsConfiguration configuration = model::CtsConfiguration::fromInstantiateJson(response.json());
    if (!response.isSuccess() || !configuration.hasServicePrincipal()) {
        return std::nullopt;
    }
    return configuration;
}

std::optional<model::CtsConfiguration> SynchronizationEndpoints::parseServicePrincipal(const GraphResponse& response)
{
    const model::CtsConfiguration configuration = model::CtsConfiguration::fromServicePrincipalJson(response.json());
    if (!response.isSuccess() || !configuration.hasServicePrincipal()) {
        return std::nullopt;
    }
    return configuration;
}

QList<model::SyncJob> SynchronizationEndpoints::parseJobs(const GraphResponse& response)
{
    QList<model::SyncJob> jobs;
    if (!response.isSuccess()) {
        return jobs;
    }
    for (const QJsonValue& value : response.json().value(QStringLiteral("value")).toArray()) {
        model::SyncJob job = model::SyncJob::fromJson(value.toObject());
        if (!job.id.isEmpty()) {
            jobs.append(job);
        }
    }
    return jobs;
}

std::optional<model::SyncJob> SynchronizationEndpoints::parseJob(const GraphResponse& response)
{
    model::SyncJob job = model::SyncJob::fromJson(response.json());
    if (!response.isSuccess() || job.id.isEmpty()) {
        return std::nullopt;
    }
    return job;
}

std::optional<model::SyncJob> SynchronizationEndpoints::findCtsJob(const QList<model::SyncJob>& jobs)
{
    for (const model::SyncJob& job : jobs) {
        if (job.templateId.compare(syncTemplateId(), Qt::CaseInsensitive) == 0) {
            return job;
        }
    }
    return std::nullopt;
}

bool SynchronizationEndpoints::isAutoRedeemPolicyMissing(const GraphResponse& response)
{
    return !response.isSuccess()
        && response.error().code() == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure");
}

} // namespace tb::graph
