// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/ApplicationTranslator.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tb::test {

// The app's translation installed as main() does, for one test: removed again when it goes, so that a test that
// runs later in the same process sees the untranslated text.
struct InstalledTranslator
{
    InstalledTranslator() { installed = ui::installApplicationTranslator(*QCoreApplication::instance()); }
    ~InstalledTranslator() { qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator*>()); }
    InstalledTranslator(const InstalledTranslator&) = delete;
    InstalledTranslator& operator=(const InstalledTranslator&) = delete;

    bool installed = false;
};

} // namespace tb::test
