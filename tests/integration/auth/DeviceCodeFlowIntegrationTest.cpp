// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Discovery and the RFC 8628 client against the sandbox's login host over 127.0.0.1: approval, slow_down,
// expiry, decline and cancel, with the test-only approval route standing in for the person at the browser.
#include "core/auth/Authority.h"
#include "core/auth/DeviceCodeFlow.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignInTestSupport.h"
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

// A device-code flow for Contoso on a fresh sandbox, wired to an outcome: the flow tests start from here.
struct FlowOnSandbox
{
    explicit FlowOnSandbox(int deviceCodeLifetimeSeconds = 120)
        : fixture(SignInTestSupport::sandboxOptions(deviceCodeLifetimeSeconds))
    {
        REQUIRE(fixture.isReady());
        settings = SignInTestSupport::settingsFor(fixture.sandboxUrl());
        authority = SignInTestSupport::discover(fixture.network(), settings, kContoso);
        REQUIRE(authority.has_value());
        flow = std::make_unique<DeviceCodeFlow>(
            fixture.network(), *authority, settings.clientId, QStringList {QStringLiteral("User.Read")});
        watch(*flow, outcome);
    }

    // Starts the flow and waits until the code is shown.
    void startAndWaitForPrompt()
    {
        flow->start();
        REQUIRE(SignalWaiter::waitUntil([this] { return outcome.prompt.has_value() || outcome.finishedCount > 0; }));
        REQUIRE(outcome.prompt.has_value());
    }

    SandboxFixture fixture;
    AuthSettings settings;
    std::optional<tb::auth::AuthorityInfo> authority;
    std::unique_ptr<DeviceCodeFlow> flow;
    FlowOutcome outcome;
};

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
    FlowOnSandbox run;
    run.startAndWaitForPrompt();
    CHECK(run.outcome.prompt->userCode.size() == 8);
    CHECK(run.outcome.prompt->verificationUri.startsWith(run.fixture.sandboxUrl().toString()));
    CHECK(run.outcome.prompt->message.contains(run.outcome.prompt->userCode));
    CHECK(run.outcome.prompt->intervalSeconds == 1);
    CHECK(run.flow->requestedScopes().contains(QStringLiteral("offline_access")));

    // Let it poll while pending at least once, then approve.
    REQUIRE(SignalWaiter::waitUntil([&] { return run.flow->pollCount() >= 1; }));
    const auto approved = SignInTestSupport::decide(run.fixture.sandboxUrl(), run.outcome.prompt->userCode);
    REQUIRE(approved.status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return run.outcome.finishedCount > 0; }));
    INFO(run.outcome.error.toLogString().toStdString());
    CHECK_FALSE(run.outcome.error.isError());
    CHECK_FALSE(run.outcome.response.accessToken.isEmpty());
    CHECK_FALSE(run.outcome.response.refreshToken.isEmpty());
    CHECK(run.outcome.response.preferredUsername == QStringLiteral("admin@contoso.onmicrosoft.com"));
    CHECK(run.outcome.response.tenantId.compare(run.authority->tenantId, Qt::CaseInsensitive) == 0);
    CHECK_FALSE(run.outcome.response.clientInfoUid.isEmpty());
    CHECK(run.outcome.response.homeAccountId().endsWith(run.authority->tenantId));
    CHECK(run.outcome.intervals.isEmpty());
    QCoreApplication::processEvents();
    CHECK(run.outcome.finishedCount == 1);
}

TEST_CASE("DeviceCodeFlow waits five more seconds after slow_down for the rest of the flow", "[integration][auth]")
{
    FlowOnSandbox run;
    DeviceCodeFlow::Timing timing;
    timing.intervalOverrideMs = 100; // poll far sooner than the sandbox's 1 s: it answers slow_down
    run.flow->setTiming(timing);
    run.flow->start();
    REQUIRE(SignalWaiter::waitUntil([&] { return !run.outcome.intervals.isEmpty() || run.outcome.finishedCount > 0; }));
    REQUIRE(run.outcome.intervals.size() == 1);
    // The sandbox's interval (1 s) plus the increment: the sandbox's own interval grew by the same 5 s.
    CHECK(run.outcome.intervals.first() == 6);
    CHECK(run.flow->intervalMs() == 6000);
    const int pollsAtSlowDown = run.flow->pollCount();

    // The next poll comes at the new pace and is accepted (pending, no second slow_down); then approve.
    REQUIRE(SignalWaiter::waitUntil([&] { return run.flow->pollCount() > pollsAtSlowDown; }));
    REQUIRE(SignInTestSupport::decide(run.fixture.sandboxUrl(), run.outcome.prompt->userCode).status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return run.outcome.finishedCount > 0; }));
    INFO(run.outcome.error.toLogString().toStdString());
    CHECK_FALSE(run.outcome.error.isError());
    CHECK(run.outcome.intervals.size() == 1);
    CHECK(run.flow->intervalMs() == 6000);
}

TEST_CASE("DeviceCodeFlow ends with Expired when nobody approves in time", "[integration][auth]")
{
    FlowOnSandbox run(2);
    run.flow->start();
    REQUIRE(SignalWaiter::waitUntil([&] { return run.outcome.finishedCount > 0; }));
    CHECK(run.outcome.error.kind == Kind::Expired);
    CHECK(run.outcome.error.userMessage.contains(QStringLiteral("again")));
    CHECK(run.outcome.response.accessToken.isEmpty());
}

TEST_CASE("DeviceCodeFlow ends with Declined when the person declines", "[integration][auth]")
{
    FlowOnSandbox run;
    run.startAndWaitForPrompt();
    REQUIRE(SignInTestSupport::decide(run.fixture.sandboxUrl(), run.outcome.prompt->userCode, true).status == 200);
    REQUIRE(SignalWaiter::waitUntil([&] { return run.outcome.finishedCount > 0; }));
    CHECK(run.outcome.error.kind == Kind::Declined);
    CHECK(run.outcome.error.code == QStringLiteral("authorization_declined"));
}

TEST_CASE("DeviceCodeFlow stops polling at once when cancelled", "[integration][auth]")
{
    FlowOnSandbox run;
    run.startAndWaitForPrompt();
    run.flow->cancel();
    CHECK(run.outcome.finishedCount == 1);
    CHECK(run.outcome.error.kind == Kind::Cancelled);
    const int polls = run.flow->pollCount();
    run.flow->cancel();
    // Longer than one interval (1 s): a poll that was still scheduled would have gone out by now.
    QTest::qWait(1300);
    CHECK(run.flow->pollCount() == polls);
    CHECK(run.outcome.finishedCount == 1);
}
