// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/state/StateFile.h"

#include "core/sandbox/World.h"
#include "core/sandbox/state/StateDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tbsandbox {

namespace {

const QString kWhatToDo = QStringLiteral("The sandbox did not start, so as not to overwrite it: move the file away "
                                         "to keep it, or start with --reset to replace it with the seed tenants.");

} // namespace

StateFile::StateFile(QString path, World& world)
    : m_path(std::move(path))
    , m_world(world)
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { saveScheduled(); });
}

StateFile::~StateFile()
{
    m_world.stateRegistry().setDirtyListener({});
}

bool StateFile::exists() const
{
    return QFileInfo::exists(m_path);
}

bool StateFile::load(QString* errorMessage)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QStringLiteral("Cannot read the sandbox state file %1: %2. %3")
                            .arg(QDir::toNativeSeparators(m_path), file.errorString(), kWhatToDo);
        return false;
    }
    QString reason;
    switch (StateDocument::read(file.readAll(), m_world, &reason)) {
    case StateDocument::ReadOutcome::Loaded:
        m_loaded = true;
        return true;
    case StateDocument::ReadOutcome::Newer:
        *errorMessage = QStringLiteral("The sandbox state file %1 cannot be used. %2 Start this version with "
                                       "--reset to replace it with the seed tenants, or move the file away to keep "
                                       "it for the newer version.")
                            .arg(QDir::toNativeSeparators(m_path), reason);
        return false;
    case StateDocument::ReadOutcome::Unusable:
        break;
    }
    *errorMessage = QStringLiteral("The sandbox state file %1 cannot be used. %2 %3")
                        .arg(QDir::toNativeSeparators(m_path), reason, kWhatToDo);
    return false;
}

void StateFile::watch()
{
    m_world.stateRegistry().setDirtyListener([this] { onDirty(); });
}

void StateFile::onDirty()
{
    if (!m_dirty) {
        m_dirty = true;
        m_dirtySince.start();
    }
    // Restart the delay unless that would push the save past the longest delay; then the running timer stands.
    if (!m_timer.isActive() || m_dirtySince.elapsed() + kSaveDelayMs <= kLongestSaveDelayMs) {
        m_timer.start(kSaveDelayMs);
    }
}

void StateFile::saveScheduled()
{
    QString error;
    if (!save(&error)) {
        // Nobody waits for a scheduled save: say it where the sandbox's operator looks, and try again later.
        m_lastError = error;
        qWarning("%s", qUtf8Printable(error));
        return;
    }
    m_lastError.clear();
}

bool StateFile::save(QString* errorMessage)
{
    const QString shownPath = QDir::toNativeSeparators(m_path);
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *errorMessage = QStringLiteral("Cannot save the sandbox state: the folder %1 cannot be created. Make sure you "
                                       "may write to the folder above it and its disk has room, then start again.")
                            .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = QStringLiteral("Cannot save the sandbox state to %1: %2. Make sure you may write to that "
                                       "folder and its disk has room, then start again.")
                            .arg(shownPath, file.errorString());
        return false;
    }
    // Before the first byte: the file holds the sandbox's signing key. QSaveFile otherwise keeps the mode of
    // the file it replaces, or gives a new one the umask's.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        *errorMessage = QStringLiteral("Cannot save the sandbox state to %1: its access cannot be limited to you (%2).")
                            .arg(shownPath, file.errorString());
        return false;
    }
    if (!StateDocument::write(m_world, file) || !file.commit()) {
        *errorMessage
            = QStringLiteral("Cannot save the sandbox state to %1: %2. The previous file is unchanged; free "
                             "some space on its disk, or make the file writable, and the next change saves it.")
                  .arg(shownPath, file.errorString());
        return false;
    }
    m_dirty = false;
    m_timer.stop();
    ++m_saveCount;
    return true;
}

bool StateFile::saveIfDirty(QString* errorMessage)
{
    return !m_dirty || save(errorMessage);
}

} // namespace tbsandbox
