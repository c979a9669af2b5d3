// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/AuditLogController.h"
#include "core/sandbox/graph/BatchController.h"
#include "core/sandbox/graph/DirectoryController.h"
#include "core/sandbox/graph/DirectoryRoleController.h"
#include "core/sandbox/graph/GraphReply.h"
#include "core/sandbox/graph/PolicyController.h"
#include "core/sandbox/graph/SynchronizationController.h"
#include "core/sandbox/http/HttpResponse.h"

#include <QUrl>

namespace tbsandbox {

class FaultPlan;
class LoginState;
class ProvisioningService;
class MonotonicEpochClock;
class RequestLog;
struct SandboxOptions;
class World;
struct HttpRequest;
struct GraphRequestContext;

// The front door for Graph traffic: validates the bearer token (a JWT of the login host), resolves the tenant
// ({base}/v1.0/... from the token, {base}/{tenant}/v1.0/... from the path, checking the token belongs to it),
// checks the token's scopes against the path (GraphScopes), applies the fault plan (throttle, error,
// drop, malformed), dispatches to the controllers, stamps request-id/client-request-id and records every
// request, $batch items included, in the RequestLog. Owned by SandboxServer; server thread.
class GraphRouter final
{
public:
    // The clock times throttle windows and checks token lifetimes; it and the login state (the signing key,
    // the refresh tokens revokeSignInSessions ends) must outlive the router.
    GraphRouter(World& world, FaultPlan& faults, RequestLog& log, const MonotonicEpochClock& clock, LoginState& login);

    void setBaseUrl(const QUrl& baseUrl) { m_baseUrl = baseUrl; }
    // The behaviour the reference leaves open for cross-tenant access and CTS; must outlive the router.
    void setOptions(const SandboxOptions* options);
    // The provisioning service the synchronization paths drive (job lifecycle, provisionOnDemand); must outlive the
    // router.
    void setProvisioning(ProvisioningService* provisioning) { m_synchronization.setProvisioning(provisioning); }

    // Answers one top-level request (anything outside /_sandbox).
    [[nodiscard]] HttpResponse handle(const HttpRequest& request);

    // Runs one $batch item through the same routing as a top-level request, on the outer request's tenant and
    // path form: throttled and error-faulted on its own, logged as a batch item.
    [[nodiscard]] GraphReply handleBatchItem(
        const GraphRequestContext& outer, const BatchController::Item& item, qint64 receivedAtMs);

private:
    struct Resolution
    {
        std::optional<GraphReply> refusal; // set when the request ends before any controller runs
        QString fault;
    };

    // Throttle and error rules for one request on a resolved tenant; a refusal when one of them fires.
    [[nodiscard]] Resolution applyRequestFaults(
        const GraphRequestContext& context, const QString& faultPath, qint64 nowMs, bool throttled);
    [[nodiscard]] GraphReply dispatch(GraphRequestContext& context, qint64 receivedAtMs);
    [[nodiscard]] static GraphReply unauthenticated(const GraphRequestContext& context, const QString& message);
    // 403 when the token's scopes do not cover the call; nothing when they do.
    [[nodiscard]] static std::optional<GraphReply> scopeRefusal(const GraphRequestContext& context);
    // POST /users/{id}/revokeSignInSessions: ends the user's refresh tokens.
    [[nodiscard]] GraphReply revokeSignInSessions(const GraphRequestContext& context);
    // The Host the client used when it names a loopback host on our own port, else the configured base URL.
    [[nodiscard]] QUrl linkBase(const HttpRequest& request) const;
    [[nodiscard]] static HttpResponse toHttp(const GraphReply& reply, const GraphRequestContext& context);

    World& m_world;
    FaultPlan& m_faults;
    RequestLog& m_log;
    const MonotonicEpochClock& m_clock;
    LoginState& m_login;
    QUrl m_baseUrl;
    DirectoryController m_directory;
    BatchController m_batch;
    PolicyController m_policies;
    SynchronizationController m_synchronization;
    DirectoryRoleController m_roles;
    AuditLogController m_auditLogs;
};

} // namespace tbsandbox
