// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/model/Tenant.h"
#include "core/setup/SetupState.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace tb::graph {
class GraphCall;
class GraphClient;
} // namespace tb::graph

namespace tb::setup {

// Reads the SetupState of one pair from both tenants: the target's partner entry for the source and its
// identitySynchronization, the source's partner entry for the target, and the source's CTS configurations
// (service principals made from the CTS template, graph-reference.md 2.1 [U filter]) with their jobs. A 404 is
// a state ("not there"), anything else that fails ends the read with failed(). One read at a time; QObject,
// main thread; the clients must outlive it.
//
// Which configuration belongs to this pair: the one with Options::knownServicePrincipalId when given (the
// journal of an earlier apply knows it), else the one whose displayName equals Options::configurationDisplayName
// (case-insensitive). The others go to SetupState::otherConfigurations.
//
// After a crash between sending the instantiate request and hearing back, the new service principal may not be
// visible yet (eventual consistency). Options::expectConfiguration makes the reader list again for up to
// Options::settleMs before it concludes that there is none, so a resumed apply never instantiates twice.
class SetupStateReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupStateReader)

public:
    struct Options
    {
        QString configurationDisplayName;
        QString knownServicePrincipalId;
        bool expectConfiguration = false;
        int settleMs = 60000;
        int settlePollMs = 1000;
    };

    SetupStateReader(graph::GraphClient& source, graph::GraphClient& target, QObject* parent = nullptr);
    ~SetupStateReader() override;

    // Tenants as the workspace knows them (ids, names, clouds): copied into the state.
    void read(const model::Tenant& source, const model::Tenant& target, const Options& options);
    void cancel();
    [[nodiscard]] bool isReading() const;

signals:
    void finished(const tb::setup::SetupState& state);
    // A sentence for a person: which tenant, what could not be read, what to do (error.userMessage() style).
    void failed(const QString& userMessage, const tb::graph::GraphError& error);

private:
    struct Run;
    void stopRun();
    void listConfigurations();
    void checkPolicies();
    void pickConfiguration();
    void readJobs();
    void succeed();
    void fail(const QString& what, const graph::GraphError& error);

    graph::GraphClient& m_source;
    graph::GraphClient& m_target;
    std::unique_ptr<Run> m_run;
};

} // namespace tb::setup
