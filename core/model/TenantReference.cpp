// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/TenantReference.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

namespace tb::model {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tb::model::TenantReference", text);
}

// A DNS name of at least two labels: letters, digits and hyphens, no label longer than 63 or starting or
// ending with a hyphen, a top-level label that is not all digits. Internationalised domains come as punycode.
bool isDomainName(const QString& text)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"));
    if (text.size() > 253) {
        return false;
    }
    const QStringList labels = text.split(QLatin1Char('.'));
    if (labels.size() < 2) {
        return false;
    }
    for (const QString& part : labels) {
        if (!label.match(part).hasMatch()) {
            return false;
        }
    }
    static const QRegularExpression digitsOnly(QStringLiteral("^[0-9]+$"));
    return !digitsOnly.match(labels.constLast()).hasMatch();
}

} // namespace

TenantReference::TenantReference(QString text, bool isTenantId)
    : m_text(std::move(text))
    , m_isTenantId(isTenantId)
{ }

std::optional<TenantReference> TenantReference::parse(const QString& text, QString* problem)
{
    QString ignored;
    QString& message = problem ? *problem : ignored;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        message = tr("Type the tenant's ID or one of its verified domains, for example contoso.onmicrosoft.com.");
        return std::nullopt;
    }
    static const QRegularExpression guid(
        QStringLiteral("^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$"));
    if (guid.match(trimmed).hasMatch()) {
        const QUuid id(trimmed);
        if (id.isNull()) {
            message = tr("The tenant ID cannot be all zeros. Copy it from the tenant's overview in the Entra admin "
                         "center.");
            return std::nullopt;
        }
        return TenantReference(id.toString(QUuid::WithoutBraces).toLower(), true);
    }
    const QString lower = trimmed.toLower();
    if (lower.contains(QLatin1Char('@'))) {
        message = tr("\"%1\" looks like an account, not a tenant. Type only the part after the @, for example "
                     "contoso.onmicrosoft.com.")
                      .arg(trimmed);
        return std::nullopt;
    }
    if (!isDomainName(lower)) {
        message = tr("\"%1\" is neither a tenant ID (a GUID such as 6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01) nor a "
                     "domain name such as contoso.onmicrosoft.com.")
                      .arg(trimmed);
        return std::nullopt;
    }
    return TenantReference(lower, false);
}

} // namespace tb::model
