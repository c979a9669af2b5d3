// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/TopologyPage.h"

#include "core/Workspace.h"
#include "core/auth/Account.h"
#include "core/auth/AuthError.h"
#include "core/auth/DeviceCodePrompt.h"
#include "core/auth/ScopeSet.h"
#include "core/auth/SignInService.h"
#include "core/graph/GraphError.h"
#include "core/setup/Preflight.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Journal.h"
#include "core/sync/JobMonitor.h"
#include "ui/dialogs/DeviceCodeDialog.h"
#include "ui/dialogs/StepRequestDialog.h"
#include "ui/topology/SettingStatus.h"
#include "ui/widgets/JobHealthPanel.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/TopologyView.h"

#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <variant>

namespace tb::ui {

namespace {

using model::TenantRole;
using setup::PreflightCheck;

constexpr int kIconSize = 16;

// A round badge in a state colour with a white mark: pass ✓, warn !, block ✕. The colours keep their contrast
// on light and dark palettes; the mark and the accessible name carry the meaning without colour.
QPixmap outcomeIcon(PreflightCheck::Outcome outcome, const QPalette& palette, qreal ratio)
{
    const SettingStatus status = outcome == PreflightCheck::Outcome::Pass
        ? SettingStatus::Applied
        : (outcome == PreflightCheck::Outcome::Warn ? SettingStatus::Pending : SettingStatus::Blocked);
    QPixmap pixmap(QSize(kIconSize, kIconSize) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(SettingStatusStyle::color(status, palette));
    painter.drawEllipse(QRectF(0.5, 0.5, kIconSize - 1, kIconSize - 1));
    painter.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    switch (outcome) {
    case PreflightCheck::Outcome::Pass:
        painter.drawPolyline(QPolygonF({QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)}));
        break;
    case PreflightCheck::Outcome::Warn:
        painter.drawLine(QPointF(8, 4), QPointF(8, 9));
        painter.drawPoint(QPointF(8, 12));
        break;
    case PreflightCheck::Outcome::Block:
        painter.drawLine(QPointF(5, 5), QPointF(11, 11));
        painter.drawLine(QPointF(11, 5), QPointF(5, 11));
        break;
    }
    return pixmap;
}

QString outcomeWord(PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Pass:
        return TopologyPage::tr("Passes");
    case PreflightCheck::Outcome::Warn:
        return TopologyPage::tr("Warning");
    case PreflightCheck::Outcome::Block:
        break;
    }
    return TopologyPage::tr("Blocks");
}

QLabel* wrappedLabel(const QString& text, QWidget* parent, bool secondary = false)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // sentences can quote tenant names and server answers
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (secondary) {
        label->setForegroundRole(QPalette::PlaceholderText);
    }
    return label;
}

void clearList(QVBoxLayout* list)
{
    // The last item is the stretch that keeps the rows at the top.
    while (list->count() > 1) {
        QLayoutItem* item = list->takeAt(0);
        if (item->widget()) {
            item->widget()->deleteLater();
        }
        delete item;
    }
}

QScrollArea* scrollingList(QVBoxLayout*& list, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(area);
    list = new QVBoxLayout(content);
    list->setContentsMargins(0, 0, 4, 0);
    list->setSpacing(6);
    list->addStretch(1);
    area->setWidget(content);
    return area;
}

QFrame* rowFrame(const QString& objectName, QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    return frame;
}

} // namespace

