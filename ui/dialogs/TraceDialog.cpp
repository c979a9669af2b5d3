// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/TraceDialog.h"

#include "core/Workspace.h"
#include "core/model/TenantRole.h"
#include "core/sync/Trace.h"
#include "ui/widgets/MessageBanner.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::ui {

using model::TenantRole;
using sync::TraceResult;
using State = sync::TraceResult::State;

namespace {

enum StepColumn { StepState, StepCheck, StepDetail, StepColumnCount };
enum LogColumn { LogWhen, LogAction, LogStatus, LogCode, LogReason, LogBy, LogColumnCount };

QIcon stateIcon(const QStyle& style, State state)
{
    switch (state) {
    case State::Pass:
        return style.standardIcon(QStyle::SP_DialogApplyButton);
    case State::Warn:
        return style.standardIcon(QStyle::SP_MessageBoxInformation);
    case State::Fail:
        return style.standardIcon(QStyle::SP_MessageBoxCritical);
    case State::Unknown:
        break;
    }
    return style.standardIcon(QStyle::SP_MessageBoxQuestion);
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
    return item;
}

} // namespace

TraceDialog::TraceDialog(Workspace& workspace, const setup::SetupState& state, const QString& user, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_state(state)
    , m_user(user.trimmed())
    , m_heading(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_verdict(new MessageBanner(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_steps(new QTableWidget(0, StepColumnCount, this))
    , m_logsLabel(new QLabel(tr("Latest provisioning log records"), this))
    , m_logs(new QTableWidget(0, LogColumnCount, this))
    , m_againButton(new QPushButton(tr("Trace &again"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("traceDialog"));
    setWindowTitle(tr("Why is %1 not synced?").arg(m_user));
    setAccessibleName(windowTitle());

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_heading->setObjectName(QStringLiteral("traceHeading"));
    const QString configuration = m_state.configuration ? m_state.configuration->displayName : QString();
    m_heading->setText(
        tr("Trace of %1 from %2 to %3").arg(m_user, m_state.source.readableName(), m_state.target.readableName()));
    auto* intro = new QLabel(tr("The checks below follow the order in which the synchronization service decides, for "
                                "the configuration “%1”. The first one that stops the user is highlighted with its "
                                "fix. Nothing is changed.")
                                 .arg(configuration),
        this);
    intro->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("traceErrorBanner"));
    m_verdict->setObjectName(QStringLiteral("traceVerdict"));

    m_progress->setObjectName(QStringLiteral("traceProgress"));
    m_progress->setRange(0, 0); // the trace reads in parallel and cannot say how far it is
    m_progress->setAccessibleName(tr("Tracing"));
    m_progress->setVisible(false);
    m_progressLabel->setObjectName(QStringLiteral("traceProgressLabel"));

    m_steps->setObjectName(QStringLiteral("traceStepsTable"));
    m_steps->setAccessibleName(tr("Checks, in the order the service makes them"));
    m_steps->setHorizontalHeaderLabels({tr("Result"), tr("Check"), tr("What was found")});
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setWordWrap(true);
    m_steps->verticalHeader()->setVisible(false);
    m_steps->horizontalHeader()->setSectionResizeMode(StepState, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(StepCheck, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(StepDetail, QHeaderView::Stretch);
    // Wrapped details need their rows measured again when the column's width changes.
    connect(m_steps->horizontalHeader(), &QHeaderView::sectionResized, m_steps, &QTableView::resizeRowsToContents);

    m_logsLabel->setObjectName(QStringLiteral("traceLogsLabel"));
    m_logsLabel->setBuddy(m_logs);
    m_logs->setObjectName(QStringLiteral("traceLogsTable"));
    m_logs->setAccessibleName(tr("The user's latest provisioning log records, newest first"));
    m_logs->setHorizontalHeaderLabels(
        {tr("When"), tr("Action"), tr("Status"), tr("Error code"), tr("Reason"), tr("Started by")});
    m_logs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logs->verticalHeader()->setVisible(false);
    m_logs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_logs->horizontalHeader()->setSectionResizeMode(LogReason, QHeaderView::Stretch);

    m_againButton->setObjectName(QStringLiteral("traceAgainButton"));
    m_againButton->setAccessibleName(tr("Trace the user again"));
    m_cancelButton->setObjectName(QStringLiteral("traceCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the trace"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_againButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_againButton, &QPushButton::clicked, this, [this] { (void)start(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &TraceDialog::cancel);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 3);

    auto* logsPane = new QWidget(this);
    auto* logsLayout = new QVBoxLayout(logsPane);
    logsLayout->setContentsMargins(0, 0, 0, 0);
    logsLayout->addWidget(m_logsLabel);
    logsLayout->addWidget(m_logs, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_steps);
    split->addWidget(logsPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(progressRow);
    layout->addWidget(m_verdict);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 640);
    setBusy(false);
}

TraceDialog::~TraceDialog()
{
    cancel();
}

QString TraceDialog::stateText(State state)
{
    switch (state) {
    case State::Pass:
        return tr("Pass");
    case State::Warn:
        return tr("Pass, with a note");
    case State::Fail:
        return tr("Stops the user");
    case State::Unknown:
        break;
    }
    return tr("Unknown");
}

bool TraceDialog::start()
{
    if (m_trace) {
        return false;
    }
    m_banner->hide();
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    if (!sourceClient || !targetClient) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("Sign in to both tenants on the Connect page first; the trace reads the source and the target."));
        return false;
    }
    if (!m_state.configuration || !m_state.configuration->hasJob()) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("%1 has no cross-tenant synchronization configuration with a job for %2 yet, so no user is synced. "
               "Set it up on the Topology page first.")
                .arg(m_state.source.readableName(), m_state.target.readableName()));
        return false;
    }
    if (m_user.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("Name the user to trace: a sign-in name or an "
               "object id of the source."));
        return false;
    }
    auto* trace = new sync::Trace(*sourceClient, *targetClient, this);
    const sync::Trace::Target target {m_state.configuration->servicePrincipalId, m_state.configuration->jobId,
        m_state.configuration->displayName, m_state.source.readableName(), m_state.target.readableName()};
    connect(trace, &sync::Trace::finished, this, [this, trace](const TraceResult& result) {
        trace->deleteLater();
        m_trace.clear();
        setBusy(false);
        showResult(result);
        emit traced(result);
    });
    connect(trace, &sync::Trace::failed, this, [this, trace](const QString& userMessage) {
        trace->deleteLater();
        m_trace.clear();
        setBusy(false);
        m_banner->showMessage(MessageBanner::Level::Error, userMessage);
        emit failed(userMessage);
    });
    if (!trace->start(target, m_user)) {
        delete trace;
        m_banner->showMessage(MessageBanner::Level::Error, tr("The trace could not be started."));
        return false;
    }
    m_trace = trace;
    setBusy(true,
        tr("Reading %1 in %2, the configuration's schema and job, the match in %3 and the provisioning logs…")
            .arg(m_user, m_state.source.readableName(), m_state.target.readableName()));
    return true;
}

void TraceDialog::cancel()
{
    if (!m_trace) {
        return;
    }
    m_trace->cancel(); // no signal follows
    m_trace->deleteLater();
    m_trace.clear();
    setBusy(false);
    m_progressLabel->setText(tr("Trace cancelled."));
    m_progressLabel->setVisible(true);
}

void TraceDialog::setBusy(bool busy, const QString& text)
{
    m_progress->setVisible(busy);
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy || !text.isEmpty());
    m_cancelButton->setEnabled(busy);
    m_againButton->setEnabled(!busy);
}

void TraceDialog::showResult(const TraceResult& result)
{
    m_result = result;
    const QString who = result.userPrincipalName.isEmpty() ? result.user : result.userPrincipalName;
    if (const TraceResult::Step* blocker = result.blockingStep()) {
        m_verdict->showMessage(MessageBanner::Level::Warning,
            tr("Stopped at “%1”: %2\nFix: %3").arg(blocker->check, blocker->detail, blocker->fix));
    } else {
        m_verdict->showMessage(
            MessageBanner::Level::Information, tr("Nothing stops this user: %1").arg(result.conclusion));
    }

    // The blocker's row: bold, tinted and marked in words as well, so it does not rest on colour.
    const QColor base = m_steps->palette().color(QPalette::Base);
    const QColor warning(0xe0, 0xa0, 0x20);
    const auto mix = [](int a, int b) { return (a * 3 + b) / 4; };
    const QColor tint(
        mix(base.red(), warning.red()), mix(base.green(), warning.green()), mix(base.blue(), warning.blue()));
    m_steps->setRowCount(0);
    m_steps->setRowCount(static_cast<int>(result.steps.size()));
    for (int row = 0; row < result.steps.size(); ++row) {
        const TraceResult::Step& step = result.steps.at(row);
        const bool blocking = row == result.blocker;
        auto* state = cell(blocking ? tr("Stops the user first") : stateText(step.state));
        state->setIcon(stateIcon(*style(), step.state));
        state->setData(Qt::AccessibleTextRole,
            blocking ? tr("%1: the first check that stops the user").arg(stateText(step.state))
                     : stateText(step.state));
        QString detail = step.detail;
        if (!step.fix.isEmpty()) {
            detail += QLatin1Char('\n') + tr("Fix: %1").arg(step.fix);
        }
        QList<QTableWidgetItem*> items {state, cell(step.check), cell(detail)};
        for (int column = 0; column < items.size(); ++column) {
            QTableWidgetItem* item = items.at(column);
            if (blocking) {
                QFont font = m_steps->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(tint);
                item->setForeground(m_steps->palette().color(QPalette::Text));
            }
            m_steps->setItem(row, column, item);
        }
    }
    m_steps->resizeRowsToContents();
    if (result.blocker >= 0) {
        m_steps->scrollToItem(m_steps->item(result.blocker, StepState)); // not selected: the tint stays visible
    }

    m_logs->setRowCount(0);
    m_logs->setRowCount(static_cast<int>(result.logs.size()));
    for (int row = 0; row < result.logs.size(); ++row) {
        const TraceResult::LogRecord& record = result.logs.at(row);
        m_logs->setItem(
            row, LogWhen, cell(QLocale().toString(record.activityDateTime.toLocalTime(), QLocale::ShortFormat)));
        m_logs->setItem(row, LogAction, cell(record.action));
        m_logs->setItem(row, LogStatus, cell(record.status));
        m_logs->setItem(row, LogCode, cell(record.code));
        m_logs->setItem(row, LogReason, cell(record.reason));
        m_logs->setItem(row, LogBy, cell(record.initiatedBy));
    }
    m_logsLabel->setText(result.logs.isEmpty()
            ? tr("Latest provisioning log records: none for %1 (the check above says whether they could be read).")
                  .arg(who)
            : tr("Latest provisioning log records of %1, newest first:").arg(who));
}

} // namespace tb::ui
