// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/CleanupDialog.h"

#include "core/Workspace.h"
#include "core/model/TenantRole.h"
#include "core/store/Journal.h"
#include "ui/widgets/MessageBanner.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace tb::ui {

using model::TenantRole;
using sync::CleanupListing;
using sync::CleanupPlanner;

namespace {

enum Column { Name, PrincipalName, Origin, StateColumn, ColumnCount };

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

int takenOverCount(const CleanupListing& listing)
{
    int n = 0;
    for (const CleanupListing::TargetUser& user : listing.users) {
        n += user.origin == CleanupListing::Origin::ProvisioningLogs && !user.gone && !user.createdBySync
                && user.userType.compare(QLatin1String("Guest"), Qt::CaseInsensitive) == 0
            ? 1
            : 0;
    }
    return n;
}

int goneCount(const CleanupListing& listing)
{
    int n = 0;
    for (const CleanupListing::TargetUser& user : listing.users) {
        n += user.origin == CleanupListing::Origin::ProvisioningLogs && user.gone ? 1 : 0;
    }
    return n;
}

} // namespace

CleanupDialog::CleanupDialog(Workspace& workspace, const setup::SetupState& state, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_state(state)
    , m_journal(std::make_unique<store::Journal>(workspace.database()))
    , m_heading(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_counts(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_users(new QTableWidget(0, ColumnCount, this))
    , m_result(new QLabel(this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_removeButton(new QPushButton(tr("Remove the &assignments…"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    const QString source = m_state.source.readableName();
    const QString target = m_state.target.readableName();
    setObjectName(QStringLiteral("cleanupDialog"));
    setWindowTitle(tr("Clean up what sync created in %1").arg(target));
    setAccessibleName(windowTitle());

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setText(tr("What synchronization created in %1 for %2").arg(target, source));
    auto* intro = new QLabel(tr("Deleting a configuration leaves the users it provisioned in the target. This lists "
                                "the users of %1 that the configuration “%2” created or took over, as its provisioning "
                                "logs show. Removing the configuration's assignments makes the synchronization "
                                "service delete them on its next cycle.")
                                 .arg(target, m_state.configuration ? m_state.configuration->displayName : QString()),
        this);
    intro->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("cleanupBanner"));
    m_counts->setObjectName(QStringLiteral("cleanupCounts"));
    m_counts->setWordWrap(true);
    m_counts->setTextFormat(Qt::PlainText); // tenant names: never markup
    QFont countsFont = m_counts->font();
    countsFont.setBold(true);
    m_counts->setFont(countsFont);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progress->setObjectName(QStringLiteral("cleanupProgress"));
    m_progress->setRange(0, 0); // the planner cannot say how far it is
    m_progress->setAccessibleName(tr("Working"));
    m_progressLabel->setObjectName(QStringLiteral("cleanupProgressLabel"));
    m_progressLabel->setWordWrap(true);

    m_users->setObjectName(QStringLiteral("cleanupUsersTable"));
    m_users->setAccessibleName(tr("Users in %1 that synchronization created or took over").arg(target));
    m_users->setHorizontalHeaderLabels({tr("Name"), tr("Sign-in name"), tr("How it got there"), tr("State")});
    m_users->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_users->setSelectionMode(QAbstractItemView::SingleSelection);
    m_users->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_users->verticalHeader()->setVisible(false);
    // The sign-in names of invited users are long (alias_domain#EXT#@target): that column takes the room left and
    // elides in the middle, the full name in its tooltip.
    m_users->setTextElideMode(Qt::ElideMiddle);
    m_users->setWordWrap(false);
    m_users->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_users->horizontalHeader()->setSectionResizeMode(PrincipalName, QHeaderView::Stretch);
    m_users->setSortingEnabled(false);

    m_result->setObjectName(QStringLiteral("cleanupResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);

    m_refreshButton->setObjectName(QStringLiteral("cleanupRefreshButton"));
    m_refreshButton->setAccessibleName(tr("Read the list again"));
    m_removeButton->setObjectName(QStringLiteral("cleanupRemoveButton"));
    m_removeButton->setAccessibleName(tr("Remove the configuration's assignments"));
    m_cancelButton->setObjectName(QStringLiteral("cleanupCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel reading"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_refreshButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_removeButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] { (void)refresh(); });
    connect(m_removeButton, &QPushButton::clicked, this, &CleanupDialog::requestRemoval);
    connect(m_cancelButton, &QPushButton::clicked, this, &CleanupDialog::cancel);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addWidget(m_counts);
    layout->addLayout(progressRow);
    layout->addWidget(m_users, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(1100, 620);
    setBusy(false);
}

CleanupDialog::~CleanupDialog()
{
    if (m_planner) {
        // A removal under way stops after the batch in flight is dropped; the journal says which batch that was.
        m_planner->cancel();
    }
}

QString CleanupDialog::originText(const CleanupListing::TargetUser& user, const QString& sourceName)
{
    if (user.origin == CleanupListing::Origin::SourceDomain) {
        return tr("B2B user from %1, not proven to be from sync").arg(sourceName);
    }
    if (user.createdBySync) {
        return tr("Created by sync");
    }
    if (user.userType.compare(QLatin1String("Guest"), Qt::CaseInsensitive) == 0) {
        return tr("Taken over: an existing B2B guest");
    }
    return tr("Taken over, or created over 30 days ago");
}

QString CleanupDialog::removalText(const CleanupListing& listing, const QString& targetName)
{
    QStringList parts {
        CleanupPlanner::removalWarning(static_cast<int>(listing.assignments.size()), listing.provenCount())};
    if (const int takenOver = takenOverCount(listing); takenOver > 0) {
        parts.append(tr("%n of these user(s) were B2B guests in %1 before sync took them over; they are deleted as "
                        "well, not handed back as they were.",
            nullptr, takenOver)
                         .arg(targetName));
    }
    if (const int unproven = listing.count(CleanupListing::Origin::SourceDomain); unproven > 0) {
        parts.append(tr("The %n B2B user(s) from the source's domains that are not proven to be from this "
                        "configuration are not touched.",
            nullptr, unproven));
    }
    return parts.join(QLatin1Char(' '));
}

CleanupPlanner* CleanupDialog::newPlanner()
{
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    if (!sourceClient || !targetClient) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("Sign in to both tenants on the Connect page first; the clean-up reads the source and the target."));
        return nullptr;
    }
    auto* planner = new CleanupPlanner(*sourceClient, *targetClient, this);
    connect(planner, &CleanupPlanner::progress, this,
        [this](const QString& step) { m_progressLabel->setText(step + QStringLiteral("…")); });
    connect(planner, &CleanupPlanner::failed, this, [this, planner](const QString& userMessage) {
        planner->deleteLater();
        m_planner.clear();
        setBusy(false);
        m_banner->showMessage(MessageBanner::Level::Error, userMessage);
        emit failed(userMessage);
    });
    m_planner = planner;
    return planner;
}

bool CleanupDialog::refresh()
{
    if (m_busy) {
        return false;
    }
    m_banner->hide();
    if (!m_state.configuration || !m_state.configuration->hasJob()) {
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("%1 has no cross-tenant synchronization configuration with a job for %2, so there is nothing it "
               "created to list.")
                .arg(m_state.source.readableName(), m_state.target.readableName()));
        return false;
    }
    CleanupPlanner* planner = newPlanner();
    if (!planner) {
        return false;
    }
    connect(planner, &CleanupPlanner::listed, this, [this, planner](const CleanupListing& listing) {
        planner->deleteLater();
        m_planner.clear();
        setBusy(false);
        showListing(listing);
        emit listed(listing);
    });
    setBusy(true, tr("Reading the provisioning logs…"));
    if (!planner->list(
            m_state.configuration->servicePrincipalId, m_state.configuration->jobId, m_state.source.readableName())) {
        delete planner;
        setBusy(false);
        m_banner->showMessage(MessageBanner::Level::Error, tr("The list could not be read."));
        return false;
    }
    return true;
}

void CleanupDialog::showListing(const CleanupListing& listing)
{
    m_listing = listing;
    const QString source = m_state.source.readableName();
    const QString target = m_state.target.readableName();
    const int proven = listing.provenCount();
    const int gone = goneCount(listing);
    const int unproven = listing.count(CleanupListing::Origin::SourceDomain);
    // One count per sentence, so that each noun gets its singular or plural.
    m_counts->setText(tr("%n user(s) in %1 that this configuration created or took over (its provisioning logs "
                         "prove it), %2 of them deleted already.",
                          nullptr, proven + gone)
                          .arg(target, QLocale().toString(gone))
        + QLatin1Char(' ')
        + tr("%n B2B user(s) from %1's domains not proven to be from it.", nullptr, unproven).arg(source)
        + QLatin1Char(' ')
        + tr("%n assignment(s) of the configuration.", nullptr, static_cast<int>(listing.assignments.size())));
    if (!listing.problems.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning, listing.problems.join(QLatin1Char('\n')));
    }

    m_users->setRowCount(0);
    m_users->setRowCount(static_cast<int>(listing.users.size()));
    for (int row = 0; row < listing.users.size(); ++row) {
        const CleanupListing::TargetUser& user = listing.users.at(row);
        const bool guest = user.userType.compare(QLatin1String("Guest"), Qt::CaseInsensitive) == 0;
        QString state;
        if (user.gone) {
            state = tr("Deleted: no longer in %1").arg(target);
        } else if (user.origin == CleanupListing::Origin::SourceDomain) {
            state = guest ? tr("Guest in %1; not removed").arg(target) : tr("Member in %1; not removed").arg(target);
        } else if (user.userType.isEmpty()) {
            state = tr("Could not be checked");
        } else {
            state = guest ? tr("Guest in %1").arg(target) : tr("Member in %1").arg(target);
        }
        auto* name = cell(user.displayName.isEmpty() ? user.sourceDisplayName : user.displayName);
        auto* principal = cell(
            user.userPrincipalName.isEmpty() ? tr("object id %1").arg(user.targetUserId) : user.userPrincipalName);
        principal->setToolTip(principal->text());
        auto* origin = cell(originText(user, source));
        if (user.lastActivity.isValid()) {
            origin->setToolTip(
                tr("Last successful %1 on %2; source user %3")
                    .arg(user.lastAction, QLocale().toString(user.lastActivity.toLocalTime(), QLocale::ShortFormat),
                        user.sourceDisplayName.isEmpty() ? user.sourceUserId : user.sourceDisplayName));
        }
        auto* stateItem = cell(state);
        if (user.gone) {
            QFont font = m_users->font();
            font.setItalic(true);
            for (QTableWidgetItem* item : {name, principal, origin, stateItem}) {
                item->setFont(font);
            }
        }
        m_users->setItem(row, Name, name);
        m_users->setItem(row, PrincipalName, principal);
        m_users->setItem(row, Origin, origin);
        m_users->setItem(row, StateColumn, stateItem);
    }
    m_users->resizeColumnsToContents();
    updateButtons();
}

void CleanupDialog::requestRemoval()
{
    if (m_busy || m_confirmation || !m_listing || m_listing->assignments.isEmpty()) {
        return;
    }
    const CleanupListing& listing = *m_listing;
    const int assignments = static_cast<int>(listing.assignments.size());
    int users = 0;
    int groups = 0;
    for (const model::AppRoleAssignment& assignment : listing.assignments) {
        users += assignment.isUser() ? 1 : 0;
        groups += assignment.isGroup() ? 1 : 0;
    }
    const QString target = m_state.target.readableName();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove the assignments"),
        tr("Remove the %n assignment(s) of “%1” (%2), so that %3?", nullptr, assignments)
            .arg(m_state.configuration ? m_state.configuration->displayName : QString(),
                tr("%1, %2", "users, groups").arg(tr("%n user(s)", nullptr, users), tr("%n group(s)", nullptr, groups)),
                tr("%n user(s) are deleted in %1", nullptr, listing.provenCount()).arg(target)),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("cleanupConfirmation"));
    box->setTextFormat(Qt::PlainText); // the configuration's and the tenant's names: never markup
    box->setInformativeText(removalText(listing, target));
    QPushButton* go = box->addButton(tr("Remove %n assignment(s)", nullptr, assignments), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("cleanupConfirmRemoveButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        m_confirmation.clear(); // deleted on close, a little later
        if (box->clickedButton() == go) {
            startRemoval();
        }
        updateButtons();
    });
    updateButtons();
    box->open();
}

void CleanupDialog::startRemoval()
{
    if (m_busy || !m_listing || m_listing->assignments.isEmpty() || !m_state.configuration) {
        return;
    }
    CleanupPlanner* planner = newPlanner();
    if (!planner) {
        return;
    }
    const CleanupListing listing = *m_listing;
    const QString target = m_state.target.readableName();
    connect(planner, &CleanupPlanner::assignmentsRemoved, this,
        [this, planner, listing, target](const CleanupPlanner::RemovalResult& result) {
            planner->deleteLater();
            m_planner.clear();
            setBusy(false);
            QString text = tr("Removed %1 of %n assignment(s) in %2 (journal run %3).", nullptr,
                               static_cast<int>(listing.assignments.size()))
                               .arg(QLocale().toString(result.removed), tr("%n batch(es)", nullptr, result.batches),
                                   result.runId)
                + QLatin1Char(' ')
                + tr("On its next cycle the synchronization service deletes the %n user(s) this configuration "
                     "provisioned in %1; keep %1's inbound synchronization allowed until it has. Refresh after the "
                     "cycle to see them marked deleted.",
                    nullptr, listing.provenCount())
                      .arg(target);
            for (const QString& failure : result.failures) {
                text += QLatin1Char('\n') + tr("Not removed: %1").arg(failure);
            }
            m_result->setText(text);
            m_result->setVisible(true);
            (void)refresh(); // the counts then show the assignments that are left
            if (!result.failures.isEmpty()) {
                m_banner->showMessage(MessageBanner::Level::Error,
                    tr("%n assignment(s) could not be removed; they are listed below. Try again to remove them.",
                        nullptr, static_cast<int>(result.failures.size())));
            }
            emit assignmentsRemoved(result);
        });
    const QString runId = QStringLiteral("cleanup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_result->setVisible(false);
    setBusy(true,
        tr("Removing %n assignment(s) in batches of %1…", nullptr, static_cast<int>(listing.assignments.size()))
            .arg(CleanupPlanner::kBatchSize),
        false);
    if (!planner->removeAssignments(
            m_state.configuration->servicePrincipalId, listing.assignments, *m_journal, runId, m_state.source.id)) {
        delete planner;
        setBusy(false);
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("The removal could not be started; nothing was removed."));
    }
}

void CleanupDialog::cancel()
{
    if (!m_planner || !m_cancelButton->isEnabled()) {
        return;
    }
    m_planner->cancel(); // no signal follows
    m_planner->deleteLater();
    m_planner.clear();
    setBusy(false);
    m_progressLabel->setText(tr("Cancelled; the list shows what was read before."));
    m_progressLabel->setVisible(true);
}

void CleanupDialog::setBusy(bool busy, const QString& text, bool cancellable)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progressLabel->setText(text);
    m_progressLabel->setVisible(busy || !text.isEmpty());
    // A removal is not cancelled halfway: the batch in flight may be done already, and the journal follows batches.
    m_cancelButton->setEnabled(busy && cancellable);
    m_cancelButton->setToolTip(busy && !cancellable ? tr("A removal under way finishes its batches.") : QString());
    updateButtons();
}

void CleanupDialog::updateButtons()
{
    const bool hasAssignments = m_listing && !m_listing->assignments.isEmpty();
    m_refreshButton->setEnabled(!m_busy);
    m_removeButton->setEnabled(!m_busy && !m_confirmation && hasAssignments);
    m_removeButton->setToolTip(m_listing && !hasAssignments
            ? tr("The configuration has no assignments; there is nothing to remove.")
            : QString());
}

} // namespace tb::ui
