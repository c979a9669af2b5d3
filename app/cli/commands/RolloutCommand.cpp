// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/RolloutCommand.h"

#include "app/cli/CliConfirmation.h"
#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutRunner.h"
#include "core/sync/RolloutStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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

using sync::RolloutPlan;
using sync::RolloutStage;

const QStringList kActions {QStringLiteral("plan"), QStringLiteral("run"), QStringLiteral("status"),
    QStringLiteral("pause"), QStringLiteral("undo")};

bool looksLikeId(const QString& text)
{
    return !QUuid::fromString(text).isNull();
}

QString estimateText(const sync::RolloutEstimate& estimate)
{
    return estimate.known ? QString::number(estimate.users) : QStringLiteral("?");
}

} // namespace

RolloutCommand::RolloutCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_stageOption(QStringLiteral("stage"),
          QStringLiteral("plan: a stage, in order: its name and the groups (display names or ids) it assigns. "
                         "Repeat for each stage."),
          QStringLiteral("NAME=GROUP[,GROUP...]"))
    , m_thresholdOption(QStringLiteral("threshold"),
          QStringLiteral("plan, run: pause when more than PCT percent of a stage's processed users fail (and at least "
                         "3 do); default 10."),
          QStringLiteral("PCT"))
    , m_yesOption(QStringLiteral("yes"),
          QStringLiteral("run, undo: go ahead without asking (needed when not run from "
                         "a terminal)."))
{ }

RolloutCommand::~RolloutCommand() = default;

QString RolloutCommand::name() const
{
    return QStringLiteral("rollout");
}

QString RolloutCommand::summary() const
{
    return QStringLiteral("plan | run | status | pause | undo STAGE: roll the configuration out in stages.");
}

int RolloutCommand::positionalCount() const
{
    return 2;
}

void RolloutCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_stageOption);
    parser.addOption(m_thresholdOption);
    parser.addOption(m_yesOption);
}

QString RolloutCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        return tr("rollout needs what to do: %1.").arg(kActions.join(QStringLiteral(", ")));
    }
    m_action = positional.at(1).toLower();
    if (!kActions.contains(m_action)) {
        return tr("rollout does not know \"%1\"; use one of %2.")
            .arg(positional.at(1), kActions.join(QStringLiteral(", ")));
    }
    m_yes = parser.isSet(m_yesOption);
    if (m_action == QStringLiteral("plan")) {
        for (const QString& value : parser.values(m_stageOption)) {
            const qsizetype equals = value.indexOf(QLatin1Char('='));
            const QString stageName = value.left(equals).trimmed();
            QStringList groups;
            for (const QString& group : value.mid(equals + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                groups.append(group.trimmed());
            }
            if (equals <= 0 || stageName.isEmpty() || groups.isEmpty()) {
                return tr("--stage wants NAME=GROUP[,GROUP...], not \"%1\".").arg(value);
            }
            m_stages.append({stageName, groups});
        }
        if (m_stages.isEmpty()) {
            return tr("rollout plan needs at least one --stage NAME=GROUP[,GROUP...].");
        }
    } else if (parser.isSet(m_stageOption)) {
        return tr("--stage goes with plan only.");
    }
    if (parser.isSet(m_thresholdOption)) {
        bool ok = false;
        const double percent = parser.value(m_thresholdOption).toDouble(&ok);
        if (!ok || percent < 0.0 || percent > 100.0) {
            return tr("--threshold wants a percentage from 0 to 100.");
        }
        m_threshold = percent / 100.0;
    }
    if (m_action == QStringLiteral("undo")) {
        if (positional.size() < 3) {
            return tr("rollout undo needs the stage's name or number.");
        }
        m_undoStage = positional.at(2);
    } else if (positional.size() > 2) {
        return tr("rollout %1 takes no further argument (\"%2\").").arg(m_action, positional.at(2));
    }
    if ((m_action == QStringLiteral("run") || m_action == QStringLiteral("undo")) && !m_yes
        && !CliConfirmation::inputIsTerminal()) {
        return tr("rollout %1 asks before it changes the configuration, and standard input is not a terminal; pass "
                  "--yes to go ahead without asking.")
            .arg(m_action);
    }
    return {};
}

