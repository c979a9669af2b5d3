// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ImpactCommand.h"

#include "app/cli/CliOutput.h"
#include "app/cli/commands/SetupPair.h"
#include "core/Workspace.h"
#include "core/model/CtsConfiguration.h"
#include "core/sync/ChangeImpact.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace tb::cli {

namespace {

using sync::ImpactResult;
using Change = ImpactResult::Change;

const Change kOrder[]
    = {Change::Create, Change::Update, Change::SoftDelete, Change::EntersScope, Change::NoLongerCreated};

QString heading(Change change)
{
    switch (change) {
    case Change::Create:
        return ImpactCommand::tr("Would be created");
    case Change::Update:
        return ImpactCommand::tr("Would be updated");
    case Change::SoftDelete:
        return ImpactCommand::tr("Would leave scope and be soft-deleted in the target");
    case Change::EntersScope:
        return ImpactCommand::tr("Would come into scope (a target user exists: taken over and updated)");
    case Change::NoLongerCreated:
        return ImpactCommand::tr("Would leave scope before being created (not created)");
    }
    return {};
}

} // namespace

ImpactCommand::ImpactCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_schemaOption(QStringLiteral("schema"),
          QStringLiteral("The proposed schema: a whole schema JSON as 'schema get' writes it, edited."),
          QStringLiteral("FILE"))
{ }

ImpactCommand::~ImpactCommand() = default;

QString ImpactCommand::name() const
{
    return QStringLiteral("impact");
}

QString ImpactCommand::summary() const
{
    return QStringLiteral("Which users an edited schema would create, update or soft-delete, writing nothing.");
}

void ImpactCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_schemaOption);
}

std::optional<model::SynchronizationSchema> ImpactCommand::parseSchemaFile(const QByteArray& text, QString* problem)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = tr("not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = tr("the JSON is not an object");
        return std::nullopt;
    }
    const model::SynchronizationSchema schema = model::SynchronizationSchema::fromJson(document.object());
    if (const QString reason = sync::ChangeImpact::schemaProblem(schema); !reason.isEmpty()) {
        *problem = reason;
        return std::nullopt;
    }
    return schema;
}

QString ImpactCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    if (!parser.isSet(m_schemaOption)) {
        return tr("impact needs the proposed schema: --schema FILE (write the current one with 'schema get "
                  "--output FILE' and edit a copy).");
    }
    const QString path = parser.value(m_schemaOption);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return tr("cannot read the schema file \"%1\": %2.").arg(path, file.errorString());
    }
    QString problem;
    const std::optional<model::SynchronizationSchema> schema = parseSchemaFile(file.readAll(), &problem);
    if (!schema) {
        return tr("%1 cannot be compared: %2.").arg(path, problem);
    }
    m_proposed = *schema;
    return {};
}

void ImpactCommand::run()
{
    const std::optional<SetupPair> pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!pair) {
        finish(ExitCode::Usage);
        return;
    }
    graph::GraphClient* sourceClient = pair->sourceClient;
    graph::GraphClient* targetClient = pair->targetClient;
    pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(pair->source, pair->target).configurationDisplayName,
        [this, sourceClient, targetClient](const model::CtsConfiguration& configuration) {
            const QString configurationName = configuration.displayName;
            auto* impact = new sync::ChangeImpact(*sourceClient, *targetClient, this);
            connect(impact, &sync::ChangeImpact::failed, this, [this](const QString& message) {
                m_output.printError(message);
                finish(ExitCode::ServiceError);
            });
            connect(impact, &sync::ChangeImpact::finished, this, [this, configurationName](const ImpactResult& result) {
                print(result, configurationName);
                finish(ExitCode::Success);
            });
            if (!impact->start(configuration.servicePrincipalId, configuration.jobId, m_proposed)) {
                m_output.printError(tr("the impact could not be started."));
                finish(ExitCode::Usage);
            }
        },
        [this](ExitCode code) { finish(code); },
        tr("there is no cross-tenant synchronization configuration with a job for this pair; run 'apply' first."));
}

void ImpactCommand::print(const ImpactResult& result, const QString& configurationName)
{
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(result.toJson()));
        return;
    }
    m_output.printLine(tr("Impact of the proposed schema on \"%1\" (%2 user(s) evaluated under both schemas; nothing "
                          "was written).")
                           .arg(configurationName)
                           .arg(result.usersConsidered));
    if (result.isCapped()) {
        m_output.printLine(tr("Only the first %1 of %2 assigned users were evaluated.")
                               .arg(result.usersConsidered)
                               .arg(result.usersAvailable));
    }
    QList<QStringList> counts;
    for (const Change change : kOrder) {
        counts.append({heading(change), QString::number(result.count(change))});
    }
    m_output.printTable({tr("Outcome"), tr("Users")}, counts);
    if (result.users.isEmpty()) {
        m_output.printLine(tr("No user's outcome changes."));
    }
    for (const Change change : kOrder) {
        const QList<ImpactResult::UserImpact> users = result.usersWith(change);
        if (users.isEmpty()) {
            continue;
        }
        m_output.printLine(QString());
        m_output.printLine(tr("%1 (%2):").arg(heading(change)).arg(users.size()));
        // Leaving scope changes no attribute: the column is only there when some user has one.
        bool anyAttributes = false;
        for (const ImpactResult::UserImpact& user : users) {
            anyAttributes = anyAttributes || !user.attributes.isEmpty();
        }
        QList<QStringList> rows;
        for (const ImpactResult::UserImpact& user : users) {
            QStringList row {user.userPrincipalName, user.reason};
            if (anyAttributes) {
                QStringList attributes;
                for (const ImpactResult::AttributeChange& attribute : user.attributes) {
                    attributes.append(tr("%1: %2 → %3").arg(attribute.name, attribute.before, attribute.after));
                }
                row.append(attributes.join(QStringLiteral("; ")));
            }
            rows.append(row);
        }
        QStringList header {tr("User"), tr("Why")};
        if (anyAttributes) {
            header.append(tr("Attributes (now → then)"));
        }
        m_output.printTable(header, rows);
    }
    for (const QString& problem : result.problems) {
        m_output.printNote(problem);
    }
}

} // namespace tb::cli
