// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/RolloutPage.h"

#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphError.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/model/TenantRole.h"
#include "core/setup/SetupPlan.h"
#include "core/store/Journal.h"
#include "core/sync/JobMonitor.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutStore.h"
#include "ui/dialogs/CleanupDialog.h"
#include "ui/pages/PairConfigurationReader.h"
#include "ui/widgets/JobHealthPanel.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/RolloutFailureTree.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tb::ui {

using model::TenantRole;
using sync::RolloutPlan;
using sync::RolloutStage;
using State = sync::RolloutStage::State;

namespace {

enum Column { Number, Name, Principals, StateColumn, Users, NewInTarget, WithoutP1, Progress, ColumnCount };

QString stateText(State state)
{
    switch (state) {
    case State::Planned:
        return RolloutPage::tr("Planned");
    case State::Assigning:
        return RolloutPage::tr("Assigning");
    case State::Watching:
        return RolloutPage::tr("Watching");
    case State::Paused:
        return RolloutPage::tr("Paused");
    case State::Done:
        return RolloutPage::tr("Done");
    case State::Undone:
        return RolloutPage::tr("Undone");
    case State::Failed:
        return RolloutPage::tr("Failed");
    }
    return {};
}

QString principalsText(const RolloutStage& stage)
{
    QStringList names;
    for (const sync::RolloutPrincipal& principal : stage.principals) {
        const QString name = principal.displayName.isEmpty() ? principal.id : principal.displayName;
        names.append(
            principal.type == sync::RolloutPrincipal::Type::User ? RolloutPage::tr("%1 (user)").arg(name) : name);
    }
    return names.join(QStringLiteral(", "));
}

// "10%", "12.5%", "11.1%".
QString percent(double share)
{
    return QStringLiteral("%1%").arg(QString::number(share * 100.0, 'g', 3));
}

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number) {
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return item;
}

} // namespace

