// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/SynchronizationController.h"

#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/World.h"
#include "core/sandbox/graph/GraphJson.h"
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/sync/JobSchema.h"
#include "core/sandbox/sync/MappingExpression.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sandbox/sync/ScopeFilter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace tbsandbox {

namespace {

const QString kCtsJobTemplate = QStringLiteral("Azure2Azure");
const QString kCtsHomePage = QStringLiteral("https://account.activedirectory.windowsazure.com:444/applications/"
                                            "default.aspx?metadata=aad2aadsync|ISV9.1|primary|z");
const QString kMinDate = QStringLiteral("0001-01-01T00:00:00Z");

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The instance of the CTS template (graph-reference 2.1): one msiam_access app role, one user_impersonation scope.
ServicePrincipalRecord instantiateCts(const QString& displayName)
{
    const QString appId = newGuid();
    const QJsonArray appRoles {QJsonObject {{QStringLiteral("id"), newGuid()},
        {QStringLiteral("allowedMemberTypes"), QJsonArray {QStringLiteral("User")}},
        {QStringLiteral("displayName"), QStringLiteral("msiam_access")},
        {QStringLiteral("description"), QStringLiteral("msiam_access")}, {QStringLiteral("value"), QJsonValue::Null},
        {QStringLiteral("isEnabled"), true}, {QStringLiteral("origin"), QStringLiteral("Application")}}};
    const QJsonArray scopes {QJsonObject {{QStringLiteral("id"), newGuid()},
        {QStringLiteral("value"), QStringLiteral("user_impersonation")},
        {QStringLiteral("type"), QStringLiteral("User")}, {QStringLiteral("isEnabled"), true},
        {QStringLiteral("adminConsentDisplayName"), QStringLiteral("Access %1").arg(displayName)},
        {QStringLiteral("adminConsentDescription"),
            QStringLiteral("Allow the application to access %1 on behalf of the signed-in user.").arg(displayName)}}};
    const QString created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    ServicePrincipalRecord record;
    record.application = QJsonObject {{QStringLiteral("id"), newGuid()}, {QStringLiteral("appId"), appId},
        {QStringLiteral("applicationTemplateId"), SynchronizationController::kCtsTemplateId},
        {QStringLiteral("displayName"), displayName}, {QStringLiteral("createdDateTime"), created},
        {QStringLiteral("signInAudience"), QStringLiteral("AzureADMyOrg")}, {QStringLiteral("appRoles"), appRoles},
        {QStringLiteral("api"), QJsonObject {{QStringLiteral("oauth2PermissionScopes"), scopes}}},
        {QStringLiteral("web"),
            QJsonObject {
                {QStringLiteral("homePageUrl"), kCtsHomePage}, {QStringLiteral("redirectUris"), QJsonArray()}}}};
    record.servicePrincipal = QJsonObject {{QStringLiteral("id"), newGuid()}, {QStringLiteral("appId"), appId},
        {QStringLiteral("applicationTemplateId"), SynchronizationController::kCtsTemplateId},
        {QStringLiteral("displayName"), displayName}, {QStringLiteral("accountEnabled"), true},
        {QStringLiteral("appRoleAssignmentRequired"), true}, {QStringLiteral("homepage"), kCtsHomePage},
        {QStringLiteral("servicePrincipalType"), QStringLiteral("Application")},
        {QStringLiteral("servicePrincipalNames"), QJsonArray {appId}},
        {QStringLiteral("tags"), QJsonArray {QStringLiteral("WindowsAzureActiveDirectoryIntegratedApp")}},
        {QStringLiteral("appRoles"), appRoles}, {QStringLiteral("oauth2PermissionScopes"), scopes}};
    record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    return record;
}

// A CTS job as created (graph-reference 2.2 and 10.4): disabled, paused, every 40 minutes.
QJsonObject newJob(const TenantState& tenant)
{
    const QString id = QStringLiteral("%1.%2.%3").arg(kCtsJobTemplate, tenant.id().toString(QUuid::Id128), newGuid());
    const QJsonObject status {{QStringLiteral("code"), QStringLiteral("Paused")},
        {QStringLiteral("countSuccessiveCompleteFailures"), 0}, {QStringLiteral("escrowsPruned"), false},
        {QStringLiteral("lastExecution"), QJsonValue::Null},
        {QStringLiteral("lastSuccessfulExecution"), QJsonValue::Null},
        {QStringLiteral("lastSuccessfulExecutionWithExports"), QJsonValue::Null},
        {QStringLiteral("quarantine"), QJsonValue::Null}, {QStringLiteral("steadyStateFirstAchievedTime"), kMinDate},
        {QStringLiteral("steadyStateLastAchievedTime"), kMinDate},
        {QStringLiteral("troubleshootingUrl"), QJsonValue::Null}, {QStringLiteral("progress"), QJsonArray()},
        {QStringLiteral("synchronizedEntryCountByType"), QJsonArray()}};
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("templateId"), kCtsJobTemplate},
        {QStringLiteral("schedule"),
            QJsonObject {{QStringLiteral("expiration"), QJsonValue::Null},
                {QStringLiteral("interval"), QStringLiteral("PT40M")},
                {QStringLiteral("state"), QStringLiteral("Disabled")}}},
        {QStringLiteral("status"), status},
        {QStringLiteral("synchronizationJobSettings"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("AzureIngestionAttributeOptimization")},
                            {QStringLiteral("value"), QStringLiteral("False")}},
                QJsonObject {{QStringLiteral("name"), QStringLiteral("LookaheadQueryEnabled")},
                    {QStringLiteral("value"), QStringLiteral("False")}}}}};
}

