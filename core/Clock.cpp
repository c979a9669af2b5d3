// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Clock.h"

// The interface has no code of its own; this file anchors its vtable in the core library.