RolloutPage::RolloutPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_configurationReader(new PairConfigurationReader(workspace, this))
    , m_journal(std::make_unique<store::Journal>(workspace.database()))
    , m_store(std::make_unique<sync::RolloutStore>(workspace.database()))
    , m_banner(new MessageBanner(this))
    , m_stages(new QTableWidget(0, ColumnCount, this))
    , m_stageNameEdit(new QLineEdit(this))
    , m_principalsEdit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("&Add stage"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_upButton(new QPushButton(tr("Move &up"), this))
    , m_downButton(new QPushButton(tr("Move &down"), this))
    , m_thresholdSpin(new QSpinBox(this))
    , m_estimateButton(new QPushButton(tr("&Estimate"), this))
    , m_runButton(new QPushButton(tr("Run &next stage…"), this))
    , m_pauseButton(new QPushButton(tr("&Pause"), this))
    , m_resumeButton(new QPushButton(tr("Re&sume"), this))
    , m_undoButton(new QPushButton(tr("&Undo stage…"), this))
    , m_currentLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_errorRateLabel(new QLabel(this))
    , m_failures(new RolloutFailureTree(this))
    , m_jobPanel(new JobHealthPanel(this))
{
    auto* title = new QLabel(tr("Rollout"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* intro = new QLabel(tr("Bring users into scope in stages: a pilot group first, then wider groups. Each stage "
                                "is assigned to the configuration and watched through a synchronization cycle; the "
                                "job pauses itself when too many of the stage's users fail."),
        this);
    intro->setWordWrap(true);

    m_stages->setObjectName(QStringLiteral("rolloutStagesTable"));
    m_stages->setAccessibleName(tr("Rollout stages, in order"));
    m_stages->setHorizontalHeaderLabels({tr("#"), tr("Stage"), tr("Groups and users"), tr("State"), tr("Users"),
        tr("New in target"), tr("Without P1"), tr("Progress")});
    m_stages->horizontalHeaderItem(NewInTarget)
        ->setToolTip(tr("Users with no account in the target yet: sync creates them, and each counts toward the "
                        "target's External ID monthly active users."));
    m_stages->horizontalHeaderItem(WithoutP1)->setToolTip(
        tr("Users without a Microsoft Entra ID P1 or P2 licence in the source."));
    m_stages->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stages->verticalHeader()->setVisible(false);
    m_stages->horizontalHeader()->setSectionResizeMode(Principals, QHeaderView::Stretch);

    m_stageNameEdit->setObjectName(QStringLiteral("stageNameEdit"));
    m_stageNameEdit->setPlaceholderText(tr("Name, for example Pilot"));
    m_stageNameEdit->setAccessibleName(tr("New stage's name"));
    m_principalsEdit->setObjectName(QStringLiteral("stagePrincipalsEdit"));
    m_principalsEdit->setPlaceholderText(tr("Groups by exact name, users by sign-in name; separate with ;"));
    m_principalsEdit->setAccessibleName(tr("New stage's groups and users"));
    m_addButton->setObjectName(QStringLiteral("addStageButton"));
    m_removeButton->setObjectName(QStringLiteral("removeStageButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected stage"));
    m_upButton->setObjectName(QStringLiteral("moveStageUpButton"));
    m_upButton->setAccessibleName(tr("Move the selected stage up"));
    m_downButton->setObjectName(QStringLiteral("moveStageDownButton"));
    m_downButton->setAccessibleName(tr("Move the selected stage down"));
    m_thresholdSpin->setObjectName(QStringLiteral("errorThresholdSpin"));
    m_thresholdSpin->setRange(1, 100);
    m_thresholdSpin->setSuffix(tr(" %"));
    m_thresholdSpin->setValue(static_cast<int>(std::lround(sync::RolloutSettings().errorRateThreshold * 100.0)));
    m_thresholdSpin->setAccessibleName(tr("Error threshold in percent"));
    m_estimateButton->setObjectName(QStringLiteral("estimateButton"));
    m_runButton->setObjectName(QStringLiteral("runStageButton"));
    m_pauseButton->setObjectName(QStringLiteral("pauseRolloutButton"));
    m_resumeButton->setObjectName(QStringLiteral("resumeRolloutButton"));
    m_undoButton->setObjectName(QStringLiteral("undoStageButton"));
    m_undoButton->setAccessibleName(tr("Undo the selected stage"));
    m_currentLabel->setObjectName(QStringLiteral("currentStageLabel"));
    m_currentLabel->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("stageProgress"));
    m_progress->setAccessibleName(tr("Users of the current stage processed"));
    m_errorRateLabel->setObjectName(QStringLiteral("stageErrorRate"));
    m_failures->setObjectName(QStringLiteral("stageFailures"));
    m_failures->setMinimumHeight(160);
    m_jobPanel->setObjectName(QStringLiteral("rolloutJobPanel"));
    m_jobPanel->setVisible(false);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_stageNameEdit, 1);
    addRow->addWidget(m_principalsEdit, 3);
    addRow->addWidget(m_addButton);
    auto* form = new QFormLayout;
    auto* addLabel = new QLabel(tr("New &stage:"), this);
    addLabel->setBuddy(m_stageNameEdit);
    form->addRow(addLabel, addRow);
    auto* thresholdLabel = new QLabel(tr("Pause &above:"), this);
    thresholdLabel->setBuddy(m_thresholdSpin);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_thresholdSpin);
    auto* thresholdNote = new QLabel(tr("of a stage's processed users failing (and at least %1 of them)")
                                         .arg(sync::RolloutSettings().minimumFailures),
        this);
    thresholdNote->setObjectName(QStringLiteral("thresholdNote"));
    thresholdRow->addWidget(thresholdNote, 1);
    form->addRow(thresholdLabel, thresholdRow);

    auto* editButtons = new QHBoxLayout;
    editButtons->addWidget(m_upButton);
    editButtons->addWidget(m_downButton);
    editButtons->addWidget(m_removeButton);
    // Clean-up: what the configuration created in the target and, confirmed, removing its assignments; own dialog.
    auto* cleanupButton = new QPushButton(tr("C&lean up…"), this);
    cleanupButton->setObjectName(QStringLiteral("cleanupButton"));
    cleanupButton->setAccessibleName(tr("Clean up what synchronization created in the target"));
    cleanupButton->setToolTip(tr("Lists the users this configuration created or took over in the target, and can "
                                 "remove its assignments so that the service deletes them."));
    editButtons->addWidget(cleanupButton);
    connect(cleanupButton, &QPushButton::clicked, this, [this] {
        if (!hasJob()) {
            m_banner->showMessage(
                MessageBanner::Level::Information, PairConfigurationReader::noJobMessage(m_state, tr("clean up")));
            return;
        }
        if (isBusy()) {
            m_banner->showMessage(MessageBanner::Level::Information,
                tr("A stage is under way; clean up once it has finished or is paused."));
            return;
        }
        auto* dialog = findChild<CleanupDialog*>();
        if (!dialog) {
            dialog = new CleanupDialog(m_workspace, m_state, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            (void)dialog->refresh();
        }
        dialog->show();
        dialog->raise();
    });
    editButtons->addStretch(1);
    editButtons->addWidget(m_estimateButton);
    editButtons->addWidget(m_undoButton);
    editButtons->addWidget(m_pauseButton);
    editButtons->addWidget(m_resumeButton);
    editButtons->addWidget(m_runButton);

    auto* current = new QWidget(this);
    auto* currentLayout = new QVBoxLayout(current);
    currentLayout->setContentsMargins(0, 0, 0, 0);
    currentLayout->addWidget(m_currentLabel);
    currentLayout->addWidget(m_progress);
    currentLayout->addWidget(m_errorRateLabel);
    currentLayout->addWidget(m_failures, 1);
    currentLayout->addStretch(0);
    auto* jobScroll = new QScrollArea(this);
    jobScroll->setWidgetResizable(true);
    jobScroll->setFrameShape(QFrame::NoFrame);
    jobScroll->setWidget(m_jobPanel);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(current);
    split->addWidget(jobScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_stages, 2);
    layout->addLayout(editButtons);
    layout->addWidget(split, 3);

    connect(m_addButton, &QPushButton::clicked, this, &RolloutPage::addFromFields);
    connect(m_principalsEdit, &QLineEdit::returnPressed, this, &RolloutPage::addFromFields);
    connect(m_stageNameEdit, &QLineEdit::textChanged, this, &RolloutPage::updateButtons);
    connect(m_principalsEdit, &QLineEdit::textChanged, this, &RolloutPage::updateButtons);
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeStage(selectedStage()); });
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveStage(selectedStage(), -1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveStage(selectedStage(), 1); });
    connect(m_estimateButton, &QPushButton::clicked, this, &RolloutPage::estimate);
    connect(m_runButton, &QPushButton::clicked, this, &RolloutPage::runNextStage);
    connect(m_pauseButton, &QPushButton::clicked, this, &RolloutPage::pause);
    connect(m_resumeButton, &QPushButton::clicked, this, &RolloutPage::resume);
    connect(m_undoButton, &QPushButton::clicked, this, [this] { requestUndo(selectedStage()); });
    connect(m_stages, &QTableWidget::itemSelectionChanged, this, &RolloutPage::updateButtons);
    connect(m_thresholdSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_plan.id.isEmpty() || isBusy()) {
            return;
        }
        RolloutPlan plan = m_plan;
        plan.settings.errorRateThreshold = value / 100.0;
        editPlan(plan);
    });
    showPlan();
    m_configurationReader->showReadsOn(m_currentLabel, m_banner, PairConfigurationReader::NotSignedIn::Tell);
    connect(m_configurationReader, &PairConfigurationReader::finished, this, [this](const setup::SetupState& state) {
        setSetupState(state);
        if (!PairConfigurationReader::hasJob(state)) {
            m_banner->showMessage(MessageBanner::Level::Information,
                PairConfigurationReader::noJobMessage(state, tr("plan the rollout")));
        }
    });
    // A new sign-in changes the account first and the state after: the state says when it is done.
    connect(&m_workspace.signIn(), &auth::SignInService::stateChanged, this, &RolloutPage::continueAfterSignIn);
    connect(&m_workspace, &Workspace::tenantsChanged, this, &RolloutPage::continueAfterSignIn);
}

