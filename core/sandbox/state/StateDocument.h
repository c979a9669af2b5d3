// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

class QIODevice;

namespace tbsandbox {

class World;

// The sandbox's state as one versioned JSON document:
//   {"format":"tenantbridge-sandbox-state","version":1,"savedAt":"<ISO 8601, UTC>",
//    "tenants":[<one seed-format tenant each, see TenantSnapshot>],"sections":{"<name>":{...}}}
// "sections" are what StateRegistry's registered parts save. Version 1 is the first; a reader refuses a newer
// version rather than guess, since a newer writer may have moved things it would then drop. Stateless.
class StateDocument final
{
public:
    static constexpr int kVersion = 1;
    static constexpr QLatin1String kFormat {"tenantbridge-sandbox-state"};

    enum class ReadOutcome {
        Loaded,
        Unusable, // not JSON, not this format, or a tenant or section that does not load
        Newer, // a later version of this format
    };

    StateDocument() = delete;

    // Writes every tenant of world and the sections of its registry to device, a user per line. False when
    // the device refuses a write (its errorString() says why).
    [[nodiscard]] static bool write(const World& world, QIODevice& device);
    // Loads the tenants of a document into world (which should hold none of them), then hands the sections to
    // world's registry. Anything but Loaded comes with sentences in errorMessage saying what is wrong with it.
    [[nodiscard]] static ReadOutcome read(const QByteArray& bytes, World& world, QString* errorMessage);
};

} // namespace tbsandbox