QString credential(const QJsonArray& pairs, const QString& key)
{
    for (const QJsonValue& pair : pairs) {
        if (pair.toObject().value(QLatin1String("key")).toString().compare(key, Qt::CaseInsensitive) == 0) {
            return pair.toObject().value(QLatin1String("value")).toString();
        }
    }
    return {};
}

} // namespace

SynchronizationController::SynchronizationController(World& world)
    : m_world(world)
{ }

const SandboxOptions& SynchronizationController::options() const
{
    static const SandboxOptions defaults;
    return m_options ? *m_options : defaults;
}

bool SynchronizationController::propagating(const ServicePrincipalRecord& record) const
{
    return QDateTime::currentMSecsSinceEpoch() - record.createdAtMs < options().servicePrincipalPropagationMs;
}

std::optional<GraphReply> SynchronizationController::handle(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    if (s.isEmpty()) {
        return std::nullopt;
    }
    if (s.first() == QLatin1String("applicationTemplates") && s.size() == 3
        && s.at(2) == QLatin1String("instantiate")) {
        return context.method == QLatin1String("POST")
            ? instantiate(context, s.at(1))
            : GraphJson::methodNotAllowed(context, QByteArrayLiteral("POST"));
    }
    if (s.first() == QLatin1String("servicePrincipals")) {
        return s.size() == 1
            ? (context.method == QLatin1String("GET") ? listServicePrincipals(context)
                                                      : GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET")))
            : servicePrincipalPath(context);
    }
    if (s.first() == QLatin1String("applications") && s.size() == 2) {
        return applicationPath(context);
    }
    return std::nullopt;
}

GraphReply SynchronizationController::instantiate(const GraphRequestContext& context, const QString& templateId) const
{
    if (templateId.compare(kCtsTemplateId, Qt::CaseInsensitive) != 0) {
        return GraphJson::notFound(context, templateId);
    }
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    const QString displayName = body->value(QLatin1String("displayName")).toString().trimmed();
    if (displayName.isEmpty()) {
        return GraphJson::badRequest(context, QStringLiteral("displayName is required."));
    }
    context.tenant->servicePrincipals().push_back(instantiateCts(displayName));
    const ServicePrincipalRecord& record = context.tenant->servicePrincipals().back();
    return GraphReply::jsonReply(201,
        QJsonObject {
            {QStringLiteral("@odata.context"),
                GraphJson::metadataUrl(context, QStringLiteral("microsoft.graph.applicationServicePrincipal"))},
            {QStringLiteral("application"), record.application},
            {QStringLiteral("servicePrincipal"), record.servicePrincipal}});
}

GraphReply SynchronizationController::listServicePrincipals(const GraphRequestContext& context) const
{
    // $filter as far as finding a configuration needs (graph-reference 2.1): one "property eq 'value'".
    QString property;
    QString wanted;
    for (const auto& [key, value] : context.queryItems) {
        if (key == QLatin1String("$filter")) {
            static const QRegularExpression pattern(QStringLiteral("^\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'\\s*$"));
            const QRegularExpressionMatch match = pattern.match(value);
            static const QStringList filterable {QStringLiteral("id"), QStringLiteral("appId"),
                QStringLiteral("displayName"), QStringLiteral("applicationTemplateId")};
            if (!match.hasMatch() || !filterable.contains(match.captured(1))) {
                return GraphReply::error(context, 400, QStringLiteral("Request_UnsupportedQuery"),
                    QStringLiteral("The sandbox filters service principals with one \"property eq 'value'\" on id, "
                                   "appId, displayName or applicationTemplateId."));
            }
            property = match.captured(1);
            wanted = match.captured(2).replace(QStringLiteral("''"), QStringLiteral("'"));
        }
    }
    QJsonArray value;
    for (const ServicePrincipalRecord& record : context.tenant->servicePrincipals()) {
        if (record.servicePrincipal.isEmpty() || propagating(record)) {
            continue;
        }
        if (!property.isEmpty()
            && record.servicePrincipal.value(property).toString().compare(wanted, Qt::CaseInsensitive) != 0) {
            continue;
        }
        value.append(record.servicePrincipal);
    }
    return GraphReply::jsonReply(200,
        QJsonObject {
            {QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, QStringLiteral("servicePrincipals"))},
            {QStringLiteral("value"), value}});
}

