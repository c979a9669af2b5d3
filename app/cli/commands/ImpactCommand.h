// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "core/model/SynchronizationSchema.h"
#include "core/sync/ImpactResult.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QString>

#include <optional>

namespace tb::cli {

// `impact --schema FILE [--name TEXT]`: what saving an edited schema would do, before it is saved
// (sync::ChangeImpact): the users assigned to the configuration (directly or as direct members of an assigned
// group, at most ChangeImpact::kMaxUsers) evaluated under the job's current schema and under FILE, and only those
// whose outcome changes, per category (created, updated with old → new predictions, soft-deleted, entering scope,
// no longer created). FILE: a whole schema as `schema get` writes it. Writes nothing. --json: ImpactResult::toJson.
// Exit: 0, 2 bad usage (FILE unreadable, not a schema, no user mapping), 3 no configuration or job, 4 Graph failed.
class ImpactCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImpactCommand)

public:
    explicit ImpactCommand(CliOutput& output, QObject* parent = nullptr);
    ~ImpactCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

    // The schema in a file's text, or the reason it cannot be compared.
    [[nodiscard]] static std::optional<model::SynchronizationSchema> parseSchemaFile(
        const QByteArray& text, QString* problem);

private:
    void run() override;
    void print(const sync::ImpactResult& result, const QString& configurationName);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_schemaOption;
    model::SynchronizationSchema m_proposed;
};

} // namespace tb::cli
