// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A locked keyring (issue 9). The test binary runs itself as a child inside a session bus of its own
// (dbus-run-session) with a fresh gnome-keyring, so that locking its login collection cannot disturb the keychain
// tests running in parallel on the shared bus of .ci/test-session. The child saves a session while the keyring is
// open, locks it over D-Bus as a desktop's "Lock" does, and checks: the store answers Locked with advice (no prompter
// can be shown, so no answer may wait for one), a new SignInService keeps sign-ins in memory and says the keyring is
// locked and what to do, sign-in still works for the session, the CLI prints the same sentence, and, once unlocked,
// the saved session is there byte for byte. The parent checks that the child ran all of it.
#include "core/SystemClock.h"
#include "core/auth/KeychainSecretStore.h"
#include "core/auth/SignInService.h"
#include "core/auth/TokenCache.h"
#include "core/sandbox/SandboxOptions.h"
#include "tests/keychain/LoginKeyring.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SecretStoreWait.h"
#include "tests/support/SignalWaiter.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

using namespace tb::auth;
using tb::model::TenantRole;
using tb::test::LoginKeyring;
using tb::test::SandboxFixture;
using tb::test::SecretStoreWait;
using tb::test::SignalWaiter;
using namespace std::chrono_literals;

namespace {

const QString kContoso = QStringLiteral("contoso.onmicrosoft.com");
const QString kKeyringPassword = QStringLiteral("tenantbridge-locked-test");

// The child's steps, printed so that the parent can tell a child that ran them from one that stopped early.
void report(const char* step, const QString& text = {})
{
    std::printf("LOCKED %s | %s\n", step, qPrintable(text));
    std::fflush(stdout);
}

tbsandbox::SandboxOptions sandboxOptions()
{
    tbsandbox::SandboxOptions options;
    options.autoApproveAfterMs = 0;
    options.deviceCodeIntervalSeconds = 1;
    return options;
}

void restore(SignInService& service)
{
    QSignalSpy restored(&service, &SignInService::restored);
    service.restore();
    REQUIRE(SignalWaiter::waitForCount(restored));
}

bool signIn(SignInService& service)
{
    std::optional<bool> succeeded;
    QObject context;
    QObject::connect(
        &service, &SignInService::signedIn, &context, [&](TenantRole, const Account&) { succeeded = true; });
    QObject::connect(&service, &SignInService::signInFailed, &context, [&](TenantRole, const AuthError& error) {
        UNSCOPED_INFO(error.toLogString().toStdString());
        succeeded = false;
    });
    service.signIn(TenantRole::Source, kContoso);
    REQUIRE(SignalWaiter::waitUntil([&] { return succeeded.has_value(); }));
    return *succeeded;
}

bool hasToken(SignInService& service)
{
    TokenRequest request;
    request.role = TenantRole::Source;
    request.scopes = SignInService::defaultScopes();
    std::optional<TokenResult> result;
    QObject context;
    service.tokens().requestToken(request, &context, [&](const TokenResult& answer) { result = answer; });
    REQUIRE(SignalWaiter::waitUntil([&] { return result.has_value(); }));
    return result->isValid();
}

} // namespace