std::optional<GraphReply> SynchronizationController::servicePrincipalPath(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    std::vector<ServicePrincipalRecord>& records = context.tenant->servicePrincipals();
    const auto found = std::find_if(records.begin(), records.end(), [&](const ServicePrincipalRecord& record) {
        return !record.servicePrincipal.isEmpty() && record.id().compare(s.at(1), Qt::CaseInsensitive) == 0;
    });
    // Still propagating: missing, like on a replica that has not seen it (graph-reference 2.1 [U]).
    if (found == records.end() || propagating(*found)) {
        return GraphJson::notFound(context, s.at(1));
    }
    if (s.size() == 2) {
        if (context.method == QLatin1String("GET")) {
            QJsonObject body = found->servicePrincipal;
            body.insert(QStringLiteral("@odata.context"),
                GraphJson::metadataUrl(context, QStringLiteral("servicePrincipals/$entity")));
            return GraphReply::jsonReply(200, body);
        }
        if (context.method == QLatin1String("DELETE")) {
            // The application stays; its service principal, jobs and secrets go.
            found->servicePrincipal = QJsonObject();
            found->jobs.clear();
            found->secrets = QJsonArray();
            found->appRoleAssignments = QJsonArray();
            found->syncState = QJsonObject();
            return GraphReply::noContent();
        }
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, DELETE"));
    }
    if (s.at(2) == QLatin1String("synchronization")) {
        return synchronization(context, *found);
    }
    if (s.at(2) == QLatin1String("appRoleAssignedTo") && s.size() <= 4) {
        return appRoleAssignedTo(context, *found);
    }
    return std::nullopt;
}

std::optional<GraphReply> SynchronizationController::applicationPath(const GraphRequestContext& context) const
{
    std::vector<ServicePrincipalRecord>& records = context.tenant->servicePrincipals();
    const auto found = std::find_if(records.begin(), records.end(), [&](const ServicePrincipalRecord& record) {
        return record.applicationId().compare(context.segments.at(1), Qt::CaseInsensitive) == 0;
    });
    if (found == records.end() || propagating(*found)) {
        return GraphJson::notFound(context, context.segments.at(1));
    }
    if (context.method == QLatin1String("GET")) {
        QJsonObject body = found->application;
        body.insert(
            QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, QStringLiteral("applications/$entity")));
        return GraphReply::jsonReply(200, body);
    }
    if (context.method == QLatin1String("DELETE")) {
        // Deleting the application deletes its service principal in the home tenant, configuration included.
        records.erase(found);
        return GraphReply::noContent();
    }
    return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, DELETE"));
}

