// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace tb::ui {

// The state of one setting on the topology diagram, from what the tenant has now and what is ticked.
enum class SettingStatus {
    Unknown, // the state has not been read
    Off, // off in the tenant and not ticked
    Applied, // on in the tenant and ticked
    Pending, // ticked differently from what the tenant has: the plan changes it
    Blocked, // would change, but preflight blocks or the step cannot be done
};

// Colours and words for a SettingStatus, shared by the checkboxes and the legend. The state colours are fixed
// mid-tone hues that keep at least 3:1 contrast against both a light and a dark base colour; text stays in
// the palette's own text colour, so it reads in either palette. GUI thread.
class SettingStatusStyle final
{
public:
    SettingStatusStyle() = delete;

    [[nodiscard]] static QColor color(SettingStatus status, const QPalette& palette);
    // "Applied", "Pending change", "Blocked", "Off", "Not read yet".
    [[nodiscard]] static QString name(SettingStatus status);
};

} // namespace tb::ui
