// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/SandboxServer.h"

#include "core/sandbox/ControlController.h"
#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/MonotonicEpochClock.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SeedLoader.h"
#include "core/sandbox/TenantGenerator.h"
#include "core/sandbox/World.h"
#include "core/sandbox/graph/GraphRouter.h"
#include "core/sandbox/http/HttpConnection.h"
#include "core/sandbox/http/HttpServer.h"
#include "core/sandbox/login/LoginControl.h"
#include "core/sandbox/login/LoginRouter.h"
#include "core/sandbox/login/LoginState.h"
#include "core/sandbox/state/CrossTenantSection.h"
#include "core/sandbox/state/StateFile.h"
#include "core/sandbox/sync/ProvisioningService.h"

#include <QPointer>
#include <QTimer>

namespace tbsandbox {

struct SandboxServer::Private
{
    explicit Private(SandboxOptions sandboxOptions)
        : options(std::move(sandboxOptions))
        , router(world, faults, log, clock, login)
        , control(world, faults, log)
        , loginRouter(world, login, options, clock)
        , loginControl(world, login)
        , provisioning(world, options)
    { }

    SandboxOptions options;
    MonotonicEpochClock clock; // before the router and the server, which read it
    World world;
    FaultPlan faults;
    RequestLog log;
    LoginState login; // before the routers, which use it
    GraphRouter router;
    ControlController control;
    LoginRouter loginRouter;
    LoginControl loginControl;
    ProvisioningService provisioning; // runs the CTS jobs' cycles on its clock
    std::unique_ptr<StateFile> state; // null: in memory only
    std::unique_ptr<HttpServer> http;
    QUrl baseUrl;
};

SandboxServer::SandboxServer(SandboxOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{ }

SandboxServer::~SandboxServer()
{
    // Only a started server saves: one that failed to start may have met a file it could not read.
    if (d->state && d->http) {
        QString error;
        if (!d->state->saveIfDirty(&error)) {
            qWarning("%s", qUtf8Printable(error));
        }
    }
}

bool SandboxServer::start(QString* errorMessage)
{
    QString ignored;
    QString& error = errorMessage ? *errorMessage : ignored;
    if (d->http) {
        error = QStringLiteral("The sandbox is already started.");
        return false;
    }
    // The login host's signing key, device codes, refresh tokens and consents: the state file's "login" section.
    if (!d->world.stateRegistry().hasSection(QStringLiteral("login"))
        && !d->world.stateRegistry().registerSection(
            {QStringLiteral("login"), [this] { return d->login.toJson(); },
                [this](const QJsonObject& saved, QString* problem) { return d->login.fromJson(saved, problem); }},
            &error)) {
        return false;
    }
    // Cross-tenant access policies and CTS configurations of every tenant: the "crossTenant" section.
    if (!d->world.stateRegistry().hasSection(CrossTenantSection::kName)
        && !d->world.stateRegistry().registerSection(
            {CrossTenantSection::kName, [this] { return CrossTenantSection::save(d->world); },
                [this](const QJsonObject& saved, QString* problem) {
                    return CrossTenantSection::load(d->world, saved, problem);
                }},
            &error)) {
        return false;
    }
    d->router.setOptions(&d->options);
    d->router.setProvisioning(&d->provisioning);
    // A state file, unless a reset is asked for, replaces the seeds: it holds them as they were changed.
    bool fromStateFile = false;
    if (!d->options.stateFile.isEmpty()) {
        d->state = std::make_unique<StateFile>(d->options.stateFile, d->world);
        d->state->watch();
        fromStateFile = !d->options.resetState && d->state->exists();
        if (!fromStateFile) {
            d->world.stateRegistry().markDirty();
        }
    }
    if (fromStateFile) {
        if (!d->state->load(&error)) {
            d->state.reset(); // never to be saved over
            return false;
        }
    } else if (d->options.loadSeeds) {
        const bool loaded = d->options.seedDirectory.isEmpty()
            ? SeedLoader::loadCompiledSeeds(d->world, &error)
            : SeedLoader::loadDirectory(d->options.seedDirectory, d->world, &error);
        if (!loaded) {
            return false;
        }
    }
    for (const GeneratedTenantSpec& spec : std::as_const(d->options.generatedTenants)) {
        if (spec.userCount < 1 || spec.userCount > TenantGenerator::kMaxUsers || spec.name.isEmpty()) {
            error
                = QStringLiteral("A generated tenant needs a name and 1 to %1 users.").arg(TenantGenerator::kMaxUsers);
            return false;
        }
        // A generated tenant the state file holds stays as saved, changes included (TenantGenerator's domain).
        if (fromStateFile && d->world.tenantByIdOrDomain(spec.name.toLower() + QStringLiteral(".onmicrosoft.com"))) {
            continue;
        }
        d->world.stateRegistry().markDirty();
        if (!d->world.addTenant(TenantGenerator::generate(spec.name, spec.userCount), &error)) {
            return false;
        }
    }
    if (!d->faults.load(d->options.faultPlan, &error)) {
        error = QStringLiteral("The fault plan is not valid: %1").arg(error);
        return false;
    }
    auto http = std::make_unique<HttpServer>(
        [this](HttpConnection* connection, const HttpRequest& request) {
            const QString path = request.path();
            if (LoginRouter::serves(path)) {
                connection->send(d->loginRouter.handle(request));
                return;
            }
            if (path == QLatin1String("/_sandbox") || path.startsWith(QLatin1String("/_sandbox/"))) {
                connection->send(d->control.handle(request));
                return;
            }
            const HttpResponse response = d->router.handle(request);
            // A hold delays the answer of a request already handled: the tenant has changed, the client not heard.
            const int delayMs = d->faults.latencyMs() + d->faults.takeHoldMs(QString::fromLatin1(request.method), path);
            if (delayMs <= 0) {
                connection->send(response);
                return;
            }
            // Latency without blocking: other connections keep being served meanwhile.
            // A precise timer: a coarse one may fire up to 5 % early, and the latency is a promise to tests.
            QTimer::singleShot(
                delayMs, Qt::PreciseTimer, connection, [connection, response] { connection->send(response); });
        },
        d->clock, d->options.idleTimeoutMs, this);
    if (!d->options.tlsCertificateFile.isEmpty()
        && !http->configureTls(d->options.tlsCertificateFile, d->options.tlsKeyFile, &error)) {
        return false;
    }
    if (!http->listen(QHostAddress::LocalHost, d->options.port)) {
        error = QStringLiteral("Cannot listen on 127.0.0.1:%1: %2. Pick another --port or 0 for any free port.")
                    .arg(d->options.port)
                    .arg(http->errorString());
        return false;
    }
    d->baseUrl = QUrl(QStringLiteral("%1://127.0.0.1:%2")
                          .arg(http->isTls() ? QStringLiteral("https") : QStringLiteral("http"))
                          .arg(http->serverPort()));
    d->router.setBaseUrl(d->baseUrl);
    d->loginRouter.setBaseUrl(d->baseUrl);
    d->loginRouter.setTimerContext(this);
    if (d->options.testRoutes) {
        d->control.setLoginControl(&d->loginControl);
        d->control.setProvisioning(&d->provisioning);
    }
    // A new or reset file is written now, so a file that cannot be written fails the start, not a later save.
    if (d->state && !d->state->saveIfDirty(&error)) {
        return false;
    }
    d->http = std::move(http);
    d->provisioning.startClock();
    return true;
}

bool SandboxServer::isListening() const
{
    return d->http && d->http->isListening();
}

quint16 SandboxServer::port() const
{
    return d->http ? d->http->serverPort() : 0;
}

QUrl SandboxServer::baseUrl() const
{
    return d->baseUrl;
}

World& SandboxServer::world()
{
    return d->world;
}

FaultPlan& SandboxServer::faultPlan()
{
    return d->faults;
}

ProvisioningService& SandboxServer::provisioning()
{
    return d->provisioning;
}

RequestLog& SandboxServer::requestLog()
{
    return d->log;
}

LoginState& SandboxServer::login()
{
    return d->login;
}

StateFile* SandboxServer::stateFile()
{
    return d->state.get();
}

} // namespace tbsandbox
