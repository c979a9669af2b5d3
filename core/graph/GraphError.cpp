// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphError.h"

#include "core/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace tb::graph {

namespace {

constexpr int kMaxExcerpt = 200;
constexpr int kMaxInnerDepth = 16; // innerError may nest; a hostile body must not recurse forever

} // namespace

GraphError::GraphError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{ }

GraphError::Kind GraphError::kindForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
        return Kind::Auth;
    case 403:
        return Kind::AccessDenied;
    case 404:
        return Kind::NotFound;
    case 424:
        return Kind::FailedDependency;
    case 429:
        return Kind::Throttled;
    default:
        return httpStatus >= 400 ? Kind::Http : Kind::None;
    }
}

GraphError GraphError::fromHttp(int httpStatus, const QByteArray& body)
{
    GraphError error(kindForStatus(httpStatus), QString());
    if (error.m_kind == Kind::None) {
        error.m_kind = Kind::Http; // the caller decided this answer is an error (e.g. a 3xx we do not follow)
    }
    error.m_httpStatus = httpStatus;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        error.readBody(document.object());
    }
    if (error.m_message.isEmpty() && !body.trimmed().isEmpty()) {
        // Not Graph's shape (a proxy's HTML page, a cut-off body): keep a short, redacted excerpt.
        error.m_message = Redaction::redact(QString::fromUtf8(body.left(kMaxExcerpt)).simplified());
    }
    return error;
}

GraphError GraphError::fromHttp(int httpStatus, const QJsonObject& body)
{
    GraphError error(kindForStatus(httpStatus), QString());
    if (error.m_kind == Kind::None) {
        error.m_kind = Kind::Http;
    }
    error.m_httpStatus = httpStatus;
    error.readBody(body);
    return error;
}

void GraphError::readBody(const QJsonObject& body)
{
    // Graph: {"error":{"code","message","innerError":{"date","request-id","client-request-id",
    // "innerError":{...}}, "details":[{"code","message"}]}}. Some services spell it "innererror".
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    if (error.isEmpty()) {
        return;
    }
    m_code = error.value(QStringLiteral("code")).toString();
    m_message = error.value(QStringLiteral("message")).toString();
    for (const QJsonValue& value : error.value(QStringLiteral("details")).toArray()) {
        const QJsonObject detail = value.toObject();
        m_details.append(
            {detail.value(QStringLiteral("code")).toString(), detail.value(QStringLiteral("message")).toString()});
    }
    auto innerOf = [](const QJsonObject& object) {
        const QJsonValue inner = object.value(QStringLiteral("innerError"));
        return inner.isObject() ? inner.toObject() : object.value(QStringLiteral("innererror")).toObject();
    };
    QJsonObject inner = innerOf(error);
    for (int depth = 0; !inner.isEmpty() && depth < kMaxInnerDepth; ++depth) {
        if (m_requestId.isEmpty()) {
            m_requestId = inner.value(QStringLiteral("request-id")).toString();
        }
        if (m_clientRequestId.isEmpty()) {
            m_clientRequestId = inner.value(QStringLiteral("client-request-id")).toString();
        }
        if (m_date.isEmpty()) {
            m_date = inner.value(QStringLiteral("date")).toString();
        }
        const QString code = inner.value(QStringLiteral("code")).toString();
        if (!code.isEmpty()) {
            m_innerCode = code;
        }
        inner = innerOf(inner);
    }
}

QString GraphError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Http:
        return QStringLiteral("Http");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::MalformedResponse:
        return QStringLiteral("MalformedResponse");
    case Kind::ResponseTooLarge:
        return QStringLiteral("ResponseTooLarge");
    case Kind::InsecureUrl:
        return QStringLiteral("InsecureUrl");
    case Kind::Auth:
        return QStringLiteral("Auth");
    case Kind::AccessDenied:
        return QStringLiteral("AccessDenied");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::Throttled:
        return QStringLiteral("Throttled");
    case Kind::InvalidRequest:
        return QStringLiteral("InvalidRequest");
    case Kind::FailedDependency:
        return QStringLiteral("FailedDependency");
    }
    return QStringLiteral("Unknown");
}

