// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace tb::graph {

class GraphClient;
class PageReader;

// A tenant's organizational contacts (Graph's orgContact, GET /contacts; OrgContact.Read.All): mail addresses of
// outside people. Preflight reads them because a contact whose address equals a synced user's collides with
// the user sync creates (graph-reference.md 5.4, 5.5: contacts are not converted). Same pattern as
// DirectoryEndpoints; holds only a reference to its client; same thread.
class OrgContactEndpoints final
{
public:
    struct OrgContact
    {
        QString id;
        QString displayName;
        QString mail;
        QStringList proxyAddresses; // "SMTP:a@b.com", "smtp:alias@b.com"

        // mail and every SMTP proxy address, lower case, without the "smtp:" prefix.
        [[nodiscard]] QStringList addresses() const;
    };

    explicit OrgContactEndpoints(GraphClient& client);

    // GET /contacts?$select=id,displayName,mail,proxyAddresses&$top=pageSize (clamped to 1..999).
    [[nodiscard]] static GraphRequest listContactsRequest(int pageSize = 999);
    [[nodiscard]] PageReader* listContacts(QObject* parent) const;

    [[nodiscard]] static QList<OrgContact> parseContacts(const QJsonArray& page);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
