// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/model/TenantRole.h"

#include <QCommandLineOption>
#include <QList>

namespace tb::cli {

// `logout [--role source|target]`: forgets the session of one role, or of both; removes its secrets from the
// keychain.
class LogoutCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogoutCommand)

public:
    explicit LogoutCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void signOutNext();

    QCommandLineOption m_roleOption;
    QList<model::TenantRole> m_roles;
};

} // namespace tb::cli
