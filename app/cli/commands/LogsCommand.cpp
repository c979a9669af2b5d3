// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/LogsCommand.h"

#include "app/cli/CliOutput.h"
#include "core/Workspace.h"
#include "core/logs/LogFileExport.h"
#include "core/logs/LogFileImport.h"
#include "core/logs/LogStore.h"
#include "core/logs/LogSync.h"
#include "core/logs/UserTimelineReader.h"
#include "core/model/CtsConfiguration.h"
#include "core/store/Database.h"
#include "core/sync/ErrorCatalogue.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace tb::cli {

namespace {

using logs::LogQuery;
using logs::LogRow;
using logs::LogSet;
using logs::LogStore;
using store::StoreError;
using sync::ErrorCatalogue;

const QStringList kActions {QStringLiteral("fetch"), QStringLiteral("query"), QStringLiteral("export"),
    QStringLiteral("import"), QStringLiteral("sets"), QStringLiteral("timeline")};
const QStringList kStatuses {
    QStringLiteral("success"), QStringLiteral("warning"), QStringLiteral("failure"), QStringLiteral("skipped")};
const QStringList kLogActions {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete"),
    QStringLiteral("disable"), QStringLiteral("stageddelete"), QStringLiteral("other")};

struct SortName
{
    const char* name;
    LogQuery::SortColumn column;
};

const SortName kSortNames[] = {
    {"time", LogQuery::SortColumn::ActivityTime},
    {"status", LogQuery::SortColumn::Status},
    {"action", LogQuery::SortColumn::Action},
    {"source", LogQuery::SortColumn::SourceName},
    {"target", LogQuery::SortColumn::TargetName},
    {"error", LogQuery::SortColumn::ErrorCode},
    {"cycle", LogQuery::SortColumn::CycleId},
    {"duration", LogQuery::SortColumn::Duration},
};

QString sortNames()
{
    QStringList names;
    for (const SortName& sort : kSortNames) {
        names.append(QString::fromLatin1(sort.name));
    }
    return names.join(QStringLiteral(", "));
}

QString number(qint64 value)
{
    return QLocale(QLocale::English).toString(value);
}

QString counted(qint64 count, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(number(count), count == 1 ? one : many);
}

// People read their own time zone; --json carries UTC.
QString when(const QDateTime& time)
{
    return time.isValid() ? QLocale::c().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

QString utc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// ISO 8601 (a date, or a date and time; without an offset it is local time) or a span back from now: 30m, 24h, 7d, 2w.
std::optional<QDateTime> parseWhen(const QString& text, const QDateTime& now)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression relative(
        QStringLiteral("^(\\d{1,6})\\s*([mhdw])$"), QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = relative.match(trimmed); match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0).toLower();
        const qint64 seconds = unit == QLatin1Char('m') ? 60
            : unit == QLatin1Char('h')                  ? 3600
            : unit == QLatin1Char('d')                  ? 86400
                                                        : 7 * 86400;
        return now.toUTC().addSecs(-amount * seconds);
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid()) {
            return std::nullopt;
        }
        time = date.startOfDay();
    }
    return time.toUTC();
}

QString setKind(const LogSet& set)
{
    return set.kind == LogSet::Kind::Job ? QStringLiteral("job") : QStringLiteral("import");
}

QString setSource(const LogSet& set)
{
    return set.kind == LogSet::Kind::Job ? LogsCommand::tr("job %1").arg(set.jobId) : set.fileName;
}

// For the line under a table: "set 1, fetched from the job" or "set 2, imported from logs.csv".
QString setTitle(const LogSet& set)
{
    return set.kind == LogSet::Kind::Job
        ? LogsCommand::tr("set %1, fetched from the job").arg(set.id)
        : LogsCommand::tr("set %1, imported from %2").arg(QString::number(set.id), set.fileName);
}

QJsonObject setJson(const LogSet& set, qint64 records)
{
    QJsonObject json {{QStringLiteral("id"), set.id}, {QStringLiteral("kind"), setKind(set)},
        {QStringLiteral("records"), records}, {QStringLiteral("createdAt"), utc(set.createdAt)}};
    if (set.kind == LogSet::Kind::Job) {
        json.insert(QStringLiteral("servicePrincipalId"), set.servicePrincipalId);
        json.insert(QStringLiteral("jobId"), set.jobId);
    } else {
        json.insert(QStringLiteral("fileName"), set.fileName);
        json.insert(QStringLiteral("importedAt"), utc(set.importedAt));
    }
    return json;
}

