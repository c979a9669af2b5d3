// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AuthSettings.h"
#include "core/auth/AuthorityInfo.h"
#include "core/sandbox/SandboxOptions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <optional>

namespace tb::test {

// What the sign-in integration tests share: sandbox options with the test routes and a quick device-code pace,
// the settings that point sign-in at the sandbox, and the test-only control routes of the login host
// (login-contract.md), called over plain HTTP like a second browser would.
class SignInTestSupport final
{
public:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
    };

    SignInTestSupport() = delete;

    // Seeds loaded, test routes on, a one-second interval, the given device-code lifetime.
    [[nodiscard]] static tbsandbox::SandboxOptions sandboxOptions(int deviceCodeLifetimeSeconds = 120);
    [[nodiscard]] static auth::AuthSettings settingsFor(const QUrl& sandboxUrl);
    // POST {sandbox}/_sandbox/devicelogin/approve.
    [[nodiscard]] static Answer decide(const QUrl& sandboxUrl, const QString& userCode, bool decline = false);
    // POST {sandbox}/_sandbox/users/revoke.
    [[nodiscard]] static Answer revoke(const QUrl& sandboxUrl, const QString& tenant, const QString& user);
    // Runs one Authority job to its end.
    [[nodiscard]] static std::optional<auth::AuthorityInfo> discover(
        QNetworkAccessManager& network, const auth::AuthSettings& settings, const QString& tenant);

private:
    [[nodiscard]] static Answer post(const QUrl& sandboxUrl, const QString& path, const QJsonObject& body);
};

} // namespace tb::test
