// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace tb::ui {

// One test user in full, beside the preview table: why sync would do what it would (licence, scope clause by
// clause, the match), every target attribute as it is now against its predicted value (changed ones bold), and,
// after a test sync, what arrived, the differences and the service's steps. GUI thread.
class UserPreviewDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserPreviewDetail)

public:
    enum AttributeColumn { Name, Current, Predicted, Arrived, Note, AttributeColumnCount };

    explicit UserPreviewDetail(QWidget* parent = nullptr);

    void showUser(const sync::UserPreview& preview, const std::optional<sync::TestSyncOutcome>& outcome);
    void clear();

private:
    QLabel* m_heading;
    QPlainTextEdit* m_facts;
    QTableWidget* m_attributes;
    QPlainTextEdit* m_outcome;
};

} // namespace tb::ui