QString identity(const QString& principalName, const QString& name, const QString& id)
{
    return !principalName.isEmpty() ? principalName : !name.isEmpty() ? name : id;
}

QJsonObject explanationJson(const ErrorCatalogue::Explanation& explanation)
{
    return {{QStringLiteral("title"), explanation.title}, {QStringLiteral("meaning"), explanation.meaning},
        {QStringLiteral("action"), explanation.action}, {QStringLiteral("known"), explanation.known}};
}

} // namespace

LogsCommand::LogsCommand(CliOutput& output, QObject* parent)
    : CliCommand(output, parent)
    , m_desiredOptions(false)
    , m_statusOption(QStringLiteral("status"),
          QStringLiteral("query, export: only records with this status, comma-separated: %1.")
              .arg(kStatuses.join(QStringLiteral(", "))),
          QStringLiteral("LIST"))
    , m_actionOption(QStringLiteral("action"),
          QStringLiteral("query, export: only this action, comma-separated: %1.")
              .arg(kLogActions.join(QStringLiteral(", "))),
          QStringLiteral("LIST"))
    , m_sinceOption(QStringLiteral("since"),
          QStringLiteral("query, export: from this time on: ISO 8601 (local time unless it has an offset) or back from "
                         "now: 30m, 24h, 7d, 2w."),
          QStringLiteral("WHEN"))
    , m_untilOption(QStringLiteral("until"), QStringLiteral("query, export: before this time (as --since)."),
          QStringLiteral("WHEN"))
    , m_cycleOption(QStringLiteral("cycle"), QStringLiteral("query, export: only this cycle id."), QStringLiteral("ID"))
    , m_userOption(QStringLiteral("user"),
          QStringLiteral("query, export: one person, by object id, display name or user principal name, whole and "
                         "exact (any case); the source identity, else the target's."),
          QStringLiteral("USER"))
    , m_errorCodeOption(
          QStringLiteral("error-code"), QStringLiteral("query, export: only this error code."), QStringLiteral("CODE"))
    , m_textOption(QStringLiteral("text"),
          QStringLiteral("query, export: words found in the identities or the error (each word a prefix)."),
          QStringLiteral("WORDS"))
    , m_sortOption(QStringLiteral("sort"),
          QStringLiteral("query, export: the order, COLUMN[:asc|desc] with COLUMN one of %1 (default time:desc).")
              .arg(sortNames()),
          QStringLiteral("COLUMN"))
    , m_limitOption(QStringLiteral("limit"),
          QStringLiteral("query: at most N records (default 50); export: at most N (default all)."),
          QStringLiteral("N"))
    , m_setOption(QStringLiteral("set"),
          QStringLiteral("query, export: the log set ('logs sets' lists them; default: the job's fetched logs)."),
          QStringLiteral("ID"))
    , m_groupByErrorOption(QStringLiteral("group-by-error"),
          QStringLiteral("query: how many records carry each error code, with what it means."))
    , m_formatOption(QStringLiteral("format"),
          QStringLiteral("export: csv or json (default: from the --output file's extension, else csv)."),
          QStringLiteral("FORMAT"))
    , m_outputOption(QStringLiteral("output"), QStringLiteral("export: the file to write."), QStringLiteral("FILE"))
{ }

LogsCommand::~LogsCommand() = default;

QString LogsCommand::name() const
{
    return QStringLiteral("logs");
}

QString LogsCommand::summary() const
{
    return QStringLiteral("fetch | query | export | import FILE | sets | timeline USER: the job's provisioning logs.");
}

void LogsCommand::addOptions(QCommandLineParser& parser)
{
    m_desiredOptions.addTo(parser);
    for (const QCommandLineOption* option : {&m_statusOption, &m_actionOption, &m_sinceOption, &m_untilOption,
             &m_cycleOption, &m_userOption, &m_errorCodeOption, &m_textOption, &m_sortOption, &m_limitOption,
             &m_setOption, &m_groupByErrorOption, &m_formatOption, &m_outputOption}) {
        parser.addOption(*option);
    }
}

