// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpRequest.h"

#include <QHostAddress>

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

bool HttpRequest::isAddressedToLoopback() const
{
    QByteArray name = header(QByteArrayLiteral("host")).trimmed().toLower();
    // Strip the port: "[::1]:8400", "127.0.0.1:8400", "localhost:8400".
    if (name.startsWith('[')) {
        const qsizetype close = name.indexOf(']');
        if (close < 0) {
            return false;
        }
        name = name.mid(1, close - 1);
    } else if (const qsizetype colon = name.lastIndexOf(':'); colon >= 0) {
        name = name.left(colon);
    }
    if (name == "localhost") {
        return true;
    }
    const QHostAddress address(QString::fromLatin1(name));
    return !address.isNull() && address.isLoopback();
}

} // namespace tbsandbox