QString GraphError::userMessage() const
{
    QString sentence;
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Http:
        if (m_httpStatus >= 500) {
            sentence = QStringLiteral("Microsoft Graph had a problem answering (HTTP %1). Try again in a few "
                                      "minutes; if it keeps failing, check the Microsoft 365 service health page.")
                           .arg(m_httpStatus);
        } else if (m_httpStatus == 400) {
            // A 400 is either a value the administrator gave (an edited schema, a filter) or a request TenantBridge
            // built wrongly; the service's message says which value, so it leads.
            sentence = QStringLiteral("Microsoft Graph did not accept the request (%1). Check the value it names; if "
                                      "you did not enter it, please report this with the ids below.")
                           .arg(m_message.isEmpty() ? QStringLiteral("HTTP 400") : m_message);
        } else {
            sentence = QStringLiteral("Microsoft Graph refused the request with HTTP %1%2.")
                           .arg(m_httpStatus)
                           .arg(m_message.isEmpty() ? QString() : QStringLiteral(": ") + m_message);
        }
        break;
    case Kind::Network:
        sentence = QStringLiteral("The connection to Microsoft Graph failed (%1). Check your network connection "
                                  "and proxy settings, then try again.")
                       .arg(m_message);
        break;
    case Kind::Timeout:
        sentence = QStringLiteral("Microsoft Graph did not answer in time. Check your network connection and try "
                                  "again.");
        break;
    case Kind::Cancelled:
        sentence = QStringLiteral("The request was cancelled.");
        break;
    case Kind::MalformedResponse:
        sentence = QStringLiteral("Microsoft Graph sent an answer TenantBridge could not read. Try again; if it "
                                  "happens again, report it with the ids below.");
        break;
    case Kind::ResponseTooLarge:
        sentence = QStringLiteral("The answer was far larger than any Microsoft Graph sends for this request (%1), so "
                                  "TenantBridge stopped reading it. Check that the Graph address (or --sandbox) is "
                                  "right and that no proxy alters the answers, then try again.")
                       .arg(m_message);
        break;
    case Kind::InsecureUrl:
        sentence = QStringLiteral("TenantBridge refused to send the request: %1 Use an https:// address (plain "
                                  "http is only allowed to this computer's own sandbox).")
                       .arg(m_message);
        break;
    case Kind::Auth:
        sentence = m_httpStatus == 401
            ? QStringLiteral("Microsoft Graph did not accept the sign-in token (%1). Sign in to this tenant again.")
                  .arg(m_code.isEmpty() ? QStringLiteral("HTTP 401") : m_code)
            : QStringLiteral("No sign-in token is available: %1").arg(m_message);
        break;
    case Kind::AccessDenied:
        sentence = QStringLiteral("The signed-in account is not allowed to do this in this tenant (%1). Sign in "
                                  "with an account of this tenant that holds the needed admin role and "
                                  "permissions.")
                       .arg(m_code.isEmpty() ? QStringLiteral("HTTP 403") : m_code);
        break;
    case Kind::NotFound:
        sentence = QStringLiteral("Microsoft Graph could not find what was asked for; it may have been deleted or "
                                  "the id may be wrong.");
        break;
    case Kind::Throttled:
        sentence = m_retryAfterMs
            ? QStringLiteral("Microsoft Graph is limiting requests for this tenant. Wait about %1 seconds and "
                             "try again.")
                  .arg((*m_retryAfterMs + 999) / 1000)
            : QStringLiteral("Microsoft Graph is limiting requests for this tenant. Wait a minute and try again.");
        break;
    case Kind::InvalidRequest:
        sentence = QStringLiteral("TenantBridge did not send the request: %1").arg(m_message);
        break;
    case Kind::FailedDependency:
        sentence = QStringLiteral("This step was not run because an earlier step in the same batch failed. Fix "
                                  "that one first, then try again.");
        break;
    }
    if (!m_requestId.isEmpty()) {
        sentence += QStringLiteral(" (request-id %1").arg(m_requestId);
        if (!m_clientRequestId.isEmpty()) {
            sentence += QStringLiteral(", client-request-id %1").arg(m_clientRequestId);
        }
        sentence += QLatin1Char(')');
    }
    return Redaction::redactLine(sentence);
}

QString GraphError::toLogString() const
{
    QString text = kindName(m_kind);
    if (m_httpStatus != 0) {
        text += QLatin1Char(' ') + QString::number(m_httpStatus);
    }
    if (!m_code.isEmpty()) {
        text += QLatin1Char(' ') + m_code;
    }
    if (!m_innerCode.isEmpty()) {
        text += QLatin1Char('/') + m_innerCode;
    }
    if (!m_message.isEmpty()) {
        text += QStringLiteral(": ") + m_message;
    }
    if (!m_requestId.isEmpty()) {
        text += QStringLiteral(" (request-id ") + m_requestId + QLatin1Char(')');
    }
    return Redaction::redactLine(text);
}

} // namespace tb::graph