QString LogsCommand::readOptions(const QCommandLineParser& parser)
{
    if (const QString problem = m_desiredOptions.read(parser); !problem.isEmpty()) {
        return problem;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        return tr("logs needs what to do: %1.").arg(kActions.join(QStringLiteral(", ")));
    }
    m_action = positional.at(1).toLower();
    if (!kActions.contains(m_action)) {
        return tr("logs does not know \"%1\"; use one of %2.")
            .arg(positional.at(1), kActions.join(QStringLiteral(", ")));
    }
    const bool takesArgument = m_action == QStringLiteral("import") || m_action == QStringLiteral("timeline");
    if (takesArgument) {
        if (positional.size() < 3 || positional.at(2).trimmed().isEmpty()) {
            return m_action == QStringLiteral("import")
                ? tr("logs import needs the file: logs import FILE.")
                : tr("logs timeline needs the source user: logs timeline USER.");
        }
        m_argument = positional.at(2).trimmed();
    } else if (positional.size() > 2) {
        return tr("logs %1 takes no argument (\"%2\").").arg(m_action, positional.at(2));
    }

    const bool filters = m_action == QStringLiteral("query") || m_action == QStringLiteral("export");
    for (const QCommandLineOption* option : {&m_statusOption, &m_actionOption, &m_sinceOption, &m_untilOption,
             &m_cycleOption, &m_userOption, &m_errorCodeOption, &m_textOption, &m_sortOption, &m_setOption}) {
        if (!filters && parser.isSet(*option)) {
            return tr("--%1 goes with logs query and logs export.").arg(option->names().constFirst());
        }
    }
    if (parser.isSet(m_groupByErrorOption) && m_action != QStringLiteral("query")) {
        return tr("--group-by-error goes with logs query.");
    }
    if ((parser.isSet(m_formatOption) || parser.isSet(m_outputOption)) && m_action != QStringLiteral("export")) {
        return tr("--format and --output go with logs export.");
    }
    if (parser.isSet(m_limitOption) && !filters) {
        return tr("--limit goes with logs query and logs export.");
    }

    const auto list = [&parser](const QCommandLineOption& option) {
        QStringList values;
        for (const QString& value : parser.values(option)) {
            for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                values.append(part.trimmed().toLower());
            }
        }
        return values;
    };
    m_query.statuses = list(m_statusOption);
    for (const QString& status : std::as_const(m_query.statuses)) {
        if (!kStatuses.contains(status)) {
            return tr("--status does not know \"%1\"; use %2.").arg(status, kStatuses.join(QStringLiteral(", ")));
        }
    }
    m_query.actions = list(m_actionOption);
    for (const QString& action : std::as_const(m_query.actions)) {
        if (!kLogActions.contains(action)) {
            return tr("--action does not know \"%1\"; use %2.").arg(action, kLogActions.join(QStringLiteral(", ")));
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(m_sinceOption)) {
        const std::optional<QDateTime> since = parseWhen(parser.value(m_sinceOption), now);
        if (!since) {
            return tr("--since \"%1\" is neither a date and time (2026-11-27T09:30) nor a span back from now (30m, "
                      "24h, 7d, 2w).")
                .arg(parser.value(m_sinceOption));
        }
        m_query.from = *since;
    }
    if (parser.isSet(m_untilOption)) {
        const std::optional<QDateTime> until = parseWhen(parser.value(m_untilOption), now);
        if (!until) {
            return tr("--until \"%1\" is neither a date and time (2026-11-27T09:30) nor a span back from now (30m, "
                      "24h, 7d, 2w).")
                .arg(parser.value(m_untilOption));
        }
        m_query.to = *until;
    }
    if (m_query.from.isValid() && m_query.to.isValid() && m_query.from >= m_query.to) {
        return tr("--since must be before --until.");
    }
    m_query.cycleId = parser.value(m_cycleOption).trimmed();
    m_user = parser.value(m_userOption).trimmed();
    m_query.errorCode = parser.value(m_errorCodeOption).trimmed();
    m_query.text = parser.value(m_textOption).trimmed();
    if (parser.isSet(m_sortOption)) {
        const QString sort = parser.value(m_sortOption).trimmed().toLower();
        const QString column = sort.section(QLatin1Char(':'), 0, 0);
        const QString order = sort.section(QLatin1Char(':'), 1);
        bool found = false;
        for (const SortName& name : kSortNames) {
            if (column == QLatin1String(name.name)) {
                m_query.sortColumn = name.column;
                found = true;
            }
        }
        if (!found) {
            return tr("--sort does not know \"%1\"; use one of %2, with :asc or :desc.").arg(column, sortNames());
        }
        if (order.isEmpty()) {
            // Time reads best newest first; names and codes in alphabetical order.
            m_query.sortOrder = m_query.sortColumn == LogQuery::SortColumn::ActivityTime
                    || m_query.sortColumn == LogQuery::SortColumn::Duration
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        } else if (order == QStringLiteral("asc") || order == QStringLiteral("desc")) {
            m_query.sortOrder = order == QStringLiteral("asc") ? Qt::AscendingOrder : Qt::DescendingOrder;
        } else {
            return tr("--sort takes COLUMN:asc or COLUMN:desc, not \"%1\".").arg(parser.value(m_sortOption));
        }
    }
    m_limitSet = parser.isSet(m_limitOption);
    if (m_limitSet) {
        bool ok = false;
        m_limit = parser.value(m_limitOption).toInt(&ok);
        if (!ok || m_limit < 1) {
            return tr("--limit takes a whole number of 1 or more.");
        }
    }
    if (parser.isSet(m_setOption)) {
        bool ok = false;
        m_setId = parser.value(m_setOption).toLongLong(&ok);
        if (!ok || m_setId < 1) {
            return tr("--set takes the id of a log set ('logs sets' lists them).");
        }
    }
    m_groupByError = parser.isSet(m_groupByErrorOption);

    if (m_action == QStringLiteral("export")) {
        m_outputPath = parser.value(m_outputOption).trimmed();
        if (m_outputPath.isEmpty()) {
            return tr("logs export needs --output FILE.");
        }
        QString format = parser.value(m_formatOption).trimmed().toLower();
        if (format.isEmpty()) {
            format = QFileInfo(m_outputPath).suffix().toLower() == QStringLiteral("json") ? QStringLiteral("json")
                                                                                          : QStringLiteral("csv");
        }
        if (format != QStringLiteral("csv") && format != QStringLiteral("json")) {
            return tr("--format takes csv or json, not \"%1\".").arg(parser.value(m_formatOption));
        }
        m_format = format == QStringLiteral("json") ? logs::LogExporter::Format::Json : logs::LogExporter::Format::Csv;
    }
    return {};
}

