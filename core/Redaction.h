// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb {

// Masks what must never reach a log line, an error message or an export: bearer tokens, JWTs, refresh
// tokens, device codes, client secrets and the like. Pure functions; safe on any thread.
class Redaction final
{
public:
    Redaction() = delete;

    // Returns text with every secret-looking part replaced by "[redacted]": Authorization header values,
    // "Bearer xxx", JWT-shaped strings, and the values of token/code/secret/password keys in JSON,
    // query strings and form bodies.
    [[nodiscard]] static QString redact(const QString& text);
    // redact(), and every control or direction-changing character replaced by U+FFFD: for text from a server
    // that goes into a log line, an error sentence or a terminal.
    [[nodiscard]] static QString redactLine(const QString& text);
    // text with every control or direction-changing character replaced by U+FFFD (nothing masked): one line
    // stays one line, and text from a tenant cannot move a terminal's cursor or reorder what it shows.
    [[nodiscard]] static QString withoutControls(const QString& text);
    [[nodiscard]] static bool isControlOrDirectional(QChar c);
};

} // namespace tb
