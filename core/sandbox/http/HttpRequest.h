// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace tbsandbox {

// One parsed HTTP/1.1 request as it came off the wire. A value: the connection fills it in, the server
// hands it to the control surface or the Graph router. Header names are kept lower-case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the request target exactly as sent, e.g. "/v1.0/users?$top=5"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peerAddress;
    qint64 receivedAtMs = 0; // epoch milliseconds when the request line arrived

    // The first value of a header (name in any case), or an empty array.
    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    [[nodiscard]] bool hasHeader(const QByteArray& name) const;
    // True when the Host header names 127.0.0.0/8, ::1 or localhost, with or without a port.
    [[nodiscard]] bool isAddressedToLoopback() const;
    // The target without the query, percent-decoded.
    [[nodiscard]] QString path() const;
    // The raw query (after '?'), still percent-encoded.
    [[nodiscard]] QByteArray rawQuery() const;
};

} // namespace tbsandbox
