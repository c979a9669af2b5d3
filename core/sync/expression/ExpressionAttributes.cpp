// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionAttributes.h"

namespace tb::sync {

ExpressionAttributes::ExpressionAttributes(std::initializer_list<std::pair<QString, ExpressionValue>> attributes)
{
    for (const auto& [name, value] : attributes) {
        insert(name, value);
    }
}

void ExpressionAttributes::insert(const QString& name, const ExpressionValue& value)
{
    m_values.insert(name.toLower(), value);
}

ExpressionValue ExpressionAttributes::value(const QString& name) const
{
    return m_values.value(name.toLower());
}

bool ExpressionAttributes::contains(const QString& name) const
{
    return m_values.contains(name.toLower());
}

} // namespace tb::sync
