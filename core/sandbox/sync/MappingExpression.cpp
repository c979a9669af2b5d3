// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/sync/MappingExpression.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace tbsandbox {

namespace {

struct ParameterSpec
{
    QLatin1String name;
    QLatin1String type;
    bool required;
    bool multiple;
};

struct FunctionSpec
{
    QLatin1String name;
    QList<ParameterSpec> parameters;
};

const QLatin1String kString("String");
const QLatin1String kInteger("Integer");
const QLatin1String kBoolean("Boolean");

// The functions the engine evaluates (the Entra provisioning expression reference's names and parameters).
const QList<FunctionSpec>& functions()
{
    static const QList<FunctionSpec> table = {
        {QLatin1String("Append"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("suffix"), kString, true, false}}},
        {QLatin1String("Coalesce"),
            {{QLatin1String("source"), kString, true, true}, {QLatin1String("defaultValue"), kString, false, false}}},
        {QLatin1String("IIF"),
            {{QLatin1String("condition"), kBoolean, true, false}, {QLatin1String("valueIfTrue"), kString, true, false},
                {QLatin1String("valueIfFalse"), kString, true, false}}},
        {QLatin1String("IsNullOrEmpty"), {{QLatin1String("source"), kString, true, false}}},
        {QLatin1String("IsPresent"), {{QLatin1String("source"), kString, true, false}}},
        {QLatin1String("Join"),
            {{QLatin1String("separator"), kString, true, false}, {QLatin1String("source"), kString, true, true}}},
        {QLatin1String("Left"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("numChars"), kInteger, true, false}}},
        {QLatin1String("Mid"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("start"), kInteger, true, false},
                {QLatin1String("length"), kInteger, true, false}}},
        {QLatin1String("Not"), {{QLatin1String("source"), kBoolean, true, false}}},
        {QLatin1String("Replace"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("oldValue"), kString, false, false},
                {QLatin1String("regexPattern"), kString, false, false},
                {QLatin1String("regexGroupName"), kString, false, false},
                {QLatin1String("replacementValue"), kString, false, false},
                {QLatin1String("replacementAttributeName"), kString, false, false},
                {QLatin1String("template"), kString, false, false}}},
        {QLatin1String("StripSpaces"), {{QLatin1String("source"), kString, true, false}}},
        {QLatin1String("Switch"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("defaultValue"), kString, false, false},
                {QLatin1String("key"), kString, false, true}, {QLatin1String("value"), kString, false, true}}},
        {QLatin1String("ToLower"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("culture"), kString, false, false}}},
        {QLatin1String("ToUpper"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("culture"), kString, false, false}}},
        {QLatin1String("Trim"), {{QLatin1String("source"), kString, true, false}}},
        {QLatin1String("Word"),
            {{QLatin1String("source"), kString, true, false}, {QLatin1String("WordNumber"), kInteger, true, false},
                {QLatin1String("delimiters"), kString, true, false}}},
        {QLatin1String("NormalizeDiacritics"), {{QLatin1String("source"), kString, true, false}}},
        {QLatin1String("CStr"), {{QLatin1String("value"), kString, true, false}}},
        {QLatin1String("CBool"), {{QLatin1String("expression"), kString, true, false}}},
        // The CTS matching mapping's function (graph-reference 2.6); only matched on, never exported.
        {QLatin1String("AltSecIdFromNetId"), {{QLatin1String("netId"), QLatin1String("Binary"), true, false}}},
    };
    return table;
}

const FunctionSpec* findFunction(const QString& name)
{
    const auto found = std::find_if(functions().cbegin(), functions().cend(),
        [&](const FunctionSpec& spec) { return name.compare(spec.name, Qt::CaseInsensitive) == 0; });
    return found == functions().cend() ? nullptr : &*found;
}

QJsonValue nullable(const QString& text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

bool isNullOrEmpty(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined()) {
        return true;
    }
    if (value.isArray()) {
        return value.toArray().isEmpty();
    }
    return value.isString() && value.toString().isEmpty();
}

// The arguments of one call: evaluated lazily (IIF evaluates one branch), found by key or by position.
class Arguments
{
public:
    Arguments(const QJsonArray& parameters, const QJsonObject& attributes)
        : m_parameters(parameters)
        , m_attributes(attributes)
    { }

    [[nodiscard]] qsizetype size() const { return m_parameters.size(); }

