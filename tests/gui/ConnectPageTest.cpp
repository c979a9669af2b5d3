// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Connect page and the device-code dialog, driven as a person would, against a sandbox on 127.0.0.1 that
// approves codes through its test route (or by itself, as the built-in one does).
#include "ui/pages/ConnectPage.h"
#include "core/Workspace.h"
#include "core/auth/SignInService.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ConnectionSettingsDialog.h"
#include "ui/dialogs/DeviceCodeDialog.h"
#include "ui/widgets/AccountCard.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using tb::model::TenantRole;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;

namespace {

tbsandbox::SandboxOptions sandboxOptions(int autoApproveAfterMs)
{
    tbsandbox::SandboxOptions options = tb::test::SignInTestSupport::sandboxOptions();
    options.autoApproveAfterMs = autoApproveAfterMs;
    return options;
}

struct ConnectFixture
{
    QTemporaryDir dir;
    tbsandbox::SandboxServer sandbox;
    QString profile = QStringLiteral("gui-") + QUuid::createUuid().toString(QUuid::Id128);
    tb::WorkspaceOptions::SecretStorage storage;
    std::unique_ptr<tb::Workspace> workspace;
    std::unique_ptr<tb::ui::MainWindow> window;

    explicit ConnectFixture(int autoApproveAfterMs = -1,
        tb::WorkspaceOptions::SecretStorage secretStorage = tb::WorkspaceOptions::SecretStorage::MemoryOnly)
        : sandbox(sandboxOptions(autoApproveAfterMs))
        , storage(secretStorage)
    {
        QString error;
        REQUIRE(sandbox.start(&error));
        open();
    }

    ~ConnectFixture()
    {
        if (workspace && storage == tb::WorkspaceOptions::SecretStorage::Keychain) {
            // Leave nothing of this test in the session's keychain.
            for (const TenantRole role : {TenantRole::Source, TenantRole::Target}) {
                if (workspace->signIn().account(role)) {
                    QSignalSpy out(&workspace->signIn(), &tb::auth::SignInService::signedOut);
                    workspace->signIn().signOut(role);
                    CHECK(SignalWaiter::waitForCount(out));
                }
            }
        }
    }

    // Opens (or reopens, as a restart would) the window on the same profile.
    void open()
    {
        window.reset();
        if (workspace) {
            CHECK(workspace->finishPendingWrites(10000)); // as main() does before the program ends
        }
        workspace.reset();
        tb::WorkspaceOptions options;
        options.sandboxUrl = sandbox.baseUrl();
        options.sandboxInProcess = true;
        options.auth.loginHost = sandbox.baseUrl();
        options.auth.graphHost = sandbox.baseUrl();
        options.profile = profile;
        options.secretStorage = storage;
        options.databasePath = dir.filePath(QStringLiteral("gui.sqlite"));
        workspace = std::make_unique<tb::Workspace>(options);
        window = std::make_unique<tb::ui::MainWindow>(*workspace);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        QSignalSpy ready(workspace.get(), &tb::Workspace::ready);
        workspace->start();
        REQUIRE(SignalWaiter::waitForCount(ready));
    }

    tb::ui::AccountCard* card(TenantRole role) const { return window->connectPage()->card(role); }

    template <typename T>
    T* child(const QObject* parent, const QString& name) const
    {
        auto* widget = parent->findChild<T*>(name);
        REQUIRE(widget != nullptr);
        return widget;
    }

    // As the person would press Approve (or Decline) on the sandbox's sign-in page.
    void decide(const QString& userCode, bool decline)
    {
        CHECK(tb::test::SignInTestSupport::decide(sandbox.baseUrl(), userCode, decline).status == 200);
    }

    // Presses Sign in on a card and waits for the dialog to show a code.
    tb::ui::DeviceCodeDialog* startSignIn(TenantRole role)
    {
        QSignalSpy prompt(&workspace->signIn(), &tb::auth::SignInService::promptReady);
        const QString name = tb::model::tenantRoleName(role) + QStringLiteral("SignInButton");
        QTest::mouseClick(child<QPushButton>(card(role), name), Qt::LeftButton);
        REQUIRE(SignalWaiter::waitForCount(prompt));
        tb::ui::DeviceCodeDialog* dialog = card(role)->dialog();
        REQUIRE(dialog != nullptr);
        REQUIRE(dialog->isVisible());
        return dialog;
    }

