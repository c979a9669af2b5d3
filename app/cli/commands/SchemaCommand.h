// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"

#include <QCommandLineOption>
#include <QString>

namespace tb::cli {

// `schema get [--output FILE] [--name TEXT]`: the pair's synchronization job schema as Graph returns it (without the
// @odata annotations), indented, on stdout or into FILE, so the administrator can edit a copy and ask `impact` what
// the edit would do before saving it. Exit: 0, 2 bad usage, 3 no configuration or job, 4 Graph
// failed, 5 the file could not be written.
class SchemaCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaCommand)

public:
    explicit SchemaCommand(CliOutput& output, QObject* parent = nullptr);
    ~SchemaCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override { return 1; }
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_outputOption;
    QString m_outputPath;
};

} // namespace tb::cli
