// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/TestSyncCommand.h"

#include "app/cli/CliConfirmation.h"
#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/setup/UserListing.h"
#include "core/store/ProfileSettings.h"
#include "core/sync/Preview.h"
#include "core/sync/TestSync.h"
#include "core/sync/TestSyncStore.h"
#include "core/sync/TestUserLimit.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>
#include <QUuid>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace tb::cli {

namespace {

using sync::TestSyncOutcome;
using sync::UserPreview;

// One user per line; blank lines and lines starting with # are skipped, a trailing ",..." (a CSV export) is cut.
std::optional<QStringList> readUsersFile(const QString& path, QString* problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *problem = TestSyncCommand::tr("cannot read the users file \"%1\": %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    QStringList users;
    QTextStream in(&file);
    while (!in.atEnd()) {
        QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        line = line.section(QLatin1Char(','), 0, 0).trimmed();
        if (!line.isEmpty()) {
            users.append(line);
        }
    }
    return users;
}

QString valueOrEmpty(const QString& value)
{
    return value.isEmpty() ? TestSyncCommand::tr("(empty)") : QStringLiteral("\"%1\"").arg(value);
}

} // namespace

TestSyncCommand::TestSyncCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_usersFileOption(QStringLiteral("users"),
          QStringLiteral("A file with the users to test, one user principal name or object id per line."),
          QStringLiteral("FILE"))
    , m_userOption(QStringLiteral("user"), QStringLiteral("A user to test (repeatable)."), QStringLiteral("UPN"))
    , m_groupOption(QStringLiteral("group"), QStringLiteral("Test the members of this source group."),
          QStringLiteral("NAME_OR_ID"))
    , m_requireOption(QStringLiteral("require"),
          QStringLiteral("The attributes every test user must arrive with, comma-separated; kept for the profile "
                         "(default: %1).")
              .arg(store::ProfileSettings::defaultRequiredAttributes().join(QLatin1Char(','))),
          QStringLiteral("ATTR,..."))
    , m_yesOption(QStringLiteral("yes"),
          QStringLiteral("Write to the target without asking (needed when not run from a terminal)."))
{ }

TestSyncCommand::~TestSyncCommand() = default;

QString TestSyncCommand::name() const
{
    return QStringLiteral("test-sync");
}

QString TestSyncCommand::summary() const
{
    return QStringLiteral(
        "Sync a few test users for real and compare with their preview. Exit: 0 all as predicted, 3 some differ or "
        "were skipped, 4 some failed. --verbose shows each user's steps.");
}

void TestSyncCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    parser.addOption(m_usersFileOption);
    parser.addOption(m_userOption);
    parser.addOption(m_groupOption);
    parser.addOption(m_requireOption);
    parser.addOption(m_yesOption);
}

QString TestSyncCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    if (parser.isSet(m_usersFileOption)) {
        QString problem;
        const auto users = readUsersFile(parser.value(m_usersFileOption), &problem);
        if (!users) {
            return problem;
        }
        m_users.append(*users);
    }
    for (const QString& user : parser.values(m_userOption)) {
        if (!user.trimmed().isEmpty()) {
            m_users.append(user.trimmed());
        }
    }
    m_group = parser.value(m_groupOption).trimmed();
    if (m_users.isEmpty() && m_group.isEmpty()) {
        return tr("test-sync needs users: --users FILE, --user UPN or --group NAME_OR_ID.");
    }
    // Before signing in or reading anything (a group's members are checked once read, in preview()).
    m_users = sync::TestUserLimit::distinct(m_users);
    if (const QString tooMany = sync::TestUserLimit::problem(m_users.size()); !tooMany.isEmpty()) {
        return tooMany;
    }
    if (parser.isSet(m_requireOption)) {
        QStringList required;
        for (const QString& name : parser.value(m_requireOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!name.trimmed().isEmpty()) {
                required.append(name.trimmed());
            }
        }
        m_required = required;
    }
    m_yes = parser.isSet(m_yesOption);
    m_verbose = parser.isSet(QStringLiteral("verbose"));
    if (!m_yes && !CliConfirmation::inputIsTerminal()) {
        return tr("test-sync writes to the target tenant and asks first, and standard input is not a terminal; pass "
                  "--yes to run it without asking.");
    }
    return {};
}

ExitCode TestSyncCommand::exitCodeFor(const QList<TestSyncOutcome>& outcomes)
{
    bool allAsPredicted = true;
    for (const TestSyncOutcome& outcome : outcomes) {
        if (outcome.verdict == TestSyncOutcome::Verdict::Failed) {
            return ExitCode::ServiceError;
        }
        allAsPredicted = allAsPredicted && outcome.verdict == TestSyncOutcome::Verdict::AsPredicted;
    }
    return allAsPredicted && !outcomes.isEmpty() ? ExitCode::Success : ExitCode::CheckFailed;
}