RolloutPage::~RolloutPage()
{
    // The runner borrows the journal and the store: it goes first.
    delete m_runner.data();
}

void RolloutPage::setSetupState(const setup::SetupState& state)
{
    const QString before = m_state.configuration ? m_state.configuration->servicePrincipalId : QString();
    m_state = state;
    m_stateKnown = state.isValid();
    if (!hasJob()) {
        m_jobPanel->setMonitor(nullptr);
        m_jobPanel->setVisible(false);
        updateButtons();
        return;
    }
    m_banner->hide();
    // The topology page reads often: the same configuration keeps the rollout (and a stage under way) as it is.
    if (before != m_state.configuration->servicePrincipalId || m_plan.id.isEmpty()) {
        loadPlan();
    } else if (m_plan.jobId != m_state.configuration->jobId && !isBusy()) {
        RolloutPlan plan = m_plan;
        plan.jobId = m_state.configuration->jobId; // a job made again keeps the rollout going
        editPlan(plan);
    }
    ensureJobMonitor();
    updateButtons();
}

void RolloutPage::setRunnerSettings(const sync::RolloutRunner::Settings& settings)
{
    m_runnerSettings = settings;
    if (m_runner) {
        m_runner->setSettings(settings);
    }
}

void RolloutPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_configurationReader->readWhenShown(m_stateKnown);
}

bool RolloutPage::hasJob() const
{
    return m_stateKnown && PairConfigurationReader::hasJob(m_state);
}

QString RolloutPage::targetName() const
{
    return m_state.target.readableName();
}

bool RolloutPage::isBusy() const
{
    return m_estimator || m_resolving || (m_runner && m_runner->isBusy());
}

void RolloutPage::loadPlan()
{
    if (m_runner && m_runner->isBusy()) {
        m_runner->stopWatching();
    }
    const auto loaded = m_store->latest(m_state.configuration->servicePrincipalId);
    if (std::holds_alternative<store::StoreError>(loaded)) {
        m_banner->showMessage(MessageBanner::Level::Error,
            tr("Could not read the rollout from the profile: %1")
                .arg(std::get<store::StoreError>(loaded).userMessage()));
        return;
    }
    const auto& stored = std::get<std::optional<RolloutPlan>>(loaded);
    if (stored) {
        m_plan = *stored;
        m_plan.jobId = m_state.configuration->jobId;
    } else {
        // Kept once it has a stage.
        m_plan = RolloutPlan();
        m_plan.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_plan.createdAt = QDateTime::currentDateTimeUtc();
        m_plan.sourceTenantId = m_state.source.id;
        m_plan.targetTenantId = m_state.target.id;
        m_plan.servicePrincipalId = m_state.configuration->servicePrincipalId;
        m_plan.jobId = m_state.configuration->jobId;
    }
    ensureRunner();
    if (m_runner) {
        m_runner->open(m_plan);
    }
    showPlan();
    emit planChanged();
}

