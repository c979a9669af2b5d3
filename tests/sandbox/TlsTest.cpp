// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/SandboxServer.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tb::test;
using tbsandbox::SandboxOptions;
using tbsandbox::SandboxServer;

namespace {

QByteArray getIgnoringSelfSigned(QNetworkAccessManager& network, const QUrl& url, const QByteArray& token, int* status)
{
    QNetworkRequest request(url);
    if (!token.isEmpty()) {
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token);
    }
    QNetworkReply* reply = network.get(request);
    // Only this throwaway certificate is trusted, and only in this test.
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>&) { reply->ignoreSslErrors(); });
    const bool finished = tb::test::SignalWaiter::waitUntil([reply] { return reply->isFinished(); });
    REQUIRE(finished);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

} // namespace

TEST_CASE("With a certificate and key the sandbox serves https", "[sandbox]")
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty() || !QSslSocket::supportsSsl()) {
        WARN("openssl or Qt TLS support is missing; skipping the TLS test");
        return;
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess process;
    process.start(openssl,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);

    SandboxOptions options;
    options.tlsCertificateFile = cert;
    options.tlsKeyFile = key;
    RunningSandbox sandbox(options);
    tbsandbox::SandboxServer& server = sandbox.server;
    CHECK(server.baseUrl().scheme() == QLatin1String("https"));

    QNetworkAccessManager network;
    int status = 0;
    const QByteArray tenants = getIgnoringSelfSigned(
        network, QUrl(server.baseUrl().toString() + QStringLiteral("/_sandbox/tenants")), {}, &status);
    REQUIRE(status == 200);
    CHECK(tenants.contains("contoso.onmicrosoft.com"));
    // Sign in over https too: the test client trusts nothing self-signed, so it is told to ignore this one.
    QObject::connect(&sandbox.client.network(), &QNetworkAccessManager::sslErrors, &sandbox.client.network(),
        [](QNetworkReply* reply, const QList<QSslError>&) { reply->ignoreSslErrors(); });
    const QString token = sandbox.client.tokenFor(QStringLiteral("contoso.onmicrosoft.com"));
    REQUIRE(!token.isEmpty());
    const QByteArray body = getIgnoringSelfSigned(
        network, QUrl(server.baseUrl().toString() + QStringLiteral("/v1.0/users?$top=3")), token.toLatin1(), &status);
    CHECK(status == 200);
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    CHECK(page.value(QLatin1String("value")).toArray().size() == 3);
    CHECK(page.value(QLatin1String("@odata.nextLink")).toString().startsWith(QLatin1String("https://127.0.0.1:")));
}

TEST_CASE("A missing TLS key file stops the start with a sentence", "[sandbox]")
{
    SandboxOptions options;
    options.tlsCertificateFile = QStringLiteral("/nonexistent/cert.pem");
    options.tlsKeyFile = QStringLiteral("/nonexistent/key.pem");
    SandboxServer server(options);
    QString error;
    CHECK_FALSE(server.start(&error));
    CHECK(!error.isEmpty());
    CHECK_FALSE(server.isListening());
}
