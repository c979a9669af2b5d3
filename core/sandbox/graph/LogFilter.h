// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace tbsandbox {

// The $filter of the audit-log collections (graph-reference 4): property paths with slashes
// (provisioningStatusInfo/status), eq, ne, gt, ge, lt, le, contains, startswith, tolower(path), and, or, not,
// parentheses; literals '…' ('' for a quote), the enum form microsoft.graph.provisioningResult'failure', bare
// date-times and dates (2025-01-09, 2025-01-09T10:00:00Z, compared as instants), numbers, true, false, null.
// Comparisons are case-sensitive, as the reference says of these logs. Immutable after parse; any thread.
class LogFilter final
{
public:
    struct Node;

    ~LogFilter();
    LogFilter(LogFilter&&) noexcept;
    LogFilter& operator=(LogFilter&&) noexcept;

    // Nothing, with a sentence naming the offending text, when the filter does not parse.
    [[nodiscard]] static std::optional<LogFilter> parse(const QString& text, QString* problem);
    [[nodiscard]] bool matches(const QJsonObject& record) const;

private:
    LogFilter();

    std::shared_ptr<const Node> m_root;
};

} // namespace tbsandbox
