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

#include <QPointer>
#include <QTimer>

namespace tbsandbox {

struct SandboxServer::Private
{
    explicit Private(SandboxOptions sandboxOptions)
        : options(std::move(sandboxOptions))
        , router(world, faults, log, clock)
        , control(world, faults, log)
    { }

    SandboxOptions options;
    MonotonicEpochClock clock; // before the router and the server, which read it
    World world;
    FaultPlan faults;
    RequestLog log;
    GraphRouter router;
    ControlController control;
    std::unique_ptr<HttpServer> http;
    QUrl baseUrl;
};

SandboxServer::SandboxServer(SandboxOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{ }

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(QString* errorMessage)
{
    QString ignored;
    QString& error = errorMessage ? *errorMessage : ignored;
    if (d->http) {
        error = QStringLiteral("The sandbox is already started.");
        return false;
    }
    if (d->options.loadSeeds) {
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
            if (path == QLatin1String("/_sandbox") || path.startsWith(QLatin1String("/_sandbox/"))) {
                connection->send(d->control.handle(request));
                return;
            }
            const HttpResponse response = d->router.handle(request);
            const int latencyMs = d->faults.latencyMs();
            if (latencyMs <= 0) {
                connection->send(response);
                return;
            }
            // Latency without blocking: other connections keep being served meanwhile.
            // A precise timer: a coarse one may fire up to 5 % early, and the latency is a promise to tests.
            QTimer::singleShot(
                latencyMs, Qt::PreciseTimer, connection, [connection, response] { connection->send(response); });
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
    d->http = std::move(http);
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

RequestLog& SandboxServer::requestLog()
{
    return d->log;
}

} // namespace tbsandbox
