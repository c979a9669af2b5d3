// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DirectoryUser.h"

#include <QAbstractTableModel>
#include <QList>

namespace tb::ui {

// Directory users as a table: name, sign-in name, mail, department, job title, type, state, licence.
// Rows are appended as pages arrive. Owned by the page that shows it; GUI thread.
class DirectoryUserModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryUserModel)

public:
    enum Column { DisplayName, UserPrincipalName, Mail, Department, JobTitle, UserType, State, Licence, ColumnCount };

    explicit DirectoryUserModel(QObject* parent = nullptr);

    void clear();
    void appendUsers(const QList<model::DirectoryUser>& users);
    [[nodiscard]] const model::DirectoryUser* userAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<model::DirectoryUser> m_users;
};

} // namespace tb::ui
