// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace tb::graph {

// The one error type of graph/: what kind of failure, Graph's own code and message, the ids support
// needs (request-id, client-request-id), Retry-After, and userMessage() - a sentence for a person. Parses
// Graph's error body ("Microsoft Graph error responses and resource types": error.code, error.message,
// error.innerError{request-id, client-request-id, date, code}, error.details[]). Value type, any thread.
class GraphError
{
public:
    enum class Kind {
        None, // no error
        Http, // any other 4xx/5xx answer
        Network, // connection refused, reset, dropped, DNS, TLS
        Timeout, // no bytes moved for the request's timeout
        Cancelled, // cancel() was called
        MalformedResponse, // the body is not the JSON it should be
        InsecureUrl, // refused before sending: http:// to a non-loopback host, or a link to another host
        Auth, // 401, or no token to send
        AccessDenied, // 403
        NotFound, // 404
        Throttled, // 429 after the retries ran out, or a Retry-After too long to wait for
        InvalidRequest, // refused before sending: the request itself is wrong (bad filter property, ...)
        FailedDependency, // 424 inside $batch: an earlier request failed
        ResponseTooLarge, // the answer passed GraphCall::kMaxResponseBytes and was not read
    };

    struct Detail
    {
        QString code;
        QString message;
    };

    GraphError() = default;
    GraphError(Kind kind, QString message);

    // From an HTTP answer: the kind from the status, Graph's code/message/innerError from the body when it
    // has Graph's shape. A body that is not JSON leaves code empty and keeps a short excerpt as message.
    [[nodiscard]] static GraphError fromHttp(int httpStatus, const QByteArray& body);
    // The same from an already parsed body (a $batch item's "body").
    [[nodiscard]] static GraphError fromHttp(int httpStatus, const QJsonObject& body);
    [[nodiscard]] static Kind kindForStatus(int httpStatus);
    [[nodiscard]] static QString kindName(Kind kind);

    [[nodiscard]] bool isError() const { return m_kind != Kind::None; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; }
    // Graph's error.code ("Request_ResourceNotFound"); branch on this, never on message().
    [[nodiscard]] const QString& code() const { return m_code; }
    // The innermost innerError.code when Graph sent one.
    [[nodiscard]] const QString& innerCode() const { return m_innerCode; }
    // Graph's developer text, or ours for errors that never reached Graph.
    [[nodiscard]] const QString& message() const { return m_message; }
    [[nodiscard]] const QList<Detail>& details() const { return m_details; }
    [[nodiscard]] const QString& requestId() const { return m_requestId; }
    [[nodiscard]] const QString& clientRequestId() const { return m_clientRequestId; }
    [[nodiscard]] const QString& date() const { return m_date; }
    [[nodiscard]] std::optional<qint64> retryAfterMs() const { return m_retryAfterMs; }

    void setHttpStatus(int httpStatus) { m_httpStatus = httpStatus; }
    void setCode(const QString& code) { m_code = code; }
    void setRequestId(const QString& requestId) { m_requestId = requestId; }
    void setClientRequestId(const QString& clientRequestId) { m_clientRequestId = clientRequestId; }
    void setRetryAfterMs(std::optional<qint64> retryAfterMs) { m_retryAfterMs = retryAfterMs; }

    // What happened and what to do, in one or two sentences, naming the request id when there is one.
    [[nodiscard]] QString userMessage() const;
    // "Http 404 Request_ResourceNotFound: ... (request-id ...)": for logs; passed through tb::Redaction.
    [[nodiscard]] QString toLogString() const;

private:
    void readBody(const QJsonObject& body);

    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_code;
    QString m_innerCode;
    QString m_message;
    QList<Detail> m_details;
    QString m_requestId;
    QString m_clientRequestId;
    QString m_date;
    std::optional<qint64> m_retryAfterMs;
};

} // namespace tb::graph

Q_DECLARE_METATYPE(tb::graph::GraphError)