void LogsCommand::run()
{
    m_store = std::make_unique<LogStore>(workspace().database());
    if (m_action == QStringLiteral("fetch")) {
        runFetch();
    } else if (m_action == QStringLiteral("query")) {
        runQuery();
    } else if (m_action == QStringLiteral("export")) {
        runExport();
    } else if (m_action == QStringLiteral("import")) {
        runImport();
    } else if (m_action == QStringLiteral("sets")) {
        runSets();
    } else {
        runTimeline();
    }
}

void LogsCommand::runFetch()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) {
            m_sync = new logs::LogSync(*m_pair->sourceClient, *m_store, workspace().database(), this);
            connect(m_sync, &logs::LogSync::progress, this, [this](int pages, int records, int newRecords) {
                printFetchProgress(pages, records, newRecords, false);
            });
            connect(m_sync, &logs::LogSync::failed, this, [this](const QString& message) {
                m_output.printError(message);
                finish(ExitCode::ServiceError);
            });
            connect(m_sync, &logs::LogSync::finished, this, [this](int newRecords, qint64 setId) {
                const logs::LogFetcher::Outcome& outcome = m_sync->outcome();
                printFetchProgress(outcome.pages, static_cast<int>(outcome.records), newRecords, true);
                const auto total = m_store->count(setId);
                if (const auto* error = std::get_if<StoreError>(&total)) {
                    m_output.printError(error->userMessage());
                    finish(ExitCode::LocalError);
                    return;
                }
                const qint64 stored = std::get<qint64>(total);
                if (m_output.isJson()) {
                    m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("setId"), setId},
                        {QStringLiteral("pages"), outcome.pages}, {QStringLiteral("records"), outcome.records},
                        {QStringLiteral("newRecords"), newRecords}, {QStringLiteral("stored"), stored},
                        {QStringLiteral("completeThrough"), utc(outcome.completeThrough)}}));
                } else if (!outcome.completeThrough.isValid()) {
                    m_output.printLine(tr("The job has no provisioning logs yet; nothing was stored."));
                } else {
                    m_output.printLine(tr("Fetched %1, %2 new; stored logs now cover up to %3 (%4 in set %5).")
                                           .arg(counted(outcome.records, tr("record"), tr("records")),
                                               number(newRecords), when(outcome.completeThrough),
                                               counted(stored, tr("record"), tr("records")), QString::number(setId)));
                }
                finish(ExitCode::Success);
            });
            m_sinceProgress.start();
            m_output.printNote(
                tr("Fetching the provisioning logs of \"%1\" (%2)...").arg(configuration.displayName, m_pair->title()));
            if (!m_sync->fetch(configuration.servicePrincipalId, configuration.jobId)) {
                m_output.printError(tr("The fetch could not start."));
                finish(ExitCode::LocalError);
            }
        },
        [this](ExitCode code) { finish(code); });
}

