// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/UserPreviewModel.h"

#include <QBrush>
#include <QColor>

namespace tb::ui {

using sync::TestSyncOutcome;
using sync::UserPreview;

namespace {

// Text colours that read on light and dark palettes alike (mid-saturation), for the action and verdict cells.
QColor actionColour(UserPreview::Action action)
{
    switch (action) {
    case UserPreview::Action::Create:
        return QColor(0x2e, 0x8b, 0x3e);
    case UserPreview::Action::Update:
        return QColor(0x2f, 0x6f, 0xc0);
    case UserPreview::Action::NoChange:
        return QColor(0x80, 0x80, 0x80);
    case UserPreview::Action::Skip:
        return QColor(0xc0, 0x7a, 0x10);
    case UserPreview::Action::Unknown:
        break;
    }
    return QColor(0xc0, 0x30, 0x30);
}

QColor verdictColour(TestSyncOutcome::Verdict verdict)
{
    switch (verdict) {
    case TestSyncOutcome::Verdict::AsPredicted:
        return QColor(0x2e, 0x8b, 0x3e);
    case TestSyncOutcome::Verdict::Differs:
    case TestSyncOutcome::Verdict::Skipped:
        return QColor(0xc0, 0x7a, 0x10);
    case TestSyncOutcome::Verdict::Failed:
        break;
    }
    return QColor(0xc0, 0x30, 0x30);
}

} // namespace

UserPreviewModel::UserPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void UserPreviewModel::setPreviews(const QList<UserPreview>& previews)
{
    beginResetModel();
    m_rows.clear();
    for (const UserPreview& preview : previews) {
        m_rows.append({preview, std::nullopt});
    }
    endResetModel();
}

bool UserPreviewModel::setOutcome(const TestSyncOutcome& outcome)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).preview.sourceUserId == outcome.sourceUserId) {
            m_rows[row].outcome = outcome;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return true;
        }
    }
    return false;
}

void UserPreviewModel::clearOutcomes()
{
    for (Row& row : m_rows) {
        row.outcome.reset();
    }
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, TestSync), index(static_cast<int>(m_rows.size()) - 1, TestSync));
    }
}

void UserPreviewModel::clear()
{
    setPreviews({});
}

const UserPreview* UserPreviewModel::previewAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).preview : nullptr;
}

std::optional<TestSyncOutcome> UserPreviewModel::outcomeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).outcome : std::nullopt;
}

QList<UserPreview> UserPreviewModel::previews() const
{
    QList<UserPreview> all;
    for (const Row& row : m_rows) {
        all.append(row.preview);
    }
    return all;
}

QList<UserPreview> UserPreviewModel::testablePreviews() const
{
    QList<UserPreview> testable;
    for (const Row& row : m_rows) {
        const UserPreview::Action action = row.preview.action;
        if (action == UserPreview::Action::Create || action == UserPreview::Action::Update
            || action == UserPreview::Action::NoChange) {
            testable.append(row.preview);
        }
    }
    return testable;
}

int UserPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UserPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Action) {
            return QBrush(actionColour(row.preview.action));
        }
        if (index.column() == TestSync && row.outcome) {
            return QBrush(verdictColour(row.outcome->verdict));
        }
        if (index.column() == Licence && !row.preview.hasP1) {
            return QBrush(actionColour(UserPreview::Action::Skip));
        }
        return {};
    case Qt::AccessibleTextRole:
        return display(row, index.column());
    default:
        return {};
    }
}

QVariant UserPreviewModel::display(const Row& row, int column) const
{
    const UserPreview& preview = row.preview;
    switch (column) {
    case User:
        return preview.displayName.isEmpty() ? preview.userPrincipalName
                                             : tr("%1 <%2>").arg(preview.displayName, preview.userPrincipalName);
    case Licence:
        return preview.hasP1 ? tr("P1") : tr("no P1");
    case Scope:
        return preview.inScope ? tr("in scope") : tr("out: %1").arg(preview.scopeReason);
    case Match:
        return UserPreview::matchName(preview.match);
    case Action:
        return preview.leavesScope ? tr("soft delete") : UserPreview::actionName(preview.action);
    case Changes: {
        const qsizetype changes = preview.changes().size();
        return preview.problems.isEmpty()
            ? QString::number(changes)
            : tr("%1 (%n problem(s))", nullptr, static_cast<int>(preview.problems.size())).arg(changes);
    }
    case TestSync:
        return row.outcome ? TestSyncOutcome::verdictName(row.outcome->verdict) : QString();
    default:
        return {};
    }
}

QVariant UserPreviewModel::toolTip(const Row& row, int column) const
{
    const UserPreview& preview = row.preview;
    switch (column) {
    case Licence:
        return preview.licenceNote;
    case Scope:
        return preview.clauseResults.isEmpty() ? preview.scopeReason : preview.clauseResults.join(QLatin1Char('\n'));
    case Match:
        return preview.matchReason;
    case TestSync:
        return row.outcome ? row.outcome->summary() : QVariant();
    default:
        return {};
    }
}

QVariant UserPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case User:
        return tr("User");
    case Licence:
        return tr("Licence");
    case Scope:
        return tr("Scope");
    case Match:
        return tr("In the target");
    case Action:
        return tr("Sync would");
    case Changes:
        return tr("Changes");
    case TestSync:
        return tr("Test sync");
    default:
        return {};
    }
}

} // namespace tb::ui
