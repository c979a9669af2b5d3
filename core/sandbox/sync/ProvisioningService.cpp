// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sync/ProvisioningService.h"

#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/World.h"
#include "core/sandbox/sync/JobSchema.h"
#include "core/sandbox/sync/MappingExpression.h"
#include "core/sandbox/sync/ScopeFilter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace tbsandbox {

namespace {

const QString kSourceSystem = QStringLiteral("Azure Active Directory");
const QString kTargetSystem = QStringLiteral("Azure Active Directory (target tenant)");
const QString kPolicyCheckFailure = QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure");
const QString kAmbiguousUser = QStringLiteral("InvitationCreationFailureAmbiguousUser");
const QString kInvalidPropertyValue = QStringLiteral("InvitationCreationFailureInvalidPropertyValue");
const QString kNotEntitled = QStringLiteral("NotEffectivelyEntitled");
const QString kRedundantExport = QStringLiteral("RedundantExport");
const QString kAttributeNotFound = QStringLiteral("SchemaAttributeNotFound");
// The first cycle after a start comes this soon (or after the interval, when that is shorter), as the real
// service begins its initial cycle shortly after a start rather than 40 minutes later.
constexpr int kFirstCycleDelayMs = 5000;
// A quarantined job is retried at a reduced frequency (graph-reference 2.2); the time shown as nextAttempt.
constexpr qint64 kQuarantineRetrySeconds = 12 * 3600;

// A string attribute of the target's user the engine writes: the ones UserRecord keeps (core/sandbox/UserSchema).
// accountEnabled and userType are written too; userPrincipalName is derived on create (README).
struct TargetAttribute
{
    QLatin1String name;
    std::optional<PooledUserField> pooled; // nothing: mail
};

const QList<TargetAttribute>& targetAttributes()
{
    static const QList<TargetAttribute> attributes = {
        {QLatin1String("displayName"), PooledUserField::DisplayName},
        {QLatin1String("givenName"), PooledUserField::GivenName},
        {QLatin1String("surname"), PooledUserField::Surname},
        {QLatin1String("mail"), std::nullopt},
        {QLatin1String("department"), PooledUserField::Department},
        {QLatin1String("preferredLanguage"), PooledUserField::PreferredLanguage},
        {QLatin1String("jobTitle"), PooledUserField::JobTitle},
        {QLatin1String("companyName"), PooledUserField::CompanyName},
        {QLatin1String("officeLocation"), PooledUserField::OfficeLocation},
        {QLatin1String("mobilePhone"), PooledUserField::MobilePhone},
        {QLatin1String("usageLocation"), PooledUserField::UsageLocation},
    };
    return attributes;
}

const QLatin1String kAccountEnabled("accountEnabled");
const QLatin1String kUserType("userType");
const QLatin1String kUserPrincipalName("userPrincipalName");

// Targets of the default schema the sandbox's user does not keep; mapped values to them are accepted and dropped.
bool isUnmodelledTarget(const QString& name)
{
    return name.compare(QLatin1String("alternativeSecurityIds"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("isSoftDeleted"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("showInAddressList"), Qt::CaseInsensitive) == 0;
}

const TargetAttribute* findTargetAttribute(const QString& name)
{
    for (const TargetAttribute& attribute : targetAttributes()) {
        if (name.compare(attribute.name, Qt::CaseInsensitive) == 0) {
            return &attribute;
        }
    }
    return nullptr;
}

// One evaluated attribute mapping of the user object mapping: the target's attribute (canonical spelling) and the
// value, null when it is not provisioned (a null or empty source without a defaultValue, graph-reference 9.2).
struct MappedValue
{
    QString target;
    QJsonValue value;
    bool addOnly = false; // flowType ObjectAddOnly: on create only
};

struct Evaluation
{
    QList<MappedValue> values;
    QString unknownTarget; // the first mapping to an attribute the target's user does not have
    QString invalidUserType; // a userType value that is neither Member nor Guest

    // What flows on every cycle, by target: compared with what was last exported.
    [[nodiscard]] QJsonObject flowing() const
    {
        QJsonObject object;
        for (const MappedValue& mapped : values) {
            if (!mapped.addOnly) {
                object.insert(mapped.target, mapped.value);
            }
        }
        return object;
    }

    // The userType a create gets: the mapping's value (any flowType), Member without one.
    [[nodiscard]] QString createdUserType() const
    {
        for (const MappedValue& mapped : values) {
            if (mapped.target == kUserType && mapped.value.isString()) {
                return mapped.value.toString();
            }
        }
        return QStringLiteral("Member");
    }
};

Evaluation evaluateMappings(const QJsonObject& userMapping, const QJsonObject& attributes)
{
    Evaluation evaluation;
    for (const QJsonValue& entry : userMapping.value(QLatin1String("attributeMappings")).toArray()) {
        const QJsonObject mapping = entry.toObject();
        const QString name = mapping.value(QLatin1String("targetAttributeName")).toString();
        if (mapping.value(QLatin1String("matchingPriority")).toInt() > 0 || isUnmodelledTarget(name)) {
            continue; // matching is the engine's own (5.4); the others are not kept by the sandbox
        }
        QString target;
        if (const TargetAttribute* attribute = findTargetAttribute(name)) {
            target = attribute->name;
        } else {
            for (const QLatin1String special : {kAccountEnabled, kUserType, kUserPrincipalName}) {
                if (name.compare(special, Qt::CaseInsensitive) == 0) {
                    target = special;
                }
            }
        }
        if (target.isEmpty()) {
            if (evaluation.unknownTarget.isEmpty()) {
                evaluation.unknownTarget = name;
            }
            continue;
        }
        const QJsonValue source = mapping.value(QLatin1String("source"));
        QJsonValue value = source.isObject() ? MappingExpression::evaluate(source.toObject(), attributes)
                                             : QJsonValue(QJsonValue::Null);
        if (value.isString() && value.toString().isEmpty()) {
            value = QJsonValue::Null;
        }
        if (value.isNull() || value.isUndefined()) {
            const QJsonValue fallback = mapping.value(QLatin1String("defaultValue"));
            value = fallback.isString() && !fallback.toString().isEmpty() ? fallback : QJsonValue(QJsonValue::Null);
        }
        if (!value.isNull()) {
            value = target == kAccountEnabled ? QJsonValue(MappingExpression::truth(value))
                                              : QJsonValue(MappingExpression::text(value));
        }
        if (target == kUserType && value.isString() && value.toString() != QLatin1String("Member")
            && value.toString() != QLatin1String("Guest")) {
            evaluation.invalidUserType = value.toString();
        }
        const bool addOnly = mapping.value(QLatin1String("flowType"))
                                 .toString()
                                 .compare(QLatin1String("ObjectAddOnly"), Qt::CaseInsensitive)
            == 0;
        evaluation.values.append({target, value, addOnly});
    }
    return evaluation;
}

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// provisionOnDemand's embedded timestamps carry 7 fractional digits (graph-reference 2.7).
QString sevenDigitNow()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'0000Z'"));
}

QString trueFalse(bool value)
{
    return value ? QStringLiteral("True") : QStringLiteral("False");
}

QString text(const TenantState& tenant, const UserRecord& user, PooledUserField field)
{
    return tenant.strings().at(user.field(field));
}

QString creationType(const TenantState& tenant, const UserRecord& user)
{
    return text(tenant, user, PooledUserField::CreationType);
}

// The source user's attributes as mapping expressions and scoping clauses read them: every property the sandbox
// serves plus what the service adds (netId, objectId, isSoftDeleted, alternativeSecurityIds, mailNickname,
// appRoleAssignments).
QJsonObject sourceAttributes(const TenantState& tenant, const UserRecord& user, bool external, bool assignedDirectly)
{
    QJsonObject attributes;
    for (int i = 0; i < static_cast<int>(UserProperty::Count); ++i) {
        const auto property = static_cast<UserProperty>(i);
        attributes.insert(UserSchema::name(property), UserSchema::value(tenant, user, property));
    }
    const QString id = user.id.toString(QUuid::WithoutBraces);
    attributes.insert(QStringLiteral("netId"), id);
    attributes.insert(QStringLiteral("objectId"), id);
    attributes.insert(QStringLiteral("isSoftDeleted"), false);
    attributes.insert(
        QStringLiteral("alternativeSecurityIds"), external ? QStringLiteral("External") : QStringLiteral("None"));
    attributes.insert(QStringLiteral("mailNickname"), user.userPrincipalName.section(QLatin1Char('@'), 0, 0));
    attributes.insert(QStringLiteral("appRoleAssignments"),
        assignedDirectly ? QJsonValue(QStringLiteral("msiam_access")) : QJsonValue(QJsonValue::Null));
    return attributes;
}

QString display(const QJsonValue& value)
{
    if (value.isBool()) {
        return trueFalse(value.toBool());
    }
    return value.toString();
}

QJsonValue modifiedValue(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined() ? QJsonValue(QJsonValue::Null) : QJsonValue(display(value));
}

QJsonObject modification(const QString& name, const QJsonValue& oldValue, const QJsonValue& newValue)
{
    return QJsonObject {{QStringLiteral("displayName"), name}, {QStringLiteral("oldValue"), modifiedValue(oldValue)},
        {QStringLiteral("newValue"), modifiedValue(newValue)}};
}

// Writes the mapped values that differ from what the target holds, in the mappings' order; returns the modified
// properties. Null values are not provisioned (graph-reference 9.2); ObjectAddOnly ones only on create, where the
// caller sets userType and the UPN.
QJsonArray applyValues(TenantState& tenant, UserRecord& user, const QList<MappedValue>& values, bool create)
{
    QJsonArray modified;
    for (const MappedValue& mapped : values) {
        if (mapped.value.isNull() || (mapped.addOnly && !create) || mapped.target == kUserPrincipalName) {
            continue;
        }
        if (mapped.target == kAccountEnabled) {
            if (mapped.value.toBool() != user.accountEnabled) {
                modified.append(modification(mapped.target, user.accountEnabled, mapped.value));
                user.accountEnabled = mapped.value.toBool();
            }
            continue;
        }
        if (mapped.target == kUserType) {
            // Flows to an existing user only with flowType Always (graph-reference 2.6): a guest becomes a member.
            const bool guest = mapped.value.toString() == QLatin1String("Guest");
            if (!create && guest != user.isGuest) {
                modified.append(modification(
                    mapped.target, user.isGuest ? QStringLiteral("Guest") : QStringLiteral("Member"), mapped.value));
                user.isGuest = guest;
            }
            continue;
        }
        const TargetAttribute* attribute = findTargetAttribute(mapped.target);
        const QString current = attribute->pooled ? tenant.strings().at(user.field(*attribute->pooled)) : user.mail;
        const QString wanted = mapped.value.toString();
        if (wanted == current) {
            continue;
        }
        modified.append(modification(
            mapped.target, current.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(current), mapped.value));
        if (attribute->pooled) {
            user.setField(*attribute->pooled, tenant.strings().intern(wanted));
        } else {
            user.mail = wanted;
        }
    }
    return modified;
}

QJsonObject step(const QString& name, const QString& type, const QString& status, const QString& description,
    const QJsonObject& details = {})
{
    return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("provisioningStepType"), type},
        {QStringLiteral("status"), status}, {QStringLiteral("description"), description},
        {QStringLiteral("details"), details}, {QStringLiteral("timestamp"), sevenDigitNow()}};
}

