// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionFunctions.h"

#include "core/sync/expression/ExpressionDateFunctions.h"
#include "core/sync/expression/ExpressionReplaceFunction.h"

#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace tb::sync {

namespace {

using Call = ExpressionFunctionCall;

// Most functions take one string: Null passes through as Null (the attribute stays absent), a list is refused.
ExpressionValue mapText(Call& call, const QString& parameter, QString (*transform)(const QString&))
{
    if (call.value(0).isNull()) {
        return {};
    }
    return ExpressionValue::fromString(transform(call.text(0, parameter)));
}

QString cultureOf(Call& call, int index)
{
    const QString culture = call.text(index, QStringLiteral("culture"));
    // RFC 4646 names as the reference describes them (ja-JP, en-US, three-letter ISO 639-2 codes); .NET refuses a
    // culture it does not know, so a malformed name is an error here too.
    static const QRegularExpression cultureName(QStringLiteral("^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$"));
    if (!cultureName.match(culture).hasMatch()) {
        call.fail(QStringLiteral("\"%1\" is not a culture name such as en-US").arg(culture));
    }
    return culture;
}

// Append(source, suffix): "Takes a source string value and appends the suffix to the end of it." Null source:
// the reference is silent; .NET string concatenation treats null as empty, so the suffix alone.
ExpressionValue append(Call& call)
{
    return ExpressionValue::fromString(call.text(0, QStringLiteral("source")) + call.text(1, QStringLiteral("suffix")));
}

// AppRoleAssignmentsComplex([appRoleAssignments]): "Used to configure multiple roles for a user" (SCIM targets).
// The caller puts the user's app role assignments for the application into the attribute set as a list of role
// values; the preview shows that list. The SCIM role objects the service builds for SCIM apps have no meaning in an
// Entra target.
ExpressionValue appRoleAssignmentsComplex(Call& call)
{
    return ExpressionValue::fromList(call.value(0).toList());
}

// SingleAppRoleAssignment([appRoleAssignments]): "Returns a single appRoleAssignment … isn't supported in scenarios
// where users have multiple app role assignments": more than one is an error rather than a guess.
ExpressionValue singleAppRoleAssignment(Call& call)
{
    const QStringList roles = call.value(0).toList();
    if (roles.size() > 1) {
        call.fail(QStringLiteral("the user has %1 app role assignments; the service supports only one here")
                      .arg(roles.size()));
    }
    return roles.isEmpty() ? ExpressionValue() : ExpressionValue::fromString(roles.constFirst());
}

// BitAnd(value1, value2): bitwise AND of two numbers; BitAnd(&HF, &HF7) is 7.
ExpressionValue bitAnd(Call& call)
{
    return ExpressionValue::fromInteger(
        call.integer(0, QStringLiteral("value1")) & call.integer(1, QStringLiteral("value2")));
}

// CBool(expression): "If the expression evaluates to a non-zero value, then CBool returns True, else it returns
// False." Booleans and "True"/"False" in any case convert as such; Null is False (VB's CBool of an empty value);
// other text is an error, as VB's conversion fails.
ExpressionValue cBool(Call& call)
{
    const ExpressionValue value = call.value(0);
    if (value.isNull()) {
        return ExpressionValue::fromBool(false);
    }
    const std::optional<bool> flag = value.toBool();
    if (!flag) {
        call.fail(QStringLiteral("%1 is not a number or a boolean").arg(value.describe()));
    }
    return ExpressionValue::fromBool(*flag);
}

// Coalesce(source1, …, defaultValue): "Returns the first source value that isn't NULL" else the default, else NULL.
// An empty string is not NULL and is returned.
ExpressionValue coalesce(Call& call)
{
    for (int index = 0; index < call.count(); ++index) {
        const ExpressionValue value = call.value(index);
        if (!value.isNull()) {
            return value;
        }
    }
    return {};
}

// ConvertToBase64(source): "converts a string to a Unicode base64 string": UTF-16LE bytes, so "Hello world!" is
// "SABlAGwAbABvACAAdwBvAHIAbABkACEA".
ExpressionValue convertToBase64(Call& call)
{
    return mapText(call, QStringLiteral("source"), [](const QString& text) {
        QByteArray bytes;
        bytes.reserve(text.size() * 2);
        for (const QChar character : text) {
            bytes.append(static_cast<char>(character.unicode() & 0xFF));
            bytes.append(static_cast<char>(character.unicode() >> 8));
        }
        return QString::fromLatin1(bytes.toBase64());
    });
}

// ConvertToUTF8Hex(source): "Hello world!" is 48656C6C6F20776F726C6421 (upper-case hex of the UTF-8 bytes).
ExpressionValue convertToUtf8Hex(Call& call)
{
    return mapText(call, QStringLiteral("source"),
        [](const QString& text) { return QString::fromLatin1(text.toUtf8().toHex().toUpper()); });
}

// Count(attribute): "the number of elements in a multi-valued attribute". A single value counts 1, Null 0.
ExpressionValue count(Call& call)
{
    return ExpressionValue::fromInteger(call.value(0).toList().size());
}

// CStr(value): "converts a value to a string data type". Null stays Null; a list is refused.
ExpressionValue cStr(Call& call)
{
    if (call.value(0).isNull()) {
        return {};
    }
    return ExpressionValue::fromString(call.text(0, QStringLiteral("value")));
}

// Guid(): "generates a new random GUID", marked as varying on each run.
ExpressionValue guid(Call& call)
{
    call.result().variesOnEachRun = true;
    return ExpressionValue::fromString(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// IgnoreFlowIfNullOrEmpty(expression): "instructs the provisioning service to ignore the attribute and drop it from
// the flow if the enclosed function or attribute is NULL or empty." Used anywhere in the expression it drops the
// whole attribute (the reference only shows it outermost).
ExpressionValue ignoreFlowIfNullOrEmpty(Call& call)
{
    const ExpressionValue value = call.value(0);
    if (value.isNullOrEmpty()) {
        call.result().flows = false;
        return {};
    }
    return value;
}

// IIF(condition, valueIfTrue, valueIfFalse). Only the branch taken is evaluated. The reference's known limitation:
// "If the source attribute used within the IIF function is empty or null, the condition check fails" (its
// examples IIF([country]="",…) and IIF(IsNullOrEmpty([country]),…) are "unsupported"). Modelled as: a condition
// that read a null or empty attribute counts as false, with a note saying so.
ExpressionValue iif(Call& call)
{
    int emptyReads = 0;
    const ExpressionValue condition = call.valueCountingEmptyReads(0, &emptyReads);
    if (emptyReads > 0) {
        call.result().notes.append(QStringLiteral(
            "IIF: the condition reads an empty attribute; the service then treats the condition as failed"));
        return call.value(2);
    }
    const std::optional<bool> flag = condition.toBool();
    if (!flag) {
        call.fail(QStringLiteral("the condition %1 is not True or False").arg(condition.describe()));
    }
    return call.value(*flag ? 1 : 2);
}

// InStr(value1, value2, start, compareType): VB's InStr, 1-based; 0 when not found ("InStr(\"repEated\",\"e\",3,
// vbBinaryCompare)" is 7). compareType vbBinaryCompare (0, the default) is case-sensitive, vbTextCompare (1) not.
// As in VB: Null value1 gives Null, start beyond value1 gives 0, an empty value2 gives start.
ExpressionValue inStr(Call& call)
{
    if (call.value(0).isNull()) {
        return {};
    }
    const QString haystack = call.text(0, QStringLiteral("value1"));
    const QString needle = call.text(1, QStringLiteral("value2"));
    const qint64 start = call.isProvided(2) ? call.integer(2, QStringLiteral("start")) : 1;
    if (start < 1) {
        call.fail(QStringLiteral("start must be 1 or more, not %1").arg(start));
    }
    Qt::CaseSensitivity sensitivity = Qt::CaseSensitive;
    if (call.isProvided(3)) {
        const QString compare = call.text(3, QStringLiteral("compareType"));
        if (compare.compare(QLatin1String("vbTextCompare"), Qt::CaseInsensitive) == 0
            || compare == QLatin1String("1")) {
            sensitivity = Qt::CaseInsensitive;
        } else if (compare.compare(QLatin1String("vbBinaryCompare"), Qt::CaseInsensitive) != 0
            && compare != QLatin1String("0")) {
            call.fail(QStringLiteral("compareType must be vbTextCompare or vbBinaryCompare, not \"%1\"").arg(compare));
        }
    }
    if (start > haystack.size()) {
        return ExpressionValue::fromInteger(0);
    }
    if (needle.isEmpty()) {
        return ExpressionValue::fromInteger(start);
    }
    return ExpressionValue::fromInteger(haystack.indexOf(needle, start - 1, sensitivity) + 1);
}

// IsNull(expression): "If the expression evaluates to Null … a Null is expressed by the absence of the attribute."
ExpressionValue isNull(Call& call)
{
    return ExpressionValue::fromBool(call.value(0).isNull());
}

// IsNullOrEmpty(expression): true "if the attribute is absent or is present but is an empty string."
ExpressionValue isNullOrEmpty(Call& call)
{
    return ExpressionValue::fromBool(call.value(0).isNullOrEmpty());
}

// IsPresent(expression): "a string that isn't Null and isn't empty"; the inverse of IsNullOrEmpty.
ExpressionValue isPresent(Call& call)
{
    return ExpressionValue::fromBool(!call.value(0).isNullOrEmpty());
}

// IsString(expression): "If the expression can be evaluated to a string type". Choice: a single value (booleans
// are the strings "True"/"False" to the service) is; Null and lists are not.
ExpressionValue isString(Call& call)
{
    const ExpressionValue::Kind kind = call.value(0).kind();
    return ExpressionValue::fromBool(kind == ExpressionValue::Kind::String || kind == ExpressionValue::Kind::Boolean);
}

// Item(attribute, index): "returns one item from a multi-valued string/attribute"; "Item([proxyAddresses], 1)
// returns the first item … Index 0 shouldn't be used." An index outside 1…count gives Null.
ExpressionValue item(Call& call)
{
    const QStringList values = call.value(0).toList();
    const qint64 index = call.integer(1, QStringLiteral("index"));
    if (index < 1 || index > values.size()) {
        return {};
    }
    return ExpressionValue::fromString(values.at(index - 1));
}

// Join(separator, source1, …): "If one of the source values is a multi-value attribute, then every value in that
// attribute is joined". Null and empty values are left out: the reference's example Join(", ", "", [surname],
// [givenName]) gives "Doe, John", not ", Doe, John".
ExpressionValue join(Call& call)
{
    const QString separator = call.text(0, QStringLiteral("separator"));
    QStringList parts;
    for (int index = 1; index < call.count(); ++index) {
        for (const QString& value : call.value(index).toList()) {
            if (!value.isEmpty()) {
                parts.append(value);
            }
        }
    }
    return ExpressionValue::fromString(parts.join(separator));
}

// Left(String, NumChars): "If numChars = 0, return empty string. If numChars < 0, return input string. If string is
// null, return empty string." Characters are UTF-16 code units, as in .NET.
ExpressionValue left(Call& call)
{
    const QString text = call.text(0, QStringLiteral("String"));
    const qint64 length = call.integer(1, QStringLiteral("NumChars"));
    if (length < 0) {
        return ExpressionValue::fromString(text);
    }
    return ExpressionValue::fromString(text.left(length));
}

// Mid(source, start, length): 1-based start; "If length ends outside the source string, function returns substring
// from start index until end". Choices: a start beyond the end gives ""; start < 1 or a negative length is an error
// (.NET's Substring throws); Null source gives "" like Left.
ExpressionValue mid(Call& call)
{
    const QString text = call.text(0, QStringLiteral("source"));
    const qint64 start = call.integer(1, QStringLiteral("start"));
    const qint64 length = call.integer(2, QStringLiteral("length"));
    if (start < 1) {
        call.fail(QStringLiteral("start must be 1 or more, not %1").arg(start));
    }
    if (length < 0) {
        call.fail(QStringLiteral("length must not be negative, not %1").arg(length));
    }
    if (start > text.size()) {
        return ExpressionValue::fromString(QString());
    }
    return ExpressionValue::fromString(text.mid(start - 1, length));
}

ExpressionValue normalizeDiacritics(Call& call)
{
    return mapText(call, QStringLiteral("source"),
        [](const QString& text) { return ExpressionFunctions::normalizeDiacritics(text); });
}

// Not(source): "If source value is True, returns False. Otherwise, returns True." "True" in any case counts.
ExpressionValue notFunction(Call& call)
{
    const ExpressionValue value = call.value(0);
    const bool isTrue
        = !value.isMultiValued() && value.toString().trimmed().compare(QLatin1String("True"), Qt::CaseInsensitive) == 0;
    return ExpressionValue::fromBool(!isTrue);
}

// PCase(source, wordSeparators): "converts the first character of each word in a string to upper case, and all
// other characters are converted to lower case" ("PABLO GONSALVES (SECOND)" is "Pablo Gonsalves (Second)").
// Without wordSeparators, words are separated by what the reference lists for .NET's ToTitleCase: spaces, control
// and format characters, punctuation and symbols; here that is every code point that is not a letter, digit or
// combining mark. With wordSeparators, only those characters separate ("PINTO-DE'SILVA" with " '-" is
// "Pinto-De'Silva").
ExpressionValue pCase(Call& call)
{
    if (call.value(0).isNull()) {
        return {};
    }
    const QString text = call.text(0, QStringLiteral("source"));
    const bool custom = call.isProvided(1);
    const QList<uint> separators = custom ? call.text(1, QStringLiteral("wordSeparators")).toUcs4() : QList<uint>();
    QString out;
    bool wordStart = true;
    for (const uint codePoint : text.toUcs4()) {
        const char32_t point = static_cast<char32_t>(codePoint);
        const bool separates
            = custom ? separators.contains(codePoint) : !(QChar::isLetterOrNumber(point) || QChar::isMark(point));
        if (separates) {
            out += QString::fromUcs4(&point, 1);
            wordStart = true;
            continue;
        }
        const char32_t mapped = wordStart ? QChar::toUpper(point) : QChar::toLower(point);
        out += QString::fromUcs4(&mapped, 1);
        wordStart = false;
    }
    return ExpressionValue::fromString(out);
}

// RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase,
// CharactersToAvoid): characters from the Windows password-complexity classes; Length at most 256 and at least the
// sum of the minimums. Marked as varying on each run.
ExpressionValue randomString(Call& call)
{
    const qint64 length = call.integer(0, QStringLiteral("Length"));
    const qint64 minimums[] = {call.integer(1, QStringLiteral("MinimumNumbers")),
        call.integer(2, QStringLiteral("MinimumSpecialCharacters")), call.integer(3, QStringLiteral("MinimumCapital")),
        call.integer(4, QStringLiteral("MinimumLowerCase"))};
    const QString avoid = call.text(5, QStringLiteral("CharactersToAvoid"));
    if (length < 1 || length > 256) {
        call.fail(QStringLiteral("Length must be 1 to 256, not %1").arg(length));
    }
    qint64 sum = 0;
    for (const qint64 minimum : minimums) {
        if (minimum < 0 || minimum > 256) {
            call.fail(QStringLiteral("a minimum must be 0 to 256, not %1").arg(minimum));
        }
        sum += minimum;
    }
    if (sum > length) {
        call.fail(QStringLiteral("Length %1 is less than the sum of the minimums, %2").arg(length).arg(sum));
    }
    QString classes[] = {QStringLiteral("0123456789"), QStringLiteral("~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/"),
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), QStringLiteral("abcdefghijklmnopqrstuvwxyz")};
    QString all;
    for (int index = 0; index < 4; ++index) {
        for (const QChar character : avoid) {
            classes[index].remove(character);
        }
        if (classes[index].isEmpty() && minimums[index] > 0) {
            call.fail(QStringLiteral("CharactersToAvoid leaves no character for a required class"));
        }
        all += classes[index];
    }
    if (all.isEmpty()) {
        call.fail(QStringLiteral("CharactersToAvoid leaves no character to choose from"));
    }
    QRandomGenerator* random = QRandomGenerator::global();
    QString out;
    for (int index = 0; index < 4; ++index) {
        for (qint64 n = 0; n < minimums[index]; ++n) {
            out += classes[index].at(random->bounded(static_cast<int>(classes[index].size())));
        }
    }
    while (out.size() < length) {
        out += all.at(random->bounded(static_cast<int>(all.size())));
    }
    for (qsizetype index = out.size() - 1; index > 0; --index) {
        std::swap(out[index], out[random->bounded(static_cast<int>(index + 1))]);
    }
    call.result().variesOnEachRun = true;
    return ExpressionValue::fromString(out);
}

// Redact(value): the value flows; "replaces the attribute value with the string literal \"[Redact]\" in the
// provisioning logs".
ExpressionValue redact(Call& call)
{
    call.result().redacted = true;
    return call.value(0);
}

// RemoveDuplicates(attribute): "takes a multi-valued string and make sure each value is unique". Exact
// (case-sensitive) comparison, first occurrence kept.
ExpressionValue removeDuplicates(Call& call)
{
    const ExpressionValue value = call.value(0);
    if (!value.isMultiValued()) {
        return value;
    }
    QStringList unique;
    for (const QString& entry : value.toList()) {
        if (!unique.contains(entry)) {
            unique.append(entry);
        }
    }
    return ExpressionValue::fromList(unique);
}

// SelectUniqueValue(rule1, rule2, …): "evaluates each rule and then checks the value generated for uniqueness in
// the target … The first unique value found is the one returned. If all of the values already exist in the target,
// the entry is escrowed". "This function must be at the top-level and can't be nested." Candidates are evaluated
// one at a time, only as far as needed; empty candidates are skipped. Without a target check (ExpressionContext)
// the first candidate is given, marked assumedUnique.
ExpressionValue selectUniqueValue(Call& call)
{
    if (!call.isTopLevel()) {
        call.fail(QStringLiteral("the service allows it only as the whole expression, not nested"));
    }
    for (int index = 0; index < call.count(); ++index) {
        const ExpressionValue candidate = call.value(index);
        if (candidate.isNullOrEmpty()) {
            continue;
        }
        const QString text = call.text(index, QStringLiteral("a rule"));
        if (!call.context().isUniqueInTarget) {
            call.result().assumedUnique = true;
            return candidate;
        }
        if (call.context().isUniqueInTarget(text)) {
            return candidate;
        }
    }
    call.fail(QStringLiteral("every candidate value already exists in the target (or is empty); the service escrows "
                             "the user"));
}

// Split(source, delimiter): "Splits a string into a multi-valued array", like .NET's String.Split(string): empty
// parts are kept and nothing is trimmed (the reference's sample output drops the space after the comma; .NET
// keeps it, and so does this). An empty delimiter gives the whole string as the one value; Null gives Null.
ExpressionValue split(Call& call)
{
    if (call.value(0).isNull()) {
        return {};
    }
    const QString source = call.text(0, QStringLiteral("source"));
    const QString delimiter = call.text(1, QStringLiteral("delimiter"));
    if (delimiter.isEmpty()) {
        return ExpressionValue::fromList({source});
    }
    return ExpressionValue::fromList(source.split(delimiter));
}

// StripSpaces(source): "Removes all space (\" \") characters": U+0020 only, not tabs or no-break spaces.
ExpressionValue stripSpaces(Call& call)
{
    return mapText(call, QStringLiteral("source"), [](const QString& text) {
        QString out = text;
        return out.remove(QLatin1Char(' '));
    });
}

// Switch(source, defaultValue, key1, value1, …): "When source value matches a key, returns value for that key. If
// source value doesn't match any keys, returns defaultValue … The function always expects an even number of
// parameters." Comparison is "case-sensitive string comparison". Null source compares as "" (the reference: "use a
// literal empty string as one of the key values" for an empty source). Only the value returned is evaluated.
ExpressionValue switchFunction(Call& call)
{
    if (call.count() % 2 != 0) {
        call.fail(QStringLiteral("it takes an even number of arguments (source, defaultValue, then key/value pairs), "
                                 "not %1")
                      .arg(call.count()));
    }
    const QString source = call.text(0, QStringLiteral("source"));
    for (int index = 2; index + 1 < call.count(); index += 2) {
        if (call.text(index, QStringLiteral("key")) == source) {
            return call.value(index + 1);
        }
    }
    return call.value(1);
}

// ToLower(source, culture) / ToUpper(source, culture): "using the culture rules that are specified. If there's no
// culture info specified, then it uses Invariant culture."
ExpressionValue toLower(Call& call)
{
    const QString culture = call.isProvided(1) ? cultureOf(call, 1) : QString();
    if (call.value(0).isNull()) {
        return {};
    }
    return ExpressionValue::fromString(ExpressionFunctions::toLower(call.text(0, QStringLiteral("source")), culture));
}

ExpressionValue toUpper(Call& call)
{
    const QString culture = call.isProvided(1) ? cultureOf(call, 1) : QString();
    if (call.value(0).isNull()) {
        return {};
    }
    return ExpressionValue::fromString(ExpressionFunctions::toUpper(call.text(0, QStringLiteral("source")), culture));
}

// Trim(source): not on the reference page, but in the list and in the service's function list; .NET's
// String.Trim (white space at both ends).
ExpressionValue trim(Call& call)
{
    return mapText(call, QStringLiteral("source"), [](const QString& text) { return text.trimmed(); });
}

// Word(String, WordNumber, Delimiters): "Each string of characters in string separated by the one of the characters
// in delimiters are identified as words … If number < 1, returns empty string. If string is null, returns empty
// string. If string contains less than number words … an empty string is returned." Runs of delimiters do not make
// empty words (Word("a  b", 2, " ") is "b"), as in MIM's Word that this follows.
ExpressionValue word(Call& call)
{
    const QString text = call.text(0, QStringLiteral("String"));
    const qint64 number = call.integer(1, QStringLiteral("WordNumber"));
    const QString delimiters = call.text(2, QStringLiteral("Delimiters"));
    if (number < 1) {
        return ExpressionValue::fromString(QString());
    }
    qint64 current = 0;
    QString wordText;
    bool inWord = false;
    for (const QChar character : text) {
        if (delimiters.contains(character)) {
            if (inWord && current == number) {
                break;
            }
            inWord = false;
            continue;
        }
        if (!inWord) {
            inWord = true;
            ++current;
        }
        if (current == number) {
            wordText += character;
        }
    }
    return ExpressionValue::fromString(current >= number ? wordText : QString());
}

using Definition = ExpressionFunctions::Definition;

const QList<Definition>& definitions()
{
    static const QList<Definition> table = {
        {QStringLiteral("Append"), 2, 2, append},
        {QStringLiteral("AppRoleAssignmentsComplex"), 1, 1, appRoleAssignmentsComplex},
        {QStringLiteral("BitAnd"), 2, 2, bitAnd},
        {QStringLiteral("CBool"), 1, 1, cBool},
        {QStringLiteral("CDate"), 1, 1, ExpressionDateFunctions::cDate},
        {QStringLiteral("Coalesce"), 1, -1, coalesce},
        {QStringLiteral("ConvertToBase64"), 1, 1, convertToBase64},
        {QStringLiteral("ConvertToUTF8Hex"), 1, 1, convertToUtf8Hex},
        {QStringLiteral("Count"), 1, 1, count},
        {QStringLiteral("CStr"), 1, 1, cStr},
        {QStringLiteral("DateAdd"), 3, 3, ExpressionDateFunctions::dateAdd},
        {QStringLiteral("DateDiff"), 3, 3, ExpressionDateFunctions::dateDiff},
        {QStringLiteral("DateFromNum"), 1, 1, ExpressionDateFunctions::dateFromNum},
        {QStringLiteral("FormatDateTime"), 3, 4, ExpressionDateFunctions::formatDateTime},
        {QStringLiteral("Guid"), 0, 0, guid},
        {QStringLiteral("IgnoreFlowIfNullOrEmpty"), 1, 1, ignoreFlowIfNullOrEmpty},
        {QStringLiteral("IIF"), 3, 3, iif},
        {QStringLiteral("InStr"), 2, 4, inStr},
        {QStringLiteral("IsNull"), 1, 1, isNull},
        {QStringLiteral("IsNullOrEmpty"), 1, 1, isNullOrEmpty},
        {QStringLiteral("IsPresent"), 1, 1, isPresent},
        {QStringLiteral("IsString"), 1, 1, isString},
        {QStringLiteral("Item"), 2, 2, item},
        {QStringLiteral("Join"), 2, -1, join},
        {QStringLiteral("Left"), 2, 2, left},
        {QStringLiteral("Mid"), 3, 3, mid},
        {QStringLiteral("NormalizeDiacritics"), 1, 1, normalizeDiacritics},
        {QStringLiteral("Not"), 1, 1, notFunction},
        {QStringLiteral("Now"), 0, 0, ExpressionDateFunctions::now},
        {QStringLiteral("NumFromDate"), 1, 1, ExpressionDateFunctions::numFromDate},
        {QStringLiteral("PCase"), 1, 2, pCase},
        {QStringLiteral("RandomString"), 5, 6, randomString},
        {QStringLiteral("Redact"), 1, 1, redact},
        {QStringLiteral("RemoveDuplicates"), 1, 1, removeDuplicates},
        {QStringLiteral("Replace"), 2, 7, ExpressionReplaceFunction::replace},
        {QStringLiteral("SelectUniqueValue"), 2, -1, selectUniqueValue},
        {QStringLiteral("SingleAppRoleAssignment"), 1, 1, singleAppRoleAssignment},
        {QStringLiteral("Split"), 2, 2, split},
        {QStringLiteral("StripSpaces"), 1, 1, stripSpaces},
        {QStringLiteral("Switch"), 2, -1, switchFunction},
        {QStringLiteral("ToLower"), 1, 2, toLower},
        {QStringLiteral("ToUpper"), 1, 2, toUpper},
        {QStringLiteral("Trim"), 1, 1, trim},
        {QStringLiteral("Word"), 3, 3, word},
    };
    return table;
}

const QHash<QString, const Definition*>& byLowerCaseName()
{
    static const QHash<QString, const Definition*> index = [] {
        QHash<QString, const Definition*> built;
        for (const Definition& definition : definitions()) {
            built.insert(definition.name.toLower(), &definition);
        }
        return built;
    }();
    return index;
}

bool isTurkic(const QString& culture)
{
    const QString language = culture.section(QLatin1Char('-'), 0, 0).toLower();
    return language == QLatin1String("tr") || language == QLatin1String("az");
}

} // namespace

const ExpressionFunctions::Definition* ExpressionFunctions::find(const QString& name)
{
    return byLowerCaseName().value(name.toLower(), nullptr);
}

QStringList ExpressionFunctions::names()
{
    QStringList list;
    for (const Definition& definition : definitions()) {
        list.append(definition.name);
    }
    return list;
}

QString ExpressionFunctions::toUpper(const QString& text, const QString& culture)
{
    const bool turkic = isTurkic(culture);
    QString out;
    out.reserve(text.size());
    for (const uint codePoint : text.toUcs4()) {
        char32_t mapped = QChar::toUpper(static_cast<char32_t>(codePoint));
        if (turkic && codePoint == U'i') {
            mapped = U'\u0130'; // İ
        }
        out += QString::fromUcs4(&mapped, 1);
    }
    return out;
}

QString ExpressionFunctions::toLower(const QString& text, const QString& culture)
{
    const bool turkic = isTurkic(culture);
    QString out;
    out.reserve(text.size());
    for (const uint codePoint : text.toUcs4()) {
        char32_t mapped = QChar::toLower(static_cast<char32_t>(codePoint));
        if (turkic && codePoint == U'I') {
            mapped = U'\u0131'; // ı
        } else if (turkic && codePoint == U'\u0130') {
            mapped = U'i';
        }
        out += QString::fromUcs4(&mapped, 1);
    }
    return out;
}

// NormalizeDiacritics: "any diacritical characters replaced with equivalent nondiacritical characters" ("Zoë" is
// "Zoe"). The reference's table, done generally: a Latin letter is decomposed (NFD) and its combining marks dropped,
// and a combining mark written after a Latin letter is dropped; the table's non-decomposable entries are mapped
// (æ ae, ø oe, œ oe, ß ss, ł l, ı i, and their capitals). Letters of other scripts are kept as they are.
QString ExpressionFunctions::normalizeDiacritics(const QString& text)
{
    static const QHash<char32_t, QString> special = {{U'\u00E6', QStringLiteral("ae")},
        {U'\u00C6', QStringLiteral("AE")}, {U'\u00F8', QStringLiteral("oe")}, {U'\u00D8', QStringLiteral("OE")},
        {U'\u0153', QStringLiteral("oe")}, {U'\u0152', QStringLiteral("OE")}, {U'\u00DF', QStringLiteral("ss")},
        {U'\u0142', QStringLiteral("l")}, {U'\u0141', QStringLiteral("L")}, {U'\u0131', QStringLiteral("i")}};
    QString out;
    out.reserve(text.size());
    bool afterLatin = false;
    for (const uint codePoint : text.toUcs4()) {
        const char32_t point = static_cast<char32_t>(codePoint);
        if (QChar::isMark(point) && afterLatin) {
            continue;
        }
        if (QChar::script(point) != QChar::Script_Latin) {
            out += QString::fromUcs4(&point, 1);
            afterLatin = false;
            continue;
        }
        afterLatin = true;
        const QString decomposed = QString::fromUcs4(&point, 1).normalized(QString::NormalizationForm_D);
        for (const uint part : decomposed.toUcs4()) {
            const char32_t partPoint = static_cast<char32_t>(part);
            if (QChar::isMark(partPoint)) {
                continue;
            }
            const auto mapped = special.constFind(partPoint);
            out += mapped != special.constEnd() ? *mapped : QString::fromUcs4(&partPoint, 1);
        }
    }
    return out;
}

} // namespace tb::sync