TopologyPage::TopologyPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_banner(new MessageBanner(this))
    , m_interruptedBanner(new MessageBanner(this))
    , m_resumeButton(new QPushButton(tr("&Resume"), this))
    , m_view(new TopologyView(this))
    , m_jobPanel(new JobHealthPanel(this))
    , m_preflightSummary(new QLabel(this))
    , m_preflightList(nullptr)
    , m_planSummary(new QLabel(this))
    , m_planList(nullptr)
    , m_refreshButton(new QPushButton(tr("Re&fresh"), this))
    , m_preflightButton(new QPushButton(tr("Run &preflight"), this))
    , m_grantButton(new QPushButton(tr("&Grant setup permissions…"), this))
    , m_applyButton(new QPushButton(tr("&Apply…"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("topologyPage"));
    m_banner->setObjectName(QStringLiteral("topologyBanner"));
    m_interruptedBanner->setObjectName(QStringLiteral("interruptedBanner"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_resumeButton->setVisible(false);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setToolTip(tr("Read both tenants' settings again"));
    m_preflightButton->setObjectName(QStringLiteral("preflightButton"));
    m_preflightButton->setToolTip(tr("Check roles, permissions, licences, clouds and existing guests"));
    m_grantButton->setObjectName(QStringLiteral("grantButton"));
    m_grantButton->setToolTip(tr("Sign in again and consent to the permissions that setting up needs"));
    m_grantButton->setVisible(false);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelApplyButton"));
    m_cancelButton->setVisible(false);
    m_progress->setObjectName(QStringLiteral("applyProgress"));
    m_progress->setVisible(false);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setWordWrap(true);
    m_preflightSummary->setObjectName(QStringLiteral("preflightSummary"));
    m_preflightSummary->setWordWrap(true);
    m_planSummary->setObjectName(QStringLiteral("planSummary"));
    m_planSummary->setWordWrap(true);

    auto* heading = new QLabel(tr("<h2>Topology</h2>"), this);
    auto* intro = wrappedLabel(tr("Tick what cross-tenant synchronization should have. The colour of each setting "
                                  "says whether the tenant has it already; the plan lists the changes Apply makes."),
        this);

    auto* interruptedRow = new QHBoxLayout;
    interruptedRow->addWidget(m_interruptedBanner, 1);
    interruptedRow->addWidget(m_resumeButton);

    auto* preflightBox = new QGroupBox(tr("Preflight"), this);
    auto* preflightLayout = new QVBoxLayout(preflightBox);
    preflightLayout->addWidget(m_preflightSummary);
    preflightLayout->addWidget(scrollingList(m_preflightList, preflightBox), 1);
    auto* planBox = new QGroupBox(tr("Plan"), this);
    auto* planLayout = new QVBoxLayout(planBox);
    planLayout->addWidget(m_planSummary);
    planLayout->addWidget(scrollingList(m_planList, planBox), 1);
    auto* side = new QSplitter(Qt::Vertical, this);
    side->addWidget(planBox);
    side->addWidget(preflightBox);
    side->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("topologySplitter"));
    // The job's health under the diagram, once there is a job.
    auto* diagramSide = new QSplitter(Qt::Vertical, this);
    diagramSide->setObjectName(QStringLiteral("diagramSplitter"));
    diagramSide->addWidget(m_view);
    // Its word-wrapped sentences need a height for their width, which a splitter does not give: a scroll area
    // does, and scrolls when the window is short rather than letting the lines overlap.
    m_jobScroll = new QScrollArea(this);
    m_jobScroll->setWidget(m_jobPanel);
    m_jobScroll->setWidgetResizable(true);
    m_jobScroll->setFrameShape(QFrame::NoFrame);
    diagramSide->addWidget(m_jobScroll);
    diagramSide->setStretchFactor(0, 3);
    diagramSide->setStretchFactor(1, 1);
    diagramSide->setChildrenCollapsible(false);
    m_jobPanel->setVisible(false);
    m_jobScroll->setVisible(false);
    split->addWidget(diagramSide);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The long sentences of the lists would claim most of the width; the diagram gets three fifths.
    split->setSizes({600, 400});
    split->setChildrenCollapsible(false);
    side->setMinimumWidth(300);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_preflightButton);
    buttons->addWidget(m_grantButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_progressLabel, 1);
    buttons->addWidget(m_progress);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_applyButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(interruptedRow);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_refreshButton, &QPushButton::clicked, this, &TopologyPage::refresh);
    connect(m_preflightButton, &QPushButton::clicked, this, &TopologyPage::runPreflight);
    connect(m_grantButton, &QPushButton::clicked, this, &TopologyPage::grantSetupPermissions);
    connect(m_applyButton, &QPushButton::clicked, this, &TopologyPage::apply);
    connect(m_cancelButton, &QPushButton::clicked, this, &TopologyPage::cancelApply);
    connect(m_resumeButton, &QPushButton::clicked, this, &TopologyPage::resumeInterrupted);
    connect(m_view, &TopologyView::desiredChanged, this, &TopologyPage::setDesired);

    auth::SignInService& service = m_workspace.signIn();
    connect(&service, &auth::SignInService::promptReady, this, &TopologyPage::showGrantPrompt);
    connect(&service, &auth::SignInService::signInFailed, this, &TopologyPage::showGrantFailed);
    connect(&service, &auth::SignInService::signedIn, this,
        [this](TenantRole role, const auth::Account&) { showGrantDone(role); });
    connect(&m_workspace, &Workspace::tenantsChanged, this, [this] {
        // Also sent when an account only changed its scopes or needs consent (the token cache's answer to a read
        // of this page): the same tenants on the same clients, so the read under way stands. Starting it again
        // would ask for the same token, hear the same answer, and go round for ever.
        if (!pairChanged()) {
            updateButtons();
            return;
        }
        // A role signed in or out: its setup client was made anew, so a read under way is stale.
        dropRead();
        dropPreflight();
        m_refreshWanted = true;
        if (isVisible() && !isApplying() && !m_grantRole) {
            refresh();
        }
        updateButtons();
    });

    m_view->setDesired(m_desired);
    showPlan();
    showPreflight();
    updateButtons();
}

