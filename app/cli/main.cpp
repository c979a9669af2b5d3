// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// tenantbridge-cli: the core without widgets, for scripts. Parses the command line, starts the in-process
// sandbox when no tenant is configured (and says so on stderr), runs one command. Wiring only.
#include "app/cli/CliCommand.h"
#include "app/cli/CliOutput.h"
#include "app/cli/ExitCode.h"
#include "app/cli/commands/ApplyCommand.h"
#include "app/cli/commands/CleanupCommand.h"
#include "app/cli/commands/ImpactCommand.h"
#include "app/cli/commands/JobCommand.h"
#include "app/cli/commands/LoginCommand.h"
#include "app/cli/commands/LogoutCommand.h"
#include "app/cli/commands/LogsCommand.h"
#include "app/cli/commands/PlanCommand.h"
#include "app/cli/commands/PreflightCommand.h"
#include "app/cli/commands/PreviewCommand.h"
#include "app/cli/commands/RolloutCommand.h"
#include "app/cli/commands/SchemaCommand.h"
#include "app/cli/commands/StatusCommand.h"
#include "app/cli/commands/TenantsCommand.h"
#include "app/cli/commands/TestSyncCommand.h"
#include "app/cli/commands/TraceCommand.h"
#include "app/cli/commands/UsersCommand.h"
#include "app/cli/commands/WhoamiCommand.h"
#include "app/common/CoreDumps.h"
#include "app/common/LaunchOptions.h"
#include "core/Workspace.h"
#include "core/sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <memory>

namespace {

using tb::cli::ExitCode;

constexpr int kKeychainGraceMs = 10000;

struct GlobalOptions
{
    QCommandLineOption json {QStringLiteral("json"), QStringLiteral("Print JSON for scripts instead of a table.")};
    QCommandLineOption verbose {QStringLiteral("verbose"),
        QStringLiteral("Log each Graph and sign-in call (method, path, status, request id) on stderr.")};
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
    QCommandLineOption version {QStringLiteral("version"), QStringLiteral("Show the version.")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOption(json);
        parser.addOption(verbose);
        parser.addOption(help);
        parser.addOption(version);
    }
};

QString findCommandName(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (tb::app::LaunchOptions::valueOptionNames().contains(argument)) {
            ++i;
            continue;
        }
        if (!argument.startsWith(QLatin1Char('-'))) {
            return argument;
        }
    }
    return {};
}

std::unique_ptr<tb::cli::CliCommand> makeCommand(const QString& name, tb::cli::CliOutput& output)
{
    if (name == QStringLiteral("login")) {
        return std::make_unique<tb::cli::LoginCommand>(output);
    }
    if (name == QStringLiteral("logout")) {
        return std::make_unique<tb::cli::LogoutCommand>(output);
    }
    if (name == QStringLiteral("whoami")) {
        return std::make_unique<tb::cli::WhoamiCommand>(output);
    }
    if (name == QStringLiteral("tenants")) {
        return std::make_unique<tb::cli::TenantsCommand>(output);
    }
    if (name == QStringLiteral("users")) {
        return std::make_unique<tb::cli::UsersCommand>(output);
    }
    if (name == QStringLiteral("status")) {
        return std::make_unique<tb::cli::StatusCommand>(output);
    }
    if (name == QStringLiteral("preflight")) {
        return std::make_unique<tb::cli::PreflightCommand>(output);
    }
    if (name == QStringLiteral("plan")) {
        return std::make_unique<tb::cli::PlanCommand>(output);
    }
    if (name == QStringLiteral("apply")) {
        return std::make_unique<tb::cli::ApplyCommand>(output);
    }
    if (name == QStringLiteral("job")) {
        return std::make_unique<tb::cli::JobCommand>(output);
    }
    if (name == QStringLiteral("test-sync")) {
        return std::make_unique<tb::cli::TestSyncCommand>(output);
    }
    if (name == QStringLiteral("preview")) {
        return std::make_unique<tb::cli::PreviewCommand>(output);
    }
    if (name == QStringLiteral("impact")) {
        return std::make_unique<tb::cli::ImpactCommand>(output);
    }
    if (name == QStringLiteral("schema")) {
        return std::make_unique<tb::cli::SchemaCommand>(output);
    }
    if (name == QStringLiteral("cleanup")) {
        return std::make_unique<tb::cli::CleanupCommand>(output);
    }
    if (name == QStringLiteral("rollout")) {
        return std::make_unique<tb::cli::RolloutCommand>(output);
    }
    if (name == QStringLiteral("trace")) {
        return std::make_unique<tb::cli::TraceCommand>(output);
    }
    if (name == QStringLiteral("logs")) {
        return std::make_unique<tb::cli::LogsCommand>(output);
    }
    return nullptr;
}

