// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/ExitCode.h"

#include <QObject>
#include <QString>

class QCommandLineParser;

namespace tb {
class Workspace;
}

namespace tb::cli {

class CliOutput;

// One command of tenantbridge-cli: its options, a check of them before anything starts, and the work once
// the workspace is ready (start()). Ends with exactly one finished(). Owned by main; main thread.
class CliCommand : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCommand)

public:
    explicit CliCommand(CliOutput& output, QObject* parent = nullptr);

    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0;
    // How many words after its name the command takes (job: status|start|pause|restart); main refuses more.
    [[nodiscard]] virtual int positionalCount() const { return 0; }
    virtual void addOptions(QCommandLineParser& parser) = 0;
    // Reads the parsed options; returns a sentence saying what is wrong, or nothing.
    [[nodiscard]] virtual QString readOptions(const QCommandLineParser& parser) = 0;
    // Runs the command on a ready workspace, which must outlive it.
    void start(Workspace& workspace);

signals:
    void finished(tb::cli::ExitCode code);

protected:
    virtual void run() = 0;
    void finish(ExitCode code);
    [[nodiscard]] Workspace& workspace() const { return *m_workspace; }

    CliOutput& m_output;

private:
    Workspace* m_workspace = nullptr;
    bool m_finished = false;
};

} // namespace tb::cli
