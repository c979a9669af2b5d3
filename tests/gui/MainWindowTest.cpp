// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "tests/support/WorkspaceOnSandbox.h"
#include "ui/pages/DirectoryPage.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;

namespace {

// A main window over an in-process sandbox with its seed tenants, as the app opens with no tenant configured.
// A window on a sandbox that approves each code at once, with both roles signed in (Contoso as the source,
// Fabrikam as the target) before the test looks at the pages.
struct WindowOnSandbox : tb::test::WorkspaceOnSandbox
{
    std::unique_ptr<tb::ui::MainWindow> window;

    WindowOnSandbox()
    {
        // A last page saved by an earlier test of this process would decide where the window opens.
        QSettings().clear();
        window = std::make_unique<tb::ui::MainWindow>(*workspace);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }

    // Starts the workspace and signs in both roles, as a person would on the Connect page.
    void startSignedIn()
    {
        WorkspaceOnSandbox::startSignedIn(defaultScopes);
        // Then to the Directory page, as a person would click it.
        auto* navigation = window->findChild<QListWidget*>(QStringLiteral("navigationList"));
        REQUIRE(navigation != nullptr);
        const QList<QListWidgetItem*> directory = navigation->findItems(QStringLiteral("Directory"), Qt::MatchExactly);
        REQUIRE(directory.size() == 1);
        navigation->setCurrentItem(directory.first());
    }

    template <typename T>
    T* child(const char* name) const
    {
        return GuiTestSupport::child<T>(*window, name);
    }

    // As the window stands, without letting posted events run first.
    void saveScreenshot(const QString& name) const { GuiTestSupport::saveScreenshot(*window, name, 0); }
};

} // namespace

TEST_CASE("The main window lists the signed-in tenants and the users of the first one", "[gui]")
{
    WindowOnSandbox fixture;
    QSignalSpy loaded(fixture.window->directoryPage(), &tb::ui::DirectoryPage::usersLoaded);
    fixture.startSignedIn();
    REQUIRE(SignalWaiter::waitForCount(loaded));

    auto* tenants = fixture.child<QListView>("tenantList");
    REQUIRE(tenants->model()->rowCount() == 2);
    QStringList names;
    for (int row = 0; row < 2; ++row) {
        names.append(tenants->model()->index(row, 0).data(Qt::AccessibleTextRole).toString());
    }
    CHECK(names.contains(QStringLiteral("Contoso")));
    CHECK(names.contains(QStringLiteral("Fabrikam")));
    CHECK(fixture.window->windowTitle().contains(QStringLiteral("Sandbox")));

    auto* users = fixture.child<QTableView>("userTable");
    CHECK(users->model()->rowCount() > 0);
    CHECK(loaded.first().first().toInt() == users->model()->rowCount());
    CHECK_FALSE(fixture.child<QLabel>("userSummaryLabel")->text().isEmpty());
    fixture.saveScreenshot(QStringLiteral("main-window.png"));
}

TEST_CASE("Searching and choosing a group narrow the user table", "[gui]")
{
    WindowOnSandbox fixture;
    QSignalSpy loaded(fixture.window->directoryPage(), &tb::ui::DirectoryPage::usersLoaded);
    fixture.startSignedIn();
    REQUIRE(SignalWaiter::waitForCount(loaded));

    // Select Contoso, the source tenant of the seeds.
    auto* tenants = fixture.child<QListView>("tenantList");
    const QModelIndexList contoso = tenants->model()->match(
        tenants->model()->index(0, 0), Qt::AccessibleTextRole, QStringLiteral("Contoso"), 1, Qt::MatchExactly);
    REQUIRE(contoso.size() == 1);
    if (tenants->currentIndex() != contoso.first()) {
        tenants->setCurrentIndex(contoso.first());
        REQUIRE(SignalWaiter::waitForCount(loaded, 2));
    }
    auto* users = fixture.child<QTableView>("userTable");
    const int everyone = users->model()->rowCount();
    REQUIRE(everyone >= 200);

    fixture.child<QLineEdit>("groupNameEdit")->setText(QStringLiteral("CTS Pilot"));
    int seen = static_cast<int>(loaded.count());
    QTest::mouseClick(fixture.child<QPushButton>("showUsersButton"), Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(loaded, ++seen));
    CHECK(users->model()->rowCount() == 5);

    fixture.child<QLineEdit>("groupNameEdit")->clear();
    // A quote in the search box is text, not OData: it finds nothing and breaks nothing.
    fixture.child<QLineEdit>("userSearchEdit")->setText(QStringLiteral("x' or startswith(displayName,'"));
    QTest::mouseClick(fixture.child<QPushButton>("showUsersButton"), Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(loaded, ++seen));
    CHECK(users->model()->rowCount() == 0);
    CHECK_FALSE(fixture.child<tb::ui::MessageBanner>("directoryBanner")->isVisible());
    CHECK(fixture.child<QLabel>("userSummaryLabel")->text().contains(QStringLiteral("No user")));
}

TEST_CASE("A group that does not exist is explained on the page", "[gui]")
{
    WindowOnSandbox fixture;
    QSignalSpy loaded(fixture.window->directoryPage(), &tb::ui::DirectoryPage::usersLoaded);
    fixture.startSignedIn();
    REQUIRE(SignalWaiter::waitForCount(loaded));
    fixture.child<QLineEdit>("groupNameEdit")->setText(QStringLiteral("No Such Group"));
    QTest::mouseClick(fixture.child<QPushButton>("showUsersButton"), Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(loaded, 2));
    auto* banner = fixture.child<tb::ui::MessageBanner>("directoryBanner");
    CHECK(banner->isVisible());
    CHECK(banner->level() == tb::ui::MessageBanner::Level::Warning);
    CHECK(banner->text().contains(QStringLiteral("No Such Group")));
}

TEST_CASE("A sandbox that does not answer is reported in the window", "[gui]")
{
    QTemporaryDir dir;
    tb::WorkspaceOptions options;
    // A port nobody listens on: the connection is refused at once.
    options.sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    options.databasePath = dir.filePath(QStringLiteral("gui.sqlite"));
    tb::Workspace workspace(options);
    tb::ui::MainWindow window(workspace);
    window.show();
    QSignalSpy failed(&workspace, &tb::Workspace::failed);
    workspace.start();
    REQUIRE(SignalWaiter::waitForCount(failed));
    auto* label = window.findChild<QLabel*>(QStringLiteral("connectionLabel"));
    REQUIRE(label != nullptr);
    CHECK(label->text().contains(QStringLiteral("Not connected")));
    auto* banner = window.findChild<tb::ui::MessageBanner*>(QStringLiteral("windowBanner"));
    REQUIRE(banner != nullptr);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("127.0.0.1:1")));
}