QString generalHelp()
{
    return QStringLiteral(
        "Usage: tenantbridge-cli [--json] [--profile NAME] [--verbose]\n"
        "                        [--sandbox URL | --cloud NAME | --login-host URL --graph-host URL] [--client-id ID]\n"
        "                        COMMAND [options]\n"
        "\n"
        "Without --sandbox, --cloud or hosts, a sandbox with sample tenants runs in this process; its sign-in page\n"
        "approves each code as the tenant's admin after a few seconds.\n"
        "\n"
        "Commands:\n"
        "  login     Sign in with a code in a browser: --role source|target --tenant ID-OR-DOMAIN [--read-only]\n"
        "  logout    Sign out and forget the saved session: [--role source|target]\n"
        "  whoami    Who is signed in to each role, and whether a token still comes silently.\n"
        "  tenants   List the signed-in tenants with their domain, cloud and number of users.\n"
        "  users     List a tenant's users: --tenant NAME [--search TEXT] [--group NAME] [--limit N]\n"
        "  status    How both tenants are set up for cross-tenant sync today: [--name TEXT]\n"
        "  preflight Check whether the pair can be set up, and audit the target's partners: [--name TEXT]\n"
        "  plan      The steps that would set up the pair, sending nothing: [--show-requests] [SETTINGS]\n"
        "  apply     Preflight, plan, confirm and apply: [--yes] [SETTINGS]\n"
        "  job       The pair's synchronization job: status | start | pause | restart [--reset-scope LIST] [--yes]\n"
        "  test-sync Sync a few test users for real and compare with their preview: --users FILE | --user UPN ... |\n"
        "            --group NAME_OR_ID [--require ATTR,...] [--yes] (exit 3: some differ, 4: some failed)\n"
        "  preview   What sync would do to some users, writing nothing: --users FILE | --user UPN | --group NAME\n"
        "  schema    The job's schema as JSON, to edit a copy: get [--output FILE]\n"
        "  impact    Which users an edited schema would create, update or soft-delete: --schema FILE\n"
        "  cleanup   What sync created in the target: list | remove-assignments [--yes] (the service then\n"
        "            soft-deletes the users it provisioned)\n"
        "  rollout   Roll out in stages that pause themselves: plan --stage NAME=GROUP[,GROUP...]... | run [--yes]\n"
        "            [--threshold PCT] | status | pause | undo STAGE [--yes] (exit 3: the stage paused itself)\n"
        "  trace     Why a source user is or is not synced, and the fix: trace USER (exit 3: something blocks)\n"
        "  logs      The job's provisioning logs, kept offline: fetch | query [FILTERS] [--group-by-error] |\n"
        "            export --output FILE [--format csv|json] [FILTERS] | import FILE | sets | timeline USER\n"
        "\n"
        "SETTINGS (plan, apply): --no-user-sync --no-inbound-auto-redeem --no-outbound-auto-redeem --no-job\n"
        "                        --name TEXT (the configuration's name; default \"<source> to <target>\")\n"
        "\n"
        "'tenantbridge-cli COMMAND --help' shows a command's options.\n"
        "Exit codes: 0 success, 2 bad usage, 3 nothing matched or a check failed (a blocking preflight), 4 service\n"
        "error (a failed step), 5 local error.\n");
}

} // namespace

