// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/graph/GraphReply.h"
#include "core/sandbox/graph/ODataQuery.h"

#include <QJsonArray>
#include <QUuid>

#include <vector>

namespace tbsandbox {

struct GraphRequestContext;
struct GroupRecord;
class TenantState;

// Answers the directory part of Graph for one tenant: /organization, /users (collection, $count, one user,
// PATCH, licenseDetails), /groups (collection, one group, members, transitiveMembers), /contacts (collection,
// one contact) and /subscribedSkus,
// with the query options of ODataQuery and Graph's paging (graph-reference 5 and 8.4). Stateless apart from
// the tenant it is handed; owned by GraphRouter; server thread.
class DirectoryController final
{
public:
    // Answers the request, or nothing when the path is not a directory path (the router then answers 404).
    [[nodiscard]] std::optional<GraphReply> handle(const GraphRequestContext& context) const;

private:
    struct Page
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        qsizetype total = 0;
    };

    [[nodiscard]] GraphReply organization(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply subscribedSkus(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply listUsers(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply countUsers(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply getUser(const GraphRequestContext& context, qsizetype index) const;
    [[nodiscard]] GraphReply patchUser(const GraphRequestContext& context, qsizetype index) const;
    [[nodiscard]] GraphReply licenseDetails(const GraphRequestContext& context, qsizetype index) const;
    [[nodiscard]] GraphReply listGroups(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply getGroup(const GraphRequestContext& context, qsizetype index) const;
    [[nodiscard]] GraphReply listMembers(const GraphRequestContext& context, qsizetype index, bool transitive) const;
    [[nodiscard]] GraphReply listContacts(const GraphRequestContext& context) const;
    [[nodiscard]] GraphReply getContact(const GraphRequestContext& context, const QJsonObject& contact) const;

    // Users matching $filter and $search, ordered by $orderby; nothing when all users match in stored order
    // (so an unfiltered page costs only its own size, not a pass over the tenant).
    [[nodiscard]] std::optional<std::vector<qsizetype>> matchingUsers(
        const TenantState& tenant, const ODataQuery& query) const;
    [[nodiscard]] static Page pageOf(const ODataQuery& query, qsizetype total);
    // {"@odata.context", "@odata.count"?, "value", "@odata.nextLink"?}
    [[nodiscard]] static GraphReply collection(const GraphRequestContext& context, const ODataQuery& query,
        const QString& contextFragment, QJsonArray value, const Page& page);
    [[nodiscard]] static QString metadataUrl(const GraphRequestContext& context, const QString& fragment);
    [[nodiscard]] static QString nextLink(const GraphRequestContext& context, const QString& skipToken);
    [[nodiscard]] static GraphReply notFound(const GraphRequestContext& context, const QString& what);
    [[nodiscard]] static GraphReply methodNotAllowed(const GraphRequestContext& context, const QString& allowed);
    [[nodiscard]] static QJsonObject groupJson(const GroupRecord& group, const QStringList& select);
    [[nodiscard]] static ODataQuery::Schema userSchema();
    [[nodiscard]] static ODataQuery::Schema groupSchema();
    [[nodiscard]] static ODataQuery::Schema contactSchema();
    [[nodiscard]] static QJsonObject contactJson(const QJsonObject& contact, const QStringList& select);
    [[nodiscard]] static ODataQuery::Schema memberSchema();
    [[nodiscard]] static ODataQuery::Schema plainSchema(const QString& typeName, const QStringList& properties);
};

} // namespace tbsandbox