// Runs only in the child started below (hidden tag), on a bus whose keyring it may lock.
TEST_CASE("SignInService child with a keyring that gets locked", "[.keychain-locked-child]")
{
    SandboxFixture fixture(sandboxOptions());
    REQUIRE(fixture.isReady());
    KeychainSecretStore store(QStringLiteral("tb-keychain-test-locked"));
    store.setJobTimeout(20000ms); // a safety net only: a locked keyring must answer at once
    store.setRetryDelay(100ms);
    tb::SystemClock clock;
    AuthSettings settings;
    settings.loginHost = fixture.sandboxUrl();
    settings.profile = QStringLiteral("locked-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString key = TokenCache::storageKey(settings.profile, TenantRole::Source);

    // A session saved while the keyring is open.
    {
        SignInService first(fixture.network(), store, clock, settings);
        restore(first);
        REQUIRE_FALSE(first.isMemoryOnly());
        REQUIRE(signIn(first));
        REQUIRE(SignalWaiter::waitUntil([&] { return !SecretStoreWait::read(store, key).error.isError(); }));
    }
    const QByteArray saved = SecretStoreWait::read(store, key).value;
    REQUIRE_FALSE(saved.isEmpty());
    report("saved");

    const QString locked = LoginKeyring::lock();
    INFO(locked.toStdString());
    REQUIRE(locked.isEmpty());
    report("keyring-locked");

    // The store answers Locked, with advice, to a write and to the probe.
    const SecretStoreError writeError
        = SecretStoreWait::write(store, QStringLiteral("tb-test/locked/other"), QByteArrayLiteral("x"));
    report("write", SecretStoreError::kindName(writeError.kind()) + QStringLiteral(" | ") + writeError.message());
    CHECK(writeError.kind() == SecretStoreError::Kind::Locked);
    CHECK(writeError.message().contains(QStringLiteral("Unlock your keyring")));
    std::optional<SecretStoreError> probed;
    QObject context;
    store.probe(&context, [&](const SecretStoreError& error) { probed = error; });
    REQUIRE(SignalWaiter::waitUntil([&] { return probed.has_value(); }));
    report("probe", SecretStoreError::kindName(probed->kind()));
    CHECK(probed->kind() == SecretStoreError::Kind::Locked);
    // libsecret answers a read of a locked collection as "not found" (auth-reference.md 3.3): no value, and nothing
    // changed. That is why SignInService decides with the probe (a write), never with a read.
    const SecretStoreWait::ReadOutcome readWhileLocked = SecretStoreWait::read(store, key);
    report("read", readWhileLocked.value.isEmpty() ? QStringLiteral("no-value") : QStringLiteral("VALUE"));
    CHECK(readWhileLocked.value.isEmpty());
    CHECK((readWhileLocked.error.kind() == SecretStoreError::Kind::NotFound
        || readWhileLocked.error.kind() == SecretStoreError::Kind::Locked));

    // A new session: memory only, and it says why and what to do; signing in still works for this session.
    SignInService second(fixture.network(), store, clock, settings);
    restore(second);
    CHECK(second.isMemoryOnly());
    CHECK(second.storageWarning().startsWith(
        QStringLiteral("The system keyring is locked, so sign-ins are kept in memory only")));
    CHECK(second.storageWarning().contains(QStringLiteral("Unlock your keyring")));
    CHECK(&second.tokenCache().secretStore() != static_cast<SecretStore*>(&store));
    REQUIRE(signIn(second));
    CHECK(hasToken(second));
    report("memory-only-signed-in", second.storageWarning());

    // The CLI says the same on stderr.
    QProcess cli;
    cli.start(QStringLiteral(TB_BINARY_DIR "/tenantbridge-cli"), {QStringLiteral("whoami")});
    REQUIRE(cli.waitForFinished(120000));
    const QString cliErr = QString::fromLocal8Bit(cli.readAllStandardError());
    INFO("cli stderr: " << cliErr.toStdString());
    CHECK(cliErr.contains(QStringLiteral("keyring is locked")));
    report("cli", cliErr.simplified());

    // Nothing saved was lost: unlocked again, the keyring gives back the session as it was saved.
    const QString unlocked = LoginKeyring::unlock(kKeyringPassword);
    INFO(unlocked.toStdString());
    REQUIRE(unlocked.isEmpty());
    const SecretStoreWait::ReadOutcome after = SecretStoreWait::read(store, key);
    CHECK_FALSE(after.error.isError());
    CHECK(after.value == saved);
    report("unlocked-intact", after.value == saved ? QStringLiteral("same") : QStringLiteral("DIFFERENT"));
    static_cast<void>(SecretStoreWait::remove(store, key));
}

TEST_CASE("A locked keyring keeps sign-ins in memory, says how to unlock it, and loses nothing", "[keychain]")
{
    const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    INFO("the keychain tier needs dbus-run-session and gnome-keyring-daemon (.ci/install-deps)");
    REQUIRE_FALSE(dbusRunSession.isEmpty());
    REQUIRE_FALSE(keyringDaemon.isEmpty());

    // As .ci/test-session does, on a bus and in a HOME of the child's own; both go away with dbus-run-session.
    const QString script = QStringLiteral(R"(set -u
HOME=$(mktemp -d); export HOME
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$HOME/.runtime"; mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
printf '%s' "$TB_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
gnome-keyring-daemon --start --components=secrets >/dev/null
"$TB_TEST_BINARY" "[keychain-locked-child]"; rc=$?
rm -rf "$HOME"; exit $rc)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TB_KEYRING_PASSWORD"), kKeyringPassword);
    env.insert(QStringLiteral("TB_TEST_BINARY"), QCoreApplication::applicationFilePath());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(dbusRunSession, {QStringLiteral("--"), QStringLiteral("bash"), QStringLiteral("-c"), script});
    REQUIRE(child.waitForStarted());
    REQUIRE(child.waitForFinished(240000));
    const QString out = QString::fromLocal8Bit(child.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(child.readAllStandardError());
    INFO("child stdout:\n" << out.toStdString() << "\nchild stderr:\n" << err.toStdString());
    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    for (const char* step : {"LOCKED saved", "LOCKED keyring-locked", "LOCKED write | locked", "LOCKED probe | locked",
             "LOCKED read | no-value", "LOCKED memory-only-signed-in", "LOCKED cli", "LOCKED unlocked-intact | same"}) {
        CHECK(out.contains(QLatin1String(step)));
    }
}
