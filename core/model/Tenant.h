// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/CloudInstance.h"

#include <QJsonObject>
#include <QString>

namespace tb::model {

// A tenant as TenantBridge knows it: id, name, initial domain and cloud. Value type, any thread.
struct Tenant
{
    QString id;
    QString displayName;
    QString initialDomain;
    CloudInstance cloud;

    // Reads {"id","displayName","initialDomain","cloud"} (the sandbox catalog's shape); an unknown
    // cloud name leaves Global. Missing fields stay empty.
    [[nodiscard]] static Tenant fromJson(const QJsonObject& json);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool isValid() const { return !id.isEmpty(); }
    // The name to show people: the display name, else the initial domain, else the id.
    [[nodiscard]] QString readableName() const;
};

} // namespace tb::model