void LogsCommand::printFetchProgress(int pages, int records, int newRecords, bool last)
{
    // A fetch of one page needs no progress (the summary says it all); a first fetch of a busy job is hundreds of
    // pages: a line a second at most, and the last one.
    constexpr qint64 kEveryMs = 1000;
    if (pages < 2 || (!last && m_sinceProgress.elapsed() < kEveryMs)) {
        return;
    }
    m_sinceProgress.restart();
    m_output.printNote(
        tr("  %1, %2 read, %3 new").arg(counted(pages, tr("page"), tr("pages")), number(records), number(newRecords)));
}

std::optional<LogSet> LogsCommand::chooseSet(LogStore& store)
{
    if (m_setId != 0) {
        const auto found = store.findSet(m_setId);
        if (const auto* error = std::get_if<StoreError>(&found)) {
            m_output.printError(error->userMessage());
            finish(ExitCode::LocalError);
            return std::nullopt;
        }
        const std::optional<LogSet>& set = std::get<std::optional<LogSet>>(found);
        if (!set) {
            m_output.printError(tr("There is no log set %1; 'logs sets' lists them.").arg(m_setId));
            finish(ExitCode::CheckFailed);
        }
        return set;
    }
    const auto all = store.sets();
    if (const auto* error = std::get_if<StoreError>(&all)) {
        m_output.printError(error->userMessage());
        finish(ExitCode::LocalError);
        return std::nullopt;
    }
    QList<LogSet> jobs;
    for (const LogSet& set : std::get<QList<LogSet>>(all)) {
        if (set.kind == LogSet::Kind::Job) {
            jobs.append(set);
        }
    }
    if (jobs.size() == 1) {
        return jobs.constFirst();
    }
    if (jobs.isEmpty()) {
        m_output.printError(std::get<QList<LogSet>>(all).isEmpty()
                ? tr("No provisioning logs are stored yet: run 'logs fetch' for the job's, or 'logs import FILE'.")
                : tr("No job's logs are fetched yet: run 'logs fetch', or pass --set ID of an import ('logs sets' "
                     "lists them)."));
        finish(ExitCode::CheckFailed);
        return std::nullopt;
    }
    QStringList ids;
    for (const LogSet& set : std::as_const(jobs)) {
        ids.append(QString::number(set.id));
    }
    m_output.printError(tr("The logs of several jobs are stored (sets %1); pass --set ID ('logs sets' lists them).")
                            .arg(ids.join(QStringLiteral(", "))));
    finish(ExitCode::Usage);
    return std::nullopt;
}

std::optional<LogQuery> LogsCommand::queryFor(LogStore& store, const LogSet& set)
{
    LogQuery query = m_query;
    query.setId = set.id;
    if (m_user.isEmpty()) {
        return query;
    }
    // One option for both sides: the source identity when it has records, else the target's.
    query.sourceIdentity = m_user;
    const auto count = store.totalCount(query);
    if (const auto* error = std::get_if<StoreError>(&count)) {
        m_output.printError(error->userMessage());
        finish(ExitCode::LocalError);
        return std::nullopt;
    }
    if (std::get<qint64>(count) == 0) {
        query.sourceIdentity.clear();
        query.targetIdentity = m_user;
    }
    return query;
}

