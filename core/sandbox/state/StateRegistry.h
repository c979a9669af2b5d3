// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/state/StateSection.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace tbsandbox {

// The extension point of the state file: parts of the sandbox other than the tenants register a named
// section with a save and a load function, and everything that changes state worth keeping calls markDirty().
// Owned by World so that every controller can reach it without new plumbing; used only on the server's thread.
//
// Sections found in a file that nobody registered are kept as they were and written back, so a sandbox
// started without a feature does not erase that feature's state.
class StateRegistry final
{
public:
    StateRegistry();
    ~StateRegistry();
    Q_DISABLE_COPY_MOVE(StateRegistry)

    // Adds a section. load() is called with the section's saved JSON once the file is read (in
    // SandboxServer::start()), or right away when the file was read already; a file without the section
    // leaves the owner's fresh state, which is then saved soon. False with a sentence when the name is empty
    // or taken, or when load() refuses the saved JSON (which is then kept as it was).
    [[nodiscard]] bool registerSection(StateSection section, QString* errorMessage);
    // Removes a section whose owner goes away before the server; its last save() is kept and written as is.
    void unregisterSection(const QString& name);
    [[nodiscard]] bool hasSection(const QString& name) const;

    // Every registered section's save() plus the kept ones, by name.
    [[nodiscard]] QJsonObject saveSections() const;
    // Hands each registered section its saved JSON and keeps the others. False with a sentence naming the
    // section when a load function refuses its JSON. Marks the state dirty when a registered section is missing.
    [[nodiscard]] bool loadSections(const QJsonObject& sections, QString* errorMessage);

    // Says that something worth keeping changed; the state file saves soon after. Cheap; does nothing when
    // the sandbox keeps its state in memory only.
    void markDirty();
    // Set by the state file; an empty function stops listening.
    void setDirtyListener(std::function<void()> listener);

private:
    QList<StateSection> m_sections;
    QJsonObject m_kept;
    std::function<void()> m_dirtyListener;
};

} // namespace tbsandbox
