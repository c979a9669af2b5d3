// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HostHeader.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

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
    quint16 localPort = 0; // the server port the request arrived on
    qint64 receivedAtMs = 0; // epoch milliseconds when the request line arrived

    // The first value of a header (name in any case), or an empty array.
    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    [[nodiscard]] bool hasHeader(const QByteArray& name) const;
    // The Host header, when there is exactly one and it parses as "name[:port]".
    [[nodiscard]] std::optional<HostHeader> host() const;
    // True when the Host header names 127.0.0.1, localhost or [::1], without a port or with localPort.
    [[nodiscard]] bool isAddressedToLoopback() const;
    // The target without the query, percent-decoded.
    [[nodiscard]] QString path() const;
    // The raw query (after '?'), still percent-encoded.
    [[nodiscard]] QByteArray rawQuery() const;
};

} // namespace tbsandbox
