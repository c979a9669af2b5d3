// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>

class QObject;

namespace tb::graph {

// The requests a piece of work has in flight (GraphCall, PageReader, BatchRequest), so that one cancel stops them
// all: each is disconnected from the receiver first, so no late answer reaches it, then cancelled. Requests that
// finished and were deleted drop out by themselves. Single thread (the client's).
class RequestGroup final
{
public:
    // Keeps request (a GraphCall, PageReader or BatchRequest) until it is gone or the group is cancelled.
    void add(QObject* request);
    // Forgets every request without cancelling it (they finished, or their answers are wanted).
    void clear() { m_requests.clear(); }
    // Disconnects each live request from receiver and cancels it; the group is empty afterwards.
    void cancelAll(const QObject* receiver);
    // The live requests.
    [[nodiscard]] int size() const;

private:
    QList<QPointer<QObject>> m_requests;
};

} // namespace tb::graph
