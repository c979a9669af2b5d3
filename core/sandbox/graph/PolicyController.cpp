// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/graph/PolicyController.h"

#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/World.h"
#include "core/sandbox/graph/GraphJson.h"
#include "core/sandbox/graph/GraphRequestContext.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tbsandbox {

namespace {

const QString kPolicyContext = QStringLiteral("policies/crossTenantAccessPolicy");

// The argument of a Graph function segment such as findTenantInformationByTenantId(tenantId='x'), or nothing.
std::optional<QString> functionArgument(const QString& segment, const QString& function, const QString& parameter)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\w+)\\((\\w+)='((?:[^']|'')*)'\\)$"));
    const QRegularExpressionMatch match = pattern.match(segment);
    if (!match.hasMatch() || match.captured(1).compare(function, Qt::CaseInsensitive) != 0
        || match.captured(2).compare(parameter, Qt::CaseInsensitive) != 0) {
        return std::nullopt;
    }
    return match.captured(3).replace(QStringLiteral("''"), QStringLiteral("'"));
}

} // namespace

PolicyController::PolicyController(World& world)
    : m_world(world)
{ }

const SandboxOptions& PolicyController::options() const
{
    static const SandboxOptions defaults;
    return m_options ? *m_options : defaults;
}

std::optional<GraphReply> PolicyController::handle(const GraphRequestContext& context) const
{
    const QStringList& s = context.segments;
    if (!s.isEmpty() && s.first() == QLatin1String("tenantRelationships")) {
        return tenantLookup(context);
    }
    if (s.size() < 2 || s.first() != QLatin1String("policies") || s.at(1) != QLatin1String("crossTenantAccessPolicy")) {
        return std::nullopt;
    }
    if (s.size() == 2) {
        return policyRoot(context);
    }
    if (s.at(2) == QLatin1String("default")) {
        if (s.size() == 3) {
            return defaultConfiguration(context);
        }
        if (s.size() == 4 && s.at(3) == QLatin1String("resetToSystemDefault")) {
            if (context.method != QLatin1String("POST")) {
                return GraphJson::methodNotAllowed(context, QByteArrayLiteral("POST"));
            }
            context.tenant->crossTenantPolicy().resetDefault();
            return GraphReply::noContent(); // [U] graph-reference 1.2
        }
        return std::nullopt;
    }
    if (s.at(2) != QLatin1String("partners")) {
        return std::nullopt;
    }
    if (s.size() == 3) {
        return partners(context);
    }
    if (s.size() == 4) {
        return partner(context, s.at(3));
    }
    if (s.size() == 5 && s.at(4) == QLatin1String("identitySynchronization")) {
        return identitySynchronization(context, s.at(3));
    }
    return std::nullopt;
}

GraphReply PolicyController::policyRoot(const GraphRequestContext& context) const
{
    if (context.method != QLatin1String("GET")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
    }
    QJsonObject body = context.tenant->crossTenantPolicy().root();
    body.insert(
        QStringLiteral("@odata.context"), GraphJson::metadataUrl(context, kPolicyContext + QStringLiteral("/$entity")));
    return GraphReply::jsonReply(200, body);
}

GraphReply PolicyController::defaultConfiguration(const GraphRequestContext& context) const
{
    CrossTenantPolicy& policy = context.tenant->crossTenantPolicy();
    if (context.method == QLatin1String("GET")) {
        QJsonObject body = policy.defaultConfiguration();
        body.insert(QStringLiteral("@odata.context"),
            GraphJson::metadataUrl(context, kPolicyContext + QStringLiteral("/default/$entity")));
        return GraphReply::jsonReply(200, body);
    }
    if (context.method != QLatin1String("PATCH")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, PATCH"));
    }
    GraphReply refusal;
    const std::optional<QJsonObject> patch = GraphJson::body(context, &refusal);
    if (!patch) {
        return refusal;
    }
    QString problem;
    if (!policy.patchDefault(*patch, &problem)) {
        return GraphJson::badRequest(context, problem);
    }
    return GraphReply::noContent();
}

GraphReply PolicyController::partners(const GraphRequestContext& context) const
{
    CrossTenantPolicy& policy = context.tenant->crossTenantPolicy();
    if (context.method == QLatin1String("GET")) {
        QJsonArray value;
        for (const CrossTenantPolicy::Partner& entry : policy.partners()) {
            value.append(entry.configuration);
        }
        return GraphReply::jsonReply(200,
            QJsonObject {{QStringLiteral("@odata.context"),
                             GraphJson::metadataUrl(context, kPolicyContext + QStringLiteral("/partners"))},
                {QStringLiteral("value"), value}});
    }
    if (context.method != QLatin1String("POST")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, POST"));
    }
    GraphReply refusal;
    const std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    const QString tenantId = body->value(QLatin1String("tenantId")).toString();
    if (QUuid::fromString(tenantId).isNull()) {
        return GraphJson::badRequest(context, QStringLiteral("tenantId is required and must be a tenant GUID."));
    }
    if (policy.partner(tenantId)) {
        return GraphJson::conflict(context,
            QStringLiteral("Another object with the same value for property tenantId already exists: %1.")
                .arg(tenantId.toLower()));
    }
    QJsonObject created = policy.addPartner(tenantId, *body).configuration;
    created.insert(QStringLiteral("@odata.context"),
        GraphJson::metadataUrl(context, kPolicyContext + QStringLiteral("/partners/$entity")));
    return GraphReply::jsonReply(201, created);
}

