// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tb::model {

// The answer of POST .../jobs/{jobId}/provisionOnDemand (graph-reference.md 2.7): a stringKeyStringValuePair whose
// key and value are JSON in a string. Two shapes are documented and both are read:
//  A (the CTS how-to): key = the StatusInfo contract name, value = a JSON array string whose elements carry
//    provisioningSteps (and, when present, the fields of shape B's value);
//  B (the Graph reference, and the sandbox): key = {"result", "details": {"errorCode", "errorMessage"}} as a
//    string, value = {action, statusInfo, sourceIdentity, targetIdentity, modifiedProperties, provisioningSteps}
//    as a string, with PascalCase step types and statuses and string details.
// Statuses, actions and step types are kept lower case, like ProvisioningLogEntry. Value type, any thread.
struct ProvisionOnDemandResult
{
    enum class Shape { StatusInfoArray, KeyValueObjects }; // A, B

    Shape shape = Shape::KeyValueObjects;
    QString status; // success, skipped, failure, warning: key.result or statusInfo.status, else from the steps
    QString errorCode; // key.details.errorCode or statusInfo.errorCode
    QString errorMessage; // key.details.errorMessage or statusInfo.reason
    QString action; // create, update, delete, other
    QString sourceUserId;
    QString targetUserId; // targetIdentity.id, else an export step's targetObjectId
    QString reportableIdentifier; // the source user's UPN
    QList<ProvisioningLogEntry::Step> steps;
    QList<ProvisioningLogEntry::ModifiedProperty> modifiedProperties;
    // Why the user was skipped: RedundantExport (already in sync) or NotEffectivelyEntitled (not in scope), from a
    // step's SkipReason detail or the key's errorCode; empty otherwise.
    QString skipReason;

    [[nodiscard]] bool isSuccess() const { return status == QLatin1String("success"); }
    [[nodiscard]] bool isSkipped() const { return status == QLatin1String("skipped"); }
    [[nodiscard]] bool isFailure() const { return status == QLatin1String("failure"); }
    // The first step of a type ("import", "scoping", "matching", "processing", "export"); null when none.
    [[nodiscard]] const ProvisioningLogEntry::Step* stepOfType(const QString& type) const;

    // The 200 body ({key, value}). Nothing, with a sentence in *problem, when it is not one of the two shapes.
    [[nodiscard]] static std::optional<ProvisionOnDemandResult> fromJson(
        const QJsonObject& answer, QString* problem = nullptr);

    friend bool operator==(const ProvisionOnDemandResult& a, const ProvisionOnDemandResult& b) = default;
};

} // namespace tb::model