QString pascal(const QString& word)
{
    return word.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
}

void trim(QList<QJsonObject>& log)
{
    if (log.size() > TenantState::kMaxLogRecords) {
        log.erase(log.begin(), log.begin() + (log.size() - TenantState::kMaxLogRecords));
    }
}

qsizetype findTargetUser(const TenantState& target, const QString& id)
{
    const QUuid uuid = QUuid::fromString(id);
    return uuid.isNull() ? -1 : target.findUser(uuid);
}

QJsonObject emptyExecution(const QString& cycleId, const QString& began)
{
    return QJsonObject {{QStringLiteral("activityIdentifier"), cycleId}, {QStringLiteral("countEntitled"), 0},
        {QStringLiteral("countEntitledForProvisioning"), 0}, {QStringLiteral("countEscrowed"), 0},
        {QStringLiteral("countEscrowedRaw"), 0}, {QStringLiteral("countExported"), 0},
        {QStringLiteral("countExports"), 0}, {QStringLiteral("countImported"), 0},
        {QStringLiteral("countImportedDeltas"), 0}, {QStringLiteral("countImportedReferenceDeltas"), 0},
        {QStringLiteral("state"), QStringLiteral("Succeeded")}, {QStringLiteral("timeBegan"), began},
        {QStringLiteral("timeEnded"), isoNow()}, {QStringLiteral("error"), QJsonValue::Null}};
}

} // namespace

// One run of one job: where it reads and writes, what is in scope, the counters of the execution.
struct ProvisioningService::Cycle
{
    TenantState& source;
    ServicePrincipalRecord& record;
    QString jobId;
    TenantState* target = nullptr;
    QString cycleId = newGuid();
    bool full = false;
    QJsonObject state; // the job's syncState, written back at the end
    QJsonObject initiatedBy {{QStringLiteral("id"), QString()},
        {QStringLiteral("displayName"), QStringLiteral("Azure AD Provisioning Service")},
        {QStringLiteral("initiatorType"), QStringLiteral("system")}};
    bool syncAll = false;
    QJsonObject userMapping; // the schema's enabled User object mapping; empty: nobody is in scope
    QSet<QUuid> assigned; // users assigned directly or through a direct membership of an assigned group
    qint64 imported = 0;
    qint64 deltas = 0;
    qint64 entitled = 0;
    qint64 exports = 0;
    qint64 exported = 0;
    qint64 escrowed = 0;

    Cycle(TenantState& sourceTenant, ServicePrincipalRecord& sourceRecord, const QString& id)
        : source(sourceTenant)
        , record(sourceRecord)
        , jobId(id)
    {
        state = record.syncState.value(jobId).toObject();
        userMapping = JobSchema::userMapping(JobSchema::current(record, jobId));
        syncAll = record.secret(QStringLiteral("SyncAll")).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        // Only direct members of an assigned group are in scope; nested groups do not cascade (graph-reference 3).
        for (const QJsonValue& value : std::as_const(record.appRoleAssignments)) {
            const QJsonObject assignment = value.toObject();
            const QUuid principal = QUuid::fromString(assignment.value(QLatin1String("principalId")).toString());
            if (assignment.value(QLatin1String("principalType")).toString() == QLatin1String("Group")) {
                const qsizetype group = source.findGroup(principal);
                if (group >= 0) {
                    for (const QUuid& member : source.groups().at(static_cast<size_t>(group)).memberIds) {
                        assigned.insert(member);
                    }
                }
            } else {
                assigned.insert(principal);
            }
        }
    }
};

// What processing one object came to: the log record's content and the target's audit entry.
struct ProvisioningService::Outcome
{
    bool logged = true;
    QString action = QStringLiteral("other"); // provisioningAction
    QString status = QStringLiteral("success"); // success, skipped, failure
    QString errorCode;
    QString reason;
    QString errorCategory;
    QJsonArray steps;
    QJsonArray modified;
    QString sourceId;
    QString sourceName;
    QString sourcePrincipalName;
    QString targetId;
    QString targetName;
    QString targetPrincipalName;
    QString auditActivity; // "Add user", "Update user", "Delete user"; empty: the target did not change
    QString startTime = sevenDigitNow();
};

