// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What makes the main window comfortable for an afternoon (issue 8): menus and shortcuts to every page, the
// getting-started guide on the sample tenants, the window's state kept between starts, desktop notifications while
// in the background, colour schemes with readable contrast, accessible names on every control, and profiles.
#include "core/Workspace.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"
#include "ui/AppTheme.h"
#include "ui/DesktopNotifier.h"
#include "ui/MainWindow.h"
#include "ui/ProfileSwitcher.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/pages/TopologyPage.h"
#include "ui/widgets/GettingStartedPanel.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QToolButton>

#include <cmath>

using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::AppTheme;
using tb::ui::GettingStartedPanel;
using tb::ui::MainWindow;

namespace {

struct ComfortWindow : tb::test::WorkspaceOnSandbox
{
    std::unique_ptr<MainWindow> window;

    ComfortWindow()
    {
        // What an earlier test of this process saved (a hidden guide, a last page) must not decide this one.
        QSettings().clear();
        window = std::make_unique<MainWindow>(*workspace);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }
};

QAction* actionNamed(const QWidget& window, const QString& name)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->objectName() == name) {
            return action;
        }
    }
    return nullptr;
}

// WCAG 2.1 relative luminance and contrast ratio.
double luminance(const QColor& colour)
{
    const auto channel
        = [](double value) { return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double lighter = std::max(luminance(a), luminance(b));
    const double darker = std::min(luminance(a), luminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

// A stand-in for the desktop's notification server, on a connection of its own to the test's session bus: what a
// GNOME or KDE session runs as org.freedesktop.Notifications.
class NotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QStringList summaries;
    QStringList bodies;
    QStringList desktopEntries;

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
        const QString& body, const QStringList& actions, const QVariantMap& hints, int expireTimeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(expireTimeout)
        summaries.append(summary);
        bodies.append(body);
        desktopEntries.append(hints.value(QStringLiteral("desktop-entry")).toString());
        return static_cast<uint>(summaries.size());
    }
};

} // namespace

