// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/SetupState.h"
#include "tests/support/WorkspaceOnSandbox.h"

#include <catch2/catch.hpp>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QMessageBox;
class QSignalSpy;

namespace tb {
class Workspace;
} // namespace tb

namespace tb::graph {
class GraphClient;
class GraphRequest;
} // namespace tb::graph

namespace tb::ui {
class TopologyPage;
} // namespace tb::ui

namespace tbsandbox {
class RequestLog;
} // namespace tbsandbox

namespace tb::test {

// What the GUI tests share: widgets found by object name, screenshots saved as test artefacts (TB_ARTIFACT_DIR),
// the signed-in pair most dialogs and pages stand on, and the pair's configuration made as an administrator makes
// it, on the topology page. Compiled into the GUI test binary only: it needs the widgets of ui/. Main thread.
class GuiTestSupport final
{
public:
    // Rounds of posted events a screenshot lets run first: rows added to a visible list are shown and laid out by
    // posted events.
    static constexpr int kSettleRounds = 3;

    // Contoso (source) and Fabrikam (target) signed in with the setup scopes on an in-process sandbox.
    struct SignedInPair : WorkspaceOnSandbox
    {
        SignedInPair();
    };

    GuiTestSupport() = delete;

    // The child of parent with that object name and type; fails the test if there is none.
    template <typename T>
    [[nodiscard]] static T* child(const QWidget& parent, const char* objectName)
    {
        auto* found = parent.findChild<T*>(QString::fromLatin1(objectName));
        REQUIRE(found != nullptr);
        return found;
    }

    // The text of the QLabel child with that object name.
    [[nodiscard]] static QString labelText(const QWidget& parent, const char* objectName);

    // Sends the posted events and processes the others, rounds times.
    static void settle(int rounds = kSettleRounds);

    // Grabs widget into TB_ARTIFACT_DIR/fileName after settle(settleRounds); 0 grabs it as it stands.
    static void saveScreenshot(QWidget& widget, const QString& fileName, int settleRounds = kSettleRounds);

    // The confirmation's accepting button (the one that is not Cancel); fails the test if there is none.
    [[nodiscard]] static QAbstractButton* acceptingButton(const QMessageBox& box);

    // Asks the shown page to apply its plan, accepts the confirmation and waits until the plan succeeded and the
    // tenants were read again (stateRead: a spy on the page made before it was shown, so at two then).
    static void applyAndConfirm(ui::TopologyPage& page, const QSignalSpy& stateRead);

    // The configuration and its job, made as an administrator makes them: Apply on the topology page.
    [[nodiscard]] static setup::SetupState applyOnTopologyPage(Workspace& workspace);

    // The answer's JSON; fails the test unless the request succeeded.
    [[nodiscard]] static QJsonObject readJson(graph::GraphClient& client, const graph::GraphRequest& request);

    // Assigns the source users to the configuration and starts its job, as the administrator would in the portal.
    static void assignAndStart(Workspace& workspace, const setup::SetupState& state, const QStringList& users);

    // How many requests other than GET the sandbox answered after since.
    [[nodiscard]] static qsizetype writesSince(tbsandbox::RequestLog& log, qint64 since);
};

} // namespace tb::test
