// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace tb::graph {

// One Graph request as a value: method, API version, path, query, body, extra headers, whether it is safe
// to send twice, and a timeout. Chainable setters (qBittorrent's DownloadRequest). It never holds a token
// and never a host: GraphClient adds both. Copyable, any thread.
class GraphRequest
{
public:
    enum class Method { Get, Post, Patch, Put, Delete };
    enum class ApiVersion { V1, Beta };

    GraphRequest() = default;
    GraphRequest(Method method, QString path);

    [[nodiscard]] static GraphRequest get(const QString& path);
    [[nodiscard]] static GraphRequest post(const QString& path, const QJsonObject& body);
    [[nodiscard]] static GraphRequest patch(const QString& path, const QJsonObject& body);
    [[nodiscard]] static GraphRequest del(const QString& path);
    // A request for a URL the service handed out (an @odata.nextLink), sent verbatim. GraphClient still
    // checks that it stays on the client's scheme, host and port.
    [[nodiscard]] static GraphRequest getAbsolute(const QUrl& url);

    // Percent-encodes one path segment (an id, a UPN such as "a_b.com#EXT#@c.com"), so user data can
    // never add a segment or a query to the path.
    [[nodiscard]] static QString pathSegment(const QString& value);

    GraphRequest& setMethod(Method method);
    GraphRequest& setApiVersion(ApiVersion version);
    // Path below the version, already encoded, starting with '/': "/users", "/users/{encoded id}".
    GraphRequest& setPath(const QString& path);
    // Query values are plain text; they are percent-encoded when the URL is built.
    GraphRequest& addQueryItem(const QString& name, const QString& value);
    GraphRequest& setBody(const QJsonObject& body);
    GraphRequest& setHeader(const QByteArray& name, const QByteArray& value);
    // Whether sending it twice does no harm; defaults to true for GET, PUT and DELETE.
    GraphRequest& setRetrySafe(bool retrySafe);
    // Per attempt, reset whenever bytes move; 0 uses the client's default.
    GraphRequest& setTimeoutMs(int timeoutMs);
    // What the log shows instead of the path, e.g. "/users/{id}"; empty: derived from the path.
    GraphRequest& setPathTemplate(const QString& pathTemplate);
    // Marks the request as unsafe to send (a builder found bad input); GraphClient then finishes the call
    // with an InvalidRequest error carrying this sentence, without sending anything.
    GraphRequest& setInvalidReason(const QString& reason);

    [[nodiscard]] Method method() const { return m_method; }
    [[nodiscard]] ApiVersion apiVersion() const { return m_version; }
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] const QList<QPair<QString, QString>>& queryItems() const { return m_query; }
    [[nodiscard]] QString queryValue(const QString& name) const;
    [[nodiscard]] const std::optional<QJsonObject>& body() const { return m_body; }
    [[nodiscard]] const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    [[nodiscard]] bool isRetrySafe() const;
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }
    [[nodiscard]] const QUrl& absoluteUrl() const { return m_absoluteUrl; }
    [[nodiscard]] bool isAbsolute() const { return m_absoluteUrl.isValid(); }
    [[nodiscard]] bool isValid() const { return m_invalidReason.isEmpty(); }
    [[nodiscard]] const QString& invalidReason() const { return m_invalidReason; }

    [[nodiscard]] static QByteArray methodName(Method method);
    [[nodiscard]] static QString versionName(ApiVersion version); // "v1.0" / "beta"
    // The encoded path + query relative to the version ("/users?$top=5"): what $batch items carry.
    [[nodiscard]] QString relativeUrl() const;
    // The full URL below base ("https://graph.microsoft.com" or "http://127.0.0.1:P/<tenant>").
    [[nodiscard]] QUrl url(const QUrl& base) const;
    // "GET /v1.0/users/{id} ?$select,$filter": method, path template and query names, never query values
    // or bodies. Passed through tb::Redaction as well by the caller.
    [[nodiscard]] QString logDescription() const;

private:
    Method m_method = Method::Get;
    ApiVersion m_version = ApiVersion::V1;
    QString m_path;
    QString m_pathTemplate;
    QList<QPair<QString, QString>> m_query;
    std::optional<QJsonObject> m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::optional<bool> m_retrySafe;
    int m_timeoutMs = 0;
    QUrl m_absoluteUrl;
    QString m_invalidReason;
};

} // namespace tb::graph
