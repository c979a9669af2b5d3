// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

// The log-import fuzz targets share their checks (LogImportFuzz.cpp); each names the reader it also checks alone.
enum class LogFuzzFormat { Json, Csv };

int fuzzLogImport(const uint8_t* data, size_t size, LogFuzzFormat format);