void LogsCommand::runQuery()
{
    const std::optional<LogSet> set = chooseSet(*m_store);
    if (!set) {
        return;
    }
    std::optional<LogQuery> query = queryFor(*m_store, *set);
    if (!query) {
        return;
    }
    const auto total = m_store->totalCount(*query);
    if (const auto* error = std::get_if<StoreError>(&total)) {
        m_output.printError(error->userMessage());
        finish(ExitCode::LocalError);
        return;
    }
    const qint64 count = std::get<qint64>(total);
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();

    if (m_groupByError) {
        const auto counts = m_store->countsByErrorCode(*query);
        if (const auto* error = std::get_if<StoreError>(&counts)) {
            m_output.printError(error->userMessage());
            finish(ExitCode::LocalError);
            return;
        }
        const QList<logs::ErrorCodeCount>& codes = std::get<QList<logs::ErrorCodeCount>>(counts);
        if (m_output.isJson()) {
            QJsonArray errors;
            for (const logs::ErrorCodeCount& code : codes) {
                QJsonObject json = explanationJson(catalogue.explainError(code.errorCode));
                json.insert(QStringLiteral("code"), code.errorCode);
                json.insert(QStringLiteral("count"), code.count);
                errors.append(json);
            }
            m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("setId"), set->id},
                {QStringLiteral("total"), count}, {QStringLiteral("errors"), errors}}));
        } else if (codes.isEmpty()) {
            m_output.printLine(tr("None of the %1 carries an error code.")
                                   .arg(counted(count, tr("matching record"), tr("matching records"))));
        } else {
            QList<QStringList> rows;
            for (const logs::ErrorCodeCount& code : codes) {
                rows.append({number(code.count), code.errorCode, catalogue.explainError(code.errorCode).title});
            }
            m_output.printTable({tr("COUNT"), tr("ERROR CODE"), tr("WHAT IT MEANS")}, rows);
            m_output.printLine(QString());
            m_output.printLine(
                tr("%1 in set %2; 'logs query --error-code CODE' lists the records of one code.")
                    .arg(counted(count, tr("matching record"), tr("matching records")), QString::number(set->id)));
        }
        finish(ExitCode::Success);
        return;
    }

    const auto rows = m_store->rows(*query, 0, m_limit);
    if (const auto* error = std::get_if<StoreError>(&rows)) {
        m_output.printError(error->userMessage());
        finish(ExitCode::LocalError);
        return;
    }
    const QList<LogRow>& page = std::get<QList<LogRow>>(rows);
    if (m_output.isJson()) {
        QJsonArray records;
        for (const LogRow& row : page) {
            const auto record = m_store->record(row.rowId);
            if (const auto* error = std::get_if<StoreError>(&record)) {
                m_output.printError(error->userMessage());
                finish(ExitCode::LocalError);
                return;
            }
            if (const auto& entry = std::get<std::optional<model::ProvisioningLogEntry>>(record)) {
                records.append(entry->toJson());
            }
        }
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("setId"), set->id},
            {QStringLiteral("total"), count}, {QStringLiteral("records"), records}}));
        finish(ExitCode::Success);
        return;
    }
    if (page.isEmpty()) {
        m_output.printLine(tr("No record matches in %1.").arg(setTitle(*set)));
        finish(ExitCode::Success);
        return;
    }
    QList<QStringList> table;
    QStringList codes;
    for (const LogRow& row : page) {
        table.append({when(row.activityTime), row.status, row.action,
            identity(row.sourceUserPrincipalName, row.sourceName, row.sourceId),
            identity({}, row.targetName, row.targetId), row.errorCode});
        if (!row.errorCode.isEmpty() && !codes.contains(row.errorCode)) {
            codes.append(row.errorCode);
        }
    }
    m_output.printTable({tr("TIME"), tr("STATUS"), tr("ACTION"), tr("SOURCE"), tr("TARGET"), tr("ERROR")}, table);
    if (!codes.isEmpty()) {
        m_output.printLine(QString());
        for (const QString& code : std::as_const(codes)) {
            const ErrorCatalogue::Explanation explanation = catalogue.explainError(code);
            m_output.printLine(QStringLiteral("%1: %2").arg(code, explanation.title));
            if (!explanation.action.isEmpty()) {
                m_output.printLine(tr("  What to do: %1").arg(explanation.action));
            }
        }
    }
    m_output.printLine(QString());
    m_output.printLine(page.size() < count
            ? tr("%1 of %2 (%3); --limit shows more, --json the full records.")
                  .arg(number(page.size()), counted(count, tr("matching record"), tr("matching records")),
                      setTitle(*set))
            : tr("%1 (%2).").arg(counted(count, tr("matching record"), tr("matching records")), setTitle(*set)));
    finish(ExitCode::Success);
}

