// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AppTheme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace tb::ui {

namespace {

const QString kSettingsKey = QStringLiteral("appearance/theme");

struct DesktopLook
{
    QString styleName;
    QPalette palette;
};

// The style and palette the desktop gave the app, caught before the first change.
const DesktopLook& desktopLook()
{
    static const DesktopLook look {QApplication::style()->name(), QApplication::palette()};
    return look;
}

AppTheme::Theme& currentTheme()
{
    static AppTheme::Theme theme = AppTheme::Theme::System;
    return theme;
}

void setColours(QPalette& palette, const QColor& window, const QColor& text, const QColor& base,
    const QColor& alternateBase, const QColor& button, const QColor& highlight, const QColor& highlightedText,
    const QColor& link, const QColor& disabledText)
{
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternateBase);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, highlightedText);
    palette.setColor(QPalette::Link, link);
    palette.setColor(QPalette::LinkVisited, link);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    // Fusion draws frames and separators from these.
    palette.setColor(QPalette::Light, button.lighter(130));
    palette.setColor(QPalette::Midlight, button.lighter(115));
    palette.setColor(QPalette::Mid, button.darker(130));
    palette.setColor(QPalette::Dark, button.darker(160));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        palette.setColor(QPalette::Disabled, role, disabledText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Highlight, disabledText);
}

} // namespace

void AppTheme::apply(Theme theme)
{
    const DesktopLook& desktop = desktopLook();
    if (theme == Theme::System) {
        // setStyle ignores a null style: a desktop style whose plugin is gone would leave Fusion in place.
        if (QStyle* style = QStyleFactory::create(desktop.styleName)) {
            QApplication::setStyle(style);
        }
        QApplication::setPalette(desktop.palette);
    } else {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(palette(theme));
    }
    currentTheme() = theme;
}

AppTheme::Theme AppTheme::current()
{
    return currentTheme();
}

AppTheme::Theme AppTheme::saved()
{
    return fromName(QSettings().value(kSettingsKey).toString()).value_or(Theme::System);
}

void AppTheme::save(Theme theme)
{
    QSettings().setValue(kSettingsKey, name(theme));
}

QPalette AppTheme::palette(Theme theme)
{
    QPalette palette;
    switch (theme) {
    case Theme::System:
        return desktopLook().palette;
    case Theme::Light:
        setColours(palette, QColor(0xef, 0xef, 0xef), QColor(0x1a, 0x1a, 0x1a), Qt::white, QColor(0xf5, 0xf5, 0xf5),
            QColor(0xe8, 0xe8, 0xe8), QColor(0x1f, 0x66, 0xad), Qt::white, QColor(0x00, 0x5a, 0x9e),
            QColor(0x8a, 0x8a, 0x8a));
        break;
    case Theme::Dark:
        setColours(palette, QColor(0x2b, 0x2b, 0x2b), QColor(0xe6, 0xe6, 0xe6), QColor(0x1e, 0x1e, 0x1e),
            QColor(0x26, 0x26, 0x26), QColor(0x35, 0x35, 0x35), QColor(0x2f, 0x65, 0xca), Qt::white,
            QColor(0x6c, 0xb4, 0xff), QColor(0x80, 0x80, 0x80));
        break;
    case Theme::HighContrast:
        // White on black, with yellow selection: the contrast ratios of the Windows high-contrast black theme.
        setColours(palette, Qt::black, Qt::white, Qt::black, QColor(0x1a, 0x1a, 0x1a), Qt::black,
            QColor(0xff, 0xff, 0x00), Qt::black, QColor(0x00, 0xff, 0xff), QColor(0xa0, 0xa0, 0xa0));
        palette.setColor(QPalette::Light, Qt::white);
        palette.setColor(QPalette::Mid, Qt::white);
        palette.setColor(QPalette::Dark, Qt::white);
        break;
    }
    return palette;
}

QString AppTheme::name(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

std::optional<AppTheme::Theme> AppTheme::fromName(const QString& name)
{
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark, Theme::HighContrast}) {
        if (AppTheme::name(theme) == name) {
            return theme;
        }
    }
    return std::nullopt;
}

QString AppTheme::label(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QCoreApplication::translate("tb::ui::AppTheme", "&Desktop's own");
    case Theme::Light:
        return QCoreApplication::translate("tb::ui::AppTheme", "&Light");
    case Theme::Dark:
        return QCoreApplication::translate("tb::ui::AppTheme", "D&ark");
    case Theme::HighContrast:
        return QCoreApplication::translate("tb::ui::AppTheme", "&High contrast");
    }
    return {};
}

} // namespace tb::ui
