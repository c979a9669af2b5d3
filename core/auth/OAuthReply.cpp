// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthReply.h"

#include "core/auth/SecretStore.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace tb::auth {

namespace {

// Set on a reply that limitSize() aborted: how large it was known to be.
constexpr char kTooLargeProperty[] = "tbOAuthTooLargeBytes";

} // namespace

void OAuthReply::limitSize(QNetworkReply* reply)
{
    const auto check = [reply](qint64 size) {
        if (size > kMaxBodyBytes && !reply->property(kTooLargeProperty).isValid()) {
            reply->setProperty(kTooLargeProperty, size);
            reply->abort(); // finished follows at once
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply,
        [reply, check] { check(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong()); });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
        [check](qint64 received, qint64 total) { check(std::max(received, total)); });
}

OAuthReply OAuthReply::read(QNetworkReply& reply, const QDateTime& nowUtc)
{
    OAuthReply result;
    if (const QVariant tooLarge = reply.property(kTooLargeProperty); tooLarge.isValid()) {
        // The bytes buffered so far go with the reply, unread: an answer this size is not the sign-in service's.
        result.tooLargeBytes = tooLarge.toLongLong();
        result.networkError = QNetworkReply::OperationCanceledError;
        result.networkErrorText = QStringLiteral("the answer from %1 was %2 KB or more, far more than the sign-in "
                                                 "service sends (at most %3 KB are read); it was not read")
                                      .arg(reply.url().host())
                                      .arg(result.tooLargeBytes / 1024)
                                      .arg(kMaxBodyBytes / 1024);
        return result;
    }
    result.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply.error();
    result.networkErrorText = reply.errorString();
    result.retryAfterMs = parseRetryAfterMs(reply.rawHeader(QByteArrayLiteral("Retry-After")), nowUtc);
    QByteArray body = reply.readAll();
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    // The body may hold tokens: keep only the parsed object and clear the bytes.
    SecretStore::wipe(body);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        result.json = document.object();
        result.isJson = true;
    }
    return result;
}

QNetworkRequest OAuthReply::request(const QUrl& url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    return request;
}

QNetworkRequest OAuthReply::formRequest(const QUrl& url)
{
    QNetworkRequest form = request(url);
    form.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return form;
}

QByteArray OAuthReply::formBody(const QList<std::pair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

int OAuthReply::parseRetryAfterMs(const QByteArray& value, const QDateTime& nowUtc)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty()) {
        return -1;
    }
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        return seconds < 0 ? -1 : static_cast<int>(std::min<qint64>(seconds, 3600) * 1000);
    }
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!date.isValid()) {
        return -1;
    }
    return static_cast<int>(std::clamp<qint64>(nowUtc.msecsTo(date), 0, 3600 * 1000));
}

} // namespace tb::auth
