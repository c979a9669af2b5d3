// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/StaticTokenSource.h"
#include "core/setup/Preflight.h"
#include "tests/support/SandboxFixture.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

using tb::auth::Account;
using tb::graph::GraphClient;
using tb::setup::Preflight;
using tb::setup::PreflightCheck;
using tb::setup::PreflightReport;
using tb::test::SandboxFixture;
using tb::test::SignalWaiter;
using Outcome = PreflightCheck::Outcome;

namespace {

const QStringList kScopes = {QStringLiteral("User.Read"), QStringLiteral("Policy.ReadWrite.CrossTenantAccess"),
    QStringLiteral("RoleManagement.Read.Directory"), QStringLiteral("OrgContact.Read.All")};

Account accountFor(const tb::model::Tenant& tenant, const QString& user)
{
    Account account;
    account.homeAccountId = QStringLiteral("oid.") + tenant.id;
    account.tenantId = tenant.id;
    account.username = user;
    account.cloudName = tenant.cloud.name();
    for (const QString& scope : kScopes) {
        account.grantedScopes.append(scope.toLower());
    }
    return account;
}

Preflight::Input inputFor(const SandboxFixture& fixture, const QString& source, const QString& target)
{
    Preflight::Input input;
    input.state.source = fixture.tenant(source)->tenant;
    input.state.target = fixture.tenant(target)->tenant;
    input.sourceAccount = accountFor(input.state.source, QStringLiteral("admin@") + input.state.source.initialDomain);
    input.targetAccount = accountFor(input.state.target, QStringLiteral("admin@") + input.state.target.initialDomain);
    input.sourceSetupScopes = kScopes;
    input.targetSetupScopes = kScopes;
    return input;
}

std::optional<PreflightReport> runPreflight(GraphClient* source, GraphClient* target, const Preflight::Input& input)
{
    Preflight preflight(source, target);
    std::optional<PreflightReport> report;
    int finishedSignals = 0;
    QObject::connect(&preflight, &Preflight::finished, [&](const PreflightReport& received) {
        report = received;
        ++finishedSignals;
    });
    preflight.run(input);
    CHECK(preflight.isRunning());
    if (!SignalWaiter::waitUntil([&] { return report.has_value(); })) {
        return std::nullopt;
    }
    CHECK_FALSE(preflight.isRunning());
    CHECK(finishedSignals == 1);
    return report;
}

PreflightCheck checkOf(const PreflightReport& report, const char* id)
{
    const std::optional<PreflightCheck> check = report.check(QLatin1String(id));
    if (!check) {
        FAIL("the report has no check " << id);
        return {};
    }
    INFO(id << ": " << check->sentence.toStdString() << " | "
            << check->details.join(QStringLiteral("; ")).toStdString());
    return *check;
}

bool detailsMention(const PreflightCheck& check, const QString& text)
{
    return check.details.join(QLatin1Char('\n')).contains(text, Qt::CaseInsensitive);
}

// Device-code sign-in over raw HTTP as a named user (the fixture signs in as the admin), returning the token.
QString signInAs(SandboxFixture& fixture, const QString& tenantId, const QString& user)
{
    const auto send = [&fixture](const QString& path, const QByteArray& body, const QByteArray& type) {
        QUrl url = fixture.sandboxUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        QNetworkReply* reply = fixture.network().post(request, body);
        const bool finished = SignalWaiter::waitUntil([reply] { return reply->isFinished(); });
        const QJsonObject json = finished ? QJsonDocument::fromJson(reply->readAll()).object() : QJsonObject();
        reply->deleteLater();
        return json;
    };
    const auto form = [](const QList<QPair<QString, QString>>& fields) {
        QUrlQuery query;
        for (const auto& [name, value] : fields) {
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        return query.toString(QUrl::FullyEncoded).toLatin1();
    };
    const QByteArray formType = QByteArrayLiteral("application/x-www-form-urlencoded");
    const QString clientId = QStringLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
    const QJsonObject code = send(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenantId),
        form({{QStringLiteral("client_id"), clientId},
            {QStringLiteral("scope"), QStringLiteral("openid https://graph.microsoft.com/.default")}}),
        formType);
    send(QStringLiteral("/_sandbox/devicelogin/approve"),
        QJsonDocument(QJsonObject {{QStringLiteral("userCode"), code.value(QStringLiteral("user_code"))},
                          {QStringLiteral("user"), user}})
            .toJson(QJsonDocument::Compact),
        QByteArrayLiteral("application/json"));
    const QJsonObject token = send(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenantId),
        form({{QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("device_code"), code.value(QStringLiteral("device_code")).toString()}}),
        formType);
    return token.value(QStringLiteral("access_token")).toString();
}

} // namespace