void RolloutCommand::run()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_journal = std::make_unique<store::Journal>(workspace().database());
    m_store = std::make_unique<sync::RolloutStore>(workspace().database());
    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) { withConfiguration(configuration); },
        [this](ExitCode code) { finish(code); },
        tr("%1 has no cross-tenant synchronization configuration with a job; run 'apply' first.").arg(m_pair->title()));
}

std::optional<RolloutPlan> RolloutCommand::loadPlan(const QString& servicePrincipalId)
{
    const auto loaded = m_store->latest(servicePrincipalId);
    if (std::holds_alternative<store::StoreError>(loaded)) {
        m_output.printError(std::get<store::StoreError>(loaded).detail());
        finish(ExitCode::LocalError);
        return std::nullopt;
    }
    const auto& plan = std::get<std::optional<RolloutPlan>>(loaded);
    if (!plan) {
        m_output.printError(tr("There is no rollout for this configuration yet; make one with 'rollout plan'."));
        finish(ExitCode::CheckFailed);
    }
    return plan;
}

void RolloutCommand::withConfiguration(const model::CtsConfiguration& configuration)
{
    if (m_action == QStringLiteral("plan")) {
        plan(configuration);
        return;
    }
    m_plan = loadPlan(configuration.servicePrincipalId);
    if (!m_plan) {
        return;
    }
    if (m_plan->jobId != configuration.jobId) {
        m_plan->jobId = configuration.jobId; // a job made again keeps the rollout going
    }
    if (m_action == QStringLiteral("status")) {
        printPlan(*m_plan);
        finish(ExitCode::Success);
    } else if (m_action == QStringLiteral("run")) {
        runStage();
    } else if (m_action == QStringLiteral("pause")) {
        pause();
    } else {
        undo();
    }
}

void RolloutCommand::plan(const model::CtsConfiguration& configuration)
{
    RolloutPlan plan;
    plan.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    plan.createdAt = QDateTime::currentDateTimeUtc();
    plan.sourceTenantId = m_pair->source.id;
    plan.targetTenantId = m_pair->target.id;
    plan.servicePrincipalId = configuration.servicePrincipalId;
    plan.jobId = configuration.jobId;
    if (m_threshold) {
        plan.settings.errorRateThreshold = *m_threshold;
    }
    for (const auto& [stageName, groups] : std::as_const(m_stages)) {
        RolloutStage stage;
        stage.name = stageName;
        plan.stages.append(stage);
    }
    resolveNextGroup(plan, 0, 0);
}

void RolloutCommand::resolveNextGroup(RolloutPlan plan, int stage, int group)
{
    if (stage >= m_stages.size()) {
        estimateAndSave(plan);
        return;
    }
    const QStringList& groups = m_stages.at(stage).second;
    if (group >= groups.size()) {
        resolveNextGroup(plan, stage + 1, 0);
        return;
    }
    const QString wanted = groups.at(group);
    graph::DirectoryEndpoints endpoints(*m_pair->sourceClient);
    if (looksLikeId(wanted)) {
        graph::GraphRequest request
            = graph::GraphRequest::get(QStringLiteral("/groups/") + graph::GraphRequest::pathSegment(wanted));
        request.setPathTemplate(QStringLiteral("/groups/{id}"));
        request.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,displayName"));
        m_pair->sourceClient->send(request, this, [this, plan, stage, group, wanted](const graph::GraphResponse& r) {
            if (!r.isSuccess()) {
                m_output.printError(
                    tr("No group %1 in %2: %3").arg(wanted, m_pair->source.readableName(), r.error().userMessage()));
                finish(r.httpStatus() == 404 ? ExitCode::CheckFailed : ExitCode::ServiceError);
                return;
            }
            RolloutPlan next = plan;
            next.stages[stage].principals.append({r.json().value(QLatin1String("id")).toString(),
                sync::RolloutPrincipal::Type::Group, r.json().value(QLatin1String("displayName")).toString()});
            resolveNextGroup(next, stage, group + 1);
        });
        return;
    }
    auto found = std::make_shared<QList<model::DirectoryGroup>>();
    graph::PageReader* reader = endpoints.listGroups(wanted, this);
    connect(reader, &graph::PageReader::pageReceived, this,
        [found](const QJsonArray& page) { found->append(graph::DirectoryEndpoints::parseGroups(page)); });
    connect(reader, &graph::PageReader::finished, this,
        [this, plan, stage, group, wanted, found](const graph::PageReadResult& result) {
            if (!result.isComplete()) {
                m_output.printError(result.error.userMessage());
                finish(ExitCode::ServiceError);
                return;
            }
            if (found->size() != 1) {
                m_output.printError(found->isEmpty()
                        ? tr("No group is called \"%1\" in %2.").arg(wanted, m_pair->source.readableName())
                        : tr("%1 groups are called \"%2\"; name it by its id.").arg(found->size()).arg(wanted));
                finish(ExitCode::CheckFailed);
                return;
            }
            RolloutPlan next = plan;
            next.stages[stage].principals.append(
                {found->first().id, sync::RolloutPrincipal::Type::Group, found->first().displayName});
            resolveNextGroup(next, stage, group + 1);
        });
    reader->start();
}

