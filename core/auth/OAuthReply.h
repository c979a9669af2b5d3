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

    int httpStatus = 0; // 0: no HTTP answer (connection refused, timeout, TLS failure)
    QJsonObject json;
    bool isJson = false; // the body was a JSON object
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    int retryAfterMs = -1; // Retry-After in milliseconds, -1 when absent

    [[nodiscard]] bool hasHttpAnswer() const { return httpStatus != 0; }

    // Reads a finished reply (the body is consumed).
    [[nodiscard]] static OAuthReply read(QNetworkReply& reply, const QDateTime& nowUtc);
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
