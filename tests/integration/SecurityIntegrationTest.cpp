// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthError.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/Authority.h"
#include "core/auth/AuthorityInfo.h"
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"
#include "core/setup/UserListing.h"
#include "core/sync/Preview.h"
#include "core/sync/UserPreview.h"
#include "tests/support/ConfiguredPair.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/TamperingProxy.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace tb::graph;
using tb::test::ConfiguredPair;
using tb::test::GraphWait;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;
using tb::test::TamperingProxy;

namespace {

tbsandbox::SandboxOptions twoTenants()
{
    tbsandbox::SandboxOptions options;
    options.loadSeeds = false;
    options.generatedTenants = {{QStringLiteral("alpha"), 30}, {QStringLiteral("beta"), 30}};
    return options;
}

// Pasted into startswith(displayName, '…') or into "property eq '…'" without escaping, these would match everyone.
const QString kLeaveStartsWith = QStringLiteral("x') or startswith(displayName, '");
const QString kLeaveEquals = QStringLiteral("x' or startswith(displayName,'') or displayName eq '");

// Text a person can type into a search box, a group or stage name, or that a tenant holds in a mail address, each
// trying to leave its literal: a lone quote, a closing quote with a clause, parentheses, URL metacharacters that
// would split or end the query, and Unicode around a quote.
const QStringList kHostileTexts {QStringLiteral("'"), QStringLiteral("''"),
    QStringLiteral("x' or 1 eq 1 or displayName eq 'y"), QStringLiteral("') or (1 eq 1"),
    QStringLiteral("O'Brien' or '1' eq '1"), QStringLiteral("%27 or 1 eq 1"), QStringLiteral("%"),
    QStringLiteral("&$filter=true"), QStringLiteral("#' or true or '"), QStringLiteral("a)(b"),
    QStringLiteral("\u65e5\u672c' or true or '"), QStringLiteral("\\' or true or '\\"), kLeaveStartsWith, kLeaveEquals};

// Seeded next to the usual ones: a person, a group and a guest whose names hold every character above, so a search
// for the exact literal finds exactly them (and a broken escape would show as a miss or as extra rows).
const QString kHostileUserId = QStringLiteral("0b0e0000-0000-4000-8000-00000000a001");
const QString kHostileName = QStringLiteral("O'Brien (R&D) 100% #1 Zo\u00eb \u65e5\u672c");
const QString kHostileUpn = QStringLiteral("obrien@contoso.onmicrosoft.com");
const QString kHostileMail = QStringLiteral("o'brien+r&d#1%@contoso.com");
const QString kMalloryUpn = QStringLiteral("mallory.filter@contoso.onmicrosoft.com");
// A mail that would match every target user if it left its literal.
const QString kMalloryMail = QStringLiteral("x@contoso.com' or startswith(mail,'') or mail eq 'y");
const QString kHostileGroupId = QStringLiteral("0b0e0000-0000-4000-8000-00000000a0a1");
const QString kHostileGroup = QStringLiteral("R&D (EMEA) 'Core' #1 100% \u00dcn\u00ef");
const QString kHostileGuestId = QStringLiteral("0b0e0000-0000-4000-8000-00000000b001");

// The Contoso and Fabrikam seeds with the hostile objects above added; the sandbox loads them with --seed.
class HostileSeeds
{
public:
    HostileSeeds()
    {
        REQUIRE(m_dir.isValid());
        QJsonObject contoso = read(QStringLiteral("contoso.json"));
        QJsonArray users = contoso.value(QLatin1String("users")).toArray();
        const QJsonObject member = users.at(1).toObject(); // a licensed, enabled member
        users.append(person(member, kHostileUserId, kHostileName, kHostileUpn, kHostileMail));
        users.append(person(member, QStringLiteral("0b0e0000-0000-4000-8000-00000000a002"),
            QStringLiteral("Mallory Filter"), kMalloryUpn, kMalloryMail));
        contoso.insert(QStringLiteral("users"), users);
        QJsonArray groups = contoso.value(QLatin1String("groups")).toArray();
        QJsonObject group = groups.at(0).toObject();
        group.insert(QStringLiteral("id"), kHostileGroupId);
        group.insert(QStringLiteral("displayName"), kHostileGroup);
        group.insert(QStringLiteral("mailNickname"), QStringLiteral("hostile"));
        group.insert(QStringLiteral("members"), QJsonArray {kHostileUserId});
        groups.append(group);
        contoso.insert(QStringLiteral("groups"), groups);
        write(QStringLiteral("contoso.json"), contoso);

        QJsonObject fabrikam = read(QStringLiteral("fabrikam.json"));
        QJsonArray targetUsers = fabrikam.value(QLatin1String("users")).toArray();
        QJsonObject guest;
        for (const QJsonValue& user : std::as_const(targetUsers)) {
            if (user.toObject().value(QLatin1String("externalUserState")).toString() == QLatin1String("Accepted")) {
                guest = user.toObject();
                break;
            }
        }
        REQUIRE_FALSE(guest.isEmpty());
        guest = person(guest, kHostileGuestId, QStringLiteral("O'Brien (guest)"),
            QStringLiteral("o'brien+r&d#1%_contoso.com#EXT#@fabrikam.onmicrosoft.com"), kHostileMail);
        targetUsers.append(guest);
        fabrikam.insert(QStringLiteral("users"), targetUsers);
        write(QStringLiteral("fabrikam.json"), fabrikam);
    }

