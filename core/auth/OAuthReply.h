// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <utility>

namespace tb::auth {

// The shared plumbing of the login-host calls (discovery, device code, token): how a request is built and what a
// finished reply holds. The JSON body is read whatever the HTTP status (auth-reference.md 2, rule 5). Value type;
// read() runs on the reply's thread.
struct OAuthReply
{
    static constexpr int kTransferTimeoutMs = 30000;
    // The largest answer read from the login host (issue 9). Its largest real answer is the token response: an
    // access token (a few KB; Entra replaces large group lists with an overage claim), an id token and a refresh
    // token, under 20 KB together; the discovery document is about 2 KB, a device code answer under 1 KB, an AADSTS
    // error under 4 KB. 256 KB is more than ten times the largest; anything above is not an answer of this service.
    static constexpr qint64 kMaxBodyBytes = 256 * 1024;

    int httpStatus = 0; // 0: no HTTP answer (connection refused, timeout, TLS failure)
    QJsonObject json;
    bool isJson = false; // the body was a JSON object
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    int retryAfterMs = -1; // Retry-After in milliseconds, -1 when absent
    qint64 tooLargeBytes = 0; // > 0: the answer passed kMaxBodyBytes and was not read (limitSize); no HTTP answer then

    [[nodiscard]] bool hasHttpAnswer() const { return httpStatus != 0; }

    // Reads a finished reply (the body is consumed).
    [[nodiscard]] static OAuthReply read(QNetworkReply& reply, const QDateTime& nowUtc);
    // Call right after sending: aborts the reply as soon as its Content-Length or the bytes received pass
    // kMaxBodyBytes, rather than buffering them; read() then reports tooLargeBytes and a networkErrorText saying so.
    static void limitSize(QNetworkReply* reply);
    // A request with a transfer timeout, no cookies, redirects only within the same origin, JSON accepted.
    [[nodiscard]] static QNetworkRequest request(const QUrl& url);
    // The same for an application/x-www-form-urlencoded POST.
    [[nodiscard]] static QNetworkRequest formRequest(const QUrl& url);
    // name=value pairs, every byte outside the unreserved set percent-encoded ('+' in a code stays '+').
    [[nodiscard]] static QByteArray formBody(const QList<std::pair<QString, QString>>& fields);
    // Seconds or an HTTP date; -1 when absent or unreadable.
    [[nodiscard]] static int parseRetryAfterMs(const QByteArray& value, const QDateTime& nowUtc);
};

} // namespace tb::auth
