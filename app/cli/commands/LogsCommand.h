// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/commands/DesiredSettingsOptions.h"
#include "app/cli/commands/SetupPair.h"
#include "core/logs/LogExporter.h"
#include "core/logs/LogQuery.h"

#include <QCommandLineOption>
#include <QElapsedTimer>
#include <QString>

#include <memory>
#include <optional>

namespace tb::logs {
class LogStore;
class LogSync;
class UserTimelineReader;
struct LogSet;
} // namespace tb::logs

namespace tb::cli {

// `logs fetch | query | export | import FILE | sets | timeline USER`: the provisioning logs of the pair's job, kept in
// the profile's database (issue 7).
// - fetch: reads the job's new records from Graph into the job's log set (logs::LogSync, resumable), progress on
//   stderr, a summary with how far the stored logs reach.
// - query: the records of a set (the job's by default, --set ID for an imported file) that match --status, --action,
//   --since/--until (ISO 8601 or 30m, 24h, 7d, 2w back from now), --cycle, --user (source identity first, the target's
//   when no source matches), --error-code, --text; --sort COLUMN[:asc|desc], --limit N; --group-by-error counts per
//   code with the catalogue's title. A table, or with --json {setId, total, records} (Graph's shape).
// - export: the same query's records to --output FILE as --format csv|json (default: from the file's extension).
// - import FILE: the admin center's JSON or CSV download into a new set, all or nothing (logs::LogFileImport).
// - sets: the stored sets. timeline USER: one source user's records and the target's audits, live.
// query, export, import and sets need no sign-in. Exit: 0; 2 bad usage (also several jobs' logs and no --set); 3
// nothing stored yet, no configuration or job, a broken import file; 4 Graph failed; 5 the database failed.
class LogsCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsCommand)

public:
    explicit LogsCommand(CliOutput& output, QObject* parent = nullptr);
    ~LogsCommand() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    [[nodiscard]] int positionalCount() const override { return 2; }
    void addOptions(QCommandLineParser& parser) override;
    [[nodiscard]] QString readOptions(const QCommandLineParser& parser) override;

private:
    void run() override;
    void runFetch();
    void runQuery();
    void runExport();
    void runImport();
    void runSets();
    void runTimeline();
    // The set the query is about (--set, or the only job's); prints why not and finishes when there is none.
    [[nodiscard]] std::optional<logs::LogSet> chooseSet(logs::LogStore& store);
    // The query of the options on a set; with --user, the side (source or target) that has records.
    [[nodiscard]] std::optional<logs::LogQuery> queryFor(logs::LogStore& store, const logs::LogSet& set);
    void printFetchProgress(int pages, int records, int newRecords, bool last);

    DesiredSettingsOptions m_desiredOptions;
    QCommandLineOption m_statusOption;
    QCommandLineOption m_actionOption;
    QCommandLineOption m_sinceOption;
    QCommandLineOption m_untilOption;
    QCommandLineOption m_cycleOption;
    QCommandLineOption m_userOption;
    QCommandLineOption m_errorCodeOption;
    QCommandLineOption m_textOption;
    QCommandLineOption m_sortOption;
    QCommandLineOption m_limitOption;
    QCommandLineOption m_setOption;
    QCommandLineOption m_groupByErrorOption;
    QCommandLineOption m_formatOption;
    QCommandLineOption m_outputOption;

    QString m_action; // fetch, query, export, import, sets, timeline
    QString m_argument; // import: the file; timeline: the user
    logs::LogQuery m_query; // the filters; setId and the identity side are filled in later
    QString m_user;
    qint64 m_setId = 0; // --set; 0: the job's
    int m_limit = 50;
    bool m_limitSet = false;
    bool m_groupByError = false;
    logs::LogExporter::Format m_format = logs::LogExporter::Format::Csv;
    QString m_outputPath;

    std::optional<SetupPair> m_pair;
    std::unique_ptr<logs::LogStore> m_store;
    logs::LogSync* m_sync = nullptr;
    logs::UserTimelineReader* m_timelineReader = nullptr;
    QElapsedTimer m_sinceProgress;
};

} // namespace tb::cli
