// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tbsandbox {

// A tenant the sandbox makes up at start-up instead of reading it from a seed file (scale tests).
struct GeneratedTenantSpec
{
    QString name; // becomes "<name>.onmicrosoft.com" and the display name
    int userCount = 0;
};

} // namespace tbsandbox
