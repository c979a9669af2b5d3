// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tb::graph {

// The outcome of one logical Graph call, after any retries: status, JSON body, headers, the ids support
// needs, how many attempts it took, and the error (kind None on success). Value type, any thread.
class GraphResponse
{
public:
    GraphResponse() = default;

    [[nodiscard]] bool isSuccess() const { return !m_error.isError(); }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    // The JSON object body; empty for 204, for non-object bodies and on errors without a Graph body.
    [[nodiscard]] const QJsonObject& json() const { return m_json; }
    // The raw body (e.g. "/users/$count" answers a bare number in text/plain).
    [[nodiscard]] const QByteArray& rawBody() const { return m_rawBody; }
    // Header value by lower-case name; empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray& lowerCaseName) const;
    [[nodiscard]] const QHash<QByteArray, QByteArray>& headers() const { return m_headers; }
    [[nodiscard]] const QString& requestId() const { return m_requestId; }
    [[nodiscard]] const QString& clientRequestId() const { return m_clientRequestId; }
    [[nodiscard]] int attempts() const { return m_attempts; }
    [[nodiscard]] const GraphError& error() const { return m_error; }

    void setHttpStatus(int httpStatus) { m_httpStatus = httpStatus; }
    void setJson(const QJsonObject& json) { m_json = json; }
    void setRawBody(const QByteArray& body) { m_rawBody = body; }
    void setHeaders(const QHash<QByteArray, QByteArray>& headers) { m_headers = headers; }
    void setRequestId(const QString& requestId) { m_requestId = requestId; }
    void setClientRequestId(const QString& clientRequestId) { m_clientRequestId = clientRequestId; }
    void setAttempts(int attempts) { m_attempts = attempts; }
    void setError(const GraphError& error) { m_error = error; }

private:
    int m_httpStatus = 0;
    QJsonObject m_json;
    QByteArray m_rawBody;
    QHash<QByteArray, QByteArray> m_headers;
    QString m_requestId;
    QString m_clientRequestId;
    int m_attempts = 0;
    GraphError m_error;
};

} // namespace tb::graph

Q_DECLARE_METATYPE(tb::graph::GraphResponse)
