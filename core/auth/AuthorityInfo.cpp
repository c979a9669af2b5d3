// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthorityInfo.h"

#include "core/Redaction.h"
#include "core/auth/AuthSettings.h"

namespace tb::auth {

namespace {

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QStringLiteral("https") ? 443 : 80)
        == b.port(b.scheme() == QStringLiteral("https") ? 443 : 80);
}

// The tenant GUID in an issuer such as https://login.microsoftonline.com/<tid>/v2.0: the path segment that is one.
QString tenantIdFromUrl(const QUrl& url)
{
    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& segment : segments) {
        if (AuthSettings::isGuid(segment)) {
            return segment.toLower();
        }
    }
    return {};
}

QString shown(const QString& text)
{
    return Redaction::redactLine(text.left(200));
}

} // namespace

QUrl AuthorityInfo::originOf(const QUrl& url)
{
    QUrl origin;
    origin.setScheme(url.scheme().toLower());
    origin.setHost(url.host().toLower());
    origin.setPort(url.port());
    return origin;
}

QJsonObject AuthorityInfo::toJson() const
{
    QJsonObject json {{QStringLiteral("requestedTenant"), requestedTenant}, {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("issuer"), issuer}, {QStringLiteral("tokenEndpoint"), tokenEndpoint.toString()},
        {QStringLiteral("deviceAuthorizationEndpoint"), deviceAuthorizationEndpoint.toString()},
        {QStringLiteral("loginHost"), loginHost.toString()}, {QStringLiteral("graphHost"), graphHost.toString()},
        {QStringLiteral("regionScope"), regionScope}, {QStringLiteral("regionSubScope"), regionSubScope}};
    if (cloud) {
        json.insert(QStringLiteral("cloud"), cloud->name());
    }
    return json;
}

std::optional<AuthorityInfo> AuthorityInfo::fromJson(const QJsonObject& json)
{
    AuthorityInfo info;
    const auto url
        = [&json](const char* key) { return QUrl(json.value(QLatin1String(key)).toString(), QUrl::StrictMode); };
    info.requestedTenant = json.value(QStringLiteral("requestedTenant")).toString();
    info.tenantId = json.value(QStringLiteral("tenantId")).toString().toLower();
    info.issuer = json.value(QStringLiteral("issuer")).toString();
    info.tokenEndpoint = url("tokenEndpoint");
    info.deviceAuthorizationEndpoint = url("deviceAuthorizationEndpoint");
    info.loginHost = url("loginHost");
    info.graphHost = url("graphHost");
    info.regionScope = json.value(QStringLiteral("regionScope")).toString();
    info.regionSubScope = json.value(QStringLiteral("regionSubScope")).toString();
    const QString cloudName = json.value(QStringLiteral("cloud")).toString();
    if (!cloudName.isEmpty()) {
        info.cloud = model::CloudInstance::fromName(cloudName);
    }
    // A stored record is trusted no more than a fresh document: a tampered file must not send tokens elsewhere.
    if (!AuthSettings::isGuid(info.tenantId) || !AuthSettings::isAllowedUrl(info.tokenEndpoint)
        || !AuthSettings::isAllowedUrl(info.graphHost)
        || (!info.deviceAuthorizationEndpoint.isEmpty()
            && !AuthSettings::isAllowedUrl(info.deviceAuthorizationEndpoint))) {
        return std::nullopt;
    }
    return info;
}

std::optional<AuthorityInfo> AuthorityInfo::fromDiscovery(const QJsonObject& document, const QString& requestedTenant,
    const QUrl& loginHost, bool requireSameOrigin, bool customLoginHost, const QUrl& graphOverride, QString* problem)
{
    const auto fail = [problem](const QString& text) -> std::optional<AuthorityInfo> {
        if (problem != nullptr) {
            *problem = text;
        }
        return std::nullopt;
    };
    const QString host = loginHost.host();
    AuthorityInfo info;
    info.requestedTenant = requestedTenant.trimmed();
    info.loginHost = originOf(loginHost);
    info.issuer = document.value(QStringLiteral("issuer")).toString();
    const QString token = document.value(QStringLiteral("token_endpoint")).toString();
    const QString device = document.value(QStringLiteral("device_authorization_endpoint")).toString();
    if (info.issuer.isEmpty() || token.isEmpty() || device.isEmpty()) {
        return fail(QStringLiteral("The sign-in service at %1 answered with a discovery document that lacks the "
                                   "issuer, the token endpoint or the device authorization endpoint.")
                        .arg(host));
    }
    info.tokenEndpoint = QUrl(token, QUrl::StrictMode);
    info.deviceAuthorizationEndpoint = QUrl(device, QUrl::StrictMode);
    for (const QUrl& endpoint : {info.tokenEndpoint, info.deviceAuthorizationEndpoint}) {
        if (!endpoint.isValid() || !AuthSettings::isAllowedUrl(endpoint)) {
            return fail(QStringLiteral("The sign-in service at %1 names the endpoint \"%2\", which is not an https "
                                       "address; sign-in stops there so that no code or token travels in clear.")
                            .arg(host, shown(endpoint.toString())));
        }
        if (requireSameOrigin && !sameOrigin(endpoint, loginHost)) {
            return fail(QStringLiteral("The sign-in service at %1 names an endpoint on another host (%2); sign-in "
                                       "only uses endpoints of the login host it asked.")
                            .arg(host, shown(endpoint.host())));
        }
    }
    info.tenantId = tenantIdFromUrl(QUrl(info.issuer));
    if (info.tenantId.isEmpty()) {
        info.tenantId = tenantIdFromUrl(info.tokenEndpoint);
    }
    if (info.tenantId.isEmpty()) {
        return fail(QStringLiteral("The sign-in service at %1 did not name the tenant's id in its issuer (\"%2\").")
                        .arg(host, shown(info.issuer)));
    }
    info.regionScope = document.value(QStringLiteral("tenant_region_scope")).toString();
    info.regionSubScope = document.value(QStringLiteral("tenant_region_sub_scope")).toString();
    info.cloud = model::CloudInstance::fromDiscovery(
        document.value(QStringLiteral("cloud_instance_name")).toString(), info.regionSubScope);

    const QString msgraphHost = document.value(QStringLiteral("msgraph_host")).toString().trimmed();
    if (!graphOverride.isEmpty()) {
        info.graphHost = graphOverride;
    } else if (customLoginHost && !msgraphHost.isEmpty()) {
        // A login host of our own choosing (the sandbox, a test peer) serves Graph at its msgraph_host, reached
        // the way the login host itself is.
        info.graphHost = QUrl(loginHost.scheme() + QStringLiteral("://") + msgraphHost, QUrl::StrictMode);
    } else if (info.cloud) {
        info.graphHost = info.cloud->graphHost();
    } else if (!msgraphHost.isEmpty()) {
        info.graphHost = QUrl(QStringLiteral("https://") + msgraphHost, QUrl::StrictMode);
    }
    if (!info.graphHost.isValid() || !AuthSettings::isAllowedUrl(info.graphHost)) {
        return fail(QStringLiteral("The sign-in service at %1 gave no usable Microsoft Graph host (\"%2\"); set the "
                                   "Graph host in the settings.")
                        .arg(host, shown(msgraphHost)));
    }
    return info;
}

} // namespace tb::auth
