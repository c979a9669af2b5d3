// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/AuthError.h"

#include "core/Redaction.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tb::auth {

namespace {

using Kind = AuthError::Kind;

// Codes of the Entra error-code reference that change what we tell the person (auth-reference.md 1.6).
QString messageForCode(int aadsts)
{
    switch (aadsts) {
    case 50076:
    case 50079:
    case 50078:
        return QStringLiteral("The tenant asks for multi-factor authentication again. Sign in again; the browser "
                              "step will ask for it.");
    case 65001:
    case 90094:
        return QStringLiteral("The app has not been granted the permissions it asked for. Sign in again to give "
                              "consent, or ask an administrator of the tenant to grant it.");
    case 700082:
    case 70008:
    case 50173:
    case 70043:
    case 50089:
        return QStringLiteral("The saved sign-in has expired or was revoked (for example after a password change "
                              "or an administrator's revoke). Sign in again.");
    case 53003:
    case 53000:
        return QStringLiteral("A Conditional Access policy of the tenant blocks this sign-in (for example it "
                              "requires a compliant device). Ask the tenant's administrator; signing in again "
                              "will not help.");
    case 50020:
    case 50034:
    case 16000:
        return QStringLiteral("That account does not belong to the tenant. Sign in again with an account of "
                              "the tenant.");
    case 7000218:
        return QStringLiteral("The app registration does not allow public client flows (device code). An "
                              "administrator must enable \"Allow public client flows\" or configure another "
                              "client id.");
    case 700016:
        return QStringLiteral("The app (client id) was not found in the tenant. Check the client id, or ask an "
                              "administrator to register or consent to the app.");
    case 700025:
        return QStringLiteral("The app is not registered as a public client. Configure a public client id.");
    case 90002:
        return QStringLiteral("The tenant was not found. Check the tenant id or domain name.");
    case 50196:
        return QStringLiteral("The sign-in service saw too many requests from this computer. Wait a minute and "
                              "try again.");
    default:
        return {};
    }
}

QString defaultMessage(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::SignInRequired:
        return QStringLiteral("The saved sign-in no longer works. Sign in again.");
    case Kind::Configuration:
        return QStringLiteral("The sign-in service refused the app's request. Check the client id and the tenant's "
                              "settings, or ask an administrator; retrying will not help.");
    case Kind::TryLater:
        return QStringLiteral("The sign-in service could not be reached or is busy. Try again in a few minutes.");
    case Kind::Cancelled:
        return QStringLiteral("Sign-in was cancelled.");
    case Kind::Declined:
        return QStringLiteral("The sign-in request was declined in the browser. Start again if that was a mistake.");
    case Kind::Expired:
        return QStringLiteral("The sign-in code expired before it was used. Start sign-in again and enter the new "
                              "code.");
    case Kind::TenantNotFound:
        return QStringLiteral("The tenant was not found. Check the tenant id or domain name.");
    case Kind::InvalidInput:
        return QStringLiteral("The input is not valid.");
    }
    return {};
}

QString firstLine(const QString& text)
{
    const qsizetype end = text.indexOf(QRegularExpression(QStringLiteral("[\\r\\n]")));
    return (end < 0 ? text : text.left(end)).trimmed();
}

} // namespace

