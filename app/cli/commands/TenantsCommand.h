// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QHash>

namespace tb::cli {

// `tenants`: the tenants of the workspace with their domain, cloud and number of users (counted by Graph).
class TenantsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantsCommand)

public:
    using CliCommand::CliCommand;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void printResult();

    QHash<QString, qint64> m_userCounts; // tenant id -> count, -1 when it could not be counted
    QHash<QString, QString> m_errors; // tenant id -> error sentence
    int m_pending = 0;
};

} // namespace tb::cli
