// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "core/sync/CleanupListing.h"

#include <QCommandLineOption>
#include <QString>

#include <memory>

namespace tb::store {
class Journal;
}

namespace tb::sync {
class CleanupPlanner;
}

namespace tb::cli {

// `cleanup list [--name TEXT]` and `cleanup remove-assignments [--yes] [--name TEXT]` (sync::CleanupPlanner, issue 6):
// what the pair's configuration created in the target (from its provisioning logs, checked against the target; B2B
// users from the source's domains listed apart as not proven), and, after a confirmation that names the number of
// assignments and users, the removal of every assignment of the configuration, journalled per $batch; the service
// then soft-deletes what it provisioned on its next cycle. remove-assignments asks on a terminal; without one it
// needs --yes. --json: CleanupListing::toJson (list) or the removal's figures.
// Exit: 0, 2 bad usage (also: remove-assignments without a terminal and without --yes), 3 no configuration or job,
// or the confirmation was declined, 4 Graph failed or some assignments stayed, 5 the journal failed.
class CleanupCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CleanupCommand)

public:
    explicit CleanupCommand(CliOutput& output, QObject* parent = nullptr);
    ~CleanupCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override { return 1; }
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void listed(const sync::CleanupListing& listing);
    void printListing(const sync::CleanupListing& listing);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_yesOption;
    QString m_action;
    bool m_yes = false;
    QString m_servicePrincipalId;
    QString m_sourceTenantId;
    sync::CleanupPlanner* m_planner = nullptr;
    std::unique_ptr<store::Journal> m_journal;
};

} // namespace tb::cli
