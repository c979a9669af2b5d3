// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/GraphResponse.h"

namespace tb::graph {

QByteArray GraphResponse::header(const QByteArray& lowerCaseName) const
{
    return m_headers.value(lowerCaseName.toLower());
}

} // namespace tb::graph
