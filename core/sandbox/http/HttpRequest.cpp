// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpRequest.h"

#include <QUrl>

namespace tbsandbox {

QByteArray HttpRequest::header(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& [key, value] : headers) {
        if (key == wanted) {
            return value;
        }
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& entry : headers) {
        if (entry.first == wanted) {
            return true;
        }
    }
    return false;
}

QString HttpRequest::path() const
{
    const qsizetype question = target.indexOf('?');
    const QByteArray raw = question < 0 ? target : target.left(question);
    return QUrl::fromPercentEncoding(raw);
}

QByteArray HttpRequest::rawQuery() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

} // namespace tbsandbox
