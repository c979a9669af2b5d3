// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every fuzz target, for FuzzReplay.cpp: expands TB_FUZZ_TARGET(name) once per target (no include guard on
// purpose). A target's source is tests/fuzz/<name>.cpp and its seeds tests/fuzz/corpus/<name without Fuzz, lower
// case>; tests/fuzz/CMakeLists.txt and run-fuzz.sh keep the same list.
TB_FUZZ_TARGET(ExpressionFuzz)
TB_FUZZ_TARGET(GraphJsonFuzz)
TB_FUZZ_TARGET(ScopingFilterFuzz)
TB_FUZZ_TARGET(LogJsonImportFuzz)
TB_FUZZ_TARGET(LogCsvImportFuzz)
TB_FUZZ_TARGET(SandboxHttpFuzz)
TB_FUZZ_TARGET(SandboxODataFuzz)
