// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/model/DirectoryGroup.h"
#include "core/model/DirectoryUser.h"
#include "core/model/LicenseDetail.h"
#include "core/model/Organization.h"
#include "core/model/SubscribedSku.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::graph {

class GraphCall;
class GraphClient;
class PageReader;

// Typed requests for the directory part of Graph (graph-reference.md 5): users, groups and their members,
// licences, SKUs, the organization. Each request exists twice: a pure builder (`…Request`, testable without
// a network) and a sender that returns the job. Collections come back as a PageReader that is not started
// yet (connect, then start()); single objects as a GraphCall; the static parse functions turn answers into
// model values. Holds only a reference to its client; cheap to create where needed, same thread.
//
// User search is a prefix match built as startswith(...) OR-ed over displayName, givenName, surname, mail
// and userPrincipalName, with the text escaped by ODataFilter. Chosen over $search because it needs no
// "ConsistencyLevel: eventual" (so just-created users are found), matches prefixes exactly the way the
// person typed them rather than by Graph's tokenizer, and works on every directory the client talks to.
class DirectoryEndpoints final
{
public:
    static constexpr int kDefaultPageSize = 100;
    static constexpr int kMaxPageSize = 999;

    struct UserListOptions
    {
        QString searchText; // prefix; empty lists everyone
        QStringList select; // empty: defaultUserSelect()
        int pageSize = kDefaultPageSize; // clamped to 1..999
    };

    explicit DirectoryEndpoints(GraphClient& client);

    [[nodiscard]] static QStringList defaultUserSelect();
    [[nodiscard]] static QStringList defaultGroupSelect();

    // Builders. A request that cannot be built safely (a bad property name in select, ...) comes back marked
    // invalid (GraphRequest::isValid()); sending it finishes with an InvalidRequest error, nothing is sent.
    [[nodiscard]] static GraphRequest listUsersRequest(const UserListOptions& options);
    [[nodiscard]] static GraphRequest getUserRequest(
        const QString& idOrUserPrincipalName, const QStringList& select = {});
    [[nodiscard]] static GraphRequest listGroupsRequest(
        const QString& displayNameEquals, const QStringList& select = {}, int pageSize = kDefaultPageSize);
    [[nodiscard]] static GraphRequest groupMembersRequest(
        const QString& groupId, bool transitive, const QStringList& select = {}, int pageSize = kDefaultPageSize);
    [[nodiscard]] static GraphRequest licenseDetailsRequest(const QString& userId);
    [[nodiscard]] static GraphRequest subscribedSkusRequest();
    [[nodiscard]] static GraphRequest organizationRequest();
    // GET /users/$count with ConsistencyLevel: eventual (required, graph-reference.md 8.5).
    [[nodiscard]] static GraphRequest countUsersRequest();

    // Senders: readers are parented to parent and not started; calls start on the next event-loop turn.
    [[nodiscard]] PageReader* listUsers(const UserListOptions& options, QObject* parent) const;
    [[nodiscard]] GraphCall* getUser(const QString& idOrUserPrincipalName, const QStringList& select = {}) const;
    [[nodiscard]] PageReader* listGroups(const QString& displayNameEquals, QObject* parent) const;
    // select applies to the user members (Graph leaves out what a group or device does not have).
    [[nodiscard]] PageReader* listGroupMembers(
        const QString& groupId, bool transitive, QObject* parent, const QStringList& select = {}) const;
    [[nodiscard]] PageReader* listLicenseDetails(const QString& userId, QObject* parent) const;
    [[nodiscard]] GraphCall* getSubscribedSkus() const;
    [[nodiscard]] GraphCall* getOrganization() const;
    [[nodiscard]] GraphCall* countUsers() const;

    // Parsers: tolerate odd items (they come back with empty fields, never a crash).
    [[nodiscard]] static QList<model::DirectoryUser> parseUsers(const QJsonArray& page);
    [[nodiscard]] static QList<model::DirectoryGroup> parseGroups(const QJsonArray& page);
    [[nodiscard]] static QList<model::LicenseDetail> parseLicenseDetails(const QJsonArray& page);
    [[nodiscard]] static QList<model::SubscribedSku> parseSubscribedSkus(const GraphResponse& response);
    [[nodiscard]] static std::optional<model::Organization> parseOrganization(const GraphResponse& response);
    // The number in a /$count answer (plain text); nothing when it is not a number.
    [[nodiscard]] static std::optional<qint64> parseCount(const GraphResponse& response);

private:
    GraphClient& m_client;
};

} // namespace tb::graph
