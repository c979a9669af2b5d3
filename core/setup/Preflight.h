// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/Account.h"
#include "core/model/DesiredSettings.h"
#include "core/setup/PreflightReport.h"
#include "core/setup/SetupState.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace tb::graph {
class GraphClient;
}

namespace tb::setup {

// Checks, before anything is changed, whether the pair can be set up as desired (issue 4; graph-reference.md 0
// roles and scopes, 5.2 licences, 5.4 matching, 6.3 clouds): each check passes, warns or blocks with a sentence
// and a fix. Reads: /me/memberOf in both tenants (roles), /subscribedSkus in both (P1/P2 service plans), the
// target's guests (userType Guest: externalUserState, mail) and org contacts, the source's users (mail, to find
// who sync would meet), the target's partner list (trust audit) and the tenant lookup of the target from the
// source. A read that fails turns its check into a warning that says what could not be read; it never blocks by
// itself, except that nothing passes when a tenant is not signed in.
// QObject, main thread; the clients must outlive it.
class Preflight final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Preflight)

public:
    struct Input
    {
        SetupState state; // both tenants and what they have now (SetupStateReader)
        model::DesiredSettings desired;
        std::optional<auth::Account> sourceAccount; // nothing: not signed in
        std::optional<auth::Account> targetAccount;
        QStringList sourceSetupScopes; // what each side's steps need (Workspace::setupScopes)
        QStringList targetSetupScopes;
    };

    // Either client may be null (that role is not signed in): its checks say so.
    Preflight(graph::GraphClient* source, graph::GraphClient* target, QObject* parent = nullptr);
    ~Preflight() override;

    void run(const Input& input);
    void cancel();
    [[nodiscard]] bool isRunning() const;

    // The checks that need no reads (signed in and different, cloud pair, auto-redeem on both sides, scopes),
    // for the GUI to show at once and for unit tests.
    [[nodiscard]] static QList<PreflightCheck> offlineChecks(const Input& input);

signals:
    void finished(const tb::setup::PreflightReport& report);

private:
    struct Run;
    graph::GraphClient* m_source;
    graph::GraphClient* m_target;
    std::unique_ptr<Run> m_run;
};

} // namespace tb::setup
