// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tbsandbox {

// The opaque $skiptoken of @odata.nextLink: an offset bound by a keyed hash to the collection it pages, so a
// token edited by hand or replayed on another collection is refused (400) instead of paging nonsense.
// Stateless.
class SkipToken final
{
public:
    SkipToken() = delete;

    [[nodiscard]] static QString encode(qsizetype offset, const QString& scope);
    [[nodiscard]] static std::optional<qsizetype> decode(const QString& token, const QString& scope);
};

} // namespace tbsandbox
