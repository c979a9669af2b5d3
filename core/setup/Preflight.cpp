// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/Preflight.h"

#include "core/auth/ScopeSet.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/ODataFilter.h"
#include "core/graph/PageReadResult.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/DirectoryRoleEndpoints.h"
#include "core/graph/endpoints/OrgContactEndpoints.h"
#include "core/graph/endpoints/PolicyEndpoints.h"
#include "core/setup/CloudPairRule.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace tb::setup {

namespace {

using Outcome = PreflightCheck::Outcome;
using graph::DirectoryRoleEndpoints;
using Role = DirectoryRoleEndpoints::DirectoryRole;

// Entra ID P1 and P2 service plans (graph-reference.md 5.2): checked by servicePlanId, never by skuId, because
// bundles (E3, E5, Business Premium) carry them too.
const QString kPlanP1 = QStringLiteral("41781fb2-bc02-4b7c-bd55-b576c07bb09d");
const QString kPlanP2 = QStringLiteral("eec0eb4f-6444-4f95-aba0-50c24d67f998");

const QList<QString> kOrder = {QLatin1String(PreflightCheck::kSignedIn), QLatin1String(PreflightCheck::kCloudPair),
    QLatin1String(PreflightCheck::kPartnerFound), QLatin1String(PreflightCheck::kSourceRoles),
    QLatin1String(PreflightCheck::kTargetRoles), QLatin1String(PreflightCheck::kSourceScopes),
    QLatin1String(PreflightCheck::kTargetScopes), QLatin1String(PreflightCheck::kSourceLicence),
    QLatin1String(PreflightCheck::kTargetLicence), QLatin1String(PreflightCheck::kAutoRedeemBothSides),
    QLatin1String(PreflightCheck::kExistingGuests), QLatin1String(PreflightCheck::kPendingGuests),
    QLatin1String(PreflightCheck::kGuestsStayGuest), QLatin1String(PreflightCheck::kContactCollisions),
    QLatin1String(PreflightCheck::kTrustAudit)};

PreflightCheck makeCheck(
    const char* id, const QString& title, Outcome outcome, const QString& sentence, const QString& fix = {})
{
    PreflightCheck check;
    check.id = QLatin1String(id);
    check.title = title;
    check.outcome = outcome;
    check.sentence = sentence;
    check.fix = outcome == Outcome::Pass ? QString() : fix;
    return check;
}

QString sourceId(const Preflight::Input& input)
{
    if (!input.state.source.id.isEmpty()) {
        return input.state.source.id;
    }
    return input.sourceAccount ? input.sourceAccount->tenantId : QString();
}

QString targetId(const Preflight::Input& input)
{
    if (!input.state.target.id.isEmpty()) {
        return input.state.target.id;
    }
    return input.targetAccount ? input.targetAccount->tenantId : QString();
}

QString tenantName(const model::Tenant& tenant, const std::optional<auth::Account>& account, const QString& fallback)
{
    if (!tenant.displayName.isEmpty()) {
        return tenant.displayName;
    }
    if (!tenant.initialDomain.isEmpty()) {
        return tenant.initialDomain;
    }
    if (account && !account->requestedTenant.isEmpty()) {
        return account->requestedTenant;
    }
    return fallback;
}

QString sourceName(const Preflight::Input& input)
{
    return tenantName(input.state.source, input.sourceAccount, QStringLiteral("the source tenant"));
}

QString targetName(const Preflight::Input& input)
{
    return tenantName(input.state.target, input.targetAccount, QStringLiteral("the target tenant"));
}

QString personName(const std::optional<auth::Account>& account)
{
    if (!account) {
        return QStringLiteral("The signed-in account");
    }
    return account->username.isEmpty() ? account->displayName : account->username;
}

// The sentence of a check that could not run because its tenant is not signed in.
PreflightCheck notSignedIn(const char* id, const QString& title, const QString& tenant)
{
    return makeCheck(id, title, Outcome::Warn, QStringLiteral("Not checked: %1 is not signed in.").arg(tenant),
        QStringLiteral("Sign in to %1, then run preflight again.").arg(tenant));
}

// A read that failed: the check warns with what could not be read and why.
PreflightCheck readFailed(const char* id, const QString& title, const QString& what, const QString& error)
{
    return makeCheck(id, title, Outcome::Warn, QStringLiteral("Not checked: %1 could not be read. %2").arg(what, error),
        QStringLiteral("Run preflight again; if it fails again, sign in again to grant the permissions listed "
                       "under the scopes checks, or ask an administrator to read it for you."));
}

QString joinNames(const QStringList& names)
{
    if (names.size() <= 1) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

PreflightCheck signedInCheck(const Preflight::Input& input)
{
    const QString title = QStringLiteral("Both tenants signed in");
    QStringList missing;
    if (!input.sourceAccount || !input.sourceAccount->isValid()) {
        missing.append(QStringLiteral("the source tenant"));
    }
    if (!input.targetAccount || !input.targetAccount->isValid()) {
        missing.append(QStringLiteral("the target tenant"));
    }
    if (!missing.isEmpty()) {
        return makeCheck(PreflightCheck::kSignedIn, title, Outcome::Block,
            QStringLiteral("%1 %2 not signed in, so nothing can be read or set up.")
                .arg(joinNames(missing), missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                .replace(0, 1, missing.first().at(0).toUpper()),
            QStringLiteral("Sign in to %1.").arg(joinNames(missing)));
    }
    if (input.sourceAccount->tenantId.compare(input.targetAccount->tenantId, Qt::CaseInsensitive) == 0) {
        return makeCheck(PreflightCheck::kSignedIn, title, Outcome::Block,
            QStringLiteral("The source and the target are the same tenant (%1); cross-tenant synchronization "
                           "copies users from one tenant into another.")
                .arg(sourceName(input)),
            QStringLiteral("Sign in to a different tenant as the target (or as the source)."));
    }
    return makeCheck(PreflightCheck::kSignedIn, title, Outcome::Pass,
        QStringLiteral("Signed in to %1 as the source and to %2 as the target.")
            .arg(sourceName(input), targetName(input)));
}

PreflightCheck cloudPairCheck(const Preflight::Input& input)
{
    const QString title = QStringLiteral("Cloud pair");
    const auto cloudOf = [](const model::Tenant& tenant, const std::optional<auth::Account>& account) {
        if (!tenant.isValid() && account) {
            if (const std::optional<model::CloudInstance> cloud = model::CloudInstance::fromName(account->cloudName)) {
                return *cloud;
            }
        }
        return tenant.cloud;
    };
    const CloudPairRule::Result result = CloudPairRule::evaluate(
        cloudOf(input.state.source, input.sourceAccount), cloudOf(input.state.target, input.targetAccount));
    return makeCheck(PreflightCheck::kCloudPair, title, result.isPass() ? Outcome::Pass : Outcome::Block,
        result.sentence, result.fix);
}

PreflightCheck scopesCheck(
    const char* id, const std::optional<auth::Account>& account, const QStringList& needed, const QString& tenant)
{
    const QString title = QStringLiteral("Permissions granted in %1").arg(tenant);
    if (!account) {
        return notSignedIn(id, title, tenant);
    }
    const QStringList missingNormal = auth::ScopeSet::missing(account->grantedScopes, needed);
    if (missingNormal.isEmpty()) {
        return makeCheck(id, title, Outcome::Pass,
            QStringLiteral("The sign-in to %1 holds every permission the setup steps use.").arg(tenant));
    }
    // Named as the steps ask for them ("Policy.Read.All"), not in the normal form.
    QStringList missing;
    for (const QString& scope : needed) {
        if (missingNormal.contains(auth::ScopeSet::normalize(scope)) && !missing.contains(scope)) {
            missing.append(scope);
        }
    }
    PreflightCheck check = makeCheck(id, title, Outcome::Warn,
        QStringLiteral("The sign-in to %1 was not granted %2, which the setup steps and preflight's reads use.")
            .arg(tenant, missing.join(QStringLiteral(", "))),
        QStringLiteral("Sign in again to grant %1.").arg(missing.join(QStringLiteral(", "))));
    check.details = missing;
    return check;
}

PreflightCheck autoRedeemCheck(const Preflight::Input& input)
{
    const QString title = QStringLiteral("Automatic redemption on both sides");
    QStringList unticked;
    if (!input.desired.targetAllowsUserSync) {
        unticked.append(QStringLiteral("%1: allow users sync into this tenant").arg(targetName(input)));
    }
    if (!input.desired.targetInboundAutoRedeem) {
        unticked.append(QStringLiteral("%1: inbound, automatically redeem invitations").arg(targetName(input)));
    }
    if (!input.desired.sourceOutboundAutoRedeem) {
        unticked.append(QStringLiteral("%1: outbound, automatically redeem invitations").arg(sourceName(input)));
    }
    if (unticked.isEmpty()) {
        return makeCheck(PreflightCheck::kAutoRedeemBothSides, title, Outcome::Pass,
            QStringLiteral("User sync is allowed into %1 and invitations are redeemed automatically on both sides, "
                           "as synchronization requires.")
                .arg(targetName(input)));
    }
    PreflightCheck check = makeCheck(PreflightCheck::kAutoRedeemBothSides, title, Outcome::Warn,
        QStringLiteral("Not ticked: %1. Synchronization needs all three; without them the connection test and the "
                       "first sync fail with AzureDirectoryB2BManagementPolicyCheckFailure, the commonest cause of a "
                       "failing first sync.")
            .arg(unticked.join(QStringLiteral("; "))),
        QStringLiteral("Tick the settings listed on the diagram before applying."));
    check.details = unticked;
    return check;
}

struct RoleNeed
{
    QStringList anyOf; // role template ids
    QString steps; // what the role is needed for
};

PreflightCheck rolesCheck(const char* id, const QString& tenant, const std::optional<auth::Account>& account,
    const QList<Role>& roles, const QList<RoleNeed>& needs)
{
    const QString title = QStringLiteral("Your roles in %1").arg(tenant);
    const QString who = personName(account);
    if (DirectoryRoleEndpoints::holds(roles, QLatin1String(DirectoryRoleEndpoints::kGlobalAdministrator))) {
        return makeCheck(id, title, Outcome::Pass,
            QStringLiteral("%1 is a Global Administrator of %2, which covers every step.").arg(who, tenant));
    }
    QStringList missingRoles;
    QStringList details;
    QStringList held;
    for (const RoleNeed& need : needs) {
        bool holds = false;
        for (const QString& roleId : need.anyOf) {
            if (DirectoryRoleEndpoints::holds(roles, roleId)) {
                holds = true;
                held.append(DirectoryRoleEndpoints::roleName(roleId));
                break;
            }
        }
        if (!holds) {
            QStringList names;
            for (const QString& roleId : need.anyOf) {
                names.append(DirectoryRoleEndpoints::roleName(roleId));
            }
            const QString name = names.join(QStringLiteral(" or "));
            missingRoles.append(name);
            details.append(QStringLiteral("%1: needed for %2").arg(name, need.steps));
        }
    }
    if (missingRoles.isEmpty()) {
        return makeCheck(id, title, Outcome::Pass,
            QStringLiteral("%1 holds the roles every step in %2 needs: %3.")
                .arg(who, tenant, held.join(QStringLiteral(", "))));
    }
    PreflightCheck check = makeCheck(id, title, Outcome::Warn,
        QStringLiteral("%1 does not hold %2 in %3, so the steps below will be refused (403).")
            .arg(who, joinNames(missingRoles), tenant),
        QStringLiteral("Ask a Privileged Role Administrator or Global Administrator of %1 to assign you %2, or sign "
                       "in with an account that holds them; Global Administrator covers every step.")
            .arg(tenant, joinNames(missingRoles)));
    check.details = details;
    return check;
}

// "AAD_PREMIUM: 192 of 250 assigned".
QString skuLine(const model::SubscribedSku& sku)
{
    return QStringLiteral("%1: %2 of %3 assigned")
        .arg(sku.skuPartNumber)
        .arg(sku.consumedUnits)
        .arg(sku.prepaidEnabled);
}

QList<model::SubscribedSku> premiumSkus(const QList<model::SubscribedSku>& skus)
{
    QList<model::SubscribedSku> result;
    for (const model::SubscribedSku& sku : skus) {
        if (sku.providesPlan(kPlanP1) || sku.providesPlan(kPlanP2)) {
            result.append(sku);
        }
    }
    return result;
}

PreflightCheck sourceLicenceCheck(const QString& tenant, const QList<model::SubscribedSku>& skus)
{
    const QString title = QStringLiteral("Entra ID P1 in %1").arg(tenant);
    const QList<model::SubscribedSku> premium = premiumSkus(skus);
    if (premium.isEmpty()) {
        return makeCheck(PreflightCheck::kSourceLicence, title, Outcome::Block,
            QStringLiteral("%1 has no subscription that includes Microsoft Entra ID P1 or P2 (%2 subscriptions "
                           "read); every user that cross-tenant synchronization copies needs P1 in the source.")
                .arg(tenant)
                .arg(skus.size()),
            QStringLiteral("Buy Microsoft Entra ID P1 (or a bundle that includes it, such as Microsoft 365 E3, E5 "
                           "or Business Premium) for %1 and assign it to the users to sync, then run preflight again.")
                .arg(tenant));
    }
    QStringList lines;
    qint64 consumed = 0;
    qint64 prepaid = 0;
    for (const model::SubscribedSku& sku : premium) {
        lines.append(skuLine(sku));
        consumed += sku.consumedUnits;
        prepaid += sku.prepaidEnabled;
    }
    const bool full = consumed >= prepaid;
    PreflightCheck check = makeCheck(PreflightCheck::kSourceLicence, title, full ? Outcome::Warn : Outcome::Pass,
        QStringLiteral("%1 has Microsoft Entra ID P1 or P2 (%2; %3 of %4 licences assigned). Every synced user needs "
                       "P1 in the source.")
            .arg(tenant, lines.join(QStringLiteral("; ")))
            .arg(consumed)
            .arg(prepaid),
        QStringLiteral("Every P1 licence of %1 is assigned: buy more before adding users who do not have one yet.")
            .arg(tenant));
    check.details = lines;
    return check;
}

PreflightCheck targetLicenceCheck(const QString& tenant, const QList<model::SubscribedSku>& skus)
{
    const QString title = QStringLiteral("Entra ID P1 in %1").arg(tenant);
    const QList<model::SubscribedSku> premium = premiumSkus(skus);
    if (premium.isEmpty()) {
        return makeCheck(PreflightCheck::kTargetLicence, title, Outcome::Warn,
            QStringLiteral("%1 has no subscription that includes Microsoft Entra ID P1 or P2; without one, automatic "
                           "redemption of invitations cannot be turned on there, and synchronization needs it.")
                .arg(tenant),
            QStringLiteral("Get at least one Microsoft Entra ID P1 licence for %1.").arg(tenant));
    }
    QStringList lines;
    for (const model::SubscribedSku& sku : premium) {
        lines.append(skuLine(sku));
    }
    PreflightCheck check = makeCheck(PreflightCheck::kTargetLicence, title, Outcome::Pass,
        QStringLiteral("%1 has Microsoft Entra ID P1 or P2 (%2), which automatic redemption needs.")
            .arg(tenant, lines.join(QStringLiteral("; "))));
    check.details = lines;
    return check;
}

// "alias_domain.com#EXT#@host" -> "alias@domain.com": the address a B2B guest was invited with.
QString invitedAddress(const QString& userPrincipalName)
{
    const qsizetype ext = userPrincipalName.indexOf(QLatin1String("#EXT#"), 0, Qt::CaseInsensitive);
    if (ext < 0) {
        return {};
    }
    QString local = userPrincipalName.left(ext);
    const qsizetype underscore = local.lastIndexOf(QLatin1Char('_'));
    if (underscore < 0) {
        return {};
    }
    local[underscore] = QLatin1Char('@');
    return local.toLower();
}

QString guestLine(const model::DirectoryUser& guest)
{
    const QString address = guest.mail.isEmpty() ? guest.userPrincipalName : guest.mail;
    return QStringLiteral("%1 <%2>").arg(guest.displayName, address);
}

} // namespace

struct Preflight::Run
{
    quint64 generation = 0;
    Input input;
    int pending = 0;
    QList<QPointer<graph::GraphCall>> calls;
    QList<QPointer<graph::PageReader>> readers;
    QList<PreflightCheck> checks; // offline and finished online checks, any order

    // Reads whose results several checks combine; an error is the sentence of what went wrong.
    QList<model::DirectoryUser> sourceUsers;
    QString sourceUsersError;
    QList<model::DirectoryUser> guests;
    QString guestsError;
    QList<graph::OrgContactEndpoints::OrgContact> contacts;
    QString contactsError;
    QList<Role> sourceRoles;
    QList<Role> targetRoles;

    // Trust audit: the target's partners and what was read about each.
    QList<model::AccessSettings> partners;
    QHash<QString, QString> syncDisplayNames; // partner id -> identitySynchronization displayName
    QHash<QString, graph::PolicyEndpoints::TenantInformation> partnerInfo;
    QStringList partnerProblems;
    QString partnersError;
    bool partnersRead = false;
};

Preflight::Preflight(graph::GraphClient* source, graph::GraphClient* target, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
{ }

Preflight::~Preflight()
{
    cancel();
}

bool Preflight::isRunning() const
{
    return m_run != nullptr;
}

void Preflight::cancel()
{
    std::unique_ptr<Run> run = std::move(m_run);
    if (!run) {
        return;
    }
    // Handlers check m_run first, so the Cancelled answers below reach nobody.
    for (const QPointer<graph::GraphCall>& call : run->calls) {
        if (call) {
            call->cancel();
        }
    }
    for (const QPointer<graph::PageReader>& reader : run->readers) {
        if (reader) {
            reader->cancel();
        }
    }
}

QList<PreflightCheck> Preflight::offlineChecks(const Input& input)
{
    return {signedInCheck(input), cloudPairCheck(input),
        scopesCheck(PreflightCheck::kSourceScopes, input.sourceAccount, input.sourceSetupScopes, sourceName(input)),
        scopesCheck(PreflightCheck::kTargetScopes, input.targetAccount, input.targetSetupScopes, targetName(input)),
        autoRedeemCheck(input)};
}

void Preflight::startCall(graph::GraphClient& client, const graph::GraphRequest& request, ResponseHandler handler)
{
    Run& run = *m_run;
    ++run.pending;
    const quint64 generation = run.generation;
    graph::GraphCall* call = client.send(request);
    run.calls.append(call);
    connect(call, &graph::GraphCall::finished, this,
        [this, generation, handler = std::move(handler)](const graph::GraphResponse& response) {
            if (!m_run || m_run->generation != generation) {
                return;
            }
            handler(*m_run, response);
            readDone();
        });
}

void Preflight::startPages(
    graph::GraphClient& client, const graph::GraphRequest& request, PageHandler onPage, PagesDoneHandler onDone)
{
    Run& run = *m_run;
    ++run.pending;
    const quint64 generation = run.generation;
    auto* reader = new graph::PageReader(client, request, this);
    run.readers.append(reader);
    connect(reader, &graph::PageReader::pageReceived, this,
        [this, generation, onPage = std::move(onPage)](const QJsonArray& items) {
            if (m_run && m_run->generation == generation) {
                onPage(*m_run, items);
            }
        });
    connect(reader, &graph::PageReader::finished, this,
        [this, generation, onDone = std::move(onDone)](const graph::PageReadResult& result) {
            if (!m_run || m_run->generation != generation) {
                return;
            }
            onDone(*m_run, result);
            readDone();
        });
    reader->start();
}

void Preflight::run(const Input& input)
{
    cancel();
    m_run = std::make_unique<Run>();
    m_run->generation = ++m_generation;
    m_run->input = input;
    m_run->checks = offlineChecks(input);
    // Counts as one pending read until every read has been started, so a read that answers at once cannot
    // finish the run early.
    ++m_run->pending;

    const QString source = sourceName(input);
    const QString target = targetName(input);
    const QString sourceTenantId = sourceId(input);
    const QString targetTenantId = targetId(input);
    using graph::GraphResponse;
    using graph::PageReadResult;

    // partnerFound: the target as the source's directory sees it (tenant lookup).
    const QString partnerTitle = QStringLiteral("%1 found from %2").arg(target, source);
    if (!m_source) {
        m_run->checks.append(notSignedIn(PreflightCheck::kPartnerFound, partnerTitle, source));
    } else if (targetTenantId.isEmpty()) {
        m_run->checks.append(notSignedIn(PreflightCheck::kPartnerFound, partnerTitle, target));
    } else {
        startCall(*m_source, graph::PolicyEndpoints::findTenantInformationRequest(targetTenantId),
            [partnerTitle, source, target, targetTenantId](Run& run, const GraphResponse& response) {
                if (const auto info = graph::PolicyEndpoints::parseTenantInformation(response)) {
                    run.checks.append(makeCheck(PreflightCheck::kPartnerFound, partnerTitle, Outcome::Pass,
                        QStringLiteral("%1 finds %2 (%3, %4).")
                            .arg(source, info->displayName, info->defaultDomainName, info->tenantId)));
                } else if (graph::PolicyEndpoints::isNotFound(response)) {
                    run.checks.append(makeCheck(PreflightCheck::kPartnerFound, partnerTitle, Outcome::Block,
                        QStringLiteral("The tenant lookup in %1 does not find the tenant %2 (%3), so it cannot be "
                                       "added as a partner.")
                            .arg(source, target, targetTenantId),
                        QStringLiteral("Check the target tenant id, and that both tenants are in the same cloud.")));
                } else {
                    run.checks.append(readFailed(PreflightCheck::kPartnerFound, partnerTitle,
                        QStringLiteral("the tenant lookup of %1 in %2").arg(target, source),
                        response.error().userMessage()));
                }
            });
    }

    // Roles, both sides.
    const QList<RoleNeed> sourceNeeds = {{{QLatin1String(DirectoryRoleEndpoints::kSecurityAdministrator)},
                                             QStringLiteral("the partner entry and outbound automatic redemption")},
        {{QLatin1String(DirectoryRoleEndpoints::kHybridIdentityAdministrator)},
            QStringLiteral("creating the configuration, its job and its credentials")},
        {{QLatin1String(DirectoryRoleEndpoints::kCloudApplicationAdministrator),
             QLatin1String(DirectoryRoleEndpoints::kApplicationAdministrator)},
            QStringLiteral("assigning users and groups to the configuration")},
        {{QLatin1String(DirectoryRoleEndpoints::kPrivilegedRoleAdministrator)}, QStringLiteral("granting consent")}};
    const QList<RoleNeed> targetNeeds = {
        {{QLatin1String(DirectoryRoleEndpoints::kSecurityAdministrator)},
            QStringLiteral("the partner entry, allowing user sync and inbound automatic redemption")},
        {{QLatin1String(DirectoryRoleEndpoints::kPrivilegedRoleAdministrator)}, QStringLiteral("granting consent")}};
    const auto readRoles = [&](graph::GraphClient* client, const char* id, const QString& tenant,
                               const std::optional<auth::Account>& account, const QList<RoleNeed>& needs,
                               bool isSource) {
        const QString title = QStringLiteral("Your roles in %1").arg(tenant);
        if (!client) {
            m_run->checks.append(notSignedIn(id, title, tenant));
            return;
        }
        startPages(
            *client, DirectoryRoleEndpoints::myMembershipsRequest(),
            [isSource](Run& run, const QJsonArray& items) {
                (isSource ? run.sourceRoles : run.targetRoles)
                    .append(DirectoryRoleEndpoints::parseDirectoryRoles(items));
            },
            [id, title, tenant, account, needs, isSource](Run& run, const PageReadResult& result) {
                if (!result.isComplete()) {
                    run.checks.append(readFailed(id, title, QStringLiteral("your directory roles in %1").arg(tenant),
                        result.error.userMessage()));
                    return;
                }
                run.checks.append(rolesCheck(id, tenant, account, isSource ? run.sourceRoles : run.targetRoles, needs));
            });
    };
    readRoles(m_source, PreflightCheck::kSourceRoles, source, input.sourceAccount, sourceNeeds, true);
    readRoles(m_target, PreflightCheck::kTargetRoles, target, input.targetAccount, targetNeeds, false);

    // Licences, both sides.
    const auto readSkus = [&](graph::GraphClient* client, const char* id, const QString& tenant, bool isSource) {
        const QString title = QStringLiteral("Entra ID P1 in %1").arg(tenant);
        if (!client) {
            m_run->checks.append(notSignedIn(id, title, tenant));
            return;
        }
        startCall(*client, graph::DirectoryEndpoints::subscribedSkusRequest(),
            [id, title, tenant, isSource](Run& run, const GraphResponse& response) {
                if (!response.isSuccess()) {
                    run.checks.append(readFailed(id, title, QStringLiteral("the subscriptions of %1").arg(tenant),
                        response.error().userMessage()));
                    return;
                }
                const QList<model::SubscribedSku> skus = graph::DirectoryEndpoints::parseSubscribedSkus(response);
                run.checks.append(isSource ? sourceLicenceCheck(tenant, skus) : targetLicenceCheck(tenant, skus));
            });
    };
    readSkus(m_source, PreflightCheck::kSourceLicence, source, true);
    readSkus(m_target, PreflightCheck::kTargetLicence, target, false);

    // Who sync would meet in the target: the source's users, the target's guests and contacts (combined in
    // finish()).
    if (m_source) {
        graph::DirectoryEndpoints::UserListOptions options;
        options.select = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName"),
            QStringLiteral("mail"), QStringLiteral("userType")};
        options.pageSize = graph::DirectoryEndpoints::kMaxPageSize;
        startPages(
            *m_source, graph::DirectoryEndpoints::listUsersRequest(options),
            [](Run& run, const QJsonArray& items) {
                run.sourceUsers.append(graph::DirectoryEndpoints::parseUsers(items));
            },
            [source](Run& run, const PageReadResult& result) {
                if (!result.isComplete()) {
                    run.sourceUsersError = QStringLiteral("Not checked: the users of %1 could not be read. %2")
                                               .arg(source, result.error.userMessage());
                }
            });
    }
    if (m_target) {
        graph::DirectoryEndpoints::UserListOptions options;
        options.select = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName"),
            QStringLiteral("mail"), QStringLiteral("userType"), QStringLiteral("creationType"),
            QStringLiteral("externalUserState"), QStringLiteral("identities")};
        options.pageSize = graph::DirectoryEndpoints::kMaxPageSize;
        graph::GraphRequest guests = graph::DirectoryEndpoints::listUsersRequest(options);
        guests.addQueryItem(QStringLiteral("$filter"),
            graph::ODataFilter::eq(QStringLiteral("userType"), QStringLiteral("Guest")).toString());
        startPages(
            *m_target, guests,
            [](Run& run, const QJsonArray& items) { run.guests.append(graph::DirectoryEndpoints::parseUsers(items)); },
            [target](Run& run, const PageReadResult& result) {
                if (!result.isComplete()) {
                    run.guestsError = QStringLiteral("Not checked: the guests of %1 could not be read. %2")
                                          .arg(target, result.error.userMessage());
                }
            });
        startPages(
            *m_target, graph::OrgContactEndpoints::listContactsRequest(),
            [](Run& run, const QJsonArray& items) {
                run.contacts.append(graph::OrgContactEndpoints::parseContacts(items));
            },
            [target](Run& run, const PageReadResult& result) {
                if (!result.isComplete()) {
                    run.contactsError = QStringLiteral("Not checked: the mail contacts of %1 could not be read. %2")
                                            .arg(target, result.error.userMessage());
                }
            });
        // Trust audit: the target's partners, then each one's identitySynchronization and name.
        startCall(*m_target, graph::PolicyEndpoints::listPartnersRequest(),
            [this](Run& run, const GraphResponse& response) { readPartners(run, response); });
    }
    readDone();
}

void Preflight::readPartners(Run& run, const graph::GraphResponse& response)
{
    run.partnersRead = true;
    if (!response.isSuccess()) {
        run.partnersError = response.error().userMessage();
        return;
    }
    run.partners = graph::PolicyEndpoints::parsePartners(response);
    for (const model::AccessSettings& partner : run.partners) {
        const QString id = partner.partnerTenantId;
        startCall(*m_target, graph::PolicyEndpoints::getIdentitySynchronizationRequest(id),
            [id](Run& current, const graph::GraphResponse& answer) {
                for (model::AccessSettings& settings : current.partners) {
                    if (settings.partnerTenantId != id) {
                        continue;
                    }
                    if (answer.isSuccess()) {
                        settings.applyIdentitySyncJson(answer.json());
                        settings.identitySyncExists = true;
                        current.syncDisplayNames.insert(
                            id, answer.json().value(QLatin1String("displayName")).toString());
                    } else if (!graph::PolicyEndpoints::isNotFound(answer)) {
                        current.partnerProblems.append(
                            QStringLiteral("The user sync setting for partner %1 could not be read: %2")
                                .arg(id, answer.error().userMessage()));
                    }
                }
            });
        if (graph::PolicyEndpoints::isTenantIdForm(id)) {
            // A name is a nicety: a tenant the lookup does not know keeps the name its sync policy gives, if any.
            startCall(*m_target, graph::PolicyEndpoints::findTenantInformationRequest(id),
                [id](Run& current, const graph::GraphResponse& answer) {
                    if (const auto info = graph::PolicyEndpoints::parseTenantInformation(answer)) {
                        current.partnerInfo.insert(id, *info);
                    }
                });
        }
    }
}

void Preflight::readDone()
{
    if (m_run && --m_run->pending == 0) {
        finish();
    }
}

void Preflight::finish()
{
    std::unique_ptr<Run> run = std::move(m_run);
    const Input& input = run->input;
    const QString source = sourceName(input);
    const QString target = targetName(input);
    QList<PreflightCheck> checks = run->checks;
    PreflightReport report;

    // Guests and contacts sync would meet.
    const QString existingTitle = QStringLiteral("Guests from %1 that sync takes over").arg(source);
    const QString pendingTitle = QStringLiteral("Pending invitations");
    const QString stayTitle = QStringLiteral("Guests that stay Guest");
    const QString contactTitle = QStringLiteral("Mail contacts with the same address");
    if (!m_source || !m_target) {
        const QString missing = !m_source ? source : target;
        checks.append(notSignedIn(PreflightCheck::kExistingGuests, existingTitle, missing));
        checks.append(notSignedIn(PreflightCheck::kPendingGuests, pendingTitle, missing));
        checks.append(notSignedIn(PreflightCheck::kGuestsStayGuest, stayTitle, missing));
        checks.append(notSignedIn(PreflightCheck::kContactCollisions, contactTitle, missing));
    } else {
        // Addresses of the source's own users (members: only they are synced).
        QHash<QString, QString> sourceAddresses; // lower-case mail or UPN -> display name
        for (const model::DirectoryUser& user : run->sourceUsers) {
            if (user.isGuest()) {
                continue;
            }
            for (const QString& address : {user.mail, user.userPrincipalName}) {
                if (!address.isEmpty()) {
                    sourceAddresses.insert(address.toLower(), user.displayName);
                }
            }
        }
        const auto readProblem = [&](const char* id, const QString& title, const QString& other) {
            const QString error = !run->sourceUsersError.isEmpty() ? run->sourceUsersError : other;
            return makeCheck(id, title, Outcome::Warn, error,
                QStringLiteral("Run preflight again; if it fails again, sign in again to grant the permissions "
                               "listed under the scopes checks."));
        };
        if (!run->sourceUsersError.isEmpty() || !run->guestsError.isEmpty()) {
            checks.append(readProblem(PreflightCheck::kExistingGuests, existingTitle, run->guestsError));
            checks.append(readProblem(PreflightCheck::kPendingGuests, pendingTitle, run->guestsError));
            checks.append(readProblem(PreflightCheck::kGuestsStayGuest, stayTitle, run->guestsError));
        } else {
            QStringList taken;
            QStringList pending;
            for (const model::DirectoryUser& guest : std::as_const(run->guests)) {
                const QStringList candidates = {guest.mail.toLower(), invitedAddress(guest.userPrincipalName)};
                const bool fromSource = std::any_of(candidates.cbegin(), candidates.cend(),
                    [&](const QString& address) { return !address.isEmpty() && sourceAddresses.contains(address); });
                if (!fromSource) {
                    continue;
                }
                if (guest.externalUserState.compare(QLatin1String("PendingAcceptance"), Qt::CaseInsensitive) == 0) {
                    pending.append(guestLine(guest));
                } else {
                    taken.append(guestLine(guest));
                }
            }
            PreflightCheck existing = makeCheck(PreflightCheck::kExistingGuests, existingTitle, Outcome::Pass,
                taken.isEmpty()
                    ? QStringLiteral("%1 has no accepted B2B guests from %2; sync creates every user anew.")
                          .arg(target, source)
                    : QStringLiteral("%1 B2B guest(s) from %2 already in %3 will be matched and taken over by sync, "
                                     "so each person keeps one account.")
                          .arg(taken.size())
                          .arg(source, target));
            existing.details = taken;
            checks.append(existing);

            PreflightCheck pendingCheck = makeCheck(PreflightCheck::kPendingGuests, pendingTitle,
                pending.isEmpty() ? Outcome::Pass : Outcome::Warn,
                pending.isEmpty()
                    ? QStringLiteral("No invitation from %1 to %2 is still waiting to be redeemed.").arg(source, target)
                    : QStringLiteral("%1 guest(s) in %2 were invited from %3 but never redeemed. Sync does not match "
                                     "a pending guest, so it would create a second account for the same person.")
                          .arg(pending.size())
                          .arg(target, source),
                QStringLiteral("Before the first sync, have each of them redeem the invitation, or delete the pending "
                               "guest in %1, or run provision on demand for them first.")
                    .arg(target));
            pendingCheck.details = pending;
            checks.append(pendingCheck);

            PreflightCheck stay = makeCheck(PreflightCheck::kGuestsStayGuest, stayTitle,
                taken.isEmpty() ? Outcome::Pass : Outcome::Warn,
                taken.isEmpty()
                    ? QStringLiteral("No existing guest will be taken over, so every synced user gets the userType "
                                     "of the mapping.")
                    : QStringLiteral("The %1 guest(s) taken over stay userType Guest: the userType mapping applies "
                                     "only when sync creates a user.")
                          .arg(taken.size()),
                QStringLiteral("Set the configuration's userType mapping to apply Always, or convert these guests to "
                               "members after the first sync. Keep them Guest if they use Microsoft Teams shared "
                               "channels, which cannot add external members."));
            stay.details = taken;
            checks.append(stay);
        }
        if (!run->sourceUsersError.isEmpty() || !run->contactsError.isEmpty()) {
            checks.append(readProblem(PreflightCheck::kContactCollisions, contactTitle, run->contactsError));
        } else {
            QStringList collisions;
            for (const graph::OrgContactEndpoints::OrgContact& contact : std::as_const(run->contacts)) {
                for (const QString& address : contact.addresses()) {
                    if (sourceAddresses.contains(address)) {
                        collisions.append(
                            QStringLiteral("%1 <%2> (contact) = %3 in %4")
                                .arg(contact.displayName, address, sourceAddresses.value(address), source));
                        break;
                    }
                }
            }
            PreflightCheck contactCheck = makeCheck(PreflightCheck::kContactCollisions, contactTitle,
                collisions.isEmpty() ? Outcome::Pass : Outcome::Warn,
                collisions.isEmpty()
                    ? QStringLiteral("No mail contact in %1 has the address of a user of %2.").arg(target, source)
                    : QStringLiteral("%1 mail contact(s) in %2 have the address of a user of %3. Sync does not convert "
                                     "contacts, and creating the synced user with the same address collides with the "
                                     "contact.")
                          .arg(collisions.size())
                          .arg(target, source),
                QStringLiteral("Delete these contacts in %1 before syncing those users (re-add any distribution list "
                               "memberships to the synced users), or leave those users out of the sync.")
                    .arg(target));
            contactCheck.details = collisions;
            checks.append(contactCheck);
        }
    }

    // Trust audit.
    const QString auditTitle = QStringLiteral("Partners trusted by %1").arg(target);
    if (!m_target) {
        checks.append(notSignedIn(PreflightCheck::kTrustAudit, auditTitle, target));
    } else if (!run->partnersError.isEmpty()) {
        checks.append(readFailed(PreflightCheck::kTrustAudit, auditTitle,
            QStringLiteral("the cross-tenant access partners of %1").arg(target), run->partnersError));
    } else {
        const QString sourceTenantId = sourceId(input);
        QStringList unexpected;
        QStringList details;
        for (const model::AccessSettings& partner : std::as_const(run->partners)) {
            if (!partner.isUserSyncInboundOn() && !partner.isInboundAutoRedeemOn()
                && !partner.isOutboundAutoRedeemOn()) {
                continue;
            }
            TrustAuditEntry entry;
            entry.tenantId = partner.partnerTenantId;
            if (const auto info = run->partnerInfo.find(entry.tenantId); info != run->partnerInfo.end()) {
                entry.displayName = info->displayName;
                entry.defaultDomainName = info->defaultDomainName;
            } else {
                entry.displayName = run->syncDisplayNames.value(entry.tenantId);
            }
            entry.userSyncInbound = partner.isUserSyncInboundOn();
            entry.inboundAutoRedeem = partner.isInboundAutoRedeemOn();
            entry.outboundAutoRedeem = partner.isOutboundAutoRedeemOn();
            entry.isThisPairsSource = entry.tenantId.compare(sourceTenantId, Qt::CaseInsensitive) == 0;
            report.trustAudit.append(entry);

            const QString name = entry.displayName.isEmpty()
                ? entry.tenantId
                : QStringLiteral("%1 (%2)").arg(entry.displayName, entry.tenantId);
            QStringList allows;
            if (entry.userSyncInbound) {
                allows.append(QStringLiteral("sync users in"));
            }
            if (entry.inboundAutoRedeem) {
                allows.append(QStringLiteral("inbound automatic redemption"));
            }
            if (entry.outboundAutoRedeem) {
                allows.append(QStringLiteral("outbound automatic redemption"));
            }
            details.append(QStringLiteral("%1: %2%3")
                               .arg(name, allows.join(QStringLiteral(", ")),
                                   entry.isThisPairsSource ? QStringLiteral(" (this pair's source)") : QString()));
            if (entry.userSyncInbound && !entry.isThisPairsSource) {
                unexpected.append(name);
            }
        }
        details.append(run->partnerProblems);
        PreflightCheck audit;
        if (!unexpected.isEmpty()) {
            audit = makeCheck(PreflightCheck::kTrustAudit, auditTitle, Outcome::Warn,
                QStringLiteral("Besides %1, %2 also lets %3 sync users into it. Make sure you expect that.")
                    .arg(source, target, joinNames(unexpected)),
                QStringLiteral("If a partner is not expected, turn off \"Allow users sync into this tenant\" (and "
                               "automatic redemption) for it in the cross-tenant access settings of %1.")
                    .arg(target));
        } else if (!run->partnerProblems.isEmpty()) {
            audit = makeCheck(PreflightCheck::kTrustAudit, auditTitle, Outcome::Warn,
                QStringLiteral("Not every partner of %1 could be read; the list may be incomplete.").arg(target),
                QStringLiteral("Run preflight again."));
        } else {
            audit = makeCheck(PreflightCheck::kTrustAudit, auditTitle, Outcome::Pass,
                report.trustAudit.isEmpty()
                    ? QStringLiteral("No partner may sync users into %1 or redeem invitations automatically.")
                          .arg(target)
                    : QStringLiteral("%1 partner(s) of %2 may sync users in or redeem invitations automatically; none "
                                     "other than %3 may sync users in.")
                          .arg(report.trustAudit.size())
                          .arg(target, source));
        }
        audit.details = details;
        checks.append(audit);
    }

    for (const QString& id : kOrder) {
        for (const PreflightCheck& check : std::as_const(checks)) {
            if (check.id == id) {
                report.checks.append(check);
                break;
            }
        }
    }
    emit finished(report);
}

} // namespace tb::setup
