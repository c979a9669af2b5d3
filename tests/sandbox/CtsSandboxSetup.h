// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxOptions.h"
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb::test {

// A CTS configuration from Contoso to Fabrikam in the seeded sandbox, driven over HTTP as a client does
// (graph-reference 0, 2, 3): the policies, the instantiated template, secrets, a started job, assignments and
// cycles through the test route. Shared by the provisioning and schema tests.

inline const QString kPartners = QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners");
inline const QString kCtsTemplate = QStringLiteral("518e5f48-1fc8-4c48-9387-9fdf28b0dfe7");
inline const QString kAdele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
inline const QString kChristie = QStringLiteral("christie.hubert@contoso.onmicrosoft.com");
inline const QString kZainab = QStringLiteral("zainab.okafor@contoso.onmicrosoft.com"); // an accepted guest in Fabrikam
inline const QString kBianca = QStringLiteral("bianca.berg@contoso.onmicrosoft.com"); // a pending guest in Fabrikam
inline const QString kPilotGroup = QStringLiteral("993d3bbe-5a9d-564a-b44f-d147d991595c"); // CTS Pilot, 5 users

// Cycles only through the test route, so nothing runs behind a test's back; no propagation delay.
[[nodiscard]] tbsandbox::SandboxOptions syncOptions();

struct SyncSandbox : RunningSandbox
{
    SyncSandbox()
        : RunningSandbox(syncOptions())
    { }
};

[[nodiscard]] QByteArray json(const QJsonObject& object);
[[nodiscard]] SandboxAnswer post(
    SandboxTestClient& client, const QString& domain, const QString& path, const QJsonObject& body);
// Fabrikam's identitySynchronization switch for Contoso.
void allowInboundSync(SandboxTestClient& client, bool allowed);
// Steps 2 to 6 of graph-reference 0 (the target's inbound switch as asked).
void configurePolicies(SandboxTestClient& client, bool inboundSyncAllowed);

struct Configuration
{
    QString spId;
    QString jobId;
    QString appRoleId;

    [[nodiscard]] QString jobPath(const QString& tail = {}) const
    {
        return QStringLiteral("/v1.0/servicePrincipals/%1/synchronization/jobs/%2%3").arg(spId, jobId, tail);
    }
};

// A started CTS configuration from Contoso to Fabrikam, with SyncAll as given.
[[nodiscard]] Configuration configure(SandboxTestClient& client, bool inboundSyncAllowed = true, bool syncAll = false);
// POST /_sandbox/synchronization/runCycle: the number of jobs that ran.
int runCycle(SandboxTestClient& client);
[[nodiscard]] QString contosoUserId(SandboxTestClient& client, const QString& upn);
[[nodiscard]] SandboxAnswer assign(
    SandboxTestClient& client, const Configuration& configuration, const QString& principalId);
// Fabrikam's users with this mail, with the properties sync sets.
[[nodiscard]] QJsonArray fabrikamUsersWithMail(SandboxTestClient& client, const QString& mail);
[[nodiscard]] QJsonObject jobStatus(SandboxTestClient& client, const Configuration& configuration);
[[nodiscard]] QString encoded(const QString& text);
// Contoso's provisioning log, every page, with an optional $filter.
[[nodiscard]] QList<QJsonObject> provisioningLogs(SandboxTestClient& client, const QString& filter = {});
// The value of one key of each step, in order.
[[nodiscard]] QStringList stepTypes(const QJsonArray& steps, const QString& key);

} // namespace tb::test
