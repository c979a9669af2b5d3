// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/CloudInstance.h"
#include "core/model/Tenant.h"
#include "core/model/TenantRole.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using namespace tb::model;

TEST_CASE("CloudInstance knows each cloud's hosts and support", "[model]")
{
    const CloudInstance global;
    CHECK(global.kind() == CloudInstance::Kind::Global);
    CHECK(global.graphHost() == QUrl(QStringLiteral("https://graph.microsoft.com")));
    CHECK(global.authorityHost() == QUrl(QStringLiteral("https://login.microsoftonline.com")));
    const CloudInstance gov(CloudInstance::Kind::USGovernment);
    CHECK(gov.graphHost() == QUrl(QStringLiteral("https://graph.microsoft.us")));
    CHECK(gov.authorityHost() == QUrl(QStringLiteral("https://login.microsoftonline.us")));
    CHECK(gov.isSupported());
    const CloudInstance china(CloudInstance::Kind::China);
    CHECK_FALSE(china.isSupported());
    CHECK(china.displayName().contains(QStringLiteral("not supported")));
}

TEST_CASE("CloudInstance reads the names used by the sandbox and by discovery", "[model]")
{
    CHECK(CloudInstance::fromName(QStringLiteral("Global"))->kind() == CloudInstance::Kind::Global);
    CHECK(CloudInstance::fromName(QStringLiteral("microsoftonline.com"))->kind() == CloudInstance::Kind::Global);
    CHECK(CloudInstance::fromName(QStringLiteral(" usgovernment "))->kind() == CloudInstance::Kind::USGovernment);
    CHECK(CloudInstance::fromName(QStringLiteral("microsoftonline.us"))->kind() == CloudInstance::Kind::USGovernment);
    CHECK(CloudInstance::fromName(QStringLiteral("China"))->kind() == CloudInstance::Kind::China);
    CHECK(CloudInstance::fromName(QStringLiteral("partner.microsoftonline.cn"))->kind() == CloudInstance::Kind::China);
    CHECK_FALSE(CloudInstance::fromName(QStringLiteral("Mars")).has_value());
    CHECK_FALSE(CloudInstance::fromName(QString()).has_value());
    CHECK(CloudInstance::fromName(QStringLiteral("USGovernmentDoD"))->kind() == CloudInstance::Kind::USGovernmentDoD);
    for (auto kind : {CloudInstance::Kind::Global, CloudInstance::Kind::USGovernment,
             CloudInstance::Kind::USGovernmentDoD, CloudInstance::Kind::China}) {
        CHECK(CloudInstance::fromName(CloudInstance(kind).name()) == CloudInstance(kind));
    }
}

TEST_CASE("CloudInstance knows the DoD cloud's hosts", "[model]")
{
    const CloudInstance dod(CloudInstance::Kind::USGovernmentDoD);
    CHECK(dod.authorityHost() == QUrl(QStringLiteral("https://login.microsoftonline.us")));
    CHECK(dod.graphHost() == QUrl(QStringLiteral("https://dod-graph.microsoft.us")));
    CHECK(dod.isSupported());
    CHECK(dod.name() == QStringLiteral("USGovernmentDoD"));
    CHECK(dod.displayName().contains(QStringLiteral("DoD")));
}

TEST_CASE("CloudInstance reads the cloud from a discovery document's fields", "[model]")
{
    using Kind = CloudInstance::Kind;
    const auto detect = [](const char* name, const char* subScope) {
        return CloudInstance::fromDiscovery(QString::fromLatin1(name), QString::fromLatin1(subScope));
    };
    CHECK(detect("microsoftonline.us", "DOD")->kind() == Kind::USGovernmentDoD);
    CHECK(detect("microsoftonline.us", "dod")->kind() == Kind::USGovernmentDoD);
    CHECK(detect("microsoftonline.us", "DODCON")->kind() == Kind::USGovernment);
    CHECK(detect("microsoftonline.us", "")->kind() == Kind::USGovernment);
    CHECK(detect("partner.microsoftonline.cn", "")->kind() == Kind::China);
    CHECK(detect("microsoftonline.com", "GCC")->kind() == Kind::Global);
    CHECK(detect("MicrosoftOnline.com", "")->kind() == Kind::Global);
    CHECK_FALSE(detect("microsoftonline.de", "").has_value());
    CHECK_FALSE(detect("", "DOD").has_value());
}

TEST_CASE("Tenant reads the catalog shape and keeps Global for an unknown cloud", "[model]")
{
    const Tenant tenant = Tenant::fromJson(QJsonDocument::fromJson(R"({"id":"t1","displayName":"Northwind Gov",
        "initialDomain":"northwind.onmicrosoft.us","cloud":"USGovernment"})")
                                               .object());
    CHECK(tenant.isValid());
    CHECK(tenant.cloud.kind() == CloudInstance::Kind::USGovernment);
    CHECK(Tenant::fromJson(tenant.toJson()).toJson() == tenant.toJson());
    const Tenant odd = Tenant::fromJson(QJsonDocument::fromJson(R"({"id":null,"cloud":"Pluto"})").object());
    CHECK_FALSE(odd.isValid());
    CHECK(odd.cloud.kind() == CloudInstance::Kind::Global);
}

TEST_CASE("TenantRole has a text form both ways", "[model]")
{
    CHECK(tenantRoleName(TenantRole::Source) == QStringLiteral("source"));
    CHECK(tenantRoleFromName(QStringLiteral("Target")) == TenantRole::Target);
    CHECK_FALSE(tenantRoleFromName(QStringLiteral("middle")).has_value());
}
