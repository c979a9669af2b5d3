// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/SandboxCatalog.h"

#include "core/CoreLogging.h"
#include "core/graph/GraphClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace tb::graph {

SandboxCatalog::SandboxCatalog(QNetworkAccessManager& network, QUrl sandboxUrl, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_sandboxUrl(std::move(sandboxUrl))
{ }

SandboxCatalog::~SandboxCatalog()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QList<SandboxTenant> SandboxCatalog::parse(const QByteArray& body, GraphError* error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue tenants = document.object().value(QStringLiteral("tenants"));
    if (parseError.error != QJsonParseError::NoError || !tenants.isArray()) {
        if (error != nullptr) {
            *error = GraphError(GraphError::Kind::MalformedResponse,
                QStringLiteral("the sandbox's tenant list is not the JSON it should be."));
        }
        return {};
    }
    QList<SandboxTenant> result;
    for (const QJsonValue& value : tenants.toArray()) {
        SandboxTenant entry = SandboxTenant::fromJson(value.toObject());
        if (entry.tenant.isValid()) {
            result.append(entry);
        }
    }
    return result;
}

void SandboxCatalog::start()
{
    if (m_reply || m_finished) {
        return;
    }
    // The control surface answers loopback peers only: only ever ask a sandbox on this machine.
    const QString scheme = m_sandboxUrl.scheme().toLower();
    const bool httpScheme = scheme == QStringLiteral("http") || scheme == QStringLiteral("https");
    if (!m_sandboxUrl.isValid() || !httpScheme || !GraphClient::isLoopbackHost(m_sandboxUrl.host())) {
        const GraphError error(GraphError::Kind::InsecureUrl,
            QStringLiteral("the sandbox catalog is only read over http(s) from 127.0.0.1, ::1 or localhost, "
                           "not from %1.")
                .arg(m_sandboxUrl.toDisplayString(QUrl::RemoveUserInfo)));
        QMetaObject::invokeMethod(
            this, [this, error] { finish({}, error); }, Qt::QueuedConnection);
        return;
    }
    QUrl url = m_sandboxUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QStringLiteral("/_sandbox/tenants"), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTimeoutMs);
    m_reply = m_network.get(request);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::finished, this, &SandboxCatalog::handleReplyFinished);
}

void SandboxCatalog::cancel()
{
    if (m_finished) {
        return;
    }
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    finish({}, GraphError(GraphError::Kind::Cancelled, QStringLiteral("Reading the sandbox catalog was cancelled.")));
}

void SandboxCatalog::handleReplyFinished()
{
    QNetworkReply* reply = m_reply.data();
    if (reply == nullptr) {
        return;
    }
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        finish({}, GraphError(GraphError::Kind::Network, reply->errorString()));
        return;
    }
    if (status != 200) {
        finish({}, GraphError::fromHttp(status, body));
        return;
    }
    GraphError error;
    const QList<SandboxTenant> tenants = parse(body, &error);
    finish(tenants, error);
}

void SandboxCatalog::finish(const QList<SandboxTenant>& tenants, const GraphError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_reply = nullptr;
    if (error.isError()) {
        qCWarning(lcGraph).noquote() << "sandbox catalog:" << error.toLogString();
    } else {
        qCInfo(lcGraph) << "sandbox catalog:" << tenants.size() << "tenants";
    }
    const QPointer<SandboxCatalog> self(this);
    emit finished(error.isError() ? QList<SandboxTenant>() : tenants, error);
    if (self) {
        deleteLater();
    }
}

} // namespace tb::graph
