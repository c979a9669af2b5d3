// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TenantBridge's own sign-in classes, unchanged, against a third-party OpenID provider: panva's oidc-provider
// (pinned in tests/interop/package-lock.json, installed with `npm ci` in tests/interop) run by
// tests/interop/oidc-provider-server.mjs on 127.0.0.1. It speaks plain RFC 8628 with none of Entra's extras
// (no interval, no client_info, its own endpoint paths, opaque access tokens, refresh tokens rotated and a
// replayed one revoking the grant), so this catches a client that only works against our own sandbox.
#include "core/SystemClock.h"
#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/Authority.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/DeviceCodeFlow.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/MemorySecretStore.h"
#include "core/auth/TokenCache.h"
#include "core/auth/TokenRequest.h"
#include "core/auth/TokenResponse.h"
#include "core/auth/TokenResult.h"
#include "core/model/TenantRole.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>

#include <optional>

using tb::auth::AuthError;
using tb::auth::AuthorityInfo;
using tb::auth::TokenResponse;
using tb::model::TenantRole;
using tb::test::SignalWaiter;

namespace {

// What oidc-provider-server.mjs is started with: a GUID client id and a GUID tenant, as Entra has them.
const QString kClientId = QStringLiteral("00000000-0000-0000-0000-00000000c0de");
const QString kTenantId = QStringLiteral("3f5b8c1e-7a2d-4e6f-9b0c-1d2e3f4a5b6c");
const QString kAccountId = QStringLiteral("6e1d5b7a-3c9f-4a2e-8d0b-7f6a5e4d3c2b"); // the script's fixed account

QString interopDirectory()
{
    return QDir(QStringLiteral(TB_SOURCE_DIR)).filePath(QStringLiteral("tests/interop"));
}

// node oidc-provider-server.mjs on a free loopback port, stopped at the end of the test.
struct OidcProviderProcess
{
    QProcess process;
    QUrl url;

    OidcProviderProcess()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty()) {
            FAIL("node is not installed; .ci/install-deps test installs it.");
        }
        if (!QFileInfo::exists(QDir(interopDirectory()).filePath(QStringLiteral("node_modules/oidc-provider")))) {
            FAIL("The pinned npm packages are missing: run 'npm ci' in tests/interop (.ci/build-and-test does it).");
        }
        process.setWorkingDirectory(interopDirectory());
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(node,
            {QStringLiteral("oidc-provider-server.mjs"), QStringLiteral("--tenant"), kTenantId,
                QStringLiteral("--client-id"), kClientId});
        REQUIRE(process.waitForStarted());
        const bool answered = SignalWaiter::waitUntil([this] {
            while (process.canReadLine()) {
                const QString line = QString::fromUtf8(process.readLine()).trimmed();
                if (line.startsWith(QLatin1String("LISTENING "))) {
                    url = QUrl(line.mid(10));
                    return true;
                }
            }
            return process.state() == QProcess::NotRunning;
        });
        INFO("oidc-provider-server.mjs stderr: " << process.readAllStandardError().toStdString());
        REQUIRE(answered);
        REQUIRE(url.isValid());
    }

    ~OidcProviderProcess()
    {
        process.terminate(); // the script exits on SIGTERM
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished();
        }
    }

    Q_DISABLE_COPY_MOVE(OidcProviderProcess)
};

// The test's stand-in for the person at the verification page: POST {url}/_test/approve.
class Approver
{
public:
    Approver(QNetworkAccessManager& network, const QUrl& providerUrl)
        : m_network(network)
        , m_url(providerUrl.resolved(QUrl(QStringLiteral("/_test/approve"))))
    { }

    void approve(const QString& userCode)
    {
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("userCode"), userCode}}).toJson(QJsonDocument::Compact);
        QNetworkReply* reply = m_network.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            reply->deleteLater();
            m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_answer = QString::fromUtf8(reply->readAll());
        });
    }

    [[nodiscard]] std::optional<int> status() const { return m_status; }
    [[nodiscard]] const QString& answer() const { return m_answer; }

private:
    QNetworkAccessManager& m_network;
    QUrl m_url;
    std::optional<int> m_status;
    QString m_answer;
};

AuthorityInfo discover(QNetworkAccessManager& network, const tb::auth::AuthSettings& settings)
{
    tb::auth::Authority authority(network, settings, kTenantId);
    std::optional<AuthorityInfo> info;
    std::optional<AuthError> error;
    QObject::connect(
        &authority, &tb::auth::Authority::finished, [&](const AuthorityInfo& answer, const AuthError& failure) {
            info = answer;
            error = failure;
        });
    authority.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return error.has_value(); }));
    INFO("discovery: " << error->toLogString().toStdString() << " " << error->userMessage.toStdString());
    REQUIRE_FALSE(error->isError());
    return *info;
}