    [[nodiscard]] QJsonValue at(qsizetype index) const
    {
        if (index < 0 || index >= m_parameters.size()) {
            return QJsonValue::Null;
        }
        return MappingExpression::evaluate(
            m_parameters.at(index).toObject().value(QLatin1String("value")).toObject(), m_attributes);
    }

    [[nodiscard]] bool hasKey(const QString& key) const { return indexOfKey(key) >= 0; }
    [[nodiscard]] qsizetype indexOf(const QString& key, qsizetype position) const
    {
        const qsizetype index = indexOfKey(key);
        return index >= 0 ? index : position;
    }

    // The parameter with this key, else the one at this position.
    [[nodiscard]] QJsonValue get(const QString& key, qsizetype position) const
    {
        const qsizetype index = indexOfKey(key);
        return at(index >= 0 ? index : (anyKeyed() ? -1 : position));
    }

    [[nodiscard]] QString text(const QString& key, qsizetype position) const
    {
        return MappingExpression::text(get(key, position));
    }

    [[nodiscard]] int number(const QString& key, qsizetype position, int fallback) const
    {
        const QJsonValue value = get(key, position);
        if (value.isDouble()) {
            return value.toInt();
        }
        bool ok = false;
        const int parsed = MappingExpression::text(value).trimmed().toInt(&ok);
        return ok ? parsed : fallback;
    }

private:
    [[nodiscard]] qsizetype indexOfKey(const QString& key) const
    {
        for (qsizetype i = 0; i < m_parameters.size(); ++i) {
            if (m_parameters.at(i).toObject().value(QLatin1String("key")).toString().compare(key, Qt::CaseInsensitive)
                == 0) {
                return i;
            }
        }
        return -1;
    }

    // Keys that name the documented parameters decide; positions are used only for plain lists.
    [[nodiscard]] bool anyKeyed() const
    {
        return std::any_of(m_parameters.begin(), m_parameters.end(), [](const QJsonValue& parameter) {
            const QString key = parameter.toObject().value(QLatin1String("key")).toString();
            return !key.isEmpty() && !key.startsWith(QLatin1String("source"), Qt::CaseInsensitive)
                && !key.startsWith(QLatin1String("key"), Qt::CaseInsensitive)
                && !key.startsWith(QLatin1String("value"), Qt::CaseInsensitive);
        });
    }

    const QJsonArray& m_parameters;
    const QJsonObject& m_attributes;
};

QJsonValue attribute(const QJsonObject& attributes, const QString& name)
{
    const auto exact = attributes.constFind(name);
    if (exact != attributes.constEnd()) {
        return *exact;
    }
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0) {
            return it.value();
        }
    }
    return QJsonValue::Null;
}

QString withoutDiacritics(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining
            && c.category() != QChar::Mark_Enclosing) {
            result.append(c);
        }
    }
    return result.normalized(QString::NormalizationForm_C);
}