ProvisioningService::ProvisioningService(World& world, const SandboxOptions& options, QObject* parent)
    : QObject(parent)
    , m_world(world)
    , m_options(options)
{
    connect(&m_clock, &QTimer::timeout, this, [this] { runCycle(); });
}

void ProvisioningService::startClock()
{
    if (m_options.syncIntervalMs > 0) {
        m_clock.start(m_options.syncIntervalMs);
    }
}

QString ProvisioningService::policyProblem(
    const World& world, const SandboxOptions& options, const TenantState& source, const QString& targetTenantId)
{
    const TenantState* target = world.tenantById(QUuid::fromString(targetTenantId));
    if (!target) {
        return QStringLiteral("tenant %1 is not known").arg(targetTenantId);
    }
    if (!target->crossTenantPolicy().allowsInboundSyncFrom(source.idText())) {
        return QStringLiteral("tenant %1 does not allow users to sync in from %2 "
                              "(identitySynchronization.userSyncInbound.isSyncAllowed)")
            .arg(target->idText(), source.idText());
    }
    if (options.policyCheckNeedsAutomaticRedemption
        && !target->crossTenantPolicy().automaticRedemption(source.idText(), QStringLiteral("inboundAllowed"))) {
        return QStringLiteral("tenant %1 does not redeem invitations from %2 automatically "
                              "(automaticUserConsentSettings.inboundAllowed)")
            .arg(target->idText(), source.idText());
    }
    if (options.policyCheckNeedsAutomaticRedemption
        && !source.crossTenantPolicy().automaticRedemption(target->idText(), QStringLiteral("outboundAllowed"))) {
        return QStringLiteral("tenant %1 does not redeem invitations to %2 automatically "
                              "(automaticUserConsentSettings.outboundAllowed)")
            .arg(source.idText(), target->idText());
    }
    return {};
}

int ProvisioningService::runCycle()
{
    int ran = 0;
    for (const auto& tenant : m_world.tenants()) {
        for (ServicePrincipalRecord& record : tenant->servicePrincipals()) {
            if (record.servicePrincipal.isEmpty()) {
                continue;
            }
            for (qsizetype i = 0; i < record.jobs.size(); ++i) {
                const QJsonObject schedule = record.jobs.at(i).value(QLatin1String("schedule")).toObject();
                if (schedule.value(QLatin1String("state")).toString() != QLatin1String("Active")) {
                    continue; // Paused or Disabled: a paused job does nothing
                }
                runJob(*tenant, record, i);
                ++ran;
            }
        }
    }
    if (ran > 0) {
        m_world.stateRegistry().markDirty();
    }
    return ran;
}

void ProvisioningService::quarantine(QJsonObject& job, const QString& code, const QString& message, bool countFailure)
{
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    QJsonObject quarantine = status.value(QLatin1String("quarantine")).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (quarantine.isEmpty()) {
        quarantine.insert(QStringLiteral("currentBegan"), now.toString(Qt::ISODateWithMs));
        quarantine.insert(QStringLiteral("seriesBegan"), now.toString(Qt::ISODateWithMs));
        quarantine.insert(QStringLiteral("seriesCount"), 1);
    } else {
        quarantine.insert(QStringLiteral("seriesCount"), quarantine.value(QLatin1String("seriesCount")).toInt() + 1);
    }
    quarantine.insert(QStringLiteral("nextAttempt"), now.addSecs(kQuarantineRetrySeconds).toString(Qt::ISODateWithMs));
    // A policy failure is a critical error of the run, not an escrow threshold (graph-reference 10.3).
    quarantine.insert(QStringLiteral("reason"), QStringLiteral("EncounteredQuarantineException"));
    quarantine.insert(QStringLiteral("error"),
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
            {QStringLiteral("tenantActionable"), true}});
    status.insert(QStringLiteral("code"), QStringLiteral("Quarantine"));
    status.insert(QStringLiteral("quarantine"), quarantine);
    if (countFailure) {
        status.insert(QStringLiteral("countSuccessiveCompleteFailures"),
            status.value(QLatin1String("countSuccessiveCompleteFailures")).toInt() + 1);
    }
    job.insert(QStringLiteral("status"), status);
}

void ProvisioningService::runJob(TenantState& source, ServicePrincipalRecord& record, qsizetype jobIndex)
{
    QJsonObject job = record.jobs.at(jobIndex);
    Cycle cycle(source, record, job.value(QLatin1String("id")).toString());
    const QString began = isoNow();
    const QString companyId = record.secret(QStringLiteral("CompanyId"));
    const QString problem = QUuid::fromString(companyId).isNull()
        ? QStringLiteral("the saved secrets hold no CompanyId")
        : policyProblem(m_world, m_options, source, companyId);
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    if (!problem.isEmpty()) {
        const QString message = QStringLiteral("The policy permitting auto-redemption of invitations and user "
                                               "synchronization is not configured: %1.")
                                    .arg(problem);
        QJsonObject execution = emptyExecution(cycle.cycleId, began);
        execution.insert(QStringLiteral("state"), QStringLiteral("Failed"));
        execution.insert(QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), kPolicyCheckFailure}, {QStringLiteral("message"), message},
                {QStringLiteral("tenantActionable"), true}});
        status.insert(QStringLiteral("lastExecution"), execution);
        job.insert(QStringLiteral("status"), status);
        quarantine(job, kPolicyCheckFailure, message, true);
        record.jobs[jobIndex] = job;
        return;
    }
    cycle.target = m_world.tenantById(QUuid::fromString(companyId));
    // The initial cycle, and one after a restart with Watermark, evaluates everybody; later ones only changes.
    cycle.full = cycle.state.value(QLatin1String("fullNext")).toBool(true);
    for (qsizetype i = 0; i < static_cast<qsizetype>(source.users().size()); ++i) {
        const Outcome outcome = processUser(cycle, i, false);
        if (outcome.logged) {
            writeLog(cycle, outcome);
        }
    }
    // Users linked earlier whose source object is gone.
    const QJsonObject links = cycle.state.value(QLatin1String("links")).toObject();
    for (auto it = links.begin(); it != links.end(); ++it) {
        if (source.findUser(QUuid::fromString(it.key())) < 0) {
            writeLog(cycle, deprovision(cycle, it.key(), QStringLiteral("The object was deleted in the source.")));
        }
    }
    cycle.state.insert(QStringLiteral("fullNext"), false);
    record.syncState.insert(cycle.jobId, cycle.state);

    QJsonObject execution = emptyExecution(cycle.cycleId, began);
    execution.insert(QStringLiteral("countImported"), cycle.imported);
    execution.insert(QStringLiteral("countImportedDeltas"), cycle.deltas);
    execution.insert(QStringLiteral("countEntitled"), cycle.entitled);
    execution.insert(QStringLiteral("countEntitledForProvisioning"), cycle.entitled);
    execution.insert(QStringLiteral("countExports"), cycle.exports);
    execution.insert(QStringLiteral("countExported"), cycle.exported);
    execution.insert(QStringLiteral("countEscrowed"), cycle.escrowed);
    execution.insert(QStringLiteral("countEscrowedRaw"), cycle.escrowed);
    execution.insert(
        QStringLiteral("state"), cycle.escrowed > 0 ? QStringLiteral("EntryLevelErrors") : QStringLiteral("Succeeded"));
    const QString ended = execution.value(QLatin1String("timeEnded")).toString();
    status.insert(QStringLiteral("code"), QStringLiteral("Active"));
    status.insert(QStringLiteral("quarantine"), QJsonValue::Null); // a run that passes the check lifts it
    status.insert(QStringLiteral("countSuccessiveCompleteFailures"), 0);
    status.insert(QStringLiteral("lastExecution"), execution);
    status.insert(QStringLiteral("lastSuccessfulExecution"), execution);
    if (cycle.exported > 0) {
        status.insert(QStringLiteral("lastSuccessfulExecutionWithExports"), execution);
    }
    // Steady state: every object in scope has been processed once (the end of a cycle here).
    if (status.value(QLatin1String("steadyStateFirstAchievedTime")).toString().startsWith(QLatin1String("0001"))) {
        status.insert(QStringLiteral("steadyStateFirstAchievedTime"), ended);
    }
    status.insert(QStringLiteral("steadyStateLastAchievedTime"), ended);
    status.insert(QStringLiteral("troubleshootingUrl"), QString());
    const qint64 synchronized = cycle.state.value(QLatin1String("links")).toObject().size();
    status.insert(QStringLiteral("synchronizedEntryCountByType"),
        QJsonArray {
            QJsonObject {{QStringLiteral("key"), QStringLiteral("User")}, {QStringLiteral("value"), synchronized}}});
    status.insert(QStringLiteral("progress"),
        QJsonArray {QJsonObject {{QStringLiteral("completedUnits"), cycle.imported},
            {QStringLiteral("totalUnits"), cycle.imported}, {QStringLiteral("units"), QStringLiteral("Objects")},
            {QStringLiteral("progressObservationDateTime"), ended}}});
    job.insert(QStringLiteral("status"), status);
    record.jobs[jobIndex] = job;
}

