// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/DirectoryUserModel.h"

#include <QTextDocument>

namespace tb::ui {

namespace {

// Entra ID P1 (AAD_PREMIUM): the plan cross-tenant sync needs for every synced user (graph-reference 5.2).
const QString kEntraP1PlanId = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");

} // namespace

DirectoryUserModel::DirectoryUserModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void DirectoryUserModel::clear()
{
    beginResetModel();
    m_users.clear();
    endResetModel();
}

void DirectoryUserModel::appendUsers(const QList<model::DirectoryUser>& users)
{
    if (users.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_users.size());
    beginInsertRows({}, first, first + static_cast<int>(users.size()) - 1);
    m_users.append(users);
    endInsertRows();
}

const model::DirectoryUser* DirectoryUserModel::userAt(int row) const
{
    if (row < 0 || row >= m_users.size()) {
        return nullptr;
    }
    return &m_users.at(row);
}

int DirectoryUserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

int DirectoryUserModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DirectoryUserModel::data(const QModelIndex& index, int role) const
{
    const model::DirectoryUser* user = userAt(index.row());
    if (!user || index.parent().isValid()) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        // Plain text: a name from the tenant must never be read as markup.
        return Qt::convertFromPlainText(tr("%1\nObject ID %2").arg(user->userPrincipalName, user->id));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case DisplayName:
        return user->displayName;
    case UserPrincipalName:
        return user->userPrincipalName;
    case Mail:
        return user->mail;
    case Department:
        return user->department;
    case JobTitle:
        return user->jobTitle;
    case UserType:
        if (user->isB2bFromAnotherTenant()) {
            return tr("B2B %1").arg(user->userType.isEmpty() ? tr("guest") : user->userType.toLower());
        }
        return user->userType;
    case State:
        if (!user->accountEnabled.has_value()) {
            return QString();
        }
        return *user->accountEnabled ? tr("Enabled") : tr("Disabled");
    case Licence:
        return user->hasEnabledPlan(kEntraP1PlanId) ? tr("Entra ID P1") : tr("None");
    default:
        return {};
    }
}

QVariant DirectoryUserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case DisplayName:
        return tr("Name");
    case UserPrincipalName:
        return tr("User principal name");
    case Mail:
        return tr("Mail");
    case Department:
        return tr("Department");
    case JobTitle:
        return tr("Job title");
    case UserType:
        return tr("Type");
    case State:
        return tr("Sign-in");
    case Licence:
        return tr("Licence");
    default:
        return {};
    }
}

} // namespace tb::ui