TEST_CASE("Preflight of Contoso to Fabrikam: roles and licences pass, guests, contacts and partners are reported",
    "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    const Preflight::Input input = inputFor(fixture, QStringLiteral("contoso"), QStringLiteral("fabrikam"));
    const auto report
        = runPreflight(fixture.client(input.state.source.id), fixture.client(input.state.target.id), input);
    REQUIRE(report.has_value());
    INFO(QJsonDocument(report->toJson()).toJson().toStdString());

    REQUIRE(report->checks.size() == 15);
    CHECK(report->checks.first().id == QLatin1String(PreflightCheck::kSignedIn));
    CHECK(report->checks.last().id == QLatin1String(PreflightCheck::kTrustAudit));
    CHECK_FALSE(report->isBlocked());
    for (const char* id : {PreflightCheck::kSignedIn, PreflightCheck::kCloudPair, PreflightCheck::kPartnerFound,
             PreflightCheck::kSourceRoles, PreflightCheck::kTargetRoles, PreflightCheck::kSourceScopes,
             PreflightCheck::kTargetScopes, PreflightCheck::kSourceLicence, PreflightCheck::kTargetLicence,
             PreflightCheck::kAutoRedeemBothSides, PreflightCheck::kExistingGuests}) {
        CHECK(checkOf(*report, id).outcome == Outcome::Pass);
    }
    // Contoso's P1 and E5 are counted, prepaid against consumed.
    const PreflightCheck licence = checkOf(*report, PreflightCheck::kSourceLicence);
    CHECK(licence.sentence.contains(QStringLiteral("AAD_PREMIUM")));
    CHECK(licence.sentence.contains(QStringLiteral("of 280 licences assigned")));

    // The five accepted guests from Contoso are taken over, and stay Guest.
    const PreflightCheck existing = checkOf(*report, PreflightCheck::kExistingGuests);
    CHECK(existing.details.size() == 5);
    CHECK(detailsMention(existing, QStringLiteral("Zainab Okafor")));
    const PreflightCheck stay = checkOf(*report, PreflightCheck::kGuestsStayGuest);
    CHECK(stay.outcome == Outcome::Warn);
    CHECK(stay.details.size() == 5);
    CHECK(stay.fix.contains(QStringLiteral("Always")));

    const PreflightCheck pending = checkOf(*report, PreflightCheck::kPendingGuests);
    CHECK(pending.outcome == Outcome::Warn);
    CHECK(pending.details == QStringList {QStringLiteral("Bianca Berg <bianca.berg@contoso.onmicrosoft.com>")});
    CHECK(pending.fix.contains(QStringLiteral("provision on demand")));

    const PreflightCheck contacts = checkOf(*report, PreflightCheck::kContactCollisions);
    CHECK(contacts.outcome == Outcome::Warn);
    REQUIRE(contacts.details.size() == 1);
    CHECK(detailsMention(contacts, QStringLiteral("christie.hubert@contoso.onmicrosoft.com")));

    const PreflightCheck audit = checkOf(*report, PreflightCheck::kTrustAudit);
    CHECK(audit.outcome == Outcome::Warn);
    CHECK(audit.sentence.contains(QStringLiteral("Tailspin Toys")));
    REQUIRE(report->trustAudit.size() == 1);
    CHECK(report->trustAudit.first().displayName == QStringLiteral("Tailspin Toys"));
    CHECK(report->trustAudit.first().userSyncInbound);
    CHECK(report->trustAudit.first().inboundAutoRedeem);
    CHECK_FALSE(report->trustAudit.first().isThisPairsSource);
}

TEST_CASE("Preflight blocks Contoso to Northwind Gov and pairs with Woodgrove China on the cloud pair",
    "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    const auto blocks = [&fixture](const QString& source, const QString& target) {
        const Preflight::Input input = inputFor(fixture, source, target);
        const auto report
            = runPreflight(fixture.client(input.state.source.id), fixture.client(input.state.target.id), input);
        REQUIRE(report.has_value());
        CHECK(report->isBlocked());
        const PreflightCheck cloud = checkOf(*report, PreflightCheck::kCloudPair);
        CHECK(cloud.outcome == Outcome::Block);
        CHECK_FALSE(cloud.fix.isEmpty());
        return cloud.sentence;
    };
    CHECK(
        blocks(QStringLiteral("contoso"), QStringLiteral("northwindgov")).contains(QStringLiteral("different clouds")));
    CHECK(blocks(QStringLiteral("contoso"), QStringLiteral("woodgrovecn")).contains(QStringLiteral("21Vianet")));
    CHECK(blocks(QStringLiteral("woodgrovecn"), QStringLiteral("fabrikam")).contains(QStringLiteral("21Vianet")));
}

