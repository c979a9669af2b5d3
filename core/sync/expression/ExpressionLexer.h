// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace tb::sync {

// Splits the text of an attribute-mapping expression into tokens for ExpressionParser. Follows the reference
// ("Reference for writing expressions for attribute mappings in Microsoft Entra ID", Syntax overview):
// attributes in square brackets, string constants in double quotes where a backslash escapes a quotation mark or a
// backslash ("Company name: \"Contoso\""). A backslash before any other character is kept as written: the
// reference does not say, and regex patterns ("\\d") are easier to get right this way. Numbers are decimal with an
// optional sign, or VB hexadecimal (&HF7). Whitespace and line breaks between tokens are ignored. Value type.
class ExpressionLexer
{
public:
    enum class TokenKind { Attribute, String, Number, Name, OpenParen, CloseParen, Comma, Operator, End };

    struct Token
    {
        TokenKind kind = TokenKind::End;
        QString text; // attribute name, string value (escapes resolved), number, name or operator
        int position = 0; // 1-based character where the token starts
    };

    struct Result
    {
        QList<Token> tokens; // ends with an End token when error is empty
        QString error; // "unterminated string starting at 5"
        int errorPosition = 0;
    };

    [[nodiscard]] static Result tokenize(const QString& expression);
    [[nodiscard]] static QString describe(TokenKind kind);
};

} // namespace tb::sync
