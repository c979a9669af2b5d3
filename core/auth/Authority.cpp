// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/Authority.h"

#include "core/CoreLogging.h"
#include "core/Redaction.h"
#include "core/auth/OAuthReply.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace tb::auth {

using Kind = AuthError::Kind;

Authority::Authority(
    QNetworkAccessManager& network, const AuthSettings& settings, const QString& tenant, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(settings)
    , m_tenant(tenant.trimmed())
{ }

Authority::~Authority()
{
    if (m_reply) {
        m_reply->abort();
        m_reply->deleteLater();
    }
}

std::optional<QString> Authority::tenantProblem(const QString& tenant)
{
    const QString text = tenant.trimmed();
    if (text.isEmpty()) {
        return QStringLiteral("Enter the tenant's id (a GUID) or one of its domain names, such as "
                              "contoso.onmicrosoft.com.");
    }
    if (AuthSettings::isGuid(text)) {
        return std::nullopt;
    }
    // A domain name: labels of letters, digits and inner hyphens, at least two of them (RFC 1035 preferred
    // syntax). "common" and "organizations" are refused on purpose: the tool signs in to one known tenant.
    static const QRegularExpression domain(QStringLiteral("\\A(?=.{1,253}\\z)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9]"
                                                          ")?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\z"));
    if (!domain.match(text).hasMatch()) {
        return QStringLiteral("\"%1\" is neither a tenant id (a GUID such as 00000000-0000-0000-0000-000000000000) "
                              "nor a domain name such as contoso.onmicrosoft.com.")
            .arg(Redaction::withoutControls(text.left(80)));
    }
    return std::nullopt;
}

QUrl Authority::discoveryUrl(const QUrl& loginHost, const QString& tenant)
{
    QUrl url = AuthorityInfo::originOf(loginHost);
    url.setPath(QLatin1Char('/') + tenant.trimmed() + QStringLiteral("/v2.0/.well-known/openid-configuration"));
    return url;
}

void Authority::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    if (auto problem = tenantProblem(m_tenant)) {
        finishLater(AuthError::make(Kind::InvalidInput, QStringLiteral("invalid_tenant_text"), *problem));
        return;
    }
    if (auto problem = m_settings.problem()) {
        finishLater(AuthError::make(Kind::Configuration, QStringLiteral("invalid_settings"), *problem));
        return;
    }
    const bool custom = !m_settings.loginHost.isEmpty();
    fetch(custom ? m_settings.loginHost : model::CloudInstance(model::CloudInstance::Kind::Global).authorityHost(),
        !custom);
}

void Authority::cancel()
{
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish({}, AuthError::cancelled());
}

void Authority::fetch(const QUrl& loginHost, bool isProbe)
{
    const QUrl url = discoveryUrl(loginHost, m_tenant);
    if (!AuthSettings::isAllowedUrl(url)) {
        finishLater(AuthError::make(Kind::Configuration, QStringLiteral("insecure_url"),
            QStringLiteral("The login host %1 is not https; plain http is only allowed to a loopback address.")
                .arg(loginHost.host())));
        return;
    }
    qCInfo(lcAuth) << "reading the discovery document of" << m_tenant << "from" << loginHost.host();
    m_reply = m_network.get(OAuthReply::request(url));
    OAuthReply::limitSize(m_reply); // an answer above OAuthReply::kMaxBodyBytes is aborted, not buffered
    connect(m_reply, &QNetworkReply::finished, this, [this, loginHost, isProbe] { handleReply(loginHost, isProbe); });
}

void Authority::handleReply(const QUrl& loginHost, bool isProbe)
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (reply == nullptr || m_finished) {
        return;
    }
    reply->deleteLater();
    const OAuthReply answer = OAuthReply::read(*reply, QDateTime::currentDateTimeUtc());
    const QString host = loginHost.host();
    if (!answer.hasHttpAnswer()) {
        finish({}, AuthError::fromNetwork(QStringLiteral("discovery at %1: %2").arg(host, answer.networkErrorText)));
        return;
    }
    if (answer.httpStatus >= 500 || answer.httpStatus == 429 || answer.httpStatus == 408) {
        AuthError error = AuthError::make(Kind::TryLater, QStringLiteral("http_%1").arg(answer.httpStatus),
            QStringLiteral("The sign-in service at %1 is not available right now (HTTP %2). Try again in a few "
                           "minutes.")
                .arg(host)
                .arg(answer.httpStatus));
        error.httpStatus = answer.httpStatus;
        error.retryAfterMs = answer.retryAfterMs;
        finish({}, error);
        return;
    }
    if (answer.httpStatus == 400 || answer.httpStatus == 404) {
        // Entra answers 400 invalid_tenant / AADSTS90002 for a tenant it does not know.
        AuthError error = AuthError::fromTokenEndpoint(answer.httpStatus, answer.json);
        error.kind = Kind::TenantNotFound;
        if (error.code.isEmpty()) {
            error.code = QStringLiteral("invalid_tenant");
        }
        error.httpStatus = answer.httpStatus;
        error.userMessage = QStringLiteral("No tenant \"%1\" was found at %2. Check the tenant id or domain name.")
                                .arg(Redaction::withoutControls(m_tenant), host);
        finish({}, error);
        return;
    }
    if (answer.httpStatus != 200) {
        AuthError error = AuthError::make(Kind::Configuration, QStringLiteral("http_%1").arg(answer.httpStatus),
            QStringLiteral("The sign-in service at %1 refused the discovery request (HTTP %2). Check the login "
                           "host in the settings.")
                .arg(host)
                .arg(answer.httpStatus));
        error.httpStatus = answer.httpStatus;
        finish({}, error);
        return;
    }
    if (!answer.isJson) {
        finish({},
            AuthError::make(Kind::Configuration, QStringLiteral("malformed_discovery"),
                QStringLiteral("The sign-in service at %1 answered with something that is not a discovery "
                               "document (no JSON object). Check the login host in the settings.")
                    .arg(host)));
        return;
    }

    const bool custom = !m_settings.loginHost.isEmpty();
    QString problem;
    if (isProbe) {
        // The commercial host answers for a tenant of any cloud; follow the tenant to its own cloud's host.
        const auto probed = AuthorityInfo::fromDiscovery(
            answer.json, m_tenant, loginHost, false, false, m_settings.graphHost, &problem);
        if (!probed) {
            finish({}, AuthError::make(Kind::Configuration, QStringLiteral("malformed_discovery"), problem));
            return;
        }
        if (probed->cloud
            && AuthorityInfo::originOf(probed->cloud->authorityHost()) != AuthorityInfo::originOf(loginHost)) {
            qCInfo(lcAuth) << "tenant" << m_tenant << "lives in" << probed->cloud->name() << "- asking"
                           << probed->cloud->authorityHost().host();
            fetch(probed->cloud->authorityHost(), false);
            return;
        }
    }
    const auto info
        = AuthorityInfo::fromDiscovery(answer.json, m_tenant, loginHost, true, custom, m_settings.graphHost, &problem);
    if (!info) {
        finish({}, AuthError::make(Kind::Configuration, QStringLiteral("malformed_discovery"), problem));
        return;
    }
    finish(*info, {});
}

void Authority::finish(const AuthorityInfo& info, const AuthError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (error.isError()) {
        qCInfo(lcAuth) << "discovery of" << m_tenant << "failed:" << error.toLogString();
    }
    emit finished(info, error);
}

void Authority::finishLater(const AuthError& error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish({}, error); }, Qt::QueuedConnection);
}

} // namespace tb::auth
