// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/AuthError.h"
#include "core/auth/AuthSettings.h"
#include "core/auth/AuthorityInfo.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace tb::auth {

// One OIDC discovery of a tenant (a job): reads {login host}/{tenant}/v2.0/.well-known/openid-configuration and
// turns it into an AuthorityInfo (auth-reference.md 1.7, graph-reference.md 6.2). Without a login host in the
// settings it probes login.microsoftonline.com, detects the tenant's cloud, and reads the document again from
// that cloud's login host when the tenant lives elsewhere. Only the authority host of each cloud is known here;
// every endpoint comes from the document. Owned by its caller (it does not delete itself); lives on the thread
// of its QNetworkAccessManager, which must outlive it.
class Authority final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Authority)

public:
    Authority(
        QNetworkAccessManager& network, const AuthSettings& settings, const QString& tenant, QObject* parent = nullptr);
    ~Authority() override;

    // Starts the discovery; finished comes later from the event loop, also for input refused at once.
    void start();
    // Stops it; finished(Cancelled) is emitted now unless it already finished.
    void cancel();
    [[nodiscard]] bool isFinished() const { return m_finished; }

    // Null when tenant is a tenant GUID or a domain name, else a sentence saying what is wrong.
    [[nodiscard]] static std::optional<QString> tenantProblem(const QString& tenant);
    // {host}/{tenant}/v2.0/.well-known/openid-configuration
    [[nodiscard]] static QUrl discoveryUrl(const QUrl& loginHost, const QString& tenant);

signals:
    // Exactly once. info is valid only when error.isError() is false.
    void finished(const tb::auth::AuthorityInfo& info, const tb::auth::AuthError& error);

private:
    void fetch(const QUrl& loginHost, bool isProbe);
    void handleReply(const QUrl& loginHost, bool isProbe);
    void finish(const AuthorityInfo& info, const AuthError& error);
    void finishLater(const AuthError& error);

    QNetworkAccessManager& m_network;
    AuthSettings m_settings;
    QString m_tenant;
    QPointer<QNetworkReply> m_reply;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace tb::auth
