// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTimer>

namespace tbsandbox {

class World;

// The file that keeps the sandbox's state (tenants and registered sections, see StateDocument) across
// restarts: the standalone server's --state FILE, the in-process sandbox's file under the profile. Reads it
// at start; writes it atomically (QSaveFile) with mode 0600, since it holds the sandbox's signing key, shortly
// after changes and when the server stops. Never overwrites a file it could not read. Owned by SandboxServer;
// used only on the server's thread.
class StateFile final
{
public:
    // A save follows the last change by this much, so a burst of writes costs one save...
    static constexpr int kSaveDelayMs = 500;
    // ...but never by more than this after the first unsaved change, so a steady stream still reaches the disk.
    static constexpr int kLongestSaveDelayMs = 5000;

    StateFile(QString path, World& world);
    ~StateFile();
    Q_DISABLE_COPY_MOVE(StateFile)

    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool exists() const;

    // Reads the file into world. False with sentences that name the file and say what to do; the file is
    // left as it is.
    [[nodiscard]] bool load(QString* errorMessage);
    // From now on, every StateRegistry::markDirty() of world schedules a save.
    void watch();
    // Writes the file now. False with a sentence; the file on disk then stays the previous one.
    [[nodiscard]] bool save(QString* errorMessage);
    // Writes the file when anything changed since the last save; true when nothing had to be written.
    [[nodiscard]] bool saveIfDirty(QString* errorMessage);

    // True when load() read the file, false when the state started from the seeds.
    [[nodiscard]] bool wasLoaded() const { return m_loaded; }
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    [[nodiscard]] qint64 saveCount() const { return m_saveCount; }
    // Why the last scheduled save failed (it is retried on the next change and at stop); empty when it worked.
    [[nodiscard]] const QString& lastError() const { return m_lastError; }

private:
    void onDirty();
    void saveScheduled();

    QString m_path;
    World& m_world;
    QTimer m_timer;
    QElapsedTimer m_dirtySince;
    bool m_loaded = false;
    bool m_dirty = false;
    qint64 m_saveCount = 0;
    QString m_lastError;
};

} // namespace tbsandbox