TopologyPage::~TopologyPage() = default;

TopologyPage::Pair TopologyPage::currentPair() const
{
    const auto source = m_workspace.tenant(TenantRole::Source);
    const auto target = m_workspace.tenant(TenantRole::Target);
    return {source ? source->id : QString(), target ? target->id : QString(),
        m_workspace.setupClient(TenantRole::Source), m_workspace.setupClient(TenantRole::Target)};
}

bool TopologyPage::pairChanged() const
{
    return !(currentPair() == m_readPair);
}

void TopologyPage::dropRead()
{
    if (m_reader) {
        m_reader->cancel();
        m_reader->deleteLater();
    }
}

void TopologyPage::dropPreflight()
{
    if (m_preflight) {
        m_preflight->cancel();
        m_preflight->deleteLater();
    }
}

bool TopologyPage::isApplying() const
{
    return m_runner && m_runner->isRunning();
}

bool TopologyPage::isReading() const
{
    return m_reader && m_reader->isReading();
}

void TopologyPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_refreshWanted && !isApplying()) {
        refresh();
    }
}

QString TopologyPage::defaultConfigurationName() const
{
    const auto source = m_workspace.tenant(TenantRole::Source);
    const auto target = m_workspace.tenant(TenantRole::Target);
    if (!source || !target) {
        return {};
    }
    // Data, not user interface text: the same name the CLI gives (issue 4's decisions).
    return source->readableName() + QStringLiteral(" to ") + target->readableName();
}

void TopologyPage::refresh()
{
    if (isApplying()) {
        return;
    }
    const auto source = m_workspace.tenant(TenantRole::Source);
    const auto target = m_workspace.tenant(TenantRole::Target);
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    if (!source || !target || !sourceClient || !targetClient) {
        m_refreshWanted = true;
        showState({});
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("Sign in to the source and the target tenant on the Connect page; this page then reads how both "
               "are set."));
        return;
    }
    m_refreshWanted = false;
    m_readPair = currentPair();
    // The boxes name the signed-in tenants while their settings are read.
    if (!m_state.isValid() || m_state.source.id != source->id || m_state.target.id != target->id) {
        setup::SetupState reading;
        reading.source = *source;
        reading.target = *target;
        m_view->setState(reading);
    }
    if (m_nameIsDefault) {
        m_desired.configurationDisplayName = defaultConfigurationName();
        m_view->setDesired(m_desired);
    }
    dropRead();
    auto* reader = new setup::SetupStateReader(*sourceClient, *targetClient, this);
    m_reader = reader;
    connect(reader, &setup::SetupStateReader::finished, this, [this, reader](const setup::SetupState& state) {
        reader->deleteLater();
        if (!m_keepBannerOnRead) {
            m_banner->hide();
        }
        m_keepBannerOnRead = false;
        m_progressLabel->clear();
        showState(state);
        emit stateRead();
        runPreflight();
    });
    connect(reader, &setup::SetupStateReader::failed, this,
        [this, reader](const QString& userMessage, const graph::GraphError& error) {
            reader->deleteLater();
            if (error.kind() == graph::GraphError::Kind::Cancelled) {
                return; // this page cancelled it for a newer read, which says what happened
            }
            m_keepBannerOnRead = false;
            m_progressLabel->clear();
            m_banner->showMessage(MessageBanner::Level::Error, userMessage);
            updateButtons();
            emit stateReadFailed(userMessage);
        });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName = m_desired.configurationDisplayName;
    m_progressLabel->setText(tr("Reading %1 and %2…").arg(source->readableName(), target->readableName()));
    m_reader->read(*source, *target, options);
    updateButtons();
}