AuthError AuthError::fromTokenEndpoint(int httpStatus, const QJsonObject& body)
{
    AuthError error;
    error.httpStatus = httpStatus;
    error.code = body.value(QStringLiteral("error")).toString();
    error.subError = body.value(QStringLiteral("suberror")).toString();
    const QString rawDescription = body.value(QStringLiteral("error_description")).toString();
    error.description = Redaction::redactLine(firstLine(rawDescription).left(500));
    const QJsonArray codes = body.value(QStringLiteral("error_codes")).toArray();
    error.aadsts = codes.isEmpty() ? aadstsFromDescription(rawDescription) : codes.first().toInt();

    const QString code = error.code;
    const auto is = [&code](const char* name) { return code == QLatin1String(name); };
    if (code.isEmpty()) {
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            error.kind = Kind::TryLater;
            error.code = QStringLiteral("http_%1").arg(httpStatus);
        } else if (httpStatus >= 200 && httpStatus < 300) {
            return AuthError(); // no error at all
        } else {
            error.kind = Kind::Configuration;
            error.code = QStringLiteral("http_%1").arg(httpStatus);
            error.description = QStringLiteral("HTTP %1 without an OAuth error body").arg(httpStatus);
        }
    } else if (is("temporarily_unavailable") || is("server_error") || error.aadsts == 50196 || httpStatus >= 500
        || httpStatus == 429) {
        error.kind = Kind::TryLater;
    } else if (is("authorization_pending") || is("slow_down")) {
        // Not failures: the device flow keeps polling. Classified for completeness.
        error.kind = Kind::TryLater;
    } else if (is("invalid_client") || is("unauthorized_client") || error.aadsts == 7000218 || error.aadsts == 700016
        || error.aadsts == 700025 || error.aadsts == 53003 || error.aadsts == 53000) {
        error.kind = Kind::Configuration;
    } else if (is("authorization_declined") || is("access_denied")) {
        error.kind = Kind::Declined;
    } else if (is("expired_token") || is("bad_verification_code") || error.aadsts == 90120) {
        error.kind = Kind::Expired;
    } else if (is("invalid_tenant") || error.aadsts == 90002) {
        error.kind = Kind::TenantNotFound;
    } else if (is("invalid_grant") || is("interaction_required") || is("consent_required") || is("login_required")) {
        error.kind = Kind::SignInRequired;
    } else {
        // invalid_request, invalid_scope, unsupported_grant_type, invalid_resource and anything unknown: the
        // request itself is wrong, so repeating it cannot help.
        error.kind = Kind::Configuration;
    }

    QString message = messageForCode(error.aadsts);
    if (message.isEmpty() && (error.subError == QStringLiteral("consent_required") || is("consent_required"))) {
        message = messageForCode(65001);
    }
    if (message.isEmpty() && is("bad_verification_code")) {
        message = QStringLiteral("The sign-in code is no longer known to the service. Start sign-in again.");
    }
    if (message.isEmpty() && is("invalid_scope")) {
        message = QStringLiteral("The service does not accept the permissions the app asked for. Check the scopes "
                                 "configured for this operation.");
    }
    error.userMessage = message.isEmpty() ? defaultMessage(error.kind) : message;
    return error;
}

AuthError AuthError::fromNetwork(const QString& detail)
{
    // The detail names the host and what failed ("Host login.microsoftonline.com not found"): it tells a person
    // whether to look at the network, the proxy or the address.
    return make(Kind::TryLater, QStringLiteral("network"),
        QStringLiteral("The sign-in service could not be reached (%1). Check the network connection, proxy and "
                       "login host, then try again.")
            .arg(Redaction::redactLine(detail)),
        detail);
}

AuthError AuthError::make(Kind kind, const QString& code, const QString& userMessage, const QString& description)
{
    AuthError error;
    error.kind = kind;
    error.code = code;
    error.userMessage = userMessage.isEmpty() ? defaultMessage(kind) : userMessage;
    error.description = Redaction::redactLine(description);
    return error;
}

AuthError AuthError::cancelled()
{
    return make(Kind::Cancelled, QStringLiteral("cancelled"), {});
}

int AuthError::aadstsFromDescription(const QString& description)
{
    static const QRegularExpression prefix(QStringLiteral("\\A\\s*AADSTS(\\d{1,9})\\b"));
    const QRegularExpressionMatch match = prefix.match(description);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString AuthError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::SignInRequired:
        return QStringLiteral("sign_in_required");
    case Kind::Configuration:
        return QStringLiteral("configuration");
    case Kind::TryLater:
        return QStringLiteral("try_later");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Declined:
        return QStringLiteral("declined");
    case Kind::Expired:
        return QStringLiteral("expired");
    case Kind::TenantNotFound:
        return QStringLiteral("tenant_not_found");
    case Kind::InvalidInput:
        return QStringLiteral("invalid_input");
    }
    return {};
}

QString AuthError::toLogString() const
{
    QString text = kindName(kind);
    if (!code.isEmpty()) {
        text += QStringLiteral(" (") + code;
        if (!subError.isEmpty()) {
            text += QLatin1Char('/') + subError;
        }
        text += QLatin1Char(')');
    }
    if (aadsts != 0) {
        text += QStringLiteral(" AADSTS%1").arg(aadsts);
    }
    if (httpStatus != 0) {
        text += QStringLiteral(" HTTP %1").arg(httpStatus);
    }
    if (!description.isEmpty()) {
        text += QStringLiteral(": ") + description;
    }
    // code and subError are the service's text as sent: one line, nothing a terminal would act on.
    return Redaction::redactLine(text);
}

} // namespace tb::auth
