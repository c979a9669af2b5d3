// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/SchemaCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/CtsConfiguration.h"
#include "core/model/SynchronizationSchema.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace tb::cli {

SchemaCommand::SchemaCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_outputOption(QStringLiteral("output"), QStringLiteral("Write the schema JSON to FILE instead of stdout."),
          QStringLiteral("FILE"))
{ }

SchemaCommand::~SchemaCommand() = default;

QString SchemaCommand::name() const
{
    return QStringLiteral("schema");
}

QString SchemaCommand::summary() const
{
    return QStringLiteral("get: the synchronization job's schema as JSON, to edit a copy for 'impact'.");
}

void SchemaCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_outputOption);
}

QString SchemaCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.at(1) != QStringLiteral("get")) {
        return tr("schema takes one action: get [--output FILE].");
    }
    m_outputPath = parser.value(m_outputOption);
    return {};
}

void SchemaCommand::run()
{
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!pair) {
        finish(ExitCode::Usage);
        return;
    }
    graph::GraphClient* sourceClient = pair->sourceClient;
    pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName,
        [this, sourceClient](const model::CtsConfiguration& configuration) {
            sourceClient->send(graph::SynchronizationSchemaEndpoints::getSchemaRequest(
                                   configuration.servicePrincipalId, configuration.jobId),
                this, [this](const graph::GraphResponse& response) {
                    const std::optional<model::SynchronizationSchema> schema
                        = graph::SynchronizationSchemaEndpoints::parseSchema(response);
                    if (!schema) {
                        m_output.printError(tr("the job's schema could not be read: %1")
                                                .arg(response.isSuccess() ? tr("the answer is not a schema.")
                                                                          : response.error().userMessage()));
                        finish(ExitCode::ServiceError);
                        return;
                    }
                    const QByteArray json = QJsonDocument(schema->toJson()).toJson(QJsonDocument::Indented);
                    if (m_outputPath.isEmpty()) {
                        QTextStream(stdout) << QString::fromUtf8(json);
                        finish(ExitCode::Success);
                        return;
                    }
                    QSaveFile file(m_outputPath);
                    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
                        m_output.printError(tr("cannot write \"%1\": %2").arg(m_outputPath, file.errorString()));
                        finish(ExitCode::LocalError);
                        return;
                    }
                    m_output.printNote(
                        tr("Wrote the schema to %1; edit a copy and run 'impact --schema FILE'.").arg(m_outputPath));
                    finish(ExitCode::Success);
                });
        },
        [this](ExitCode code) { finish(code); },
        tr("there is no cross-tenant synchronization configuration with a job for this pair; run 'apply' first."));
}

} // namespace tb::cli
