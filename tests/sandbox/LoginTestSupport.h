// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/sandbox/SandboxTestClient.h"

#include <QJsonObject>
#include <QString>

namespace tb::test {

// The claims of a JWT, read without checking the signature (what a client does with an id token).
[[nodiscard]] QJsonObject jwtClaims(const QString& token);
// A base64url JSON value such as client_info, decoded.
[[nodiscard]] QJsonObject base64UrlJson(const QString& text);
// The "error" member of a login-host error answer.
[[nodiscard]] QString loginError(const SandboxAnswer& answer);
// The first of "error_codes".
[[nodiscard]] int loginErrorCode(const SandboxAnswer& answer);

} // namespace tb::test
