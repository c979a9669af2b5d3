// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HttpRequest.h"

#include <QUrl>

#include <algorithm>

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

std::optional<HostHeader> HttpRequest::host() const
{
    // Two Host headers are ambiguous (RFC 9112 asks for a 400); treat them as no usable Host.
    const auto count = std::count_if(
        headers.cbegin(), headers.cend(), [](const auto& entry) { return entry.first == QByteArrayLiteral("host"); });
    if (count != 1) {
        return std::nullopt;
    }
    return HostHeader::parse(header(QByteArrayLiteral("host")));
}

bool HttpRequest::isAddressedToLoopback() const
{
    const std::optional<HostHeader> named = host();
    return named && named->isCanonicalLoopback() && (named->port() < 0 || named->port() == localPort);
}

} // namespace tbsandbox