void TopologyPage::showState(const setup::SetupState& state)
{
    m_state = state;
    m_view->setState(state);
    showJobPanel();
    rebuildPlan();
    showInterrupted();
    updateButtons();
}

void TopologyPage::showJobPanel()
{
    graph::GraphClient* client = m_workspace.setupClient(TenantRole::Source);
    const bool hasJob = m_state.isValid() && m_state.configuration && m_state.configuration->hasJob() && client;
    if (!hasJob) {
        m_jobPanel->setVisible(false);
        m_jobScroll->setVisible(false);
        m_jobPanel->setMonitor(nullptr);
        return;
    }
    // A sign-in makes the source's setup client anew: the monitor of the old one goes with it.
    if (!m_jobMonitor || m_jobClient != client) {
        if (m_jobMonitor) {
            m_jobPanel->setMonitor(nullptr);
            m_jobMonitor->deleteLater();
        }
        m_jobMonitor = new sync::JobMonitor(*client, this);
        m_jobClient = client;
        // The diagram's "Job:" line follows what the panel reads.
        connect(m_jobMonitor, &sync::JobMonitor::jobChanged, this, [this](const model::SyncJob& job) {
            if (m_state.configuration && m_state.configuration->jobId == job.id
                && m_state.configuration->jobStatusCode != job.statusCode) {
                m_state.configuration->jobStatusCode = job.statusCode;
                m_view->setState(m_state);
                // A quarantine usually means a tenant's access settings changed behind our back (the target
                // stopped inbound sync): read both tenants again so the diagram shows which switch it was.
                if (job.isQuarantined() && !isReading() && !isApplying()) {
                    refresh();
                }
            }
        });
    }
    m_jobMonitor->setJob(m_state.configuration->servicePrincipalId, m_state.configuration->jobId);
    m_jobPanel->setNames(m_state.configuration->displayName, m_state.target.readableName());
    m_jobPanel->setMonitor(m_jobMonitor);
    m_jobScroll->setVisible(true);
    m_jobPanel->setVisible(true);
}

void TopologyPage::setDesired(const model::DesiredSettings& desired)
{
    m_desired = desired;
    if (m_report) {
        // The checks that follow from the ticks alone (auto-redemption on both sides) follow them at once; the
        // ones that read the tenants wait for the next Run preflight.
        setup::Preflight::Input input;
        input.state = m_state;
        input.desired = m_desired;
        input.sourceAccount = m_workspace.signIn().account(TenantRole::Source);
        input.targetAccount = m_workspace.signIn().account(TenantRole::Target);
        input.sourceSetupScopes = Workspace::setupScopes(TenantRole::Source);
        input.targetSetupScopes = Workspace::setupScopes(TenantRole::Target);
        for (const PreflightCheck& offline : setup::Preflight::offlineChecks(input)) {
            for (PreflightCheck& check : m_report->checks) {
                if (check.id == offline.id) {
                    check = offline;
                }
            }
        }
        showPreflight();
    }
    rebuildPlan();
    updateButtons();
}

void TopologyPage::rebuildPlan()
{
    m_plan = m_state.isValid() ? setup::SetupPlan::build(m_desired, m_state) : setup::SetupPlan();
    showPlan();
    emit planChanged();
}