int main(int argc, char* argv[])
{
    // Before any token is in memory: a crash must not write them to a core file.
    tb::app::CoreDumps::disable();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TenantBridge"));
    QCoreApplication::setApplicationName(QStringLiteral("TenantBridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TB_VERSION_STRING));

    const QStringList arguments = QCoreApplication::arguments();
    const GlobalOptions global;
    tb::app::LaunchOptions launch;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    global.addTo(parser);
    launch.addTo(parser);

    tb::cli::CliOutput output(arguments.contains(QStringLiteral("--json")));
    const QString commandName = findCommandName(arguments);
    std::unique_ptr<tb::cli::CliCommand> command = makeCommand(commandName, output);
    if (command) {
        command->addOptions(parser);
        parser.addPositionalArgument(command->name(), command->summary());
    }
    if (!parser.parse(arguments)) {
        output.printError(parser.errorText() + QStringLiteral(" (see --help)"));
        return static_cast<int>(ExitCode::Usage);
    }
    if (parser.isSet(global.verbose)) {
        QLoggingCategory::setFilterRules(QStringLiteral("tb.*.info=true"));
    } else {
        // Each command says in its own words what failed and what to do; the per-call lines (an expected 404
        // while a new configuration propagates, a retried 503) are diagnostics for --verbose.
        QLoggingCategory::setFilterRules(QStringLiteral("tb.graph.warning=false\ntb.logs.warning=false"));
    }
    if (parser.isSet(global.version)) {
        QTextStream(stdout) << "tenantbridge-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (parser.isSet(global.help) || commandName.isEmpty()) {
        QTextStream(commandName.isEmpty() && !parser.isSet(global.help) ? stderr : stdout)
            << (command ? parser.helpText() : generalHelp());
        return parser.isSet(global.help) ? 0 : static_cast<int>(ExitCode::Usage);
    }
    if (!command) {
        output.printError(QStringLiteral("unknown command \"%1\".").arg(commandName));
        QTextStream(stderr) << generalHelp();
        return static_cast<int>(ExitCode::Usage);
    }
    if (parser.positionalArguments().size() > 1 + command->positionalCount()) {
        output.printError(QStringLiteral("unexpected argument \"%1\" (see '%2 --help').")
                              .arg(parser.positionalArguments().at(1 + command->positionalCount()), command->name()));
        return static_cast<int>(ExitCode::Usage);
    }
    if (const QString problem = command->readOptions(parser); !problem.isEmpty()) {
        output.printError(problem);
        return static_cast<int>(ExitCode::Usage);
    }

    if (const auto problem = launch.read(parser)) {
        output.printError(*problem);
        return static_cast<int>(ExitCode::Usage);
    }
    QString sandboxError;
    if (!launch.startSandboxIfNeeded(&sandboxError)) {
        output.printError(sandboxError);
        return static_cast<int>(ExitCode::LocalError);
    }
    if (launch.builtInSandbox()) {
        output.printNote(
            QStringLiteral("tenantbridge-cli: no --sandbox or --cloud given; using the built-in sandbox at %1.")
                .arg(launch.builtInSandbox()->baseUrl().toDisplayString()));
    }

    tb::Workspace running(launch.workspaceOptions());
    int exitCode = 0;
    QObject::connect(command.get(), &tb::cli::CliCommand::finished, &app, [&exitCode](ExitCode code) {
        exitCode = static_cast<int>(code);
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&running, &tb::Workspace::ready, command.get(), [&command, &running] { command->start(running); });
    QObject::connect(&running, &tb::Workspace::failed, &app, [&output, &exitCode](const QString& message) {
        output.printError(message);
        exitCode = static_cast<int>(ExitCode::ServiceError);
        QCoreApplication::exit(exitCode);
    });
    running.start(); // ready() or failed() come from the event loop, so exit() below is never lost
    QCoreApplication::exec();
    // A new refresh token or a sign-out is only kept once the keychain has answered.
    running.finishPendingWrites(kKeychainGraceMs);
    return exitCode;
}
