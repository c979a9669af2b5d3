// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/state/TenantSnapshot.h"

#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>

namespace tbsandbox {

namespace {

// Compact JSON text written straight into a byte buffer, the way QJsonDocument::Compact writes it. Building a
// QJsonObject and a QJsonDocument per user made saving a 100,000-user tenant take seconds; see SandboxStateBench.
void appendString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendValue(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto whole = static_cast<qint64>(number);
        out += static_cast<double>(whole) == number ? QByteArray::number(whole) : QByteArray::number(number, 'g', 17);
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            appendValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first) {
                out += ',';
            }
            appendString(out, it.key());
            out += ':';
            appendValue(out, it.value());
            first = false;
        }
        out += '}';
        break;
    }
    }
}

// Collects the output and hands it to the device in blocks, remembering whether any write failed.
class BlockWriter final
{
public:
    static constexpr qsizetype kBlockBytes = 1 << 20;

    explicit BlockWriter(QIODevice& device)
        : m_device(device)
    {
        m_block.reserve(kBlockBytes + kBlockBytes / 4);
    }

    [[nodiscard]] QByteArray& buffer() { return m_block; }
    void flushWhenFull()
    {
        if (m_block.size() >= kBlockBytes) {
            flush();
        }
    }
    [[nodiscard]] bool finish()
    {
        flush();
        return m_ok;
    }

private:
    void flush()
    {
        if (!m_block.isEmpty() && m_device.write(m_block) != m_block.size()) {
            m_ok = false;
        }
        m_block.resize(0); // keeps the capacity
    }

    QIODevice& m_device;
    QByteArray m_block;
    bool m_ok = true;
};

// Every property UserSchema serves, with its JSON text cached where users share it: the tenant's pooled
// strings by index and the licence profiles. Only a user's own values (id, UPN, mail, identities, flags) are
// written per user.
class UserWriter final
{
public:
    explicit UserWriter(const TenantState& tenant)
        : m_tenant(tenant)
        , m_strings(tenant.strings().size())
        , m_licences(tenant.licenceProfiles().size())
        , m_plans(tenant.licenceProfiles().size())
    {
        for (int i = 0; i < static_cast<int>(UserProperty::Count); ++i) {
            const auto property = static_cast<UserProperty>(i);
            QByteArray key;
            appendString(key, UserSchema::name(property));
            m_keys.append(key + ':');
        }
    }

    void write(QByteArray& out, const UserRecord& user)
    {
        out += '{';
        for (int i = 0; i < static_cast<int>(UserProperty::Count); ++i) {
            const auto property = static_cast<UserProperty>(i);
            if (i > 0) {
                out += ',';
            }
            out += m_keys.at(i);
            if (const std::optional<PooledUserField> pooled = pooledField(property)) {
                out += stringJson(user.field(*pooled));
            } else if (property == UserProperty::AssignedLicenses || property == UserProperty::AssignedPlans) {
                out += profileJson(user.licenceProfile, property);
            } else {
                appendValue(out, UserSchema::value(m_tenant, user, property));
            }
        }
        out += '}';
    }

private:
    static std::optional<PooledUserField> pooledField(UserProperty property)
    {
        switch (property) {
        case UserProperty::DisplayName:
            return PooledUserField::DisplayName;
        case UserProperty::GivenName:
            return PooledUserField::GivenName;
        case UserProperty::Surname:
            return PooledUserField::Surname;
        case UserProperty::JobTitle:
            return PooledUserField::JobTitle;
        case UserProperty::Department:
            return PooledUserField::Department;
        case UserProperty::OfficeLocation:
            return PooledUserField::OfficeLocation;
        case UserProperty::MobilePhone:
            return PooledUserField::MobilePhone;
        case UserProperty::PreferredLanguage:
            return PooledUserField::PreferredLanguage;
        case UserProperty::UsageLocation:
            return PooledUserField::UsageLocation;
        case UserProperty::CompanyName:
            return PooledUserField::CompanyName;
        case UserProperty::CreationType:
            return PooledUserField::CreationType;
        case UserProperty::ExternalUserState:
            return PooledUserField::ExternalUserState;
        case UserProperty::ExternalUserStateChangeDateTime:
            return PooledUserField::ExternalUserStateChangeDateTime;
        case UserProperty::CreatedDateTime:
            return PooledUserField::CreatedDateTime;
        default:
            return std::nullopt;
        }
    }

    const QByteArray& stringJson(quint32 index)
    {
        QByteArray& cached = m_strings[index];
        if (cached.isEmpty()) {
            const QString& text = m_tenant.strings().at(index);
            if (text.isNull()) {
                cached = QByteArrayLiteral("null");
            } else {
                appendString(cached, text);
            }
        }
        return cached;
    }

    const QByteArray& profileJson(qint16 profile, UserProperty property)
    {
        static const QByteArray empty = QByteArrayLiteral("[]");
        if (profile < 0) {
            return empty;
        }
        const bool licences = property == UserProperty::AssignedLicenses;
        QByteArray& cached = licences ? m_licences[profile] : m_plans[profile];
        if (cached.isEmpty()) {
            const LicenceProfile& source = m_tenant.licenceProfiles().at(profile);
            appendValue(cached, licences ? source.assignedLicenses : source.assignedPlans);
        }
        return cached;
    }

    const TenantState& m_tenant;
    QList<QByteArray> m_keys;
    QList<QByteArray> m_strings;
    QList<QByteArray> m_licences;
    QList<QByteArray> m_plans;
};

} // namespace

bool TenantSnapshot::write(const TenantState& tenant, QIODevice& device)
{
    BlockWriter writer(device);
    QByteArray& out = writer.buffer();
    QJsonObject identity {{QStringLiteral("id"), tenant.idText()},
        {QStringLiteral("displayName"), tenant.displayName()},
        {QStringLiteral("initialDomain"), tenant.initialDomain()}, {QStringLiteral("cloud"), tenant.cloud()},
        {QStringLiteral("role"), tenant.role()}};
    if (!tenant.adminPrincipalName().isEmpty()) {
        identity.insert(QStringLiteral("admin"), tenant.adminPrincipalName());
    }
    out += "{\"tenant\":";
    appendValue(out, identity);
    out += ",\n\"organization\":";
    appendValue(out, tenant.organization());
    // consumedUnits is recounted when read, so the recounted form is as good as the stored one.
    out += ",\n\"subscribedSkus\":";
    appendValue(out, tenant.subscribedSkus());

    out += ",\n\"users\":[";
    UserWriter users(tenant);
    bool first = true;
    for (const UserRecord& user : tenant.users()) {
        out += first ? "\n" : ",\n";
        users.write(out, user);
        writer.flushWhenFull();
        first = false;
    }

    out += "],\n\"groups\":[";
    first = true;
    for (const GroupRecord& group : tenant.groups()) {
        QJsonObject json = group.properties;
        QJsonArray members;
        for (const QUuid& member : group.memberIds) {
            members.append(member.toString(QUuid::WithoutBraces));
        }
        json.insert(QStringLiteral("members"), members);
        out += first ? "\n" : ",\n";
        appendValue(out, json);
        writer.flushWhenFull();
        first = false;
    }
    out += "]";
    if (!tenant.directoryRoles().isEmpty()) {
        out += ",\n\"directoryRoles\":";
        appendValue(out, tenant.directoryRoles());
    }
    if (!tenant.contacts().isEmpty()) {
        out += ",\n\"contacts\":";
        appendValue(out, tenant.contacts());
    }
    out += "}";
    return writer.finish();
}

} // namespace tbsandbox
