// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUuid>

#include <array>

namespace tbsandbox {

// The user properties stored as an index into the tenant's StringTable (values that repeat or may be null).
enum class PooledUserField : quint8 {
    DisplayName,
    GivenName,
    Surname,
    JobTitle,
    Department,
    OfficeLocation,
    MobilePhone,
    BusinessPhone,
    PreferredLanguage,
    UsageLocation,
    CompanyName,
    CreationType,
    ExternalUserState,
    ExternalUserStateChangeDateTime,
    CreatedDateTime,
    Count,
};

// One directory user, stored compactly (about 150 bytes plus its UPN) so that a generated tenant of a million
// users fits in memory: unique strings as QString, everything else pooled or as flags. Identities are derived
// from userType and creationType when served. A value inside TenantState.
struct UserRecord
{
    static constexpr int kPooledFieldCount = static_cast<int>(PooledUserField::Count);

    QUuid id;
    QString userPrincipalName;
    QString mail; // often shares its data with userPrincipalName
    std::array<quint32, kPooledFieldCount> pooled {};
    qint16 licenceProfile = -1; // index into TenantState::licenceProfiles(), -1: no licence
    qint8 onPremisesSyncEnabled = -1; // -1: null, 0: false, 1: true
    bool accountEnabled = true;
    bool isGuest = false;

    [[nodiscard]] quint32 field(PooledUserField which) const { return pooled[static_cast<int>(which)]; }
    void setField(PooledUserField which, quint32 index) { pooled[static_cast<int>(which)] = index; }
};

} // namespace tbsandbox