std::optional<GraphReply> SynchronizationController::synchronization(
    const GraphRequestContext& context, ServicePrincipalRecord& record) const
{
    const QStringList& s = context.segments; // servicePrincipals/{id}/synchronization/...
    const QString& method = context.method;
    if (s.size() == 4 && s.at(3) == QLatin1String("templates")) {
        if (method != QLatin1String("GET")) {
            return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
        }
        const QJsonObject cts {{QStringLiteral("id"), kCtsJobTemplate},
            {QStringLiteral("applicationId"), record.servicePrincipal.value(QLatin1String("appId"))},
            {QStringLiteral("default"), true}, {QStringLiteral("description"), QStringLiteral("Azure AD to Azure AD")},
            {QStringLiteral("discoverable"), true}, {QStringLiteral("factoryTag"), kCtsJobTemplate},
            {QStringLiteral("metadata"), QJsonArray()}};
        return GraphReply::jsonReply(200,
            QJsonObject {{QStringLiteral("@odata.context"),
                             GraphJson::metadataUrl(context,
                                 QStringLiteral("servicePrincipals('%1')/synchronization/templates").arg(record.id()))},
                {QStringLiteral("value"), QJsonArray {cts}}});
    }
    if (s.size() == 4 && s.at(3) == QLatin1String("secrets")) {
        if (method == QLatin1String("PUT")) {
            GraphReply refusal;
            const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
            if (!body) {
                return refusal;
            }
            // Both examples send "value", the parameter table says "credentials" (graph-reference 2.5).
            const QJsonArray pairs = body->contains(QLatin1String("value"))
                ? body->value(QLatin1String("value")).toArray()
                : body->value(QLatin1String("credentials")).toArray();
            QJsonArray kept;
            for (const QJsonValue& pair : pairs) {
                const QJsonObject object = pair.toObject();
                if (object.value(QLatin1String("key")).toString().isEmpty()
                    || !object.value(QLatin1String("value")).isString()) {
                    return GraphJson::badRequest(
                        context, QStringLiteral("Each secret needs a \"key\" and a string \"value\"."));
                }
                kept.append(QJsonObject {{QStringLiteral("key"), object.value(QLatin1String("key"))},
                    {QStringLiteral("value"), object.value(QLatin1String("value"))}});
            }
            record.secrets = kept;
            return GraphReply::noContent();
        }
        if (method == QLatin1String("GET")) {
            // Passwords come back masked (graph-reference 2.5 [O]).
            QJsonArray shown;
            for (const QJsonValue& pair : std::as_const(record.secrets)) {
                QJsonObject object = pair.toObject();
                const QString key = object.value(QLatin1String("key")).toString();
                if (key == QLatin1String("Password") || key == QLatin1String("SecretToken")) {
                    object.insert(QStringLiteral("value"), QStringLiteral("*"));
                }
                shown.append(object);
            }
            return GraphReply::jsonReply(200, QJsonObject {{QStringLiteral("value"), shown}});
        }
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, PUT"));
    }
    if (s.size() < 4 || s.at(3) != QLatin1String("jobs")) {
        return std::nullopt;
    }
    if (s.size() == 4) {
        if (method == QLatin1String("GET")) {
            QJsonArray value;
            for (const QJsonObject& job : std::as_const(record.jobs)) {
                value.append(job);
            }
            return GraphReply::jsonReply(200,
                QJsonObject {{QStringLiteral("@odata.context"),
                                 GraphJson::metadataUrl(context,
                                     QStringLiteral("servicePrincipals('%1')/synchronization/jobs").arg(record.id()))},
                    {QStringLiteral("value"), value}});
        }
        return method == QLatin1String("POST") ? createJob(context, record)
                                               : GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, POST"));
    }
    if (s.size() == 5 && s.at(4) == QLatin1String("validateCredentials")) {
        return method == QLatin1String("POST") ? validateCredentials(context, record)
                                               : GraphJson::methodNotAllowed(context, QByteArrayLiteral("POST"));
    }
    const qsizetype index = record.findJob(s.at(4));
    if (index < 0) {
        return GraphJson::notFound(context, s.at(4));
    }
    if (s.size() == 5) {
        if (method == QLatin1String("GET")) {
            QJsonObject body = record.jobs.at(index);
            body.insert(QStringLiteral("@odata.context"),
                GraphJson::metadataUrl(
                    context, QStringLiteral("servicePrincipals('%1')/synchronization/jobs/$entity").arg(record.id())));
            return GraphReply::jsonReply(200, body);
        }
        if (method == QLatin1String("DELETE")) {
            ProvisioningService::forgetJob(record, record.jobs.at(index).value(QLatin1String("id")).toString());
            record.jobs.removeAt(index);
            return GraphReply::noContent();
        }
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, DELETE"));
    }
    return jobAction(context, record, index);
}