void RolloutPage::ensureRunner()
{
    graph::GraphClient* source = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* target = m_workspace.setupClient(TenantRole::Target);
    if (!source || !target) {
        return;
    }
    // A sign-in makes the setup clients anew: the runner of the old ones goes with them.
    if (m_runner && m_runnerSource == source && m_runnerTarget == target) {
        return;
    }
    delete m_runner.data();
    auto* runner = new sync::RolloutRunner(*source, *target, *m_journal, *m_store, this);
    m_runner = runner;
    m_runnerSource = source;
    m_runnerTarget = target;
    runner->setSettings(m_runnerSettings);
    runner->open(m_plan);
    connect(runner, &sync::RolloutRunner::planChanged, this, [this](const RolloutPlan& plan) {
        m_plan = plan;
        showPlan();
        emit planChanged();
    });
    connect(runner, &sync::RolloutRunner::assignmentProgress, this, [this](int stage, int done, int total) {
        m_currentLabel->setText(
            tr("Stage %1 “%2”: assigning, %3 of %n group(s) and user(s) assigned.", nullptr, total)
                .arg(QString::number(stage + 1), m_plan.stages.value(stage).name, QLocale().toString(done)));
    });
    connect(
        runner, &sync::RolloutRunner::progressChanged, this, [this](int stage, const sync::RolloutProgress& progress) {
            if (stage >= 0 && stage < m_plan.stages.size()) {
                m_plan.stages[stage].progress = progress;
                showPlan();
            }
        });
    connect(runner, &sync::RolloutRunner::stageFinished, this,
        [this, runner](int stage, State state, const QString& message) {
            m_plan = runner->plan();
            showPlan();
            // Done shows in the current stage; what needs the administrator's eye goes in the banner too.
            const QString text = tr("Stage %1 “%2”: %3").arg(stage + 1).arg(m_plan.stages.value(stage).name, message);
            if (state == State::Failed) {
                m_banner->showMessage(MessageBanner::Level::Error, text);
            } else if (state == State::Paused) {
                m_banner->showMessage(MessageBanner::Level::Warning, text);
            } else if (state == State::Undone) {
                m_banner->showMessage(MessageBanner::Level::Information, text);
            }
            if (m_jobMonitor) {
                m_jobMonitor->refresh();
            }
            emit stageFinished(stage, state);
        });
    connect(runner, &sync::RolloutRunner::assigned, this, [this](int, bool succeeded, const QString& message) {
        if (!succeeded) {
            m_banner->showMessage(MessageBanner::Level::Error, message);
        }
        updateButtons();
    });
    connect(runner, &sync::RolloutRunner::jobCommandFinished, this,
        [this](sync::JobMonitor::Command, bool succeeded, const QString& message) {
            updateButtons();
            if (!succeeded) {
                m_banner->showMessage(MessageBanner::Level::Error, message);
            }
            if (m_jobMonitor) {
                m_jobMonitor->refresh();
            }
        });
    connect(runner, &sync::RolloutRunner::actionFailed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Level::Error, message);
        showPlan();
    });
    connect(runner, &sync::RolloutRunner::signInRequired, this, [this, runner](int stage, const QString& message) {
        m_plan = runner->plan();
        m_afterSignIn = stage == m_undoing ? AfterSignIn::Undo : AfterSignIn::Run;
        m_stoppedStage = stage;
        showPlan();
        m_banner->showMessage(MessageBanner::Level::Warning,
            tr("Stage %1 “%2”: %3\nSign in again on the Connect page (the account says “Sign in again…”); the %4 "
               "goes on by itself once you have.")
                .arg(stage + 1)
                .arg(m_plan.stages.value(stage).name, message,
                    m_afterSignIn == AfterSignIn::Undo ? tr("undo") : tr("stage")));
        emit stageStopped(stage);
    });
}

bool RolloutPage::anyAccountNeedsSignIn() const
{
    for (const TenantRole role : {TenantRole::Source, TenantRole::Target}) {
        const auto state = m_workspace.signIn().state(role);
        if (state != auth::SignInService::State::SignedIn) {
            return true;
        }
    }
    return false;
}