    // As the widget stands, without letting posted events run first.
    void saveScreenshot(QWidget* widget, const QString& name) const
    {
        GuiTestSupport::saveScreenshot(*widget, name, 0);
    }
};

} // namespace

TEST_CASE("The Connect page suggests the sample tenants and shows each tenant's cloud before sign-in", "[gui][connect]")
{
    ConnectFixture fixture;
    auto* source = fixture.card(TenantRole::Source);
    auto* target = fixture.card(TenantRole::Target);
    CHECK(source->tenantText() == QStringLiteral("contoso.onmicrosoft.com"));
    CHECK(target->tenantText() == QStringLiteral("fabrikam.onmicrosoft.com"));
    CHECK(source->accountText().contains(QStringLiteral("Not signed in")));
    CHECK(fixture.window->accountStatusText().contains(QStringLiteral("Source: not signed in")));

    // The cloud is read from the tenant's discovery document, before anyone signs in.
    REQUIRE(SignalWaiter::waitUntil([source] { return source->cloudText().contains(QStringLiteral("global")); }));
    target->setTenantText(QStringLiteral("northwindgov.onmicrosoft.us"));
    REQUIRE(SignalWaiter::waitUntil([target] { return target->cloudText().contains(QStringLiteral("Government")); }));

    // A typo gets a sentence at once, and nothing is sent.
    QSignalSpy discovered(&fixture.workspace->signIn(), &tb::auth::SignInService::discovered);
    target->setTenantText(QStringLiteral("admin@fabrikam.onmicrosoft.com"));
    CHECK(target->problemText().contains(QStringLiteral("after the @")));
    QTest::qWait(800);
    CHECK(discovered.isEmpty());

    // A tenant the login service does not know is said so on the card.
    target->setTenantText(QStringLiteral("nosuchtenant.onmicrosoft.com"));
    REQUIRE(SignalWaiter::waitForCount(discovered));
    CHECK(target->problemText().contains(QStringLiteral("nosuchtenant.onmicrosoft.com")));
    fixture.saveScreenshot(fixture.window.get(), QStringLiteral("connect-page-before-sign-in.png"));
}

TEST_CASE("Signing in both roles with device codes fills the cards, the status bar and the directory", "[gui][connect]")
{
    ConnectFixture fixture;
    auto* dialog = fixture.startSignIn(TenantRole::Source);
    CHECK(dialog->userCode().size() == 8);
    CHECK(dialog->countdownText().contains(QStringLiteral("expires in")));
    CHECK(fixture.child<QPushButton>(dialog, QStringLiteral("openBrowserButton"))->isEnabled());
    fixture.saveScreenshot(dialog, QStringLiteral("device-code-dialog.png"));

    QSignalSpy signedIn(&fixture.workspace->signIn(), &tb::auth::SignInService::signedIn);
    fixture.decide(dialog->userCode(), false);
    REQUIRE(SignalWaiter::waitForCount(signedIn));
    REQUIRE(SignalWaiter::waitUntil([&] { return fixture.card(TenantRole::Source)->dialog() == nullptr; }));
    CHECK(fixture.card(TenantRole::Source)->accountText().contains(QStringLiteral("admin@contoso.onmicrosoft.com")));

    auto* targetDialog = fixture.startSignIn(TenantRole::Target);
    fixture.decide(targetDialog->userCode(), false);
    REQUIRE(SignalWaiter::waitForCount(signedIn, 2));

    // The tenant names come from Graph with the new tokens.
    REQUIRE(SignalWaiter::waitUntil(
        [&] { return fixture.card(TenantRole::Target)->tenantNameText().contains(QStringLiteral("Fabrikam")); }));
    CHECK(fixture.window->accountStatusText().contains(QStringLiteral("admin@contoso.onmicrosoft.com")));
    CHECK(fixture.window->accountStatusText().contains(QStringLiteral("admin@fabrikam.onmicrosoft.com")));
    CHECK(fixture.workspace->tenants().size() == 2);
    fixture.saveScreenshot(fixture.window.get(), QStringLiteral("connect-page.png"));
}

