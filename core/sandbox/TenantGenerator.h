// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

namespace tbsandbox {

class TenantState;

// Makes up a tenant "<name>.onmicrosoft.com" with userCount users for scale tests. Deterministic: the same
// name and count give the same tenant id, user ids and properties on every run. Stateless.
class TenantGenerator final
{
public:
    static constexpr int kMaxUsers = 1000000;

    TenantGenerator() = delete;

    [[nodiscard]] static std::unique_ptr<TenantState> generate(const QString& name, int userCount);
};

} // namespace tbsandbox
