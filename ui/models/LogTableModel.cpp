// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/LogTableModel.h"

#include <QColor>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <limits>

namespace tb::ui {

using logs::LogQuery;
using logs::LogRow;

namespace {

QColor statusColour(const QString& status)
{
    if (status == QLatin1String("success")) {
        return QColor(0x2e, 0x7d, 0x32);
    }
    if (status == QLatin1String("failure")) {
        return QColor(0xc6, 0x28, 0x28);
    }
    if (status == QLatin1String("warning")) {
        return QColor(0xef, 0x8f, 0x00);
    }
    return QColor(0x75, 0x75, 0x75); // skipped, and anything the service adds
}

} // namespace

// A filled dot; made once per status (a million rows share four icons).
QIcon LogTableModel::statusIcon(const QString& status)
{
    static QHash<QString, QIcon> icons;
    auto found = icons.constFind(status);
    if (found != icons.constEnd()) {
        return *found;
    }
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColour(status));
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    painter.end();
    return *icons.insert(status, QIcon(pixmap));
}

QString LogTableModel::statusText(const QString& status)
{
    if (status == QLatin1String("success")) {
        return LogTableModel::tr("Success");
    }
    if (status == QLatin1String("failure")) {
        return LogTableModel::tr("Failure");
    }
    if (status == QLatin1String("warning")) {
        return LogTableModel::tr("Warning");
    }
    if (status == QLatin1String("skipped")) {
        return LogTableModel::tr("Skipped");
    }
    return status;
}

QString LogTableModel::actionText(const QString& action)
{
    if (action == QLatin1String("create")) {
        return LogTableModel::tr("Create");
    }
    if (action == QLatin1String("update")) {
        return LogTableModel::tr("Update");
    }
    if (action == QLatin1String("delete")) {
        return LogTableModel::tr("Delete");
    }
    if (action == QLatin1String("disable")) {
        return LogTableModel::tr("Disable");
    }
    if (action == QLatin1String("stageddelete")) {
        return LogTableModel::tr("Staged delete");
    }
    if (action == QLatin1String("other")) {
        return LogTableModel::tr("Other");
    }
    return action;
}

namespace {

// "1.2 s", "850 ms".
QString durationText(qint64 ms)
{
    if (ms < 1000) {
        return LogTableModel::tr("%1 ms").arg(ms);
    }
    return LogTableModel::tr("%1 s").arg(QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 1));
}

QString userText(const QString& name, const QString& id)
{
    return name.isEmpty() ? id : name;
}

} // namespace

LogTableModel::LogTableModel(logs::LogStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{ }

void LogTableModel::setQuery(const LogQuery& query)
{
    beginResetModel();
    m_query = query;
    m_query.pageSize = kPageRows;
    m_pages.clear();
    m_recentPages.clear();
    m_pageReads = 0;
    m_errorReported = false;
    readTotal();
    endResetModel();
    emit totalChanged(m_total);
}

void LogTableModel::refresh()
{
    setQuery(m_query);
}

void LogTableModel::readTotal()
{
    m_total = 0;
    if (m_query.setId == 0) {
        return;
    }
    const auto total = m_store.totalCount(m_query);
    if (const auto* error = std::get_if<store::StoreError>(&total)) {
        reportError(*error);
        return;
    }
    m_total = std::get<qint64>(total);
}

void LogTableModel::reportError(const store::StoreError& error) const
{
    if (m_errorReported) {
        return;
    }
    m_errorReported = true;
    // data() is const; the signal is queued so that a view is never re-entered while painting.
    auto* self = const_cast<LogTableModel*>(this);
    QMetaObject::invokeMethod(
        self, [self, message = error.userMessage()] { emit self->storeFailed(message); }, Qt::QueuedConnection);
}

const QList<LogRow>* LogTableModel::page(int index) const
{
    auto found = m_pages.constFind(index);
    if (found != m_pages.constEnd()) {
        if (m_recentPages.constLast() != index) {
            m_recentPages.removeOne(index);
            m_recentPages.append(index);
        }
        return &*found;
    }
    if (m_errorReported) {
        return nullptr; // one failing query is not asked again for every cell
    }
    // The next page too, in the same read, when it is not cached: a screen of rows usually straddles two pages, and
    // the store's cost is in reaching the offset (it walks the rows before it), not in the rows read after it.
    const bool withNext = !m_pages.contains(index + 1) && static_cast<qint64>(index + 1) * kPageRows < m_total;
    const auto read
        = m_store.rows(m_query, static_cast<qint64>(index) * kPageRows, withNext ? 2 * kPageRows : kPageRows);
    ++m_pageReads;
    if (const auto* error = std::get_if<store::StoreError>(&read)) {
        reportError(*error);
        return nullptr;
    }
    const QList<LogRow>& rows = std::get<QList<LogRow>>(read);
    const auto keep = [this](int pageIndex, QList<LogRow> pageRows) {
        while (m_recentPages.size() >= kMaxPages) {
            m_pages.remove(m_recentPages.takeFirst());
        }
        m_recentPages.append(pageIndex);
        m_pages.insert(pageIndex, std::move(pageRows));
    };
    if (withNext && rows.size() > kPageRows) {
        keep(index + 1, rows.mid(kPageRows));
    }
    keep(index, rows.mid(0, kPageRows)); // last: the most recently used
    return &*m_pages.constFind(index);
}

std::optional<LogRow> LogTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_total) {
        return std::nullopt;
    }
    const QList<LogRow>* rows = page(row / kPageRows);
    const int at = row % kPageRows;
    if (rows == nullptr || at >= rows->size()) {
        return std::nullopt; // the store holds fewer rows than the total said (records removed meanwhile)
    }
    return rows->at(at);
}

int LogTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid()) {
        return 0;
    }
    // A view counts in int; two billion records in one set is beyond what the store is for.
    return static_cast<int>(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
}

int LogTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()
        || (role != Qt::DisplayRole && role != Qt::DecorationRole && role != Qt::ToolTipRole
            && role != Qt::TextAlignmentRole)) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Duration ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    const std::optional<LogRow> row = rowAt(index.row());
    if (!row) {
        return {};
    }
    if (role == Qt::DecorationRole) {
        return index.column() == Status ? QVariant(statusIcon(row->status)) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SourceUser:
            return row->sourceUserPrincipalName.isEmpty() ? row->sourceId : row->sourceUserPrincipalName;
        case TargetUser:
            return row->targetId;
        case ErrorCode:
            return row->errorCode.isEmpty() ? QVariant()
                                            : QVariant(row->errorCode + QStringLiteral(": ") + row->errorReason);
        default:
            return {};
        }
    }
    switch (index.column()) {
    case Time:
        return QLocale().toString(row->activityTime.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Status:
        return statusText(row->status);
    case Action:
        return actionText(row->action);
    case SourceUser:
        return userText(row->sourceName, row->sourceId);
    case TargetUser:
        return userText(row->targetName, row->targetId);
    case ErrorCode:
        return row->errorCode;
    case Duration:
        return durationText(row->durationMs);
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Time:
        return tr("Time");
    case Status:
        return tr("Status");
    case Action:
        return tr("Action");
    case SourceUser:
        return tr("Source user");
    case TargetUser:
        return tr("Target user");
    case ErrorCode:
        return tr("Error code");
    case Duration:
        return tr("Duration");
    default:
        return {};
    }
}

LogQuery::SortColumn LogTableModel::sortColumnOf(int column)
{
    switch (column) {
    case Status:
        return LogQuery::SortColumn::Status;
    case Action:
        return LogQuery::SortColumn::Action;
    case SourceUser:
        return LogQuery::SortColumn::SourceName;
    case TargetUser:
        return LogQuery::SortColumn::TargetName;
    case ErrorCode:
        return LogQuery::SortColumn::ErrorCode;
    case Duration:
        return LogQuery::SortColumn::Duration;
    default:
        return LogQuery::SortColumn::ActivityTime;
    }
}

void LogTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    LogQuery query = m_query;
    query.sortColumn = sortColumnOf(column);
    query.sortOrder = order;
    if (query == m_query) {
        return;
    }
    // A reset rather than a layout change: every row is a different record now, and a selection kept by row number
    // would point at another one.
    setQuery(query);
}

} // namespace tb::ui