void RolloutPage::continueAfterSignIn()
{
    if (m_afterSignIn == AfterSignIn::Nothing || anyAccountNeedsSignIn() || !hasJob()) {
        return;
    }
    ensureRunner(); // the same runner for the same accounts; a new one (on the stored plan) for another account
    if (!m_runner || m_runner->isBusy() || m_confirmation) {
        return;
    }
    const AfterSignIn what = m_afterSignIn;
    const int stage = m_stoppedStage;
    m_afterSignIn = AfterSignIn::Nothing;
    m_stoppedStage = -1;
    m_banner->showMessage(MessageBanner::Level::Information,
        tr("Signed in again: stage %1 “%2” goes on where it stopped.")
            .arg(stage + 1)
            .arg(m_plan.stages.value(stage).name));
    if (what == AfterSignIn::Undo) {
        m_runner->undo(stage);
    } else {
        m_runner->runNextStage();
    }
    updateButtons();
}

void RolloutPage::ensureJobMonitor()
{
    graph::GraphClient* client = m_workspace.setupClient(TenantRole::Source);
    if (!hasJob() || !client) {
        return;
    }
    if (!m_jobMonitor || m_monitorClient != client) {
        if (m_jobMonitor) {
            m_jobPanel->setMonitor(nullptr);
            m_jobMonitor->deleteLater();
        }
        m_jobMonitor = new sync::JobMonitor(*client, this);
        m_monitorClient = client;
    }
    m_jobMonitor->setJob(m_state.configuration->servicePrincipalId, m_state.configuration->jobId);
    m_jobPanel->setNames(m_state.configuration->displayName, targetName());
    m_jobPanel->setMonitor(m_jobMonitor);
    m_jobPanel->setVisible(true);
}

void RolloutPage::editPlan(const RolloutPlan& plan)
{
    if (m_runner && m_runner->isBusy()) {
        return; // the runner keeps its own copy and saves it: edits wait until it is done
    }
    if (const auto error = m_store->save(plan)) {
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("Could not keep the rollout in the profile: %1").arg(error->userMessage()));
        return;
    }
    m_plan = plan;
    ensureRunner();
    if (m_runner) {
        m_runner->open(m_plan);
    }
    showPlan();
    emit planChanged();
}

void RolloutPage::addFromFields()
{
    QStringList principals;
    for (const QString& part : m_principalsEdit->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty()) {
            principals.append(part.trimmed());
        }
    }
    addStage(m_stageNameEdit->text().trimmed(), principals);
}

void RolloutPage::addStage(const QString& name, const QStringList& principals)
{
    if (!hasJob() || m_plan.id.isEmpty() || isBusy()) {
        return;
    }
    if (name.isEmpty() || principals.isEmpty()) {
        m_banner->showMessage(
            MessageBanner::Level::Warning, tr("A stage needs a name and at least one group or user of the source."));
        return;
    }
    if (m_plan.stageIndex(name) >= 0) {
        m_banner->showMessage(
            MessageBanner::Level::Warning, tr("There is a stage called “%1” already; pick another name.").arg(name));
        return;
    }
    RolloutStage stage;
    stage.name = name;
    m_resolving = true;
    m_banner->hide();
    updateButtons();
    resolveNext(stage, principals);
}

