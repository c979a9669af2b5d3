// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/StringTable.h"

namespace tbsandbox {

StringTable::StringTable()
{
    m_values.append(QString());
}

quint32 StringTable::intern(const QString& text)
{
    if (text.isNull()) {
        return 0;
    }
    const auto found = m_indexOf.constFind(text);
    if (found != m_indexOf.constEnd()) {
        return found.value();
    }
    const auto index = static_cast<quint32>(m_values.size());
    m_values.append(text);
    m_indexOf.insert(text, index);
    return index;
}

} // namespace tbsandbox
