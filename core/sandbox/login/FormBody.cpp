// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/FormBody.h"

#include "core/sandbox/http/HttpRequest.h"

#include <QUrl>

namespace tbsandbox {

namespace {

QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

} // namespace

std::optional<FormBody> FormBody::parse(const HttpRequest& request, QString* problem)
{
    const QByteArray contentType = request.header(QByteArrayLiteral("content-type")).split(';').first().trimmed();
    if (contentType.compare("application/x-www-form-urlencoded", Qt::CaseInsensitive) != 0) {
        *problem = QStringLiteral("The request body must be application/x-www-form-urlencoded.");
        return std::nullopt;
    }
    FormBody form;
    for (const QByteArray& pair : request.body.split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype equals = pair.indexOf('=');
        const QString name = decode(equals < 0 ? pair : pair.left(equals));
        const QString value = equals < 0 ? QString() : decode(pair.mid(equals + 1));
        if (form.m_values.contains(name)) {
            *problem = QStringLiteral("The request body names the parameter '%1' more than once.").arg(name);
            return std::nullopt;
        }
        form.m_values.insert(name, value);
    }
    return form;
}

} // namespace tbsandbox