void RolloutPage::resolveNext(RolloutStage stage, QStringList left)
{
    graph::GraphClient* client = m_workspace.setupClient(TenantRole::Source);
    const auto fail = [this](const QString& problem) {
        m_resolving = false;
        m_currentLabel->clear();
        m_banner->showMessage(MessageBanner::Level::Warning, problem);
        updateButtons();
    };
    if (!client) {
        fail(tr("Sign in to the source tenant on the Connect page first."));
        return;
    }
    if (left.isEmpty()) {
        m_resolving = false;
        m_currentLabel->clear();
        RolloutPlan plan = m_plan;
        plan.stages.append(stage);
        editPlan(plan);
        m_stageNameEdit->clear();
        m_principalsEdit->clear();
        updateButtons();
        emit stageAdded(static_cast<int>(m_plan.stages.size()) - 1);
        return;
    }
    const QString wanted = left.takeFirst();
    const QString source = m_state.source.readableName();
    m_currentLabel->setText(tr("Looking up “%1” in %2…").arg(wanted, source));
    const bool isUser = wanted.contains(QLatin1Char('@'));
    if (isUser || !QUuid::fromString(wanted).isNull()) {
        graph::GraphRequest request = isUser
            ? graph::DirectoryEndpoints::getUserRequest(
                wanted, {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName")})
            : graph::GraphRequest::get(QStringLiteral("/groups/") + graph::GraphRequest::pathSegment(wanted));
        if (!isUser) {
            request.setPathTemplate(QStringLiteral("/groups/{id}"));
            request.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,displayName"));
        }
        client->send(request, this, [this, stage, left, wanted, isUser, source, fail](const graph::GraphResponse& r) {
            if (!r.isSuccess()) {
                fail(r.httpStatus() == 404
                        ? (isUser ? tr("%1 has no user “%2”.") : tr("%1 has no group with the id %2."))
                              .arg(source, wanted)
                        : r.error().userMessage());
                return;
            }
            RolloutStage next = stage;
            next.principals.append({r.json().value(QLatin1String("id")).toString(),
                isUser ? sync::RolloutPrincipal::Type::User : sync::RolloutPrincipal::Type::Group,
                r.json().value(QLatin1String("displayName")).toString()});
            resolveNext(next, left);
        });
        return;
    }
    graph::DirectoryEndpoints endpoints(*client);
    auto found = std::make_shared<QList<model::DirectoryGroup>>();
    graph::PageReader* reader = endpoints.listGroups(wanted, this);
    connect(reader, &graph::PageReader::pageReceived, this,
        [found](const QJsonArray& page) { found->append(graph::DirectoryEndpoints::parseGroups(page)); });
    connect(reader, &graph::PageReader::finished, this,
        [this, stage, left, wanted, source, found, fail](const graph::PageReadResult& result) {
            if (!result.isComplete()) {
                fail(result.error.userMessage());
                return;
            }
            if (found->size() != 1) {
                fail(found->isEmpty()
                        ? tr("%1 has no group called “%2”; type the group's exact display name, or a user's sign-in "
                             "name.")
                              .arg(source, wanted)
                        : tr("%1 groups in %2 are called “%3”; name the one you mean by its object id.")
                              .arg(found->size())
                              .arg(source, wanted));
                return;
            }
            RolloutStage next = stage;
            next.principals.append(
                {found->first().id, sync::RolloutPrincipal::Type::Group, found->first().displayName});
            resolveNext(next, left);
        });
    reader->start();
}

bool RolloutPage::isEditable(int stage) const
{
    return stage >= 0 && stage < m_plan.stages.size() && m_plan.stages.at(stage).state == State::Planned;
}

int RolloutPage::selectedStage() const
{
    const QList<QTableWidgetItem*> selected = m_stages->selectedItems();
    return selected.isEmpty() ? -1 : selected.first()->row();
}

void RolloutPage::removeStage(int stage)
{
    if (!isEditable(stage) || isBusy()) {
        return;
    }
    RolloutPlan plan = m_plan;
    plan.stages.removeAt(stage);
    // What a stage brings depends on the stages before it.
    for (qsizetype i = stage; i < plan.stages.size(); ++i) {
        if (plan.stages.at(i).state == State::Planned) {
            plan.stages[i].estimate = sync::RolloutEstimate();
        }
    }
    editPlan(plan);
}

void RolloutPage::moveStage(int stage, int by)
{
    const int other = stage + by;
    if (!isEditable(stage) || !isEditable(other) || isBusy()) {
        return;
    }
    RolloutPlan plan = m_plan;
    plan.stages.swapItemsAt(stage, other);
    for (qsizetype i = std::min(stage, other); i < plan.stages.size(); ++i) {
        if (plan.stages.at(i).state == State::Planned) {
            plan.stages[i].estimate = sync::RolloutEstimate();
        }
    }
    editPlan(plan);
    m_stages->selectRow(other);
}

void RolloutPage::estimate()
{
    graph::GraphClient* source = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* target = m_workspace.setupClient(TenantRole::Target);
    if (!hasJob() || !source || !target || isBusy() || m_plan.stages.isEmpty()) {
        return;
    }
    auto* estimator = new sync::RolloutEstimator(*source, *target, this);
    m_estimator = estimator;
    connect(estimator, &sync::RolloutEstimator::finished, this,
        [this, estimator](const RolloutPlan& estimated, bool succeeded, const QString& problem) {
            estimator->deleteLater();
            m_estimator.clear();
            m_currentLabel->clear();
            if (succeeded) {
                editPlan(estimated);
                m_banner->showMessage(MessageBanner::Level::Information,
                    tr("Estimated from what %1 and %2 hold now; nothing was changed.")
                        .arg(m_state.source.readableName(), targetName()));
            } else {
                m_banner->showMessage(MessageBanner::Level::Error, problem);
            }
            showPlan();
            emit estimateFinished(succeeded);
        });
    m_currentLabel->setText(
        tr("Estimating: reading the assignments, the groups' members and the users of %1…").arg(targetName()));
    estimator->start(m_plan);
    updateButtons();
}

void RolloutPage::confirm(const QString& title, const QString& text, const QString& details, const QString& goText,
    const std::function<void()>& go)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    box->setInformativeText(details);
    QPushButton* goButton = box->addButton(goText, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, goButton, go] {
        m_confirmation.clear();
        if (box->clickedButton() == goButton) {
            go();
        }
        updateButtons();
    });
    box->open();
}