GraphReply SynchronizationController::jobAction(
    const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype index) const
{
    const QStringList& s = context.segments; // servicePrincipals/{id}/synchronization/jobs/{jobId}/...
    const QString& method = context.method;
    const QString action = s.size() >= 6 ? s.at(5) : QString();
    if (action == QLatin1String("schema")) {
        return schemaPath(context, record, index);
    }
    static const QStringList actions {QStringLiteral("validateCredentials"), QStringLiteral("start"),
        QStringLiteral("pause"), QStringLiteral("restart"), QStringLiteral("provisionOnDemand")};
    if (s.size() != 6 || !actions.contains(action)) {
        return GraphJson::notFound(context, s.last());
    }
    if (method != QLatin1String("POST")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("POST"));
    }
    if (action == QLatin1String("validateCredentials")) {
        return validateCredentials(context, record);
    }
    if (action == QLatin1String("provisionOnDemand")) {
        return provisionOnDemand(context, record, index);
    }
    // The state machine of graph-reference 2.3 and 10.4.
    if (action == QLatin1String("restart")) {
        // No body at all is taken as no criteria: the portal's restart.
        GraphReply refusal;
        const std::optional<QJsonObject> body = context.body.trimmed().isEmpty()
            ? std::optional<QJsonObject>(QJsonObject())
            : GraphJson::body(context, &refusal);
        if (!body) {
            return refusal;
        }
        const QJsonValue criteria = body->value(QLatin1String("criteria"));
        if (!criteria.isUndefined() && !criteria.isNull() && !criteria.isObject()) {
            return GraphJson::badRequest(context, QStringLiteral("criteria must be an object with a resetScope."));
        }
        QString problem;
        if (!m_provisioning
            || !m_provisioning->restart(
                record, index, criteria.toObject().value(QLatin1String("resetScope")).toString(), &problem)) {
            return GraphJson::badRequest(context, problem);
        }
        return GraphReply::noContent();
    }
    if (m_provisioning) {
        if (action == QLatin1String("start")) {
            m_provisioning->start(record, index);
        } else {
            m_provisioning->pause(record, index);
        }
        return GraphReply::noContent();
    }
    QJsonObject& job = record.jobs[index];
    const bool start = action == QLatin1String("start");
    QJsonObject schedule = job.value(QLatin1String("schedule")).toObject();
    schedule.insert(QStringLiteral("state"), start ? QStringLiteral("Active") : QStringLiteral("Paused"));
    QJsonObject status = job.value(QLatin1String("status")).toObject();
    status.insert(QStringLiteral("code"), start ? QStringLiteral("NotRun") : QStringLiteral("Paused"));
    if (start) {
        status.insert(QStringLiteral("quarantine"), QJsonValue::Null);
    }
    job.insert(QStringLiteral("schedule"), schedule);
    job.insert(QStringLiteral("status"), status);
    return GraphReply::noContent();
}

