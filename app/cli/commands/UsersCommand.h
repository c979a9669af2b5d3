// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/model/DirectoryUser.h"
#include "core/setup/UserListingQuery.h"

#include <QCommandLineOption>
#include <QList>

namespace tb::cli {

// `users --tenant NAME [--search TEXT] [--group NAME] [--limit N]`: a tenant's users, or a group's members,
// whose name, mail or sign-in name starts with the search text.
class UsersCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersCommand)

public:
    explicit UsersCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void printUsers(const QString& tenantName);

    QCommandLineOption m_tenantOption;
    QCommandLineOption m_searchOption;
    QCommandLineOption m_groupOption;
    QCommandLineOption m_limitOption;
    QString m_tenant;
    setup::UserListingQuery m_query;
    QList<model::DirectoryUser> m_users;
};

} // namespace tb::cli
