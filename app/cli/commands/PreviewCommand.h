// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/model/CtsConfiguration.h"
#include "core/sync/TestUserLimit.h"
#include "core/sync/UserPreview.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <optional>

namespace tb::sync {
class Preview;
}

namespace tb::cli {

// `preview --users FILE | --user UPN (repeatable) | --group NAME_OR_ID [--name TEXT]`: what cross-tenant sync would
// do to each of a handful of source users, without writing anything (sync::Preview, issue 6). Finds the pair's
// configuration and job as `job` does. FILE holds one UPN or object id per line (# comments and blank lines are
// skipped), or is the Entra portal's bulk CSV with a userPrincipalName column. --group takes the group's direct
// members (at most kMaxGroupUsers). Prints a table per user (UPN, licence, scope and why, match, action, number of
// changes) and each user's changing attributes "name: current → predicted"; --json: the UserPreview array.
// Exit: 0, 2 bad usage (also: an unreadable file, an unknown group), 3 no configuration or job, 4 Graph failed.
class PreviewCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewCommand)

public:
    static constexpr int kMaxGroupUsers = sync::TestUserLimit::kMaxUsers;

    explicit PreviewCommand(CliOutput& output, QObject* parent = nullptr);
    ~PreviewCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

    // The users named in a --users file's text: UPNs or ids, one a line, or the portal's bulk CSV. Empty with
    // *problem set when a CSV has no userPrincipalName column.
    [[nodiscard]] static QStringList parseUserList(const QString& text, QString* problem);

private:
    void run() override;
    void withConfiguration(const SetupPair& pair, const model::CtsConfiguration& configuration);
    void readGroup(const SetupPair& pair);
    void startPreview(const QStringList& users);
    void print(const QList<sync::UserPreview>& previews);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_usersOption;
    QCommandLineOption m_userOption;
    QCommandLineOption m_groupOption;
    QCommandLineOption m_asIsOption;
    bool m_asIs = false;
    QStringList m_users;
    QString m_group;
    std::optional<SetupPair> m_pair;
    std::optional<model::CtsConfiguration> m_configuration;
    sync::Preview* m_preview = nullptr;
};

} // namespace tb::cli
