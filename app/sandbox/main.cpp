// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The standalone sandbox: parses the options, starts the server, prints what it serves, and runs until
// SIGINT or SIGTERM.
#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/World.h"
#include "core/sandbox/state/StateFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int kUsageExitCode = 2;
constexpr int kStartFailureExitCode = 1;

// Self-pipe: the signal handler only writes a byte; the event loop notices and quits cleanly.
int g_signalPipe[2] = {-1, -1};

void handleSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tenantbridge-sandbox"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Handlers before anything is printed or started: whoever reads our output may stop us as soon as a line
    // appears, and a signal during a long start (a generated tenant) then still ends in a clean exit.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        err << "tenantbridge-sandbox: cannot set up signal handling\n";
        return kStartFailureExitCode;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const auto bytesRead = ::read(g_signalPipe[0], &byte, 1);
        out << "Stopping.\n";
        out.flush();
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out << tbsandbox::SandboxOptions::usage();
        return 0;
    }
    QString problem;
    const std::optional<tbsandbox::SandboxOptions> options
        = tbsandbox::SandboxOptions::fromArguments(arguments, &problem);
    if (!options) {
        err << "tenantbridge-sandbox: " << problem << "\n\n" << tbsandbox::SandboxOptions::usage();
        return kUsageExitCode;
    }

    QElapsedTimer startup;
    startup.start();
    tbsandbox::SandboxServer server(*options);
    if (!server.start(&problem)) {
        err << "tenantbridge-sandbox: " << problem << "\n";
        return kStartFailureExitCode;
    }

    out << "Serving Microsoft Graph at " << server.baseUrl().toString() << " (started in " << startup.elapsed()
        << " ms)\n";
    for (const auto& tenant : server.world().tenants()) {
        out << QStringLiteral("  %1  id %2  domain %3  cloud %4  users %5")
                   .arg(tenant->displayName(), -16)
                   .arg(tenant->idText(), tenant->initialDomain(), tenant->cloud())
                   .arg(tenant->users().size())
            << "\n";
    }
    if (const tbsandbox::StateFile* state = server.stateFile()) {
        out << "State: " << QDir::toNativeSeparators(QFileInfo(state->path()).absoluteFilePath())
            << (state->wasLoaded() ? " (read at start" : " (started from the seeds")
            << "; saved after changes and at exit)\n";
    } else {
        out << "State: in memory only (--state FILE keeps it across restarts)\n";
    }
    out << "Sign in: " << server.baseUrl().toString() << "/{tenant}/v2.0/.well-known/openid-configuration, people "
        << "approve codes at " << server.baseUrl().toString() << "/devicelogin"
        << (options->autoApproveAfterMs >= 0 ? QStringLiteral(" (auto-approve as each tenant's admin after %1 ms)")
                                                   .arg(options->autoApproveAfterMs)
                                             : QString())
        << ".\nControl: " << server.baseUrl().toString() << "/_sandbox/tenants. Stop with Ctrl+C.\n";
    out.flush();

    return QCoreApplication::exec();
}
