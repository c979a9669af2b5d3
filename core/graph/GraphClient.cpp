// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphClient.h"

#include "core/CoreLogging.h"

#include <QHostAddress>
#include <QMetaObject>

namespace tb::graph {

namespace {

int defaultPort(const QString& scheme)
{
    return scheme.compare(QStringLiteral("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
}

} // namespace

GraphClient::GraphClient(
    QNetworkAccessManager& network, auth::AccessTokenSource& tokens, Clock& clock, Settings settings, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_settings(std::move(settings))
    , m_limiter(m_settings.maxInFlight)
    , m_baseUrlError(checkUrl(m_settings.baseUrl))
{
    if (m_baseUrlError) {
        qCWarning(lcGraph) << "refusing base URL:" << m_baseUrlError->message();
    }
}

GraphClient::~GraphClient()
{
    // Calls are our children, but QObject would delete them only after m_limiter is gone; they give their
    // slots back in their destructors, so they must go first.
    const auto calls = findChildren<GraphCall*>(Qt::FindDirectChildrenOnly);
    qDeleteAll(calls);
}

GraphCall* GraphClient::send(const GraphRequest& request)
{
    auto* call = new GraphCall(*this, request);
    // Begin on the next event-loop turn: even an error found at once (a refused URL) arrives after the
    // caller has connected to finished.
    QMetaObject::invokeMethod(call, &GraphCall::begin, Qt::QueuedConnection);
    return call;
}

std::optional<GraphError> GraphClient::checkUrl(const QUrl& url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!url.isValid() || url.host().isEmpty()) {
        return GraphError(
            GraphError::Kind::InsecureUrl, QStringLiteral("the address \"%1\" is not a valid web address.").arg(shown));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("https")) {
        return std::nullopt;
    }
    if (scheme == QStringLiteral("http") && isLoopbackHost(url.host())) {
        return std::nullopt;
    }
    return GraphError(GraphError::Kind::InsecureUrl,
        QStringLiteral("the address %1 is not https, and plain http is only allowed to 127.0.0.1, ::1 "
                       "or localhost, because the request would carry a sign-in token.")
            .arg(shown));
}

bool GraphClient::isLoopbackHost(const QString& host)
{
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
    }
    if (name == QStringLiteral("localhost")) {
        return true;
    }
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']'))) {
        name = name.mid(1, name.size() - 2);
    }
    QHostAddress address;
    // Only literal addresses: a name such as 127.0.0.1.example.com does not parse and is not loopback.
    return address.setAddress(name) && address.isLoopback();
}

bool GraphClient::isSameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a.scheme())) == b.port(defaultPort(b.scheme()));
}

} // namespace tb::graph
