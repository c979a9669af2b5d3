// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/DeviceCodeFlow.h"

#include <catch2/catch.hpp>

using tb::auth::DeviceCodeFlow;
using tb::auth::DeviceCodePrompt;

namespace {

DeviceCodePrompt promptWith(
    const QString& userCode, const QString& uri = QStringLiteral("https://microsoft.com/devicelogin"))
{
    DeviceCodePrompt prompt;
    prompt.userCode = userCode;
    prompt.verificationUri = uri;
    return prompt;
}

} // namespace

TEST_CASE("DeviceCodeFlow shows the user codes real services send", "[auth]")
{
    for (const QString& code : {QStringLiteral("FJ6RSPXQ2"), QStringLiteral("WDJB-MJHT"), QStringLiteral("bcdf ghjk"),
             QString(DeviceCodeFlow::kMaxUserCodeLength, QLatin1Char('B'))}) {
        INFO(code.toStdString());
        CHECK(DeviceCodeFlow::promptProblem(promptWith(code)).isEmpty());
    }
    CHECK(DeviceCodeFlow::promptProblem(
        promptWith(QStringLiteral("BCDFGHJK"), QStringLiteral("http://127.0.0.1:8080/device")))
              .isEmpty());
}

TEST_CASE(
    "DeviceCodeFlow refuses a megabyte user code, odd characters and a verification address that is no URL", "[auth]")
{
    const QString megabyte = DeviceCodeFlow::promptProblem(promptWith(QString(1024 * 1024, QLatin1Char('B'))));
    CHECK(megabyte.contains(QStringLiteral("a user code of 1048576 characters")));
    CHECK(megabyte.contains(QStringLiteral("Check the login host")));
    CHECK(megabyte.size() < 400); // it speaks about the code, it does not carry it
    CHECK(DeviceCodeFlow::promptProblem(promptWith(QString(DeviceCodeFlow::kMaxUserCodeLength + 1, QLatin1Char('B'))))
              .contains(QStringLiteral("at most 32")));
    for (const QString& code : {QStringLiteral("BCDF\nGHJK"), QStringLiteral("<b>BCDF</b>"), QStringLiteral("   "),
             QStringLiteral("BCDF\u200BGHJK")}) {
        INFO(code.toStdString());
        CHECK(DeviceCodeFlow::promptProblem(promptWith(code)).contains(QStringLiteral("only letters, digits")));
    }
    for (const QString& uri : {QStringLiteral("javascript:alert(1)"), QStringLiteral("not a url"),
             QStringLiteral("https://") + QString(3000, QLatin1Char('a')) + QStringLiteral(".example")}) {
        INFO(uri.left(60).toStdString());
        CHECK(DeviceCodeFlow::promptProblem(promptWith(QStringLiteral("BCDFGHJK"), uri))
                  .contains(QStringLiteral("verification address")));
    }
}
