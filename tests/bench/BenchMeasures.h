// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks share: printing (and the FIGURE lines of the benchmark table), spinning the event loop, the
// size of a profile database with its WAL, the resident set size and the CPU time of the process. Linux only, as
// the benchmarks are.

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTextStream>

#include <sys/resource.h>

#include <functional>

namespace tb::bench {

inline QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Runs the event loop until done() or the ceiling; false on the ceiling.
inline bool spin(const std::function<bool()>& done, int ceilingMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ceilingMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// The database file with its -wal and -shm files, in bytes.
inline qint64 databaseSize(const QString& path)
{
    qint64 total = 0;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        total += QFileInfo(path + suffix).size();
    }
    return total;
}

inline QString megabytes(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / 1048576.0, 'f', 0) + QStringLiteral(" MB");
}

inline double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

// User + system CPU time of the whole process (an import uses more than one thread).
inline double processCpuS()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A field of /proc/self/status in MB: "VmRSS" (resident now) or "VmHWM" (the peak); -1 when unreadable.
inline double statusMb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray wanted = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(wanted)) {
            return line.mid(wanted.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

// One row of the benchmark table: tests/bench/bench-table.sh collects the lines
// "FIGURE<TAB>what<TAB>value<TAB>unit<TAB>target" that every benchmark prints besides its own report.
inline void figure(
    const QString& what, double value, const QString& unit, const QString& target = QString(), int decimals = 1)
{
    out() << "FIGURE\t" << what << '\t' << QString::number(value, 'f', decimals) << '\t' << unit << '\t' << target
          << '\n';
    out().flush();
}

} // namespace tb::bench
