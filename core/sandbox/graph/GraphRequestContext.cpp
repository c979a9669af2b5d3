// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/GraphRequestContext.h"

namespace tbsandbox {

void GraphRequestContext::setRawQuery(const QByteArray& rawQuery)
{
    queryItems.clear();
    rawQueryItems.clear();
    for (const QByteArray& part : rawQuery.split('&')) {
        if (part.isEmpty()) {
            continue;
        }
        const qsizetype equals = part.indexOf('=');
        const QByteArray key = equals < 0 ? part : part.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : part.mid(equals + 1);
        rawQueryItems.append({key, value});
        // '+' stays a plus: Graph clients encode spaces as %20.
        queryItems.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
    }
}

} // namespace tbsandbox
