// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace tb::model {

// A Microsoft cloud: where its sign-in authority and its Graph live. Value type, any thread.
// Hosts follow "National cloud deployments" (Microsoft Graph docs): login.microsoftonline.com /
// graph.microsoft.com, login.microsoftonline.us / graph.microsoft.us (GCC High) or dod-graph.microsoft.us
// (DoD), login.chinacloudapi.cn / microsoftgraph.chinacloudapi.cn. Cross-tenant synchronization is not offered
// in 21Vianet (China), so that cloud is known, named and reported as unsupported.
class CloudInstance
{
public:
    enum class Kind { Global, USGovernment, USGovernmentDoD, China };

    CloudInstance(); // Global
    explicit CloudInstance(Kind kind);

    // Accepts the sandbox's and the discovery document's names: "Global", "AzureCloud",
    // "microsoftonline.com", "USGovernment", "AzureUSGovernment", "microsoftonline.us", "China",
    // "AzureChinaCloud", "partner.microsoftonline.cn", case-insensitive. Nothing for anything else.
    // "USGovernmentDoD", "DoD" and "AzureUSGovernmentDoD" name the DoD cloud.
    [[nodiscard]] static std::optional<CloudInstance> fromName(const QString& name);
    // The cloud a tenant lives in, from its OIDC discovery document (graph-reference.md 6.2):
    // cloud_instance_name "microsoftonline.us" with tenant_region_sub_scope "DOD" is DoD, with anything else
    // (e.g. "DODCON") GCC High; "partner.microsoftonline.cn" is China; "microsoftonline.com" is Global ("GCC"
    // keeps the global endpoints). Nothing for any other name. Case-insensitive.
    [[nodiscard]] static std::optional<CloudInstance> fromDiscovery(
        const QString& cloudInstanceName, const QString& regionSubScope);

    [[nodiscard]] Kind kind() const { return m_kind; }
    // "Global", "USGovernment", "USGovernmentDoD", "China": the stable name written to JSON and settings.
    [[nodiscard]] QString name() const;
    // "Microsoft Entra ID (global)" and so on: for people.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QUrl authorityHost() const;
    [[nodiscard]] QUrl graphHost() const;
    // False for China: TenantBridge does not support cross-tenant synchronization there.
    [[nodiscard]] bool isSupported() const;

    friend bool operator==(const CloudInstance& a, const CloudInstance& b) { return a.m_kind == b.m_kind; }
    friend bool operator!=(const CloudInstance& a, const CloudInstance& b) { return a.m_kind != b.m_kind; }

private:
    Kind m_kind = Kind::Global;
};

} // namespace tb::model
