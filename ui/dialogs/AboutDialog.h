// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QPushButton;

namespace tb::ui {

// Help > About (issue 8): the application's name, icon, version and purpose; the versions of what it runs with (Qt
// at run time and at build time, QtKeychain, SQLite, the operating system); the profile and its data folder; and
// the licence. "Copy to clipboard" copies the same facts as plain text for a bug report. Holds no token or secret.
// GUI thread.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    // profile: WorkspaceOptions::profile; dataFolder: the folder of the profile's database.
    AboutDialog(const QString& profile, const QString& dataFolder, QWidget* parent = nullptr);

    // What the copy button puts on the clipboard: the name and version, then one "Label: value" line per fact.
    [[nodiscard]] QString factsText() const;

private:
    struct Fact
    {
        QString label;
        QString value;
    };

    [[nodiscard]] static QList<Fact> collectFacts(const QString& profile, const QString& dataFolder);
    [[nodiscard]] QString factsHtml() const;
    void copyToClipboard();

    QList<Fact> m_facts;
    QLabel* m_versionsText;
    QPushButton* m_copyButton;
    QLabel* m_copiedNote;
};

} // namespace tb::ui
