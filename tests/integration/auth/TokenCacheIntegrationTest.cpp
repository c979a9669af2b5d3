// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SignInService and its TokenCache against the sandbox's login host and Graph over 127.0.0.1: the whole sign-in
// without a GUI, silent refresh with rotation, revocation, incremental consent, restore from the store, and
// GraphClient reading /v1.0/organization with the cache's tokens.
#include "core/SystemClock.h"
#include "core/auth/MemorySecretStore.h"
#include "core/auth/SignInService.h"
#include "core/auth/TokenCache.h"
#include "core/graph/GraphClient.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SecretStoreWait.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QSignalSpy>

#include <memory>
#include <optional>

using namespace tb::auth;
using tb::model::TenantRole;
using Kind = tb::auth::AuthError::Kind;
using tb::test::SandboxFixture;
using tb::test::SecretStoreWait;
using tb::test::SignalWaiter;
using tb::test::SignInTestSupport;

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");
const QString kAdmin = QStringLiteral("admin@contoso.onmicrosoft.com");

// Signs role in through the service, approving the code through the test route. Fails the test otherwise.
std::optional<Account> signIn(SignInService& service, const QUrl& sandbox, TenantRole role,
    const QString& tenant = kContoso, const QStringList& scopes = SignInService::defaultScopes())
{
    std::optional<Account> account;
    std::optional<AuthError> failure;
    QObject context;
    QObject::connect(
        &service, &SignInService::promptReady, &context, [&](TenantRole promptRole, const DeviceCodePrompt& prompt) {
            if (promptRole == role) {
                CHECK(service.state(role) == SignInService::State::WaitingForUser);
                CHECK(SignInTestSupport::decide(sandbox, prompt.userCode).status == 200);
            }
        });
    QObject::connect(&service, &SignInService::signedIn, &context, [&](TenantRole signedRole, const Account& signed_) {
        if (signedRole == role) {
            account = signed_;
        }
    });
    QObject::connect(
        &service, &SignInService::signInFailed, &context, [&](TenantRole failedRole, const AuthError& error) {
            if (failedRole == role) {
                failure = error;
            }
        });
    service.signIn(role, tenant, scopes);
    REQUIRE(SignalWaiter::waitUntil([&] { return account.has_value() || failure.has_value(); }));
    if (failure) {
        FAIL_CHECK(failure->toLogString().toStdString());
    }
    return account;
}

TokenResult token(AccessTokenSource& source, TokenRequest request)
{
    std::optional<TokenResult> result;
    QObject context;
    source.requestToken(request, &context, [&](const TokenResult& answer) { result = answer; });
    REQUIRE(SignalWaiter::waitUntil([&] { return result.has_value(); }));
    return *result;
}

TokenRequest requestFor(TenantRole role, const QStringList& scopes = SignInService::defaultScopes())
{
    TokenRequest request;
    request.role = role;
    request.scopes = scopes;
    return request;
}

// The refresh token inside the stored entry of role (JSON {account, authority, refreshToken}).
QString storedRefreshToken(SecretStore& store, const QString& profile, TenantRole role)
{
    const auto outcome = SecretStoreWait::read(store, TokenCache::storageKey(profile, role));
    if (outcome.error.isError()) {
        return {};
    }
    return QJsonDocument::fromJson(outcome.value).object().value(QStringLiteral("refreshToken")).toString();
}

struct Harness
{
    explicit Harness(int lifetime = 120)
        : fixture(SignInTestSupport::sandboxOptions(lifetime))
    {
        settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    }

    std::unique_ptr<SignInService> makeService()
    {
        auto service = std::make_unique<SignInService>(fixture.network(), store, clock, settings);
        DeviceCodeFlow::Timing timing;
        service->setDeviceCodeTiming(timing);
        return service;
    }

    SandboxFixture fixture;
    AuthSettings settings;
    MemorySecretStore store;
    tb::SystemClock clock;
};

} // namespace

