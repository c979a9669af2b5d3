// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/DirectoryController.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/graph/SkipToken.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace tbsandbox {

namespace {

const QStringList kGroupProperties
    = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("description"),
        QStringLiteral("mailNickname"), QStringLiteral("mail"), QStringLiteral("mailEnabled"),
        QStringLiteral("securityEnabled"), QStringLiteral("groupTypes"), QStringLiteral("createdDateTime")};

// orgContact properties served (a subset of Graph's resource); a seed's contact may leave any of them out.
const QStringList kContactProperties = {QStringLiteral("id"), QStringLiteral("displayName"),
    QStringLiteral("givenName"), QStringLiteral("surname"), QStringLiteral("mail"), QStringLiteral("mailNickname"),
    QStringLiteral("companyName"), QStringLiteral("jobTitle"), QStringLiteral("department"),
    QStringLiteral("proxyAddresses"), QStringLiteral("createdDateTime")};

QString canonicalContactProperty(const QString& name)
{
    for (const QString& known : kContactProperties) {
        if (known.compare(name, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    return {};
}

QList<UserProperty> userSelection(const QStringList& select)
{
    if (select.isEmpty()) {
        return UserSchema::defaultSelection();
    }
    QList<UserProperty> selection;
    for (const QString& name : select) {
        if (const std::optional<UserProperty> property = UserSchema::property(name)) {
            selection.append(*property);
        }
    }
    return selection;
}

QString canonicalGroupProperty(const QString& name)
{
    for (const QString& known : kGroupProperties) {
        if (known.compare(name, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    return {};
}

bool isSegment(const QString& segment, QLatin1String name)
{
    return segment.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<GraphReply> DirectoryController::handle(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    const bool get = context.method == QLatin1String("GET");
    if (s.isEmpty()) {
        return std::nullopt;
    }
    const QString& root = s.first();
    if (isSegment(root, QLatin1String("organization")) && s.size() == 1) {
        return get ? organization(context) : methodNotAllowed(context, QStringLiteral("GET"));
    }
    if (isSegment(root, QLatin1String("subscribedSkus")) && s.size() == 1) {
        return get ? subscribedSkus(context) : methodNotAllowed(context, QStringLiteral("GET"));
    }
    if (isSegment(root, QLatin1String("users"))) {
        if (s.size() == 1) {
            return get ? listUsers(context) : methodNotAllowed(context, QStringLiteral("GET"));
        }
        if (s.size() == 2 && s[1] == QLatin1String("$count")) {
            return get ? countUsers(context) : methodNotAllowed(context, QStringLiteral("GET"));
        }
        const qsizetype index = context.tenant->findUser(s[1]);
        if (s.size() == 2) {
            if (!get && context.method != QLatin1String("PATCH")) {
                return methodNotAllowed(context, QStringLiteral("GET, PATCH"));
            }
            if (index < 0) {
                return notFound(context, s[1]);
            }
            return get ? getUser(context, index) : patchUser(context, index);
        }
        if (s.size() == 3 && isSegment(s[2], QLatin1String("licenseDetails"))) {
            if (!get) {
                return methodNotAllowed(context, QStringLiteral("GET"));
            }
            return index < 0 ? notFound(context, s[1]) : licenseDetails(context, index);
        }
        return std::nullopt;
    }
    if (isSegment(root, QLatin1String("groups"))) {
        if (s.size() == 1) {
            return get ? listGroups(context) : methodNotAllowed(context, QStringLiteral("GET"));
        }
        const QUuid id = QUuid::fromString(s[1]);
        const qsizetype index = id.isNull() ? -1 : context.tenant->findGroup(id);
        const bool members = s.size() == 3 && isSegment(s[2], QLatin1String("members"));
        const bool transitive = s.size() == 3 && isSegment(s[2], QLatin1String("transitiveMembers"));
        if (s.size() > 3 || (s.size() == 3 && !members && !transitive)) {
            return std::nullopt;
        }
        if (!get) {
            return methodNotAllowed(context, QStringLiteral("GET"));
        }
        if (index < 0) {
            return notFound(context, s[1]);
        }
        return s.size() == 2 ? getGroup(context, index) : listMembers(context, index, transitive);
    }
    if (isSegment(root, QLatin1String("contacts")) && s.size() <= 2) {
        if (!get) {
            return methodNotAllowed(context, QStringLiteral("GET"));
        }
        if (s.size() == 1) {
            return listContacts(context);
        }
        for (const QJsonValue& contact : context.tenant->contacts()) {
            if (contact.toObject().value(QLatin1String("id")).toString().compare(s[1], Qt::CaseInsensitive) == 0) {
                return getContact(context, contact.toObject());
            }
        }
        return notFound(context, s[1]);
    }
    return std::nullopt;
}

GraphReply DirectoryController::organization(const GraphRequestContext& context) const
{
    QueryError error;
    const std::optional<ODataQuery> query = ODataQuery::parse(context,
        plainSchema(QStringLiteral("microsoft.graph.organization"), context.tenant->organization().keys()),
        ODataQuery::Shape::Entity, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    QJsonObject org = context.tenant->organization();
    if (!query->select().isEmpty()) {
        QJsonObject selected;
        for (const QString& name : query->select()) {
            selected.insert(name, org.value(name));
        }
        org = selected;
    }
    return GraphReply::jsonReply(200,
        QJsonObject {{QStringLiteral("@odata.context"), metadataUrl(context, QStringLiteral("organization"))},
            {QStringLiteral("value"), QJsonArray {org}}});
}

GraphReply DirectoryController::subscribedSkus(const GraphRequestContext& context) const
{
    // Graph supports no query options on subscribedSkus (graph-reference 5.2); $select is harmless.
    QueryError error;
    const QJsonArray skus = context.tenant->subscribedSkus();
    const QStringList keys = skus.isEmpty() ? QStringList() : skus.first().toObject().keys();
    if (!ODataQuery::parse(context, plainSchema(QStringLiteral("microsoft.graph.subscribedSku"), keys),
            ODataQuery::Shape::Entity, &error)) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    return GraphReply::jsonReply(200,
        QJsonObject {{QStringLiteral("@odata.context"), metadataUrl(context, QStringLiteral("subscribedSkus"))},
            {QStringLiteral("value"), skus}});
}

std::optional<std::vector<qsizetype>> DirectoryController::matchingUsers(
    const TenantState& tenant, const ODataQuery& query) const
{
    if (!query.filter() && !query.search() && query.orderBy().isEmpty()) {
        return std::nullopt;
    }
    const std::vector<UserRecord>& users = tenant.users();
    std::vector<qsizetype> matches;
    for (size_t i = 0; i < users.size(); ++i) {
        const UserRecord& user = users[i];
        const auto accessor
            = [&tenant, &user](int id) { return UserSchema::value(tenant, user, static_cast<UserProperty>(id)); };
        if ((!query.filter() || query.filter()->matches(accessor))
            && (!query.search() || query.search()->matches(accessor))) {
            matches.push_back(static_cast<qsizetype>(i));
        }
    }
    if (!query.orderBy().isEmpty()) {
        const UserProperty key = *UserSchema::property(query.orderBy());
        const bool descending = query.descending();
        std::stable_sort(matches.begin(), matches.end(), [&](qsizetype a, qsizetype b) {
            const QString left = UserSchema::value(tenant, users[static_cast<size_t>(a)], key).toString();
            const QString right = UserSchema::value(tenant, users[static_cast<size_t>(b)], key).toString();
            const int order = left.compare(right, Qt::CaseInsensitive);
            return descending ? order > 0 : order < 0;
        });
    }
    return matches;
}

GraphReply DirectoryController::listUsers(const GraphRequestContext& context) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, userSchema(), ODataQuery::Shape::Collection, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    const TenantState& tenant = *context.tenant;
    const std::optional<std::vector<qsizetype>> matches = matchingUsers(tenant, *query);
    const auto total = static_cast<qsizetype>(matches ? matches->size() : tenant.users().size());
    const Page page = pageOf(*query, total);
    const QList<UserProperty> selection = userSelection(query->select());
    QJsonArray value;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        const qsizetype index = matches ? (*matches)[static_cast<size_t>(i)] : i;
        value.append(UserSchema::toJson(tenant, tenant.users()[static_cast<size_t>(index)], selection));
    }
    QString fragment = QStringLiteral("users");
    if (!query->select().isEmpty()) {
        fragment += QLatin1Char('(') + query->select().join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return collection(context, *query, fragment, value, page);
}

GraphReply DirectoryController::countUsers(const GraphRequestContext& context) const
{
    if (!context.consistencyEventual) {
        // Graph's exact answer when the header is missing (graph-reference 8.5).
        return GraphReply::error(
            context, 400, QStringLiteral("Request_BadRequest"), QStringLiteral("$count is not currently supported."));
    }
    QueryError error;
    const std::optional<ODataQuery> query = ODataQuery::parse(context, userSchema(), ODataQuery::Shape::Count, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    const std::optional<std::vector<qsizetype>> matches = matchingUsers(*context.tenant, *query);
    const auto total = static_cast<qint64>(matches ? matches->size() : context.tenant->users().size());
    return GraphReply::textReply(200, QByteArray::number(total));
}

GraphReply DirectoryController::getUser(const GraphRequestContext& context, qsizetype index) const
{
    QueryError error;
    const std::optional<ODataQuery> query = ODataQuery::parse(context, userSchema(), ODataQuery::Shape::Entity, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    QJsonObject json = UserSchema::toJson(
        *context.tenant, context.tenant->users()[static_cast<size_t>(index)], userSelection(query->select()));
    QString fragment = QStringLiteral("users");
    if (!query->select().isEmpty()) {
        fragment += QLatin1Char('(') + query->select().join(QLatin1Char(',')) + QLatin1Char(')');
    }
    json.insert(QStringLiteral("@odata.context"), metadataUrl(context, fragment + QStringLiteral("/$entity")));
    return GraphReply::jsonReply(200, json);
}

GraphReply DirectoryController::patchUser(const GraphRequestContext& context, qsizetype index) const
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(context.body, &parseError);
    if (!document.isObject()) {
        return GraphReply::error(context, 400, QStringLiteral("BadRequest"),
            QStringLiteral("The PATCH body must be a JSON object of the properties to change."));
    }
    TenantState& tenant = *context.tenant;
    const std::optional<QString> problem
        = UserSchema::applyPatch(tenant, tenant.users()[static_cast<size_t>(index)], document.object());
    if (problem) {
        return GraphReply::error(context, 400, QStringLiteral("Request_BadRequest"), *problem);
    }
    return GraphReply::noContent();
}

GraphReply DirectoryController::licenseDetails(const GraphRequestContext& context, qsizetype index) const
{
    const TenantState& tenant = *context.tenant;
    const UserRecord& user = tenant.users()[static_cast<size_t>(index)];
    const QJsonArray skus = tenant.subscribedSkus();
    QJsonArray value;
    const QJsonArray licences = UserSchema::value(tenant, user, UserProperty::AssignedLicenses).toArray();
    for (const QJsonValue& licence : licences) {
        const QString skuId = licence.toObject().value(QLatin1String("skuId")).toString();
        QJsonObject details {{QStringLiteral("id"), user.id.toString(QUuid::WithoutBraces) + QLatin1Char('_') + skuId},
            {QStringLiteral("skuId"), skuId}, {QStringLiteral("skuPartNumber"), QJsonValue::Null},
            {QStringLiteral("servicePlans"), QJsonArray()}};
        for (const QJsonValue& sku : skus) {
            if (sku.toObject().value(QLatin1String("skuId")).toString().compare(skuId, Qt::CaseInsensitive) == 0) {
                details.insert(QStringLiteral("skuPartNumber"), sku.toObject().value(QLatin1String("skuPartNumber")));
                details.insert(QStringLiteral("servicePlans"), sku.toObject().value(QLatin1String("servicePlans")));
            }
        }
        value.append(details);
    }
    return GraphReply::jsonReply(200,
        QJsonObject {{QStringLiteral("@odata.context"),
                         metadataUrl(context,
                             QStringLiteral("users('%1')/licenseDetails").arg(user.id.toString(QUuid::WithoutBraces)))},
            {QStringLiteral("value"), value}});
}

GraphReply DirectoryController::listGroups(const GraphRequestContext& context) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, groupSchema(), ODataQuery::Shape::Collection, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    const std::vector<GroupRecord>& groups = context.tenant->groups();
    std::vector<const GroupRecord*> matches;
    for (const GroupRecord& group : groups) {
        const auto accessor = [&group](int id) { return group.properties.value(kGroupProperties.at(id)); };
        if ((!query->filter() || query->filter()->matches(accessor))
            && (!query->search() || query->search()->matches(accessor))) {
            matches.push_back(&group);
        }
    }
    if (!query->orderBy().isEmpty()) {
        const QString key = canonicalGroupProperty(query->orderBy());
        const bool descending = query->descending();
        std::stable_sort(matches.begin(), matches.end(), [&](const GroupRecord* a, const GroupRecord* b) {
            const int order
                = a->properties.value(key).toString().compare(b->properties.value(key).toString(), Qt::CaseInsensitive);
            return descending ? order > 0 : order < 0;
        });
    }
    const Page page = pageOf(*query, static_cast<qsizetype>(matches.size()));
    QJsonArray value;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        value.append(groupJson(*matches[static_cast<size_t>(i)], query->select()));
    }
    return collection(context, *query, QStringLiteral("groups"), value, page);
}

GraphReply DirectoryController::getGroup(const GraphRequestContext& context, qsizetype index) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, groupSchema(), ODataQuery::Shape::Entity, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    QJsonObject json = groupJson(context.tenant->groups()[static_cast<size_t>(index)], query->select());
    json.insert(QStringLiteral("@odata.context"), metadataUrl(context, QStringLiteral("groups/$entity")));
    return GraphReply::jsonReply(200, json);
}

GraphReply DirectoryController::listMembers(const GraphRequestContext& context, qsizetype index, bool transitive) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, memberSchema(), ODataQuery::Shape::Collection, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    const TenantState& tenant = *context.tenant;
    // Direct members in stored order; for transitiveMembers, breadth first through nested groups, each object
    // once (nested groups are listed too, as Graph does).
    QList<QUuid> members;
    QSet<QUuid> seen;
    QList<QUuid> queue = tenant.groups()[static_cast<size_t>(index)].memberIds;
    seen.insert(tenant.groups()[static_cast<size_t>(index)].id);
    while (!queue.isEmpty()) {
        const QUuid id = queue.takeFirst();
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        members.append(id);
        const qsizetype nested = tenant.findGroup(id);
        if (transitive && nested >= 0) {
            queue.append(tenant.groups()[static_cast<size_t>(nested)].memberIds);
        }
    }
    const Page page = pageOf(*query, members.size());
    const QList<UserProperty> selection = userSelection(query->select());
    QJsonArray value;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        const QUuid& id = members.at(i);
        const qsizetype userIndex = tenant.findUser(id);
        QJsonObject json;
        if (userIndex >= 0) {
            json = UserSchema::toJson(tenant, tenant.users()[static_cast<size_t>(userIndex)], selection);
            json.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user"));
        } else {
            const qsizetype groupIndex = tenant.findGroup(id);
            if (groupIndex < 0) {
                continue;
            }
            QStringList groupSelect;
            for (const QString& name : query->select()) {
                const QString known = canonicalGroupProperty(name);
                if (!known.isEmpty()) {
                    groupSelect.append(known);
                }
            }
            if (!query->select().isEmpty() && groupSelect.isEmpty()) {
                groupSelect.append(QStringLiteral("id"));
            }
            json = groupJson(tenant.groups()[static_cast<size_t>(groupIndex)], groupSelect);
            json.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.group"));
        }
        value.append(json);
    }
    return collection(context, *query, QStringLiteral("directoryObjects"), value, page);
}

GraphReply DirectoryController::listContacts(const GraphRequestContext& context) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, contactSchema(), ODataQuery::Shape::Collection, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    QList<QJsonObject> matches;
    for (const QJsonValue& value : context.tenant->contacts()) {
        const QJsonObject contact = value.toObject();
        const auto accessor = [&contact](int id) { return contact.value(kContactProperties.at(id)); };
        if ((!query->filter() || query->filter()->matches(accessor))
            && (!query->search() || query->search()->matches(accessor))) {
            matches.append(contact);
        }
    }
    if (!query->orderBy().isEmpty()) {
        const QString key = canonicalContactProperty(query->orderBy());
        const bool descending = query->descending();
        std::stable_sort(matches.begin(), matches.end(), [&](const QJsonObject& a, const QJsonObject& b) {
            const int order = a.value(key).toString().compare(b.value(key).toString(), Qt::CaseInsensitive);
            return descending ? order > 0 : order < 0;
        });
    }
    const Page page = pageOf(*query, matches.size());
    QJsonArray value;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        value.append(contactJson(matches.at(i), query->select()));
    }
    return collection(context, *query, QStringLiteral("contacts"), value, page);
}

GraphReply DirectoryController::getContact(const GraphRequestContext& context, const QJsonObject& contact) const
{
    QueryError error;
    const std::optional<ODataQuery> query
        = ODataQuery::parse(context, contactSchema(), ODataQuery::Shape::Entity, &error);
    if (!query) {
        return GraphReply::error(context, error.status, error.code, error.message);
    }
    QJsonObject json = contactJson(contact, query->select());
    json.insert(QStringLiteral("@odata.context"), metadataUrl(context, QStringLiteral("contacts/$entity")));
    return GraphReply::jsonReply(200, json);
}

DirectoryController::Page DirectoryController::pageOf(const ODataQuery& query, qsizetype total)
{
    Page page;
    page.total = total;
    page.begin = qMin(query.offset(), total);
    page.end = qMin(total, page.begin + query.top());
    return page;
}

GraphReply DirectoryController::collection(const GraphRequestContext& context, const ODataQuery& query,
    const QString& contextFragment, QJsonArray value, const Page& page)
{
    QJsonObject body {{QStringLiteral("@odata.context"), metadataUrl(context, contextFragment)}};
    if (query.count()) {
        body.insert(QStringLiteral("@odata.count"), static_cast<qint64>(page.total));
    }
    body.insert(QStringLiteral("value"), value);
    if (page.end < page.total) {
        body.insert(QStringLiteral("@odata.nextLink"), nextLink(context, SkipToken::encode(page.end, query.scope())));
    }
    return GraphReply::jsonReply(200, body);
}

QString DirectoryController::metadataUrl(const GraphRequestContext& context, const QString& fragment)
{
    return context.baseUrl.toString() + context.pathPrefix + QStringLiteral("/$metadata#") + fragment;
}

QString DirectoryController::nextLink(const GraphRequestContext& context, const QString& skipToken)
{
    QByteArray query;
    for (const auto& [key, value] : context.rawQueryItems) {
        if (QUrl::fromPercentEncoding(key).compare(QLatin1String("$skiptoken"), Qt::CaseInsensitive) == 0) {
            continue;
        }
        query += key + '=' + value + '&';
    }
    query += QByteArrayLiteral("$skiptoken=") + skipToken.toLatin1();
    return context.baseUrl.toString() + QString::fromLatin1(context.rawPath) + QLatin1Char('?')
        + QString::fromLatin1(query);
}

GraphReply DirectoryController::notFound(const GraphRequestContext& context, const QString& what)
{
    return GraphReply::error(context, 404, QStringLiteral("Request_ResourceNotFound"),
        QStringLiteral("Resource '%1' does not exist or one of its queried reference-property "
                       "objects are not present.")
            .arg(what));
}

GraphReply DirectoryController::methodNotAllowed(const GraphRequestContext& context, const QString& allowed)
{
    GraphReply reply = GraphReply::error(context, 405, QStringLiteral("Request_BadRequest"),
        QStringLiteral("The HTTP method '%1' is not allowed on this resource; allowed: %2.")
            .arg(context.method, allowed));
    reply.headers.append({QByteArrayLiteral("Allow"), allowed.toLatin1()});
    return reply;
}

QJsonObject DirectoryController::groupJson(const GroupRecord& group, const QStringList& select)
{
    if (select.isEmpty()) {
        return group.properties;
    }
    QJsonObject json;
    for (const QString& name : select) {
        const QString key = canonicalGroupProperty(name);
        json.insert(key, group.properties.value(key));
    }
    return json;
}

ODataQuery::Schema DirectoryController::userSchema()
{
    return UserSchema::odataSchema();
}

ODataQuery::Schema DirectoryController::groupSchema()
{
    ODataQuery::Schema schema;
    schema.typeName = QStringLiteral("microsoft.graph.group");
    schema.isSelectable = [](const QString& name) { return !canonicalGroupProperty(name).isEmpty(); };
    schema.filterResolver = [](const QString& name) -> std::optional<FilterExpression::PropertyInfo> {
        const QString known = canonicalGroupProperty(name);
        if (known.isEmpty()) {
            return std::nullopt;
        }
        return FilterExpression::PropertyInfo {
            static_cast<int>(kGroupProperties.indexOf(known)), true, known == QLatin1String("groupTypes")};
    };
    schema.searchResolver = [](const QString& name) {
        const QString known = canonicalGroupProperty(name);
        return known == QLatin1String("displayName") || known == QLatin1String("description")
                || known == QLatin1String("mail") || known == QLatin1String("mailNickname")
            ? static_cast<int>(kGroupProperties.indexOf(known))
            : -1;
    };
    schema.orderable = {QStringLiteral("displayName")};
    return schema;
}

QJsonObject DirectoryController::contactJson(const QJsonObject& contact, const QStringList& select)
{
    // Every served property is present (null when the seed leaves it out), as Graph answers.
    const QStringList names = select.isEmpty() ? kContactProperties : select;
    QJsonObject json;
    for (const QString& name : names) {
        const QString key = canonicalContactProperty(name);
        const QJsonValue value = contact.value(key);
        if (value.isUndefined()) {
            json.insert(key, key == QLatin1String("proxyAddresses") ? QJsonValue(QJsonArray()) : QJsonValue::Null);
        } else {
            json.insert(key, value);
        }
    }
    return json;
}

ODataQuery::Schema DirectoryController::contactSchema()
{
    ODataQuery::Schema schema;
    schema.typeName = QStringLiteral("microsoft.graph.orgContact");
    schema.isSelectable = [](const QString& name) { return !canonicalContactProperty(name).isEmpty(); };
    schema.filterResolver = [](const QString& name) -> std::optional<FilterExpression::PropertyInfo> {
        const QString known = canonicalContactProperty(name);
        if (known.isEmpty()) {
            return std::nullopt;
        }
        return FilterExpression::PropertyInfo {
            static_cast<int>(kContactProperties.indexOf(known)), true, known == QLatin1String("proxyAddresses")};
    };
    schema.searchResolver = [](const QString& name) {
        const QString known = canonicalContactProperty(name);
        return known == QLatin1String("displayName") || known == QLatin1String("mail")
                || known == QLatin1String("givenName") || known == QLatin1String("surname")
            ? static_cast<int>(kContactProperties.indexOf(known))
            : -1;
    };
    schema.orderable = {QStringLiteral("displayName")};
    return schema;
}

ODataQuery::Schema DirectoryController::memberSchema()
{
    ODataQuery::Schema schema;
    schema.typeName = QStringLiteral("microsoft.graph.directoryObject");
    schema.isSelectable = [](const QString& name) {
        return UserSchema::property(name).has_value() || !canonicalGroupProperty(name).isEmpty();
    };
    return schema;
}

ODataQuery::Schema DirectoryController::plainSchema(const QString& typeName, const QStringList& properties)
{
    ODataQuery::Schema schema;
    schema.typeName = typeName;
    schema.isSelectable = [properties](const QString& name) { return properties.contains(name); };
    return schema;
}

} // namespace tbsandbox
