// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/PageReader.h"

#include <algorithm>

namespace tb::graph {

namespace {

// Checks and joins a $select list; an empty result means "invalid", with the reason in *reason.
QString selectValue(const QStringList& properties, QString* reason)
{
    for (const QString& property : properties) {
        if (!ODataFilter::isValidPropertyName(property) || property.contains(QLatin1Char('/'))) {
            *reason = QStringLiteral("\"%1\" is not a property name that can be selected.").arg(property);
            return {};
        }
    }
    return properties.join(QLatin1Char(','));
}

void applySelect(GraphRequest& request, const QStringList& select)
{
    if (select.isEmpty()) {
        return;
    }
    QString reason;
    const QString value = selectValue(select, &reason);
    if (value.isEmpty()) {
        request.setInvalidReason(reason);
        return;
    }
    request.addQueryItem(QStringLiteral("$select"), value);
}

void applyPageSize(GraphRequest& request, int pageSize)
{
    const int top = std::clamp(pageSize, 1, DirectoryEndpoints::kMaxPageSize);
    request.addQueryItem(QStringLiteral("$top"), QString::number(top));
}

GraphRequest invalidRequest(const QString& path, const QString& reason)
{
    GraphRequest request = GraphRequest::get(path);
    request.setInvalidReason(reason);
    return request;
}

template <typename T>
QList<T> parseArray(const QJsonArray& page)
{
    QList<T> result;
    result.reserve(page.size());
    for (const QJsonValue& value : page) {
        if (value.isObject()) {
            result.append(T::fromJson(value.toObject()));
        }
    }
    return result;
}

} // namespace

DirectoryEndpoints::DirectoryEndpoints(GraphClient& client)
    : m_client(client)
{ }

QStringList DirectoryEndpoints::defaultUserSelect()
{
    // What preflight and preview read (graph-reference.md 5.1): creationType, externalUserState and
    // identities only come back when selected.
    return {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("givenName"), QStringLiteral("surname"),
        QStringLiteral("userPrincipalName"), QStringLiteral("mail"), QStringLiteral("jobTitle"),
        QStringLiteral("department"), QStringLiteral("usageLocation"), QStringLiteral("accountEnabled"),
        QStringLiteral("userType"), QStringLiteral("creationType"), QStringLiteral("externalUserState"),
        QStringLiteral("assignedLicenses"), QStringLiteral("assignedPlans"), QStringLiteral("identities")};
}

QStringList DirectoryEndpoints::defaultGroupSelect()
{
    return {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("description"), QStringLiteral("mail"),
        QStringLiteral("mailNickname"), QStringLiteral("mailEnabled"), QStringLiteral("securityEnabled"),
        QStringLiteral("groupTypes")};
}

GraphRequest DirectoryEndpoints::listUsersRequest(const UserListOptions& options)
{
    GraphRequest request = GraphRequest::get(QStringLiteral("/users"));
    applySelect(request, options.select.isEmpty() ? defaultUserSelect() : options.select);
    applyPageSize(request, options.pageSize);
    const QString text = options.searchText.trimmed();
    if (!text.isEmpty()) {
        // Prefix match over the names a person would type; each startswith gets the text as one escaped
        // literal, so a quote in it cannot end the literal and add clauses.
        const ODataFilter filter = ODataFilter::anyOf({ODataFilter::startsWith(QStringLiteral("displayName"), text),
            ODataFilter::startsWith(QStringLiteral("givenName"), text),
            ODataFilter::startsWith(QStringLiteral("surname"), text),
            ODataFilter::startsWith(QStringLiteral("mail"), text),
            ODataFilter::startsWith(QStringLiteral("userPrincipalName"), text)});
        request.addQueryItem(QStringLiteral("$filter"), filter.toString());
    }
    return request;
}

GraphRequest DirectoryEndpoints::getUserRequest(const QString& idOrUserPrincipalName, const QStringList& select)
{
    if (idOrUserPrincipalName.trimmed().isEmpty()) {
        return invalidRequest(QStringLiteral("/users"), QStringLiteral("no user id or user principal name was given."));
    }
    GraphRequest request
        = GraphRequest::get(QStringLiteral("/users/") + GraphRequest::pathSegment(idOrUserPrincipalName));
    request.setPathTemplate(QStringLiteral("/users/{id}"));
    applySelect(request, select);
    return request;
}

GraphRequest DirectoryEndpoints::listGroupsRequest(
    const QString& displayNameEquals, const QStringList& select, int pageSize)
{
    GraphRequest request = GraphRequest::get(QStringLiteral("/groups"));
    applySelect(request, select.isEmpty() ? defaultGroupSelect() : select);
    applyPageSize(request, pageSize);
    if (!displayNameEquals.isEmpty()) {
        request.addQueryItem(
            QStringLiteral("$filter"), ODataFilter::eq(QStringLiteral("displayName"), displayNameEquals).toString());
    }
    return request;
}

GraphRequest DirectoryEndpoints::groupMembersRequest(
    const QString& groupId, bool transitive, const QStringList& select, int pageSize)
{
    const QString relation = transitive ? QStringLiteral("/transitiveMembers") : QStringLiteral("/members");
    if (groupId.trimmed().isEmpty()) {
        return invalidRequest(QStringLiteral("/groups"), QStringLiteral("no group id was given."));
    }
    GraphRequest request
        = GraphRequest::get(QStringLiteral("/groups/") + GraphRequest::pathSegment(groupId) + relation);
    request.setPathTemplate(QStringLiteral("/groups/{id}") + relation);
    applySelect(request, select);
    applyPageSize(request, pageSize);
    return request;
}

GraphRequest DirectoryEndpoints::licenseDetailsRequest(const QString& userId)
{
    if (userId.trimmed().isEmpty()) {
        return invalidRequest(QStringLiteral("/users"), QStringLiteral("no user id was given."));
    }
    GraphRequest request = GraphRequest::get(
        QStringLiteral("/users/") + GraphRequest::pathSegment(userId) + QStringLiteral("/licenseDetails"));
    request.setPathTemplate(QStringLiteral("/users/{id}/licenseDetails"));
    return request;
}

GraphRequest DirectoryEndpoints::subscribedSkusRequest()
{
    return GraphRequest::get(QStringLiteral("/subscribedSkus"));
}

GraphRequest DirectoryEndpoints::organizationRequest()
{
    return GraphRequest::get(QStringLiteral("/organization"));
}

GraphRequest DirectoryEndpoints::countUsersRequest()
{
    GraphRequest request = GraphRequest::get(QStringLiteral("/users/$count"));
    request.setHeader(QByteArrayLiteral("ConsistencyLevel"), QByteArrayLiteral("eventual"));
    // $count answers text/plain.
    request.setHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/plain"));
    return request;
}

PageReader* DirectoryEndpoints::listUsers(const UserListOptions& options, QObject* parent) const
{
    return new PageReader(m_client, listUsersRequest(options), parent);
}

GraphCall* DirectoryEndpoints::getUser(const QString& idOrUserPrincipalName, const QStringList& select) const
{
    return m_client.send(getUserRequest(idOrUserPrincipalName, select));
}

PageReader* DirectoryEndpoints::listGroups(const QString& displayNameEquals, QObject* parent) const
{
    return new PageReader(m_client, listGroupsRequest(displayNameEquals), parent);
}

PageReader* DirectoryEndpoints::listGroupMembers(
    const QString& groupId, bool transitive, QObject* parent, const QStringList& select) const
{
    return new PageReader(m_client, groupMembersRequest(groupId, transitive, select), parent);
}

PageReader* DirectoryEndpoints::listLicenseDetails(const QString& userId, QObject* parent) const
{
    return new PageReader(m_client, licenseDetailsRequest(userId), parent);
}

GraphCall* DirectoryEndpoints::getSubscribedSkus() const
{
    return m_client.send(subscribedSkusRequest());
}

GraphCall* DirectoryEndpoints::getOrganization() const
{
    return m_client.send(organizationRequest());
}

GraphCall* DirectoryEndpoints::countUsers() const
{
    return m_client.send(countUsersRequest());
}

QList<model::DirectoryUser> DirectoryEndpoints::parseUsers(const QJsonArray& page)
{
    return parseArray<model::DirectoryUser>(page);
}

QList<model::DirectoryGroup> DirectoryEndpoints::parseGroups(const QJsonArray& page)
{
    return parseArray<model::DirectoryGroup>(page);
}

QList<model::LicenseDetail> DirectoryEndpoints::parseLicenseDetails(const QJsonArray& page)
{
    return parseArray<model::LicenseDetail>(page);
}

QList<model::SubscribedSku> DirectoryEndpoints::parseSubscribedSkus(const GraphResponse& response)
{
    return parseArray<model::SubscribedSku>(response.json().value(QStringLiteral("value")).toArray());
}

std::optional<model::Organization> DirectoryEndpoints::parseOrganization(const GraphResponse& response)
{
    if (!response.isSuccess()) {
        return std::nullopt;
    }
    model::Organization organization = model::Organization::fromJson(response.json());
    if (organization.id.isEmpty()) {
        return std::nullopt;
    }
    return organization;
}

std::optional<qint64> DirectoryEndpoints::parseCount(const GraphResponse& response)
{
    bool ok = false;
    const qint64 count = response.rawBody().trimmed().toLongLong(&ok);
    if (!response.isSuccess() || !ok || count < 0) {
        return std::nullopt;
    }
    return count;
}

} // namespace tb::graph
