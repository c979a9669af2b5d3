// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/JobHealthPanel.h"

#include "core/sync/ErrorCatalogue.h"
#include "core/sync/JobMonitor.h"
#include "ui/widgets/MessageBanner.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace tb::ui {

namespace {

using sync::ErrorCatalogue;

QLabel* textLabel(QWidget* parent, const QString& objectName, bool secondary = false)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // codes and messages come from the service
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (secondary) {
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    return label;
}

} // namespace

JobHealthPanel::JobHealthPanel(QWidget* parent)
    : QGroupBox(tr("Synchronization job"), parent)
    , m_banner(new MessageBanner(this))
    , m_state(textLabel(this, QStringLiteral("jobState")))
    , m_stateMeaning(textLabel(this, QStringLiteral("jobStateMeaning"), true))
    , m_lastCycle(textLabel(this, QStringLiteral("jobLastCycle")))
    , m_lastSuccess(textLabel(this, QStringLiteral("jobLastSuccess")))
    , m_lastChanges(textLabel(this, QStringLiteral("jobLastChanges")))
    , m_steadyState(textLabel(this, QStringLiteral("jobSteadyState")))
    , m_synchronized(textLabel(this, QStringLiteral("jobSynchronized")))
    , m_quarantineBox(new QGroupBox(tr("Quarantine"), this))
    , m_quarantineReason(textLabel(m_quarantineBox, QStringLiteral("quarantineReason")))
    , m_quarantineError(textLabel(m_quarantineBox, QStringLiteral("quarantineError")))
    , m_quarantineFix(textLabel(m_quarantineBox, QStringLiteral("quarantineFix")))
    , m_quarantineTimes(textLabel(m_quarantineBox, QStringLiteral("quarantineTimes"), true))
    , m_startButton(new QPushButton(tr("S&tart…"), this))
    , m_pauseButton(new QPushButton(tr("Pa&use…"), this))
    , m_restartButton(new QPushButton(tr("Re&start…"), this))
{
    setObjectName(QStringLiteral("jobHealthPanel"));
    m_banner->setObjectName(QStringLiteral("jobBanner"));
    m_quarantineBox->setObjectName(QStringLiteral("quarantineBox"));
    m_startButton->setObjectName(QStringLiteral("jobStartButton"));
    m_startButton->setToolTip(tr("Run the job: resumes a paused job and clears a quarantine"));
    m_pauseButton->setObjectName(QStringLiteral("jobPauseButton"));
    m_pauseButton->setToolTip(tr("Stop provisioning and keep all progress; a running cycle still finishes"));
    m_restartButton->setObjectName(QStringLiteral("jobRestartButton"));
    m_restartButton->setToolTip(
        tr("Like the portal's Restart provisioning: re-evaluate every user, retry failed ones, lift the quarantine"));
    QFont stateFont = m_state->font();
    stateFont.setBold(true);
    m_state->setFont(stateFont);

    auto* quarantineLayout = new QVBoxLayout(m_quarantineBox);
    quarantineLayout->addWidget(m_quarantineReason);
    quarantineLayout->addWidget(m_quarantineError);
    quarantineLayout->addWidget(m_quarantineFix);
    quarantineLayout->addWidget(m_quarantineTimes);
    m_quarantineBox->setVisible(false);

    auto* facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->addRow(tr("Last cycle:"), m_lastCycle);
    facts->addRow(tr("Last success:"), m_lastSuccess);
    facts->addRow(tr("Last changes:"), m_lastChanges);
    facts->addRow(tr("Steady state:"), m_steadyState);
    facts->addRow(tr("In the target:"), m_synchronized);

    // The commands sit beside the state, at the top: in a short window the panel scrolls, and what the user acts
    // on stays in sight with the state it changes rather than below the fold.
    auto* header = new QHBoxLayout;
    header->addWidget(m_state, 1);
    header->addWidget(m_startButton);
    header->addWidget(m_pauseButton);
    header->addWidget(m_restartButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_stateMeaning);
    layout->addLayout(facts);
    layout->addWidget(m_quarantineBox);
    layout->addStretch(1); // the facts stay together at the top when the panel is taller than they need
    // No taller than its content: under a diagram, the diagram keeps the room.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    connect(m_startButton, &QPushButton::clicked, this, &JobHealthPanel::requestStart);
    connect(m_pauseButton, &QPushButton::clicked, this, &JobHealthPanel::requestPause);
    connect(m_restartButton, &QPushButton::clicked, this, &JobHealthPanel::requestRestart);

    m_state->setText(tr("No synchronization job yet"));
    m_stateMeaning->setText(tr("Apply the setup to create the configuration and its job."));
    updateButtons();
}

