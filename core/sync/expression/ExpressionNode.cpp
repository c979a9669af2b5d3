// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionNode.h"

#include <QStringList>

namespace tb::sync {

QString ExpressionNode::toExpression() const
{
    switch (kind) {
    case Kind::Attribute:
        return QLatin1Char('[') + text + QLatin1Char(']');
    case Kind::String: {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    case Kind::Number:
    case Kind::Name:
        return text;
    case Kind::Omitted:
        return {};
    case Kind::Comparison:
        if (children.size() == 2) {
            return children[0].toExpression() + QLatin1Char(' ') + text + QLatin1Char(' ') + children[1].toExpression();
        }
        return {};
    case Kind::Call:
        break;
    }
    QStringList arguments;
    for (const ExpressionNode& child : children) {
        arguments.append(child.toExpression());
    }
    return text + QLatin1Char('(') + arguments.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace tb::sync
