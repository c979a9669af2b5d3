// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace tbsandbox {

// One named part of the state file besides the tenants ("login": the signing key and sessions; later
// "policies", "syncJobs"). Its owner says how to write it and how to take it back. A value inside StateRegistry.
struct StateSection
{
    using SaveFunction = std::function<QJsonObject()>;
    // False with a sentence when the saved JSON cannot be used; the sandbox then refuses to start.
    using LoadFunction = std::function<bool(const QJsonObject& saved, QString* errorMessage)>;

    QString name;
    SaveFunction save;
    LoadFunction load;
};

} // namespace tbsandbox
