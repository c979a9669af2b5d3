// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The device-code dialog opens the sign-in page in the person's browser only when the service named an https page or
// an http page on this machine (issue 9): a verification URI over http to another host, or of another scheme, leaves
// "Open browser" disabled, so nothing opens it; the person can still read it and copy the code.
#include "core/auth/DeviceCodePrompt.h"
#include "tests/support/GuiTestSupport.h"
#include "ui/dialogs/DeviceCodeDialog.h"

#include <catch2/catch.hpp>

#include <QPushButton>

using tb::test::GuiTestSupport;

TEST_CASE("The device code dialog opens only an https page or one on this machine", "[gui][url]")
{
    tb::ui::DeviceCodeDialog dialog(QStringLiteral("Source"), QStringLiteral("contoso.onmicrosoft.com"));
    const auto openable = [&dialog](const QString& uri) {
        tb::auth::DeviceCodePrompt prompt;
        prompt.userCode = QStringLiteral("BCDFGHJK");
        prompt.verificationUri = uri;
        prompt.expiresAtUtc = QDateTime::currentDateTimeUtc().addSecs(900);
        dialog.showPrompt(prompt);
        CHECK(GuiTestSupport::child<QPushButton>(dialog, "copyCodeButton")->isEnabled());
        return GuiTestSupport::child<QPushButton>(dialog, "openBrowserButton")->isEnabled();
    };
    CHECK(openable(QStringLiteral("https://microsoft.com/devicelogin")));
    CHECK(openable(QStringLiteral("http://127.0.0.1:8400/devicelogin")));
    CHECK(openable(QStringLiteral("http://localhost:8400/devicelogin")));
    CHECK_FALSE(openable(QStringLiteral("http://evil.example/devicelogin")));
    CHECK_FALSE(openable(QStringLiteral("http://127.0.0.1.evil.example/devicelogin")));
    CHECK_FALSE(openable(QStringLiteral("file:///etc/passwd")));
    CHECK_FALSE(openable(QStringLiteral("javascript:alert(1)")));
    CHECK_FALSE(openable(QStringLiteral("ftp://evil.example/devicelogin")));
    CHECK_FALSE(openable(QStringLiteral("not a url")));
}
