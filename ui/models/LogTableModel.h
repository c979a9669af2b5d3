// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/LogQuery.h"
#include "core/logs/LogStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include <optional>

namespace tb::ui {

// The rows of one log query as a table (time, status, action, source user, target user, error code, duration) that
// never holds the whole result: rowCount() is the query's total, and data() reads the page of kPageRows rows a row
// falls in from the store when it is asked for it (with the next page in the same read: a screen straddles two),
// keeping the kMaxPages pages used last (a view asks for the rows it shows, so scrolling a million rows holds at
// most 800). sort() re-queries the store in the new order. Store
// errors are reported once per query through storeFailed() and leave the rows empty. Borrows the store; GUI thread
// (the store's connection's thread).
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)

public:
    enum Column { Time, Status, Action, SourceUser, TargetUser, ErrorCode, Duration, ColumnCount };

    static constexpr int kPageRows = 100;
    static constexpr int kMaxPages = 8;

    explicit LogTableModel(logs::LogStore& store, QObject* parent = nullptr);

    // Runs the query: the total and nothing else until rows are asked for. A query with setId 0 shows nothing.
    void setQuery(const logs::LogQuery& query);
    // Reads the total and drops the cached pages (after a fetch or an import into the shown set).
    void refresh();
    [[nodiscard]] const logs::LogQuery& query() const { return m_query; }
    [[nodiscard]] qint64 totalCount() const { return m_total; }

    // The row, read from the store if its page is not cached; nothing past the end or on a store error.
    [[nodiscard]] std::optional<logs::LogRow> rowAt(int row) const;

    // For tests and the benchmark: how many reads of the store (one or two pages each) since the last query, and how
    // many pages are held now.
    [[nodiscard]] int pageReads() const { return m_pageReads; }
    [[nodiscard]] int cachedPages() const { return static_cast<int>(m_pages.size()); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    [[nodiscard]] static logs::LogQuery::SortColumn sortColumnOf(int column);
    // A dot in the status's colour (green success, red failure, amber warning, grey skipped) and its word; shared
    // with the detail pane's steps.
    [[nodiscard]] static QIcon statusIcon(const QString& status);
    [[nodiscard]] static QString statusText(const QString& status);
    [[nodiscard]] static QString actionText(const QString& action);

signals:
    void storeFailed(const QString& userMessage);
    // After setQuery(), refresh() and sort(): the new total.
    void totalChanged(qint64 total);

private:
    [[nodiscard]] const QList<logs::LogRow>* page(int index) const;
    void readTotal();
    void reportError(const store::StoreError& error) const;

    logs::LogStore& m_store;
    logs::LogQuery m_query;
    qint64 m_total = 0;
    // The cache is filled from data(), which is const for the view's sake.
    mutable QHash<int, QList<logs::LogRow>> m_pages;
    mutable QList<int> m_recentPages; // most recently used last
    mutable int m_pageReads = 0;
    mutable bool m_errorReported = false;
};

} // namespace tb::ui
