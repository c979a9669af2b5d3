// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionReplaceFunction.h"

#include <QRegularExpression>
#include <QStringList>

namespace tb::sync {

namespace {

using Call = ExpressionFunctionCall;

QRegularExpression compileRegex(Call& call, int index)
{
    const QString pattern = call.text(index, QStringLiteral("regexPattern"));
    QRegularExpression expression(pattern);
    if (!expression.isValid()) {
        call.fail(QStringLiteral("regexPattern \"%1\" is not valid: %2").arg(pattern, expression.errorString()));
    }
    return expression;
}

// .NET substitutions in a replacement: $1, ${name}, $$, $&, $`, $', $+, $_. An unknown group stays as written.
QString expandSubstitutions(const QString& replacement, const QRegularExpressionMatch& match, const QString& input,
    const QStringList& groupNames)
{
    QString out;
    for (qsizetype index = 0; index < replacement.size(); ++index) {
        const QChar character = replacement.at(index);
        if (character != QLatin1Char('$') || index + 1 >= replacement.size()) {
            out += character;
            continue;
        }
        const QChar next = replacement.at(index + 1);
        if (next == QLatin1Char('$')) {
            out += QLatin1Char('$');
            ++index;
        } else if (next == QLatin1Char('&')) {
            out += match.captured(0);
            ++index;
        } else if (next == QLatin1Char('`')) {
            out += input.left(match.capturedStart(0));
            ++index;
        } else if (next == QLatin1Char('\'')) {
            out += input.mid(match.capturedEnd(0));
            ++index;
        } else if (next == QLatin1Char('_')) {
            out += input;
            ++index;
        } else if (next == QLatin1Char('+')) {
            out += match.lastCapturedIndex() > 0 ? match.captured(match.lastCapturedIndex()) : QString();
            ++index;
        } else if (next == QLatin1Char('{')) {
            const qsizetype close = replacement.indexOf(QLatin1Char('}'), index + 2);
            const QString name = close < 0 ? QString() : replacement.mid(index + 2, close - index - 2);
            bool isNumber = false;
            const int number = name.toInt(&isNumber);
            if (isNumber && number >= 0 && number <= match.regularExpression().captureCount()) {
                out += match.captured(number);
                index = close;
            } else if (!name.isEmpty() && groupNames.contains(name)) {
                out += match.captured(name);
                index = close;
            } else {
                out += character;
            }
        } else if (next.isDigit() && next.unicode() < 128) {
            int number = next.digitValue();
            qsizetype end = index + 2;
            while (end < replacement.size() && replacement.at(end).isDigit() && replacement.at(end).unicode() < 128
                && number * 10 + replacement.at(end).digitValue() <= match.regularExpression().captureCount()) {
                number = number * 10 + replacement.at(end).digitValue();
                ++end;
            }
            if (number <= match.regularExpression().captureCount()) {
                out += match.captured(number);
                index = end - 1;
            } else {
                out += character;
            }
        } else {
            out += character;
        }
    }
    return out;
}

} // namespace

// Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template):
// "Replaces values within a string in a case-sensitive manner", by which parameters are given (an argument written
// as "" is given; one left out between commas is not):
//   oldValue + replacementValue: every oldValue in source becomes replacementValue;
//   oldValue + template: every oldValue in template becomes source;
//   regexPattern + replacementValue: .NET Regex.Replace, with $1 / ${name} substitutions;
//   regexPattern + regexGroupName + replacementValue: each match's named group becomes replacementValue;
//   regexPattern + regexGroupName + replacementAttributeName: source if it has a value, else the named group of
//   the pattern's match in replacementAttributeName (the reference passes the attribute itself: [mobile]).
// Other combinations are errors. Null source gives Null except in the last form. An empty oldValue is an error, as
// .NET's String.Replace throws on it.
ExpressionValue ExpressionReplaceFunction::replace(ExpressionFunctionCall& call)
{
    const bool oldValue = call.isProvided(1);
    const bool pattern = call.isProvided(2);
    const bool groupName = call.isProvided(3);
    const bool replacementValue = call.isProvided(4);
    const bool replacementAttribute = call.isProvided(5);
    const bool templateValue = call.isProvided(6);
    const ExpressionValue sourceValue = call.value(0);
    if (pattern && groupName && replacementAttribute) {
        if (!sourceValue.isNullOrEmpty()) {
            return sourceValue;
        }
        const QRegularExpression expression = compileRegex(call, 2);
        const QString group = call.text(3, QStringLiteral("regexGroupName"));
        if (!expression.namedCaptureGroups().contains(group)) {
            call.fail(QStringLiteral("regexGroupName \"%1\" is not a group of the pattern").arg(group));
        }
        const QRegularExpressionMatch match
            = expression.match(call.text(5, QStringLiteral("replacementAttributeName")));
        return match.hasMatch() && match.capturedStart(group) >= 0 ? ExpressionValue::fromString(match.captured(group))
                                                                   : ExpressionValue();
    }
    const bool known = (pattern && replacementValue) || (oldValue && (templateValue || replacementValue));
    if (!known) {
        call.fail(QStringLiteral("these parameters are not one of the documented forms (oldValue with replacementValue "
                                 "or template; regexPattern with replacementValue; regexPattern and regexGroupName "
                                 "with replacementValue or replacementAttributeName)"));
    }
    if (sourceValue.isNull()) {
        return {};
    }
    const QString source = call.text(0, QStringLiteral("source"));
    if (pattern) {
        const QRegularExpression expression = compileRegex(call, 2);
        const QString replacement = call.text(4, QStringLiteral("replacementValue"));
        const QString group = groupName ? call.text(3, QStringLiteral("regexGroupName")) : QString();
        const QStringList names = expression.namedCaptureGroups();
        if (groupName && !names.contains(group)) {
            call.fail(QStringLiteral("regexGroupName \"%1\" is not a group of the pattern").arg(group));
        }
        QString out;
        qsizetype last = 0;
        QRegularExpressionMatchIterator matches = expression.globalMatch(source);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (groupName) {
                if (match.capturedStart(group) < 0) {
                    continue;
                }
                out += source.mid(last, match.capturedStart(group) - last) + replacement;
                last = match.capturedEnd(group);
            } else {
                out += source.mid(last, match.capturedStart(0) - last)
                    + expandSubstitutions(replacement, match, source, names);
                last = match.capturedEnd(0);
            }
        }
        return ExpressionValue::fromString(out + source.mid(last));
    }
    const QString old = call.text(1, QStringLiteral("oldValue"));
    if (old.isEmpty()) {
        call.fail(QStringLiteral("oldValue must not be empty"));
    }
    if (templateValue) {
        QString text = call.text(6, QStringLiteral("template"));
        return ExpressionValue::fromString(text.replace(old, source));
    }
    QString text = source;
    return ExpressionValue::fromString(text.replace(old, call.text(4, QStringLiteral("replacementValue"))));
}

} // namespace tb::sync
