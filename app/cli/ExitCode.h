// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tb::cli {

// What tenantbridge-cli tells a script through its exit status.
enum class ExitCode {
    Success = 0,
    Usage = 2, // bad arguments: nothing was asked of any service
    CheckFailed = 3, // the question had an answer, and it is "no" (nothing matched, a check did not pass)
    ServiceError = 4, // Graph, the network or sign-in failed
    LocalError = 5, // the database, the keychain or the local sandbox failed
};

} // namespace tb::cli
