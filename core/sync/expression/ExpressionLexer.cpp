// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionLexer.h"

namespace tb::sync {

namespace {

bool isNameStart(QChar character)
{
    return character.isLetter() || character == QLatin1Char('_');
}

bool isNamePart(QChar character)
{
    return character.isLetterOrNumber() || character == QLatin1Char('_') || character == QLatin1Char('.');
}

bool isHexDigit(QChar character)
{
    const char16_t code = character.unicode();
    return (code >= u'0' && code <= u'9') || (code >= u'a' && code <= u'f') || (code >= u'A' && code <= u'F');
}

} // namespace

ExpressionLexer::Result ExpressionLexer::tokenize(const QString& expression)
{
    Result result;
    const qsizetype length = expression.size();
    qsizetype index = 0;
    // The message names what was expected; the position is appended, 1-based.
    auto fail = [&result](const QString& message, qsizetype at) {
        result.tokens.clear();
        result.errorPosition = static_cast<int>(at) + 1;
        result.error = message + QStringLiteral(" at ") + QString::number(result.errorPosition);
        return result;
    };
    while (index < length) {
        const QChar character = expression.at(index);
        const int position = static_cast<int>(index) + 1;
        if (character.isSpace()) {
            ++index;
            continue;
        }
        if (character == QLatin1Char('[')) {
            const qsizetype close = expression.indexOf(QLatin1Char(']'), index + 1);
            if (close < 0) {
                return fail(QStringLiteral("expected ']' to close the attribute name started"), index);
            }
            const QString name = expression.mid(index + 1, close - index - 1).trimmed();
            if (name.isEmpty()) {
                return fail(QStringLiteral("expected an attribute name"), index + 1);
            }
            result.tokens.append({TokenKind::Attribute, name, position});
            index = close + 1;
            continue;
        }
        if (character == QLatin1Char('"')) {
            QString text;
            qsizetype cursor = index + 1;
            bool closed = false;
            while (cursor < length) {
                const QChar current = expression.at(cursor);
                if (current == QLatin1Char('\\') && cursor + 1 < length
                    && (expression.at(cursor + 1) == QLatin1Char('"')
                        || expression.at(cursor + 1) == QLatin1Char('\\'))) {
                    text.append(expression.at(cursor + 1));
                    cursor += 2;
                    continue;
                }
                if (current == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                text.append(current);
                ++cursor;
            }
            if (!closed) {
                return fail(QStringLiteral("expected '\"' to close the string started"), index);
            }
            result.tokens.append({TokenKind::String, text, position});
            index = cursor + 1;
            continue;
        }
        const bool signedNumber = (character == QLatin1Char('-') || character == QLatin1Char('+')) && index + 1 < length
            && expression.at(index + 1).isDigit();
        if (character.isDigit() || signedNumber) {
            qsizetype cursor = index + 1;
            while (cursor < length && (expression.at(cursor).isDigit() || expression.at(cursor) == QLatin1Char('.'))) {
                ++cursor;
            }
            result.tokens.append({TokenKind::Number, expression.mid(index, cursor - index), position});
            index = cursor;
            continue;
        }
        if (character == QLatin1Char('&') && index + 1 < length
            && expression.at(index + 1).toUpper() == QLatin1Char('H')) {
            qsizetype cursor = index + 2;
            while (cursor < length && isHexDigit(expression.at(cursor))) {
                ++cursor;
            }
            if (cursor == index + 2) {
                return fail(QStringLiteral("expected hexadecimal digits after '&H'"), index + 2);
            }
            result.tokens.append({TokenKind::Number, expression.mid(index, cursor - index), position});
            index = cursor;
            continue;
        }
        if (isNameStart(character)) {
            qsizetype cursor = index + 1;
            while (cursor < length && isNamePart(expression.at(cursor))) {
                ++cursor;
            }
            result.tokens.append({TokenKind::Name, expression.mid(index, cursor - index), position});
            index = cursor;
            continue;
        }
        switch (character.unicode()) {
        case '(':
            result.tokens.append({TokenKind::OpenParen, QStringLiteral("("), position});
            ++index;
            continue;
        case ')':
            result.tokens.append({TokenKind::CloseParen, QStringLiteral(")"), position});
            ++index;
            continue;
        case ',':
            result.tokens.append({TokenKind::Comma, QStringLiteral(","), position});
            ++index;
            continue;
        case '=':
            result.tokens.append({TokenKind::Operator, QStringLiteral("="), position});
            ++index;
            continue;
        case '<':
        case '>': {
            QString op(character);
            if (index + 1 < length
                && (expression.at(index + 1) == QLatin1Char('=')
                    || (character == QLatin1Char('<') && expression.at(index + 1) == QLatin1Char('>')))) {
                op.append(expression.at(index + 1));
            }
            result.tokens.append({TokenKind::Operator, op, position});
            index += op.size();
            continue;
        }
        default:
            break;
        }
        return fail(QStringLiteral("unexpected character '") + character + QLatin1Char('\''), index);
    }
    result.tokens.append({TokenKind::End, QString(), static_cast<int>(length) + 1});
    return result;
}

QString ExpressionLexer::describe(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Attribute:
        return QStringLiteral("an attribute");
    case TokenKind::String:
        return QStringLiteral("a string");
    case TokenKind::Number:
        return QStringLiteral("a number");
    case TokenKind::Name:
        return QStringLiteral("a name");
    case TokenKind::OpenParen:
        return QStringLiteral("'('");
    case TokenKind::CloseParen:
        return QStringLiteral("')'");
    case TokenKind::Comma:
        return QStringLiteral("','");
    case TokenKind::Operator:
        return QStringLiteral("an operator");
    case TokenKind::End:
        break;
    }
    return QStringLiteral("the end of the expression");
}

} // namespace tb::sync
