// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of a fuzz target: when it does not hold, say which one (file, line, the condition) and abort, which
// libFuzzer reports as a crash and saves the input for. Stays on in every build type (unlike assert).
#define TB_FUZZ_CHECK(condition)                                                                                       \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

// The same with a line of detail (a message, the offending text) printed before aborting; detail is a const char*.
#define TB_FUZZ_CHECK_SAYING(condition, detail)                                                                        \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", __FILE__, __LINE__, #condition, (detail));     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