    [[nodiscard]] tbsandbox::SandboxOptions options() const
    {
        tbsandbox::SandboxOptions options = ConfiguredPair::onDemandCycles();
        options.seedDirectory = m_dir.path();
        return options;
    }

private:
    static QJsonObject person(
        QJsonObject user, const QString& id, const QString& name, const QString& upn, const QString& mail)
    {
        user.insert(QStringLiteral("id"), id);
        user.insert(QStringLiteral("displayName"), name);
        user.insert(QStringLiteral("userPrincipalName"), upn);
        user.insert(QStringLiteral("mail"), mail);
        user.insert(QStringLiteral("givenName"), name.section(QLatin1Char(' '), 0, 0));
        user.insert(QStringLiteral("surname"), QStringLiteral("Hostile"));
        return user;
    }
    static QJsonObject read(const QString& name)
    {
        QFile file(QStringLiteral(TB_SOURCE_DIR "/resources/sandbox/") + name);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    void write(const QString& name, const QJsonObject& json) const
    {
        QFile file(m_dir.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
    }

    QTemporaryDir m_dir;
};

// The ids of what a reader listed, or a failed check naming the error.
QStringList idsOf(const GraphWait::Pages& pages)
{
    REQUIRE(pages.result.has_value());
    INFO(pages.result->error.toLogString().toStdString());
    CHECK(pages.result->isComplete());
    QStringList ids;
    for (const QJsonObject& item : pages.items) {
        ids.append(item.value(QLatin1String("id")).toString());
    }
    return ids;
}

// text as an OData literal must show it to the service: quotes doubled, nothing else changed.
QString literal(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

// The $filter of the newest request the sandbox logged on a path ending with pathEnd.
QString lastFilter(SandboxFixture& fixture, qint64 since, const QString& pathEnd)
{
    QString filter;
    for (const auto& entry : fixture.requestLog(since)) {
        if (entry.path().endsWith(pathEnd)) {
            filter = entry.queryValue(QStringLiteral("$filter"));
        }
    }
    return filter;
}

struct Listed
{
    QStringList userIds;
    bool groupMissing = false;
};

Listed listUsers(GraphClient& client, const tb::setup::UserListingQuery& query)
{
    DirectoryEndpoints directory(client);
    tb::setup::UserListing listing(directory, query);
    Listed listed;
    QObject::connect(
        &listing, &tb::setup::UserListing::usersReceived, [&listed](const QList<tb::model::DirectoryUser>& users) {
            for (const auto& user : users) {
                listed.userIds.append(user.id);
            }
        });
    QSignalSpy finished(&listing, &tb::setup::UserListing::finished);
    listing.start();
    REQUIRE(SignalWaiter::waitForCount(finished));
    const auto error = finished.first().first().value<GraphError>();
    INFO(error.toLogString().toStdString());
    CHECK_FALSE(error.isError());
    listed.groupMissing = listing.isGroupMissing();
    return listed;
}

} // namespace

TEST_CASE("GraphClient refuses http to a non-loopback host before anything is sent", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const qint64 before = fixture.lastSeq();
    GraphClient::Settings settings = fixture.settingsFor(tenantId);
    settings.baseUrl = QUrl(QStringLiteral("http://graph.example.com"));
    auto client = fixture.makeClient(tenantId, fixture.tokens(), settings);
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::InsecureUrl);
    CHECK(response->attempts() == 0);
    CHECK(fixture.requestLog(before).isEmpty());
}

TEST_CASE("A filter injection through the search and group helpers finds nothing", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const QString attack = QStringLiteral("x' or 1 eq 1 or displayName eq 'y");
    const qint64 before = fixture.lastSeq();
    DirectoryEndpoints directory(*fixture.client(tenantId));

    DirectoryEndpoints::UserListOptions options;
    options.searchText = attack;
    const auto users = GraphWait::readAll(directory.listUsers(options, nullptr));
    REQUIRE(users.result.has_value());
    INFO(users.result->error.toLogString().toStdString());
    CHECK(users.result->isComplete());
    CHECK(users.items.isEmpty());

    const auto groups = GraphWait::readAll(directory.listGroups(attack, nullptr));
    REQUIRE(groups.result.has_value());
    CHECK(groups.result->isComplete());
    CHECK(groups.items.isEmpty());

    // The sandbox saw the quote doubled, inside one literal.
    int seen = 0;
    for (const auto& entry : fixture.requestLog(before)) {
        const QString filter = entry.queryValue(QStringLiteral("$filter"));
        if (entry.path().endsWith(QStringLiteral("/users"))) {
            CHECK(filter.contains(QStringLiteral("startswith(displayName, 'x'' or 1 eq 1 or displayName eq ''y')")));
            ++seen;
        } else if (entry.path().endsWith(QStringLiteral("/groups"))) {
            CHECK(filter == QStringLiteral("displayName eq 'x'' or 1 eq 1 or displayName eq ''y'"));
            ++seen;
        }
    }
    CHECK(seen == 2);
}

TEST_CASE("A wrong token gives an Auth error that tells the user to sign in again", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;
    const qint64 before = fixture.lastSeq();
    tb::auth::StaticTokenSource wrong({{tenantId, QStringLiteral("not-a-valid-token")}});
    auto client = fixture.makeClient(tenantId, wrong, {});
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->error().kind() == GraphError::Kind::Auth);
    CHECK(response->httpStatus() == 401);
    CHECK(response->error().code() == QStringLiteral("InvalidAuthenticationToken"));
    CHECK(response->error().userMessage().contains(QStringLiteral("Sign in")));
    CHECK_FALSE(response->error().userMessage().contains(QStringLiteral("not-a-valid-token")));
    CHECK(wrong.rejectedCount() == 1);
    // The static source had no newer token, so the 401 was not sent a second time.
    CHECK(response->attempts() == 1);
    CHECK(fixture.requestLog(before).size() == 1);
}

TEST_CASE("A client for tenant A with tenant B's token gets 403", "[integration][graph]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const auto alpha = fixture.tenant(QStringLiteral("alpha"));
    const auto beta = fixture.tenant(QStringLiteral("beta"));
    REQUIRE(alpha.has_value());
    REQUIRE(beta.has_value());
    // The fixture signed in to both tenants: beta's token is a valid token of the wrong tenant.
    const QString betaToken = fixture.accessToken(beta->tenant.id);
    REQUIRE(!betaToken.isEmpty());
    tb::auth::StaticTokenSource crossed({{alpha->tenant.id, betaToken}});
    auto client = fixture.makeClient(alpha->tenant.id, crossed, {});
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK(response->httpStatus() == 403);
    CHECK(response->error().kind() == GraphError::Kind::AccessDenied);
    CHECK(response->error().code() == QStringLiteral("Authorization_RequestDenied"));
    CHECK_FALSE(response->error().requestId().isEmpty());
    CHECK(response->error().userMessage().contains(QStringLiteral("not allowed")));
}

// Every place the client builds a $filter, with text a person types or a tenant holds (issue 9): the user search
// (users --search, the directory and test-users pages: DirectoryEndpoints::listUsersRequest), the group by display
// name (users --group, preview --group, test-sync --group, rollout plan --stage and the rollout page:
// listGroupsRequest, through UserListing for users), the preview's target lookup by mail (sync::Preview), and the
// provisioning-log and directory-audit fields (logs fetch, trace, the user timeline, the rollout watcher, cleanup:
// ProvisioningLogEndpoints). The other filters hold only constants (applicationTemplateId, userType, creationType).
// Each hostile text finds nothing, the sandbox sees it as one literal with its quotes doubled, and the exact literal
// of a seeded name finds exactly its object.
TEST_CASE("Hostile text in every field that reaches a $filter finds nothing, and the exact literal finds exactly its "
          "object",
    "[integration][graph][injection]")
{
    const HostileSeeds seeds;
    ConfiguredPair pair(seeds.options());
    SandboxFixture& fixture = pair.fixture;
    DirectoryEndpoints directory(*pair.sourceClient);

    SECTION("user search and group name")
    {
        for (const QString& text : kHostileTexts) {
            INFO("hostile text: " << text.toStdString());
            const qint64 before = fixture.lastSeq();
            DirectoryEndpoints::UserListOptions options;
            options.searchText = text;
            CHECK(idsOf(GraphWait::readAll(directory.listUsers(options, nullptr))).isEmpty());
            CHECK(lastFilter(fixture, before, QStringLiteral("/users"))
                      .startsWith(QStringLiteral("(startswith(displayName, ") + literal(text) + QLatin1Char(')')));
            CHECK(idsOf(GraphWait::readAll(directory.listGroups(text, nullptr))).isEmpty());
            CHECK(lastFilter(fixture, before, QStringLiteral("/groups"))
                == QStringLiteral("displayName eq ") + literal(text));

            tb::setup::UserListingQuery byGroup;
            byGroup.groupName = text;
            const Listed group = listUsers(*pair.sourceClient, byGroup);
            CHECK(group.groupMissing);
            CHECK(group.userIds.isEmpty());
        }
        // Pasted in without the escape, the same texts do leave their literal and list everyone: "finds nothing"
        // above is the escape's doing, not a service that ignores the clause.
        const auto unescaped = [&pair](const QString& path, const QString& filter) {
            GraphRequest request = GraphRequest::get(path);
            request.addQueryItem(QStringLiteral("$filter"), filter);
            return idsOf(GraphWait::readAll(new PageReader(*pair.sourceClient, request, nullptr))).size();
        };
        CHECK(unescaped(QStringLiteral("/users"), QStringLiteral("startswith(displayName, '%1')").arg(kLeaveStartsWith))
            > 100);
        CHECK(unescaped(QStringLiteral("/groups"), QStringLiteral("displayName eq '%1'").arg(kLeaveEquals)) > 1);

        // The names themselves, quotes, parentheses, %, &, # and all.
        DirectoryEndpoints::UserListOptions exact;
        exact.searchText = kHostileName;
        CHECK(idsOf(GraphWait::readAll(directory.listUsers(exact, nullptr))) == QStringList {kHostileUserId});
        exact.searchText = kHostileMail.left(16);
        CHECK(idsOf(GraphWait::readAll(directory.listUsers(exact, nullptr))) == QStringList {kHostileUserId});
        CHECK(idsOf(GraphWait::readAll(directory.listGroups(kHostileGroup, nullptr))) == QStringList {kHostileGroupId});
        tb::setup::UserListingQuery byGroup;
        byGroup.groupName = kHostileGroup;
        const Listed members = listUsers(*pair.sourceClient, byGroup);
        CHECK_FALSE(members.groupMissing);
        CHECK(members.userIds == QStringList {kHostileUserId});
    }

    SECTION("the preview's lookup of the target user by mail")
    {
        tb::sync::Preview preview(*pair.sourceClient, *pair.targetClient);
        QSignalSpy finished(&preview, &tb::sync::Preview::finished);
        QSignalSpy failed(&preview, &tb::sync::Preview::failed);
        const qint64 before = fixture.lastSeq();
        REQUIRE(preview.start(pair.servicePrincipalId, pair.jobId, {kHostileUpn, kMalloryUpn}));
        REQUIRE(SignalWaiter::waitUntil([&] { return !finished.isEmpty() || !failed.isEmpty(); }));
        REQUIRE(failed.isEmpty());
        const auto previews = finished.first().first().value<QList<tb::sync::UserPreview>>();
        REQUIRE(previews.size() == 2);
        for (const tb::sync::UserPreview& one : previews) {
            INFO(one.userPrincipalName.toStdString() << ": " << one.matchReason.toStdString());
            if (one.userPrincipalName == kHostileUpn) {
                // Exactly the guest with that mail, quote, &, # and % included.
                CHECK(one.match == tb::sync::UserPreview::Match::ExistingGuest);
                CHECK(one.targetUserId == kHostileGuestId);
            } else {
                // Its mail tries to match every target user; as one literal it matches none.
                CHECK(one.match == tb::sync::UserPreview::Match::New);
                CHECK(one.targetUserId.isEmpty());
            }
        }
        QStringList mailFilters;
        for (const auto& entry : fixture.requestLog(before)) {
            if (entry.path().endsWith(QStringLiteral("/users"))) {
                mailFilters.append(entry.queryValue(QStringLiteral("$filter")));
            }
        }
        mailFilters.sort();
        CHECK(mailFilters
            == QStringList {QStringLiteral("mail eq ") + literal(kHostileMail),
                QStringLiteral("mail eq ") + literal(kMalloryMail)});
    }

    SECTION("provisioning-log and directory-audit fields")
    {
        pair.assign(pair.sourceUserId(QStringLiteral("adele.vance@contoso.onmicrosoft.com")));
        pair.startJob();
        REQUIRE(fixture.runSyncCycle() >= 1);
        const ProvisioningLogEndpoints sourceLogs(*pair.sourceClient);
        ProvisioningLogEndpoints::ProvisioningLogQuery real;
        real.jobId = pair.jobId;
        const QStringList all = idsOf(GraphWait::readAll(sourceLogs.provisioningLogs(real, nullptr)));
        REQUIRE_FALSE(all.isEmpty());
        // A clause that, outside its literal, would match every record of the job.
        const QString orJob = QStringLiteral("x' or jobId eq '") + pair.jobId;
        // Pasted in without the escape, it lists the job's records.
        {
            GraphRequest request = GraphRequest::get(QStringLiteral("/auditLogs/provisioning"));
            request.addQueryItem(QStringLiteral("$filter"), QStringLiteral("cycleId eq '%1'").arg(orJob));
            CHECK(idsOf(GraphWait::readAll(new PageReader(*pair.sourceClient, request, nullptr))).size() == all.size());
        }
        QStringList texts = kHostileTexts;
        texts.append(orJob);
        for (const QString& text : std::as_const(texts)) {
            INFO("hostile text: " << text.toStdString());
            const auto fields = {&ProvisioningLogEndpoints::ProvisioningLogQuery::jobId,
                &ProvisioningLogEndpoints::ProvisioningLogQuery::servicePrincipalId,
                &ProvisioningLogEndpoints::ProvisioningLogQuery::sourceIdentityId,
                &ProvisioningLogEndpoints::ProvisioningLogQuery::cycleId,
                &ProvisioningLogEndpoints::ProvisioningLogQuery::status};
            for (const auto field : fields) {
                ProvisioningLogEndpoints::ProvisioningLogQuery query = real;
                query.*field = text;
                const qint64 before = fixture.lastSeq();
                CHECK(idsOf(GraphWait::readAll(sourceLogs.provisioningLogs(query, nullptr))).isEmpty());
                // The status is lower-cased first (Graph compares the enum case-sensitively).
                const QString expected = field == &ProvisioningLogEndpoints::ProvisioningLogQuery::status
                    ? literal(text.trimmed().toLower())
                    : literal(text.trimmed());
                CHECK(lastFilter(fixture, before, QStringLiteral("/auditLogs/provisioning")).contains(expected));
            }
        }

        const ProvisioningLogEndpoints targetLogs(*pair.targetClient);
        ProvisioningLogEndpoints::DirectoryAuditQuery audits;
        const QStringList allAudits = idsOf(GraphWait::readAll(targetLogs.directoryAudits(audits, nullptr)));
        REQUIRE_FALSE(allAudits.isEmpty());
        QStringList auditTexts = kHostileTexts;
        auditTexts.append(QStringLiteral("x' or category ne 'x"));
        for (const QString& text : std::as_const(auditTexts)) {
            INFO("hostile text: " << text.toStdString());
            const auto fields = {&ProvisioningLogEndpoints::DirectoryAuditQuery::category,
                &ProvisioningLogEndpoints::DirectoryAuditQuery::correlationId,
                &ProvisioningLogEndpoints::DirectoryAuditQuery::loggedByService};
            for (const auto field : fields) {
                ProvisioningLogEndpoints::DirectoryAuditQuery query;
                query.*field = text;
                const qint64 before = fixture.lastSeq();
                CHECK(idsOf(GraphWait::readAll(targetLogs.directoryAudits(query, nullptr))).isEmpty());
                CHECK(lastFilter(fixture, before, QStringLiteral("/auditLogs/directoryAudits"))
                          .contains(literal(text.trimmed())));
            }
        }
    }

    SECTION("a tenant id in a key literal and a user in a path segment")
    {
        // findTenantInformationByTenantId(tenantId='…') lets only a GUID in: nothing is sent.
        const qint64 before = fixture.lastSeq();
        for (const QString& text : kHostileTexts) {
            const auto response
                = GraphWait::response(pair.sourceClient->send(PolicyEndpoints::findTenantInformationRequest(text)));
            REQUIRE(response.has_value());
            CHECK(response->error().kind() == GraphError::Kind::InvalidRequest);
        }
        CHECK(fixture.requestLog(before).isEmpty());
        // A user id or UPN (trace USER, preview --user) stays one path segment: no other path, no query.
        for (const QString& text : {QStringLiteral("x/../../groups"), QStringLiteral("x?$filter=true"),
                 QStringLiteral("x#"), QStringLiteral("x' or 1 eq 1")}) {
            const auto response
                = GraphWait::response(pair.sourceClient->send(DirectoryEndpoints::getUserRequest(text, {})));
            REQUIRE(response.has_value());
            CHECK(response->httpStatus() == 404);
            CHECK_FALSE(response->json().contains(QLatin1String("value")));
        }
    }
}

namespace {

// A GraphClient for tenantId that talks to the sandbox through proxy (same tenant path, the proxy's port).
std::unique_ptr<GraphClient> clientThrough(
    SandboxFixture& fixture, const TamperingProxy& proxy, const QString& tenantId)
{
    GraphClient::Settings settings = fixture.settingsFor(tenantId);
    QUrl base = settings.baseUrl;
    base.setPort(proxy.url().port());
    settings.baseUrl = base;
    return fixture.makeClient(tenantId, fixture.tokens(), settings);
}

// The first page of /users comes back with its @odata.nextLink replaced by link ("{port}" is the proxy's port).
GraphWait::Pages readWithNextLink(
    SandboxFixture& fixture, const QString& tenantId, const QString& link, int* requestsSeen)
{
    TamperingProxy proxy(fixture.sandboxUrl());
    QString error;
    REQUIRE(proxy.listen(&error));
    if (!link.isEmpty()) {
        const QString replacement
            = QString(link).replace(QStringLiteral("{port}"), QString::number(proxy.url().port()));
        proxy.setRewrite([replacement](const TamperingProxy::Exchange&, QByteArray&, QByteArray& body) {
            QJsonObject page = QJsonDocument::fromJson(body).object();
            if (page.contains(QLatin1String("@odata.nextLink"))) {
                page.insert(QStringLiteral("@odata.nextLink"), replacement);
                body = QJsonDocument(page).toJson(QJsonDocument::Compact);
            }
        });
    }
    auto client = clientThrough(fixture, proxy, tenantId);
    DirectoryEndpoints::UserListOptions options;
    options.pageSize = 5;
    GraphWait::Pages pages = GraphWait::readAll(DirectoryEndpoints(*client).listUsers(options, nullptr));
    *requestsSeen = static_cast<int>(proxy.requestCount());
    return pages;
}

} // namespace

// Graph hands out @odata.nextLink on the host the list was read from ("Paging Microsoft Graph data in your app":
// follow the URL as given; it is always https://graph.microsoft.com or the national cloud's host). The link carries
// the tenant's bearer token wherever it points, so PageReader follows it only to the same scheme, host and port:
// an http link to another host is refused, and so is an https link to another host (Graph never sends one; a service
// that does is not to be trusted with the token), another port, a user-info trick and a relative link.
TEST_CASE("A next page link to another origin is not followed, whatever its scheme", "[integration][graph][url]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const QString tenantId = fixture.tenant(QStringLiteral("alpha"))->tenant.id;

    int requests = 0;
    // Untouched, the same proxy lets every page through: 30 users in 6 pages.
    const GraphWait::Pages untouched = readWithNextLink(fixture, tenantId, QString(), &requests);
    CHECK(idsOf(untouched).size() == 30);
    CHECK(requests == 6);

    for (const QString& link : {QStringLiteral("http://evil.example/v1.0/users?$skiptoken=x"),
             QStringLiteral("https://evil.example/v1.0/users?$skiptoken=x"),
             QStringLiteral("https://graph.microsoft.com/v1.0/users?$skiptoken=x"),
             QStringLiteral("http://127.0.0.1:1/v1.0/users?$skiptoken=x"),
             QStringLiteral("http://127.0.0.1:{port}@evil.example/v1.0/users?$skiptoken=x"),
             QStringLiteral("http://localhost:{port}/v1.0/users?$skiptoken=x"),
             QStringLiteral("/v1.0/users?$skiptoken=x"), QStringLiteral("javascript:alert(1)")}) {
        INFO("next link: " << link.toStdString());
        const GraphWait::Pages pages = readWithNextLink(fixture, tenantId, link, &requests);
        REQUIRE(pages.result.has_value());
        CHECK(pages.items.size() == 5); // the first page is delivered
        CHECK(pages.result->error.kind() == GraphError::Kind::InsecureUrl);
        CHECK(requests == 1); // and nothing was sent for the second
    }
}

TEST_CASE("A redirect to http on another host is followed neither by Graph calls nor by the sign-in discovery",
    "[integration][graph][url]")
{
    SandboxFixture fixture(twoTenants());
    REQUIRE(fixture.isReady());
    const auto alpha = fixture.tenant(QStringLiteral("alpha"));
    TamperingProxy proxy(fixture.sandboxUrl());
    QString error;
    REQUIRE(proxy.listen(&error));
    proxy.setRewrite([](const TamperingProxy::Exchange&, QByteArray& head, QByteArray& body) {
        head = QByteArrayLiteral("HTTP/1.1 302 Found\r\nLocation: http://evil.example/steal");
        body.clear();
    });

    auto client = clientThrough(fixture, proxy, alpha->tenant.id);
    const auto response = GraphWait::response(client->send(DirectoryEndpoints::organizationRequest()));
    REQUIRE(response.has_value());
    CHECK_FALSE(response->isSuccess());
    CHECK(response->httpStatus() == 302);
    CHECK(proxy.requestCount() == 1);

    tb::auth::AuthSettings settings;
    settings.loginHost = proxy.url();
    settings.profile = QStringLiteral("integration");
    tb::auth::Authority authority(fixture.network(), settings, alpha->tenant.id);
    std::optional<tb::auth::AuthError> outcome;
    QObject::connect(&authority, &tb::auth::Authority::finished,
        [&outcome](const tb::auth::AuthorityInfo&, const tb::auth::AuthError& failure) { outcome = failure; });
    authority.start();
    REQUIRE(SignalWaiter::waitUntil([&outcome] { return outcome.has_value(); }));
    INFO(outcome->userMessage.toStdString());
    CHECK(outcome->isError());
    CHECK(proxy.requestCount() == 2);
}
