// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for the import of provisioning-log CSV files (the admin center's summary download, Log Analytics
// exports, our own exports) and CsvRecordReader: the checks are in LogImportFuzz.cpp. Built with -DTB_BUILD_FUZZ=ON
// and clang (tests/fuzz/run-fuzz.sh).
#include "tests/fuzz/LogImportFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return fuzzLogImport(data, size, LogFuzzFormat::Csv);
}