QJsonValue call(const FunctionSpec& function, const Arguments& args)
{
    const QString name = function.name;
    if (name == QLatin1String("Append")) {
        // A null source is taken as empty: the suffix alone.
        return args.text(QStringLiteral("source"), 0) + args.text(QStringLiteral("suffix"), 1);
    }
    if (name == QLatin1String("Coalesce")) {
        // The first source that is not null; the defaultValue (or a trailing constant) otherwise.
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QJsonValue value = args.at(i);
            if (!value.isNull() && !value.isUndefined()) {
                return value;
            }
        }
        return QJsonValue::Null;
    }
    if (name == QLatin1String("IIF")) {
        return MappingExpression::truth(args.get(QStringLiteral("condition"), 0))
            ? args.get(QStringLiteral("valueIfTrue"), 1)
            : args.get(QStringLiteral("valueIfFalse"), 2);
    }
    if (name == QLatin1String("IsNullOrEmpty")) {
        return isNullOrEmpty(args.get(QStringLiteral("source"), 0));
    }
    if (name == QLatin1String("IsPresent")) {
        return !isNullOrEmpty(args.get(QStringLiteral("source"), 0));
    }
    if (name == QLatin1String("Join")) {
        // Join(separator, source1, source2, ...): null sources are left out, multi-valued ones give every value.
        const qsizetype separatorIndex = args.indexOf(QStringLiteral("separator"), 0);
        const QString separator = MappingExpression::text(args.at(separatorIndex));
        QStringList parts;
        for (qsizetype i = 0; i < args.size(); ++i) {
            if (i == separatorIndex) {
                continue;
            }
            const QJsonValue value = args.at(i);
            if (value.isArray()) {
                for (const QJsonValue& item : value.toArray()) {
                    parts.append(MappingExpression::text(item));
                }
            } else if (!value.isNull() && !value.isUndefined()) {
                parts.append(MappingExpression::text(value));
            }
        }
        return parts.join(separator);
    }
    if (name == QLatin1String("Left")) {
        const QString source = args.text(QStringLiteral("source"), 0);
        const int count = args.number(QStringLiteral("numChars"), 1, 0);
        // Documented edge cases: null gives "", a negative count the whole string.
        if (source.isNull()) {
            return QString();
        }
        return count < 0 ? source : source.left(count);
    }
    if (name == QLatin1String("Mid")) {
        const QJsonValue source = args.get(QStringLiteral("source"), 0);
        if (source.isNull() || source.isUndefined()) {
            return QJsonValue::Null;
        }
        const QString text = MappingExpression::text(source);
        const int start = args.number(QStringLiteral("start"), 1, 1); // 1-based
        const int length = args.number(QStringLiteral("length"), 2, 0);
        if (start < 1 || length <= 0 || start > text.size()) {
            return QString();
        }
        return text.mid(start - 1, length);
    }
    if (name == QLatin1String("Not")) {
        return !MappingExpression::truth(args.get(QStringLiteral("source"), 0));
    }
    if (name == QLatin1String("Replace")) {
        const QJsonValue source = args.get(QStringLiteral("source"), 0);
        if (source.isNull() || source.isUndefined()) {
            return QJsonValue::Null;
        }
        QString text = MappingExpression::text(source);
        // Keyed, or the seven positions of the expression text, or the short (source, oldValue, replacement).
        const bool shortForm = !args.hasKey(QStringLiteral("oldValue")) && args.size() == 3;
        const QString replacement = args.text(QStringLiteral("replacementValue"), shortForm ? 2 : 4);
        const QString oldValue = args.text(QStringLiteral("oldValue"), 1);
        const QString pattern = shortForm ? QString() : args.text(QStringLiteral("regexPattern"), 2);
        if (!oldValue.isEmpty()) {
            return text.replace(oldValue, replacement);
        }
        if (!pattern.isEmpty()) {
            const QRegularExpression expression(pattern);
            return expression.isValid() ? text.replace(expression, replacement) : text;
        }
        return text;
    }
    if (name == QLatin1String("StripSpaces")) {
        const QJsonValue source = args.get(QStringLiteral("source"), 0);
        return source.isNull() ? QJsonValue(QJsonValue::Null)
                               : QJsonValue(MappingExpression::text(source).remove(QLatin1Char(' ')));
    }
    if (name == QLatin1String("Switch")) {
        // Switch(source, defaultValue, key1, value1, key2, value2, ...): the value of the key equal to the source.
        const QString source = MappingExpression::text(args.at(0));
        for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
            if (!source.isNull() && MappingExpression::text(args.at(i)) == source) {
                return args.at(i + 1);
            }
        }
        return args.at(1);
    }
    if (name == QLatin1String("ToLower") || name == QLatin1String("ToUpper")) {
        const QJsonValue source = args.get(QStringLiteral("source"), 0);
        if (source.isNull() || source.isUndefined()) {
            return QJsonValue::Null;
        }
        const QString text = MappingExpression::text(source);
        return name == QLatin1String("ToLower") ? text.toLower() : text.toUpper();
    }
    if (name == QLatin1String("Trim")) {
        return nullable(args.text(QStringLiteral("source"), 0).trimmed());
    }
    if (name == QLatin1String("Word")) {
        // The documented edge cases give "": a null string, a number below 1 or past the last word.
        const QString source = args.text(QStringLiteral("source"), 0);
        const int number = args.number(QStringLiteral("WordNumber"), 1, 0);
        const QString delimiters = args.text(QStringLiteral("delimiters"), 2);
        if (source.isNull() || number < 1) {
            return QString();
        }
        QStringList words {QString()};
        for (const QChar c : source) {
            if (delimiters.contains(c)) {
                words.append(QString());
            } else {
                words.last().append(c);
            }
        }
        words.removeAll(QString());
        return number <= words.size() ? words.at(number - 1) : QString();
    }
    if (name == QLatin1String("NormalizeDiacritics")) {
        return nullable(withoutDiacritics(args.text(QStringLiteral("source"), 0)));
    }
    if (name == QLatin1String("CStr")) {
        return nullable(args.text(QStringLiteral("value"), 0));
    }
    if (name == QLatin1String("CBool")) {
        return MappingExpression::truth(args.get(QStringLiteral("expression"), 0));
    }
    // AltSecIdFromNetId: an opaque identity the service matches on; the sandbox matches by mail (README).
    const QString netId = args.text(QStringLiteral("netId"), 0);
    return netId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(QStringLiteral("NetId:%1").arg(netId));
}

} // namespace

