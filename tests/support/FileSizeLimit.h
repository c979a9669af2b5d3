// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace tb::test {

// A full disk for this process, without root and without a mount: RLIMIT_FSIZE caps the size of every regular file
// the process writes, and with SIGXFSZ ignored a write past the cap fails with EFBIG (a write that crosses it is cut
// short) instead of killing the process. For as long as the object lives; the previous limit and signal handler come
// back in the destructor. A child process started meanwhile inherits the limit: use applyInChild() in a
// QProcess child modifier to limit only the child. Linux and other POSIX systems; test thread only.
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(qint64 maxFileBytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    [[nodiscard]] bool isActive() const { return m_active; }
    // Puts the previous limit back before the destructor does (the user freed space).
    void lift();

    // For QProcess::setChildProcessModifier: ignore SIGXFSZ and cap files at maxFileBytes in the child only
    // (async-signal-safe calls only).
    static void applyInChild(qint64 maxFileBytes);

private:
    bool m_active = false;
    quint64 m_previousSoft = 0;
    quint64 m_previousHard = 0;
    void* m_previousHandler = nullptr;
};

} // namespace tb::test