void RolloutPage::runNextStage()
{
    const int index = m_plan.nextStage();
    if (!hasJob() || !m_runner || isBusy() || m_confirmation || index < 0) {
        return;
    }
    const RolloutStage& stage = m_plan.stages.at(index);
    if (stage.state == State::Paused) {
        return; // Resume
    }
    if (stage.state == State::Assigning || stage.state == State::Watching) {
        // Confirmed when it began: go on where it stopped (after a restart).
        m_banner->hide();
        m_undoing = -1;
        m_afterSignIn = AfterSignIn::Nothing;
        m_runner->runNextStage();
        updateButtons();
        return;
    }
    const sync::RolloutEstimate& estimate = stage.estimate;
    const QString counts = estimate.known
        ? tr("It brings %n user(s) into the configuration's scope: %1 of them new in %2, where sync creates them and "
             "each counts toward its External ID monthly active users; %3 without a Microsoft Entra ID P1 licence in "
             "the source.",
            nullptr, estimate.users)
              .arg(estimate.newInTarget)
              .arg(targetName())
              .arg(estimate.withoutP1)
        : tr("It has not been estimated yet: the counts are worked out right before the assignments are sent.");
    const QString details = tr("%1\n\nThe stage's groups and users are assigned to “%2”, the job is started if it is "
                               "paused, and the stage is watched through a cycle; it pauses itself when more than %3 "
                               "of its processed users fail.")
                                .arg(counts,
                                    m_state.configuration->displayName.isEmpty() ? m_plan.servicePrincipalId
                                                                                 : m_state.configuration->displayName,
                                    percent(m_plan.settings.errorRateThreshold));
    confirm(tr("Run stage"), tr("Run stage %1 “%2” into %3 now?").arg(index + 1).arg(stage.name, targetName()), details,
        tr("Run stage %1").arg(index + 1), [this] {
            if (m_runner && !isBusy()) {
                m_banner->hide();
                m_undoing = -1;
                m_afterSignIn = AfterSignIn::Nothing;
                m_runner->runNextStage();
                updateButtons();
            }
        });
}

void RolloutPage::requestUndo(int stage)
{
    if (stage < 0 || stage >= m_plan.stages.size() || !m_runner || m_confirmation
        || !RolloutStage::canMove(m_plan.stages.at(stage).state, State::Undone)) {
        return;
    }
    const QString name = m_plan.stages.at(stage).name;
    confirm(tr("Undo stage"), tr("Undo stage %1 “%2”?").arg(stage + 1).arg(name), m_runner->undoWarning(stage),
        tr("Undo stage %1").arg(stage + 1), [this, stage] {
            if (m_runner) {
                m_banner->hide();
                m_undoing = stage;
                m_afterSignIn = AfterSignIn::Nothing;
                m_runner->undo(stage);
                updateButtons();
            }
        });
}

void RolloutPage::pause()
{
    if (m_runner) {
        m_runner->pause();
        updateButtons();
    }
}

void RolloutPage::resume()
{
    if (m_runner && !m_runner->isBusy()) {
        m_banner->hide();
        m_undoing = -1;
        m_afterSignIn = AfterSignIn::Nothing;
        m_runner->resume();
        updateButtons();
    }
}

void RolloutPage::showPlan()
{
    const int selected = selectedStage();
    {
        const QSignalBlocker blocker(m_stages);
        m_stages->setRowCount(static_cast<int>(m_plan.stages.size()));
        for (int row = 0; row < m_plan.stages.size(); ++row) {
            const RolloutStage& stage = m_plan.stages.at(row);
            const sync::RolloutEstimate& estimate = stage.estimate;
            const QString unknown = tr("?");
            const bool ran = stage.state != State::Planned;
            m_stages->setItem(row, Number, cell(QString::number(row + 1), true));
            m_stages->setItem(row, Name, cell(stage.name));
            m_stages->setItem(row, Principals, cell(principalsText(stage)));
            m_stages->setItem(row, StateColumn,
                cell(stage.waitsForSignIn ? tr("%1, stopped: sign in again").arg(stateText(stage.state))
                                          : stateText(stage.state)));
            m_stages->setItem(row, Users, cell(estimate.known ? QString::number(estimate.users) : unknown, true));
            m_stages->setItem(
                row, NewInTarget, cell(estimate.known ? QString::number(estimate.newInTarget) : unknown, true));
            m_stages->setItem(
                row, WithoutP1, cell(estimate.known ? QString::number(estimate.withoutP1) : unknown, true));
            m_stages->setItem(row, Progress,
                cell(ran ? tr("%1 of %2, %3 failed")
                               .arg(stage.progress.processed)
                               .arg(stage.progress.expected)
                               .arg(stage.progress.failed)
                         : QString()));
            for (int column = 0; column < ColumnCount; ++column) {
                QTableWidgetItem* item = m_stages->item(row, column);
                item->setToolTip(ran ? tr("This stage has run: it can be undone but not changed. %1").arg(stage.message)
                                     : stage.message);
                // Only a finished stage is greyed: the active one (paused, watched) is what the person acts on.
                if (stage.state == State::Done || stage.state == State::Undone) {
                    item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
                }
            }
        }
        // With nothing chosen, the active stage is: Undo and the tooltips then speak of the stage that needs a
        // decision.
        const int toSelect = selected >= 0 ? selected : m_plan.activeStage();
        if (toSelect >= 0 && toSelect < m_stages->rowCount()) {
            m_stages->selectRow(toSelect);
        }
    }
    m_stages->resizeColumnToContents(Number);
    m_stages->resizeColumnToContents(Name);
    m_stages->resizeColumnToContents(StateColumn);
    m_stages->resizeColumnToContents(Progress);
    {
        const QSignalBlocker blocker(m_thresholdSpin);
        m_thresholdSpin->setValue(static_cast<int>(std::lround(m_plan.settings.errorRateThreshold * 100.0)));
    }
    showCurrentStage();
    updateButtons();
}