void LogsCommand::runExport()
{
    const std::optional<LogSet> set = chooseSet(*m_store);
    if (!set) {
        return;
    }
    const std::optional<LogQuery> query = queryFor(*m_store, *set);
    if (!query) {
        return;
    }
    logs::LogFileExport::Options options;
    options.exporter.format = m_format;
    options.limit = m_limitSet ? m_limit : 0;
    const logs::LogFileExport::Result result = logs::LogFileExport::run(*m_store, *query, m_outputPath, options);
    if (!result.ok) {
        m_output.printError(result.error);
        finish(ExitCode::LocalError);
        return;
    }
    const QString format = m_format == logs::LogExporter::Format::Json ? QStringLiteral("json") : QStringLiteral("csv");
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("setId"), set->id},
            {QStringLiteral("file"), QFileInfo(m_outputPath).absoluteFilePath()}, {QStringLiteral("format"), format},
            {QStringLiteral("records"), result.records}}));
    } else {
        m_output.printLine(tr("Exported %1 of set %2 to %3 (%4).")
                               .arg(counted(result.records, tr("record"), tr("records")), QString::number(set->id),
                                   QDir::toNativeSeparators(m_outputPath), format.toUpper()));
    }
    finish(ExitCode::Success);
}

void LogsCommand::runImport()
{
    logs::LogFileImport::Options options;
    QElapsedTimer sinceNote;
    sinceNote.start();
    options.progress = [this, &sinceNote](qint64 bytesRead, qint64 bytesTotal, qint64 records) {
        if (sinceNote.elapsed() < 1000 || bytesTotal <= 0) {
            return;
        }
        sinceNote.restart();
        m_output.printNote(tr("  %1%, %2 stored").arg(QString::number(bytesRead * 100 / bytesTotal), number(records)));
    };
    const logs::LogFileImport::Result result = logs::LogFileImport::run(workspace().database(), m_argument, options);
    if (!result.ok) {
        m_output.printError(result.error);
        finish(result.storeFailed ? ExitCode::LocalError : ExitCode::CheckFailed);
        return;
    }
    const QString format
        = result.format == logs::LogImporter::Format::Json ? QStringLiteral("JSON") : QStringLiteral("CSV");
    if (m_output.isJson()) {
        QJsonArray ignored;
        for (const QString& column : result.importer.ignoredColumns) {
            ignored.append(column);
        }
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("setId"), result.setId},
            {QStringLiteral("records"), result.records}, {QStringLiteral("format"), format.toLower()},
            {QStringLiteral("file"), QFileInfo(m_argument).fileName()}, {QStringLiteral("ignoredColumns"), ignored}}));
    } else {
        if (!result.importer.ignoredColumns.isEmpty()) {
            m_output.printNote(
                tr("Columns not kept: %1.").arg(result.importer.ignoredColumns.join(QStringLiteral(", "))));
        }
        m_output.printLine(tr("Imported %1 from %2 (%3) as set %4; 'logs query --set %4' shows them.")
                               .arg(counted(result.records, tr("record"), tr("records")),
                                   QFileInfo(m_argument).fileName(), format, QString::number(result.setId)));
    }
    finish(ExitCode::Success);
}

void LogsCommand::runSets()
{
    logs::LogFileImport::removeInterrupted(workspace().database());
    const auto all = m_store->sets();
    if (const auto* error = std::get_if<StoreError>(&all)) {
        m_output.printError(error->userMessage());
        finish(ExitCode::LocalError);
        return;
    }
    QJsonArray json;
    QList<QStringList> table;
    for (const LogSet& set : std::get<QList<LogSet>>(all)) {
        const auto count = m_store->count(set.id);
        if (const auto* error = std::get_if<StoreError>(&count)) {
            m_output.printError(error->userMessage());
            finish(ExitCode::LocalError);
            return;
        }
        const qint64 records = std::get<qint64>(count);
        json.append(setJson(set, records));
        table.append({QString::number(set.id), setKind(set), setSource(set), number(records),
            when(set.kind == LogSet::Kind::Import ? set.importedAt : set.createdAt)});
    }
    if (m_output.isJson()) {
        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("sets"), json}}));
    } else if (table.isEmpty()) {
        m_output.printLine(tr("No provisioning logs are stored yet: run 'logs fetch', or 'logs import FILE'."));
    } else {
        m_output.printTable({tr("SET"), tr("KIND"), tr("FROM"), tr("RECORDS"), tr("CREATED")}, table);
    }
    finish(ExitCode::Success);
}

