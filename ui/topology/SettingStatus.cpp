// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/topology/SettingStatus.h"

#include <QCoreApplication>
#include <QPalette>

namespace tb::ui {

QColor SettingStatusStyle::color(SettingStatus status, const QPalette& palette)
{
    switch (status) {
    case SettingStatus::Applied:
        return {0x2e, 0x7d, 0x32}; // green: 5.1:1 on white, 3.6:1 on #2b2b2b
    case SettingStatus::Pending:
        return {0xb2, 0x6a, 0x00}; // amber: 4.2:1 on white, 4.4:1 on #2b2b2b
    case SettingStatus::Blocked:
        return {0xc6, 0x28, 0x28}; // red: 5.6:1 on white, 3.1:1 on #2b2b2b
    case SettingStatus::Off:
    case SettingStatus::Unknown:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

QString SettingStatusStyle::name(SettingStatus status)
{
    switch (status) {
    case SettingStatus::Applied:
        return QCoreApplication::translate("tb::ui::SettingStatusStyle", "Applied");
    case SettingStatus::Pending:
        return QCoreApplication::translate("tb::ui::SettingStatusStyle", "Pending change");
    case SettingStatus::Blocked:
        return QCoreApplication::translate("tb::ui::SettingStatusStyle", "Blocked");
    case SettingStatus::Off:
        return QCoreApplication::translate("tb::ui::SettingStatusStyle", "Off");
    case SettingStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("tb::ui::SettingStatusStyle", "Not read yet");
}

} // namespace tb::ui
