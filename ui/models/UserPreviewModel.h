// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace tb::ui {

// The test users as a table, one row per user: who, licence, scope, match, what sync would do, how many attributes
// change, and (after a test sync) what really happened. The action colours the row's action cell (create green,
// update blue, no change grey, skip amber, unknown red) so a glance down the column reads the plan. Rows are the
// previews in the order given; a test sync's outcome is attached to the row of its user. GUI thread.
class UserPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserPreviewModel)

public:
    enum Column { User, Action, TestSync, Match, Scope, Licence, Changes, ColumnCount };

    explicit UserPreviewModel(QObject* parent = nullptr);

    void setPreviews(const QList<sync::UserPreview>& previews);
    // Attaches the outcome to the row whose source user it is; false when no row is.
    bool setOutcome(const sync::TestSyncOutcome& outcome);
    void clearOutcomes();
    void clear();

    [[nodiscard]] const sync::UserPreview* previewAt(int row) const;
    [[nodiscard]] std::optional<sync::TestSyncOutcome> outcomeAt(int row) const;
    [[nodiscard]] QList<sync::UserPreview> previews() const;
    // The previews of users sync would act on (create or update or no change): what a test sync sends.
    [[nodiscard]] QList<sync::UserPreview> testablePreviews() const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        sync::UserPreview preview;
        std::optional<sync::TestSyncOutcome> outcome;
    };

    [[nodiscard]] QVariant display(const Row& row, int column) const;
    [[nodiscard]] QVariant toolTip(const Row& row, int column) const;

    QList<Row> m_rows;
};

} // namespace tb::ui