ProvisioningService::Outcome ProvisioningService::processUser(Cycle& cycle, qsizetype sourceIndex, bool force)
{
    const TenantState& source = cycle.source;
    TenantState& target = *cycle.target;
    const UserRecord& user = source.users().at(static_cast<size_t>(sourceIndex));
    const QString sourceId = user.id.toString(QUuid::WithoutBraces);
    QJsonObject links = cycle.state.value(QLatin1String("links")).toObject();
    QJsonObject link = links.value(sourceId).toObject();
    qsizetype targetIndex
        = link.isEmpty() ? -1 : findTargetUser(target, link.value(QLatin1String("targetId")).toString());
    if (!link.isEmpty() && targetIndex < 0) {
        // The target user is gone (left the organization, deleted there): the next add recreates it (5.5).
        links.remove(sourceId);
        cycle.state.insert(QStringLiteral("links"), links);
        link = QJsonObject();
    }
    const bool linked = targetIndex >= 0;
    const bool external = user.isGuest || creationType(source, user) == QLatin1String("Invitation");
    const bool assigned = cycle.syncAll || cycle.assigned.contains(user.id);
    const bool escrowed = cycle.state.value(QLatin1String("escrows")).toObject().contains(sourceId);

    Outcome outcome;
    // With "sync only assigned users" the service reads only what is assigned (and what it linked); with SyncAll
    // every user is evaluated, hence the many skipped entries the reference calls normal (graph-reference 3).
    if (!force && !assigned && !linked && !escrowed) {
        outcome.logged = false;
        return outcome;
    }
    // The schema's user object mapping: its scoping filter (the built-in group keeps external users out, and the
    // service's own rule does even without it, 10.5) and its attribute mappings.
    const QJsonObject attributes = sourceAttributes(source, user, external, cycle.assigned.contains(user.id));
    const bool mapped = !cycle.userMapping.isEmpty();
    const ScopeFilter::Result scope = mapped
        ? ScopeFilter::evaluate(cycle.userMapping.value(QLatin1String("scope")).toObject(), attributes)
        : ScopeFilter::Result {false, {}};
    const bool filterPassed = !external && scope.passed;
    const bool inScope = filterPassed && assigned;
    const Evaluation evaluation = evaluateMappings(cycle.userMapping, attributes);
    const QJsonObject values = evaluation.flowing();

    // Incremental cycles see only changes: new in scope, changed since the last export, out of scope, retries.
    if (!force && !cycle.full) {
        const bool unchanged = linked && inScope && values == link.value(QLatin1String("exported")).toObject();
        const bool stillOut = !linked && (!inScope || !user.accountEnabled) && !escrowed;
        if (unchanged || stillOut) {
            outcome.logged = false;
            return outcome;
        }
        ++cycle.deltas;
    }
    ++cycle.imported;
    outcome.sourceId = sourceId;
    outcome.sourceName = text(source, user, PooledUserField::DisplayName);
    outcome.sourcePrincipalName = user.userPrincipalName;
    outcome.steps.append(step(linked ? QStringLiteral("EntryImportUpdate") : QStringLiteral("EntryImportAdd"),
        QStringLiteral("import"), QStringLiteral("success"),
        QStringLiteral("Retrieved %1 from Azure Active Directory").arg(user.userPrincipalName),
        QJsonObject {{QStringLiteral("objectId"), sourceId},
            {QStringLiteral("accountEnabled"), trueFalse(user.accountEnabled)},
            {QStringLiteral("displayName"), outcome.sourceName},
            {QStringLiteral("mailNickname"), user.userPrincipalName.section(QLatin1Char('@'), 0, 0)},
            {QStringLiteral("userPrincipalName"), user.userPrincipalName},
            {QStringLiteral("alternativeSecurityIds"), external ? QStringLiteral("External") : QStringLiteral("None")},
            {QStringLiteral("IsSoftDeleted"), QStringLiteral("False")},
            {QStringLiteral("appRoleAssignments"),
                cycle.assigned.contains(user.id) ? QStringLiteral("msiam_access") : QString()}}));
    const bool entitled = inScope && (linked || user.accountEnabled);
    outcome.steps.append(step(QStringLiteral("EntrySynchronizationScoping"), QStringLiteral("scoping"),
        entitled ? QStringLiteral("success") : QStringLiteral("skipped"),
        entitled ? QStringLiteral("Determined that %1 is in scope").arg(user.userPrincipalName)
                 : QStringLiteral("Determined that %1 is not in scope").arg(user.userPrincipalName),
        QJsonObject {{QStringLiteral("Active in the source system"), trueFalse(user.accountEnabled)},
            {QStringLiteral("Assigned to the application"), trueFalse(assigned)},
            {QStringLiteral("User has the required role"), trueFalse(assigned)},
            {QStringLiteral("Scoping filter evaluation passed"), trueFalse(filterPassed)},
            {QStringLiteral("IsInProvisioningScope"), trueFalse(entitled)},
            {QStringLiteral("ScopeEvaluationResult"),
                QString::fromUtf8(QJsonDocument(scope.clauses).toJson(QJsonDocument::Compact))}}));
    if (!inScope && linked) {
        Outcome removal = deprovision(
            cycle, sourceId, QStringLiteral("%1 left the provisioning scope.").arg(user.userPrincipalName));
        for (const QJsonValue& later : std::as_const(removal.steps)) {
            outcome.steps.append(later);
        }
        removal.steps = outcome.steps;
        removal.sourceName = outcome.sourceName;
        removal.sourcePrincipalName = outcome.sourcePrincipalName;
        return removal;
    }
    if (!entitled) {
        // Out of scope now: a pending retry is dropped, so the user is not logged again on every cycle.
        QJsonObject pendingRetries = cycle.state.value(QLatin1String("escrows")).toObject();
        pendingRetries.remove(sourceId);
        cycle.state.insert(QStringLiteral("escrows"), pendingRetries);
        outcome.status = QStringLiteral("skipped");
        outcome.errorCode = kNotEntitled;
        outcome.reason
            = QStringLiteral("%1 is not in scope: %2.")
                  .arg(user.userPrincipalName,
                      external            ? QStringLiteral("only internal members of the source are synchronized")
                          : !assigned     ? QStringLiteral("not assigned to the application")
                          : !mapped       ? QStringLiteral("the schema has no enabled object mapping for User")
                          : !filterPassed ? QStringLiteral("the scoping filter of the schema leaves them out")
                                          : QStringLiteral("not active in the source system"));
        outcome.steps.append(step(QStringLiteral("EntrySynchronizationSkip"), QStringLiteral("processing"),
            QStringLiteral("skipped"), outcome.reason, QJsonObject {{QStringLiteral("SkipReason"), kNotEntitled}}));
        return outcome;
    }
    ++cycle.entitled;

    // Matching (graph-reference 5.4): the link made earlier, else an accepted B2B user of the same person (the
    // sandbox's stand-in for alternativeSecurityIds is the mail), never a target-internal user.
    const QString mail = user.mail.isEmpty() ? user.userPrincipalName : user.mail;
    const QString newPrincipalName = QString(user.userPrincipalName).replace(QLatin1Char('@'), QLatin1Char('_'))
        + QStringLiteral("#EXT#@") + target.initialDomain();
    qsizetype pending = -1;
    qsizetype conflict = -1;
    if (!linked) {
        for (qsizetype i = 0; i < static_cast<qsizetype>(target.users().size()); ++i) {
            const UserRecord& candidate = target.users().at(static_cast<size_t>(i));
            const bool sameMail = candidate.mail.compare(mail, Qt::CaseInsensitive) == 0;
            const bool b2b = creationType(target, candidate) == QLatin1String("Invitation");
            if (b2b && sameMail) {
                if (text(target, candidate, PooledUserField::ExternalUserState) == QLatin1String("PendingAcceptance")) {
                    pending = i;
                } else {
                    targetIndex = i;
                    break;
                }
            } else if (!b2b
                && (sameMail || candidate.userPrincipalName.compare(newPrincipalName, Qt::CaseInsensitive) == 0)) {
                conflict = i;
            }
        }
    }
    const bool matched = targetIndex >= 0;
    outcome.steps.append(step(QStringLiteral("EntryImport"), QStringLiteral("matching"),
        matched ? QStringLiteral("success") : QStringLiteral("skipped"),
        matched ? QStringLiteral("Retrieved the matching user from Azure Active Directory (target tenant)")
                : QStringLiteral("No matching user was found in Azure Active Directory (target tenant)"),
        QJsonObject {{QStringLiteral("matchingAttribute"), QStringLiteral("alternativeSecurityIds")},
            {QStringLiteral("ObjectMatched"), trueFalse(matched)},
            {QStringLiteral("targetObjectId"),
                matched ? target.users().at(static_cast<size_t>(targetIndex)).id.toString(QUuid::WithoutBraces)
                        : QString()}}));

    QJsonObject escrows = cycle.state.value(QLatin1String("escrows")).toObject();
    const bool adding = !matched;
    // A per-user export failure (graph-reference 9.1): logged, escrowed and retried on later cycles.
    const auto fail = [&](const QString& code, const QString& reason) {
        ++cycle.exports;
        ++cycle.escrowed;
        outcome.action = adding ? QStringLiteral("create") : QStringLiteral("update");
        outcome.status = QStringLiteral("failure");
        outcome.errorCategory = QStringLiteral("nonServiceFailure");
        outcome.errorCode = code;
        outcome.reason = reason;
        if (matched) {
            const UserRecord& existing = target.users().at(static_cast<size_t>(targetIndex));
            outcome.targetId = existing.id.toString(QUuid::WithoutBraces);
            outcome.targetName = text(target, existing, PooledUserField::DisplayName);
            outcome.targetPrincipalName = existing.userPrincipalName;
        }
        outcome.steps.append(
            step(adding ? QStringLiteral("EntrySynchronizationAdd") : QStringLiteral("EntrySynchronizationUpdate"),
                QStringLiteral("processing"), QStringLiteral("success"),
                adding ? QStringLiteral("The user will be created in the target tenant")
                       : QStringLiteral("The user will be updated in the target tenant")));
        outcome.steps.append(step(adding ? QStringLiteral("EntryExportAdd") : QStringLiteral("EntryExportUpdate"),
            QStringLiteral("export"), QStringLiteral("failure"), outcome.reason,
            QJsonObject {{QStringLiteral("ReportableIdentifier"), user.userPrincipalName}}));
        escrows.insert(sourceId, QJsonObject {{QStringLiteral("code"), outcome.errorCode}});
        cycle.state.insert(QStringLiteral("escrows"), escrows);
        return outcome;
    };
    if (!evaluation.unknownTarget.isEmpty()) {
        return fail(kAttributeNotFound,
            QStringLiteral("The attribute '%1' that the schema maps to does not exist on the User object of Azure "
                           "Active Directory (target tenant).")
                .arg(evaluation.unknownTarget));
    }
    if (!evaluation.invalidUserType.isEmpty() && adding) {
        return fail(kInvalidPropertyValue,
            QStringLiteral("The invitation for %1 could not be created: userType '%2' is neither Guest nor Member.")
                .arg(user.userPrincipalName, evaluation.invalidUserType));
    }
    if (const std::optional<InjectedUserErrors::Failure> injected
        = m_userErrors.take(sourceId, user.userPrincipalName)) {
        return fail(injected->code,
            injected->message.isEmpty() ? QStringLiteral("The target tenant refused the %1 of %2 (%3).")
                                              .arg(adding ? QStringLiteral("creation") : QStringLiteral("update"),
                                                  user.userPrincipalName, injected->code)
                                        : injected->message);
    }
    // Per-user errors of the invitation (graph-reference 5.4, 9.1).
    const QString mailDomain = mail.section(QLatin1Char('@'), 1);
    const bool unverifiedMail = !source.ownsDomain(mailDomain);
    if (!matched && pending < 0 && unverifiedMail) {
        // The target rejects the value: mail must be on a verified domain of the source.
        return fail(kInvalidPropertyValue,
            QStringLiteral("The invitation for %1 could not be created: %2 is not a verified domain of the source "
                           "tenant.")
                .arg(mail, mailDomain));
    }
    if (!matched && pending < 0 && conflict >= 0) {
        return fail(kAmbiguousUser,
            QStringLiteral("The invitation for %1 could not be created: its address matches the internal user %2 of "
                           "the target tenant.")
                .arg(mail, target.users().at(static_cast<size_t>(conflict)).userPrincipalName));
    }

    QJsonArray modified;
    QString exportStep;
    if (matched) {
        UserRecord& existing = target.users()[static_cast<size_t>(targetIndex)];
        // Taken over or linked: updated; userType stays unless its mapping flows Always (2.6).
        modified = applyValues(target, existing, evaluation.values, false);
        outcome.action = QStringLiteral("update");
        exportStep = QStringLiteral("EntryExportUpdate");
        outcome.auditActivity = QStringLiteral("Update user");
    } else if (pending >= 0) {
        // A pending invitation is not matched by altSecId, but the invitation manager finds it by mail, redeems it
        // and treats it as an add: one account, its UPN kept (graph-reference 5.4).
        targetIndex = pending;
        UserRecord& invited = target.users()[static_cast<size_t>(pending)];
        modified = applyValues(target, invited, evaluation.values, true);
        modified.append(modification(
            QStringLiteral("externalUserState"), QStringLiteral("PendingAcceptance"), QStringLiteral("Accepted")));
        invited.setField(PooledUserField::ExternalUserState, target.strings().intern(QStringLiteral("Accepted")));
        invited.setField(PooledUserField::ExternalUserStateChangeDateTime, target.strings().intern(isoNow()));
        const bool guest = evaluation.createdUserType() == QLatin1String("Guest");
        if (invited.isGuest != guest) {
            modified.append(modification(QString(kUserType),
                invited.isGuest ? QStringLiteral("Guest") : QStringLiteral("Member"), evaluation.createdUserType()));
            invited.isGuest = guest;
        }
        outcome.action = QStringLiteral("create");
        exportStep = QStringLiteral("EntryExportAdd");
        outcome.auditActivity = QStringLiteral("Update user");
    } else {
        UserRecord created;
        created.id = QUuid::createUuid();
        created.userPrincipalName = newPrincipalName;
        const QJsonValue enabled = values.value(kAccountEnabled);
        created.accountEnabled = enabled.isBool() ? enabled.toBool() : user.accountEnabled;
        created.isGuest = evaluation.createdUserType() == QLatin1String("Guest"); // default: Constant "Member"
        created.setField(PooledUserField::CreationType, target.strings().intern(QStringLiteral("Invitation")));
        created.setField(PooledUserField::ExternalUserState, target.strings().intern(QStringLiteral("Accepted")));
        created.setField(PooledUserField::ExternalUserStateChangeDateTime, target.strings().intern(isoNow()));
        created.setField(PooledUserField::CreatedDateTime,
            target.strings().intern(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
        target.users().push_back(created);
        targetIndex = static_cast<qsizetype>(target.users().size()) - 1;
        modified = applyValues(target, target.users().back(), evaluation.values, true);
        modified.prepend(modification(QString(kUserPrincipalName), QJsonValue::Null, newPrincipalName));
        modified.append(modification(QString(kUserType), QJsonValue::Null, evaluation.createdUserType()));
        outcome.action = QStringLiteral("create");
        exportStep = QStringLiteral("EntryExportAdd");
        outcome.auditActivity = QStringLiteral("Add user");
    }
    const UserRecord& result = target.users().at(static_cast<size_t>(targetIndex));
    outcome.targetId = result.id.toString(QUuid::WithoutBraces);
    outcome.targetName = text(target, result, PooledUserField::DisplayName);
    outcome.targetPrincipalName = result.userPrincipalName;
    outcome.modified = modified;
    links.insert(
        sourceId, QJsonObject {{QStringLiteral("targetId"), outcome.targetId}, {QStringLiteral("exported"), values}});
    cycle.state.insert(QStringLiteral("links"), links);
    escrows.remove(sourceId);
    cycle.state.insert(QStringLiteral("escrows"), escrows);

    if (modified.isEmpty()) {
        // Nothing to change: logged in full cycles and on demand as a skip (graph-reference 4, RedundantExport).
        outcome.auditActivity.clear();
        outcome.action = QStringLiteral("other");
        outcome.status = QStringLiteral("skipped");
        outcome.errorCode = kRedundantExport;
        outcome.reason = QStringLiteral("The target user already matches the source.");
        outcome.steps.append(step(QStringLiteral("EntrySynchronizationSkip"), QStringLiteral("processing"),
            QStringLiteral("skipped"), outcome.reason, QJsonObject {{QStringLiteral("SkipReason"), kRedundantExport}}));
        return outcome;
    }
    ++cycle.exports;
    ++cycle.exported;
    const bool add = exportStep == QLatin1String("EntryExportAdd");
    outcome.steps.append(
        step(add ? QStringLiteral("EntrySynchronizationAdd") : QStringLiteral("EntrySynchronizationUpdate"),
            QStringLiteral("processing"), QStringLiteral("success"),
            add ? QStringLiteral("The user will be created in the target tenant")
                : QStringLiteral("The user will be updated in the target tenant")));
    outcome.steps.append(step(exportStep, QStringLiteral("export"), QStringLiteral("success"),
        QStringLiteral("%1 was %2 in Azure Active Directory (target tenant)")
            .arg(result.userPrincipalName, add ? QStringLiteral("created") : QStringLiteral("updated")),
        QJsonObject {{QStringLiteral("ReportableIdentifier"), user.userPrincipalName},
            {QStringLiteral("targetObjectId"), outcome.targetId}}));
    return outcome;
}

ProvisioningService::Outcome ProvisioningService::deprovision(
    Cycle& cycle, const QString& sourceId, const QString& reason)
{
    TenantState& target = *cycle.target;
    QJsonObject links = cycle.state.value(QLatin1String("links")).toObject();
    const QString targetId = links.value(sourceId).toObject().value(QLatin1String("targetId")).toString();
    links.remove(sourceId);
    cycle.state.insert(QStringLiteral("links"), links);
    Outcome outcome;
    outcome.sourceId = sourceId;
    outcome.action = QStringLiteral("delete");
    outcome.targetId = targetId;
    const qsizetype index = findTargetUser(target, targetId);
    if (index >= 0) {
        // Soft delete (graph-reference 3): the user leaves /users and its groups (deletedItems is not served).
        const UserRecord removed = target.users().at(static_cast<size_t>(index));
        outcome.targetName = text(target, removed, PooledUserField::DisplayName);
        outcome.targetPrincipalName = removed.userPrincipalName;
        target.users().erase(target.users().begin() + index);
        for (GroupRecord& group : target.groups()) {
            group.memberIds.removeAll(removed.id);
        }
        outcome.auditActivity = QStringLiteral("Delete user");
        outcome.modified.append(QJsonObject {{QStringLiteral("displayName"), QStringLiteral("IsSoftDeleted")},
            {QStringLiteral("oldValue"), QStringLiteral("False")},
            {QStringLiteral("newValue"), QStringLiteral("True")}});
    }
    ++cycle.exports;
    ++cycle.exported;
    outcome.steps.append(step(
        QStringLiteral("EntrySynchronizationDelete"), QStringLiteral("processing"), QStringLiteral("success"), reason));
    outcome.steps.append(step(QStringLiteral("EntryExportDelete"), QStringLiteral("export"), QStringLiteral("success"),
        QStringLiteral("The user was soft-deleted in Azure Active Directory (target tenant)"),
        QJsonObject {{QStringLiteral("targetObjectId"), targetId}}));
    return outcome;
}

void ProvisioningService::writeLog(Cycle& cycle, const Outcome& outcome)
{
    const QString changeId = newGuid();
    const QString now = isoNow();
    const QString spId = cycle.record.id();
    const QString spName = cycle.record.servicePrincipal.value(QLatin1String("displayName")).toString();
    QJsonArray steps;
    for (const QJsonValue& value : outcome.steps) {
        QJsonObject entry = value.toObject();
        entry.remove(QStringLiteral("timestamp"));
        steps.append(entry);
    }
    const QJsonValue errorInformation = outcome.errorCode.isEmpty()
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(QJsonObject {{QStringLiteral("errorCode"), outcome.errorCode},
            {QStringLiteral("reason"), outcome.reason}, {QStringLiteral("additionalDetails"), QJsonValue::Null},
            {QStringLiteral("errorCategory"),
                outcome.errorCategory.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(outcome.errorCategory)},
            {QStringLiteral("recommendedAction"), QJsonValue::Null}});
    const qint64 durationMs = std::max<qint64>(
        1, QDateTime::fromString(outcome.startTime, Qt::ISODateWithMs).msecsTo(QDateTime::currentDateTimeUtc()));
    cycle.source.provisioningLog().append(QJsonObject {{QStringLiteral("id"), newGuid()},
        {QStringLiteral("activityDateTime"), now},
        // The how-to's example shows the target tenant here (graph-reference 4, "odd").
        {QStringLiteral("tenantId"), cycle.target ? cycle.target->idText() : cycle.source.idText()},
        {QStringLiteral("jobId"), cycle.jobId}, {QStringLiteral("cycleId"), cycle.cycleId},
        {QStringLiteral("changeId"), changeId}, {QStringLiteral("durationInMilliseconds"), durationMs},
        {QStringLiteral("provisioningAction"), outcome.action}, {QStringLiteral("initiatedBy"), cycle.initiatedBy},
        {QStringLiteral("servicePrincipal"),
            QJsonObject {{QStringLiteral("id"), spId}, {QStringLiteral("displayName"), spName}}},
        {QStringLiteral("sourceSystem"),
            QJsonObject {{QStringLiteral("id"), cycle.source.idText()}, {QStringLiteral("displayName"), kSourceSystem},
                {QStringLiteral("details"), QJsonObject()}}},
        {QStringLiteral("targetSystem"),
            QJsonObject {{QStringLiteral("id"), cycle.target ? cycle.target->idText() : QString()},
                {QStringLiteral("displayName"), kTargetSystem},
                {QStringLiteral("details"),
                    QJsonObject {
                        {QStringLiteral("ApplicationId"), cycle.record.servicePrincipal.value(QLatin1String("appId"))},
                        {QStringLiteral("ServicePrincipalId"), spId},
                        {QStringLiteral("ServicePrincipalDisplayName"), spName}}}}},
        {QStringLiteral("sourceIdentity"),
            QJsonObject {{QStringLiteral("id"), outcome.sourceId}, {QStringLiteral("displayName"), outcome.sourceName},
                {QStringLiteral("identityType"), QStringLiteral("User")},
                {QStringLiteral("details"),
                    QJsonObject {{QStringLiteral("id"), outcome.sourceId},
                        {QStringLiteral("odatatype"), QStringLiteral("User")},
                        {QStringLiteral("DisplayName"), outcome.sourceName},
                        {QStringLiteral("UserPrincipalName"), outcome.sourcePrincipalName}}}}},
        {QStringLiteral("targetIdentity"),
            QJsonObject {{QStringLiteral("id"), outcome.targetId}, {QStringLiteral("displayName"), outcome.targetName},
                {QStringLiteral("identityType"), QStringLiteral("User")},
                {QStringLiteral("details"),
                    outcome.targetId.isEmpty()
                        ? QJsonObject()
                        : QJsonObject {{QStringLiteral("id"), outcome.targetId},
                            {QStringLiteral("UserPrincipalName"), outcome.targetPrincipalName}}}}},
        {QStringLiteral("provisioningStatusInfo"),
            QJsonObject {
                {QStringLiteral("status"), outcome.status}, {QStringLiteral("errorInformation"), errorInformation}}},
        {QStringLiteral("provisioningSteps"), steps}, {QStringLiteral("modifiedProperties"), outcome.modified}});
    trim(cycle.source.provisioningLog());

    if (outcome.auditActivity.isEmpty() || !cycle.target) {
        return;
    }
    // The target's own record of what the sync did to its user, as the directory writes it for any change.
    const QString operation = outcome.auditActivity.section(QLatin1Char(' '), 0, 0);
    QJsonArray modified;
    for (const QJsonValue& value : outcome.modified) {
        const QJsonObject property = value.toObject();
        modified.append(QJsonObject {{QStringLiteral("displayName"), property.value(QLatin1String("displayName"))},
            {QStringLiteral("oldValue"),
                property.value(QLatin1String("oldValue")).isNull()
                    ? QJsonValue(QJsonValue::Null)
                    : QJsonValue(QStringLiteral("[\"%1\"]").arg(property.value(QLatin1String("oldValue")).toString()))},
            {QStringLiteral("newValue"),
                QStringLiteral("[\"%1\"]").arg(property.value(QLatin1String("newValue")).toString())}});
    }
    cycle.target->directoryAudits().append(QJsonObject {
        {QStringLiteral("id"), QStringLiteral("Directory_%1").arg(newGuid())},
        {QStringLiteral("category"), QStringLiteral("UserManagement")}, {QStringLiteral("correlationId"), changeId},
        {QStringLiteral("result"), QStringLiteral("success")}, {QStringLiteral("resultReason"), QString()},
        {QStringLiteral("activityDisplayName"), outcome.auditActivity}, {QStringLiteral("activityDateTime"), now},
        {QStringLiteral("loggedByService"), QStringLiteral("Core Directory")},
        {QStringLiteral("operationType"), operation},
        {QStringLiteral("initiatedBy"),
            QJsonObject {{QStringLiteral("user"), QJsonValue::Null},
                {QStringLiteral("app"),
                    QJsonObject {{QStringLiteral("appId"), cycle.record.servicePrincipal.value(QLatin1String("appId"))},
                        {QStringLiteral("displayName"), spName},
                        {QStringLiteral("servicePrincipalId"), QJsonValue::Null},
                        {QStringLiteral("servicePrincipalName"), QJsonValue::Null}}}}},
        {QStringLiteral("targetResources"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), outcome.targetId},
                {QStringLiteral("displayName"),
                    outcome.targetName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(outcome.targetName)},
                {QStringLiteral("type"), QStringLiteral("User")},
                {QStringLiteral("userPrincipalName"), outcome.targetPrincipalName},
                {QStringLiteral("groupType"), QJsonValue::Null}, {QStringLiteral("modifiedProperties"), modified}}}},
        {QStringLiteral("additionalDetails"),
            QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("SourceTenantId")},
                            {QStringLiteral("value"), cycle.source.idText()}},
                QJsonObject {{QStringLiteral("key"), QStringLiteral("SourceObjectId")},
                    {QStringLiteral("value"), outcome.sourceId}},
                QJsonObject {{QStringLiteral("key"), QStringLiteral("SynchronizationJobId")},
                    {QStringLiteral("value"), cycle.jobId}}}}});
    trim(cycle.target->directoryAudits());
}

