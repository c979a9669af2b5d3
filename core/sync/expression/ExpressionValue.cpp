// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionValue.h"

namespace tb::sync {

ExpressionValue ExpressionValue::fromString(const QString& text)
{
    ExpressionValue value;
    value.m_kind = Kind::String;
    value.m_values = QStringList {text};
    return value;
}

ExpressionValue ExpressionValue::fromList(const QStringList& values)
{
    ExpressionValue value;
    if (values.isEmpty()) {
        return value;
    }
    value.m_kind = Kind::MultiValued;
    value.m_values = values;
    return value;
}

ExpressionValue ExpressionValue::fromBool(bool flag)
{
    ExpressionValue value;
    value.m_kind = Kind::Boolean;
    value.m_values = QStringList {flag ? QStringLiteral("True") : QStringLiteral("False")};
    return value;
}

ExpressionValue ExpressionValue::fromInteger(qint64 number)
{
    return fromString(QString::number(number));
}

bool ExpressionValue::isNullOrEmpty() const
{
    return m_kind == Kind::Null || (m_kind == Kind::String && m_values.constFirst().isEmpty());
}

QString ExpressionValue::toString() const
{
    return m_values.join(QStringLiteral(", "));
}

QStringList ExpressionValue::toList() const
{
    return m_values;
}

std::optional<bool> ExpressionValue::toBool() const
{
    if (m_kind == Kind::Boolean) {
        return m_values.constFirst() == QLatin1String("True");
    }
    if (m_kind != Kind::String) {
        return std::nullopt;
    }
    const QString text = m_values.constFirst().trimmed();
    if (text.compare(QLatin1String("True"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (text.compare(QLatin1String("False"), Qt::CaseInsensitive) == 0) {
        return false;
    }
    if (const std::optional<qint64> number = parseExpressionInteger(text)) {
        return *number != 0;
    }
    bool isNumber = false;
    const double real = text.toDouble(&isNumber);
    if (isNumber) {
        return real != 0.0;
    }
    return std::nullopt;
}

std::optional<qint64> ExpressionValue::toInteger() const
{
    if (m_kind != Kind::String) {
        return std::nullopt;
    }
    return parseExpressionInteger(m_values.constFirst());
}

QString ExpressionValue::describe() const
{
    switch (m_kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Boolean:
        return m_values.constFirst();
    case Kind::String:
        return QLatin1Char('"') + m_values.constFirst() + QLatin1Char('"');
    case Kind::MultiValued:
        break;
    }
    QStringList quoted;
    for (const QString& value : m_values) {
        quoted.append(QLatin1Char('"') + value + QLatin1Char('"'));
    }
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

bool operator==(const ExpressionValue& left, const ExpressionValue& right)
{
    return left.m_kind == right.m_kind && left.m_values == right.m_values;
}

std::optional<qint64> parseExpressionInteger(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    bool ok = false;
    // VB writes hexadecimal as &H…, as in the reference's BitAnd(&HF, &HF7).
    if (trimmed.startsWith(QLatin1String("&H"), Qt::CaseInsensitive)) {
        const QString digits = trimmed.mid(2);
        if (digits.isEmpty() || digits.startsWith(QLatin1Char('-')) || digits.startsWith(QLatin1Char('+'))) {
            return std::nullopt;
        }
        const qint64 number = digits.toLongLong(&ok, 16);
        return ok ? std::optional<qint64>(number) : std::nullopt;
    }
    const qint64 number = trimmed.toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

} // namespace tb::sync