JobHealthPanel::~JobHealthPanel()
{
    if (m_monitor) {
        m_monitor->removeWatcher(this);
    }
}

void JobHealthPanel::setMonitor(sync::JobMonitor* monitor)
{
    if (m_monitor == monitor) {
        return;
    }
    if (m_monitor) {
        m_monitor->removeWatcher(this);
        m_monitor->disconnect(this);
    }
    m_monitor = monitor;
    m_commandPending = false;
    m_banner->hide();
    if (monitor) {
        connect(monitor, &sync::JobMonitor::jobChanged, this, &JobHealthPanel::showJob);
        connect(monitor, &sync::JobMonitor::failed, this, &JobHealthPanel::showFailure);
        connect(monitor, &sync::JobMonitor::jobRead, this, [this] {
            // A read went through: notes about the command or an earlier failed read are history now.
            if (!m_commandPending && m_banner->level() != MessageBanner::Level::Error) {
                m_banner->hide();
            }
        });
        connect(monitor, &sync::JobMonitor::commandFinished, this,
            [this](sync::JobMonitor::Command, bool succeeded, const QString& message) {
                showCommandFinished(succeeded, message);
            });
        if (monitor->job()) {
            showJob(*monitor->job());
        }
        if (isVisible()) {
            monitor->addWatcher(this);
        }
    }
    updateButtons();
}

void JobHealthPanel::setNames(const QString& configurationName, const QString& targetName)
{
    m_configurationName = configurationName;
    m_targetName = targetName;
}

void JobHealthPanel::showEvent(QShowEvent* event)
{
    QGroupBox::showEvent(event);
    if (m_monitor) {
        m_monitor->addWatcher(this);
    }
}

void JobHealthPanel::hideEvent(QHideEvent* event)
{
    QGroupBox::hideEvent(event);
    if (m_monitor) {
        m_monitor->removeWatcher(this); // nobody looks: no polling
    }
}