void ProvisioningService::start(ServicePrincipalRecord& record, qsizetype jobIndex)
{
    QJsonObject& job = record.jobs[jobIndex];
    QJsonObject schedule = job.value(QLatin1String("schedule")).toObject();
    schedule.insert(QStringLiteral("state"), QStringLiteral("Active"));
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    // Resumes where it stopped; clears a quarantine (graph-reference 2.3). NotRun until the first cycle ends.
    status.insert(QStringLiteral("code"),
        status.value(QLatin1String("lastExecution")).isObject() ? QStringLiteral("Active") : QStringLiteral("NotRun"));
    status.insert(QStringLiteral("quarantine"), QJsonValue::Null);
    job.insert(QStringLiteral("schedule"), schedule);
    job.insert(QStringLiteral("status"), status);
    if (m_options.syncIntervalMs > 0) {
        QTimer::singleShot(std::min(m_options.syncIntervalMs, kFirstCycleDelayMs), this, [this] { runCycle(); });
    }
}

void ProvisioningService::pause(ServicePrincipalRecord& record, qsizetype jobIndex)
{
    QJsonObject& job = record.jobs[jobIndex];
    QJsonObject schedule = job.value(QLatin1String("schedule")).toObject();
    schedule.insert(QStringLiteral("state"), QStringLiteral("Paused"));
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("code"), QStringLiteral("Paused"));
    job.insert(QStringLiteral("schedule"), schedule);
    job.insert(QStringLiteral("status"), status);
}