void RolloutCommand::estimateAndSave(const RolloutPlan& plan)
{
    auto* estimator = new sync::RolloutEstimator(*m_pair->sourceClient, *m_pair->targetClient, this);
    connect(estimator, &sync::RolloutEstimator::finished, this,
        [this, estimator](const RolloutPlan& estimated, bool succeeded, const QString& problem) {
            estimator->deleteLater();
            if (!succeeded) {
                m_output.printError(problem);
                finish(ExitCode::ServiceError);
                return;
            }
            if (const auto error = m_store->save(estimated)) {
                m_output.printError(error->detail());
                finish(ExitCode::LocalError);
                return;
            }
            printPlan(estimated);
            if (!m_output.isJson()) {
                m_output.printNote(tr("Saved. 'rollout run' assigns the first stage."));
            }
            finish(ExitCode::Success);
        });
    estimator->start(plan);
}

sync::RolloutRunner* RolloutCommand::makeRunner()
{
    auto* runner = new sync::RolloutRunner(*m_pair->sourceClient, *m_pair->targetClient, *m_journal, *m_store, this);
    runner->open(*m_plan);
    connect(runner, &sync::RolloutRunner::actionFailed, this, [this](const QString& message) {
        m_output.printError(message);
        finish(ExitCode::CheckFailed);
    });
    return runner;
}