TEST_CASE("The Go menu reaches every page from the keyboard, with the shortcut in the menu", "[gui]")
{
    ComfortWindow fixture;
    for (int index = 0; index < 7; ++index) {
        QAction* go = actionNamed(*fixture.window, QStringLiteral("goToPage%1Action").arg(index + 1));
        REQUIRE(go != nullptr);
        CHECK(go->shortcut() == QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        go->trigger();
        CHECK(fixture.window->currentPage() == index);
    }
    QAction* settings = actionNamed(*fixture.window, QStringLiteral("connectionSettingsAction"));
    REQUIRE(settings != nullptr);
    CHECK_FALSE(settings->shortcut().isEmpty());
    // And through the real key event, as a person presses it.
    QTest::keyClick(fixture.window.get(), Qt::Key_2, Qt::ControlModifier);
    CHECK(fixture.window->currentPage() == 1);
    QStringList menus;
    for (QAction* menu : fixture.window->menuBar()->actions()) {
        menus.append(menu->text());
    }
    CHECK(menus
        == QStringList {
            QStringLiteral("&File"), QStringLiteral("&Go"), QStringLiteral("&View"), QStringLiteral("&Help")});
}

TEST_CASE("The guide says these are sample tenants and follows the first setup step by step", "[gui]")
{
    ComfortWindow fixture;
    GettingStartedPanel* guide = fixture.window->guide();
    REQUIRE(guide->isVisible());
    CHECK(GuiTestSupport::labelText(*guide, "gettingStartedHeading").contains(QStringLiteral("sample tenants")));
    CHECK(GuiTestSupport::child<QAbstractButton>(*guide, "connectOwnTenantsButton")->isVisible());
    CHECK(guide->nextStep() == GettingStartedPanel::Step::SignInSource);
    CHECK(guide->stepButton(GettingStartedPanel::Step::SignInSource)->text().startsWith(QStringLiteral("→")));

    QSignalSpy stateRead(fixture.window->topologyPage(), &tb::ui::TopologyPage::stateRead);
    fixture.startSignedIn(tb::test::WorkspaceOnSandbox::setupScopes);
    CHECK(guide->isStepDone(GettingStartedPanel::Step::SignInSource));
    CHECK(guide->isStepDone(GettingStartedPanel::Step::SignInTarget));
    REQUIRE(guide->nextStep() == GettingStartedPanel::Step::ReadTopology);
    CHECK(guide->stepButton(GettingStartedPanel::Step::SignInTarget)->text().startsWith(QStringLiteral("✓")));

    // The next step's button goes to its page, which reads both tenants when shown.
    guide->stepButton(GettingStartedPanel::Step::ReadTopology)->click();
    CHECK(fixture.window->currentPage() == 1);
    REQUIRE(SignalWaiter::waitForCount(stateRead));
    CHECK(guide->isStepDone(GettingStartedPanel::Step::ReadTopology));
    // A fresh pair has everything to set up: the plan is not done.
    CHECK_FALSE(guide->isStepDone(GettingStartedPanel::Step::ApplyPlan));

    // Hiding it is kept for the profile.
    GuiTestSupport::child<QAbstractButton>(*guide, "hideGuideButton")->click();
    CHECK_FALSE(guide->isVisible());
    CHECK(QSettings().value(QStringLiteral("profiles/default/window/guideHidden")).toBool());
}

TEST_CASE("The window starts again where it was left: size, page and the guide hidden", "[gui]")
{
    ComfortWindow fixture;
    fixture.startSignedIn(tb::test::WorkspaceOnSandbox::defaultScopes);
    fixture.window->resize(1100, 650);
    const QSize before = fixture.window->size();
    fixture.window->showPage(4); // Sync logs
    GuiTestSupport::child<QAbstractButton>(*fixture.window->guide(), "hideGuideButton")->click();
    fixture.window->close();
    fixture.window.reset();

    // The next start, on the same profile and sign-ins.
    MainWindow again(*fixture.workspace);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(before == QSize(1100, 650));
    CHECK(again.size() == before);
    CHECK(again.currentPage() == 4);
    CHECK_FALSE(again.guide()->isVisible());
}

TEST_CASE("A finished test sync notifies the desktop only while the window is in the background", "[gui]")
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    INFO("the GUI tests run inside dbus-run-session (.ci/test-session)");
    REQUIRE(bus.isConnected());
    // The server on a second connection, as the desktop's own process would be.
    QDBusConnection serverBus
        = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("notification-server"));
    REQUIRE(serverBus.isConnected());
    NotificationServer server;
    REQUIRE(serverBus.registerObject(
        QStringLiteral("/org/freedesktop/Notifications"), &server, QDBusConnection::ExportAllSlots));
    REQUIRE(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));

    ComfortWindow fixture;
    fixture.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(fixture.window.get()));
    emit fixture.window->testUsersPage()->testSyncFinished(QStringLiteral("run-1"));

    // Another window in front: now the desktop hears of it.
    QWidget other;
    other.show();
    other.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&other));
    REQUIRE_FALSE(fixture.window->isActiveWindow());
    emit fixture.window->testUsersPage()->testSyncFinished(QStringLiteral("run-2"));
    REQUIRE(SignalWaiter::waitUntil([&server] { return !server.summaries.isEmpty(); }, 10000));
    // Calls on one connection arrive in order: had the first sync (window active) sent one, it would be here too.
    CHECK(server.summaries.size() == 1);
    CHECK(server.summaries.first() == QStringLiteral("Test sync finished"));
    CHECK(server.bodies.first().contains(QStringLiteral("compared each tested user with the preview")));
    CHECK(server.desktopEntries.first() == tb::ui::DesktopNotifier::desktopEntry());

    serverBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    QDBusConnection::disconnectFromBus(QStringLiteral("notification-server"));
}