tb::auth::TokenResult requestToken(tb::auth::TokenCache& cache, bool forceRefresh)
{
    QObject context;
    std::optional<tb::auth::TokenResult> result;
    cache.requestToken({kTenantId, TenantRole::Source, {QStringLiteral("User.Read")}, forceRefresh}, &context,
        [&result](const tb::auth::TokenResult& answer) { result = answer; });
    REQUIRE(SignalWaiter::waitUntil([&result] { return result.has_value(); }));
    INFO("token request: " << result->errorCode.toStdString() << " " << result->errorMessage.toStdString());
    REQUIRE(result->isValid());
    return *result;
}

} // namespace

TEST_CASE("the client signs in with a device code and refreshes against oidc-provider", "[integration][interop]")
{
    OidcProviderProcess provider;
    QNetworkAccessManager network;
    tb::auth::AuthSettings settings;
    settings.clientId = kClientId;
    settings.loginHost = provider.url;
    // oidc-provider serves no Graph and names no cloud or msgraph_host; discovery needs somewhere to send Graph.
    settings.graphHost = provider.url;

    // Discovery at {url}/{tenant}/v2.0/.well-known/openid-configuration; the endpoints are oidc-provider's own.
    const AuthorityInfo info = discover(network, settings);
    CHECK(info.tenantId == kTenantId);
    CHECK(info.issuer == provider.url.toString() + QStringLiteral("/") + kTenantId + QStringLiteral("/v2.0"));
    CHECK(info.deviceAuthorizationEndpoint.path().endsWith(QLatin1String("/v2.0/device/auth")));
    CHECK(info.tokenEndpoint.path().endsWith(QLatin1String("/v2.0/token")));
    CHECK_FALSE(info.cloud.has_value());

    // Sign-in: the prompt is approved as soon as it is shown; oidc-provider sends no interval, so the client's
    // RFC default of 5 s applies to the first poll.
    Approver approver(network, provider.url);
    tb::auth::DeviceCodeFlow flow(network, info, kClientId, {QStringLiteral("User.Read")});
    std::optional<tb::auth::DeviceCodePrompt> prompt;
    std::optional<TokenResponse> signIn;
    std::optional<AuthError> signInError;
    QObject::connect(&flow, &tb::auth::DeviceCodeFlow::promptReady, [&](const tb::auth::DeviceCodePrompt& shown) {
        prompt = shown;
        approver.approve(shown.userCode);
    });
    QObject::connect(
        &flow, &tb::auth::DeviceCodeFlow::finished, [&](const TokenResponse& response, const AuthError& error) {
            signIn = response;
            signInError = error;
        });
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return signInError.has_value(); }));
    INFO("approval: HTTP " << approver.status().value_or(0) << " " << approver.answer().toStdString());
    INFO("sign-in: " << signInError->toLogString().toStdString() << " " << signInError->userMessage.toStdString());
    REQUIRE_FALSE(signInError->isError());
    CHECK(approver.status() == 200);
    REQUIRE(prompt.has_value());
    CHECK(prompt->verificationUri.startsWith(provider.url.toString()));
    CHECK(prompt->intervalSeconds == 5);
    CHECK(flow.pollCount() >= 1);
    REQUIRE(signIn->isValid());
    CHECK_FALSE(signIn->refreshToken.isEmpty());
    CHECK_FALSE(signIn->idToken.isEmpty());
    CHECK(signIn->tenantId == kTenantId);
    CHECK(signIn->objectId == kAccountId);
    CHECK(signIn->preferredUsername == QStringLiteral("tester@interop.example"));
    CHECK(signIn->scopes.contains(QStringLiteral("User.Read")));
    CHECK(signIn->clientInfoUid.isEmpty()); // no client_info outside Entra: the id token identifies the account
    CHECK_FALSE(signIn->audienceProblem(kClientId).has_value());

    // The token cache takes the sign-in, answers from memory, then redeems the refresh token when forced.
    tb::SystemClock clock;
    tb::auth::MemorySecretStore store;
    tb::auth::TokenCache cache(network, store, clock, settings);
    const tb::auth::Account account = cache.addAccount(info, TenantRole::Source, *signIn);
    CHECK(account.isValid());
    CHECK(account.tenantId == kTenantId);
    CHECK(account.homeAccountId == kAccountId + QLatin1Char('.') + kTenantId);
    CHECK(cache.hasRefreshToken(TenantRole::Source));

    const tb::auth::TokenResult cached = requestToken(cache, false);
    CHECK(cached.accessToken == signIn->accessToken);
    CHECK(cache.refreshCount() == 0);

    const tb::auth::TokenResult refreshed = requestToken(cache, true);
    CHECK(cache.refreshCount() == 1);
    CHECK(refreshed.accessToken != signIn->accessToken);
    CHECK(refreshed.expiresAtUtc > clock.nowUtc());

    // oidc-provider rotates the refresh token and revokes the whole grant when a used one comes back, so a
    // second refresh only works if the cache kept the rotated token.
    const tb::auth::TokenResult again = requestToken(cache, true);
    CHECK(cache.refreshCount() == 2);
    CHECK(again.accessToken != refreshed.accessToken);
    CHECK_FALSE(cache.needsSignIn(TenantRole::Source));
}
