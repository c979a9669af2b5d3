// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the log benchmarks measure besides time: printing, the size of a profile database with its WAL, the peak
// resident set size and the CPU time of the process. Linux only, as the benchmarks are.

#include <QFileInfo>
#include <QString>
#include <QTextStream>

#include <sys/resource.h>

namespace tb::bench {

inline QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
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

} // namespace tb::bench
