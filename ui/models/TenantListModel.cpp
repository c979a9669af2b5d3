// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/TenantListModel.h"

#include <QTextDocument>

namespace tb::ui {

TenantListModel::TenantListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void TenantListModel::setTenants(const QList<model::Tenant>& tenants)
{
    beginResetModel();
    m_tenants = tenants;
    endResetModel();
}

const model::Tenant* TenantListModel::tenantAt(int row) const
{
    if (row < 0 || row >= m_tenants.size()) {
        return nullptr;
    }
    return &m_tenants.at(row);
}

int TenantListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tenants.size());
}

QVariant TenantListModel::data(const QModelIndex& index, int role) const
{
    const model::Tenant* tenant = tenantAt(index.row());
    if (!tenant || index.parent().isValid()) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        // Two lines: the name people use, then what tells two tenants of one name apart.
        return tr("%1\n%2 · %3")
            .arg(tenant->displayName.isEmpty() ? tenant->initialDomain : tenant->displayName, tenant->initialDomain,
                tenant->cloud.name());
    case Qt::AccessibleTextRole:
        return tenant->displayName;
    case Qt::ToolTipRole:
        // Plain text: a name from the tenant must never be read as markup.
        return Qt::convertFromPlainText(
            tr("%1\nTenant ID %2\nCloud: %3").arg(tenant->initialDomain, tenant->id, tenant->cloud.displayName()));
    case Qt::AccessibleDescriptionRole:
        return tr("Tenant %1, %2, %3 cloud")
            .arg(tenant->displayName, tenant->initialDomain, tenant->cloud.displayName());
    case TenantIdRole:
        return tenant->id;
    case InitialDomainRole:
        return tenant->initialDomain;
    case CloudRole:
        return tenant->cloud.displayName();
    default:
        return {};
    }
}

} // namespace tb::ui