TEST_CASE("Preflight warns about the roles of a user who holds none", "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    Preflight::Input input = inputFor(fixture, QStringLiteral("contoso"), QStringLiteral("fabrikam"));
    const QString user = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
    const QString token = signInAs(fixture, input.state.source.id, user);
    REQUIRE_FALSE(token.isEmpty());
    tb::auth::StaticTokenSource tokens;
    tokens.setToken(input.state.source.id, token);
    auto source = fixture.makeClient(input.state.source.id, tokens, fixture.settingsFor(input.state.source.id));
    input.sourceAccount->username = user;

    const auto report = runPreflight(source.get(), fixture.client(input.state.target.id), input);
    REQUIRE(report.has_value());
    const PreflightCheck roles = checkOf(*report, PreflightCheck::kSourceRoles);
    CHECK(roles.outcome == Outcome::Warn);
    CHECK(roles.sentence.contains(user));
    CHECK(roles.details.size() == 4);
    CHECK(detailsMention(roles, QStringLiteral("Security Administrator: needed for the partner entry")));
    CHECK(detailsMention(roles, QStringLiteral("Hybrid Identity Administrator")));
    CHECK(roles.fix.contains(QStringLiteral("Global Administrator")));
    CHECK(checkOf(*report, PreflightCheck::kTargetRoles).outcome == Outcome::Pass);
}

TEST_CASE("Preflight turns a read that fails into a warning that says what could not be read",
    "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    const Preflight::Input input = inputFor(fixture, QStringLiteral("contoso"), QStringLiteral("fabrikam"));
    const auto rule = [&input](const QString& path) {
        return QJsonObject {
            {QStringLiteral("pathPattern"), QStringLiteral("/%1/v1.0/%2").arg(input.state.target.id, path)},
            {QStringLiteral("status"), 500}};
    };
    REQUIRE(fixture.putFaults(QJsonObject {{QStringLiteral("errors"),
        QJsonArray {rule(QStringLiteral("subscribedSkus")), rule(QStringLiteral("contacts")),
            rule(QStringLiteral("policies/crossTenantAccessPolicy/partners"))}}}));

    const auto report
        = runPreflight(fixture.client(input.state.source.id), fixture.client(input.state.target.id), input);
    REQUIRE(report.has_value());
    CHECK_FALSE(report->isBlocked());
    const PreflightCheck licence = checkOf(*report, PreflightCheck::kTargetLicence);
    CHECK(licence.outcome == Outcome::Warn);
    CHECK(licence.sentence.startsWith(QStringLiteral("Not checked: the subscriptions of Fabrikam could not be read.")));
    CHECK_FALSE(licence.fix.isEmpty());
    const PreflightCheck contacts = checkOf(*report, PreflightCheck::kContactCollisions);
    CHECK(contacts.outcome == Outcome::Warn);
    CHECK(contacts.sentence.contains(QStringLiteral("mail contacts of Fabrikam could not be read")));
    const PreflightCheck audit = checkOf(*report, PreflightCheck::kTrustAudit);
    CHECK(audit.outcome == Outcome::Warn);
    CHECK(audit.sentence.contains(QStringLiteral("partners of Fabrikam could not be read")));
    CHECK(report->trustAudit.isEmpty());
    // The reads that worked still pass.
    CHECK(checkOf(*report, PreflightCheck::kSourceLicence).outcome == Outcome::Pass);
    CHECK(checkOf(*report, PreflightCheck::kPendingGuests).outcome == Outcome::Warn);
}

TEST_CASE("Preflight without a signed-in target blocks and warns instead of reading", "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    Preflight::Input input = inputFor(fixture, QStringLiteral("contoso"), QStringLiteral("fabrikam"));
    input.targetAccount.reset();
    const auto report = runPreflight(fixture.client(input.state.source.id), nullptr, input);
    REQUIRE(report.has_value());
    CHECK(report->isBlocked());
    CHECK(checkOf(*report, PreflightCheck::kSignedIn).outcome == Outcome::Block);
    for (const char* id : {PreflightCheck::kTargetRoles, PreflightCheck::kTargetLicence, PreflightCheck::kTrustAudit,
             PreflightCheck::kPendingGuests}) {
        const PreflightCheck check = checkOf(*report, id);
        CHECK(check.outcome == Outcome::Warn);
        CHECK(check.sentence.contains(QStringLiteral("not signed in")));
    }
    CHECK(checkOf(*report, PreflightCheck::kSourceRoles).outcome == Outcome::Pass);
}

TEST_CASE("Preflight cancelled mid-way emits nothing and can run again", "[integration][setup][preflight]")
{
    SandboxFixture fixture;
    REQUIRE(fixture.isReady());
    const Preflight::Input input = inputFor(fixture, QStringLiteral("contoso"), QStringLiteral("fabrikam"));
    Preflight preflight(fixture.client(input.state.source.id), fixture.client(input.state.target.id));
    int finishedSignals = 0;
    QObject::connect(&preflight, &Preflight::finished, [&](const PreflightReport&) { ++finishedSignals; });
    preflight.run(input);
    preflight.cancel();
    CHECK_FALSE(preflight.isRunning());
    preflight.run(input);
    REQUIRE(SignalWaiter::waitUntil([&] { return finishedSignals > 0; }));
    CHECK(finishedSignals == 1);
    // A further run lets any late answer of the cancelled one arrive first: still one report per finished run.
    preflight.run(input);
    REQUIRE(SignalWaiter::waitUntil([&] { return finishedSignals > 1; }));
    CHECK(finishedSignals == 2);
    CHECK_FALSE(preflight.isRunning());
}
