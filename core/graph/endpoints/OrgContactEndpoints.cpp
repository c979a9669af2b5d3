// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/OrgContactEndpoints.h"

#include "core/graph/PageReader.h"

#include <QJsonObject>

#include <algorithm>

namespace tb::graph {

QStringList OrgContactEndpoints::OrgContact::addresses() const
{
    QStringList result;
    const auto add = [&result](const QString& address) {
        const QString normal = address.trimmed().toLower();
        if (!normal.isEmpty() && !result.contains(normal)) {
            result.append(normal);
        }
    };
    add(mail);
    for (const QString& proxy : proxyAddresses) {
        if (proxy.startsWith(QLatin1String("smtp:"), Qt::CaseInsensitive)) {
            add(proxy.mid(5));
        }
    }
    return result;
}

OrgContactEndpoints::OrgContactEndpoints(GraphClient& client)
    : m_client(client)
{ }

GraphRequest OrgContactEndpoints::listContactsRequest(int pageSize)
{
    GraphRequest request = GraphRequest::get(QStringLiteral("/contacts"));
    request.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,displayName,mail,proxyAddresses"));
    request.addQueryItem(QStringLiteral("$top"), QString::number(std::clamp(pageSize, 1, 999)));
    return request;
}

PageReader* OrgContactEndpoints::listContacts(QObject* parent) const
{
    return new PageReader(m_client, listContactsRequest(), parent);
}

QList<OrgContactEndpoints::OrgContact> OrgContactEndpoints::parseContacts(const QJsonArray& page)
{
    QList<OrgContact> contacts;
    for (const QJsonValue& value : page) {
        if (!value.isObject()) {
            continue;
        }
        const QJsonObject object = value.toObject();
        OrgContact contact;
        contact.id = object.value(QLatin1String("id")).toString();
        contact.displayName = object.value(QLatin1String("displayName")).toString();
        contact.mail = object.value(QLatin1String("mail")).toString();
        for (const QJsonValue& proxy : object.value(QLatin1String("proxyAddresses")).toArray()) {
            if (proxy.isString()) {
                contact.proxyAddresses.append(proxy.toString());
            }
        }
        contacts.append(contact);
    }
    return contacts;
}

} // namespace tb::graph
