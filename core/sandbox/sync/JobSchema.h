// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tbsandbox {

struct ServicePrincipalRecord;

// The synchronizationSchema of a CTS job (graph-reference 2.6): the template's default, what a PUT stored, the
// checks a PUT passes, and the parts the engine reads. The stored schema lives in the job's syncState
// (ServicePrincipalRecord::syncState["<jobId>"]: "schema" when replaced, "schemaRevision" counting changes), so it
// survives the state file like the job's links. Stateless; server thread (it edits the record).
class JobSchema final
{
public:
    JobSchema() = delete;

    // The one synchronization rule of the CTS template, the ruleId provisionOnDemand takes.
    static inline const QString kRuleId = QStringLiteral("USER_INBOUND_USER");

    // The template's default: one rule with the user mappings and the "Filter external users" scoping group.
    [[nodiscard]] static QJsonObject defaultSchema(const QString& jobId, const QString& version);

    // What GET .../schema answers: the stored schema, else the default; `version` is v1.<changes so far>.
    [[nodiscard]] static QJsonObject current(const ServicePrincipalRecord& record, const QString& jobId);

    struct Refusal
    {
        QString code; // Request_BadRequest, or schemaInvalid for the matching attribute
        QString message;
    };
    // Checks a PUT body: rules present, the matching mapping unchanged and alone (schemaInvalid), known functions,
    // source types, flow types and scoping operators.
    [[nodiscard]] static std::optional<Refusal> validate(const QJsonObject& schema);

    // Stores a validated schema (PUT: full replacement) or goes back to the default (DELETE). Either way the version
    // changes and the job's next cycle is a full one, as after a restart.
    static void replace(ServicePrincipalRecord& record, const QString& jobId, const QJsonObject& schema);
    static void reset(ServicePrincipalRecord& record, const QString& jobId);

    // The ids of the schema's rules (provisionOnDemand's ruleId must be one of them).
    [[nodiscard]] static QStringList ruleIds(const QJsonObject& schema);
    // The first enabled object mapping from User to User; empty when there is none.
    [[nodiscard]] static QJsonObject userMapping(const QJsonObject& schema);
};

} // namespace tbsandbox
