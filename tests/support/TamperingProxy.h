// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace tb::test {

// A man in the middle on 127.0.0.1 in front of a running sandbox, for the security tests. Each connection carries
// one request: it goes on to the sandbox with the sandbox's own Host (so its control surface and its absolute
// links behave as if it were asked directly), the answer comes back with every mention of the sandbox's address
// turned into the proxy's (so a client that follows a discovery document or a next link keeps coming through
// here), and "Connection: close" both ways. Every exchange is kept, so a test can read every token, code and
// secret that crossed the wire; and a test can rewrite an answer before the client sees it, as a hostile or
// compromised service would. The service behind stays the real sandbox: only what a test rewrites is not.
// Lives on the test's thread; the event loop must turn (SignalWaiter) while a client talks to it.
class TamperingProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TamperingProxy)

public:
    struct Exchange
    {
        QByteArray method;
        QByteArray target; // path and query as the client sent them
        QByteArray requestHead; // request line and headers as received
        QByteArray requestBody;
        int status = 0; // 0 while the answer is outstanding
        QByteArray responseHead; // status line and headers as the client got them
        QByteArray responseBody; // as the client got it (after the address and any rewrite)
    };
    // Called with each answer before it goes back: may change the status line and headers (head, without the
    // final blank line) and the body; Content-Length is set again afterwards.
    using Rewrite = std::function<void(const Exchange& request, QByteArray& head, QByteArray& body)>;

    explicit TamperingProxy(QUrl upstream, QObject* parent = nullptr);
    ~TamperingProxy() override;

    // Listens on 127.0.0.1, any free port. False with a sentence when it cannot.
    [[nodiscard]] bool listen(QString* errorMessage);
    // "http://127.0.0.1:PORT".
    [[nodiscard]] QUrl url() const;
    void setRewrite(Rewrite rewrite) { m_rewrite = std::move(rewrite); }

    // Every exchange so far, in the order the requests arrived (an answer may still be outstanding).
    [[nodiscard]] const QList<Exchange>& exchanges() const { return m_exchanges; }
    [[nodiscard]] qsizetype requestCount() const { return m_exchanges.size(); }

    // The JSON or form value of name in a body ("access_token", "refresh_token", "device_code"): every value found in
    // any request or response body, in order, without repeats.
    [[nodiscard]] QStringList bodyValues(const QString& name) const;

private:
    struct Connection;

    void accept();
    void readRequest(Connection* connection);
    void forward(Connection* connection);
    void answer(Connection* connection);
    void closeConnection(Connection* connection);

    QUrl m_upstream;
    QTcpServer* m_server = nullptr;
    Rewrite m_rewrite;
    QList<Exchange> m_exchanges;
};

} // namespace tb::test
