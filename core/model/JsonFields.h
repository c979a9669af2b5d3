// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

#include <optional>

namespace tb::model {

// The JSON conversions the value types share: Graph's booleans may be absent or null, and we keep that
// apart from false. Pure functions.
class JsonFields final
{
public:
    JsonFields() = delete;

    // true/false when the value is a boolean; nothing when it is absent, null or of another type.
    [[nodiscard]] static std::optional<bool> optionalBool(const QJsonValue& value);
    // The boolean, or JSON null when unknown.
    [[nodiscard]] static QJsonValue optionalBoolJson(const std::optional<bool>& value);
};

} // namespace tb::model
