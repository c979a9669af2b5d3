// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/TestSyncOutcome.h"
#include "core/sync/TestSyncStore.h"

#include <QList>
#include <QString>
#include <QTreeWidget>

namespace tb::ui {

// The test syncs kept in the profile (sync::TestSyncStore), newest first, one row each: when it ran, how many users,
// how many came out as predicted, different from the preview (a skip the preview did not expect counts here too) and
// failed, and whether every attribute the target needs arrived for every user (a user that failed counts as one
// they did not arrive for). The run's id is the row's
// Qt::UserRole data; runSelected() says which one the administrator picked. GUI thread.
class TestSyncHistoryList final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSyncHistoryList)

public:
    enum Column { When, Users, AsPredicted, Differs, Failed, RequiredAttributes, ColumnCount };

    // One run as the list shows it.
    struct Entry
    {
        sync::TestSyncRun run;
        int users = 0;
        int asPredicted = 0;
        int differs = 0;
        int failed = 0;
        int missingRequired = 0; // users for whom a required attribute arrived empty, or who failed

        // The counts of a run's outcomes.
        [[nodiscard]] static Entry of(const sync::TestSyncRun& run, const QList<sync::TestSyncOutcome>& outcomes);
    };

    explicit TestSyncHistoryList(QWidget* parent = nullptr);

    // Reads every run and its outcomes; false with the store's sentence in problem (the list is then empty).
    bool load(const sync::TestSyncStore& store, QString* problem);
    void setEntries(const QList<Entry>& entries);
    [[nodiscard]] const QList<Entry>& entries() const { return m_entries; }
    // The entry of a run id, nullptr when the list does not hold it.
    [[nodiscard]] const Entry* entry(const QString& runId) const;

    // "2026-11-27 14:05": how the list writes a run's time (local time).
    [[nodiscard]] static QString timeText(const QDateTime& time);

signals:
    void runSelected(const QString& runId);

private:
    QList<Entry> m_entries;
};

} // namespace tb::ui
