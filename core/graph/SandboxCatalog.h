// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/graph/SandboxTenant.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace tb::graph {

// Reads the sandbox's tenant list (GET {sandbox}/_sandbox/tenants, see core/sandbox/README.md), so the Connect
// page can offer the sample tenants. Only ever to a loopback host: the control surface answers nothing else. A job:
// create, connect, start(); `finished` exactly once, then it deletes itself. Lives on the thread of the
// QNetworkAccessManager, which must outlive it.
class SandboxCatalog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCatalog)

public:
    static constexpr int kTimeoutMs = 30000;

    SandboxCatalog(QNetworkAccessManager& network, QUrl sandboxUrl, QObject* parent = nullptr);
    ~SandboxCatalog() override;

    void start();
    void cancel();

    // Parses the catalog body; on failure returns nothing and sets error (MalformedResponse).
    [[nodiscard]] static QList<SandboxTenant> parse(const QByteArray& body, GraphError* error);

signals:
    // tenants is empty when error is set.
    void finished(const QList<tb::graph::SandboxTenant>& tenants, const tb::graph::GraphError& error);

private:
    void handleReplyFinished();
    void finish(const QList<SandboxTenant>& tenants, const GraphError& error);

    QNetworkAccessManager& m_network;
    QUrl m_sandboxUrl;
    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
};

} // namespace tb::graph
