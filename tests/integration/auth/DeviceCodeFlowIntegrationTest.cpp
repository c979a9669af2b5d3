// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Discovery and the RFC 8628 client against the sandbox's login host over 127.0.0.1: approval, slow_down,
// expiry, decline and cancel, with the test-only approval route standing in for the person at the browser.
#include "core/auth/Authority.h"
#include "core/auth/DeviceCodeFlow.h"
#include "tests/integration/auth/SignInTestSupport.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace tb::auth;
using Kind = tb::auth::AuthError::Kind;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;
using tb::test::SignInTestSupport;

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");

struct FlowOutcome
{
    std::optional<DeviceCodePrompt> prompt;
    int finishedCount = 0;
    TokenResponse response;
    AuthError error;
    QList<int> intervals;
};

// Wires a flow to an outcome; onPrompt runs when the code is shown (the "person" acts there).
void watch(DeviceCodeFlow& flow, FlowOutcome& outcome, std::function<void(const DeviceCodePrompt&)> onPrompt = {})
{
    QObject::connect(&flow, &DeviceCodeFlow::promptReady, [&outcome, onPrompt](const DeviceCodePrompt& prompt) {
        outcome.prompt = prompt;
        if (onPrompt) {
            onPrompt(prompt);
        }
    });
    QObject::connect(
        &flow, &DeviceCodeFlow::intervalChanged, [&outcome](int seconds) { outcome.intervals.append(seconds); });
    QObject::connect(
        &flow, &DeviceCodeFlow::finished, [&outcome](const TokenResponse& response, const AuthError& error) {
            ++outcome.finishedCount;
            outcome.response = response;
            outcome.error = error;
        });
}

} // namespace

TEST_CASE("Authority discovers a sandbox tenant by domain and by id", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const auto contoso = fixture.tenant(QStringLiteral("contoso"));
    REQUIRE(contoso.has_value());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto byDomain = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(byDomain.has_value());
    CHECK(byDomain->tenantId == contoso->tenant.id.toLower());
    CHECK(byDomain->requestedTenant == kContoso);
    CHECK(byDomain->tokenEndpoint.host() == fixture.sandboxUrl().host());
    CHECK(byDomain->tokenEndpoint.port() == fixture.sandboxUrl().port());
    CHECK(byDomain->graphHost.port() == fixture.sandboxUrl().port());
    CHECK(byDomain->cloud.has_value());
    const auto byId = SignInTestSupport::discover(fixture.network(), settings, contoso->tenant.id.toUpper());
    REQUIRE(byId.has_value());
    CHECK(byId->tenantId == byDomain->tenantId);
}

TEST_CASE("Authority says plainly when a tenant is unknown, mistyped or the host is unsafe", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const auto run = [&](const AuthSettings& settings, const QString& tenant) {
        Authority authority(fixture.network(), settings, tenant);
        std::optional<AuthError> outcome;
        int count = 0;
        QObject::connect(&authority, &Authority::finished, [&](const AuthorityInfo&, const AuthError& error) {
            outcome = error;
            ++count;
        });
        authority.start();
        REQUIRE(SignalWaiter::waitUntil([&] { return outcome.has_value(); }));
        QCoreApplication::processEvents();
        CHECK(count == 1);
        return *outcome;
    };
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const AuthError unknown = run(settings, QStringLiteral("nobody.onmicrosoft.com"));
    CHECK(unknown.kind == Kind::TenantNotFound);
    CHECK(unknown.userMessage.contains(QStringLiteral("nobody.onmicrosoft.com")));
    CHECK(run(settings, QStringLiteral("not a tenant")).kind == Kind::InvalidInput);
    AuthSettings unsafe = settings;
    unsafe.loginHost = QUrl(QStringLiteral("http://login.example.com"));
    CHECK(run(unsafe, kContoso).kind == Kind::Configuration);
    // Nothing listens there: a network failure is worth trying again later.
    AuthSettings closed = settings;
    closed.loginHost = QUrl(QStringLiteral("http://127.0.0.1:1"));
    CHECK(run(closed, kContoso).kind == Kind::TryLater);
}

