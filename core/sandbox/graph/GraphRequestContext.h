// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUuid>

namespace tbsandbox {

class TenantState;

// One Graph request after routing: the tenant it is for, the path below the version, the decoded query and
// the ids to echo. Built by GraphRouter for top-level requests and for each $batch item; read by the
// controllers. A value; server thread.
struct GraphRequestContext
{
    QString method; // upper case
    QStringList segments; // below the version, e.g. {"users", "<id>", "licenseDetails"}
    QString pathPrefix; // "/v1.0" or "/<tenant>/v1.0": nextLink and @odata.context keep this form
    QList<QPair<QString, QString>> queryItems; // decoded, in the order sent
    QList<QPair<QByteArray, QByteArray>> rawQueryItems; // still encoded, to rebuild nextLink verbatim
    bool consistencyEventual = false; // ConsistencyLevel: eventual
    QByteArray contentType;
    QByteArray body;
    TenantState* tenant = nullptr;
    QStringList grantedScopes; // the access token's scp
    QUuid userId; // the access token's oid: who /me is
    QString requestId;
    QString clientRequestId;
    QUrl baseUrl;
    QByteArray rawPath; // the path as sent (still encoded), for @odata.nextLink

    // Splits a raw query string into both forms above.
    void setRawQuery(const QByteArray& rawQuery);
};

} // namespace tbsandbox