TEST_CASE("SignInService signs a role in end to end and Graph accepts the token", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    auto service = harness.makeService();
    QSignalSpy states(service.get(), &SignInService::stateChanged);
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedOut);
    CHECK(service->isMemoryOnly());
    CHECK_FALSE(service->storageWarning().isEmpty());

    const auto account = signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source);
    REQUIRE(account.has_value());
    CHECK(account->username == kAdmin);
    CHECK(account->displayName == QStringLiteral("Contoso Admin"));
    CHECK(account->tenantId == harness.fixture.tenant(QStringLiteral("contoso"))->tenant.id.toLower());
    CHECK(account->requestedTenant == kContoso);
    CHECK(account->grantedScopes.contains(QStringLiteral("user.read.all")));
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedIn);
    CHECK(service->state(TenantRole::Target) == SignInService::State::SignedOut);
    CHECK(states.count() >= 3); // discovering, waiting for the person, signed in
    CHECK(harness.store.size() == 1);
    CHECK_FALSE(storedRefreshToken(harness.store, harness.settings.profile, TenantRole::Source).isEmpty());

    // GraphClient gets its token from the cache and reads the organization of the signed-in tenant.
    const auto authority = service->authority(TenantRole::Source);
    REQUIRE(authority.has_value());
    tb::graph::GraphClient::Settings clientSettings;
    clientSettings.baseUrl = authority->graphHost;
    clientSettings.tenantId = account->tenantId;
    clientSettings.role = TenantRole::Source;
    clientSettings.scopes = SignInService::defaultScopes();
    tb::graph::GraphClient client(harness.fixture.network(), service->tokens(), harness.clock, clientSettings);
    const auto response
        = tb::test::GraphWait::response(client.send(tb::graph::DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    INFO(response->error().toLogString().toStdString());
    CHECK(response->isSuccess());
    CHECK(response->json()
              .value(QStringLiteral("value"))
              .toArray()
              .first()
              .toObject()
              .value(QStringLiteral("id"))
              .toString()
              .compare(account->tenantId, Qt::CaseInsensitive)
        == 0);
    // Served from the cache: no refresh was needed.
    CHECK(service->tokenCache().refreshCount() == 0);

    // The target may sign in to the same tenant (preflight warns later).
    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Target).has_value());
    CHECK(harness.store.size() == 2);
    service->signOut(TenantRole::Target);
    CHECK(service->state(TenantRole::Target) == SignInService::State::SignedOut);
    REQUIRE(SignalWaiter::waitUntil([&] { return harness.store.size() == 1; }));
}

TEST_CASE("TokenCache refreshes silently and stores the rotated refresh token", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    auto service = harness.makeService();
    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source).has_value());
    const QString before = storedRefreshToken(harness.store, harness.settings.profile, TenantRole::Source);
    REQUIRE_FALSE(before.isEmpty());

    const TokenResult cached = token(service->tokens(), requestFor(TenantRole::Source));
    REQUIRE(cached.isValid());
    CHECK(service->tokenCache().refreshCount() == 0);

    TokenRequest force = requestFor(TenantRole::Source);
    force.forceRefresh = true;
    const TokenResult refreshed = token(service->tokens(), force);
    INFO(refreshed.errorMessage.toStdString());
    REQUIRE(refreshed.isValid());
    CHECK(refreshed.accessToken != cached.accessToken);
    CHECK(service->tokenCache().refreshCount() == 1);
    REQUIRE(SignalWaiter::waitUntil([&] {
        const QString now = storedRefreshToken(harness.store, harness.settings.profile, TenantRole::Source);
        return !now.isEmpty() && now != before;
    }));

    // The resource form and the short form are one scope set; a subset is served by the same token.
    const TokenResult prefixed = token(
        service->tokens(), requestFor(TenantRole::Source, {QStringLiteral("https://graph.microsoft.com/User.Read")}));
    CHECK(prefixed.accessToken == refreshed.accessToken);
    CHECK(service->tokenCache().refreshCount() == 1);

    // A rejected token is dropped: the next request refreshes.
    service->tokens().reportRejected(requestFor(TenantRole::Source), refreshed.accessToken);
    const TokenResult after = token(service->tokens(), requestFor(TenantRole::Source));
    REQUIRE(after.isValid());
    CHECK(after.accessToken != refreshed.accessToken);
    CHECK(service->tokenCache().refreshCount() == 2);
}

TEST_CASE("TokenCache sends one refresh for concurrent requests of one account", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    auto service = harness.makeService();
    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source).has_value());
    QObject context;
    QList<TokenResult> results;
    TokenRequest force = requestFor(TenantRole::Source);
    force.forceRefresh = true;
    for (int i = 0; i < 5; ++i) {
        service->tokens().requestToken(force, &context, [&](const TokenResult& result) { results.append(result); });
    }
    REQUIRE(SignalWaiter::waitUntil([&] { return results.size() == 5; }));
    CHECK(service->tokenCache().refreshCount() == 1);
    for (const TokenResult& result : std::as_const(results)) {
        CHECK(result.isValid());
        CHECK(result.accessToken == results.first().accessToken);
    }
}