void TopologyPage::showPlan()
{
    clearList(m_planList);
    m_stepStatus.clear();
    if (!m_state.isValid()) {
        m_planSummary->setText(tr("The plan appears once both tenants have been read."));
        return;
    }
    const int pending = static_cast<int>(m_plan.pendingSteps().size());
    m_planSummary->setText(pending == 0 ? tr("Nothing to change: both tenants are set as ticked.")
                                        : tr("%n change(s) to make, in this order (target first).", nullptr, pending));
    QWidget* content = m_planList->parentWidget();
    int index = 0;
    for (const setup::PlanStep& step : m_plan.steps()) {
        QFrame* row = rowFrame(QStringLiteral("planStep:") + step.id, content);
        auto* rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(8, 6, 8, 6);
        rowLayout->setSpacing(3);
        auto* top = new QHBoxLayout;
        auto* status = new QLabel(row);
        status->setObjectName(QStringLiteral("stepStatus"));
        status->setTextFormat(Qt::PlainText);
        QFont bold = status->font();
        bold.setBold(true);
        status->setFont(bold);
        status->setText(step.satisfied ? tr("Already done") : tr("Pending"));
        if (step.satisfied) {
            status->setForegroundRole(QPalette::PlaceholderText);
        }
        m_stepStatus.insert(step.id, status);
        auto* number = new QLabel(tr("%1.").arg(++index), row);
        auto* showRequest = new QPushButton(tr("Show request…"), row);
        showRequest->setObjectName(QStringLiteral("showRequestButton"));
        showRequest->setAccessibleName(tr("Show the request of step %1").arg(index));
        showRequest->setEnabled(!step.satisfied);
        connect(showRequest, &QPushButton::clicked, this, [this, step] {
            auto* dialog = new StepRequestDialog(step, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        top->addWidget(number);
        top->addWidget(status, 1);
        top->addWidget(showRequest);
        rowLayout->addLayout(top);
        rowLayout->addWidget(wrappedLabel(step.description, row, step.satisfied));
        if (!step.warning.isEmpty() && !step.satisfied) {
            QLabel* warning = wrappedLabel(tr("Warning: %1").arg(step.warning), row);
            warning->setObjectName(QStringLiteral("stepWarning"));
            rowLayout->addWidget(warning);
        }
        m_planList->insertWidget(m_planList->count() - 1, row);
    }
}

void TopologyPage::runPreflight()
{
    if (!m_state.isValid() || isApplying()) {
        return;
    }
    dropPreflight();
    auto* preflight = new setup::Preflight(
        m_workspace.setupClient(TenantRole::Source), m_workspace.setupClient(TenantRole::Target), this);
    m_preflight = preflight;
    connect(preflight, &setup::Preflight::finished, this, [this, preflight](const setup::PreflightReport& report) {
        preflight->deleteLater();
        m_report = report;
        showPreflight();
        updateButtons();
        emit preflightFinished();
    });
    setup::Preflight::Input input;
    input.state = m_state;
    input.desired = m_desired;
    input.sourceAccount = m_workspace.signIn().account(TenantRole::Source);
    input.targetAccount = m_workspace.signIn().account(TenantRole::Target);
    input.sourceSetupScopes = Workspace::setupScopes(TenantRole::Source);
    input.targetSetupScopes = Workspace::setupScopes(TenantRole::Target);
    m_preflightSummary->setText(tr("Checking both tenants…"));
    m_preflight->run(input);
    updateButtons();
}

void TopologyPage::showPreflight()
{
    clearList(m_preflightList);
    if (!m_report) {
        m_preflightSummary->setText(tr("Not run yet."));
        m_view->setBlocked(false);
        return;
    }
    const setup::PreflightReport& report = *m_report;
    QString firstBlock;
    for (const PreflightCheck& check : report.checks) {
        if (check.outcome == PreflightCheck::Outcome::Block && firstBlock.isEmpty()) {
            firstBlock = check.title;
        }
    }
    m_view->setBlocked(report.isBlocked(), firstBlock.isEmpty() ? QString() : tr("preflight (%1)").arg(firstBlock));
    m_preflightSummary->setText(report.isBlocked()
            ? tr("Blocked: fix what is marked before applying.")
            : (report.hasWarnings() ? tr("No blocker; read the warnings.") : tr("Every check passes.")));

    QWidget* content = m_preflightList->parentWidget();
    const qreal ratio = devicePixelRatioF();
    // What needs attention first: blocks, then warnings, then what passes, each in the report's order.
    QList<PreflightCheck> checks = report.checks;
    std::stable_sort(checks.begin(), checks.end(), [](const PreflightCheck& a, const PreflightCheck& b) {
        return static_cast<int>(a.outcome) > static_cast<int>(b.outcome);
    });
    for (const PreflightCheck& check : checks) {
        QFrame* row = rowFrame(QStringLiteral("preflightCheck:") + check.id, content);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(8, 6, 8, 6);
        auto* icon = new QLabel(row);
        icon->setPixmap(outcomeIcon(check.outcome, palette(), ratio));
        icon->setAccessibleName(outcomeWord(check.outcome));
        icon->setToolTip(outcomeWord(check.outcome));
        icon->setAlignment(Qt::AlignTop);
        auto* text = new QVBoxLayout;
        text->setSpacing(2);
        QLabel* title = wrappedLabel(check.title, row);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        text->addWidget(title);
        text->addWidget(wrappedLabel(check.sentence, row));
        if (!check.fix.isEmpty()) {
            text->addWidget(wrappedLabel(tr("Fix: %1").arg(check.fix), row));
        }
        if (!check.details.isEmpty()) {
            text->addWidget(wrappedLabel(check.details.join(QLatin1Char('\n')), row, true));
        }
        rowLayout->addWidget(icon, 0, Qt::AlignTop);
        rowLayout->addLayout(text, 1);
        m_preflightList->insertWidget(m_preflightList->count() - 1, row);
    }
    if (!report.trustAudit.isEmpty()) {
        auto* heading = new QLabel(
            tr("<b>Partners that %1 lets in</b>").arg(m_state.target.readableName().toHtmlEscaped()), content);
        m_preflightList->insertWidget(m_preflightList->count() - 1, heading);
    }
    for (const setup::TrustAuditEntry& entry : report.trustAudit) {
        QStringList what;
        if (entry.userSyncInbound) {
            what << tr("user sync in");
        }
        if (entry.inboundAutoRedeem) {
            what << tr("inbound auto-redemption");
        }
        if (entry.outboundAutoRedeem) {
            what << tr("outbound auto-redemption");
        }
        const QString name = entry.displayName.isEmpty() ? entry.tenantId : entry.displayName;
        QString line = entry.defaultDomainName.isEmpty() ? name : tr("%1 (%2)").arg(name, entry.defaultDomainName);
        line = tr("%1: %2").arg(line, what.isEmpty() ? tr("nothing allowed") : what.join(tr(", ")));
        if (entry.isThisPairsSource) {
            line += tr(" — the source of this pair");
        }
        QLabel* label = wrappedLabel(line, content);
        label->setObjectName(QStringLiteral("trustAudit:") + entry.tenantId);
        m_preflightList->insertWidget(m_preflightList->count() - 1, label);
    }
}

store::Journal& TopologyPage::journal()
{
    if (!m_journal) {
        m_journal = std::make_unique<store::Journal>(m_workspace.database());
    }
    return *m_journal;
}

void TopologyPage::showInterrupted()
{
    m_interruptedRunId.clear();
    if (!m_state.isValid()) {
        m_interruptedBanner->hide();
        m_resumeButton->hide();
        return;
    }
    const QStringList runs = setup::PlanRunner::interruptedRuns(journal(), m_state.source.id, m_state.target.id);
    if (runs.isEmpty()) {
        m_interruptedBanner->hide();
        m_resumeButton->hide();
        return;
    }
    m_interruptedRunId = runs.first();
    // Where it stopped: the newest step whose last row is an intent.
    QString stepKey;
    QDateTime when;
    const auto entries = journal().entries(m_interruptedRunId);
    if (const auto* rows = std::get_if<QList<store::JournalEntry>>(&entries)) {
        QHash<QString, store::JournalEntry> last;
        for (const store::JournalEntry& row : *rows) {
            last.insert(row.stepKey, row);
            when = row.recordedAt;
        }
        for (const store::JournalEntry& row : *rows) {
            if (last.value(row.stepKey).phase == store::JournalEntry::Phase::Intent
                && row.stepKey != QStringLiteral("run")) {
                stepKey = row.stepKey;
                when = row.recordedAt;
            }
        }
    }
    QString where = stepKey;
    for (const setup::PlanStep& step : m_plan.steps()) {
        if (step.id == stepKey) {
            where = step.description;
        }
    }
    if (where.endsWith(QLatin1Char('.'))) {
        where.chop(1); // it is quoted inside a sentence
    }
    const QString at = when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : QString();
    m_interruptedBanner->showMessage(MessageBanner::Level::Warning,
        where.isEmpty()
            ? tr("A previous apply was interrupted (%1). Resume it to finish what is left; nothing is made twice.")
                  .arg(at)
            : tr("A previous apply was interrupted at “%1” (%2). Resume it to finish what is left; nothing is made "
                 "twice.")
                  .arg(where, at));
    m_resumeButton->show();
}

void TopologyPage::apply()
{
    if (!m_state.isValid() || m_plan.isEmpty() || isApplying() || (m_report && m_report->isBlocked())) {
        return;
    }
    const int changes = static_cast<int>(m_plan.pendingSteps().size());
    auto* box = new QMessageBox(QMessageBox::Question, tr("Apply the plan"),
        tr("Apply %n change(s) to the source tenant %1 and the target tenant %2?", nullptr, changes)
            .arg(m_state.source.readableName(), m_state.target.readableName()),
        QMessageBox::Ok | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("applyConfirmation"));
    box->setTextFormat(Qt::PlainText);
    QString details
        = tr("Source: %1 (%2)\nTarget: %3 (%4)")
              .arg(m_state.source.readableName(), m_state.source.id, m_state.target.readableName(), m_state.target.id);
    const QStringList warnings = m_plan.warnings();
    if (!warnings.isEmpty()) {
        details += QStringLiteral("\n\n") + warnings.join(QStringLiteral("\n\n"));
    }
    if (!m_report) {
        details += QStringLiteral("\n\n") + tr("Preflight has not run: problems show only when a step fails.");
    }
    box->setInformativeText(details);
    box->button(QMessageBox::Ok)->setText(tr("Apply %n change(s)", nullptr, changes));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton* button) {
        if (button == box->button(QMessageBox::Ok)) {
            startRun({});
        }
    });
    m_confirmation = box;
    box->open();
}

void TopologyPage::resumeInterrupted()
{
    if (!m_interruptedRunId.isEmpty() && m_state.isValid() && !isApplying()) {
        startRun(m_interruptedRunId);
    }
}

void TopologyPage::startRun(const QString& resumeRunId)
{
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    if (!sourceClient || !targetClient || isApplying()) {
        return;
    }
    dropRead();
    dropPreflight();
    m_runner = new setup::PlanRunner(*sourceClient, *targetClient, journal(), this);
    connect(m_runner, &setup::PlanRunner::stepStarted, this, &TopologyPage::showStepStarted);
    connect(m_runner, &setup::PlanRunner::stepFinished, this, &TopologyPage::showStepFinished);
    connect(m_runner, &setup::PlanRunner::progressMessage, m_progressLabel, &QLabel::setText);
    connect(m_runner, &setup::PlanRunner::finished, this, &TopologyPage::showRunFinished);
    m_banner->hide();
    m_interruptedBanner->hide();
    m_resumeButton->hide();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->setText(tr("Starting…"));
    if (resumeRunId.isEmpty()) {
        m_runner->start(m_desired, m_state);
    } else {
        m_runner->resume(resumeRunId, m_state.source, m_state.target);
    }
    updateButtons();
}

void TopologyPage::cancelApply()
{
    if (isApplying()) {
        m_runner->cancel();
        m_progressLabel->setText(tr("Stopping after the current step…"));
        m_cancelButton->setEnabled(false);
    }
}

void TopologyPage::showStepStarted(const QString& stepId, int index, int count)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    QString description = stepId;
    for (const setup::PlanStep& step : m_plan.steps()) {
        if (step.id == stepId) {
            description = step.description;
        }
    }
    m_progressLabel->setText(tr("Step %1 of %2: %3").arg(index + 1).arg(count).arg(description));
    if (QLabel* status = m_stepStatus.value(stepId)) {
        status->setText(tr("In progress…"));
    }
}