GraphReply SynchronizationController::schemaPath(
    const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype index) const
{
    const QStringList& s = context.segments; // servicePrincipals/{id}/synchronization/jobs/{jobId}/schema[/...]
    const QString& method = context.method;
    const QString jobId = record.jobs.at(index).value(QLatin1String("id")).toString();
    const QString entity
        = QStringLiteral("servicePrincipals('%1')/synchronization/jobs('%2')/schema").arg(record.id(), jobId);
    if (s.size() == 7) {
        // The lists of graph-reference 2.6 (filterOperatorSchema, attributeMappingFunctionSchema).
        const bool operators = s.at(6) == QLatin1String("filterOperators");
        if (!operators && s.at(6) != QLatin1String("functions")) {
            return GraphJson::notFound(context, s.at(6));
        }
        if (method != QLatin1String("GET")) {
            return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
        }
        return GraphReply::jsonReply(200,
            QJsonObject {
                {QStringLiteral("@odata.context"),
                    GraphJson::metadataUrl(context,
                        operators ? QStringLiteral("Collection(microsoft.graph.filterOperatorSchema)")
                                  : QStringLiteral("Collection(microsoft.graph.attributeMappingFunctionSchema)"))},
                {QStringLiteral("value"),
                    operators ? ScopeFilter::supportedOperators() : MappingExpression::supportedFunctions()}});
    }
    if (s.size() != 6) {
        return GraphJson::notFound(context, s.last());
    }
    if (method == QLatin1String("GET")) {
        QJsonObject body = JobSchema::current(record, jobId);
        body.insert(
            QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, entity + QStringLiteral("/$entity")));
        return GraphReply::jsonReply(200, body);
    }
    if (method == QLatin1String("DELETE")) {
        JobSchema::reset(record, jobId); // back to the template's default
        return GraphReply::noContent();
    }
    if (method != QLatin1String("PUT")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, PUT, DELETE"));
    }
    // Full replacement (graph-reference 2.6), after the checks of JobSchema::validate.
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    if (const std::optional<JobSchema::Refusal> problem = JobSchema::validate(*body)) {
        return GraphReply::error(context, 400, problem->code, problem->message);
    }
    JobSchema::replace(record, jobId, *body);
    return GraphReply::noContent();
}

GraphReply SynchronizationController::provisionOnDemand(
    const GraphRequestContext& context, ServicePrincipalRecord& record, qsizetype index) const
{
    // 5 requests per 10 seconds (graph-reference 2.7, 10.9), counted per job before anything else.
    if (m_provisioning) {
        if (const std::optional<int> wait
            = m_provisioning->admitOnDemand(record.jobs.at(index).value(QLatin1String("id")).toString())) {
            GraphReply reply = GraphReply::error(context, 429, QStringLiteral("TooManyRequests"),
                QStringLiteral("Too many provisionOnDemand requests for this job: %1 are allowed per %2 seconds. "
                               "Retry after %3 seconds.")
                    .arg(options().provisionOnDemandLimit)
                    .arg(options().provisionOnDemandWindowMs / 1000.0)
                    .arg(*wait));
            reply.retryAfterSeconds = *wait;
            return reply;
        }
    }
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    // {"parameters":[{"ruleId","subjects":[{"objectId","objectTypeName"}]}]} (graph-reference 2.7); one user.
    const QJsonArray parameters = body->value(QLatin1String("parameters")).toArray();
    const QJsonObject parameter = parameters.isEmpty() ? QJsonObject() : parameters.first().toObject();
    const QJsonArray subjects = parameter.value(QLatin1String("subjects")).toArray();
    if (parameters.size() != 1 || subjects.size() != 1) {
        return GraphJson::badRequest(context,
            QStringLiteral("provisionOnDemand takes one parameter with one subject: "
                           "{\"parameters\":[{\"ruleId\",\"subjects\":[{\"objectId\",\"objectTypeName\"}]}]}."));
    }
    const QString jobId = record.jobs.at(index).value(QLatin1String("id")).toString();
    const QStringList ruleIds = JobSchema::ruleIds(JobSchema::current(record, jobId));
    if (!ruleIds.contains(parameter.value(QLatin1String("ruleId")).toString())) {
        return GraphJson::badRequest(context,
            QStringLiteral("ruleId '%1' is not a rule of this job's schema; its rules are %2.")
                .arg(parameter.value(QLatin1String("ruleId")).toString(), ruleIds.join(QStringLiteral(", "))));
    }
    const QJsonObject subject = subjects.at(0).toObject();
    const QString objectId = subject.value(QLatin1String("objectId")).toString();
    const QString typeName = subject.value(QLatin1String("objectTypeName")).toString();
    if (typeName.compare(QLatin1String("User"), Qt::CaseInsensitive) != 0) {
        return GraphJson::badRequest(
            context, QStringLiteral("objectTypeName '%1' is not provisioned by the sandbox; use User.").arg(typeName));
    }
    if (QUuid::fromString(objectId).isNull() || context.tenant->findUser(QUuid::fromString(objectId)) < 0) {
        return GraphJson::notFound(context, objectId);
    }
    if (!m_provisioning) {
        return GraphJson::notFound(context, QStringLiteral("provisionOnDemand"));
    }
    // The log names the admin who asked (initiatorType user).
    const qsizetype caller = context.tenant->findUser(context.userId);
    const QJsonObject initiatedBy {{QStringLiteral("id"), context.userId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("displayName"),
            caller < 0
                ? QString()
                : context.tenant->strings().at(
                    context.tenant->users().at(static_cast<size_t>(caller)).field(PooledUserField::DisplayName))},
        {QStringLiteral("initiatorType"), QStringLiteral("user")}};
    QJsonObject answer
        = m_provisioning->provisionOnDemand(*context.tenant, record, index, {objectId, typeName}, initiatedBy);
    answer.insert(QStringLiteral("@odata.context"),
        GraphJson::metadataUrl(context, QStringLiteral("microsoft.graph.stringKeyStringValuePair")));
    return GraphReply::jsonReply(200, answer);
}

