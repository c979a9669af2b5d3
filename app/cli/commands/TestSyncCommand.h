// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/model/CtsConfiguration.h"
#include "core/sync/TestSyncOutcome.h"
#include "core/sync/UserPreview.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace tb::sync {
class TestSyncStore;
}

namespace tb::cli {

// `test-sync --users FILE | --user UPN ... | --group NAME_OR_ID [--require ATTR,...] [--yes] [--name TEXT]`: a
// real sync of a few test users (issue 6). Finds the pair's configuration as `job` does, previews the users
// (sync::Preview, reads only), asks before writing to the target (naming it and how many users it will create or
// update there; --yes skips the question and is required when standard input is not a terminal), then runs
// sync::TestSync (assign, provision on demand, read back, compare) and keeps the run in the profile's database.
// --require overrides the attributes the profile requires (ProfileSettings, kept when given). Prints per user the
// verdict, summary and differences; the global --verbose adds each user's timeline. --json: {runId,
// configuration, requiredAttributes, outcomes}. Exit: 0 all as predicted, 2 bad usage, 3 some differ or were
// skipped (or no configuration/users), 4 a user failed or Graph failed, 5 the database failed.
class TestSyncCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSyncCommand)

public:
    explicit TestSyncCommand(CliOutput& output, QObject* parent = nullptr);
    ~TestSyncCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

    // Exit code for a finished run: 0 all as predicted, 4 any failed, 3 otherwise.
    [[nodiscard]] static ExitCode exitCodeFor(const QList<sync::TestSyncOutcome>& outcomes);

private:
    void run() override;
    void withConfiguration(const model::CtsConfiguration& configuration);
    void resolveGroup();
    void preview();
    void confirmAndRun(const QList<sync::UserPreview>& previews);
    void runTestSync(const QList<sync::UserPreview>& previews);
    void print(const QString& runId, const QList<sync::TestSyncOutcome>& outcomes);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_usersFileOption;
    QCommandLineOption m_userOption;
    QCommandLineOption m_groupOption;
    QCommandLineOption m_requireOption;
    QCommandLineOption m_yesOption;
    QStringList m_users; // UPNs or object ids, from --users and --user
    QString m_group;
    std::optional<QStringList> m_required; // from --require
    bool m_yes = false;
    bool m_verbose = false;
    std::optional<SetupPair> m_pair;
    std::optional<model::CtsConfiguration> m_configuration;
    QStringList m_requiredAttributes;
    std::unique_ptr<sync::TestSyncStore> m_store;
};

} // namespace tb::cli
