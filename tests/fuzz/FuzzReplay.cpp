// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Replays files through the fuzz targets' entry points without libFuzzer, so that the normal build (and the ASan
// build) runs every seed and every saved crash input as a test:
//   tb-fuzz-replay TARGET FILE_OR_FOLDER...
// Each target's LLVMFuzzerTestOneInput is compiled into this program under another name (tests/fuzz/CMakeLists.txt).
// A broken invariant aborts, which fails the test; otherwise prints how many files ran and exits 0. An empty folder
// is an error, so a misplaced corpus cannot pass silently.
#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

using Entry = int (*)(const uint8_t* data, size_t size);

// The renamed entry points, one per target.
#define TB_FUZZ_TARGET(name) extern "C" int tbFuzzEntry_##name(const uint8_t* data, size_t size);
#include "tests/fuzz/FuzzTargets.h"
#undef TB_FUZZ_TARGET

namespace {

struct Target
{
    const char* name;
    Entry entry;
};

#define TB_FUZZ_TARGET(name) {#name, &tbFuzzEntry_##name},
const Target kTargets[] = {
#include "tests/fuzz/FuzzTargets.h"
};
#undef TB_FUZZ_TARGET

QStringList filesOf(const QString& path)
{
    if (QFileInfo(path).isDir()) {
        QStringList files;
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files.append(it.next());
        }
        files.sort();
        return files;
    }
    return {path};
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s TARGET FILE_OR_FOLDER...\n", argv[0]);
        return 2;
    }
    const QString name = QString::fromLocal8Bit(argv[1]);
    Entry entry = nullptr;
    for (const Target& target : kTargets) {
        if (name == QLatin1String(target.name)) {
            entry = target.entry;
        }
    }
    if (entry == nullptr) {
        std::fprintf(stderr, "unknown fuzz target '%s'; see tests/fuzz/FuzzTargets.h for the list\n", argv[1]);
        return 2;
    }
    int replayed = 0;
    for (int i = 2; i < argc; ++i) {
        const QStringList files = filesOf(QString::fromLocal8Bit(argv[i]));
        if (files.isEmpty()) {
            std::fprintf(stderr, "%s holds no input files\n", argv[i]);
            return 1;
        }
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(path));
            entry(reinterpret_cast<const uint8_t*>(bytes.constData()), static_cast<size_t>(bytes.size()));
            ++replayed;
        }
    }
    std::printf("%s: %d input(s) replayed, every invariant held\n", argv[1], replayed);
    return 0;
}