TEST_CASE("A declined sign-in says so in the dialog and can be tried again", "[gui][connect]")
{
    ConnectFixture fixture;
    auto* dialog = fixture.startSignIn(TenantRole::Source);
    QSignalSpy failed(&fixture.workspace->signIn(), &tb::auth::SignInService::signInFailed);
    fixture.decide(dialog->userCode(), true);
    REQUIRE(SignalWaiter::waitForCount(failed));
    CHECK(dialog->isVisible());
    CHECK(dialog->statusText().contains(QStringLiteral("declined"), Qt::CaseInsensitive));
    auto* retry = fixture.child<QPushButton>(dialog, QStringLiteral("retryButton"));
    CHECK(retry->isVisible());
    fixture.saveScreenshot(dialog, QStringLiteral("device-code-declined.png"));

    QSignalSpy prompt(&fixture.workspace->signIn(), &tb::auth::SignInService::promptReady);
    QTest::mouseClick(retry, Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(prompt));
    CHECK(dialog->userCode().size() == 8);
}

TEST_CASE("Cancel in the dialog stops the sign-in and leaves the role signed out", "[gui][connect]")
{
    ConnectFixture fixture;
    auto* dialog = fixture.startSignIn(TenantRole::Target);
    QSignalSpy failed(&fixture.workspace->signIn(), &tb::auth::SignInService::signInFailed);
    QTest::mouseClick(fixture.child<QPushButton>(dialog, QStringLiteral("cancelSignInButton")), Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(failed));
    REQUIRE(SignalWaiter::waitUntil([&] { return fixture.card(TenantRole::Target)->dialog() == nullptr; }));
    CHECK(fixture.workspace->signIn().state(TenantRole::Target) == tb::auth::SignInService::State::SignedOut);
    CHECK(fixture.card(TenantRole::Target)->accountText().contains(QStringLiteral("Not signed in")));
}

TEST_CASE("The built-in sandbox approves a sign-in by itself, and the next start signs in silently from the keychain",
    "[gui][connect][keychain]")
{
    ConnectFixture fixture(200, tb::WorkspaceOptions::SecretStorage::Keychain);
    QSignalSpy signedIn(&fixture.workspace->signIn(), &tb::auth::SignInService::signedIn);
    QTest::mouseClick(
        fixture.child<QPushButton>(fixture.card(TenantRole::Source), QStringLiteral("sourceSignInButton")),
        Qt::LeftButton);
    REQUIRE(SignalWaiter::waitForCount(signedIn));
    CHECK_FALSE(fixture.workspace->signIn().isMemoryOnly());

    fixture.open(); // a restart: a new workspace and window on the same profile
    CHECK(fixture.workspace->signIn().state(TenantRole::Source) == tb::auth::SignInService::State::SignedIn);
    REQUIRE(SignalWaiter::waitUntil(
        [&] { return fixture.card(TenantRole::Source)->tenantNameText().contains(QStringLiteral("Contoso")); }));
    CHECK(fixture.card(TenantRole::Target)->accountText().contains(QStringLiteral("Not signed in")));
}

TEST_CASE("Connection settings refuse an insecure host and keep a valid choice for the profile", "[gui][connect]")
{
    const QString profile = QStringLiteral("settings-") + QUuid::createUuid().toString(QUuid::Id128);
    tb::ui::ConnectionSettingsDialog dialog(profile);
    auto* mode = dialog.findChild<QComboBox*>(QStringLiteral("connectionModeCombo"));
    REQUIRE(mode != nullptr);
    mode->setCurrentIndex(mode->findData(QStringLiteral("custom-hosts")));
    dialog.findChild<QLineEdit*>(QStringLiteral("loginHostEdit"))->setText(QStringLiteral("http://login.example.com"));
    dialog.findChild<QLineEdit*>(QStringLiteral("graphHostEdit"))->setText(QStringLiteral("https://graph.example.com"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.problemText().contains(QStringLiteral("https")));

    dialog.findChild<QLineEdit*>(QStringLiteral("loginHostEdit"))->setText(QStringLiteral("https://login.example.com"));
    dialog.findChild<QLineEdit*>(QStringLiteral("clientIdEdit"))->setText(QStringLiteral("not-a-guid"));
    dialog.accept();
    CHECK(dialog.problemText().contains(QStringLiteral("GUID")));

    dialog.findChild<QLineEdit*>(QStringLiteral("clientIdEdit"))
        ->setText(QStringLiteral("11111111-2222-3333-4444-555555555555"));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    const tb::ConnectionSettings saved = tb::ConnectionSettings::load(profile);
    CHECK(saved.mode == tb::ConnectionSettings::Mode::CustomHosts);
    CHECK(saved.loginHost == QUrl(QStringLiteral("https://login.example.com")));
    CHECK(saved.clientId == QStringLiteral("11111111-2222-3333-4444-555555555555"));
}
