// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CoreLogging.h"

Q_LOGGING_CATEGORY(lcAuth, "tb.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGraph, "tb.graph", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "tb.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSetup, "tb.setup", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "tb.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLogs, "tb.logs", QtWarningMsg)
