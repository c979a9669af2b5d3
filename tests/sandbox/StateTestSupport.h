// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxOptions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tbsandbox {
class TenantState;
class World;
} // namespace tbsandbox

namespace tb::test {

// Everything a tenant serves, as the sandbox serves it (not as the state file writes it, so a property the
// writer drops shows up as a difference): identity, admin, organization, SKUs with consumedUnits, every
// property of every user in UserSchema's form, groups with their members.
[[nodiscard]] QJsonObject describeTenant(const tbsandbox::TenantState& tenant);
// describeTenant of every tenant, by tenant id.
[[nodiscard]] QJsonObject describeWorld(const tbsandbox::World& world);

// Options for an in-process sandbox that keeps its state in file: compiled-in seeds, any free port.
[[nodiscard]] tbsandbox::SandboxOptions stateOptions(const QString& file, bool reset = false);

[[nodiscard]] QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

} // namespace tb::test
