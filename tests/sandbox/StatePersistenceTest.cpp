// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The state file through the real server: restarts, --reset, broken files, generated tenants, the options and
// the standalone executable.
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/World.h"
#include "core/sandbox/state/StateFile.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"
#include "tests/sandbox/StateTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

using namespace tb::test;
using tbsandbox::SandboxOptions;
using tbsandbox::SandboxServer;

namespace {

const QString kNorthwind = QStringLiteral("northwindgov.onmicrosoft.us");

std::unique_ptr<SandboxServer> startServer(const SandboxOptions& options)
{
    auto server = std::make_unique<SandboxServer>(options);
    QString error;
    const bool started = server->start(&error);
    INFO(error.toStdString());
    REQUIRE(started);
    return server;
}

// The seed user every test here changes, and its seed jobTitle.
tbsandbox::UserRecord& firstUser(SandboxServer& server, const QString& domain)
{
    return server.world().tenantByIdOrDomain(domain)->users().front();
}

QString jobTitle(SandboxServer& server, const QString& domain)
{
    tbsandbox::TenantState& tenant = *server.world().tenantByIdOrDomain(domain);
    return tbsandbox::UserSchema::value(tenant, tenant.users().front(), tbsandbox::UserProperty::JobTitle).toString();
}

void patchFirstUser(SandboxServer& server, const QString& domain, const QJsonObject& patch)
{
    tbsandbox::TenantState& tenant = *server.world().tenantByIdOrDomain(domain);
    REQUIRE_FALSE(tbsandbox::UserSchema::applyPatch(tenant, tenant.users().front(), patch));
    server.world().stateRegistry().markDirty();
}

QString sandboxExecutable()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/tenantbridge-sandbox");
}

} // namespace

TEST_CASE("A PATCH through Graph survives a restart, and --reset brings back the seed value", "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QString seedTitle;
    QString userId;
    {
        RunningSandbox sandbox(stateOptions(path));
        REQUIRE(sandbox.server.stateFile() != nullptr);
        CHECK_FALSE(sandbox.server.stateFile()->wasLoaded());
        REQUIRE(QFileInfo::exists(path)); // written at start
        seedTitle = jobTitle(sandbox.server, kContoso);
        userId = firstUser(sandbox.server, kContoso).id.toString(QUuid::WithoutBraces);
        const SandboxAnswer patch
            = sandbox.client.graph(kContoso, QByteArrayLiteral("PATCH"), QStringLiteral("/v1.0/users/") + userId, {},
                QByteArrayLiteral(R"({"jobTitle":"Keeper of the State","accountEnabled":false})"));
        REQUIRE(patch.status == 204);
        // The debounced save, not the one at shutdown: wait for the file to change.
        CHECK(SignalWaiter::waitUntil([&] { return readFile(path).contains("Keeper of the State"); }));
    }
    {
        const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path));
        CHECK(server->stateFile()->wasLoaded());
        CHECK(jobTitle(*server, kContoso) == QLatin1String("Keeper of the State"));
        CHECK_FALSE(firstUser(*server, kContoso).accountEnabled);
    }
    {
        const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path, true));
        CHECK_FALSE(server->stateFile()->wasLoaded());
        CHECK(jobTitle(*server, kContoso) == seedTitle);
        CHECK(firstUser(*server, kContoso).accountEnabled);
        CHECK_FALSE(readFile(path).contains("Keeper of the State")); // replaced at start
    }
    const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path));
    CHECK(jobTitle(*server, kContoso) == seedTitle);
}

TEST_CASE("Changes not yet saved are written when the server goes away", "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    {
        const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path));
        patchFirstUser(*server, kNorthwind, {{QStringLiteral("department"), QStringLiteral("Saved at stop")}});
        CHECK(server->stateFile()->isDirty());
    }
    CHECK(readFile(path).contains("Saved at stop"));
    const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path));
    tbsandbox::TenantState& tenant = *server->world().tenantByIdOrDomain(kNorthwind);
    CHECK(tbsandbox::UserSchema::value(tenant, tenant.users().front(), tbsandbox::UserProperty::Department)
        == QLatin1String("Saved at stop"));
}

