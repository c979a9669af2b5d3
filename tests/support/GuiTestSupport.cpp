// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/GuiTestSupport.h"

#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/model/TenantRole.h"
#include "core/sandbox/RequestLog.h"
#include "tests/support/GraphWait.h"
#include "tests/support/SignalWaiter.h"
#include "ui/pages/TopologyPage.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>

namespace tb::test {

GuiTestSupport::SignedInPair::SignedInPair()
{
    startSignedIn(setupScopes);
}

QString GuiTestSupport::labelText(const QWidget& parent, const char* objectName)
{
    return child<QLabel>(parent, objectName)->text();
}

void GuiTestSupport::settle(int rounds)
{
    for (int round = 0; round < rounds; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

void GuiTestSupport::saveScreenshot(QWidget& widget, const QString& fileName, int settleRounds)
{
    // TB_ARTIFACT_DIR: defined for each test tier by tests/CMakeLists.txt.
    const QString folder = QStringLiteral(TB_ARTIFACT_DIR);
    QDir().mkpath(folder);
    settle(settleRounds);
    CHECK(widget.grab().save(QDir(folder).filePath(fileName)));
}

QAbstractButton* GuiTestSupport::acceptingButton(const QMessageBox& box)
{
    for (QAbstractButton* candidate : box.buttons()) {
        if (box.buttonRole(candidate) == QMessageBox::AcceptRole) {
            return candidate;
        }
    }
    FAIL("the confirmation has no accepting button");
    return nullptr;
}

void GuiTestSupport::applyAndConfirm(ui::TopologyPage& page, const QSignalSpy& stateRead)
{
    QSignalSpy finished(&page, &ui::TopologyPage::applyFinished);
    page.apply();
    REQUIRE(page.applyConfirmation() != nullptr);
    page.applyConfirmation()->button(QMessageBox::Ok)->click();
    REQUIRE(SignalWaiter::waitForCount(finished));
    REQUIRE(finished.first().first().toBool());
    REQUIRE(SignalWaiter::waitForCount(stateRead, 2));
}

setup::SetupState GuiTestSupport::applyOnTopologyPage(Workspace& workspace)
{
    ui::TopologyPage page(workspace);
    QSignalSpy read(&page, &ui::TopologyPage::stateRead);
    page.show();
    REQUIRE(SignalWaiter::waitForCount(read));
    applyAndConfirm(page, read);
    REQUIRE(page.state().configuration.has_value());
    REQUIRE(page.state().configuration->hasJob());
    return page.state();
}

QJsonObject GuiTestSupport::readJson(graph::GraphClient& client, const graph::GraphRequest& request)
{
    const auto response = GraphWait::response(client.send(request));
    REQUIRE(response.has_value());
    INFO(response->error().userMessage().toStdString());
    REQUIRE(response->isSuccess());
    return response->json();
}

void GuiTestSupport::assignAndStart(Workspace& workspace, const setup::SetupState& state, const QStringList& users)
{
    graph::GraphClient& source = *workspace.setupClient(model::TenantRole::Source);
    const QString spId = state.configuration->servicePrincipalId;
    const QString roleId = graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(readJson(source,
        graph::GraphRequest::get(QStringLiteral("/servicePrincipals/") + graph::GraphRequest::pathSegment(spId))));
    for (const QString& user : users) {
        const QString userId = readJson(
            source, graph::GraphRequest::get(QStringLiteral("/users/") + graph::GraphRequest::pathSegment(user)))
                                   .value(QLatin1String("id"))
                                   .toString();
        const auto assigned
            = GraphWait::response(graph::AppRoleAssignmentEndpoints(source).addAssignment(spId, userId, roleId));
        REQUIRE(assigned.has_value());
        REQUIRE(assigned->isSuccess());
    }
    const auto started = GraphWait::response(source.send(graph::GraphRequest::post(
        QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start")
            .arg(graph::GraphRequest::pathSegment(spId), graph::GraphRequest::pathSegment(state.configuration->jobId)),
        {})));
    REQUIRE(started.has_value());
    REQUIRE(started->isSuccess());
}

qsizetype GuiTestSupport::writesSince(tbsandbox::RequestLog& log, qint64 since)
{
    qsizetype writes = 0;
    for (const tbsandbox::RequestLogEntry& entry : log.entriesAfter(since)) {
        writes += entry.method == QStringLiteral("GET") ? 0 : 1;
    }
    return writes;
}

} // namespace tb::test
