// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphRequest.h"

#include <QRegularExpression>
#include <QStringList>

namespace tb::graph {

namespace {

// Kept literal in query names and values: OData's own punctuation, so the wire form stays readable. Never
// '&', '=', '#', '+' or '%', which would change how the query splits or decodes.
const QByteArray kQueryKeep = QByteArrayLiteral("$'(),:/@*!");

QString encodeQueryPart(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, kQueryKeep));
}

} // namespace

GraphRequest::GraphRequest(Method method, QString path)
    : m_method(method)
    , m_path(std::move(path))
{ }

GraphRequest GraphRequest::get(const QString& path)
{
    return GraphRequest(Method::Get, path);
}

GraphRequest GraphRequest::post(const QString& path, const QJsonObject& body)
{
    GraphRequest request(Method::Post, path);
    request.setBody(body);
    return request;
}

GraphRequest GraphRequest::patch(const QString& path, const QJsonObject& body)
{
    GraphRequest request(Method::Patch, path);
    request.setBody(body);
    return request;
}

GraphRequest GraphRequest::del(const QString& path)
{
    return GraphRequest(Method::Delete, path);
}

GraphRequest GraphRequest::getAbsolute(const QUrl& url)
{
    GraphRequest request(Method::Get, url.path(QUrl::FullyEncoded));
    request.m_absoluteUrl = url;
    return request;
}

QString GraphRequest::pathSegment(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

GraphRequest& GraphRequest::setMethod(Method method)
{
    m_method = method;
    return *this;
}

GraphRequest& GraphRequest::setApiVersion(ApiVersion version)
{
    m_version = version;
    return *this;
}

GraphRequest& GraphRequest::setPath(const QString& path)
{
    m_path = path;
    return *this;
}

GraphRequest& GraphRequest::addQueryItem(const QString& name, const QString& value)
{
    m_query.append({name, value});
    return *this;
}

GraphRequest& GraphRequest::setBody(const QJsonObject& body)
{
    m_body = body;
    return *this;
}

GraphRequest& GraphRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    m_headers.append({name, value});
    return *this;
}

GraphRequest& GraphRequest::setRetrySafe(bool retrySafe)
{
    m_retrySafe = retrySafe;
    return *this;
}

GraphRequest& GraphRequest::setTimeoutMs(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    return *this;
}

GraphRequest& GraphRequest::setPathTemplate(const QString& pathTemplate)
{
    m_pathTemplate = pathTemplate;
    return *this;
}

GraphRequest& GraphRequest::setInvalidReason(const QString& reason)
{
    m_invalidReason = reason;
    return *this;
}

QString GraphRequest::queryValue(const QString& name) const
{
    for (const auto& item : m_query) {
        if (item.first == name) {
            return item.second;
        }
    }
    return {};
}

bool GraphRequest::isRetrySafe() const
{
    if (m_retrySafe) {
        return *m_retrySafe;
    }
    // RFC 9110 9.2.2: GET, PUT and DELETE are idempotent; POST and PATCH are not unless the caller knows.
    return m_method == Method::Get || m_method == Method::Put || m_method == Method::Delete;
}

QByteArray GraphRequest::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return {};
}

QString GraphRequest::versionName(ApiVersion version)
{
    return version == ApiVersion::Beta ? QStringLiteral("beta") : QStringLiteral("v1.0");
}

QString GraphRequest::relativeUrl() const
{
    QString url = m_path.startsWith(QLatin1Char('/')) ? m_path : QLatin1Char('/') + m_path;
    QStringList parts;
    for (const auto& item : m_query) {
        parts.append(encodeQueryPart(item.first) + QLatin1Char('=') + encodeQueryPart(item.second));
    }
    if (!parts.isEmpty()) {
        url += QLatin1Char('?') + parts.join(QLatin1Char('&'));
    }
    return url;
}

QUrl GraphRequest::url(const QUrl& base) const
{
    if (isAbsolute()) {
        return m_absoluteUrl;
    }
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    const QString relative = relativeUrl();
    const qsizetype queryStart = relative.indexOf(QLatin1Char('?'));
    QUrl url = base;
    url.setPath(basePath + QLatin1Char('/') + versionName(m_version) + relative.left(queryStart), QUrl::StrictMode);
    url.setQuery(queryStart < 0 ? QString() : relative.mid(queryStart + 1), QUrl::StrictMode);
    return url;
}

QString GraphRequest::logDescription() const
{
    QString path = m_pathTemplate;
    if (path.isEmpty()) {
        // Ids, UPNs and anything encoded become {id}: a log line names the kind of call, not the person.
        static const QRegularExpression identifying(QStringLiteral("[0-9@%]|^.{33,}$"));
        QStringList segments = m_path.split(QLatin1Char('/'));
        for (QString& segment : segments) {
            if (segment.contains(identifying) && !segment.startsWith(QLatin1Char('$'))) {
                segment = QStringLiteral("{id}");
            }
        }
        path = segments.join(QLatin1Char('/'));
    }
    QStringList names;
    for (const auto& item : m_query) {
        names.append(item.first);
    }
    QString text = QString::fromLatin1(methodName(m_method)) + QLatin1Char(' ');
    if (!isAbsolute()) {
        text += QLatin1Char('/') + versionName(m_version);
    }
    text += path;
    if (isAbsolute()) {
        text += QStringLiteral(" (next page)");
    } else if (!names.isEmpty()) {
        text += QStringLiteral(" ?") + names.join(QLatin1Char(','));
    }
    return text;
}

} // namespace tb::graph
