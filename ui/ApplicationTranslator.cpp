// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ApplicationTranslator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace tb::ui {

namespace {

// qt_add_translations in ui/CMakeLists.txt embeds the .qm files under this resource prefix.
const QString kTranslationDirectory = QStringLiteral(":/i18n");
const QString kTranslationBaseName = QStringLiteral("tenantbridge");

} // namespace

bool installApplicationTranslator(QCoreApplication& application)
{
    auto* translator = new QTranslator(&application);
    // Tries tenantbridge_<language>.qm for each of the user's interface languages, then the English source language.
    const bool loaded = translator->load(QLocale(), kTranslationBaseName, QStringLiteral("_"), kTranslationDirectory)
        || translator->load(
            QLocale(QLocale::English), kTranslationBaseName, QStringLiteral("_"), kTranslationDirectory);
    if (!loaded || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace tb::ui
