// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// KeychainSecretStore without any keychain: the test binary runs itself as a child process with the session
// bus pointing at a socket that does not exist (or unset) and no display, so D-Bus can neither connect nor
// autolaunch (auth-reference.md 3.3). The child checks the store's answers; the parent checks that the child
// really ran them, and in time.
#include "core/auth/KeychainSecretStore.h"
#include "tests/support/SignalWaiter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

using tb::auth::KeychainSecretStore;
using tb::auth::SecretStoreError;
using Kind = tb::auth::SecretStoreError::Kind;
using namespace std::chrono_literals;

namespace {

constexpr auto kChildJobTimeout = 5000ms;
constexpr auto kChildRetryDelay = 100ms;

void report(const char* operation, const SecretStoreError& error)
{
    std::printf("NOBACKEND %s %s | %s | %s\n", operation, qPrintable(SecretStoreError::kindName(error.kind())),
        qPrintable(error.message()), qPrintable(error.detail()));
    std::fflush(stdout);
}

} // namespace

// Runs only in the child started below (hidden tag).
TEST_CASE("KeychainSecretStore child without a session bus", "[.keychain-nobackend-child]")
{
    KeychainSecretStore store(QStringLiteral("tb-keychain-test-nobackend"));
    store.setJobTimeout(kChildJobTimeout);
    store.setRetryDelay(kChildRetryDelay);
    QObject context;

    std::optional<SecretStoreError> probed;
    store.probe(&context, [&](const SecretStoreError& error) { probed = error; });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return probed.has_value(); }));
    report("probe", *probed);
    CHECK(probed->kind() == Kind::NoBackend);
    CHECK_FALSE(probed->message().isEmpty());

    std::optional<SecretStoreError> readError;
    store.read(QStringLiteral("some/key"), &context,
        [&](const SecretStoreError& error, const QByteArray&) { readError = error; });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return readError.has_value(); }));
    report("read", *readError);
    CHECK(readError->kind() == Kind::NoBackend);

    std::optional<SecretStoreError> writeError;
    store.write(QStringLiteral("some/key"), QByteArrayLiteral("v"), &context,
        [&](const SecretStoreError& error) { writeError = error; });
    REQUIRE(tb::test::SignalWaiter::waitUntil([&] { return writeError.has_value(); }));
    report("write", *writeError);
    CHECK(writeError->kind() == Kind::NoBackend);
}

TEST_CASE("KeychainSecretStore reports NoBackend when no session bus is reachable", "[keychain]")
{
    QTemporaryDir runtimeDir;
    REQUIRE(runtimeDir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    // An empty runtime dir: GDBus would otherwise fall back to $XDG_RUNTIME_DIR/bus.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tb.auth.info=true"));

    SECTION("bus address names a socket that does not exist")
    {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=") + runtimeDir.filePath(QStringLiteral("no-such-bus")));
    }
    SECTION("no bus address at all (autolaunch needs X11)")
    {
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    }

    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer elapsed;
    elapsed.start();
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[keychain-nobackend-child]")});
    REQUIRE(child.waitForStarted());
    REQUIRE(child.waitForFinished(60000));
    const qint64 ms = elapsed.elapsed();
    const QString out = QString::fromLocal8Bit(child.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(child.readAllStandardError());
    INFO("child stdout:\n" << out.toStdString() << "\nchild stderr:\n" << err.toStdString());

    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    // Each operation answered NoBackend with a sentence for a person (not merely: the child exited 0).
    for (const char* operation : {"probe", "read", "write"}) {
        CHECK(out.contains(
            QStringLiteral("NOBACKEND %1 no_backend | No system keyring is reachable").arg(QLatin1String(operation))));
    }
    // The single retry happened, and nothing waited for the job timeout: a missing bus is known at once.
    CHECK(err.contains(QStringLiteral("retrying once")));
    CHECK(ms < std::chrono::milliseconds(kChildJobTimeout).count());
}
