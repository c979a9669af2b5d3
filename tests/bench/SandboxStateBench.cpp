// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Saves and loads the sandbox state file the way SandboxServer does (StateFile, a real file in a temporary
// folder) and prints wall time and file size: once for the four seed tenants, once for a generated tenant.
// Prints figures; asserts no times.
//
//   SandboxStateBench [--users N]   (default 100000)

#include "BenchMeasures.h"
#include "core/sandbox/SeedLoader.h"
#include "core/sandbox/TenantGenerator.h"
#include "core/sandbox/World.h"
#include "core/sandbox/state/StateFile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

using tb::bench::figure;
using tb::bench::out;
using tbsandbox::World;

namespace {

// Saves world to path, loads it into a fresh world, prints one line, and for the generated tenant the table's
// figures; false with the sentence on failure.
bool measure(const QString& label, World& world, const QString& path, bool tableFigures)
{
    using tbsandbox::StateFile;
    QString error;
    QElapsedTimer timer;
    timer.start();
    StateFile writer(path, world);
    if (!writer.save(&error)) {
        out() << label << ": " << error << "\n";
        return false;
    }
    const qint64 saveMs = timer.elapsed();
    tbsandbox::World restored;
    timer.restart();
    StateFile reader(path, restored);
    if (!reader.load(&error)) {
        out() << label << ": " << error << "\n";
        return false;
    }
    const qint64 loadMs = timer.elapsed();
    qsizetype users = 0;
    for (const auto& tenant : restored.tenants()) {
        users += static_cast<qsizetype>(tenant->users().size());
    }
    out() << QStringLiteral("%1: %2 tenants, %3 users; save %4 ms, load %5 ms, file %6 KiB; peak RSS so far %7 MiB")
                 .arg(label)
                 .arg(restored.tenants().size())
                 .arg(users)
                 .arg(saveMs)
                 .arg(loadMs)
                 .arg(QFileInfo(path).size() / 1024)
                 .arg(tb::bench::peakRssMb(), 0, 'f', 0)
          << "\n";
    out().flush();
    if (tableFigures) {
        figure(QStringLiteral("Sandbox state file, save of a %1-user tenant").arg(users), static_cast<double>(saveMs),
            QStringLiteral("ms"), QString(), 0);
        figure(QStringLiteral("Sandbox state file, load of a %1-user tenant").arg(users), static_cast<double>(loadMs),
            QStringLiteral("ms"), QString(), 0);
        figure(QStringLiteral("Sandbox state file, size with %1 users").arg(users),
            static_cast<double>(QFileInfo(path).size()) / 1048576.0, QStringLiteral("MB"));
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    int users = 100000;
    const qsizetype usersAt = arguments.indexOf(QStringLiteral("--users"));
    if (usersAt > 0 && usersAt + 1 < arguments.size()) {
        users = arguments.at(usersAt + 1).toInt();
    }
    if (users < 1 || users > tbsandbox::TenantGenerator::kMaxUsers) {
        out() << "Usage: SandboxStateBench [--users 1.." << tbsandbox::TenantGenerator::kMaxUsers << "]\n";
        return 2;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out() << "Cannot create a temporary folder.\n";
        return 1;
    }

    World seeds;
    QString error;
    if (!tbsandbox::SeedLoader::loadCompiledSeeds(seeds, &error)) {
        out() << error << "\n";
        return 1;
    }
    if (!measure(QStringLiteral("seeds"), seeds, dir.filePath(QStringLiteral("seeds.json")), false)) {
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    World generated;
    if (!generated.addTenant(tbsandbox::TenantGenerator::generate(QStringLiteral("big"), users), &error)) {
        out() << error << "\n";
        return 1;
    }
    out() << "generated big (" << users << " users) in " << timer.elapsed() << " ms\n";
    const bool measured
        = measure(QStringLiteral("generated"), generated, dir.filePath(QStringLiteral("generated.json")), true);
    return measured ? 0 : 1;
}