void RolloutPage::showCurrentStage()
{
    int index = m_plan.activeStage();
    for (int i = static_cast<int>(m_plan.stages.size()) - 1; index < 0 && i >= 0; --i) {
        if (m_plan.stages.at(i).state != State::Planned) {
            index = i; // the last stage that ran
        }
    }
    if (index < 0) {
        if (!m_configurationReader->isReading() && !m_estimator && !m_resolving) {
            m_currentLabel->setText(m_plan.stages.isEmpty()
                    ? tr("No stages yet: add the first one above, for example a pilot group.")
                    : tr("No stage has run yet. Estimate, then run the first stage."));
        }
        m_progress->setVisible(false);
        m_errorRateLabel->clear();
        m_failures->setFailures({});
        return;
    }
    const RolloutStage& stage = m_plan.stages.at(index);
    const sync::RolloutProgress& progress = stage.progress;
    // The runner's message says what happened ("Done: 5 of 5 user(s) processed…", "Paused by you.").
    m_currentLabel->setText(tr("Stage %1 of %2, “%3” — %4")
                                .arg(index + 1)
                                .arg(m_plan.stages.size())
                                .arg(stage.name, stage.message.isEmpty() ? stateText(stage.state) : stage.message));
    m_progress->setVisible(true);
    m_progress->setRange(0, std::max(1, progress.expected));
    m_progress->setValue(std::min(progress.processed, std::max(1, progress.expected)));
    m_progress->setFormat(
        tr("%1 of %Ln user(s) processed", nullptr, progress.expected).arg(QLocale().toString(progress.processed)));
    m_errorRateLabel->setText(
        tr("Error rate %1 (%2 of %3 processed failed); pauses above %4 with at least %n failure(s).", nullptr,
            m_plan.settings.minimumFailures)
            .arg(percent(progress.errorRate()), QLocale().toString(progress.failed),
                QLocale().toString(progress.processed), percent(m_plan.settings.errorRateThreshold)));
    m_failures->setFailures(progress.failures);
}

void RolloutPage::updateButtons()
{
    const bool busy = isBusy();
    const bool usable = hasJob() && !m_plan.id.isEmpty() && m_runner && !busy;
    const int selected = selectedStage();
    const int next = m_plan.nextStage();
    const int active = m_plan.activeStage();
    const State activeState = active >= 0 ? m_plan.stages.at(active).state : State::Planned;
    bool anyPlanned = false;
    for (const RolloutStage& stage : m_plan.stages) {
        anyPlanned = anyPlanned || stage.state == State::Planned;
    }
    m_addButton->setEnabled(
        usable && !m_stageNameEdit->text().trimmed().isEmpty() && !m_principalsEdit->text().trimmed().isEmpty());
    m_removeButton->setEnabled(usable && isEditable(selected));
    m_upButton->setEnabled(usable && isEditable(selected) && isEditable(selected - 1));
    m_downButton->setEnabled(usable && isEditable(selected) && isEditable(selected + 1));
    m_thresholdSpin->setEnabled(usable);
    m_estimateButton->setEnabled(usable && anyPlanned);
    const bool continuing = active >= 0 && activeState != State::Paused;
    m_runButton->setText(continuing ? tr("Continue stage %1").arg(active + 1) : tr("Run &next stage…"));
    m_runButton->setEnabled(usable && next >= 0 && activeState != State::Paused && !m_confirmation);
    m_pauseButton->setEnabled(hasJob() && m_runner && activeState == State::Watching && active >= 0);
    m_resumeButton->setEnabled(usable && active >= 0 && activeState == State::Paused);
    const bool undoable = selected >= 0 && selected < m_plan.stages.size()
        && RolloutStage::canMove(m_plan.stages.at(selected).state, State::Undone);
    // While a stage is watched, that stage can be undone (the runner stops watching first).
    m_undoButton->setEnabled(hasJob() && m_runner && undoable && (!busy || (selected == active && !m_estimator)));
}

} // namespace tb::ui
