// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace tbsandbox {

// Interns the strings that repeat across users (names, departments, titles, countries) so a user stores a
// 4-byte index per property instead of a QString; that is what lets a generated tenant hold a million users.
// Index 0 is the null string (JSON null). Owned by TenantState; same thread.
class StringTable final
{
public:
    StringTable();

    // The index of text, adding it when new; 0 for a null QString. An empty but non-null text is kept apart.
    [[nodiscard]] quint32 intern(const QString& text);
    [[nodiscard]] const QString& at(quint32 index) const { return m_values.at(index); }
    [[nodiscard]] qsizetype size() const { return m_values.size(); }

private:
    QList<QString> m_values;
    QHash<QString, quint32> m_indexOf;
};

} // namespace tbsandbox
