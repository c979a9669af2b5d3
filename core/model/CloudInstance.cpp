// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/CloudInstance.h"

#include <QStringList>

namespace tb::model {

CloudInstance::CloudInstance() = default;

CloudInstance::CloudInstance(Kind kind)
    : m_kind(kind)
{ }

std::optional<CloudInstance> CloudInstance::fromName(const QString& name)
{
    // The names seen in the wild: ours, MSAL's/Azure CLI's cloud names, and the discovery document's
    // cloud_instance_name (graph-reference.md 6).
    static const QStringList global {QStringLiteral("global"), QStringLiteral("azurecloud"),
        QStringLiteral("microsoftonline.com"), QStringLiteral("public"), QStringLiteral("commercial")};
    static const QStringList usGov {QStringLiteral("usgovernment"), QStringLiteral("azureusgovernment"),
        QStringLiteral("microsoftonline.us"), QStringLiteral("usgov")};
    static const QStringList usGovDoD {
        QStringLiteral("usgovernmentdod"), QStringLiteral("azureusgovernmentdod"), QStringLiteral("dod")};
    static const QStringList china {QStringLiteral("china"), QStringLiteral("azurechinacloud"),
        QStringLiteral("partner.microsoftonline.cn"), QStringLiteral("21vianet")};
    const QString key = name.trimmed().toLower();
    if (global.contains(key)) {
        return CloudInstance(Kind::Global);
    }
    if (usGov.contains(key)) {
        return CloudInstance(Kind::USGovernment);
    }
    if (usGovDoD.contains(key)) {
        return CloudInstance(Kind::USGovernmentDoD);
    }
    if (china.contains(key)) {
        return CloudInstance(Kind::China);
    }
    return std::nullopt;
}

std::optional<CloudInstance> CloudInstance::fromDiscovery(
    const QString& cloudInstanceName, const QString& regionSubScope)
{
    const QString name = cloudInstanceName.trimmed().toLower();
    if (name == QStringLiteral("microsoftonline.us")) {
        // Both US Government clouds share the login host; only the sub-scope tells DoD (L5) from GCC High (L4).
        return CloudInstance(regionSubScope.trimmed().compare(QStringLiteral("DOD"), Qt::CaseInsensitive) == 0
                ? Kind::USGovernmentDoD
                : Kind::USGovernment);
    }
    if (name == QStringLiteral("partner.microsoftonline.cn")) {
        return CloudInstance(Kind::China);
    }
    if (name == QStringLiteral("microsoftonline.com")) {
        return CloudInstance(Kind::Global);
    }
    return std::nullopt;
}

QString CloudInstance::name() const
{
    switch (m_kind) {
    case Kind::Global:
        return QStringLiteral("Global");
    case Kind::USGovernment:
        return QStringLiteral("USGovernment");
    case Kind::USGovernmentDoD:
        return QStringLiteral("USGovernmentDoD");
    case Kind::China:
        return QStringLiteral("China");
    }
    return {};
}

QString CloudInstance::displayName() const
{
    switch (m_kind) {
    case Kind::Global:
        return QStringLiteral("Microsoft Entra ID (global service)");
    case Kind::USGovernment:
        return QStringLiteral("Microsoft Entra ID for US Government");
    case Kind::USGovernmentDoD:
        return QStringLiteral("Microsoft Entra ID for US Government (DoD)");
    case Kind::China:
        return QStringLiteral("Microsoft Entra ID operated by 21Vianet (China, not supported)");
    }
    return {};
}

QUrl CloudInstance::authorityHost() const
{
    switch (m_kind) {
    case Kind::Global:
        return QUrl(QStringLiteral("https://login.microsoftonline.com"));
    case Kind::USGovernment:
    case Kind::USGovernmentDoD:
        return QUrl(QStringLiteral("https://login.microsoftonline.us"));
    case Kind::China:
        return QUrl(QStringLiteral("https://login.chinacloudapi.cn"));
    }
    return {};
}

QUrl CloudInstance::graphHost() const
{
    switch (m_kind) {
    case Kind::Global:
        return QUrl(QStringLiteral("https://graph.microsoft.com"));
    case Kind::USGovernment:
        return QUrl(QStringLiteral("https://graph.microsoft.us"));
    case Kind::USGovernmentDoD:
        return QUrl(QStringLiteral("https://dod-graph.microsoft.us"));
    case Kind::China:
        return QUrl(QStringLiteral("https://microsoftgraph.chinacloudapi.cn"));
    }
    return {};
}

bool CloudInstance::isSupported() const
{
    return m_kind != Kind::China;
}

} // namespace tb::model