TEST_CASE("The light, dark and high-contrast colours keep text readable, and the desktop's own come back", "[gui]")
{
    // The offscreen platform's own style is Fusion already; a desktop with another one shows that it changes.
    QApplication::setStyle(QStringLiteral("Windows"));
    const QString desktopStyle = QApplication::style()->name();
    REQUIRE(desktopStyle.compare(QStringLiteral("fusion"), Qt::CaseInsensitive) != 0);
    const QPalette desktopPalette = QApplication::palette();
    struct Case
    {
        AppTheme::Theme theme;
        double minimum; // WCAG 2.1: 4.5 for AA, 7 for AAA
    };
    for (const Case& check : {Case {AppTheme::Theme::Light, 4.5}, Case {AppTheme::Theme::Dark, 4.5},
             Case {AppTheme::Theme::HighContrast, 7.0}}) {
        AppTheme::apply(check.theme);
        const QPalette palette = QApplication::palette();
        INFO(AppTheme::name(check.theme).toStdString());
        CHECK(QApplication::style()->name().compare(QStringLiteral("fusion"), Qt::CaseInsensitive) == 0);
        CHECK(contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) >= check.minimum);
        CHECK(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= check.minimum);
        CHECK(contrast(palette.color(QPalette::ButtonText), palette.color(QPalette::Button)) >= check.minimum);
        CHECK(contrast(palette.color(QPalette::HighlightedText), palette.color(QPalette::Highlight)) >= check.minimum);
        CHECK(contrast(palette.color(QPalette::Link), palette.color(QPalette::Base)) >= check.minimum);
    }
    CHECK(luminance(AppTheme::palette(AppTheme::Theme::Dark).color(QPalette::Window)) < 0.1);

    AppTheme::apply(AppTheme::Theme::System);
    CHECK(QApplication::style()->name() == desktopStyle);
    CHECK(QApplication::palette().color(QPalette::Window) == desktopPalette.color(QPalette::Window));

    // The choice is kept.
    AppTheme::save(AppTheme::Theme::HighContrast);
    CHECK(AppTheme::saved() == AppTheme::Theme::HighContrast);
    AppTheme::save(AppTheme::Theme::System);
}

TEST_CASE("Every control of every page has a name a screen reader can say", "[gui]")
{
    ComfortWindow fixture;
    fixture.startSignedIn(tb::test::WorkspaceOnSandbox::defaultScopes);
    QStringList unnamed;
    for (int index = 0; index < 7; ++index) {
        fixture.window->showPage(index);
        GuiTestSupport::settle();
    }
    for (QWidget* widget : fixture.window->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractButton*>(widget) || qobject_cast<QLineEdit*>(widget)
            || qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractItemView*>(widget)
            || qobject_cast<QAbstractSpinBox*>(widget);
        if (!control || widget->focusPolicy() == Qt::NoFocus) {
            continue;
        }
        // Parts of a composite control (a combo box's line edit, a view's header) are named by their owner.
        // Popups (a combo box's list) belong to their owner too.
        if (qobject_cast<QComboBox*>(widget->parentWidget()) || widget->objectName().startsWith(QStringLiteral("qt_"))
            || widget->window() != fixture.window.get()) {
            continue;
        }
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        REQUIRE(accessible != nullptr);
        if (accessible->text(QAccessible::Name).trimmed().isEmpty()) {
            unnamed.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(widget->metaObject()->className()),
                widget->objectName().isEmpty() ? QStringLiteral("(no object name)") : widget->objectName()));
        }
    }
    INFO(unnamed.join(QStringLiteral("\n")).toStdString());
    CHECK(unnamed.isEmpty());
}

TEST_CASE("Profiles: the recent ones first, and a new start keeps only the options that are not about tenants", "[gui]")
{
    QSettings().remove(QStringLiteral("recentProfiles"));
    tb::ui::ProfileSwitcher::noteUsed(QStringLiteral("contoso-fabrikam"));
    tb::ui::ProfileSwitcher::noteUsed(QStringLiteral("default"));
    tb::ui::ProfileSwitcher::noteUsed(QStringLiteral("contoso-fabrikam"));
    CHECK(tb::ui::ProfileSwitcher::recentProfiles()
        == QStringList {QStringLiteral("contoso-fabrikam"), QStringLiteral("default")});
    for (int index = 0; index < 12; ++index) {
        tb::ui::ProfileSwitcher::noteUsed(QStringLiteral("p%1").arg(index));
    }
    CHECK(tb::ui::ProfileSwitcher::recentProfiles().size() == tb::ui::ProfileSwitcher::kRecentLimit);
    CHECK(tb::ui::ProfileSwitcher::recentProfiles().first() == QStringLiteral("p11"));

    const QStringList current {QStringLiteral("--cloud"), QStringLiteral("global"), QStringLiteral("--no-keychain"),
        QStringLiteral("--profile"), QStringLiteral("old"), QStringLiteral("--verbose"),
        QStringLiteral("--reset-sandbox")};
    CHECK(tb::ui::ProfileSwitcher::relaunchArguments(current, QStringLiteral("lab"))
        == QStringList {QStringLiteral("--no-keychain"), QStringLiteral("--verbose"), QStringLiteral("--profile"),
            QStringLiteral("lab")});
}

#include "MainWindowComfortTest.moc"