void RolloutCommand::runStage()
{
    if (m_threshold) {
        m_plan->settings.errorRateThreshold = *m_threshold;
    }
    const int index = m_plan->nextStage();
    if (index < 0) {
        m_output.printError(tr("Every stage of this rollout has run."));
        finish(ExitCode::CheckFailed);
        return;
    }
    const RolloutStage& stage = m_plan->stages.at(index);
    if (!m_yes && stage.state == RolloutStage::State::Planned) {
        const QString question
            = tr("Assign stage %1 \"%2\" (%3 group(s)): about %4 user(s), %5 of them new in %6 (each counts toward "
                 "its External ID monthly active users), %7 without Entra ID P1? [y/N] ")
                  .arg(index + 1)
                  .arg(stage.name)
                  .arg(stage.principals.size())
                  .arg(estimateText(stage.estimate))
                  .arg(stage.estimate.newInTarget)
                  .arg(m_pair->target.readableName())
                  .arg(stage.estimate.withoutP1);
        if (!CliConfirmation::ask(question)) {
            m_output.printNote(tr("Nothing was sent."));
            finish(ExitCode::Success);
            return;
        }
    }
    const bool paused = stage.state == RolloutStage::State::Paused;
    if (paused && !m_yes
        && !CliConfirmation::ask(tr("Stage %1 \"%2\" is paused (%3). Start the job again and go on watching it? [y/N] ")
                                     .arg(index + 1)
                                     .arg(stage.name, stage.message))) {
        m_output.printNote(tr("Nothing was sent."));
        finish(ExitCode::Success);
        return;
    }
    if (stage.waitsForSignIn && !m_output.isJson()) {
        m_output.printNote(
            tr("Stage %1 \"%2\" stopped for a sign-in; it goes on where it stopped.").arg(index + 1).arg(stage.name));
    }
    m_runner = makeRunner();
    connect(m_runner, &sync::RolloutRunner::signInRequired, this, [this](int stageIndex, const QString& message) {
        stoppedForSignIn(stageIndex, message, QStringLiteral("rollout run"));
    });
    connect(m_runner, &sync::RolloutRunner::assignmentProgress, this, [this](int, int done, int total) {
        if (!m_output.isJson()) {
            m_output.printNote(tr("assigned %1 of %2").arg(done).arg(total));
        }
    });
    connect(m_runner, &sync::RolloutRunner::progressChanged, this, [this](int, const sync::RolloutProgress& progress) {
        if (!m_output.isJson()) {
            m_output.printNote(tr("processed %1 of %2 user(s), %3 failed")
                                   .arg(progress.processed)
                                   .arg(progress.expected)
                                   .arg(progress.failed));
        }
    });
    connect(m_runner, &sync::RolloutRunner::stageFinished, this,
        [this](int stageIndex, RolloutStage::State state, const QString& message) {
            const RolloutPlan& plan = m_runner->plan();
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(plan.toJson()));
            } else {
                m_output.printLine(
                    tr("Stage %1 \"%2\": %3").arg(stageIndex + 1).arg(plan.stages.at(stageIndex).name, message));
                printFailures(plan.stages.at(stageIndex));
            }
            if (state == RolloutStage::State::Paused) {
                // Wait for the job's pause to be answered before the process ends.
                connect(m_runner, &sync::RolloutRunner::jobCommandFinished, this,
                    [this] { finish(ExitCode::CheckFailed); });
                return;
            }
            finish(state == RolloutStage::State::Done ? ExitCode::Success : ExitCode::ServiceError);
        });
    if (paused) {
        m_runner->resume();
    } else {
        m_runner->runNextStage();
    }
}

void RolloutCommand::pause()
{
    m_runner = makeRunner();
    connect(m_runner, &sync::RolloutRunner::jobCommandFinished, this,
        [this](sync::JobMonitor::Command, bool succeeded, const QString& message) {
            if (!succeeded) {
                m_output.printError(message);
                finish(ExitCode::ServiceError);
                return;
            }
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(m_runner->plan().toJson()));
            } else {
                m_output.printLine(tr("The job and the stage are paused; 'rollout run' does not go on until it is "
                                      "resumed."));
            }
            finish(ExitCode::Success);
        });
    m_runner->pause();
}

void RolloutCommand::undo()
{
    bool isNumber = false;
    const int number = m_undoStage.toInt(&isNumber);
    const int index = isNumber ? number - 1 : m_plan->stageIndex(m_undoStage);
    if (index < 0 || index >= m_plan->stages.size()) {
        m_output.printError(tr("The rollout has no stage \"%1\".").arg(m_undoStage));
        finish(ExitCode::Usage);
        return;
    }
    m_runner = makeRunner();
    const QString warning = m_runner->undoWarning(index);
    if (!m_output.isJson()) {
        m_output.printLine(warning);
    }
    if (!m_yes
        && !CliConfirmation::ask(
            tr("Undo stage %1 \"%2\"? [y/N] ").arg(index + 1).arg(m_plan->stages.at(index).name))) {
        m_output.printNote(tr("Nothing was sent."));
        finish(ExitCode::Success);
        return;
    }
    connect(m_runner, &sync::RolloutRunner::stageFinished, this,
        [this](int stageIndex, RolloutStage::State, const QString& message) {
            if (m_output.isJson()) {
                m_output.printJson(QJsonDocument(m_runner->plan().toJson()));
            } else {
                m_output.printLine(tr("Stage %1: %2").arg(stageIndex + 1).arg(message));
            }
            finish(ExitCode::Success);
        });
    connect(
        m_runner, &sync::RolloutRunner::signInRequired, this, [this, index](int stageIndex, const QString& message) {
            stoppedForSignIn(stageIndex, message, QStringLiteral("rollout undo %1 --yes").arg(index + 1));
        });
    m_runner->undo(index);
}