TEST_CASE("A revoked refresh token ends in SignInRequired", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    auto service = harness.makeService();
    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source).has_value());
    QSignalSpy required(&service->tokenCache(), &TokenCache::signInRequired);
    REQUIRE(SignInTestSupport::revoke(harness.fixture.sandboxUrl(), kContoso, kAdmin).status == 200);

    TokenRequest force = requestFor(TenantRole::Source);
    force.forceRefresh = true;
    const TokenResult result = token(service->tokens(), force);
    CHECK_FALSE(result.isValid());
    CHECK(result.errorCode == QStringLiteral("sign_in_required"));
    CHECK(result.errorMessage.contains(QStringLiteral("Sign in again")));
    CHECK(required.count() == 1);
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignInRequired);
    CHECK(service->tokenCache().needsSignIn(TenantRole::Source));
    // No more refreshes for that account until it signs in again.
    const int refreshes = service->tokenCache().refreshCount();
    CHECK(token(service->tokens(), requestFor(TenantRole::Source)).errorCode == QStringLiteral("sign_in_required"));
    CHECK(service->tokenCache().refreshCount() == refreshes);

    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source).has_value());
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedIn);
    CHECK(token(service->tokens(), requestFor(TenantRole::Source)).isValid());
}

TEST_CASE("A scope never consented asks for a new sign-in and names the scope", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    // Consent is per user and application: the fixture's own sign-ins gave the default application admin consent
    // (.default) to every scope the sandbox knows, so this test signs in with an application of its own.
    harness.settings.clientId = QStringLiteral("0c0ffee0-1111-4222-8333-944444444444");
    auto service = harness.makeService();
    REQUIRE(signIn(*service, harness.fixture.sandboxUrl(), TenantRole::Source).has_value());
    const TokenResult more = token(
        service->tokens(), requestFor(TenantRole::Source, {QStringLiteral("Policy.ReadWrite.CrossTenantAccess")}));
    CHECK(more.errorCode == QStringLiteral("sign_in_required"));
    CHECK(more.errorMessage.contains(QStringLiteral("policy.readwrite.crosstenantaccess")));
    // The consented scopes keep working, and the session does not count as ended.
    CHECK(token(service->tokens(), requestFor(TenantRole::Source)).isValid());
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedIn);
}

TEST_CASE("SignInService restores a session from the store and refreshes it", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    QString username;
    {
        auto first = harness.makeService();
        const auto account = signIn(*first, harness.fixture.sandboxUrl(), TenantRole::Target);
        REQUIRE(account.has_value());
        username = account->username;
        REQUIRE(SignalWaiter::waitUntil([&] { return harness.store.size() == 1; }));
    }
    auto second = harness.makeService();
    QSignalSpy restored(second.get(), &SignInService::restored);
    second->restore();
    CHECK(second->state(TenantRole::Target) == SignInService::State::Restoring);
    REQUIRE(SignalWaiter::waitForCount(restored));
    CHECK(second->state(TenantRole::Target) == SignInService::State::SignedIn);
    CHECK(second->state(TenantRole::Source) == SignInService::State::SignedOut);
    REQUIRE(second->account(TenantRole::Target).has_value());
    CHECK(second->account(TenantRole::Target)->username == username);
    const TokenResult result = token(second->tokens(), requestFor(TenantRole::Target));
    INFO(result.errorMessage.toStdString());
    CHECK(result.isValid());
    CHECK(second->tokenCache().refreshCount() == 1);
    // Routed by tenant id as well when no role is given.
    TokenRequest byTenant;
    byTenant.tenantId = second->account(TenantRole::Target)->tenantId.toUpper();
    byTenant.scopes = SignInService::defaultScopes();
    CHECK(token(second->tokens(), byTenant).accessToken == result.accessToken);
    CHECK(token(second->tokens(), requestFor(TenantRole::Source)).errorCode == QStringLiteral("no_account"));
}

TEST_CASE("SignInService reports a failed sign-in and can be cancelled", "[integration][auth]")
{
    Harness harness;
    REQUIRE(harness.fixture.isReady());
    auto service = harness.makeService();
    QList<AuthError> failures;
    QObject::connect(service.get(), &SignInService::signInFailed,
        [&](TenantRole, const AuthError& error) { failures.append(error); });
    service->signIn(TenantRole::Source, QStringLiteral("nobody.onmicrosoft.com"));
    REQUIRE(SignalWaiter::waitUntil([&] { return !failures.isEmpty(); }));
    CHECK(failures.first().kind == Kind::TenantNotFound);
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedOut);

    bool prompted = false;
    QObject::connect(service.get(), &SignInService::promptReady, [&] { prompted = true; });
    service->signIn(TenantRole::Source, kContoso);
    REQUIRE(SignalWaiter::waitUntil([&] { return prompted; }));
    service->cancelSignIn(TenantRole::Source);
    REQUIRE(failures.size() == 2);
    CHECK(failures.last().kind == Kind::Cancelled);
    CHECK(service->state(TenantRole::Source) == SignInService::State::SignedOut);
}
