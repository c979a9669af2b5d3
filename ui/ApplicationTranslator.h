// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace tb::ui {

// Installs the translation of the user's interface language that is compiled into the program (":/i18n"), or the
// English one when there is none. English is the source language, but Qt only picks the singular or the plural of a
// "%n user(s)" text from a loaded translation: without tenantbridge_en.qm every count would read "1 user(s)".
// The translator is a child of the application. Returns false when no translation could be loaded.
[[nodiscard]] bool installApplicationTranslator(QCoreApplication& application);

} // namespace tb::ui
