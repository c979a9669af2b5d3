// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/login/DeviceLoginPage.h"

#include "core/sandbox/MonotonicEpochClock.h"
#include "core/sandbox/World.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/login/FormBody.h"
#include "core/sandbox/login/LoginState.h"

namespace tbsandbox {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

bool equalInConstantTime(const QString& a, const QString& b)
{
    const QByteArray left = a.toUtf8();
    const QByteArray right = b.toUtf8();
    if (left.size() != right.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < left.size(); ++i) {
        difference |= static_cast<unsigned char>(left.at(i) ^ right.at(i));
    }
    return difference == 0;
}

QString displayNameOf(const TenantState& tenant, const UserRecord& user)
{
    return tenant.strings().at(user.field(PooledUserField::DisplayName));
}

} // namespace

DeviceLoginPage::DeviceLoginPage(World& world, LoginState& state, const MonotonicEpochClock& clock)
    : m_world(world)
    , m_state(state)
    , m_clock(clock)
    , m_wrongCodes(kWrongCodesPerMinute, kMinuteMs)
{ }

QString DeviceLoginPage::escape(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            escaped += QLatin1String("&amp;");
            break;
        case '<':
            escaped += QLatin1String("&lt;");
            break;
        case '>':
            escaped += QLatin1String("&gt;");
            break;
        case '"':
            escaped += QLatin1String("&quot;");
            break;
        case '\'':
            escaped += QLatin1String("&#39;");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

HttpResponse DeviceLoginPage::page(int status, const QString& title, const QString& bodyHtml)
{
    const QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1 - TenantBridge sandbox</title>"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}"
        "label{display:block;margin:.2em 0}code{background:#eee;padding:0 .2em}"
        ".note{color:#a00}</style></head>\n<body><h1>%1</h1>\n%2\n"
        "<p><small>TenantBridge sandbox: an emulator; no real account is involved.</small></p></body></html>\n")
                             .arg(escape(title), bodyHtml);
    HttpResponse response(status, QByteArrayLiteral("text/html; charset=utf-8"), html.toUtf8());
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.setHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    response.setHeader(QByteArrayLiteral("Content-Security-Policy"),
        QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"));
    return response;
}

HttpResponse DeviceLoginPage::codeForm(int status, const QString& message)
{
    QString body;
    if (!message.isEmpty()) {
        body += QStringLiteral("<p class=\"note\">%1</p>\n").arg(escape(message));
    }
    body += QStringLiteral("<p>Enter the code displayed on your app or device.</p>\n"
                           "<form method=\"post\" action=\"/devicelogin\">"
                           "<label>Code <input name=\"code\" autocomplete=\"off\" autofocus maxlength=\"32\"></label>"
                           "<button type=\"submit\">Next</button></form>");
    return page(status, QStringLiteral("Enter code"), body);
}

HttpResponse DeviceLoginPage::picker(const DeviceAuthorization& authorization, const TenantState& tenant,
    const QString& search, const QString& message, int status) const
{
    QString body;
    if (!message.isEmpty()) {
        body += QStringLiteral("<p class=\"note\">%1</p>\n").arg(escape(message));
    }
    body += QStringLiteral("<p>The application <code>%1</code> wants to sign in to the tenant <strong>%2</strong> "
                           "(<code>%3</code>) and asks for these permissions:</p>\n<ul>")
                .arg(escape(authorization.clientId), escape(tenant.displayName()), escape(tenant.idText()));
    for (const QString& scope : authorization.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        body += QStringLiteral("<li><code>%1</code></li>").arg(escape(scope));
    }
    body += QStringLiteral("</ul>\n");
    const QString code = escape(authorization.userCode);
    body += QStringLiteral("<form method=\"post\" action=\"/devicelogin\"><input type=\"hidden\" name=\"code\" "
                           "value=\"%1\"><label>Find a user <input type=\"search\" name=\"search\" value=\"%2\">"
                           "</label><button type=\"submit\" name=\"action\" value=\"search\">Search</button></form>\n")
                .arg(code, escape(search));

    // The user who signs in by default comes first and is preselected, then the directory in its order.
    const qsizetype preselected = tenant.defaultSignInIndex();
    QString choices;
    int listed = 0;
    qsizetype matching = 0;
    const auto consider = [&](qsizetype i) {
        const UserRecord& user = tenant.users()[static_cast<size_t>(i)];
        const QString name = displayNameOf(tenant, user);
        if (!search.isEmpty() && !name.contains(search, Qt::CaseInsensitive)
            && !user.userPrincipalName.contains(search, Qt::CaseInsensitive)) {
            return;
        }
        ++matching;
        if (listed >= kUsersListed) {
            return;
        }
        ++listed;
        choices
            += QStringLiteral("<label><input type=\"radio\" name=\"user\" value=\"%1\"%2%3> %4 "
                              "&lt;%5&gt;%6</label>\n")
                   .arg(user.id.toString(QUuid::WithoutBraces),
                       i == preselected ? QStringLiteral(" checked") : QString(),
                       user.accountEnabled ? QString() : QStringLiteral(" disabled"), escape(name),
                       escape(user.userPrincipalName), user.accountEnabled ? QString() : QStringLiteral(" (disabled)"));
    };
    if (preselected >= 0) {
        consider(preselected);
    }
    for (qsizetype i = 0; i < static_cast<qsizetype>(tenant.users().size()); ++i) {
        if (i != preselected) {
            consider(i);
        }
    }
    body += QStringLiteral("<form method=\"post\" action=\"/devicelogin\"><input type=\"hidden\" name=\"code\" "
                           "value=\"%1\"><input type=\"hidden\" name=\"nonce\" value=\"%2\">\n"
                           "<fieldset><legend>Sign in as (%3 of %4 users shown)</legend>\n%5</fieldset>\n"
                           "<button type=\"submit\" name=\"action\" value=\"approve\">Approve</button> "
                           "<button type=\"submit\" name=\"action\" value=\"decline\">Decline</button></form>")
                .arg(code, escape(authorization.formNonce))
                .arg(listed)
                .arg(matching)
                .arg(choices);
    return page(status, QStringLiteral("Sign in to %1").arg(tenant.displayName()), body);
}

DeviceLoginPage::Outcome DeviceLoginPage::handle(const HttpRequest& request)
{
    // The page approves sign-ins: only a browser on this machine that names this machine may use it (a page
    // reaching the port through DNS rebinding sends its own name).
    if (!request.peerAddress.isLoopback() || !request.isAddressedToLoopback()) {
        return {page(403, QStringLiteral("Forbidden"),
                    QStringLiteral("<p>Open this page as http://127.0.0.1 or http://localhost on this machine.</p>")),
            false};
    }
    const QByteArray method = request.method.toUpper();
    if (method == "GET") {
        return {codeForm(200, QString()), false};
    }
    if (method == "POST") {
        return post(request);
    }
    HttpResponse response = page(405, QStringLiteral("Method not allowed"), QStringLiteral("<p>Use GET or POST.</p>"));
    response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST"));
    return {response, false};
}

DeviceLoginPage::Outcome DeviceLoginPage::post(const HttpRequest& request)
{
    const qint64 now = m_clock.nowMs();
    if (m_wrongCodes.isLimited(request.peerAddress, now)) {
        HttpResponse response = page(429, QStringLiteral("Too many attempts"),
            QStringLiteral("<p>Too many wrong codes from this machine. Wait a minute, then try again.</p>"));
        response.setHeader(QByteArrayLiteral("Retry-After"),
            QByteArray::number(m_wrongCodes.retryAfterSeconds(request.peerAddress, now)));
        return {response, false};
    }
    QString problem;
    const std::optional<FormBody> form = FormBody::parse(request, &problem);
    if (!form) {
        return {codeForm(400, problem), false};
    }
    DeviceAuthorization* authorization = m_state.devices().findByUserCode(form->value(QStringLiteral("code")));
    const TenantState* tenant = authorization ? m_world.tenantById(authorization->tenantId) : nullptr;
    if (!authorization || !tenant || now >= authorization->expiresAtMs) {
        m_wrongCodes.recordFailure(request.peerAddress, now);
        return {codeForm(400,
                    QStringLiteral("That code is not valid or has expired. Check it, or start the sign-in again in "
                                   "the app to get a new code.")),
            false};
    }
    if (authorization->decision != DeviceAuthorization::Decision::Pending) {
        return {page(409, QStringLiteral("Code already used"),
                    QStringLiteral("<p>This code was already used to approve or decline a sign-in. Start the "
                                   "sign-in again in the app to get a new code.</p>")),
            false};
    }
    const QString action = form->value(QStringLiteral("action"));
    if (action != QLatin1String("approve") && action != QLatin1String("decline")) {
        return {picker(*authorization, *tenant, form->value(QStringLiteral("search")), QString(), 200), false};
    }
    if (!equalInConstantTime(form->value(QStringLiteral("nonce")), authorization->formNonce)) {
        m_wrongCodes.recordFailure(request.peerAddress, now);
        return {page(403, QStringLiteral("Form refused"),
                    QStringLiteral("<p>This form is out of date or was not issued by this page. "
                                   "<a href=\"/devicelogin\">Enter the code again</a>.</p>")),
            false};
    }
    if (action == QLatin1String("decline")) {
        m_state.decide(*authorization, false, QUuid());
        return {page(200, QStringLiteral("Sign-in declined"),
                    QStringLiteral("<p>You declined the sign-in for <code>%1</code>. You can close this window.</p>")
                        .arg(escape(authorization->clientId))),
            true};
    }
    const qsizetype userIndex = tenant->findUser(QUuid::fromString(form->value(QStringLiteral("user"))));
    if (userIndex < 0) {
        return {picker(*authorization, *tenant, QString(), QStringLiteral("Pick the user to sign in as."), 400), false};
    }
    const UserRecord& user = tenant->users().at(static_cast<size_t>(userIndex));
    if (!user.accountEnabled) {
        return {
            picker(*authorization, *tenant, QString(), QStringLiteral("That account is disabled; pick another."), 400),
            false};
    }
    m_state.decide(*authorization, true, user.id);
    return {page(200, QStringLiteral("Signed in"),
                QStringLiteral("<p>You signed in to <code>%1</code> as %2 &lt;%3&gt; in %4. You can close this window "
                               "and go back to the app.</p>")
                    .arg(escape(authorization->clientId), escape(displayNameOf(*tenant, user)),
                        escape(user.userPrincipalName), escape(tenant->displayName()))),
        true};
}

} // namespace tbsandbox