QString RolloutCommand::loginHint() const
{
    QStringList commands;
    for (const model::TenantRole role : {model::TenantRole::Source, model::TenantRole::Target}) {
        if (workspace().signIn().state(role) != auth::SignInService::State::SignInRequired) {
            continue;
        }
        const model::Tenant& tenant = role == model::TenantRole::Source ? m_pair->source : m_pair->target;
        commands.append(
            QStringLiteral("'tenantbridge-cli login --role %1 --tenant %2'")
                .arg(model::tenantRoleName(role), tenant.initialDomain.isEmpty() ? tenant.id : tenant.initialDomain));
    }
    return commands.isEmpty() ? QStringLiteral("'tenantbridge-cli login --role ROLE --tenant ID-OR-DOMAIN'")
                              : commands.join(QStringLiteral(" and "));
}

void RolloutCommand::stoppedForSignIn(int stage, const QString& message, const QString& again)
{
    const RolloutPlan& plan = m_runner->plan();
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(plan.toJson()));
    } else {
        m_output.printLine(tr("Stage %1 \"%2\": %3").arg(stage + 1).arg(plan.stages.value(stage).name, message));
    }
    m_output.printError(
        tr("Sign in again with %1, then run 'tenantbridge-cli %2' to go on where it stopped.").arg(loginHint(), again));
    finish(ExitCode::ServiceError);
}

void RolloutCommand::printPlan(const RolloutPlan& plan) const
{
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(plan.toJson()));
        return;
    }
    m_output.printLine(tr("Rollout %1 into %2: %3 (pauses above %4% failures, at least %5)")
                           .arg(plan.id, m_pair->target.readableName(), plan.stateSummary())
                           .arg(plan.settings.errorRateThreshold * 100.0, 0, 'f', 1)
                           .arg(plan.settings.minimumFailures));
    QList<QStringList> rows;
    for (int i = 0; i < plan.stages.size(); ++i) {
        const RolloutStage& stage = plan.stages.at(i);
        QStringList names;
        for (const sync::RolloutPrincipal& principal : stage.principals) {
            names.append(principal.displayName.isEmpty() ? principal.id : principal.displayName);
        }
        const bool watched = stage.state != RolloutStage::State::Planned;
        rows.append({QString::number(i + 1), stage.name, names.join(QStringLiteral(", ")),
            stage.waitsForSignIn ? tr("%1, stopped: sign in again").arg(RolloutStage::stateName(stage.state))
                                 : RolloutStage::stateName(stage.state),
            estimateText(stage.estimate),
            stage.estimate.known ? QString::number(stage.estimate.newInTarget) : QStringLiteral("?"),
            stage.estimate.known ? QString::number(stage.estimate.withoutP1) : QStringLiteral("?"),
            watched ? tr("%1/%2, %3 failed")
                          .arg(stage.progress.processed)
                          .arg(stage.progress.expected)
                          .arg(stage.progress.failed)
                    : QString()});
    }
    m_output.printTable({tr("#"), tr("Stage"), tr("Groups"), tr("State"), tr("Users"), tr("New in target"),
                            tr("Without P1"), tr("Progress")},
        rows);
    m_output.printNote(tr("New users in the target count toward its External ID monthly-active-user billing."));
    for (const RolloutStage& stage : plan.stages) {
        if (stage.state == RolloutStage::State::Paused || stage.state == RolloutStage::State::Failed
            || stage.waitsForSignIn) {
            m_output.printLine(tr("%1: %2").arg(stage.name, stage.message));
            printFailures(stage);
        }
    }
}

void RolloutCommand::printFailures(const RolloutStage& stage) const
{
    if (stage.progress.failures.isEmpty() || m_output.isJson()) {
        return;
    }
    QList<QStringList> rows;
    for (const sync::RolloutFailure& failure : stage.progress.failures) {
        rows.append({failure.userPrincipalName.isEmpty() ? failure.userId : failure.userPrincipalName, failure.code,
            failure.explanation});
    }
    m_output.printTable({tr("User"), tr("Error"), tr("What it means")}, rows);
}

} // namespace tb::cli