TEST_CASE("DeviceCodeFlow signs in once the code is approved", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(authority.has_value());

    DeviceCodeFlow flow(fixture.network(), *authority, settings.clientId, {QStringLiteral("User.Read")});
    FlowOutcome outcome;
    watch(flow, outcome);
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.prompt.has_value() || outcome.finishedCount > 0; }));
    REQUIRE(outcome.prompt.has_value());
    CHECK(outcome.prompt->userCode.size() == 8);
    CHECK(outcome.prompt->verificationUri.startsWith(fixture.sandboxUrl().toString()));
    CHECK(outcome.prompt->message.contains(outcome.prompt->userCode));
    CHECK(outcome.prompt->intervalSeconds == 1);
    CHECK(flow.requestedScopes().contains(QStringLiteral("offline_access")));

    // Let it poll while pending at least once, then approve.
    REQUIRE(SignalWaiter::waitUntil([&] { return flow.pollCount() >= 1; }));
    const auto approved = SignInTestSupport::decide(fixture.sandboxUrl(), outcome.prompt->userCode);
    REQUIRE(approved.status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.finishedCount > 0; }));
    INFO(outcome.error.toLogString().toStdString());
    CHECK_FALSE(outcome.error.isError());
    CHECK_FALSE(outcome.response.accessToken.isEmpty());
    CHECK_FALSE(outcome.response.refreshToken.isEmpty());
    CHECK(outcome.response.preferredUsername == QStringLiteral("admin@contoso.onmicrosoft.com"));
    CHECK(outcome.response.tenantId.compare(authority->tenantId, Qt::CaseInsensitive) == 0);
    CHECK_FALSE(outcome.response.clientInfoUid.isEmpty());
    CHECK(outcome.response.homeAccountId().endsWith(authority->tenantId));
    CHECK(outcome.intervals.isEmpty());
    QCoreApplication::processEvents();
    CHECK(outcome.finishedCount == 1);
}

TEST_CASE("DeviceCodeFlow waits five more seconds after slow_down for the rest of the flow", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(authority.has_value());

    DeviceCodeFlow flow(fixture.network(), *authority, settings.clientId, {QStringLiteral("User.Read")});
    DeviceCodeFlow::Timing timing;
    timing.intervalOverrideMs = 100; // poll far sooner than the sandbox's 1 s: it answers slow_down
    flow.setTiming(timing);
    FlowOutcome outcome;
    watch(flow, outcome);
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return !outcome.intervals.isEmpty() || outcome.finishedCount > 0; }));
    REQUIRE(outcome.intervals.size() == 1);
    // The sandbox's interval (1 s) plus the increment: the sandbox's own interval grew by the same 5 s.
    CHECK(outcome.intervals.first() == 6);
    CHECK(flow.intervalMs() == 6000);
    const int pollsAtSlowDown = flow.pollCount();

    // The next poll comes at the new pace and is accepted (pending, no second slow_down); then approve.
    REQUIRE(SignalWaiter::waitUntil([&] { return flow.pollCount() > pollsAtSlowDown; }));
    REQUIRE(SignInTestSupport::decide(fixture.sandboxUrl(), outcome.prompt->userCode).status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.finishedCount > 0; }));
    INFO(outcome.error.toLogString().toStdString());
    CHECK_FALSE(outcome.error.isError());
    CHECK(outcome.intervals.size() == 1);
    CHECK(flow.intervalMs() == 6000);
}

TEST_CASE("DeviceCodeFlow ends with Expired when nobody approves in time", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions(2));
    REQUIRE(fixture.isReady());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(authority.has_value());
    DeviceCodeFlow flow(fixture.network(), *authority, settings.clientId, {QStringLiteral("User.Read")});
    FlowOutcome outcome;
    watch(flow, outcome);
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.finishedCount > 0; }));
    CHECK(outcome.error.kind == Kind::Expired);
    CHECK(outcome.error.userMessage.contains(QStringLiteral("again")));
    CHECK(outcome.response.accessToken.isEmpty());
}

TEST_CASE("DeviceCodeFlow ends with Declined when the person declines", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(authority.has_value());
    DeviceCodeFlow flow(fixture.network(), *authority, settings.clientId, {QStringLiteral("User.Read")});
    FlowOutcome outcome;
    const QUrl sandbox = fixture.sandboxUrl();
    watch(flow, outcome);
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.prompt.has_value() || outcome.finishedCount > 0; }));
    REQUIRE(outcome.prompt.has_value());
    REQUIRE(SignInTestSupport::decide(sandbox, outcome.prompt->userCode, true).status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.finishedCount > 0; }));
    CHECK(outcome.error.kind == Kind::Declined);
    CHECK(outcome.error.code == QStringLiteral("authorization_declined"));
}

TEST_CASE("DeviceCodeFlow stops polling at once when cancelled", "[integration][auth]")
{
    SandboxFixture fixture(SignInTestSupport::sandboxOptions());
    REQUIRE(fixture.isReady());
    const AuthSettings settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
    const auto authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
    REQUIRE(authority.has_value());
    DeviceCodeFlow flow(fixture.network(), *authority, settings.clientId, {QStringLiteral("User.Read")});
    FlowOutcome outcome;
    watch(flow, outcome);
    flow.start();
    REQUIRE(SignalWaiter::waitUntil([&] { return outcome.prompt.has_value() || outcome.finishedCount > 0; }));
    REQUIRE(outcome.prompt.has_value());
    flow.cancel();
    CHECK(outcome.finishedCount == 1);
    CHECK(outcome.error.kind == Kind::Cancelled);
    const int polls = flow.pollCount();
    flow.cancel();
    // Longer than one interval (1 s): a poll that was still scheduled would have gone out by now.
    QTest::qWait(1300);
    CHECK(flow.pollCount() == polls);
    CHECK(outcome.finishedCount == 1);
}
