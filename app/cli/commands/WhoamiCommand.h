// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/model/TenantRole.h"

#include <QCommandLineOption>
#include <QList>

namespace tb::cli {

// `whoami [--json] [--no-check]`: who is signed in for each role, in which tenant and cloud, and whether a token
// still comes silently (a refresh, without a browser).
class WhoamiCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhoamiCommand)

public:
    explicit WhoamiCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void checkNext();
    void printResult();

    struct RoleReport
    {
        model::TenantRole role;
        QString tokenError; // empty when a token came silently
        QString tokenExpiresAt; // ISO 8601, UTC
    };
    QCommandLineOption m_noCheckOption;
    bool m_check = true;
    QList<model::TenantRole> m_pending;
    QList<RoleReport> m_reports;
};

} // namespace tb::cli
