// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace tb {
class Workspace;
}

namespace tb::setup {
class SetupStateReader;
}

namespace tb::ui {

// Finds the signed-in pair's cross-tenant synchronization configuration and job for the pages that work on it (Test
// users, Rollout) when the topology page has not handed its state over: a SetupStateReader with the topology
// page's default configuration name. One read at a time; GUI thread; the workspace must outlive it.
class PairConfigurationReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PairConfigurationReader)

public:
    explicit PairConfigurationReader(Workspace& workspace, QObject* parent = nullptr);

    // Starts a read. False (nothing emitted) while one is under way or when a tenant is not signed in; then
    // notSignedInMessage() is what to show.
    bool read();
    [[nodiscard]] bool isReading() const { return !m_reader.isNull(); }
    // "Finding the configuration of Contoso and Fabrikam…", for a progress line while reading.
    [[nodiscard]] QString progressText() const { return m_progressText; }

    [[nodiscard]] static QString notSignedInMessage();
    // What to show when the pair has no configuration with a job; purpose ends the sentence: "… then come back to
    // <purpose>" ("test users", "plan the rollout").
    [[nodiscard]] static QString noJobMessage(const setup::SetupState& state, const QString& purpose);
    [[nodiscard]] static bool hasJob(const setup::SetupState& state);

signals:
    void finished(const tb::setup::SetupState& state);
    void failed(const QString& userMessage);

private:
    Workspace& m_workspace;
    QPointer<setup::SetupStateReader> m_reader;
    QString m_progressText;
};

} // namespace tb::ui
