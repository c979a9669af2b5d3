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
};

} // namespace tb
