// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace tb::ui {

// The colours the whole app is drawn in: the desktop's own style and palette, or Qt's Fusion style with a light,
// dark or high-contrast palette (View > Colours). The choice is kept with QSettings ("appearance/theme") and
// applied before the main window is built; widgets that tint themselves (MessageBanner, the topology diagram)
// follow through QEvent::PaletteChange. GUI thread.
class AppTheme final
{
public:
    enum class Theme { System, Light, Dark, HighContrast };

    // Sets the application's style and palette. The first call remembers the desktop's own, for System.
    static void apply(Theme theme);
    // What apply() last set; System before any call.
    [[nodiscard]] static Theme current();

    [[nodiscard]] static Theme saved();
    static void save(Theme theme);

    // The palette Fusion is given for a theme other than System.
    [[nodiscard]] static QPalette palette(Theme theme);
    [[nodiscard]] static QString name(Theme theme); // "system", "light", "dark", "high-contrast"
    [[nodiscard]] static std::optional<Theme> fromName(const QString& name);
    [[nodiscard]] static QString label(Theme theme); // for the menu: "&Dark"
};

} // namespace tb::ui
