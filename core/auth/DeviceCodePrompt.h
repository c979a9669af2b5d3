// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tb::auth {

// What the person needs to finish a device-code sign-in in a browser (RFC 8628 section 3.3): the code and where to
// enter it. The device code itself never leaves DeviceCodeFlow. Value type, any thread.
struct DeviceCodePrompt
{
    QString userCode;
    QString verificationUri;
    QString message; // the service's own sentence, when it sends one
    QDateTime expiresAtUtc;
    int intervalSeconds = 5;
};

} // namespace tb::auth

Q_DECLARE_METATYPE(tb::auth::DeviceCodePrompt)
