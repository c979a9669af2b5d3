// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/RolloutPlan.h"

#include <QList>
#include <QTreeWidget>

namespace tb::ui {

// The users a rollout stage failed, grouped by error code (issue 6): one entry per code with how many users it hit,
// and under it first what the code means and what to do about it (sync::ErrorCatalogue, one wrapped line across the
// tree), then the users (the service's own sentence as their tooltip). The explanation is said once per code rather
// than once per user, so ten users failing for the same reason read as one problem. Codes that hit most users come
// first (then by code); users by sign-in name. GUI thread.
class RolloutFailureTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutFailureTree)

public:
    enum Column { CodeColumn, UsersColumn, ColumnCount };

    explicit RolloutFailureTree(QWidget* parent = nullptr);

    // Replaces what is shown; hidden while there is nothing to show.
    void setFailures(const QList<sync::RolloutFailure>& failures);
    // The explanation line of a code's entry (its first child), nullptr for a row that is not an entry.
    [[nodiscard]] static QTreeWidgetItem* explanationOf(const QTreeWidgetItem* entry);
    // The users of a code's entry, in order.
    [[nodiscard]] static QList<QTreeWidgetItem*> usersOf(const QTreeWidgetItem* entry);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Gives each explanation line the height its wrapped text needs at the tree's width: QTreeView sizes a row by
    // its first column, not by the whole width a spanned row has.
    void fitExplanations();
};

} // namespace tb::ui