QString MappingExpression::text(const QJsonValue& value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isBool()) {
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        // Whole numbers print without a fraction; only those within qint64 may be converted (beyond is undefined).
        constexpr double kLimit = 9.2e18;
        const bool whole = std::isfinite(number) && std::abs(number) < kLimit && number == std::trunc(number);
        return whole ? QString::number(static_cast<qint64>(number)) : QString::number(number);
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return array.isEmpty() ? QString() : text(array.first());
    }
    return {};
}

bool MappingExpression::truth(const QJsonValue& value)
{
    if (value.isBool()) {
        return value.toBool();
    }
    if (value.isDouble()) {
        return value.toDouble() != 0;
    }
    const QString string = text(value).trimmed();
    if (string.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    bool ok = false;
    const double number = string.toDouble(&ok);
    return ok && number != 0;
}

QJsonValue MappingExpression::evaluate(const QJsonObject& source, const QJsonObject& attributes)
{
    const QString type = source.value(QLatin1String("type")).toString(QStringLiteral("Attribute"));
    const QString name = source.value(QLatin1String("name")).toString();
    if (type.compare(QLatin1String("Constant"), Qt::CaseInsensitive) == 0) {
        return name;
    }
    if (type.compare(QLatin1String("Function"), Qt::CaseInsensitive) == 0) {
        const FunctionSpec* function = findFunction(name);
        if (!function) {
            return QJsonValue::Null;
        }
        const QJsonArray parameters = source.value(QLatin1String("parameters")).toArray();
        return call(*function, Arguments(parameters, attributes));
    }
    return attribute(attributes, name);
}

std::optional<QString> MappingExpression::problem(const QJsonObject& source)
{
    const QString type = source.value(QLatin1String("type")).toString(QStringLiteral("Attribute"));
    const QString name = source.value(QLatin1String("name")).toString();
    if (type.compare(QLatin1String("Constant"), Qt::CaseInsensitive) == 0) {
        return std::nullopt;
    }
    if (type.compare(QLatin1String("Attribute"), Qt::CaseInsensitive) == 0) {
        if (name.isEmpty()) {
            return QStringLiteral("An Attribute source needs the attribute's name.");
        }
        return std::nullopt;
    }
    if (type.compare(QLatin1String("Function"), Qt::CaseInsensitive) != 0) {
        return QStringLiteral("The source type '%1' is not one of Attribute, Constant or Function.").arg(type);
    }
    const FunctionSpec* function = findFunction(name);
    if (!function) {
        return QStringLiteral("The function '%1' is not a known function of the provisioning expression language.")
            .arg(name);
    }
    const QJsonArray parameters = source.value(QLatin1String("parameters")).toArray();
    const qsizetype required = std::count_if(function->parameters.cbegin(), function->parameters.cend(),
        [](const ParameterSpec& parameter) { return parameter.required; });
    if (parameters.size() < required) {
        return QStringLiteral("The function '%1' takes at least %2 parameters; %3 given.")
            .arg(QString(function->name))
            .arg(required)
            .arg(parameters.size());
    }
    for (const QJsonValue& parameter : parameters) {
        const QJsonValue value = parameter.toObject().value(QLatin1String("value"));
        if (!value.isObject()) {
            return QStringLiteral("Each parameter of '%1' needs a \"value\" that is an attributeMappingSource.")
                .arg(QString(function->name));
        }
        if (std::optional<QString> inner = problem(value.toObject())) {
            return inner;
        }
    }
    return std::nullopt;
}

QJsonArray MappingExpression::supportedFunctions()
{
    QJsonArray list;
    for (const FunctionSpec& function : functions()) {
        QJsonArray parameters;
        for (const ParameterSpec& parameter : function.parameters) {
            parameters.append(QJsonObject {{QStringLiteral("name"), QString(parameter.name)},
                {QStringLiteral("type"), QString(parameter.type)}, {QStringLiteral("required"), parameter.required},
                {QStringLiteral("allowMultipleOccurrences"), parameter.multiple}});
        }
        list.append(QJsonObject {{QStringLiteral("id"), QString(function.name)},
            {QStringLiteral("name"), QString(function.name)}, {QStringLiteral("parameters"), parameters}});
    }
    return list;
}

} // namespace tbsandbox