void TopologyPage::showStepFinished(const setup::PlanRunner::StepResult& result)
{
    m_progress->setValue(m_progress->value() + 1);
    if (QLabel* status = m_stepStatus.value(result.stepId)) {
        const bool failed = result.httpStatus >= 400;
        status->setText(
            failed ? tr("Failed (%1)").arg(result.httpStatus) : (result.sent ? tr("Done") : tr("Already done")));
        status->setToolTip(result.message);
    }
}

void TopologyPage::showRunFinished(const setup::PlanRunner::Result& result)
{
    if (m_runner) {
        m_runner->deleteLater();
    }
    m_progress->hide();
    m_progressLabel->clear();
    switch (result.outcome) {
    case setup::PlanRunner::Outcome::Succeeded:
        m_banner->showMessage(MessageBanner::Level::Information,
            result.message.isEmpty() ? tr("The plan was applied. Both tenants are read again to show the result.")
                                     : result.message);
        break;
    case setup::PlanRunner::Outcome::Cancelled:
        m_banner->showMessage(MessageBanner::Level::Warning,
            result.message.isEmpty() ? tr("Apply was cancelled; the steps done so far stay done.") : result.message);
        break;
    case setup::PlanRunner::Outcome::Failed:
        m_banner->showMessage(MessageBanner::Level::Error,
            result.message.isEmpty() ? tr("A step failed; see the plan for which one.") : result.message);
        break;
    }
    const bool succeeded = result.outcome == setup::PlanRunner::Outcome::Succeeded;
    updateButtons();
    // Read again: the diagram shows what the tenants have now. The outcome stays in view meanwhile.
    m_keepBannerOnRead = true;
    refresh();
    emit applyFinished(succeeded);
}

