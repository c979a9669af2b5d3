// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace tbsandbox {
class SandboxServer;
}

namespace tb::test {

// What one HTTP exchange with the sandbox produced.
struct SandboxAnswer
{
    int status = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QByteArray header(const QByteArray& name) const;
    // The body as a JSON object; an empty object when it does not parse.
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] bool parsesAsJson() const;
    [[nodiscard]] QString errorCode() const;
};

// Plain QNetworkAccessManager over 127.0.0.1 against an in-process sandbox, one request at a time, waiting
// with SignalWaiter. Knows each tenant's static token from GET /_sandbox/tenants. Test-only.
class SandboxTestClient final
{
public:
    explicit SandboxTestClient(const QUrl& baseUrl);

    [[nodiscard]] QNetworkAccessManager& network() { return m_network; }
    [[nodiscard]] const QUrl& baseUrl() const { return m_baseUrl; }

    // path may be relative to the base ("/v1.0/users?...") or an absolute URL (a nextLink).
    [[nodiscard]] SandboxAnswer send(const QByteArray& method, const QString& path,
        const QList<QPair<QByteArray, QByteArray>>& headers = {}, const QByteArray& body = {});
    // The same with "Authorization: Bearer <token of the tenant with this initial domain>".
    [[nodiscard]] SandboxAnswer graph(const QString& domain, const QByteArray& method, const QString& path,
        QList<QPair<QByteArray, QByteArray>> headers = {}, const QByteArray& body = {});
    [[nodiscard]] SandboxAnswer get(
        const QString& domain, const QString& path, QList<QPair<QByteArray, QByteArray>> headers = {});
    [[nodiscard]] QString tokenFor(const QString& domain);
    [[nodiscard]] QString tenantIdFor(const QString& domain);
    // Follows @odata.nextLink from path to the end; returns every item of every page, or stops at an error.
    [[nodiscard]] QList<QJsonObject> pageAll(const QString& domain, const QString& path, int* pages = nullptr,
        QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    [[nodiscard]] QJsonObject tenantEntry(const QString& domain);

    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    QList<QJsonObject> m_tenants;
};

} // namespace tb::test
