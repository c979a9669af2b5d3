// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/PreviewCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/graph/PageReadResult.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/sync/Preview.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSharedPointer>
#include <QUuid>

namespace tb::cli {

namespace {

using sync::UserPreview;

// One CSV line split at commas outside double quotes ("" inside quotes is a quote).
QStringList splitCsvLine(const QString& line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.append(cell.trimmed());
    return cells;
}

QString yesNo(bool value)
{
    return value ? PreviewCommand::tr("yes") : PreviewCommand::tr("no");
}

} // namespace

PreviewCommand::PreviewCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_usersOption(QStringLiteral("users"),
          QStringLiteral("A file with one user principal name or object id a line (# comments), or the Entra "
                         "portal's bulk CSV with a userPrincipalName column."),
          QStringLiteral("FILE"))
    , m_userOption(QStringLiteral("user"), QStringLiteral("A source user by UPN or object id (repeatable)."),
          QStringLiteral("UPN"))
    , m_groupOption(QStringLiteral("group"),
          QStringLiteral("The direct members of a source group, by name or object id (at most %1).")
              .arg(kMaxGroupUsers),
          QStringLiteral("NAME_OR_ID"))
    , m_asIsOption(QStringLiteral("as-is"),
          QStringLiteral("What the next cycle would do today: users not assigned to the configuration are skipped. "
                         "Without it, users are previewed as test-sync treats them (it assigns them first)."))
{ }

PreviewCommand::~PreviewCommand() = default;

QString PreviewCommand::name() const
{
    return QStringLiteral("preview");
}

QString PreviewCommand::summary() const
{
    return QStringLiteral("What sync would do to some source users, writing nothing.");
}

void PreviewCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_usersOption);
    parser.addOption(m_userOption);
    parser.addOption(m_groupOption);
    parser.addOption(m_asIsOption);
}

QStringList PreviewCommand::parseUserList(const QString& text, QString* problem)
{
    QStringList users;
    int column = -1; // the userPrincipalName column of a CSV, once its header is seen
    bool csv = false;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        QString line = raw.trimmed();
        if (line.startsWith(QChar(0xFEFF))) {
            line.remove(0, 1);
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        if (!csv && line.startsWith(QLatin1String("version:"), Qt::CaseInsensitive)) {
            csv = true; // the first line of the portal's bulk template
            continue;
        }
        if (!csv && line.contains(QLatin1Char(','))) {
            csv = true;
        }
        if (!csv) {
            users.append(line);
            continue;
        }
        const QStringList cells = splitCsvLine(line);
        if (column < 0) {
            // The portal's files: a download has "userPrincipalName" in its header, the bulk template
            // "User name [userPrincipalName] Required" (after a "version:v1.0" line).
            for (qsizetype i = 0; i < cells.size(); ++i) {
                if (cells.at(i).contains(QLatin1String("userPrincipalName"), Qt::CaseInsensitive)) {
                    column = static_cast<int>(i);
                    break;
                }
            }
            continue;
        }
        if (column < cells.size() && !cells.at(column).isEmpty()
            && !cells.first().startsWith(QLatin1String("Example"), Qt::CaseInsensitive)) {
            users.append(cells.at(column));
        }
    }
    if (csv && column < 0) {
        if (problem) {
            *problem = tr("the file looks like CSV but has no userPrincipalName column.");
        }
        return {};
    }
    return users;
}