TEST_CASE("A section registered with the server is saved and handed back after a restart", "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QJsonObject current {{QStringLiteral("jobs"), QJsonArray {QStringLiteral("first")}}};
    QJsonObject loaded;
    const auto registerJobs = [&](SandboxServer& server) {
        QString error;
        REQUIRE(
            server.world().stateRegistry().registerSection({QStringLiteral("syncJobs"), [&current] { return current; },
                                                               [&loaded](const QJsonObject& saved, QString*) {
                                                                   loaded = saved;
                                                                   return true;
                                                               }},
                &error));
    };
    {
        SandboxServer server(stateOptions(path));
        registerJobs(server);
        QString error;
        REQUIRE(server.start(&error));
        CHECK(loaded.isEmpty()); // nothing saved yet
        current
            = QJsonObject {{QStringLiteral("jobs"), QJsonArray {QStringLiteral("first"), QStringLiteral("second")}}};
        server.world().stateRegistry().markDirty();
        CHECK(SignalWaiter::waitUntil([&] { return readFile(path).contains("second"); }));
    }
    SandboxServer server(stateOptions(path));
    registerJobs(server);
    QString error;
    REQUIRE(server.start(&error));
    CHECK(loaded
        == QJsonObject {{QStringLiteral("jobs"), QJsonArray {QStringLiteral("first"), QStringLiteral("second")}}});
}

TEST_CASE(
    "A broken, foreign or newer state file stops the start with a sentence and is left untouched", "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    startServer(stateOptions(path)).reset();
    const QByteArray valid = readFile(path);
    QJsonObject newer = QJsonDocument::fromJson(valid).object();
    newer.insert(QStringLiteral("version"), 2);
    QJsonObject foreign = QJsonDocument::fromJson(valid).object();
    foreign.insert(QStringLiteral("format"), QStringLiteral("someone-elses-state"));
    QJsonObject badTenant = QJsonDocument::fromJson(valid).object();
    QJsonArray tenants = badTenant.value(QLatin1String("tenants")).toArray();
    QJsonObject first = tenants.first().toObject();
    first.insert(QStringLiteral("tenant"), QJsonObject {{QStringLiteral("displayName"), QStringLiteral("No id")}});
    tenants.replace(0, first);
    badTenant.insert(QStringLiteral("tenants"), tenants);

    struct Case
    {
        const char* name;
        QByteArray bytes;
        const char* expected;
    };
    const QList<Case> cases = {
        {"truncated", valid.left(valid.size() / 2), "not valid JSON"},
        {"empty", QByteArray(), "not valid JSON"},
        {"an array", QByteArrayLiteral("[]"), "not an object"},
        {"foreign format", QJsonDocument(foreign).toJson(), "someone-elses-state"},
        {"newer version", QJsonDocument(newer).toJson(), "newer TenantBridge (state version 2"},
        {"tenant without id", QJsonDocument(badTenant).toJson(), "Tenant 1 in it needs"},
    };
    for (const Case& broken : cases) {
        INFO(broken.name);
        writeFile(path, broken.bytes);
        const QDateTime modified = QFileInfo(path).lastModified();
        QString error;
        {
            SandboxServer server(stateOptions(path));
            CHECK_FALSE(server.start(&error));
            CHECK_FALSE(server.isListening());
            server.world().stateRegistry().markDirty(); // nothing may save over it, not even at the end
        }
        INFO(error.toStdString());
        CHECK(error.contains(QDir::toNativeSeparators(path)));
        CHECK(error.contains(QLatin1String(broken.expected)));
        CHECK(error.contains(QLatin1String("--reset")));
        CHECK(error.contains(QLatin1String("move the file away")));
        CHECK(readFile(path) == broken.bytes);
        CHECK(QFileInfo(path).lastModified() == modified);
    }

    // --reset is the way out.
    const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path, true));
    CHECK(server->world().tenants().size() == 4);
    CHECK(QJsonDocument::fromJson(readFile(path)).object().value(QLatin1String("version")).toInt() == 1);
}

