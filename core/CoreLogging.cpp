// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CoreLogging.h"

Q_LOGGING_CATEGORY(lcAuth, "tb.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGraph, "tb.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "tb.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSetup, "tb.setup", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "tb.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLogs, "tb.logs", QtInfoMsg)
