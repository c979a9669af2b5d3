// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionValue.h"

#include <QHash>
#include <QString>

namespace tb::sync {

// The source object's attributes an expression reads ([givenName]), by name. Names compare case-insensitively, as
// the provisioning service treats directory attribute names ([GivenName] reads givenName). An attribute that is not
// here is absent: Null. Value type.
class ExpressionAttributes
{
public:
    ExpressionAttributes() = default;
    ExpressionAttributes(std::initializer_list<std::pair<QString, ExpressionValue>> attributes);

    void insert(const QString& name, const ExpressionValue& value);
    [[nodiscard]] ExpressionValue value(const QString& name) const;
    [[nodiscard]] bool contains(const QString& name) const;
    [[nodiscard]] qsizetype size() const { return m_values.size(); }

private:
    QHash<QString, ExpressionValue> m_values; // key: the name in lower case
};

} // namespace tb::sync
