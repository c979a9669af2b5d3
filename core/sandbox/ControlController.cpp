// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/ControlController.h"

#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/World.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/login/LoginControl.h"
#include "core/sandbox/sync/ProvisioningService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace tbsandbox {

ControlController::ControlController(World& world, FaultPlan& faults, RequestLog& log)
    : m_world(world)
    , m_faults(faults)
    , m_log(log)
{ }

HttpResponse ControlController::handle(const HttpRequest& request)
{
    if (!request.peerAddress.isLoopback()) {
        return error(
            403, QStringLiteral("Forbidden"), QStringLiteral("The control surface answers loopback peers only."));
    }
    // A web page can reach a loopback port through a name it controls (DNS rebinding); its requests then carry
    // that name as Host. The control surface changes faults and (with test routes) approves sign-ins, so it
    // answers only to loopback names.
    if (!request.isAddressedToLoopback()) {
        return error(403, QStringLiteral("Forbidden"),
            QStringLiteral("The control surface answers only requests whose Host header is 127.0.0.1, localhost or "
                           "[::1], without a port or with port %1.")
                .arg(request.localPort));
    }
    const QString path = request.path();
    const QByteArray method = request.method.toUpper();
    const auto only = [&](const QByteArray& allowed, auto&& answer) -> HttpResponse {
        if (method != allowed) {
            HttpResponse response = error(405, QStringLiteral("MethodNotAllowed"),
                QStringLiteral("%1 accepts %2 only.").arg(path, QString::fromLatin1(allowed)));
            response.setHeader(QByteArrayLiteral("Allow"), allowed);
            return response;
        }
        return answer();
    };
    if (path == QLatin1String("/_sandbox/tenants")) {
        return only(QByteArrayLiteral("GET"), [this] { return tenants(); });
    }
    if (path == QLatin1String("/_sandbox/stats")) {
        return only(QByteArrayLiteral("GET"), [this] { return stats(); });
    }
    if (path == QLatin1String("/_sandbox/requests")) {
        return only(QByteArrayLiteral("GET"), [this, &request] { return requests(request); });
    }
    if (path == QLatin1String("/_sandbox/faults")) {
        return faults(request);
    }
    if (m_provisioning && path == QLatin1String("/_sandbox/synchronization/runCycle")) {
        return only(QByteArrayLiteral("POST"), [this] {
            const int jobs = m_provisioning->runCycle();
            return json(200, QJsonObject {{QStringLiteral("jobs"), jobs}});
        });
    }
    if (m_provisioning && path == QLatin1String("/_sandbox/synchronization/userErrors")) {
        // Per-user export failures (README "Provisioning"): POST adds, GET lists, DELETE clears.
        InjectedUserErrors& injected = m_provisioning->userErrors();
        if (method == "GET" || method == "DELETE") {
            if (method == "DELETE") {
                injected.clear();
            }
            return json(200, injected.toJson());
        }
        return only(QByteArrayLiteral("POST"), [&] {
            const QJsonDocument document = QJsonDocument::fromJson(request.body);
            QString problem;
            const std::optional<int> users
                = document.isObject() ? injected.add(document.object(), &problem) : std::optional<int>();
            if (!users) {
                return error(400, QStringLiteral("BadRequest"),
                    problem.isEmpty() ? QStringLiteral("The body must be a JSON object.") : problem);
            }
            QJsonObject answer = injected.toJson();
            answer.insert(QStringLiteral("added"), *users);
            return json(200, answer);
        });
    }
    if (m_loginControl) {
        if (std::optional<HttpResponse> answer = m_loginControl->handle(request)) {
            return *answer;
        }
    }
    return error(404, QStringLiteral("NotFound"),
        QStringLiteral("Unknown control path %1; use /_sandbox/tenants, /_sandbox/stats, "
                       "/_sandbox/requests?since=SEQ or /_sandbox/faults.")
            .arg(path));
}