QList<TenantRole> TopologyPage::rolesMissingSetupScopes() const
{
    QList<TenantRole> roles;
    for (const TenantRole role : {TenantRole::Source, TenantRole::Target}) {
        const auto account = m_workspace.signIn().account(role);
        if (account && !auth::ScopeSet::missing(account->grantedScopes, Workspace::setupScopes(role)).isEmpty()) {
            roles.append(role);
        }
    }
    return roles;
}

void TopologyPage::grantSetupPermissions()
{
    if (m_grantRole || isApplying()) {
        return;
    }
    grantNext();
}

void TopologyPage::grantNext()
{
    const QList<TenantRole> roles = rolesMissingSetupScopes();
    if (roles.isEmpty()) {
        m_grantRole.reset();
        updateButtons();
        refresh();
        return;
    }
    const TenantRole role = roles.first();
    const auto account = m_workspace.signIn().account(role);
    const QString tenant = account->requestedTenant.isEmpty() ? account->tenantId : account->requestedTenant;
    m_grantRole = role;
    dropRead();
    dropPreflight();
    const QString roleTitle = role == TenantRole::Source ? tr("source tenant") : tr("target tenant");
    m_grantDialog = new DeviceCodeDialog(roleTitle, tenant, window());
    m_grantDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_grantDialog, &DeviceCodeDialog::cancelRequested, this, [this] {
        if (m_grantRole) {
            m_workspace.signIn().cancelSignIn(*m_grantRole);
        }
    });
    connect(m_grantDialog, &DeviceCodeDialog::retryRequested, this, [this, tenant] {
        if (m_grantRole) {
            m_workspace.signIn().signIn(*m_grantRole, tenant, Workspace::setupScopes(*m_grantRole));
        }
    });
    m_grantDialog->show();
    m_workspace.signIn().signIn(role, tenant, Workspace::setupScopes(role));
    updateButtons();
}

