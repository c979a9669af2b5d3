// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/CleanupCommand.h"

#include "app/cli/CliConfirmation.h"
#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "core/Workspace.h"
#include "core/model/CtsConfiguration.h"
#include "core/store/Journal.h"
#include "core/sync/CleanupPlanner.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QUuid>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace tb::cli {

namespace {

using sync::CleanupListing;
using sync::CleanupPlanner;

const QString kList = QStringLiteral("list");
const QString kRemove = QStringLiteral("remove-assignments");

} // namespace

CleanupCommand::CleanupCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_yesOption(QStringLiteral("yes"), QStringLiteral("remove-assignments: do not ask for confirmation."))
{ }

CleanupCommand::~CleanupCommand() = default;

QString CleanupCommand::name() const
{
    return QStringLiteral("cleanup");
}

QString CleanupCommand::summary() const
{
    return QStringLiteral(
        "list: what sync created in the target | remove-assignments: let the service deprovision it.");
}

void CleanupCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_yesOption);
}

QString CleanupCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    m_action = positional.size() > 1 ? positional.at(1) : QString();
    if (m_action != kList && m_action != kRemove) {
        return tr("cleanup takes one action: list | remove-assignments [--yes].");
    }
    m_yes = parser.isSet(m_yesOption);
    if (m_action == kRemove && !m_yes && !CliConfirmation::inputIsTerminal()) {
        return tr("cleanup remove-assignments asks before it removes anything, and standard input is not a terminal; "
                  "pass --yes to remove without asking.");
    }
    return {};
}

void CleanupCommand::run()
{
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_sourceTenantId = pair->source.id;
    m_planner = new CleanupPlanner(*pair->sourceClient, *pair->targetClient, this);
    connect(m_planner, &CleanupPlanner::failed, this, [this](const QString& message) {
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    connect(m_planner, &CleanupPlanner::listed, this, &CleanupCommand::listed);
    const QString sourceName = pair->source.readableName();
    pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName,
        [this, sourceName](const model::CtsConfiguration& configuration) {
            m_servicePrincipalId = configuration.servicePrincipalId;
            (void)m_planner->list(m_servicePrincipalId, configuration.jobId, sourceName);
        },
        [this](ExitCode code) { finish(code); },
        tr("there is no cross-tenant synchronization configuration with a job for this pair, "
           "so there is nothing it created to list."));
}

void CleanupCommand::listed(const CleanupListing& listing)
{
    if (m_action == kList) {
        printListing(listing);
        finish(ExitCode::Success);
        return;
    }
    if (listing.assignments.isEmpty()) {
        m_output.printLine(tr("The configuration has no assignments; nothing to remove."));
        finish(ExitCode::Success);
        return;
    }
    const QString warning
        = CleanupPlanner::removalWarning(static_cast<int>(listing.assignments.size()), listing.provenCount());
    if (!m_yes) {
        if (!CliConfirmation::ask(warning
                + tr("\nRemove %1 assignment(s), so that %2 user(s) are soft-deleted in the target? [y/N] ")
                      .arg(listing.assignments.size())
                      .arg(listing.provenCount()))) {
            m_output.printError(tr("nothing was removed."));
            finish(ExitCode::CheckFailed);
            return;
        }
    } else if (!m_output.isJson()) {
        m_output.printNote(warning);
    }
    m_journal = std::make_unique<store::Journal>(workspace().database());
    const QString runId = QStringLiteral("cleanup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    connect(m_planner, &CleanupPlanner::assignmentsRemoved, this,
        [this, listing](const CleanupPlanner::RemovalResult& result) {
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("runId"), result.runId},
                    {QStringLiteral("assignments"), listing.assignments.size()},
                    {QStringLiteral("removed"), result.removed}, {QStringLiteral("batches"), result.batches},
                    {QStringLiteral("failures"), QJsonArray::fromStringList(result.failures)},
                    {QStringLiteral("usersToBeDeleted"), listing.provenCount()}}));
            } else {
                m_output.printLine(tr("Removed %1 of %2 assignment(s) in %3 batch(es) (journal run %4). The next cycle "
                                      "soft-deletes the users the configuration provisioned; keep the target's inbound "
                                      "sync allowed until it has.")
                                       .arg(result.removed)
                                       .arg(listing.assignments.size())
                                       .arg(result.batches)
                                       .arg(result.runId));
                for (const QString& failure : result.failures) {
                    m_output.printError(tr("not removed: %1").arg(failure));
                }
            }
            finish(result.failures.isEmpty() ? ExitCode::Success : ExitCode::ServiceError);
        });
    if (!m_planner->removeAssignments(m_servicePrincipalId, listing.assignments, *m_journal, runId, m_sourceTenantId)) {
        m_output.printError(tr("the removal could not be started."));
        finish(ExitCode::LocalError);
    }
}

void CleanupCommand::printListing(const CleanupListing& listing)
{
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(listing.toJson()));
        return;
    }
    m_output.printLine(tr("%1 user(s) in the target that this configuration created or took over (from its "
                          "provisioning logs); %2 B2B user(s) from the source's domains not proven to be from it; "
                          "%3 assignment(s).")
                           .arg(listing.provenCount())
                           .arg(listing.count(CleanupListing::Origin::SourceDomain))
                           .arg(listing.assignments.size()));
    QList<QStringList> rows;
    for (const CleanupListing::TargetUser& user : listing.users) {
        const QString last = user.lastActivity.isValid() ? user.lastAction + QLatin1Char(' ')
                + QLocale::c().toString(user.lastActivity.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                                         : QString();
        rows.append({user.userPrincipalName.isEmpty() ? user.targetUserId : user.userPrincipalName, user.displayName,
            user.userType, user.gone ? tr("gone") : user.label, last});
    }
    m_output.printTable({tr("Target user"), tr("Name"), tr("Type"), tr("Origin"), tr("Last sync")}, rows);
    for (const QString& problem : listing.problems) {
        m_output.printNote(problem);
    }
}

} // namespace tb::cli