HttpResponse ControlController::tenants() const
{
    QJsonArray list;
    for (const auto& tenant : m_world.tenants()) {
        list.append(QJsonObject {{QStringLiteral("id"), tenant->idText()},
            {QStringLiteral("displayName"), tenant->displayName()},
            {QStringLiteral("initialDomain"), tenant->initialDomain()}, {QStringLiteral("cloud"), tenant->cloud()},
            {QStringLiteral("role"), tenant->role()}, {QStringLiteral("admin"), tenant->adminPrincipalName()},
            {QStringLiteral("users"), static_cast<qint64>(tenant->users().size())},
            {QStringLiteral("groups"), static_cast<qint64>(tenant->groups().size())}});
    }
    return json(200, QJsonObject {{QStringLiteral("tenants"), list}});
}

QJsonObject ControlController::crossTenantCounts(const TenantState& tenant)
{
    qint64 identitySynchronizations = 0;
    for (const CrossTenantPolicy::Partner& partner : tenant.crossTenantPolicy().partners()) {
        identitySynchronizations += partner.identitySynchronization ? 1 : 0;
    }
    qint64 applications = 0;
    qint64 servicePrincipals = 0;
    qint64 jobs = 0;
    for (const ServicePrincipalRecord& record : tenant.servicePrincipals()) {
        ++applications;
        if (!record.servicePrincipal.isEmpty()) {
            ++servicePrincipals;
            jobs += record.jobs.size();
        }
    }
    return QJsonObject {{QStringLiteral("partners"), static_cast<qint64>(tenant.crossTenantPolicy().partners().size())},
        {QStringLiteral("identitySynchronizations"), identitySynchronizations},
        {QStringLiteral("applications"), applications}, {QStringLiteral("servicePrincipals"), servicePrincipals},
        {QStringLiteral("synchronizationJobs"), jobs}};
}

HttpResponse ControlController::stats() const
{
    QJsonObject perTenant;
    for (const auto& tenant : m_world.tenants()) {
        perTenant.insert(tenant->idText(),
            QJsonObject {{QStringLiteral("users"), static_cast<qint64>(tenant->users().size())},
                {QStringLiteral("groups"), static_cast<qint64>(tenant->groups().size())},
                {QStringLiteral("reads"), tenant->reads()}, {QStringLiteral("writes"), tenant->writes()},
                {QStringLiteral("crossTenant"), crossTenantCounts(*tenant)}});
    }
    return json(200, QJsonObject {{QStringLiteral("requests"), m_log.total()}, {QStringLiteral("tenants"), perTenant}});
}

HttpResponse ControlController::requests(const HttpRequest& request) const
{
    const QUrlQuery query(QString::fromUtf8(request.rawQuery()));
    qint64 since = 0;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0) {
            return error(400, QStringLiteral("BadRequest"),
                QStringLiteral("since must be the seq of the last entry you have (0 for all)."));
        }
    }
    return json(200, QJsonObject {{QStringLiteral("requests"), m_log.toJson(since)}});
}

HttpResponse ControlController::faults(const HttpRequest& request)
{
    const QByteArray method = request.method.toUpper();
    if (method == "GET") {
        return json(200, m_faults.toJson());
    }
    if (method == "DELETE") {
        m_faults.clear();
        return json(200, m_faults.toJson());
    }
    if (method == "PUT") {
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (!document.isObject()) {
            return error(400, QStringLiteral("BadRequest"),
                QStringLiteral("The fault plan must be a JSON object (%1).").arg(parseError.errorString()));
        }
        QString problem;
        if (!m_faults.load(document.object(), &problem)) {
            return error(400, QStringLiteral("BadRequest"), problem);
        }
        return json(200, m_faults.toJson());
    }
    HttpResponse response = error(
        405, QStringLiteral("MethodNotAllowed"), QStringLiteral("/_sandbox/faults accepts GET, PUT and DELETE."));
    response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, PUT, DELETE"));
    return response;
}

HttpResponse ControlController::json(int status, const QJsonObject& body)
{
    return HttpResponse(status, QByteArrayLiteral("application/json;charset=utf-8"),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse ControlController::error(int status, const QString& code, const QString& message)
{
    return json(status,
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

} // namespace tbsandbox
