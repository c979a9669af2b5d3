// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/Account.h"
#include "core/model/DesiredSettings.h"
#include "core/setup/PreflightReport.h"
#include "core/setup/SetupState.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace tb::graph {
class GraphClient;
class GraphRequest;
class GraphResponse;
struct PageReadResult;
} // namespace tb::graph

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

    // Starts the reads; finished() comes once, when every read has answered. A run still under way is
    // cancelled first.
    void run(const Input& input);
    // Stops the reads under way; no finished() follows for that run.
    void cancel();
    [[nodiscard]] bool isRunning() const;

    // The checks that need no reads (signed in and different, cloud pair, auto-redeem on both sides, scopes),
    // for the GUI to show at once and for unit tests.
    [[nodiscard]] static QList<PreflightCheck> offlineChecks(const Input& input);

signals:
    void finished(const tb::setup::PreflightReport& report);

private:
    struct Run;
    using ResponseHandler = std::function<void(Run&, const graph::GraphResponse&)>;
    using PageHandler = std::function<void(Run&, const QJsonArray&)>;
    using PagesDoneHandler = std::function<void(Run&, const graph::PageReadResult&)>;

    // Each read counts as pending until its handler ran; the last one to finish builds the report.
    void startCall(graph::GraphClient& client, const graph::GraphRequest& request, ResponseHandler handler);
    void startPages(
        graph::GraphClient& client, const graph::GraphRequest& request, PageHandler onPage, PagesDoneHandler onDone);
    void readPartners(Run& run, const graph::GraphResponse& response);
    void readDone();
    void finish();

    graph::GraphClient* m_source;
    graph::GraphClient* m_target;
    std::unique_ptr<Run> m_run;
    quint64 m_generation = 0;
};

} // namespace tb::setup