GraphReply SynchronizationController::appRoleAssignedTo(
    const GraphRequestContext& context, ServicePrincipalRecord& record) const
{
    const QStringList& s = context.segments; // servicePrincipals/{id}/appRoleAssignedTo[/{assignmentId}]
    const QString& method = context.method;
    const QString entitySet = QStringLiteral("servicePrincipals('%1')/appRoleAssignedTo").arg(record.id());
    if (s.size() == 4) {
        if (method != QLatin1String("DELETE") && method != QLatin1String("GET")) {
            return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, DELETE"));
        }
        for (qsizetype i = 0; i < record.appRoleAssignments.size(); ++i) {
            QJsonObject assignment = record.appRoleAssignments.at(i).toObject();
            if (assignment.value(QLatin1String("id")).toString() != s.at(3)) {
                continue;
            }
            if (method == QLatin1String("DELETE")) {
                record.appRoleAssignments.removeAt(i);
                return GraphReply::noContent();
            }
            assignment.insert(QStringLiteral("@odata.context"),
                GraphJson::metadataUrl(context, entitySet + QStringLiteral("/$entity")));
            return GraphReply::jsonReply(200, assignment);
        }
        return GraphJson::notFound(context, s.at(3));
    }
    if (method == QLatin1String("GET")) {
        return GraphReply::jsonReply(200,
            QJsonObject {{QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, entitySet)},
                {QStringLiteral("value"), record.appRoleAssignments}});
    }
    if (method != QLatin1String("POST")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, POST"));
    }
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    const QUuid principalId = QUuid::fromString(body->value(QLatin1String("principalId")).toString());
    const QString resourceId = body->value(QLatin1String("resourceId")).toString();
    const QString appRoleId = body->value(QLatin1String("appRoleId")).toString();
    if (principalId.isNull() || resourceId.compare(record.id(), Qt::CaseInsensitive) != 0) {
        return GraphJson::badRequest(context,
            QStringLiteral("An appRoleAssignment needs a GUID principalId and resourceId %1 (this service principal).")
                .arg(record.id()));
    }
    const QJsonArray roles = record.servicePrincipal.value(QLatin1String("appRoles")).toArray();
    const bool knownRole = std::any_of(roles.begin(), roles.end(), [&](const QJsonValue& role) {
        return role.toObject().value(QLatin1String("id")).toString().compare(appRoleId, Qt::CaseInsensitive) == 0;
    });
    if (!knownRole) {
        return GraphJson::badRequest(context,
            QStringLiteral("Permission being assigned was not found on application '%1': appRoleId '%2'; use the id of "
                           "the msiam_access role in appRoles.")
                .arg(record.id(), appRoleId));
    }
    QString principalType;
    QString principalName;
    if (const qsizetype user = context.tenant->findUser(principalId); user >= 0) {
        principalType = QStringLiteral("User");
        principalName = context.tenant->strings().at(
            context.tenant->users().at(static_cast<size_t>(user)).field(PooledUserField::DisplayName));
    } else if (const qsizetype group = context.tenant->findGroup(principalId); group >= 0) {
        principalType = QStringLiteral("Group");
        principalName = context.tenant->groups()
                            .at(static_cast<size_t>(group))
                            .properties.value(QLatin1String("displayName"))
                            .toString();
    } else {
        return GraphJson::notFound(context, principalId.toString(QUuid::WithoutBraces));
    }
    const QString principalText = principalId.toString(QUuid::WithoutBraces);
    for (const QJsonValue& existing : std::as_const(record.appRoleAssignments)) {
        const QJsonObject assignment = existing.toObject();
        if (assignment.value(QLatin1String("principalId")).toString() == principalText
            && assignment.value(QLatin1String("appRoleId")).toString().compare(appRoleId, Qt::CaseInsensitive) == 0) {
            // [U] graph-reference 3: Graph refuses a duplicate with this message.
            return GraphJson::badRequest(
                context, QStringLiteral("Permission being assigned already exists on the object"));
        }
    }
    // Ids are opaque base64url strings, not GUIDs (graph-reference 3).
    QByteArray random(32, Qt::Uninitialized);
    for (char& byte : random) {
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    }
    QJsonObject assignment {
        {QStringLiteral("id"),
            QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))},
        {QStringLiteral("deletedDateTime"), QJsonValue::Null}, {QStringLiteral("appRoleId"), appRoleId.toLower()},
        {QStringLiteral("createdDateTime"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("principalDisplayName"), principalName}, {QStringLiteral("principalId"), principalText},
        {QStringLiteral("principalType"), principalType},
        {QStringLiteral("resourceDisplayName"), record.servicePrincipal.value(QLatin1String("displayName"))},
        {QStringLiteral("resourceId"), record.id()}};
    record.appRoleAssignments.append(assignment);
    assignment.insert(
        QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, entitySet + QStringLiteral("/$entity")));
    return GraphReply::jsonReply(201, assignment);
}

