// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tbsandbox {

// Why a request's OData options were refused: becomes a Graph error answer (400 unless said otherwise) with
// a Graph directory code such as Request_BadRequest or Request_UnsupportedQuery. A value.
struct QueryError
{
    int status = 400;
    QString code;
    QString message;
};

} // namespace tbsandbox
