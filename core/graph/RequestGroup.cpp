// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/RequestGroup.h"

#include "core/graph/BatchRequest.h"
#include "core/graph/GraphCall.h"
#include "core/graph/PageReader.h"

#include <utility>

namespace tb::graph {

void RequestGroup::add(QObject* request)
{
    m_requests.removeAll(nullptr);
    m_requests.append(request);
}

void RequestGroup::cancelAll(const QObject* receiver)
{
    const QList<QPointer<QObject>> requests = std::exchange(m_requests, {});
    for (const QPointer<QObject>& request : requests) {
        if (!request) {
            continue;
        }
        QObject::disconnect(request, nullptr, receiver, nullptr);
        if (auto* call = qobject_cast<GraphCall*>(request.data())) {
            call->cancel();
        } else if (auto* pages = qobject_cast<PageReader*>(request.data())) {
            pages->cancel();
        } else if (auto* batch = qobject_cast<BatchRequest*>(request.data())) {
            batch->cancel();
        }
    }
}

int RequestGroup::size() const
{
    int live = 0;
    for (const QPointer<QObject>& request : m_requests) {
        live += request ? 1 : 0;
    }
    return live;
}

} // namespace tb::graph
