// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;

namespace tb {
class Workspace;
}

namespace tb::setup {
class SetupStateReader;
}

namespace tb::ui {

class MessageBanner;

// Finds the signed-in pair's cross-tenant synchronization configuration and job for the pages that work on it (Test
// users, Rollout, Sync logs) when the topology page has not handed its state over: a SetupStateReader with the
// topology page's default configuration name. Tells the page's progress line and banner how a read goes, so each page
// only reacts to the state it gets. One read at a time; GUI thread; the workspace must outlive it.
class PairConfigurationReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PairConfigurationReader)

public:
    // Whether a page that cannot read for want of a sign-in says so on its banner; a page with something to show
    // offline stays quiet.
    enum class NotSignedIn { Tell, StayQuiet };

    explicit PairConfigurationReader(Workspace& workspace, QObject* parent = nullptr);

    // Where a page shows its reads: progressLabel says "Finding the configuration of Contoso and Fabrikam…" until the
    // read ends, then is cleared (before finished); a failure's message goes to banner as an error (before failed),
    // and with NotSignedIn::Tell so does notSignedInMessage() when readWhenShown() cannot start. Either may be null.
    void showReadsOn(QLabel* progressLabel, MessageBanner* banner, NotSignedIn notSignedIn);
    // For a page's showEvent: reads unless the page already knows its state or a read is under way.
    void readWhenShown(bool stateKnown);
    // Starts a read. False (nothing emitted) while one is under way or when a tenant is not signed in; then
    // notSignedInMessage() is what to show.
    bool read();
    [[nodiscard]] bool isReading() const { return !m_reader.isNull(); }

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
    QPointer<QLabel> m_progressLabel;
    QPointer<MessageBanner> m_banner;
    NotSignedIn m_notSignedIn = NotSignedIn::StayQuiet;
};

} // namespace tb::ui
