// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace tb::auth {

// Why sign-in, discovery or a token refresh did not work, in a kind the caller can act on (auth-reference.md 1.5,
// 1.6) plus the service's own code for logs and a sentence for a person. Value type, any thread. Never holds a
// token, a device code or a refresh token: descriptions go through Redaction and keep only their first line.
struct AuthError
{
    enum class Kind {
        None,
        SignInRequired, // the refresh token no longer works (expired, revoked, MFA or consent needed): run the device
                        // flow
        Configuration, // the app, the tenant's policy or the settings refuse: retrying will not help
        TryLater, // the service or the network failed for now
        Cancelled, // the user or the program stopped it
        Declined, // the person declined the sign-in request
        Expired, // the code expired or is no longer known: start again
        TenantNotFound, // discovery does not know the tenant
        InvalidInput, // the tenant or scopes typed are not valid
    };

    Kind kind = Kind::None;
    QString code; // OAuth "error" (invalid_grant, ...), or our own lower-case name when the service gave none
    QString subError; // Entra's "suberror" (consent_required, ...)
    int aadsts = 0; // from error_codes or the "AADSTSnnnnn:" prefix of the description; 0 when none
    QString description; // the first line of error_description (or our technical text), redacted
    QString userMessage; // a sentence for a person saying what to do
    int httpStatus = 0;
    int retryAfterMs = -1; // from Retry-After, -1 when absent

    [[nodiscard]] bool isError() const { return kind != Kind::None; }

    // Classifies a token (or device-code) endpoint answer: the JSON body whatever the HTTP status, because
    // Entra answers 400 for pending, 401 for invalid_client and sometimes 200 with "error". Branches on
    // "error" and "suberror"; the AADSTS number only picks a message (Entra's guidance).
    [[nodiscard]] static AuthError fromTokenEndpoint(int httpStatus, const QJsonObject& body);
    // A failure with no usable answer: no connection, timeout, TLS failure. TryLater.
    [[nodiscard]] static AuthError fromNetwork(const QString& detail);
    [[nodiscard]] static AuthError make(
        Kind kind, const QString& code, const QString& userMessage, const QString& description = {});
    [[nodiscard]] static AuthError cancelled();

    // The AADSTS number at the start of a description ("AADSTS70016: ..."), 0 when there is none.
    [[nodiscard]] static int aadstsFromDescription(const QString& description);
    // "sign_in_required", "try_later", ...: stable names for logs, tests and TokenResult::errorCode.
    [[nodiscard]] static QString kindName(Kind kind);
    // Kind, code and AADSTS number, no secret: for a log line, one line whatever the service sent.
    [[nodiscard]] QString toLogString() const;
};

} // namespace tb::auth

Q_DECLARE_METATYPE(tb::auth::AuthError)
