// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// GUI start to first painted window, and idle memory: the main window on the built-in sandbox's sample tenants, as
// the app opens when no tenant is configured (offscreen unless QT_QPA_PLATFORM says otherwise):
//  1. from the start of main() until the main window has painted for the first time (the application object, the
//     sandbox started, the workspace and every page built, the window shown);
//  2. until the workspace is ready (profile database opened and migrated, sessions looked up);
//  3. after N seconds with nothing to do: the resident set size (VmRSS) and its peak (VmHWM).
// Each run uses a new profile database in a temporary folder and sessions in memory, like a first start. Prints
// figures; asserts no times.
//
//   StartupBench [--idle-seconds N]   (default 5)

#include "BenchMeasures.h"
#include "core/Workspace.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

using tb::bench::figure;
using tb::bench::out;
using tb::bench::spin;
using tb::bench::statusMb;

namespace {

// Notes the first paint of any widget in one window.
class FirstPaintWatch final : public QObject
{
public:
    FirstPaintWatch(const QWidget& window, const QElapsedTimer& clock)
        : m_window(window)
        , m_clock(clock)
    { }

    [[nodiscard]] qint64 paintedAtMs() const { return m_paintedAtMs; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (m_paintedAtMs < 0 && event->type() == QEvent::Paint) {
            const auto* widget = qobject_cast<const QWidget*>(watched);
            if (widget && widget->window() == &m_window) {
                m_paintedAtMs = m_clock.elapsed();
            }
        }
        return false;
    }

private:
    const QWidget& m_window;
    const QElapsedTimer& m_clock;
    qint64 m_paintedAtMs = -1;
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer clock;
    clock.start();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    // Its own settings: the window's saved geometry and pages must not come from (or go to) a real profile.
    QApplication::setOrganizationName(QStringLiteral("TenantBridgeBench"));
    QApplication::setApplicationName(QStringLiteral("StartupBench"));
    int idleSeconds = 5;
    const QStringList arguments = QApplication::arguments();
    const qsizetype idleAt = arguments.indexOf(QStringLiteral("--idle-seconds"));
    if (idleAt > 0 && idleAt + 1 < arguments.size()) {
        idleSeconds = std::max(0, arguments.at(idleAt + 1).toInt());
    }

    QTemporaryDir folder;
    tbsandbox::SandboxServer sandbox {tbsandbox::SandboxOptions {}};
    QString problem;
    if (!folder.isValid() || !sandbox.start(&problem)) {
        out() << "the sandbox did not start: " << problem << "\n";
        return 1;
    }
    tb::WorkspaceOptions options;
    options.sandboxUrl = sandbox.baseUrl();
    options.sandboxInProcess = true;
    options.auth.loginHost = sandbox.baseUrl();
    options.auth.graphHost = sandbox.baseUrl();
    options.secretStorage = tb::WorkspaceOptions::SecretStorage::MemoryOnly;
    options.databasePath = folder.filePath(QStringLiteral("startup.sqlite"));
    tb::Workspace workspace(options);
    tb::ui::MainWindow window(workspace);
    FirstPaintWatch watch(window, clock);
    app.installEventFilter(&watch);
    qint64 readyAtMs = -1;
    QObject::connect(&workspace, &tb::Workspace::ready, &app, [&] { readyAtMs = clock.elapsed(); });
    window.show();
    workspace.start();
    if (!spin([&] { return watch.paintedAtMs() >= 0 && readyAtMs >= 0; }, 60000)) {
        out() << "the window did not paint or the workspace was not ready within 60 s\n";
        return 1;
    }
    app.removeEventFilter(&watch);
    const double startupRss = statusMb("VmRSS");
    (void)spin([] { return false; }, idleSeconds * 1000); // idle: nothing ends it but the time
    const double idleRss = statusMb("VmRSS");
    const double peak = statusMb("VmHWM");

    out() << "StartupBench: the main window on the built-in sandbox (" << QApplication::platformName() << ")\n";
    out() << "  main() to first paint:  " << watch.paintedAtMs() << " ms\n";
    out() << "  main() to workspace ready: " << readyAtMs << " ms\n";
    out() << "  RSS after start: " << QString::number(startupRss, 'f', 1) << " MB; after " << idleSeconds
          << " s idle: " << QString::number(idleRss, 'f', 1) << " MB (peak " << QString::number(peak, 'f', 1)
          << " MB)\n";
    figure(QStringLiteral("GUI start to first painted window"), static_cast<double>(watch.paintedAtMs()),
        QStringLiteral("ms"), QString(), 0);
    figure(QStringLiteral("GUI start to workspace ready"), static_cast<double>(readyAtMs), QStringLiteral("ms"),
        QString(), 0);
    figure(QStringLiteral("GUI idle memory (VmRSS after %1 s)").arg(idleSeconds), idleRss, QStringLiteral("MB"));
    return 0;
}