bool ProvisioningService::restart(
    ServicePrincipalRecord& record, qsizetype jobIndex, const QString& resetScope, QString* problem)
{
    static const QStringList known {QStringLiteral("None"), QStringLiteral("ConnectorDataStore"),
        QStringLiteral("Escrows"), QStringLiteral("Watermark"), QStringLiteral("QuarantineState"),
        QStringLiteral("Full"), QStringLiteral("ForceDeletes")};
    QStringList scopes;
    for (const QString& part : resetScope.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString value = part.trimmed();
        const auto found = std::find_if(known.cbegin(), known.cend(),
            [&](const QString& candidate) { return candidate.compare(value, Qt::CaseInsensitive) == 0; });
        if (found == known.cend()) {
            *problem = QStringLiteral("resetScope '%1' is not one of %2.").arg(value, known.join(QStringLiteral(", ")));
            return false;
        }
        scopes.append(*found);
    }
    if (scopes.isEmpty()) {
        scopes = {QStringLiteral("Watermark"), QStringLiteral("Escrows"),
            QStringLiteral("QuarantineState")}; // the portal's restart
    }
    const bool full = scopes.contains(QLatin1String("Full"));
    const QString jobId = record.jobs.at(jobIndex).value(QLatin1String("id")).toString();
    QJsonObject state = record.syncState.value(jobId).toObject();
    if (full || scopes.contains(QLatin1String("Watermark"))) {
        state.insert(QStringLiteral("fullNext"), true);
    }
    if (full || scopes.contains(QLatin1String("Escrows"))) {
        state.remove(QStringLiteral("escrows"));
    }
    if (full || scopes.contains(QLatin1String("ConnectorDataStore"))) {
        state.remove(QStringLiteral("links")); // the next cycle matches again
        state.insert(QStringLiteral("fullNext"), true);
    }
    record.syncState.insert(jobId, state);
    // Every form resumes the job; start also clears the quarantine (QuarantineState, None and Full ask for it).
    start(record, jobIndex);
    return true;
}

