// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// 10,000 users pasted into the test users page (issue 9): the list is taken as it is (no freeze while it is edited:
// the page reads it in linear time on every keystroke), and Preview says at once how many users a test takes and why,
// before a single request reaches either tenant.
#include "core/Workspace.h"
#include "core/sandbox/RequestLog.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sync/TestUserLimit.h"
#include "tests/support/GuiTestSupport.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using tb::test::GuiTestSupport;
using tb::ui::MessageBanner;
using tb::ui::TestUsersPage;
using SignedInPair = GuiTestSupport::SignedInPair;

TEST_CASE("The test users page takes 10,000 pasted users and refuses to preview them, saying how many it takes and "
          "why, without a request",
    "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.resize(1100, 800);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));

    QStringList pasted;
    for (int i = 0; i < 10000; ++i) {
        pasted.append(QStringLiteral("user%1@contoso.onmicrosoft.com").arg(i));
    }
    pasted.append(QStringLiteral("USER7@contoso.onmicrosoft.com")); // the same user again, in other case
    auto* edit = GuiTestSupport::child<QPlainTextEdit>(page, "testUsersEdit");
    edit->setFocus();
    edit->insertPlainText(pasted.join(QLatin1Char('\n'))); // what Ctrl+V does
    // A keystroke after the paste: the page reads the whole list again for its buttons.
    QTest::keyClick(edit, Qt::Key_Return);
    CHECK(page.listedUsers().size() == 10000);
    auto* previewButton = GuiTestSupport::child<QPushButton>(page, "previewButton");
    REQUIRE(previewButton->isEnabled());

    const qint64 before = pair.sandbox.requestLog().total();
    previewButton->click();
    auto* banner = GuiTestSupport::child<MessageBanner>(page, "testUsersBanner");
    INFO(banner->text().toStdString());
    CHECK(banner->isVisible());
    CHECK(banner->level() == MessageBanner::Level::Error);
    CHECK(banner->text().contains(QStringLiteral("at most %1").arg(tb::sync::TestUserLimit::kMaxUsers)));
    CHECK(banner->text().contains(QStringLiteral("5 times every 10 seconds")));
    CHECK(banner->text().contains(QStringLiteral("staged rollout")));
    CHECK_FALSE(page.isBusy());
    CHECK(pair.sandbox.requestLog().total() == before);
    GuiTestSupport::saveScreenshot(page, QStringLiteral("test-users-too-many.png"), 1);

    // Down to the limit, the preview runs.
    page.setListedUsers(pasted.mid(0, tb::sync::TestUserLimit::kMaxUsers));
    previewButton->click();
    CHECK(page.isBusy());
    page.cancel();
}
