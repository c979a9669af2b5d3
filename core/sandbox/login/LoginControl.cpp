// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/LoginControl.h"

#include "core/sandbox/World.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/login/LoginState.h"

#include <QJsonDocument>

namespace tbsandbox {

LoginControl::LoginControl(World& world, LoginState& state)
    : m_world(world)
    , m_state(state)
{ }

std::optional<HttpResponse> LoginControl::handle(const HttpRequest& request)
{
    const QString path = request.path();
    const bool isApprove = path == QLatin1String("/_sandbox/devicelogin/approve");
    if (!isApprove && path != QLatin1String("/_sandbox/users/revoke")) {
        return std::nullopt;
    }
    if (request.method.toUpper() != "POST") {
        HttpResponse response
            = error(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("%1 accepts POST only.").arg(path));
        response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        return response;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (!document.isObject()) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("The body must be a JSON object (%1).").arg(parseError.errorString()));
    }
    return isApprove ? approve(document.object()) : revoke(document.object());
}

HttpResponse LoginControl::approve(const QJsonObject& body)
{
    const QString userCode = body.value(QLatin1String("userCode")).toString();
    DeviceAuthorization* authorization = m_state.devices().findByUserCode(userCode);
    TenantState* tenant = authorization ? m_world.tenantById(authorization->tenantId) : nullptr;
    if (!authorization || !tenant) {
        return error(
            404, QStringLiteral("NotFound"), QStringLiteral("No device code has the user code '%1'.").arg(userCode));
    }
    if (authorization->decision != DeviceAuthorization::Decision::Pending) {
        return error(409, QStringLiteral("Conflict"),
            QStringLiteral("The code '%1' was already approved or declined.").arg(authorization->userCode));
    }
    const QString named = body.value(QLatin1String("user")).toString();
    const qsizetype userIndex = named.isEmpty() ? tenant->defaultSignInIndex() : tenant->findUser(named);
    if (userIndex < 0) {
        return error(400, QStringLiteral("BadRequest"),
            named.isEmpty() ? QStringLiteral("Tenant %1 has no enabled user to sign in.").arg(tenant->idText())
                            : QStringLiteral("'%1' is not a user of tenant %2.").arg(named, tenant->idText()));
    }
    const UserRecord& user = tenant->users().at(static_cast<size_t>(userIndex));
    const bool decline = body.value(QLatin1String("decline")).toBool();
    if (!decline && !user.accountEnabled) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("The account %1 is disabled and cannot sign in.").arg(user.userPrincipalName));
    }
    m_state.decide(*authorization, !decline, user.id);
    m_world.stateRegistry().markDirty();
    return json(200,
        QJsonObject {{QStringLiteral("userCode"), authorization->userCode},
            {QStringLiteral("tenantId"), tenant->idText()},
            {QStringLiteral("userPrincipalName"), user.userPrincipalName},
            {QStringLiteral("decision"), decline ? QStringLiteral("declined") : QStringLiteral("approved")}});
}

HttpResponse LoginControl::revoke(const QJsonObject& body)
{
    const QString tenantName = body.value(QLatin1String("tenant")).toString();
    TenantState* tenant = m_world.tenantByIdOrDomain(tenantName);
    if (!tenant) {
        return error(404, QStringLiteral("NotFound"), QStringLiteral("No tenant '%1'.").arg(tenantName));
    }
    const QString named = body.value(QLatin1String("user")).toString();
    const qsizetype userIndex = tenant->findUser(named);
    if (userIndex < 0) {
        return error(404, QStringLiteral("NotFound"),
            QStringLiteral("'%1' is not a user of tenant %2.").arg(named, tenant->idText()));
    }
    const UserRecord& user = tenant->users().at(static_cast<size_t>(userIndex));
    const int revoked = m_state.refreshTokens().revokeUser(tenant->id(), user.id);
    m_world.stateRegistry().markDirty();
    return json(200,
        QJsonObject {{QStringLiteral("tenantId"), tenant->idText()},
            {QStringLiteral("userId"), user.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("userPrincipalName"), user.userPrincipalName},
            {QStringLiteral("revokedRefreshTokens"), revoked}});
}

HttpResponse LoginControl::json(int status, const QJsonObject& body)
{
    return HttpResponse(status, QByteArrayLiteral("application/json;charset=utf-8"),
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse LoginControl::error(int status, const QString& code, const QString& message)
{
    return json(status,
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

} // namespace tbsandbox
