// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/GeneratedTenantSpec.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tbsandbox {

// Everything the sandbox needs to start: where it listens, what it loads, which faults it injects.
// Built from command-line arguments by the standalone server, or filled in by the GUI, CLI and tests.
struct SandboxOptions
{
    quint16 port = 0; // 0: any free port
    QString seedDirectory; // empty: the seeds compiled in from resources/sandbox
    bool loadSeeds = true; // false: only generated tenants
    QList<GeneratedTenantSpec> generatedTenants;
    QString tlsCertificateFile; // both set: serve https
    QString tlsKeyFile;
    QJsonObject faultPlan; // the JSON form documented in README.md
    int idleTimeoutMs = 0; // a connection with nothing in progress is closed after this; 0: 120 s
    QString stateFile; // keeps the state across restarts (state/StateFile); empty: in memory only
    bool resetState = false; // start over from the seeds, replacing stateFile, instead of reading it

    // The login host (README "Sign-in"). Lifetimes and the interval are in seconds.
    bool testRoutes = false; // POST /_sandbox/devicelogin/approve and /_sandbox/users/revoke exist
    int autoApproveAfterMs = -1; // >= 0: each device code is approved as the tenant's admin after this delay
    int accessTokenLifetimeSeconds = 3599;
    int deviceCodeLifetimeSeconds = 900;
    int deviceCodeIntervalSeconds = 5; // 0: any polling pace is accepted
    bool slowDown = true; // answer slow_down to a poll sooner than the interval ([U] graph-reference 7.2)
    bool singleUseRefreshTokens = false; // Entra keeps a redeemed refresh token valid (auth-reference 1.9)
    QStringList confidentialClientIds; // these client ids get invalid_client AADSTS7000218 at the token endpoint

    // Cross-tenant access and the CTS configuration (README "Cross-tenant access and the CTS configuration").
    int servicePrincipalPropagationMs = 300; // a new service principal answers 404 this long ([U] 2.1)
    bool identitySyncPutConflicts = true; // PUT on an existing identitySynchronization: 409 (false: replace, 204)
    int identitySyncPatchMissingStatus = 404; // PATCH with none: Directory_ObjectNotFound with this status ([U] 1.5)
    int policyCheckFailureStatus = 400; // validateCredentials' AzureDirectoryB2BManagementPolicyCheckFailure ([U] 2.4)
    bool policyCheckNeedsAutomaticRedemption = true; // also require the auto-redeem flags (graph-reference 10.3)
    // Provisioning cycles of every active CTS job run this often (graph-reference 2.2: about 40 minutes); 0: only
    // through POST /_sandbox/synchronization/runCycle (test routes), as tests do.
    int syncIntervalMs = 2400000;
    // provisionOnDemand answers 429 with Retry-After past this many calls per window per job (graph-reference 2.7
    // [C]: 5 per 10 s); a limit of 0 turns it off.
    int provisionOnDemandLimit = 5;
    int provisionOnDemandWindowMs = 10000;

    // Parses the standalone server's arguments (without the program name). On failure returns nothing
    // and fills errorMessage with a sentence that says what to change.
    [[nodiscard]] static std::optional<SandboxOptions> fromArguments(
        const QStringList& arguments, QString* errorMessage);
    [[nodiscard]] static QString usage();
};

} // namespace tbsandbox
