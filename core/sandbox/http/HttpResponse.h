// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace tbsandbox {

// One HTTP answer plus how to deliver it. The delivery modes exist for fault injection: a drop announces the
// full Content-Length, sends half the body and closes the connection; a truncated body is a complete HTTP
// message whose JSON is cut short. A value, built by whoever answers and written by HttpConnection.
class HttpResponse final
{
public:
    enum class Delivery {
        Complete,
        DropMidBody,
        TruncatedBody,
    };

    HttpResponse() = default;
    HttpResponse(int status, QByteArray contentType, QByteArray body);

    [[nodiscard]] int status() const { return m_status; }
    void setStatus(int status) { m_status = status; }
    [[nodiscard]] const QByteArray& body() const { return m_body; }
    void setBody(QByteArray contentType, QByteArray body);
    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    // Replaces an earlier value of the same header.
    void setHeader(const QByteArray& name, const QByteArray& value);
    [[nodiscard]] const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    [[nodiscard]] Delivery delivery() const { return m_delivery; }
    void setDelivery(Delivery delivery) { m_delivery = delivery; }
    // The connection closes after this answer (garbage input, oversize requests).
    [[nodiscard]] bool closesConnection() const { return m_closesConnection; }
    void setClosesConnection(bool closes) { m_closesConnection = closes; }

    // Status line and headers (with Content-Length for `announcedLength` bytes), ready for the socket.
    [[nodiscard]] QByteArray headBytes(qsizetype announcedLength, bool keepAlive) const;
    [[nodiscard]] static QByteArray reasonPhrase(int status);

private:
    int m_status = 200;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    Delivery m_delivery = Delivery::Complete;
    bool m_closesConnection = false;
};

} // namespace tbsandbox
