// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStore.h"

#include <catch2/catch.hpp>

using tb::auth::SecretStore;
using tb::auth::SecretStoreError;
using tb::model::CloudInstance;
using Kind = tb::auth::SecretStoreError::Kind;

TEST_CASE("SecretStore::makeKey keeps tenants, accounts, clouds and services apart", "[auth][secretstore]")
{
    const QString service = QStringLiteral("TenantBridge");
    const QString tenantA = QStringLiteral("11111111-1111-1111-1111-111111111111");
    const QString tenantB = QStringLiteral("22222222-2222-2222-2222-222222222222");
    const QString account = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000000.") + tenantA;

    const QString key = SecretStore::makeKey(service, CloudInstance(), tenantA, account);
    CHECK(key
        == QStringLiteral("TenantBridge/Global/11111111-1111-1111-1111-111111111111/"
                          "aaaaaaaa-0000-0000-0000-000000000000%2E11111111-1111-1111-1111-111111111111"));
    CHECK(key != SecretStore::makeKey(service, CloudInstance(), tenantB, account));
    CHECK(key != SecretStore::makeKey(service, CloudInstance(), tenantA, account + QStringLiteral("x")));
    CHECK(key != SecretStore::makeKey(service, CloudInstance(CloudInstance::Kind::USGovernment), tenantA, account));
    CHECK(key != SecretStore::makeKey(QStringLiteral("Other"), CloudInstance(), tenantA, account));
    // Ids are GUIDs: case does not make a different account.
    CHECK(key == SecretStore::makeKey(service, CloudInstance(), tenantA.toUpper(), account.toUpper()));
    // No part can smuggle a separator: '/' and '.' are encoded, so "key.N" chunk names never equal a made key.
    CHECK(SecretStore::makeKey(service, CloudInstance(), QStringLiteral("a/b"), QStringLiteral("c"))
        != SecretStore::makeKey(service, CloudInstance(), QStringLiteral("a"), QStringLiteral("b/c")));
    CHECK_FALSE(
        SecretStore::makeKey(QStringLiteral("s.1"), CloudInstance(), QStringLiteral("t.2"), QStringLiteral("a.3"))
            .contains(QLatin1Char('.')));
}

TEST_CASE("SecretStore::makeKey refuses empty parts", "[auth][secretstore]")
{
    CHECK(SecretStore::makeKey(QString(), CloudInstance(), QStringLiteral("t"), QStringLiteral("a")).isEmpty());
    CHECK(SecretStore::makeKey(QStringLiteral("s"), CloudInstance(), QString(), QStringLiteral("a")).isEmpty());
    CHECK(SecretStore::makeKey(QStringLiteral("s"), CloudInstance(), QStringLiteral("t"), QString()).isEmpty());
}

TEST_CASE("SecretStore::wipe empties a buffer and leaves other holders alone", "[auth][secretstore]")
{
    QByteArray alone = QByteArrayLiteral("secret");
    alone.detach();
    SecretStore::wipe(alone);
    CHECK(alone.isEmpty());

    QByteArray shared = QByteArray("secret", 6);
    const QByteArray other = shared;
    SecretStore::wipe(shared);
    CHECK(shared.isEmpty());
    CHECK(other == QByteArrayLiteral("secret"));
}

TEST_CASE("SecretStoreError gives every kind a name and a sentence", "[auth][secretstore]")
{
    CHECK_FALSE(SecretStoreError().isError());
    CHECK(SecretStoreError().message().isEmpty());
    for (const Kind kind : {Kind::NotFound, Kind::NoBackend, Kind::Locked, Kind::AccessDenied, Kind::Timeout,
             Kind::Damaged, Kind::Other}) {
        const SecretStoreError error(kind, QStringLiteral("k"), QStringLiteral("backend text"));
        CHECK(error.isError());
        CHECK(error.message().endsWith(QLatin1Char('.')));
        CHECK(SecretStoreError::kindName(kind) != QStringLiteral("none"));
    }
    CHECK(SecretStoreError(Kind::Other, QString(), QStringLiteral("boom")).message().contains(QStringLiteral("boom")));
    CHECK(SecretStoreError::kindName(Kind::NoBackend) == QStringLiteral("no_backend"));
}
