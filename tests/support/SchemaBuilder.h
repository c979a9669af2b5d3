// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SynchronizationSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace tb::test {

// Hand-made synchronization schemas in the shape the sandbox serves them (core/sandbox/README.md, GET .../schema),
// for unit tests that evaluate mappings and scoping without a sandbox (MappingEvaluator, ChangeImpact).
class SchemaBuilder final
{
public:
    SchemaBuilder() = delete;

    // A source that reads one attribute as is: [name].
    [[nodiscard]] static QJsonObject attributeSource(const QString& name);
    [[nodiscard]] static QJsonObject mapping(const QString& target, const QJsonObject& source,
        const QString& flowType = QStringLiteral("Always"), int matchingPriority = 0,
        const QJsonValue& defaultValue = QJsonValue::Null);
    // One scoping clause and a group of them (clauses in a group are ANDed, groups ORed).
    [[nodiscard]] static QJsonObject clause(const QString& operand, const QString& op, const QStringList& values);
    [[nodiscard]] static QJsonObject group(const QString& name, const QJsonArray& clauses);
    // The scoping group every CTS schema has: only users without alternativeSecurityIds (no guests).
    [[nodiscard]] static QJsonObject externalUsersGroup();
    // The default CTS schema with these scoping groups.
    [[nodiscard]] static QJsonObject defaultSchemaJson(
        const QJsonArray& scopeGroups = QJsonArray {externalUsersGroup()});
    [[nodiscard]] static model::SynchronizationSchema schemaWith(
        const QJsonArray& scopeGroups = QJsonArray {externalUsersGroup()});
};

} // namespace tb::test
