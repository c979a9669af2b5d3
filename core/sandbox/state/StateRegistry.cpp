// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/state/StateRegistry.h"

namespace tbsandbox {

StateRegistry::StateRegistry() = default;
StateRegistry::~StateRegistry() = default;

bool StateRegistry::registerSection(StateSection section, QString* errorMessage)
{
    if (section.name.isEmpty() || !section.save || !section.load || hasSection(section.name)) {
        *errorMessage = QStringLiteral("The state section \"%1\" is registered twice, or without a name or "
                                       "functions.")
                            .arg(section.name);
        return false;
    }
    // Registered after the file was read: its saved JSON waits among the kept sections.
    if (m_kept.contains(section.name)) {
        QString reason;
        if (!section.load(m_kept.value(section.name).toObject(), &reason)) {
            *errorMessage = QStringLiteral("The saved state section \"%1\" was refused: %2").arg(section.name, reason);
            return false;
        }
        m_kept.remove(section.name);
    } else {
        markDirty();
    }
    m_sections.append(std::move(section));
    return true;
}

void StateRegistry::unregisterSection(const QString& name)
{
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).name == name) {
            m_kept.insert(name, m_sections.at(i).save());
            m_sections.removeAt(i);
            return;
        }
    }
}

bool StateRegistry::hasSection(const QString& name) const
{
    for (const StateSection& section : m_sections) {
        if (section.name == name) {
            return true;
        }
    }
    return false;
}

QJsonObject StateRegistry::saveSections() const
{
    QJsonObject result = m_kept;
    for (const StateSection& section : m_sections) {
        result.insert(section.name, section.save());
    }
    return result;
}

bool StateRegistry::loadSections(const QJsonObject& sections, QString* errorMessage)
{
    for (auto it = sections.begin(); it != sections.end(); ++it) {
        if (!it.value().isObject()) {
            *errorMessage = QStringLiteral("section \"%1\" is not a JSON object").arg(it.key());
            return false;
        }
        if (!hasSection(it.key())) {
            m_kept.insert(it.key(), it.value());
        }
    }
    for (const StateSection& section : std::as_const(m_sections)) {
        if (!sections.contains(section.name)) {
            markDirty();
            continue;
        }
        QString reason;
        if (!section.load(sections.value(section.name).toObject(), &reason)) {
            if (reason.endsWith(QLatin1Char('.'))) {
                reason.chop(1);
            }
            *errorMessage = QStringLiteral("section \"%1\" was refused: %2").arg(section.name, reason);
            return false;
        }
    }
    return true;
}

void StateRegistry::markDirty()
{
    if (m_dirtyListener) {
        m_dirtyListener();
    }
}

void StateRegistry::setDirtyListener(std::function<void()> listener)
{
    m_dirtyListener = std::move(listener);
}

} // namespace tbsandbox
