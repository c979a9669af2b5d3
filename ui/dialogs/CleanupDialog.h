// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"
#include "core/sync/CleanupListing.h"
#include "core/sync/CleanupPlanner.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {
class Workspace;
}

namespace tb::store {
class Journal;
}

namespace tb::ui {

class MessageBanner;

// Clean-up after cross-tenant sync (issue 6): deleting a configuration leaves the users it provisioned in the target,
// so this lists what the pair's configuration created or took over in the target (core's CleanupPlanner: from its
// provisioning logs, checked against the target; B2B users from the source's domains apart, as not proven), with
// the counts at the top. "Remove the assignments…" asks first, counting the assignments and the users and saying
// what happens in the target, then removes the configuration's assignments (journalled per batch) so that the
// service soft-deletes those users on its next cycle. The workspace must outlive it; GUI thread.
class CleanupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupDialog)

public:
    CleanupDialog(Workspace& workspace, const setup::SetupState& state, QWidget* parent = nullptr);
    ~CleanupDialog() override;

    // Reads (again) what the configuration created. False, with a sentence in the dialog, without a job or a
    // signed-in pair, or while busy.
    bool refresh();
    // Asks first (returns with the confirmation open; confirmation() is it, for tests).
    void requestRemoval();
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] const std::optional<sync::CleanupListing>& listing() const { return m_listing; }
    [[nodiscard]] QMessageBox* confirmation() const { return m_confirmation; }

    // How a user got into the target, in words: "Created by sync", "Taken over: an existing B2B guest", ….
    [[nodiscard]] static QString originText(const sync::CleanupListing::TargetUser& user, const QString& sourceName);
    // What removing does, counting the assignments and users: the confirmation's informative text.
    [[nodiscard]] static QString removalText(const sync::CleanupListing& listing, const QString& targetName);

signals:
    void listed(const tb::sync::CleanupListing& listing);
    void assignmentsRemoved(const tb::sync::CleanupPlanner::RemovalResult& result);
    void failed(const QString& userMessage);

private:
    void showListing(const sync::CleanupListing& listing);
    void startRemoval();
    void setBusy(bool busy, const QString& text = {}, bool cancellable = true);
    void updateButtons();
    // A planner on the current clients, for one operation; null (with a sentence shown) when a tenant is not
    // signed in.
    [[nodiscard]] sync::CleanupPlanner* newPlanner();

    Workspace& m_workspace;
    setup::SetupState m_state;
    std::unique_ptr<store::Journal> m_journal;
    std::optional<sync::CleanupListing> m_listing;
    QPointer<sync::CleanupPlanner> m_planner;
    QPointer<QMessageBox> m_confirmation;
    bool m_busy = false;

    QLabel* m_heading;
    MessageBanner* m_banner;
    QLabel* m_counts;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QTableWidget* m_users;
    QLabel* m_result;
    QPushButton* m_refreshButton;
    QPushButton* m_removeButton;
    QPushButton* m_cancelButton;
};

} // namespace tb::ui
