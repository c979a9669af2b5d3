// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Help > About: the version, the versions of Qt, SQLite and the rest, the profile and its data folder, the icon from
// the ui resources, and "Copy to clipboard" putting the same facts on the (offscreen) clipboard. Screenshot saved as
// a test artefact.
#include "ui/dialogs/AboutDialog.h"
#include "core/LibraryVersions.h"
#include "tests/support/GuiTestSupport.h"

#include <catch2/catch.hpp>

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using tb::LibraryVersions;
using tb::test::GuiTestSupport;
using tb::ui::AboutDialog;

namespace {

const QString kProfile = QStringLiteral("contoso-fabrikam");
const QString kDataFolder = QStringLiteral("/home/someone/.local/share/TenantBridge");
// What main sets from TB_VERSION_STRING (the project version and the commit); the test runner sets none.
const QString kVersion = QStringLiteral("9.8.7-12-gabcdef0");

// The application version main would set, for one test.
class ApplicationVersion final
{
public:
    explicit ApplicationVersion(const QString& version)
        : m_saved(QCoreApplication::applicationVersion())
    {
        QCoreApplication::setApplicationVersion(version);
    }
    ~ApplicationVersion() { QCoreApplication::setApplicationVersion(m_saved); }
    ApplicationVersion(const ApplicationVersion&) = delete;
    ApplicationVersion& operator=(const ApplicationVersion&) = delete;

private:
    QString m_saved;
};

} // namespace

TEST_CASE("AboutDialog: shows the version, what it runs with, the profile and the licence", "[gui]")
{
    const ApplicationVersion version(kVersion);
    AboutDialog dialog(kProfile, kDataFolder);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.objectName() == QStringLiteral("aboutDialog"));

    CHECK(GuiTestSupport::labelText(dialog, "aboutTitle").contains(kVersion));
    const QString versions = GuiTestSupport::labelText(dialog, "aboutVersionsText");
    INFO(versions.toStdString());
    CHECK(versions.contains(QString::fromLatin1(qVersion())));
    CHECK(versions.contains(LibraryVersions::sqlite()));
    CHECK(versions.contains(QStringLiteral("GPL-3.0-or-later")));
    CHECK(versions.contains(kProfile));
    CHECK(versions.contains(kDataFolder));
    // The icon comes from ui/resources/ui.qrc: a missing resource would leave the label empty.
    const auto* icon = GuiTestSupport::child<QLabel>(dialog, "aboutIcon");
    CHECK_FALSE(icon->pixmap().isNull());
    // About the width the dialog was designed for: no fact widens it much.
    CHECK(dialog.width() >= 480);
    CHECK(dialog.width() <= 640);
    GuiTestSupport::saveScreenshot(dialog, QStringLiteral("help-about.png"));
}

TEST_CASE("AboutDialog: Copy to clipboard puts the facts as plain text on the clipboard", "[gui]")
{
    const ApplicationVersion version(kVersion);
    AboutDialog dialog(kProfile, kDataFolder);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));

    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("before"));
    REQUIRE(clipboard->text() == QStringLiteral("before")); // the offscreen platform keeps a clipboard
    QTest::mouseClick(GuiTestSupport::child<QPushButton>(dialog, "aboutCopyButton"), Qt::LeftButton);

    const QString copied = clipboard->text();
    INFO(copied.toStdString());
    CHECK(copied == dialog.factsText());
    CHECK(copied.startsWith(QCoreApplication::applicationName() + QLatin1Char(' ') + kVersion + QLatin1Char('\n')));
    CHECK(copied.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
    CHECK(copied.contains(QStringLiteral("SQLite: ") + LibraryVersions::sqlite()));
    CHECK(copied.contains(QStringLiteral("Profile: ") + kProfile));
    CHECK(copied.contains(QStringLiteral("Licence: GPL-3.0-or-later")));
    // Plain text, one fact a line.
    CHECK_FALSE(copied.contains(QLatin1Char('<')));
    CHECK(copied.count(QLatin1Char('\n')) == 10);
    CHECK(GuiTestSupport::labelText(dialog, "aboutCopiedNote").contains(QStringLiteral("Copied")));
}

TEST_CASE("LibraryVersions: SQLite and QtKeychain say a release, not the header's stale macro", "[gui]")
{
    const QRegularExpression release(QStringLiteral("\\A\\d+\\.\\d+\\.\\d+\\z"));
    CHECK(release.match(LibraryVersions::sqlite()).hasMatch());
    const QString keychain = LibraryVersions::qtKeychain();
    INFO(keychain.toStdString());
    CHECK(release.match(keychain).hasMatch());
    CHECK(keychain != QStringLiteral("0.1.0"));
}
