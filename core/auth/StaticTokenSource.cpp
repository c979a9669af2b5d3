// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/StaticTokenSource.h"

#include "core/CoreLogging.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace tb::auth {

StaticTokenSource::StaticTokenSource(QHash<QString, QString> tokensByTenantId)
{
    // Tenant ids are GUIDs; compare them case-insensitively as Entra does.
    for (auto it = tokensByTenantId.cbegin(); it != tokensByTenantId.cend(); ++it) {
        m_tokens.insert(it.key().toLower(), it.value());
    }
}

void StaticTokenSource::setToken(const QString& tenantId, const QString& accessToken)
{
    m_tokens.insert(tenantId.toLower(), accessToken);
}

void StaticTokenSource::removeToken(const QString& tenantId)
{
    m_tokens.remove(tenantId.toLower());
}

bool StaticTokenSource::hasToken(const QString& tenantId) const
{
    return m_tokens.contains(tenantId.toLower());
}

void StaticTokenSource::requestToken(const TokenRequest& request, QObject* context, Callback callback)
{
    if (context == nullptr) {
        qCWarning(lcAuth) << "token requested without a context object; nobody could receive it";
        return;
    }
    TokenResult result;
    const auto it = m_tokens.constFind(request.tenantId.toLower());
    if (it == m_tokens.cend() || it.value().isEmpty()) {
        result.errorCode = QStringLiteral("no_token");
        result.errorMessage = QStringLiteral("No access token is configured for tenant %1. Sign in to that tenant "
                                             "or check the sandbox catalog.")
                                  .arg(request.tenantId);
    } else {
        result.accessToken = it.value();
    }
    // The interface promises a later, queued answer that is dropped with its context.
    QMetaObject::invokeMethod(
        context, [callback = std::move(callback), result] { callback(result); }, Qt::QueuedConnection);
}

void StaticTokenSource::reportRejected(const TokenRequest& request, const QString& accessToken)
{
    Q_UNUSED(accessToken)
    ++m_rejectedCount;
    qCWarning(lcAuth) << "the service rejected the static token for tenant" << request.tenantId
                      << "- a static token cannot be refreshed";
}

} // namespace tb::auth