void TopologyPage::showGrantPrompt(TenantRole role, const auth::DeviceCodePrompt& prompt)
{
    if (m_grantRole == role && m_grantDialog) {
        m_grantDialog->showPrompt(prompt);
    }
}

void TopologyPage::showGrantFailed(TenantRole role, const auth::AuthError& error)
{
    if (m_grantRole != role) {
        return;
    }
    if (error.kind == auth::AuthError::Kind::Cancelled || !m_grantDialog || !m_grantDialog->isVisible()) {
        if (m_grantDialog) {
            m_grantDialog->close();
        }
        m_grantRole.reset();
        if (error.kind != auth::AuthError::Kind::Cancelled) {
            m_banner->showMessage(MessageBanner::Level::Error, error.userMessage);
        }
        updateButtons();
        return;
    }
    m_grantDialog->showFailure(error.userMessage,
        error.kind != auth::AuthError::Kind::Configuration && error.kind != auth::AuthError::Kind::InvalidInput);
}

void TopologyPage::showGrantDone(TenantRole role)
{
    if (m_grantRole != role) {
        updateButtons();
        return;
    }
    if (m_grantDialog) {
        m_grantDialog->accept();
    }
    grantNext();
}

void TopologyPage::updateButtons()
{
    const bool applying = isApplying();
    const bool reading = isReading();
    const bool known = m_state.isValid();
    const bool blocked = m_report && m_report->isBlocked();
    const bool granting = m_grantRole.has_value();
    m_refreshButton->setEnabled(!applying && !granting);
    m_preflightButton->setEnabled(known && !applying && !reading && !granting);
    m_applyButton->setEnabled(known && !m_plan.isEmpty() && !applying && !reading && !blocked && !granting);
    m_applyButton->setToolTip(blocked ? tr("Preflight blocks this pair: see the checks marked as blocking")
                                      : tr("Make the changes of the plan, after a confirmation"));
    m_cancelButton->setVisible(applying);
    m_cancelButton->setEnabled(applying);
    m_view->setEnabled(!applying);
    m_resumeButton->setEnabled(!applying && !reading && !granting);
    const bool missing = !rolesMissingSetupScopes().isEmpty();
    m_grantButton->setVisible(missing || granting);
    m_grantButton->setEnabled(missing && !applying && !granting);
}

} // namespace tb::ui