TEST_CASE("A generated tenant is added to a state file once and then kept as saved", "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    SandboxOptions options = stateOptions(path);
    options.loadSeeds = false;
    options.generatedTenants.append({QStringLiteral("small"), 50});
    const QString domain = QStringLiteral("small.onmicrosoft.com");
    {
        const std::unique_ptr<SandboxServer> server = startServer(options);
        REQUIRE(server->world().tenants().size() == 1);
        patchFirstUser(*server, domain, {{QStringLiteral("jobTitle"), QStringLiteral("Changed generated user")}});
    }
    {
        const std::unique_ptr<SandboxServer> server = startServer(options);
        REQUIRE(server->world().tenants().size() == 1);
        CHECK(server->world().tenantByIdOrDomain(domain)->users().size() == 50);
        CHECK(jobTitle(*server, domain) == QLatin1String("Changed generated user"));
    }
    // A tenant asked for later joins the saved ones.
    options.generatedTenants.append({QStringLiteral("later"), 7});
    {
        const std::unique_ptr<SandboxServer> server = startServer(options);
        CHECK(server->world().tenants().size() == 2);
        CHECK(jobTitle(*server, domain) == QLatin1String("Changed generated user"));
    }
    const std::unique_ptr<SandboxServer> server = startServer(stateOptions(path));
    CHECK(server->world().tenants().size() == 2);
    CHECK(server->world().tenantByIdOrDomain(QStringLiteral("later.onmicrosoft.com"))->users().size() == 7);
}

TEST_CASE("The standalone server takes a state file and a reset option, and refuses a reset alone", "[sandbox][state]")
{
    QString error;
    const std::optional<SandboxOptions> options = SandboxOptions::fromArguments(
        {QStringLiteral("--state"), QStringLiteral("/tmp/state.json"), QStringLiteral("--reset")}, &error);
    REQUIRE(options);
    CHECK(options->stateFile == QLatin1String("/tmp/state.json"));
    CHECK(options->resetState);
    const std::optional<SandboxOptions> inline_
        = SandboxOptions::fromArguments({QStringLiteral("--state=s.json")}, &error);
    REQUIRE(inline_);
    CHECK(inline_->stateFile == QLatin1String("s.json"));
    CHECK_FALSE(inline_->resetState);
    CHECK(SandboxOptions::fromArguments({}, &error)->stateFile.isEmpty());

    CHECK_FALSE(SandboxOptions::fromArguments({QStringLiteral("--reset")}, &error));
    CHECK(error.contains(QLatin1String("--state")));
    CHECK_FALSE(SandboxOptions::fromArguments({QStringLiteral("--state")}, &error));
    CHECK(SandboxOptions::usage().contains(QLatin1String("--state FILE")));
    CHECK(SandboxOptions::usage().contains(QLatin1String("--reset")));
}

TEST_CASE("The standalone server says where its state lives and refuses a broken state file", "[sandbox][state]")
{
    if (!QFile::exists(sandboxExecutable())) {
        WARN("tenantbridge-sandbox is not built next to the tests; skipping");
        return;
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("standalone.json"));
    const auto run = [&](const QStringList& extra) {
        QProcess process;
        process.start(sandboxExecutable(), QStringList {QStringLiteral("--port"), QStringLiteral("0")} + extra);
        REQUIRE(process.waitForStarted(10000));
        QByteArray output;
        const bool printed = SignalWaiter::waitUntil([&] {
            output += process.readAllStandardOutput();
            return output.contains("Stop with Ctrl+C") || process.state() == QProcess::NotRunning;
        });
        process.terminate();
        REQUIRE(process.waitForFinished(10000));
        CHECK(printed);
        return output + process.readAllStandardOutput();
    };
    const QByteArray first = run({QStringLiteral("--state"), path});
    CHECK(first.contains(QStringLiteral("State: %1 (started from the seeds").arg(path).toUtf8()));
    REQUIRE(QFileInfo::exists(path));
    CHECK(QFileInfo(path).permissions()
        == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    const QByteArray second = run({QStringLiteral("--state"), path});
    CHECK(second.contains(QStringLiteral("State: %1 (read at start").arg(path).toUtf8()));
    CHECK(run({}).contains("State: in memory only"));

    writeFile(path, "{\"format\":");
    QProcess process;
    process.start(
        sandboxExecutable(), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--state"), path});
    REQUIRE(process.waitForFinished(30000));
    CHECK(process.exitCode() == 1);
    const QByteArray error = process.readAllStandardError();
    CHECK(error.contains(path.toUtf8()));
    CHECK(error.contains("--reset"));
    CHECK(readFile(path) == "{\"format\":");
}
