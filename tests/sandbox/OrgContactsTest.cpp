// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"
#include "tests/sandbox/SandboxTestData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace tb::test;

// Preflight's material in Fabrikam's seed (issue 4): an org contact with a Contoso user's address and a partner
// nobody expects.
TEST_CASE_METHOD(RunningSandbox, "Fabrikam's org contacts are served with $select and $filter", "[sandbox]")
{
    const SandboxAnswer all = client.get(kFabrikam, QStringLiteral("/v1.0/contacts"));
    REQUIRE(all.status == 200);
    const QJsonArray contacts = valueOf(all);
    REQUIRE(contacts.size() == 1);
    const QJsonObject contact = contacts.first().toObject();
    CHECK(contact.value(QLatin1String("mail")).toString() == QLatin1String("christie.hubert@contoso.onmicrosoft.com"));
    CHECK(contact.value(QLatin1String("department")).isNull()); // served even when null
    CHECK(contact.value(QLatin1String("proxyAddresses")).toArray().size() == 1);

    const SandboxAnswer selected = client.get(kFabrikam,
        QStringLiteral("/v1.0/contacts?$select=id,mail&$filter=mail eq 'CHRISTIE.HUBERT@contoso.onmicrosoft.com'"));
    REQUIRE(selected.status == 200);
    REQUIRE(valueOf(selected).size() == 1);
    CHECK(valueOf(selected).first().toObject().keys() == QStringList {QStringLiteral("id"), QStringLiteral("mail")});
    CHECK(valueOf(client.get(kFabrikam, QStringLiteral("/v1.0/contacts?$filter=mail eq 'nobody@x.test'"))).isEmpty());
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/contacts?$select=shoeSize")).status == 400);

    const QString id = contact.value(QLatin1String("id")).toString();
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/contacts/") + id).json().value(QLatin1String("displayName"))
        == contact.value(QLatin1String("displayName")));
    CHECK(client.get(kFabrikam, QStringLiteral("/v1.0/contacts/00000000-0000-0000-0000-000000000001")).status == 404);
    CHECK(
        client
            .graph(kFabrikam, QByteArrayLiteral("POST"), QStringLiteral("/v1.0/contacts"), {}, QByteArrayLiteral("{}"))
            .status
        == 405);
    CHECK(valueOf(client.get(kContoso, QStringLiteral("/v1.0/contacts"))).isEmpty());
}

TEST_CASE_METHOD(RunningSandbox, "Fabrikam's seed trusts an unexpected partner to sync users in", "[sandbox]")
{
    const QJsonArray partners
        = valueOf(client.get(kFabrikam, QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners")));
    REQUIRE(partners.size() == 1);
    const QJsonObject partner = partners.first().toObject();
    const QString tenantId = partner.value(QLatin1String("tenantId")).toString();
    CHECK(tenantId == QLatin1String("d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"));
    CHECK(partner.value(QLatin1String("automaticUserConsentSettings"))
              .toObject()
              .value(QLatin1String("inboundAllowed"))
              .toBool());
    const SandboxAnswer sync = client.get(kFabrikam,
        QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners/%1/identitySynchronization").arg(tenantId));
    REQUIRE(sync.status == 200);
    CHECK(sync.json().value(QLatin1String("displayName")).toString() == QLatin1String("Tailspin Toys"));
    CHECK(
        sync.json().value(QLatin1String("userSyncInbound")).toObject().value(QLatin1String("isSyncAllowed")).toBool());
    // A made-up tenant: the lookup does not know it.
    CHECK(client
              .get(kFabrikam,
                  QStringLiteral("/v1.0/tenantRelationships/findTenantInformationByTenantId(tenantId='%1')")
                      .arg(tenantId))
              .status
        == 404);
    CHECK(valueOf(client.get(kContoso, QStringLiteral("/v1.0/policies/crossTenantAccessPolicy/partners"))).isEmpty());
}