void ProvisioningService::forgetJob(ServicePrincipalRecord& record, const QString& jobId)
{
    record.syncState.remove(jobId);
}

std::optional<int> ProvisioningService::admitOnDemand(const QString& jobId)
{
    if (m_options.provisionOnDemandLimit <= 0) {
        return std::nullopt;
    }
    if (!m_onDemandClock.isValid()) {
        m_onDemandClock.start();
    }
    const qint64 now = m_onDemandClock.elapsed();
    const qint64 window = std::max(1, m_options.provisionOnDemandWindowMs);
    QList<qint64>& calls = m_onDemandCalls[jobId.toLower()];
    calls.erase(std::remove_if(calls.begin(), calls.end(), [&](qint64 at) { return now - at >= window; }), calls.end());
    if (calls.size() >= m_options.provisionOnDemandLimit) {
        // Whole seconds until the oldest call leaves the window, at least one.
        return static_cast<int>(std::max<qint64>(1, (calls.first() + window - now + 999) / 1000));
    }
    calls.append(now);
    return std::nullopt;
}

QJsonObject ProvisioningService::provisionOnDemand(TenantState& source, ServicePrincipalRecord& record,
    qsizetype jobIndex, const OnDemandSubject& subject, const QJsonObject& initiatedBy)
{
    const QString jobId = record.jobs.at(jobIndex).value(QLatin1String("id")).toString();
    Cycle cycle(source, record, jobId);
    cycle.initiatedBy = initiatedBy;
    const QString companyId = record.secret(QStringLiteral("CompanyId"));
    const QString problem = QUuid::fromString(companyId).isNull()
        ? QStringLiteral("the saved secrets hold no CompanyId")
        : policyProblem(m_world, m_options, source, companyId);
    const qsizetype index = source.findUser(QUuid::fromString(subject.objectId));
    Outcome outcome;
    if (!problem.isEmpty() || index < 0) {
        outcome.status = QStringLiteral("failure");
        outcome.errorCode = problem.isEmpty() ? QStringLiteral("InvalidAnchor") : kPolicyCheckFailure;
        outcome.reason = problem.isEmpty() ? QStringLiteral("%1 is not a user of the source.").arg(subject.objectId)
                                           : QStringLiteral("The policy permitting auto-redemption of invitations and "
                                                            "user synchronization is not configured: %1.")
                                                 .arg(problem);
        outcome.sourceId = subject.objectId;
    } else {
        cycle.target = m_world.tenantById(QUuid::fromString(companyId));
        cycle.full = true;
        outcome = processUser(cycle, index, true);
        record.syncState.insert(jobId, cycle.state);
        writeLog(cycle, outcome);
        m_world.stateRegistry().markDirty();
    }
    QJsonArray steps;
    for (const QJsonValue& value : std::as_const(outcome.steps)) {
        const QJsonObject entry = value.toObject();
        steps.append(QJsonObject {{QStringLiteral("name"), entry.value(QLatin1String("name"))},
            {QStringLiteral("type"), pascal(entry.value(QLatin1String("provisioningStepType")).toString())},
            {QStringLiteral("status"), pascal(entry.value(QLatin1String("status")).toString())},
            {QStringLiteral("description"), entry.value(QLatin1String("description"))},
            {QStringLiteral("timestamp"), entry.value(QLatin1String("timestamp"))},
            {QStringLiteral("details"), entry.value(QLatin1String("details"))}});
    }
    const auto nullable
        = [](const QString& value) { return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value); };
    const QJsonObject key {{QStringLiteral("result"), pascal(outcome.status)},
        {QStringLiteral("details"),
            QJsonObject {{QStringLiteral("errorCode"), nullable(outcome.errorCode)},
                {QStringLiteral("errorMessage"), nullable(outcome.reason)}}}};
    const QJsonObject value {{QStringLiteral("action"), pascal(outcome.action)},
        {QStringLiteral("changeId"), newGuid()}, {QStringLiteral("startTime"), outcome.startTime},
        {QStringLiteral("endTime"), sevenDigitNow()},
        {QStringLiteral("reportableIdentifier"), nullable(outcome.sourcePrincipalName)},
        {QStringLiteral("statusInfo"),
            QJsonObject {{QStringLiteral("status"), pascal(outcome.status)},
                {QStringLiteral("errorCode"), nullable(outcome.errorCode)},
                {QStringLiteral("reason"), nullable(outcome.reason)},
                {QStringLiteral("additionalDetails"), QJsonValue::Null},
                {QStringLiteral("errorCategory"), nullable(outcome.errorCategory)},
                {QStringLiteral("recommendedAction"), QJsonValue::Null}}},
        {QStringLiteral("sourceIdentity"),
            QJsonObject {{QStringLiteral("id"), outcome.sourceId}, {QStringLiteral("type"), QStringLiteral("User")},
                {QStringLiteral("displayName"), nullable(outcome.sourceName)},
                {QStringLiteral("details"), QJsonValue::Null}}},
        {QStringLiteral("targetIdentity"),
            QJsonObject {{QStringLiteral("id"), nullable(outcome.targetId)},
                {QStringLiteral("type"), QStringLiteral("User")},
                {QStringLiteral("displayName"), nullable(outcome.targetName)},
                {QStringLiteral("details"), QJsonValue::Null}}},
        {QStringLiteral("sourceSystem"),
            QJsonObject {{QStringLiteral("id"), QJsonValue::Null}, {QStringLiteral("name"), kSourceSystem},
                {QStringLiteral("details"), QJsonValue::Null}}},
        {QStringLiteral("targetSystem"),
            QJsonObject {{QStringLiteral("id"), QJsonValue::Null}, {QStringLiteral("name"), kTargetSystem},
                {QStringLiteral("details"), QJsonValue::Null}}},
        {QStringLiteral("modifiedProperties"), outcome.modified}, {QStringLiteral("provisioningSteps"), steps}};
    return QJsonObject {{QStringLiteral("key"), QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact))},
        {QStringLiteral("value"), QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))}};
}

} // namespace tbsandbox
