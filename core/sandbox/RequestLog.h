// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/RequestLogEntry.h"

#include <QJsonArray>

#include <deque>

namespace tbsandbox {

// The record of Graph traffic served (never control calls), read by GET /_sandbox/requests?since=SEQ. Keeps
// the newest kCapacity entries so a scale run cannot grow it without bound; seq numbers keep counting.
// Owned by SandboxServer; its thread only.
class RequestLog final
{
public:
    static constexpr size_t kCapacity = 200000;

    // Stores the entry and returns the seq it was given.
    qint64 append(RequestLogEntry entry);
    [[nodiscard]] qint64 total() const { return m_nextSeq - 1; }
    [[nodiscard]] QList<RequestLogEntry> entriesAfter(qint64 seq) const;
    [[nodiscard]] QJsonArray toJson(qint64 afterSeq) const;
    void clear() { m_entries.clear(); }

private:
    std::deque<RequestLogEntry> m_entries;
    qint64 m_nextSeq = 1;
};

} // namespace tbsandbox