QString JobHealthPanel::when(const QDateTime& time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString JobHealthPanel::executionText(const model::SyncExecution& execution)
{
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    QString text;
    if (!execution.hasEnded()) {
        text = execution.timeBegan.isValid() ? tr("running since %1").arg(when(execution.timeBegan)) : tr("running");
    } else {
        const qint64 seconds = execution.timeBegan.isValid() ? execution.timeBegan.secsTo(execution.timeEnded) : -1;
        text = seconds >= 0 ? tr("ended %1 after %2 min").arg(when(execution.timeEnded)).arg((seconds + 59) / 60)
                            : tr("ended %1").arg(when(execution.timeEnded));
    }
    if (execution.state == QStringLiteral("Succeeded")) {
        text += tr(", succeeded");
    } else if (execution.state == QStringLiteral("EntryLevelErrors")) {
        text += tr(", some users failed");
    } else if (execution.state == QStringLiteral("Failed")) {
        text += tr(", failed");
    }
    // An incremental cycle reads only what changed: with nothing read, "0 in scope" would suggest nobody is in scope.
    if (execution.countImported == 0 && execution.countExports == 0 && execution.countEscrowed == 0) {
        text += tr(" — nothing had changed in the source");
    } else {
        const QLocale locale;
        text += tr(" — %1 read, %2 in scope, %3 of %Ln change(s) written, %4 failed and waiting for a retry", nullptr,
            static_cast<int>(std::min<qint64>(execution.countExports, std::numeric_limits<int>::max())))
                    .arg(locale.toString(execution.countImported), locale.toString(execution.countEntitled),
                        locale.toString(execution.countExported), locale.toString(execution.countEscrowed));
    }
    if (execution.error.isError()) {
        // The title only: the quarantine box (when there is one) explains the code in full.
        text += QLatin1Char('\n')
            + tr("Error: %1 (%2)").arg(catalogue.explainError(execution.error.code).title, execution.error.code);
    }
    return text;
}

void JobHealthPanel::showJob(const model::SyncJob& job)
{
    m_job = job;
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    const ErrorCatalogue::Explanation state = catalogue.explainState(job.statusCode);
    m_state->setText(
        job.isCycleRunning() && !job.isQuarantined() ? tr("%1 — a cycle is running").arg(state.title) : state.title);
    m_state->setAccessibleName(tr("Job state: %1").arg(m_state->text()));
    m_stateMeaning->setText(state.action.isEmpty() || job.isQuarantined()
            ? state.meaning
            : state.meaning + QLatin1Char(' ') + state.action);
    m_lastCycle->setText(job.lastExecution ? executionText(*job.lastExecution) : tr("none yet"));
    m_lastSuccess->setText(job.lastSuccessfulExecution && job.lastSuccessfulExecution->hasEnded()
            ? when(job.lastSuccessfulExecution->timeEnded)
            : tr("none yet"));
    // An incremental cycle after the one that wrote says "nothing had changed": this row keeps what sync last did to
    // the target (creates, updates and the soft deletes of users who left scope) in sight.
    const std::optional<model::SyncExecution>& withExports = job.lastSuccessfulExecutionWithExports;
    m_lastChanges->setText(withExports && withExports->hasEnded() && withExports->countExported > 0
            ? tr("%n change(s) written to %1 in the cycle that ended %2", nullptr,
                static_cast<int>(withExports->countExported))
                  .arg(m_targetName.isEmpty() ? tr("the target tenant") : m_targetName, when(withExports->timeEnded))
            : tr("none yet"));
    m_steadyState->setText(job.hasReachedSteadyState()
            ? tr("reached %1 (first %2)").arg(when(job.steadyStateLastAchieved), when(job.steadyStateFirstAchieved))
            : tr("not reached yet: the first full cycle has not finished"));
    m_synchronized->setText(
        tr("%n user(s) kept in sync", nullptr, static_cast<int>(job.synchronizedCount(QStringLiteral("User")))));

    const bool quarantined = job.isQuarantined() || job.quarantine.has_value();
    m_quarantineBox->setVisible(quarantined);
    if (quarantined) {
        const model::SyncQuarantine quarantine = job.quarantine.value_or(model::SyncQuarantine {});
        const ErrorCatalogue::Explanation reason = catalogue.explainQuarantineReason(quarantine.reason);
        m_quarantineReason->setText(tr("Reason: %1 (%2). %3").arg(reason.title, quarantine.reason, reason.meaning));
        QString fix = reason.action;
        if (quarantine.error.isError()) {
            const ErrorCatalogue::Explanation error = catalogue.explainError(quarantine.error.code);
            QString errorText = tr("Error: %1 (%2). %3").arg(error.title, quarantine.error.code, error.meaning);
            if (!quarantine.error.message.isEmpty()) {
                errorText += QLatin1Char('\n') + tr("The service says: %1").arg(quarantine.error.message);
            }
            m_quarantineError->setText(errorText);
            // The error is the more specific of the two: its fix comes first.
            if (!error.action.isEmpty()) {
                fix = error.action;
            }
        }
        m_quarantineError->setVisible(quarantine.error.isError());
        m_quarantineFix->setText(tr("What to do: %1").arg(fix));
        QStringList times;
        if (quarantine.currentBegan.isValid()) {
            times.append(tr("quarantined since %1").arg(when(quarantine.currentBegan)));
        }
        if (quarantine.nextAttempt.isValid()) {
            times.append(tr("next attempt %1").arg(when(quarantine.nextAttempt)));
        }
        if (quarantine.seriesCount > 1 && quarantine.seriesBegan.isValid()) {
            times.append(
                tr("quarantine %1 in a row since %2").arg(quarantine.seriesCount).arg(when(quarantine.seriesBegan)));
        }
        m_quarantineTimes->setText(times.join(QStringLiteral("; ")));
        m_quarantineTimes->setVisible(!times.isEmpty());
    }
    updateButtons();
}

void JobHealthPanel::requestStart()
{
    confirm(Action::Start);
}

void JobHealthPanel::requestPause()
{
    confirm(Action::Pause);
}

void JobHealthPanel::requestRestart()
{
    confirm(Action::Restart);
}

void JobHealthPanel::confirm(Action action)
{
    if (!m_monitor || m_confirmation || m_commandPending) {
        return;
    }
    const QString name = m_configurationName.isEmpty() ? tr("this configuration") : m_configurationName;
    const QString target = m_targetName.isEmpty() ? tr("the target tenant") : m_targetName;
    QString question;
    QString detail;
    QString button;
    switch (action) {
    case Action::Start:
        question = tr("Start synchronization of “%1” into %2?").arg(name, target);
        detail = tr("Users in scope will be created or updated in %1 as B2B members on the next cycle. A paused job "
                    "resumes where it stopped; a quarantine is cleared.")
                     .arg(target);
        button = tr("Start");
        break;
    case Action::Pause:
        question = tr("Pause synchronization of “%1” into %2?").arg(name, target);
        detail = tr("No more users are provisioned until the job is started again; everything it has learnt is "
                    "kept. A cycle that is running finishes first.");
        button = tr("Pause");
        break;
    case Action::Restart:
        question = tr("Restart synchronization of “%1” into %2?").arg(name, target);
        detail = tr("The next cycle re-evaluates every user in scope instead of only the changes, retries users that "
                    "failed and lifts a quarantine (reset scope: Watermark, Escrows, QuarantineState). It can take "
                    "as long as the first cycle did.");
        button = tr("Restart");
        break;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Synchronization job"), question, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("jobConfirmation"));
    box->setInformativeText(detail);
    box->setTextFormat(Qt::PlainText);
    QPushButton* accept = box->addButton(button, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, accept, action] {
        if (box->clickedButton() != accept || !m_monitor) {
            return;
        }
        m_commandPending = true;
        m_banner->showMessage(MessageBanner::Level::Information, tr("Sending the command to the job…"));
        updateButtons();
        switch (action) {
        case Action::Start:
            m_monitor->start();
            break;
        case Action::Pause:
            m_monitor->pause();
            break;
        case Action::Restart:
            m_monitor->restart();
            break;
        }
    });
    box->open();
}

void JobHealthPanel::showCommandFinished(bool succeeded, const QString& userMessage)
{
    m_commandPending = false;
    if (succeeded) {
        m_banner->showMessage(MessageBanner::Level::Information, tr("The job accepted the command; reading it again…"));
    } else {
        m_banner->showMessage(MessageBanner::Level::Error, userMessage);
    }
    updateButtons();
}

void JobHealthPanel::showFailure(const QString& userMessage)
{
    if (!m_commandPending) {
        m_banner->showMessage(MessageBanner::Level::Warning, userMessage);
    }
}

void JobHealthPanel::updateButtons()
{
    const bool usable = m_monitor && m_job && !m_commandPending;
    const QString code = m_job ? m_job->statusCode : QString();
    m_startButton->setEnabled(usable && code != QStringLiteral("Active") && code != QStringLiteral("NotRun"));
    m_pauseButton->setEnabled(usable && code != QStringLiteral("Paused"));
    m_restartButton->setEnabled(usable);
}

} // namespace tb::ui
