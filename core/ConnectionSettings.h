// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace tb {

// Where a profile finds its tenants when the command line does not say: the built-in sandbox, a running
// sandbox, a Microsoft cloud, or private login and Graph hosts; and the client id. Kept with QSettings per
// profile (the GUI's connection settings write it; the GUI and the CLI read it at start). Holds no secret.
struct ConnectionSettings
{
    enum class Mode {
        BuiltInSandbox, // sample tenants in this process (the default)
        Sandbox, // a running sandbox at sandboxUrl
        Cloud, // a Microsoft cloud: cloudName "auto", "global", "usgov", "usgov-dod" or "china"
        CustomHosts, // loginHost and graphHost
    };

    Mode mode = Mode::BuiltInSandbox;
    QString cloudName = QStringLiteral("auto");
    QUrl sandboxUrl;
    QUrl loginHost;
    QUrl graphHost;
    QString clientId; // empty: the default public client

    [[nodiscard]] static ConnectionSettings load(const QString& profile);
    void save(const QString& profile) const;
    // A sentence saying what to change, or nothing.
    [[nodiscard]] std::optional<QString> problem() const;

    [[nodiscard]] static QString modeName(Mode mode);
    [[nodiscard]] static std::optional<Mode> modeFromName(const QString& name);
};

} // namespace tb
