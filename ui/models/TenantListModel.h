// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/Tenant.h"

#include <QAbstractListModel>
#include <QList>

namespace tb::ui {

// The tenants a workspace knows, one row each: display name, with domain and cloud as tooltip and roles.
// Owned by the page that shows it; GUI thread.
class TenantListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantListModel)

public:
    enum Role { TenantIdRole = Qt::UserRole + 1, InitialDomainRole, CloudRole };

    explicit TenantListModel(QObject* parent = nullptr);

    void setTenants(const QList<model::Tenant>& tenants);
    [[nodiscard]] const model::Tenant* tenantAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<model::Tenant> m_tenants;
};

} // namespace tb::ui
