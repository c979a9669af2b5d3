// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/ErrorCatalogue.h"

#include <QString>
#include <QWidget>

class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb::ui {

// Help > Troubleshooting (issue 8): every entry of the built-in error catalogue (core's ErrorCatalogue: the job
// states, quarantine reasons and error codes the synchronization service reports), grouped by section, each with its
// code, title, what it means and what to do. A search field narrows the list to the entries whose code, title,
// meaning or action holds the text. Sign-in errors are not listed: AuthError has no catalogue of them, only messages
// chosen in code from the service's answer. GUI thread.
class TroubleshootingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TroubleshootingPage)

public:
    explicit TroubleshootingPage(QWidget* parent = nullptr);

    // Selects the entry of that code (case-insensitive; the first section that lists it, in the order job states,
    // quarantine reasons, error codes) and shows its explanation, clearing a filter that hides it. A code the
    // catalogue does not list shows its generic explanation and selects nothing.
    void showCode(const QString& code);
    // Shows only the entries that hold text, as typing in the search field does.
    void setFilterText(const QString& text);

    // The code of the selected entry; empty when none is.
    [[nodiscard]] QString currentCode() const;
    // How many entries (not groups) the filter leaves.
    [[nodiscard]] int visibleEntryCount() const;

private:
    void fill();
    void applyFilter(const QString& text);
    void showSelected();
    void showExplanation(sync::ErrorCatalogue::Section section, const QString& code);
    [[nodiscard]] QTreeWidgetItem* findEntry(const QString& code) const;
    [[nodiscard]] QTreeWidgetItem* firstVisibleEntry() const;
    [[nodiscard]] static QString sectionName(sync::ErrorCatalogue::Section section);

    QLineEdit* m_filter;
    QTreeWidget* m_tree;
    QTextBrowser* m_text;
};

} // namespace tb::ui