QString PreviewCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    m_asIs = parser.isSet(m_asIsOption);
    const int sources = (parser.isSet(m_usersOption) ? 1 : 0) + (parser.isSet(m_userOption) ? 1 : 0)
        + (parser.isSet(m_groupOption) ? 1 : 0);
    if (sources == 0) {
        return tr("preview needs the users: --users FILE, --user UPN (repeatable) or --group NAME_OR_ID.");
    }
    if (sources > 1) {
        return tr("preview takes one of --users, --user and --group, not several.");
    }
    if (parser.isSet(m_usersOption)) {
        const QString path = parser.value(m_usersOption);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            return tr("cannot read the users file \"%1\": %2.").arg(path, file.errorString());
        }
        QString problem;
        m_users = parseUserList(QString::fromUtf8(file.readAll()), &problem);
        if (!problem.isEmpty()) {
            return tr("%1: %2").arg(path, problem);
        }
        if (m_users.isEmpty()) {
            return tr("the users file \"%1\" names nobody.").arg(path);
        }
    } else if (parser.isSet(m_userOption)) {
        for (const QString& user : parser.values(m_userOption)) {
            if (!user.trimmed().isEmpty()) {
                m_users.append(user.trimmed());
            }
        }
        if (m_users.isEmpty()) {
            return tr("--user needs a user principal name or object id.");
        }
    } else {
        m_group = parser.value(m_groupOption).trimmed();
        if (m_group.isEmpty()) {
            return tr("--group needs a group name or object id.");
        }
    }
    // Before signing in or reading anything: a whole directory in the file would mean thousands of reads.
    m_users = sync::TestUserLimit::distinct(m_users);
    return sync::TestUserLimit::problem(m_users.size());
}

void PreviewCommand::run()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) { withConfiguration(*m_pair, configuration); },
        [this](ExitCode code) { finish(code); });
}

void PreviewCommand::withConfiguration(const SetupPair& pair, const model::CtsConfiguration& configuration)
{
    m_configuration = configuration;
    if (m_group.isEmpty()) {
        startPreview(m_users);
    } else {
        readGroup(pair);
    }
}

void PreviewCommand::readGroup(const SetupPair& pair)
{
    const graph::DirectoryEndpoints directory(*pair.sourceClient);
    const auto readMembers = [this, directory](const QString& groupId, const QString& groupName) {
        graph::PageReader* members = directory.listGroupMembers(
            groupId, false, this, {QStringLiteral("id"), QStringLiteral("userPrincipalName")});
        auto users = QSharedPointer<QStringList>::create();
        connect(members, &graph::PageReader::pageReceived, this, [users](const QJsonArray& page) {
            for (const QJsonValue& item : page) {
                const QString upn = item.toObject().value(QLatin1String("userPrincipalName")).toString();
                if (!upn.isEmpty()) {
                    users->append(upn);
                }
            }
        });
        connect(
            members, &graph::PageReader::finished, this, [this, users, groupName](const graph::PageReadResult& result) {
                if (!result.isComplete()) {
                    m_output.printError(
                        tr("the members of \"%1\" could not be read: %2").arg(groupName, result.error.userMessage()));
                    finish(ExitCode::ServiceError);
                    return;
                }
                if (users->isEmpty()) {
                    m_output.printError(tr("the group \"%1\" has no user members.").arg(groupName));
                    finish(ExitCode::CheckFailed);
                    return;
                }
                if (users->size() > kMaxGroupUsers) {
                    m_output.printNote(tr("The group has %1 user members; the preview takes the first %2.")
                                           .arg(users->size())
                                           .arg(kMaxGroupUsers));
                    *users = users->mid(0, kMaxGroupUsers);
                }
                startPreview(*users);
            });
        members->start();
    };
    if (!QUuid::fromString(m_group).isNull()) {
        readMembers(m_group, m_group);
        return;
    }
    graph::PageReader* groups = directory.listGroups(m_group, this);
    auto found = QSharedPointer<QList<model::DirectoryGroup>>::create();
    connect(groups, &graph::PageReader::pageReceived, this,
        [found](const QJsonArray& page) { found->append(graph::DirectoryEndpoints::parseGroups(page)); });
    connect(
        groups, &graph::PageReader::finished, this, [this, found, readMembers](const graph::PageReadResult& result) {
            if (!result.isComplete()) {
                m_output.printError(
                    tr("the group \"%1\" could not be looked up: %2").arg(m_group, result.error.userMessage()));
                finish(ExitCode::ServiceError);
                return;
            }
            if (found->isEmpty()) {
                m_output.printError(tr("%1 has no group named \"%2\".").arg(m_pair->source.readableName(), m_group));
                finish(ExitCode::Usage);
                return;
            }
            if (found->size() > 1) {
                m_output.printError(tr("%1 groups are named \"%2\"; give the group's object id instead.")
                                        .arg(found->size())
                                        .arg(m_group));
                finish(ExitCode::Usage);
                return;
            }
            readMembers(found->first().id, found->first().displayName);
        });
    groups->start();
}

