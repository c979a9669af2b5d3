// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/model/CtsConfiguration.h"
#include "core/model/SyncJob.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::graph {

class GraphCall;
class GraphClient;

// Typed requests for the source tenant's CTS configuration (graph-reference.md 2.1 to 2.5): instantiate
// the gallery application, read its service principal, list/create/read/delete synchronization jobs, start,
// pause and restart a job, test the connection and save the job's credentials. Same pattern as DirectoryEndpoints: pure
// builders (`…Request`), senders returning the GraphCall, static parsers. Scopes per call: CtsCall::requiredScopes.
// Holds only a reference to its client; cheap to create where needed, same thread.
//
// Every /servicePrincipals/{id}/... path takes the service principal's object id (not the appId), encoded as
// one path segment.
class SynchronizationEndpoints final
{
public:
    // The CTS gallery application template (graph-reference.md 2.1) and its synchronization template (2.2).
    static constexpr auto kCtsApplicationTemplateId = "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7";
    static constexpr auto kCtsSyncTemplateId = "Azure2Azure";
    // The reset scopes restart accepts (2.3), and the portal's "Restart provisioning", which is what the app sends
    // unless told otherwise.
    [[nodiscard]] static QStringList resetScopeValues();
    [[nodiscard]] static QStringList defaultResetScope();

    explicit SynchronizationEndpoints(GraphClient& client);

    // Builders. An empty id or display name comes back marked invalid.
    // POST /applicationTemplates/{CTS}/instantiate {displayName}: 201 + {application, servicePrincipal}.
    [[nodiscard]] static GraphRequest instantiateRequest(const QString& displayName);
    [[nodiscard]] static GraphRequest getServicePrincipalRequest(const QString& servicePrincipalId);
    [[nodiscard]] static GraphRequest listJobsRequest(const QString& servicePrincipalId);
    // POST .../synchronization/jobs {templateId:"Azure2Azure"}: 201 + job (created paused, PT40M).
    [[nodiscard]] static GraphRequest createJobRequest(const QString& servicePrincipalId);
    [[nodiscard]] static GraphRequest getJobRequest(const QString& servicePrincipalId, const QString& jobId);
    [[nodiscard]] static GraphRequest deleteJobRequest(const QString& servicePrincipalId, const QString& jobId);
    // POST .../jobs/{jobId}/start and .../pause, no body, 204 (2.3). Start resumes a paused job where it stopped
    // and clears a quarantine; pause keeps all progress (the running cycle still finishes).
    [[nodiscard]] static GraphRequest startJobRequest(const QString& servicePrincipalId, const QString& jobId);
    [[nodiscard]] static GraphRequest pauseJobRequest(const QString& servicePrincipalId, const QString& jobId);
    // POST .../jobs/{jobId}/restart {criteria:{resetScope:"Watermark, Escrows, QuarantineState"}}: 204 (2.3). The
    // scopes are joined with ", "; an empty list sends "" (the service's own default). A value that is not one of
    // resetScopeValues() (compared case-insensitively, sent as documented) makes the request invalid.
    [[nodiscard]] static GraphRequest restartJobRequest(
        const QString& servicePrincipalId, const QString& jobId, const QStringList& resetScope = defaultResetScope());
    // The before-a-job form of 2.4(a), exactly the how-to's body: useSavedCredentials false, templateId
    // Azure2Azure, credentials CompanyId = the target tenant id and AuthenticationType = SyncPolicy. 204, or
    // AzureDirectoryB2BManagementPolicyCheckFailure when auto-redemption is not on in both tenants.
    [[nodiscard]] static GraphRequest validateCredentialsRequest(
        const QString& servicePrincipalId, const QString& targetTenantId);
    // PUT .../synchronization/secrets with 2.5's body: AuthenticationType SyncPolicy, CompanyId, notifications
    // off, and SyncAll ("false": only assigned users and groups, the recommended scope). 204.
    [[nodiscard]] static GraphRequest saveSecretsRequest(
        const QString& servicePrincipalId, const QString& targetTenantId, bool syncAll = false);

    // Senders: calls start on the next event-loop turn.
    [[nodiscard]] GraphCall* instantiate(const QString& displayName) const;
    [[nodiscard]] GraphCall* getServicePrincipal(const QString& servicePrincipalId) const;
    [[nodiscard]] GraphCall* listJobs(const QString& servicePrincipalId) const;
    [[nodiscard]] GraphCall* createJob(const QString& servicePrincipalId) const;
    [[nodiscard]] GraphCall* getJob(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* deleteJob(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* startJob(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* pauseJob(const QString& servicePrincipalId, const QString& jobId) const;
    [[nodiscard]] GraphCall* restartJob(const QString& servicePrincipalId, const QString& jobId,
        const QStringList& resetScope = defaultResetScope()) const;
    [[nodiscard]] GraphCall* validateCredentials(
        const QString& servicePrincipalId, const QString& targetTenantId) const;
    [[nodiscard]] GraphCall* saveSecrets(
        const QString& servicePrincipalId, const QString& targetTenantId, bool syncAll = false) const;

    // Parsers. Nothing when the answer failed or lacks the id that makes it usable.
    [[nodiscard]] static std::optional<model::CtsConfiguration> parseInstantiate(const GraphResponse& response);
    [[nodiscard]] static std::optional<model::CtsConfiguration> parseServicePrincipal(const GraphResponse& response);
    // Items without an id are skipped.
    [[nodiscard]] static QList<model::SyncJob> parseJobs(const GraphResponse& response);
    [[nodiscard]] static std::optional<model::SyncJob> parseJob(const GraphResponse& response);
    // The CTS job among a list (templateId Azure2Azure), if there is one.
    [[nodiscard]] static std::optional<model::SyncJob> findCtsJob(const QList<model::SyncJob>& jobs);
    // True when validateCredentials failed because auto-redemption is not configured on both sides (2.4).
    [[nodiscard]] static bool isAutoRedeemPolicyMissing(const GraphResponse& response);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
