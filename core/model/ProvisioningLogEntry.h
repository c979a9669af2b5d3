// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tb::model {

// One provisioningObjectSummary of GET /auditLogs/provisioning (graph-reference.md 4): what one cycle (or one
// provision-on-demand) did to one user, with its steps and the properties it changed. It is what the logs view
// shows and what the app stores and exports, so toJson() writes Graph's own shape and fromJson(toJson(x)) == x.
//
// Parsing tolerates the documented inconsistencies: initiatedBy's initiatorType or initiatingType, step types
// and statuses in PascalCase or lower case (kept lower case here), errorInformation or errorInfo, a
// servicePrincipal sent as a one-element collection, and a system's name under displayName or name. Missing,
// null or oddly typed fields stay empty. Value type, any thread.
struct ProvisioningLogEntry
{
    // A detailsInfo: an open string-to-string map, kept as pairs in the order the JSON gives them (a JSON
    // object's keys come sorted). Values that are not strings are kept as their JSON text ("true", "12").
    using Details = QList<QPair<QString, QString>>;

    struct Initiator
    {
        QString id;
        QString displayName;
        QString type; // user, application, system (initiatorType)
        friend bool operator==(const Initiator& a, const Initiator& b) = default;
    };

    struct ServicePrincipal
    {
        QString id;
        QString displayName;
        friend bool operator==(const ServicePrincipal& a, const ServicePrincipal& b) = default;
    };

    // A provisionedIdentity.
    struct Identity
    {
        QString id;
        QString displayName;
        QString identityType; // User, Group
        Details details;
        friend bool operator==(const Identity& a, const Identity& b) = default;
    };

    // A provisioningErrorInfo; all empty when the entry did not fail.
    struct Error
    {
        QString code;
        QString reason;
        QString additionalDetails;
        QString category; // failure, nonServiceFailure, success
        QString recommendedAction;
        [[nodiscard]] bool isEmpty() const { return code.isEmpty() && reason.isEmpty(); }
        friend bool operator==(const Error& a, const Error& b) = default;
    };

    // A provisioningStep. Also what provision on demand answers (ProvisionOnDemandResult).
    struct Step
    {
        QString name; // EntryImportAdd, EntrySynchronizationScoping, EntryExportAdd, ...
        QString description;
        QString type; // lower case: import, scoping, matching, processing, referenceresolution, export
        QString status; // lower case: success, warning, failure, skipped
        Details details;

        // The value of a detail by key, compared case-insensitively; empty when absent.
        [[nodiscard]] QString detail(const QString& key) const;
        // Reads provisioningStepType or (provision on demand) type.
        [[nodiscard]] static Step fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        friend bool operator==(const Step& a, const Step& b) = default;
    };

    // A modifiedProperty; a value Graph sent as null stays std::nullopt.
    struct ModifiedProperty
    {
        QString name;
        std::optional<QString> oldValue;
        std::optional<QString> newValue;

        // Reads displayName (Graph) or name.
        [[nodiscard]] static ModifiedProperty fromJson(const QJsonObject& json);
        [[nodiscard]] QJsonObject toJson() const;
        friend bool operator==(const ModifiedProperty& a, const ModifiedProperty& b) = default;
    };

    QString id;
    QDateTime activityDateTime; // UTC
    QString tenantId;
    QString jobId;
    QString cycleId;
    QString changeId;
    qint64 durationMs = 0;
    QString action; // provisioningAction, lower case: create, update, delete, disable, stageddelete, other
    Initiator initiatedBy;
    ServicePrincipal servicePrincipal;
    Identity sourceIdentity;
    Identity targetIdentity;
    QString sourceSystemName; // "Azure Active Directory"
    QString targetSystemName; // "Azure Active Directory (target tenant)"
    QString status; // provisioningStatusInfo.status, lower case: success, warning, failure, skipped
    Error error;
    QList<Step> steps;
    QList<ModifiedProperty> modifiedProperties;

    [[nodiscard]] bool isFailure() const { return status == QLatin1String("failure"); }
    [[nodiscard]] bool isSkipped() const { return status == QLatin1String("skipped"); }

    [[nodiscard]] static ProvisioningLogEntry fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;

    // The helpers the on-demand answer shares.
    [[nodiscard]] static Details detailsFromJson(const QJsonValue& json);
    // An object when the keys are in sorted order (always so for details read from a JSON object), else an array of
    // {key, value} pairs, so that detailsFromJson(detailsToJson(d)) == d.
    [[nodiscard]] static QJsonValue detailsToJson(const Details& details);
    [[nodiscard]] static QList<Step> stepsFromJson(const QJsonArray& json);
    [[nodiscard]] static QList<ModifiedProperty> modifiedPropertiesFromJson(const QJsonArray& json);
    // ISO 8601 with any number of fractional digits (Graph sends 7), as UTC; invalid when it does not parse.
    [[nodiscard]] static QDateTime parseDateTime(const QString& text);

    friend bool operator==(const ProvisioningLogEntry& a, const ProvisioningLogEntry& b) = default;
};

} // namespace tb::model
