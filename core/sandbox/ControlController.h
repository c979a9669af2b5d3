// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpResponse.h"

#include <QJsonObject>
#include <QString>

namespace tbsandbox {

class FaultPlan;
class LoginControl;
class ProvisioningService;
class RequestLog;
class TenantState;
class World;
struct HttpRequest;

// The control surface under /_sandbox (README table): tenants, stats, the request log, the fault plan (GET,
// PUT replaces, DELETE clears) and, with test routes on, the login host's test routes (LoginControl). Loopback peers
// addressing a loopback Host only; never throttled, faulted or logged as Graph traffic. Owned by SandboxServer; server
// thread.
class ControlController final
{
public:
    ControlController(World& world, FaultPlan& faults, RequestLog& log);

    [[nodiscard]] HttpResponse handle(const HttpRequest& request);
    // The test routes; null (the default) leaves them out, so they answer 404 like any unknown path.
    void setLoginControl(LoginControl* loginControl) { m_loginControl = loginControl; }
    // With test routes: POST /_sandbox/synchronization/runCycle runs one cycle of every active job now.
    void setProvisioning(ProvisioningService* provisioning) { m_provisioning = provisioning; }

private:
    [[nodiscard]] HttpResponse tenants() const;
    [[nodiscard]] HttpResponse stats() const;
    // {"partners","identitySynchronizations","applications","servicePrincipals","synchronizationJobs"}: what
    // tests count after a client stopped mid-way through a CTS setup.
    [[nodiscard]] static QJsonObject crossTenantCounts(const TenantState& tenant);
    [[nodiscard]] HttpResponse requests(const HttpRequest& request) const;
    [[nodiscard]] HttpResponse faults(const HttpRequest& request);
    [[nodiscard]] static HttpResponse json(int status, const QJsonObject& body);
    [[nodiscard]] static HttpResponse error(int status, const QString& code, const QString& message);

    World& m_world;
    FaultPlan& m_faults;
    RequestLog& m_log;
    LoginControl* m_loginControl = nullptr;
    ProvisioningService* m_provisioning = nullptr;
};

} // namespace tbsandbox
