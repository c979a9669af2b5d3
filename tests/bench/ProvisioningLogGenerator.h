// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Generated provisioning log records for the log benchmarks (LogStoreBench, LogImportBench): a busy job's log with
// a mix of statuses, actions and error codes over a set of users, about 1.5 KB of compact JSON each. Deterministic
// (fixed seeds), so two runs and two benchmarks see the same records.

#include "core/model/ProvisioningLogEntry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <random>

namespace tb::bench {

using model::ProvisioningLogEntry;

inline const QStringList kFirstNames {QStringLiteral("Adele"), QStringLiteral("Alex"), QStringLiteral("Bianca"),
    QStringLiteral("Cameron"), QStringLiteral("Christie"), QStringLiteral("Debra"), QStringLiteral("Diego"),
    QStringLiteral("Enrico"), QStringLiteral("Emily"), QStringLiteral("Grady"), QStringLiteral("Henrietta"),
    QStringLiteral("Irvin"), QStringLiteral("Isaiah"), QStringLiteral("Johanna"), QStringLiteral("Joni"),
    QStringLiteral("Lee"), QStringLiteral("Lidia"), QStringLiteral("Lynne"), QStringLiteral("Megan"),
    QStringLiteral("Miriam"), QStringLiteral("Nestor"), QStringLiteral("Patti"), QStringLiteral("Pradeep"),
    QStringLiteral("Raul"), QStringLiteral("Sanjay"), QStringLiteral("Sophie"), QStringLiteral("Élodie"),
    QStringLiteral("Zrinka")};
inline const QStringList kLastNames {QStringLiteral("Vance"), QStringLiteral("Wilber"), QStringLiteral("Pisani"),
    QStringLiteral("White"), QStringLiteral("Cline"), QStringLiteral("Berger"), QStringLiteral("Siciliani"),
    QStringLiteral("Bolton"), QStringLiteral("Braun"), QStringLiteral("Archie"), QStringLiteral("Harris"),
    QStringLiteral("Sapp"), QStringLiteral("Langer"), QStringLiteral("Lauer"), QStringLiteral("Sherman"),
    QStringLiteral("Gu"), QStringLiteral("Holloway"), QStringLiteral("Robbins"), QStringLiteral("Bowen"),
    QStringLiteral("Graham"), QStringLiteral("Kellum"), QStringLiteral("Fernandez"), QStringLiteral("Gupta"),
    QStringLiteral("Razi"), QStringLiteral("Mishra"), QStringLiteral("Müller"), QStringLiteral("Dubois"),
    QStringLiteral("Makovac")};

struct ErrorKind
{
    QString code;
    QString reason;
};
inline const QList<ErrorKind> kErrors {
    {QStringLiteral("AzureActiveDirectoryConflictEntry"),
        QStringLiteral("One or more objects in the target contain a value for the attribute 'proxyAddresses' that "
                       "is already used by another object.")},
    {QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"),
        QStringLiteral("The cross-tenant access settings of the target do not allow users from this tenant to be "
                       "synchronized.")},
    {QStringLiteral("AzureActiveDirectoryInsufficientRights"),
        QStringLiteral("The provisioning service lacks the rights to update this object in the target tenant.")},
    {QStringLiteral("AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises"),
        QStringLiteral("The object is mastered on premises and cannot be updated in the cloud.")},
    {QStringLiteral("InvitationCreationFailure"),
        QStringLiteral("The B2B invitation for the user could not be created.")},
    {QStringLiteral("AzureActiveDirectoryQuotaLimitExceeded"),
        QStringLiteral("The target tenant reached its directory object quota.")},
    {QStringLiteral("AzureActiveDirectoryForbidden"),
        QStringLiteral("The request was forbidden by the target directory.")},
    {QStringLiteral("EntrySynchronizationError"),
        QStringLiteral("An unexpected error occurred while processing the entry; it will be retried.")},
};

inline QString guid(std::mt19937_64& random)
{
    const quint64 a = random();
    const quint64 b = random();
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(a >> 32, 8, 16, QLatin1Char('0'))
        .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(a & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(b >> 48, 4, 16, QLatin1Char('0'))
        .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

struct User
{
    QString sourceId;
    QString targetId;
    QString name;
    QString upn;
    QString targetUpn;
};

// Records in time order over 30 days, one cycle every 40 minutes; about 80% success, 10% skipped, 7% failure,
// 3% warning, as a busy job's log looks.
class Generator
{
public:
    Generator(int users, qint64 records)
        : m_records(records)
    {
        std::mt19937_64 random(7);
        for (int i = 0; i < users; ++i) {
            User user;
            user.sourceId = guid(random);
            user.targetId = guid(random);
            const QString first = kFirstNames.at(i % kFirstNames.size());
            const QString last = kLastNames.at((i / kFirstNames.size()) % kLastNames.size());
            user.name = QStringLiteral("%1 %2 %3").arg(first, last).arg(i);
            user.upn = QStringLiteral("%1.%2%3@contoso.example").arg(first.toLower(), last.toLower()).arg(i);
            user.targetUpn = QString(user.upn).replace(QLatin1Char('@'), QLatin1Char('_'))
                + QStringLiteral("#EXT#@fabrikam.onmicrosoft.example");
            m_users.append(user);
        }
    }

    [[nodiscard]] const User& user(int index) const { return m_users.at(index); }

    QList<ProvisioningLogEntry> next(int count)
    {
        QList<ProvisioningLogEntry> entries;
        entries.reserve(count);
        const QDateTime start(QDate(2026, 10, 28), QTime(0, 0), Qt::UTC);
        const qint64 spanMs = 30LL * 24 * 3600 * 1000;
        for (int i = 0; i < count && m_made < m_records; ++i, ++m_made) {
            const qint64 atMs = spanMs * m_made / std::max<qint64>(m_records, 1);
            const qint64 cycle = atMs / (40LL * 60 * 1000);
            if (cycle != m_cycle) {
                m_cycle = cycle;
                m_cycleId = guid(m_random);
            }
            entries.append(make(start.addMSecs(atMs)));
        }
        return entries;
    }

private:
    ProvisioningLogEntry make(const QDateTime& at)
    {
        const User& user = m_users.at(static_cast<qsizetype>(m_random() % m_users.size()));
        const int roll = static_cast<int>(m_random() % 100);
        ProvisioningLogEntry entry;
        entry.id = guid(m_random);
        entry.activityDateTime = at;
        entry.tenantId = QStringLiteral("3f4e2a10-8c1d-4f7a-9b3e-5d6c7b8a9f01");
        entry.jobId
            = QStringLiteral("Azure2Azure.2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e.9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0");
        entry.cycleId = m_cycleId;
        entry.changeId = guid(m_random);
        entry.durationMs = static_cast<qint64>(m_random() % 8000);
        entry.initiatedBy
            = {QStringLiteral(""), QStringLiteral("Azure AD Provisioning Service"), QStringLiteral("system")};
        entry.servicePrincipal = {QStringLiteral("9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0"),
            QStringLiteral("Contoso to Fabrikam (cross-tenant sync)")};
        entry.sourceIdentity
            = {user.sourceId, user.name, QStringLiteral("User"), {{QStringLiteral("UserPrincipalName"), user.upn}}};
        entry.sourceSystemName = QStringLiteral("Azure Active Directory");
        entry.targetSystemName = QStringLiteral("Azure Active Directory (target tenant)");
        if (roll < 80) {
            entry.status = QStringLiteral("success");
            entry.action = roll < 12 ? QStringLiteral("create")
                                     : (roll < 77 ? QStringLiteral("update") : QStringLiteral("delete"));
        } else if (roll < 90) {
            entry.status = QStringLiteral("skipped");
            entry.action = QStringLiteral("other");
        } else if (roll < 97) {
            entry.status = QStringLiteral("failure");
            entry.action = roll < 93 ? QStringLiteral("create") : QStringLiteral("update");
            // A skewed mix: the first codes are the common ones.
            const ErrorKind& error = kErrors.at(std::min<qsizetype>(
                static_cast<qsizetype>((m_random() % 100) * (m_random() % 100) / 1250), kErrors.size() - 1));
            entry.error = {error.code, error.reason,
                QStringLiteral("Target object %1 (%2) could not be processed.").arg(user.targetId, user.targetUpn),
                QStringLiteral("nonServiceFailure"), QStringLiteral("See the error catalogue for what to do.")};
        } else {
            entry.status = QStringLiteral("warning");
            entry.action = QStringLiteral("disable");
        }
        if (entry.status != QLatin1String("skipped")) {
            entry.targetIdentity = {user.targetId, user.name, QStringLiteral("User"),
                {{QStringLiteral("UserPrincipalName"), user.targetUpn}}};
        }
        using Step = ProvisioningLogEntry::Step;
        entry.steps = {
            Step {QStringLiteral("EntryImportAdd"),
                QStringLiteral("Received User '%1' change of type (Add) from Azure Active Directory").arg(user.upn),
                QStringLiteral("import"), QStringLiteral("success"),
                {{QStringLiteral("ReportableIdentifier"), user.upn}}},
            Step {QStringLiteral("EntrySynchronizationScoping"),
                QStringLiteral("Determine if User in scope by evaluating against each scoping filter"),
                QStringLiteral("scoping"), QStringLiteral("success"),
                {{QStringLiteral("Active in the source system"), QStringLiteral("True")},
                    {QStringLiteral("Assigned to the application"), QStringLiteral("True")}}},
            Step {QStringLiteral("EntryExportUpdate"), QStringLiteral("User '%1' was updated").arg(user.targetUpn),
                QStringLiteral("export"), entry.status,
                {{QStringLiteral("ReportableIdentifier"), user.targetUpn},
                    {QStringLiteral("TargetObjectId"), user.targetId}}},
        };
        if (entry.status != QLatin1String("skipped")) {
            entry.modifiedProperties = {
                {QStringLiteral("displayName"), std::nullopt, user.name},
                {QStringLiteral("department"), QStringLiteral("Sales"), QStringLiteral("Marketing")},
            };
        }
        return entry;
    }

    QList<User> m_users;
    std::mt19937_64 m_random {11};
    qint64 m_records = 0;
    qint64 m_made = 0;
    qint64 m_cycle = -1;
    QString m_cycleId;
};

} // namespace tb::bench
