// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sign-in sessions in the real Secret Service (gnome-keyring inside dbus-run-session, .ci/test-session): a session
// signed in against the in-process sandbox survives into a second SignInService through KeychainSecretStore, and
// sign-out removes it. Without any keychain (a child process whose session bus points nowhere, as in
// KeychainNoBackendTest) the service keeps the session in memory only and says so.
#include "core/SystemClock.h"
#include "core/auth/KeychainSecretStore.h"
#include "core/auth/SignInService.h"
#include "core/auth/TokenCache.h"
#include "core/sandbox/SandboxOptions.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SecretStoreWait.h"
#include "tests/support/SignalWaiter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

using namespace tb::auth;
using tb::model::TenantRole;
using tb::test::SandboxFixture;
using tb::test::SecretStoreWait;
using tb::test::SignalWaiter;
using namespace std::chrono_literals;

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");

tbsandbox::SandboxOptions sandboxOptions()
{
    tbsandbox::SandboxOptions options;
    options.autoApproveAfterMs = 0; // the sandbox approves as the tenant's admin: no test route needed
    options.deviceCodeIntervalSeconds = 1;
    return options;
}

AuthSettings settingsFor(const QUrl& sandboxUrl)
{
    AuthSettings settings;
    settings.loginHost = sandboxUrl;
    settings.profile = QStringLiteral("keychain-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return settings;
}

void restore(SignInService& service)
{
    QSignalSpy restored(&service, &SignInService::restored);
    service.restore();
    REQUIRE(SignalWaiter::waitForCount(restored));
}

std::optional<Account> signIn(SignInService& service, TenantRole role)
{
    std::optional<Account> account;
    std::optional<AuthError> failure;
    QObject context;
    QObject::connect(
        &service, &SignInService::signedIn, &context, [&](TenantRole, const Account& signedIn) { account = signedIn; });
    QObject::connect(
        &service, &SignInService::signInFailed, &context, [&](TenantRole, const AuthError& error) { failure = error; });
    service.signIn(role, kContoso);
    REQUIRE(SignalWaiter::waitUntil([&] { return account.has_value() || failure.has_value(); }));
    if (failure) {
        FAIL_CHECK(failure->toLogString().toStdString());
    }
    return account;
}

TokenResult token(AccessTokenSource& source, TenantRole role)
{
    TokenRequest request;
    request.role = role;
    request.scopes = SignInService::defaultScopes();
    std::optional<TokenResult> result;
    QObject context;
    source.requestToken(request, &context, [&](const TokenResult& answer) { result = answer; });
    REQUIRE(SignalWaiter::waitUntil([&] { return result.has_value(); }));
    return *result;
}

} // namespace

TEST_CASE("TokenCache keeps a session in the Secret Service across services and forgets it on sign-out", "[keychain]")
{
    SandboxFixture fixture(sandboxOptions());
    REQUIRE(fixture.isReady());
    const AuthSettings settings = settingsFor(fixture.sandboxUrl());
    KeychainSecretStore store(QStringLiteral("tb-keychain-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    tb::SystemClock clock;
    const QString key = TokenCache::storageKey(settings.profile, TenantRole::Source);

    QString storedBefore;
    {
        SignInService first(fixture.network(), store, clock, settings);
        restore(first);
        CHECK_FALSE(first.isMemoryOnly());
        CHECK(first.storageWarning().isEmpty());
        CHECK(first.state(TenantRole::Source) == SignInService::State::SignedOut);
        REQUIRE(signIn(first, TenantRole::Source).has_value());
        REQUIRE(SignalWaiter::waitUntil([&] { return !SecretStoreWait::read(store, key).error.isError(); }));
        const auto stored = SecretStoreWait::read(store, key);
        const QJsonObject json = QJsonDocument::fromJson(stored.value).object();
        storedBefore = json.value(QStringLiteral("refreshToken")).toString();
        CHECK_FALSE(storedBefore.isEmpty());
        CHECK(json.value(QStringLiteral("account")).toObject().value(QStringLiteral("username")).toString()
            == QStringLiteral("admin@contoso.onmicrosoft.com"));
    }

    SignInService second(fixture.network(), store, clock, settings);
    restore(second);
    CHECK_FALSE(second.isMemoryOnly());
    CHECK(second.state(TenantRole::Source) == SignInService::State::SignedIn);
    REQUIRE(second.account(TenantRole::Source).has_value());
    const TokenResult result = token(second.tokens(), TenantRole::Source);
    INFO(result.errorMessage.toStdString());
    CHECK(result.isValid());
    // The refresh rotated the token and the keychain holds the new one.
    REQUIRE(SignalWaiter::waitUntil([&] {
        const auto now = SecretStoreWait::read(store, key);
        const QString rt = QJsonDocument::fromJson(now.value).object().value(QStringLiteral("refreshToken")).toString();
        return !rt.isEmpty() && rt != storedBefore;
    }));

    QSignalSpy signedOut(&second, &SignInService::signedOut);
    second.signOut(TenantRole::Source);
    REQUIRE(SignalWaiter::waitForCount(signedOut));
    CHECK(SecretStoreWait::read(store, key).error.kind() == SecretStoreError::Kind::NotFound);
}

// Runs only in the child started below (hidden tag): no session bus, so no keychain.
TEST_CASE("SignInService child without a keychain", "[.tokencache-memory-only-child]")
{
    SandboxFixture fixture(sandboxOptions());
    REQUIRE(fixture.isReady());
    KeychainSecretStore store(QStringLiteral("tb-keychain-test-memory-only"));
    store.setJobTimeout(5000ms);
    store.setRetryDelay(100ms);
    tb::SystemClock clock;
    SignInService service(fixture.network(), store, clock, settingsFor(fixture.sandboxUrl()));
    QSignalSpy modeChanged(&service, &SignInService::storageModeChanged);
    restore(service);
    CHECK(service.isMemoryOnly());
    CHECK(modeChanged.count() == 1);
    CHECK(service.storageWarning().contains(QStringLiteral("memory only")));
    CHECK(service.state(TenantRole::Source) == SignInService::State::SignedOut);
    REQUIRE(signIn(service, TenantRole::Source).has_value());
    CHECK(service.state(TenantRole::Source) == SignInService::State::SignedIn);
    CHECK(token(service.tokens(), TenantRole::Source).isValid());
    CHECK(&service.tokenCache().secretStore() != static_cast<SecretStore*>(&store));
    std::printf("MEMORYONLY signed-in | %s\n", qPrintable(service.storageWarning()));
    std::fflush(stdout);
}

TEST_CASE("SignInService keeps the session in memory only when no keychain answers", "[keychain]")
{
    QTemporaryDir runtimeDir;
    REQUIRE(runtimeDir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + runtimeDir.filePath(QStringLiteral("no-such-bus")));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[tokencache-memory-only-child]")});
    REQUIRE(child.waitForStarted());
    REQUIRE(child.waitForFinished(120000));
    const QString out = QString::fromLocal8Bit(child.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(child.readAllStandardError());
    INFO("child stdout:\n" << out.toStdString() << "\nchild stderr:\n" << err.toStdString());
    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    CHECK(out.contains(QStringLiteral("MEMORYONLY signed-in | No keychain is available")));
}