GraphReply SynchronizationController::createJob(
    const GraphRequestContext& context, ServicePrincipalRecord& record) const
{
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    const QString templateId = body->value(QLatin1String("templateId")).toString();
    if (templateId != kCtsJobTemplate) {
        return GraphJson::badRequest(context,
            QStringLiteral("templateId '%1' is not a synchronization template of this application; use %2.")
                .arg(templateId, kCtsJobTemplate));
    }
    record.jobs.append(newJob(*context.tenant));
    QJsonObject created = record.jobs.last();
    created.insert(QStringLiteral("@odata.context"),
        GraphJson::metadataUrl(
            context, QStringLiteral("servicePrincipals('%1')/synchronization/jobs/$entity").arg(record.id())));
    return GraphReply::jsonReply(201, created);
}

GraphReply SynchronizationController::validateCredentials(
    const GraphRequestContext& context, const ServicePrincipalRecord& record) const
{
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    const bool saved = body->value(QLatin1String("useSavedCredentials")).toBool(false);
    const QJsonArray credentials = saved ? record.secrets : body->value(QLatin1String("credentials")).toArray();
    const QString companyId = credential(credentials, QStringLiteral("CompanyId"));
    if (QUuid::fromString(companyId).isNull()) {
        return GraphJson::badRequest(context,
            saved ? QStringLiteral("The saved secrets hold no CompanyId; PUT synchronization/secrets first.")
                  : QStringLiteral("credentials need a CompanyId with the target tenant's id."));
    }
    // The policy check of graph-reference 10.3, in the target named by CompanyId.
    const QString missing = ProvisioningService::policyProblem(m_world, options(), *context.tenant, companyId);
    if (!missing.isEmpty()) {
        return GraphReply::error(context, options().policyCheckFailureStatus,
            QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"),
            QStringLiteral("The policy permitting auto-redemption of invitations and user synchronization is not "
                           "configured: %1.")
                .arg(missing));
    }
    return GraphReply::noContent();
}

} // namespace tbsandbox