void PreviewCommand::startPreview(const QStringList& users)
{
    m_preview = new sync::Preview(*m_pair->sourceClient, *m_pair->targetClient, this);
    m_preview->setAssumeAssigned(!m_asIs);
    connect(m_preview, &sync::Preview::failed, this, [this](const QString& message) {
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    connect(m_preview, &sync::Preview::finished, this, [this](const QList<UserPreview>& previews) {
        print(previews);
        finish(ExitCode::Success);
    });
    if (!m_preview->start(m_configuration->servicePrincipalId, m_configuration->jobId, users)) {
        // Only a list over the limit gets here (readOptions and the group cap check it first): never wait for ever.
        const QString tooMany = sync::TestUserLimit::problem(sync::TestUserLimit::distinct(users).size());
        m_output.printError(tooMany.isEmpty() ? tr("the preview could not start.") : tooMany);
        finish(ExitCode::Usage);
    }
}

void PreviewCommand::print(const QList<UserPreview>& previews)
{
    if (m_output.isJson()) {
        QJsonArray array;
        for (const UserPreview& preview : previews) {
            array.append(preview.toJson());
        }
        m_output.printJson(QJsonDocument(array));
        return;
    }
    m_output.printLine(
        tr("Preview of \"%1\" (%2 → %3); nothing was written.")
            .arg(m_configuration->displayName, m_pair->source.readableName(), m_pair->target.readableName()));
    QList<QStringList> rows;
    for (const UserPreview& preview : previews) {
        const QString licence = preview.licenceNote.isEmpty()
            ? yesNo(preview.hasP1)
            : yesNo(preview.hasP1) + QStringLiteral(" (") + preview.licenceNote + QLatin1Char(')');
        const QString scope = (preview.inScope ? tr("in") : tr("out"))
            + (preview.scopeReason.isEmpty() ? QString() : QStringLiteral(": ") + preview.scopeReason);
        QString action = UserPreview::actionName(preview.action);
        if (preview.leavesScope) {
            action += tr(" (leaves scope: soft delete in the target)");
        }
        rows.append({preview.userPrincipalName, licence, scope, UserPreview::matchName(preview.match), action,
            QString::number(preview.changes().size())});
    }
    m_output.printTable({tr("User"), tr("P1"), tr("Scope"), tr("Match"), tr("Action"), tr("Changes")}, rows);
    for (const UserPreview& preview : previews) {
        const QList<UserPreview::Attribute> changes = preview.changes();
        QStringList notes;
        for (const UserPreview::Attribute& attribute : preview.attributes) {
            if (attribute.note.startsWith(QLatin1String("cannot preview"))) {
                notes.append(QStringLiteral("%1: %2").arg(attribute.name, attribute.note));
            }
        }
        if (changes.isEmpty() && preview.problems.isEmpty() && notes.isEmpty()) {
            continue;
        }
        m_output.printLine(QString());
        m_output.printLine(preview.matchReason.isEmpty()
                ? tr("%1:").arg(preview.userPrincipalName)
                : tr("%1 (%2):").arg(preview.userPrincipalName, preview.matchReason));
        for (const UserPreview::Attribute& attribute : changes) {
            m_output.printLine(QStringLiteral("  %1: %2 → %3")
                                   .arg(attribute.name, attribute.current.isEmpty() ? tr("(none)") : attribute.current,
                                       attribute.predicted.isEmpty() ? tr("(none)") : attribute.predicted));
        }
        for (const QString& note : std::as_const(notes)) {
            m_output.printLine(QStringLiteral("  ") + note);
        }
        for (const QString& problem : preview.problems) {
            m_output.printLine(QStringLiteral("  ! ") + problem);
        }
    }
}

} // namespace tb::cli