GraphReply PolicyController::partner(const GraphRequestContext& context, const QString& tenantId) const
{
    CrossTenantPolicy& policy = context.tenant->crossTenantPolicy();
    CrossTenantPolicy::Partner* entry = policy.partner(tenantId);
    const bool known = context.method == QLatin1String("GET") || context.method == QLatin1String("PATCH")
        || context.method == QLatin1String("DELETE");
    if (!known) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, PATCH, DELETE"));
    }
    if (!entry) {
        return GraphJson::notFound(context, tenantId); // [U] graph-reference 1.4
    }
    if (context.method == QLatin1String("GET")) {
        QJsonObject body = entry->configuration;
        body.insert(QStringLiteral("@odata.context"),
            GraphJson::metadataUrl(context, kPolicyContext + QStringLiteral("/partners/$entity")));
        return GraphReply::jsonReply(200, body);
    }
    if (context.method == QLatin1String("DELETE")) {
        policy.removePartner(tenantId);
        return GraphReply::noContent();
    }
    GraphReply refusal;
    std::optional<QJsonObject> patch = GraphJson::body(context, &refusal);
    if (!patch) {
        return refusal;
    }
    const QString patchedId = patch->take(QLatin1String("tenantId")).toString();
    if (!patchedId.isEmpty() && patchedId.compare(tenantId, Qt::CaseInsensitive) != 0) {
        return GraphJson::badRequest(context, QStringLiteral("tenantId is read-only after the partner is created."));
    }
    patch->remove(QStringLiteral("identitySynchronization"));
    CrossTenantPolicy::mergePatch(entry->configuration, *patch);
    return GraphReply::noContent();
}

GraphReply PolicyController::identitySynchronization(const GraphRequestContext& context, const QString& tenantId) const
{
    CrossTenantPolicy::Partner* entry = context.tenant->crossTenantPolicy().partner(tenantId);
    const QString& method = context.method;
    if (method != QLatin1String("GET") && method != QLatin1String("PUT") && method != QLatin1String("PATCH")
        && method != QLatin1String("DELETE")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET, PUT, PATCH, DELETE"));
    }
    if (!entry) {
        return GraphJson::notFound(context, tenantId);
    }
    if (method == QLatin1String("GET") || method == QLatin1String("DELETE")) {
        if (!entry->identitySynchronization) {
            return GraphJson::notFound(context, QStringLiteral("identitySynchronization"));
        }
        if (method == QLatin1String("DELETE")) {
            entry->identitySynchronization.reset();
            return GraphReply::noContent(); // [U] graph-reference 1.5
        }
        QJsonObject body = *entry->identitySynchronization;
        body.insert(QStringLiteral("@odata.context"),
            GraphJson::metadataUrl(context,
                kPolicyContext
                    + QStringLiteral("/partners('%1')/identitySynchronization/$entity").arg(tenantId.toLower())));
        return GraphReply::jsonReply(200, body);
    }
    GraphReply refusal;
    std::optional<QJsonObject> body = GraphJson::body(context, &refusal);
    if (!body) {
        return refusal;
    }
    body->remove(QStringLiteral("tenantId"));
    if (method == QLatin1String("PUT")) {
        // Create only, per the CTS how-to's troubleshooting (graph-reference 1.5); an upsert when configured.
        if (entry->identitySynchronization && options().identitySyncPutConflicts) {
            return GraphJson::conflict(context,
                QStringLiteral("An identity synchronization policy for partner %1 already exists; use PATCH to "
                               "change it.")
                    .arg(tenantId.toLower()));
        }
        QJsonObject created {{QStringLiteral("tenantId"), tenantId.toLower()},
            {QStringLiteral("displayName"), QJsonValue::Null},
            {QStringLiteral("userSyncInbound"), QJsonObject {{QStringLiteral("isSyncAllowed"), false}}}};
        CrossTenantPolicy::mergePatch(created, *body);
        entry->identitySynchronization = created;
        return GraphReply::noContent();
    }
    if (!entry->identitySynchronization) {
        return GraphReply::error(context, options().identitySyncPatchMissingStatus,
            QStringLiteral("Directory_ObjectNotFound"),
            QStringLiteral("Unable to read the company information from the directory."));
    }
    CrossTenantPolicy::mergePatch(*entry->identitySynchronization, *body);
    return GraphReply::noContent();
}

std::optional<GraphReply> PolicyController::tenantLookup(const GraphRequestContext& context) const
{
    if (context.segments.size() != 2) {
        return std::nullopt;
    }
    const QString& function = context.segments.at(1);
    TenantState* found = nullptr;
    QString asked;
    if (const std::optional<QString> id
        = functionArgument(function, QStringLiteral("findTenantInformationByTenantId"), QStringLiteral("tenantId"))) {
        asked = *id;
        found = QUuid::fromString(*id).isNull() ? nullptr : m_world.tenantById(QUuid::fromString(*id));
    } else if (const std::optional<QString> domain = functionArgument(
                   function, QStringLiteral("findTenantInformationByDomainName"), QStringLiteral("domainName"))) {
        asked = *domain;
        found = QUuid::fromString(*domain).isNull() ? m_world.tenantByIdOrDomain(*domain) : nullptr;
    } else {
        return std::nullopt;
    }
    if (context.method != QLatin1String("GET")) {
        return GraphJson::methodNotAllowed(context, QByteArrayLiteral("GET"));
    }
    if (!found) {
        // The reference does not give the shape for an unknown tenant: Graph's usual 404.
        return GraphJson::notFound(context, asked);
    }
    return GraphReply::jsonReply(200,
        QJsonObject {{QStringLiteral("@odata.context"),
                         GraphJson::metadataUrl(context, QStringLiteral("microsoft.graph.tenantInformation"))},
            {QStringLiteral("tenantId"), found->idText()}, {QStringLiteral("displayName"), found->displayName()},
            {QStringLiteral("defaultDomainName"), found->initialDomain()},
            {QStringLiteral("federationBrandName"), QJsonValue::Null}});
}

} // namespace tbsandbox
