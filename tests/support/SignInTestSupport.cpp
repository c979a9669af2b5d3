// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SignInTestSupport.h"

#include "core/auth/Authority.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace tb::test {

tbsandbox::SandboxOptions SignInTestSupport::sandboxOptions(int deviceCodeLifetimeSeconds)
{
    tbsandbox::SandboxOptions options;
    options.testRoutes = true;
    options.deviceCodeIntervalSeconds = 1;
    options.deviceCodeLifetimeSeconds = deviceCodeLifetimeSeconds;
    return options;
}

auth::AuthSettings SignInTestSupport::settingsFor(const QUrl& sandboxUrl)
{
    auth::AuthSettings settings;
    settings.loginHost = sandboxUrl;
    settings.profile = QStringLiteral("integration");
    return settings;
}

SignInTestSupport::Answer SignInTestSupport::decide(const QUrl& sandboxUrl, const QString& userCode, bool decline)
{
    return post(sandboxUrl, QStringLiteral("/_sandbox/devicelogin/approve"),
        QJsonObject {{QStringLiteral("userCode"), userCode}, {QStringLiteral("decline"), decline}});
}

SignInTestSupport::Answer SignInTestSupport::revoke(const QUrl& sandboxUrl, const QString& tenant, const QString& user)
{
    return post(sandboxUrl, QStringLiteral("/_sandbox/users/revoke"),
        QJsonObject {{QStringLiteral("tenant"), tenant}, {QStringLiteral("user"), user}});
}

std::optional<auth::AuthorityInfo> SignInTestSupport::discover(
    QNetworkAccessManager& network, const auth::AuthSettings& settings, const QString& tenant)
{
    auth::Authority authority(network, settings, tenant);
    std::optional<auth::AuthorityInfo> info;
    bool done = false;
    QObject::connect(
        &authority, &auth::Authority::finished, [&](const auth::AuthorityInfo& found, const auth::AuthError& error) {
            done = true;
            INFO(error.toLogString().toStdString());
            CHECK_FALSE(error.isError());
            if (!error.isError()) {
                info = found;
            }
        });
    authority.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return done; }));
    return info;
}

SignInTestSupport::Answer SignInTestSupport::post(const QUrl& sandboxUrl, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager network;
    QUrl url = sandboxUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QPointer<QNetworkReply> reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    REQUIRE(SignalWaiter::waitUntil([&] { return reply.isNull() || reply->isFinished(); }));
    Answer answer;
    if (reply) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
    }
    return answer;
}

} // namespace tb::test
