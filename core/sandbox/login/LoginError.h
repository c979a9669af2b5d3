// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/http/HttpResponse.h"

#include <QString>

namespace tbsandbox {

struct HttpRequest;

// The Entra login error answer (graph-reference 7.2): {"error","error_description":"AADSTSnnnnn: text\r\nTrace
// ID: ...\r\nCorrelation ID: ...\r\nTimestamp: ...","error_codes":[n],"timestamp","trace_id","correlation_id"}
// plus "suberror" when given. The correlation id repeats the client's client-request-id when it is a GUID, as
// Entra does. Stateless.
class LoginError final
{
public:
    LoginError() = delete;

    [[nodiscard]] static HttpResponse make(const HttpRequest& request, int status, const QString& error, int code,
        const QString& text, const QString& suberror = {});
    // "2025-01-10 10:00:00Z", the form of Entra's timestamp field.
    [[nodiscard]] static QString timestamp();
};

} // namespace tbsandbox