void LogsCommand::runTimeline()
{
    m_pair = SetupPair::fromWorkspace(workspace(), m_output);
    if (!m_pair) {
        finish(ExitCode::Usage);
        return;
    }
    m_pair->readConfigurationWithJob(
        this, m_output, m_desiredOptions.desiredFor(m_pair->source, m_pair->target).configurationDisplayName,
        [this](const model::CtsConfiguration& configuration) {
            m_timelineReader = new logs::UserTimelineReader(*m_pair->sourceClient, *m_pair->targetClient, this);
            connect(m_timelineReader, &logs::UserTimelineReader::failed, this, [this](const QString& message) {
                m_output.printError(message);
                finish(ExitCode::ServiceError);
            });
            connect(m_timelineReader, &logs::UserTimelineReader::finished, this,
                [this](const logs::UserTimeline& timeline) {
                    if (m_output.isJson()) {
                        QJsonArray events;
                        for (const logs::UserTimeline::Event& event : timeline.events) {
                            QJsonObject json {{QStringLiteral("when"), utc(event.when)},
                                {QStringLiteral("tenant"), logs::UserTimeline::tenantName(event.tenant).toLower()},
                                {QStringLiteral("recordId"), event.recordId},
                                {QStringLiteral("changeId"), event.changeId}, {QStringLiteral("action"), event.action},
                                {QStringLiteral("status"), event.status}, {QStringLiteral("summary"), event.summary},
                                {QStringLiteral("actor"), event.actor},
                                {QStringLiteral("targetUserId"), event.targetUserId}};
                            if (!event.errorCode.isEmpty()) {
                                QJsonObject error = explanationJson(event.explanation);
                                error.insert(QStringLiteral("code"), event.errorCode);
                                error.insert(QStringLiteral("reason"), event.errorReason);
                                json.insert(QStringLiteral("error"), error);
                            }
                            events.append(json);
                        }
                        m_output.printJson(QJsonDocument(QJsonObject {{QStringLiteral("user"), m_argument},
                            {QStringLiteral("sourceUserId"), timeline.person.sourceUserId},
                            {QStringLiteral("userPrincipalName"), timeline.person.userPrincipalName},
                            {QStringLiteral("auditsTruncated"), m_timelineReader->auditsTruncated()},
                            {QStringLiteral("events"), events}}));
                    } else if (timeline.events.isEmpty()) {
                        m_output.printLine(tr("No provisioning record or target audit about %1.").arg(m_argument));
                    } else {
                        m_output.printLine(
                            tr("Timeline of %1 across %2: %3 in the source, %4 in the target.")
                                .arg(timeline.person.userPrincipalName.isEmpty() ? m_argument
                                                                                 : timeline.person.userPrincipalName,
                                    m_pair->title(),
                                    counted(timeline.count(logs::UserTimeline::Tenant::Source), tr("record"),
                                        tr("records")),
                                    counted(timeline.count(logs::UserTimeline::Tenant::Target), tr("audit"),
                                        tr("audits"))));
                        QList<QStringList> table;
                        for (const logs::UserTimeline::Event& event : timeline.events) {
                            // The error's title on the same line: the table trims a line that starts empty.
                            table.append({when(event.when), logs::UserTimeline::tenantName(event.tenant),
                                event.errorCode.isEmpty() ? event.summary
                                                          : tr("%1: %2").arg(event.summary, event.explanation.title)});
                        }
                        m_output.printTable({tr("TIME"), tr("TENANT"), tr("WHAT HAPPENED")}, table);
                        if (m_timelineReader->auditsTruncated()) {
                            m_output.printNote(tr("Only the newest %1 target audits were read; older ones may be "
                                                  "missing.")
                                                   .arg(number(logs::UserTimelineReader::kDefaultMaxAuditRecords)));
                        }
                    }
                    finish(ExitCode::Success);
                });
            logs::UserTimelineReader::Request request;
            request.user = m_argument;
            request.jobId = configuration.jobId;
            request.servicePrincipalId = configuration.servicePrincipalId;
            if (!m_timelineReader->start(request)) {
                m_output.printError(tr("The timeline could not start."));
                finish(ExitCode::LocalError);
            }
        },
        [this](ExitCode code) { finish(code); });
}

} // namespace tb::cli