void TestSyncCommand::run()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    store::ProfileSettings settings(workspace().database());
    if (m_required) {
        if (const auto error = settings.setRequiredAttributes(*m_required)) {
            m_output.printError(error->userMessage());
            finish(ExitCode::LocalError);
            return;
        }
        m_requiredAttributes = *m_required;
    } else {
        auto stored = settings.requiredAttributes();
        if (const auto* error = std::get_if<store::StoreError>(&stored)) {
            m_output.printError(error->userMessage());
            finish(ExitCode::LocalError);
            return;
        }
        m_requiredAttributes = std::get<QStringList>(stored);
    }

    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) { withConfiguration(configuration); },
        [this](ExitCode code) { finish(code); });
}

void TestSyncCommand::withConfiguration(const model::CtsConfiguration& configuration)
{
    m_configuration = configuration;
    if (m_group.isEmpty()) {
        preview();
    } else {
        resolveGroup();
    }
}

void TestSyncCommand::resolveGroup()
{
    graph::DirectoryEndpoints* directory = workspace().directory(m_pair->source.id);
    if (!directory) {
        m_output.printError(tr("the source tenant is not signed in."));
        finish(ExitCode::Usage);
        return;
    }
    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        QRegularExpression::CaseInsensitiveOption);
    if (guid.match(m_group).hasMatch()) {
        graph::PageReader* reader = directory->listGroupMembers(
            m_group, true, this, {QStringLiteral("id"), QStringLiteral("userPrincipalName")});
        connect(reader, &graph::PageReader::pageReceived, this, [this](const QJsonArray& items) {
            for (const model::DirectoryUser& user : graph::DirectoryEndpoints::parseUsers(items)) {
                m_users.append(user.id);
            }
        });
        connect(reader, &graph::PageReader::finished, this, [this, reader](const graph::PageReadResult& result) {
            reader->deleteLater();
            if (result.error.isError()) {
                m_output.printError(result.error.userMessage());
                finish(ExitCode::ServiceError);
                return;
            }
            preview();
        });
        reader->start();
        return;
    }
    setup::UserListingQuery query;
    query.groupName = m_group;
    query.pageSize = 999;
    auto* listing = new setup::UserListing(*directory, query, this);
    connect(listing, &setup::UserListing::usersReceived, this, [this](const QList<model::DirectoryUser>& users) {
        for (const model::DirectoryUser& user : users) {
            m_users.append(user.id);
        }
    });
    connect(listing, &setup::UserListing::finished, this, [this, listing](const graph::GraphError& error) {
        listing->deleteLater();
        if (error.isError()) {
            m_output.printError(error.userMessage());
            finish(ExitCode::ServiceError);
        } else if (listing->isGroupMissing()) {
            m_output.printError(tr("%1 has no group named \"%2\".").arg(m_pair->source.readableName(), m_group));
            finish(ExitCode::CheckFailed);
        } else {
            preview();
        }
    });
    listing->start();
}

void TestSyncCommand::preview()
{
    m_users = sync::TestUserLimit::distinct(m_users);
    if (m_users.isEmpty()) {
        m_output.printError(tr("no users to test."));
        finish(ExitCode::CheckFailed);
        return;
    }
    if (const QString tooMany = sync::TestUserLimit::problem(m_users.size()); !tooMany.isEmpty()) {
        m_output.printError(tooMany);
        finish(ExitCode::Usage);
        return;
    }
    auto* previewer = new sync::Preview(*m_pair->sourceClient, *m_pair->targetClient, this);
    previewer->setAssumeAssigned(true); // the test sync assigns them first: preview what it will do
    connect(previewer, &sync::Preview::finished, this, [this, previewer](const QList<UserPreview>& previews) {
        previewer->deleteLater();
        confirmAndRun(previews);
    });
    connect(previewer, &sync::Preview::failed, this, [this, previewer](const QString& message) {
        previewer->deleteLater();
        m_output.printError(tr("the preview failed: %1").arg(message));
        finish(ExitCode::ServiceError);
    });
    if (!previewer->start(m_configuration->servicePrincipalId, m_configuration->jobId, m_users)) {
        previewer->deleteLater();
        m_output.printError(tr("the preview could not start."));
        finish(ExitCode::Usage);
    }
}

void TestSyncCommand::confirmAndRun(const QList<UserPreview>& previews)
{
    int creates = 0;
    int updates = 0;
    int assignments = 0;
    for (const UserPreview& preview : previews) {
        const UserPreview::Action expected = sync::TestSync::expectedAction(preview);
        creates += expected == UserPreview::Action::Create ? 1 : 0;
        updates += expected == UserPreview::Action::Update ? 1 : 0;
        assignments += !preview.assigned && !preview.sourceUserId.isEmpty() ? 1 : 0;
    }
    if (!m_yes) {
        const QString question
            = tr("Test sync of %1 users into %2: it will create %3 and update %4 users there (and assign %5 to \"%6\", "
                 "which stay assigned). Go ahead? [y/N] ")
                  .arg(previews.size())
                  .arg(m_pair->target.readableName())
                  .arg(creates)
                  .arg(updates)
                  .arg(assignments)
                  .arg(m_configuration->displayName);
        if (!CliConfirmation::ask(question)) {
            m_output.printNote(tr("Nothing was sent."));
            finish(ExitCode::Success);
            return;
        }
    }
    runTestSync(previews);
}

void TestSyncCommand::runTestSync(const QList<UserPreview>& previews)
{
    m_store = std::make_unique<sync::TestSyncStore>(workspace().database());
    auto* testSync = new sync::TestSync(*m_pair->sourceClient, *m_pair->targetClient, m_store.get(), this);
    connect(testSync, &sync::TestSync::progress, this, [this](int done, int total, const QString& upn) {
        if (!m_output.isJson() && done < total) {
            m_output.printNote(tr("%1 of %2 done; %3").arg(done).arg(total).arg(CliOutput::printable(upn)));
        }
    });
    connect(testSync, &sync::TestSync::finished, this,
        [this, testSync](const QString& runId, const QList<TestSyncOutcome>& outcomes) {
            testSync->deleteLater();
            print(runId, outcomes);
            finish(exitCodeFor(outcomes));
        });
    connect(testSync, &sync::TestSync::failed, this, [this, testSync](const QString& message) {
        testSync->deleteLater();
        m_output.printError(message);
        finish(ExitCode::ServiceError);
    });
    sync::TestSync::Request request;
    request.servicePrincipalId = m_configuration->servicePrincipalId;
    request.jobId = m_configuration->jobId;
    request.sourceTenantId = m_pair->source.id;
    request.targetTenantId = m_pair->target.id;
    request.users = previews;
    request.requiredAttributes = m_requiredAttributes;
    if (!testSync->start(request)) {
        testSync->deleteLater();
        const QString tooMany = sync::TestUserLimit::problem(request.users.size());
        m_output.printError(tooMany.isEmpty() ? tr("the test sync could not start.") : tooMany);
        finish(ExitCode::Usage);
    }
}

void TestSyncCommand::print(const QString& runId, const QList<TestSyncOutcome>& outcomes)
{
    if (m_output.isJson()) {
        QJsonArray array;
        for (const TestSyncOutcome& outcome : outcomes) {
            array.append(outcome.toJson());
        }
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("runId"), runId},
            {QStringLiteral("configuration"),
                QJsonObject {{QStringLiteral("displayName"), m_configuration->displayName},
                    {QStringLiteral("servicePrincipalId"), m_configuration->servicePrincipalId},
                    {QStringLiteral("jobId"), m_configuration->jobId}}},
            {QStringLiteral("requiredAttributes"), QJsonArray::fromStringList(m_requiredAttributes)},
            {QStringLiteral("outcomes"), array}}));
        return;
    }
    int assignedHere = 0;
    for (const TestSyncOutcome& outcome : outcomes) {
        assignedHere += outcome.assignedByTestSync ? 1 : 0;
        m_output.printLine(
            QStringLiteral("%1: %2 — %3")
                .arg(outcome.userPrincipalName.isEmpty() ? outcome.sourceUserId : outcome.userPrincipalName,
                    TestSyncOutcome::verdictName(outcome.verdict), outcome.summary()));
        if (outcome.verdict == TestSyncOutcome::Verdict::Differs && outcome.differences.isEmpty()) {
            m_output.printLine(
                tr("    the preview expected %1, the service did %2")
                    .arg(UserPreview::actionName(sync::TestSync::expectedAction(outcome.preview)),
                        outcome.serviceAction.isEmpty() ? outcome.serviceStatus : outcome.serviceAction));
        }
        for (const TestSyncOutcome::Difference& difference : outcome.differences) {
            m_output.printLine(
                tr("    %1: predicted %2, got %3")
                    .arg(difference.attribute, valueOrEmpty(difference.predicted), valueOrEmpty(difference.actual)));
        }
        if (!outcome.explanation.isEmpty()) {
            m_output.printLine(QStringLiteral("    ") + outcome.explanation);
        }
        if (m_verbose) {
            for (const TestSyncOutcome::TimelineStep& step : outcome.timeline) {
                m_output.printLine(QStringLiteral("    | ") + step.text);
            }
        }
    }
    if (assignedHere > 0) {
        m_output.printLine(tr("%1 users were assigned to \"%2\" by this test sync; they stay assigned, so the job's "
                              "cycles keep them in sync.")
                               .arg(assignedHere)
                               .arg(m_configuration->displayName));
    }
    m_output.printLine(tr("Run %1 is kept in the profile.").arg(runId));
}

} // namespace tb::cli
