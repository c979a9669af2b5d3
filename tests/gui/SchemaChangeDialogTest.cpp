// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// "Scope and mappings…" against an in-process sandbox, as an administrator uses it: the pair set up on the
// topology page, five users assigned and synchronized by a cycle, then a scoping group added in the form (three of
// them leave scope: listed, nothing written), saved after the confirmation and read back; and a mapping changed to a
// constant (every synchronized user updated), then a schema file compared and its refused save explained. Writes are
// counted by the sandbox (GET /_sandbox/stats).
#include "ui/dialogs/SchemaChangeDialog.h"
#include "core/Workspace.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphRequest.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/sync/ProvisioningService.h"
#include "core/sync/ImpactResult.h"
#include "tests/support/GraphWait.h"
#include "tests/support/GuiTestSupport.h"
#include "tests/support/SignalWaiter.h"
#include "ui/pages/TestUsersPage.h"
#include "ui/widgets/MessageBanner.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using tb::model::SynchronizationSchema;
using tb::sync::ImpactResult;
using tb::test::GraphWait;
using tb::test::GuiTestSupport;
using tb::test::SignalWaiter;
using tb::ui::SchemaChangeDialog;
using Change = tb::sync::ImpactResult::Change;

namespace {

const QString kDomain = QStringLiteral("@contoso.onmicrosoft.com");
// Two in Sales, three elsewhere.
const QStringList kUsers {QStringLiteral("adele.vance"), QStringLiteral("tomas.fernandez"),
    QStringLiteral("christie.hubert"), QStringLiteral("emily.graham"), QStringLiteral("henrietta.chen")};

struct SignedInPair : GuiTestSupport::SignedInPair
{
    [[nodiscard]] tb::graph::GraphClient& source() const
    {
        tb::graph::GraphClient* client = workspace->setupClient(tb::model::TenantRole::Source);
        REQUIRE(client != nullptr);
        return *client;
    }

    // Writes the sandbox counted over all tenants.
    [[nodiscard]] qint64 writes()
    {
        QNetworkAccessManager network;
        QNetworkReply* reply
            = network.get(QNetworkRequest(QUrl(sandbox.baseUrl().toString() + QStringLiteral("/_sandbox/stats"))));
        REQUIRE(SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
        REQUIRE(reply->error() == QNetworkReply::NoError);
        const QJsonObject tenants
            = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("tenants")).toObject();
        reply->deleteLater();
        REQUIRE_FALSE(tenants.isEmpty());
        qint64 total = 0;
        for (auto it = tenants.begin(); it != tenants.end(); ++it) {
            total += it.value().toObject().value(QLatin1String("writes")).toInteger();
        }
        return total;
    }

    [[nodiscard]] SynchronizationSchema readSchema(const tb::setup::SetupState& state) const
    {
        const auto response = GraphWait::response(tb::graph::SynchronizationSchemaEndpoints(source()).getSchema(
            state.configuration->servicePrincipalId, state.configuration->jobId));
        REQUIRE(response.has_value());
        const std::optional<SynchronizationSchema> schema
            = tb::graph::SynchronizationSchemaEndpoints::parseSchema(*response);
        REQUIRE(schema.has_value());
        return *schema;
    }

    // The users assigned to the configuration, the job started and one cycle run: they are all in Fabrikam.
    void synchronize(const tb::setup::SetupState& state, const QStringList& users)
    {
        const QString servicePrincipalId = state.configuration->servicePrincipalId;
        const auto principal = GraphWait::response(source().send(tb::graph::GraphRequest::get(
            QStringLiteral("/servicePrincipals/") + tb::graph::GraphRequest::pathSegment(servicePrincipalId))));
        REQUIRE(principal.has_value());
        const QString roleId = tb::graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(principal->json());
        REQUIRE_FALSE(roleId.isEmpty());
        const tb::graph::AppRoleAssignmentEndpoints assignments(source());
        for (const QString& user : users) {
            const auto read = GraphWait::response(source().send(
                tb::graph::GraphRequest::get(QStringLiteral("/users/") + tb::graph::GraphRequest::pathSegment(user))));
            REQUIRE(read.has_value());
            REQUIRE(read->isSuccess());
            const auto added = GraphWait::response(assignments.addAssignment(
                servicePrincipalId, read->json().value(QLatin1String("id")).toString(), roleId));
            REQUIRE(added.has_value());
            REQUIRE(added->isSuccess());
        }
        const auto started = GraphWait::response(source().send(
            tb::graph::GraphRequest::post(QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start")
                                              .arg(tb::graph::GraphRequest::pathSegment(servicePrincipalId),
                                                  tb::graph::GraphRequest::pathSegment(state.configuration->jobId)),
                {})));
        REQUIRE(started.has_value());
        REQUIRE(started->isSuccess());
        REQUIRE(SignalWaiter::waitUntil([this] { return sandbox.provisioning().runCycle() >= 1; }, 20000));
    }
};

QStringList upns(const QList<ImpactResult::UserImpact>& users)
{
    QStringList names;
    for (const ImpactResult::UserImpact& user : users) {
        names.append(user.userPrincipalName.section(QLatin1Char('@'), 0, 0));
    }
    names.sort();
    return names;
}

void checkImpact(SchemaChangeDialog& dialog)
{
    QSignalSpy finished(&dialog, &SchemaChangeDialog::impactFinished);
    REQUIRE(GuiTestSupport::child<QPushButton>(dialog, "checkImpactButton")->isEnabled());
    GuiTestSupport::child<QPushButton>(dialog, "checkImpactButton")->click();
    REQUIRE(SignalWaiter::waitForCount(finished, 1, 30000));
    REQUIRE(finished.first().first().toBool());
    REQUIRE(dialog.impact().has_value());
}

} // namespace

TEST_CASE(
    "SchemaChangeDialog: a scoping group lists who leaves scope without writing, then saves after the check", "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    QStringList users;
    for (const QString& user : kUsers) {
        users.append(user + kDomain);
    }
    pair.synchronize(state, users);
    const QString versionBefore = pair.readSchema(state).version();

    // Opened from the test users page, as an administrator opens it.
    tb::ui::TestUsersPage page(*pair.workspace);
    page.setSetupState(state);
    page.show();
    GuiTestSupport::child<QPushButton>(page, "schemaChangeButton")->click();
    auto* dialog = page.findChild<SchemaChangeDialog*>();
    REQUIRE(dialog != nullptr);
    QSignalSpy read(dialog, &SchemaChangeDialog::schemaRead);
    REQUIRE(SignalWaiter::waitForCount(read));
    REQUIRE(read.first().first().toBool());
    REQUIRE(QTest::qWaitForWindowExposed(dialog));

    QStandardItemModel& scope = *dialog->scopeModel();
    REQUIRE(scope.rowCount() == 1);
    CHECK(scope.item(0, 0)->text() == QStringLiteral("Filter external users"));
    // The service's own group cannot be removed, and the button says why.
    auto* view = GuiTestSupport::child<QTreeView>(*dialog, "scopeView");
    view->setCurrentIndex(scope.index(0, 0));
    auto* remove = GuiTestSupport::child<QPushButton>(*dialog, "removeScopeButton");
    CHECK_FALSE(remove->isEnabled());
    CHECK(remove->toolTip().contains(QStringLiteral("requires it")));
    CHECK_FALSE(dialog->removeGroup(0));
    auto* save = GuiTestSupport::child<QPushButton>(*dialog, "saveSchemaButton");
    CHECK_FALSE(save->isEnabled());

    // A group "Sales only": department EQUALS Sales, typed into the form.
    GuiTestSupport::child<QPushButton>(*dialog, "addGroupButton")->click();
    REQUIRE(scope.rowCount() == 2);
    scope.item(1, 0)->setText(QStringLiteral("Sales only"));
    QStandardItem* clause = scope.item(1, 0)->child(0, 3);
    REQUIRE(clause != nullptr);
    CHECK(scope.item(1, 0)->child(0, 1)->text() == QStringLiteral("department"));
    clause->setText(QStringLiteral("Sales"));
    CHECK(dialog->proposedSchema().userMapping()->scopeGroups.size() == 2);
    CHECK_FALSE(save->isEnabled()); // not checked yet

    const qint64 writesBefore = pair.writes();
    checkImpact(*dialog);
    const ImpactResult impact = *dialog->impact();
    INFO(impact.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(impact.usersConsidered == 5);
    CHECK(impact.count(Change::SoftDelete) == 3);
    CHECK(upns(impact.usersWith(Change::SoftDelete))
        == QStringList(
            {QStringLiteral("christie.hubert"), QStringLiteral("emily.graham"), QStringLiteral("henrietta.chen")}));
    CHECK(impact.users.size() == 3);
    CHECK(pair.writes() == writesBefore);
    auto* counts = GuiTestSupport::child<QLabel>(*dialog, "impactCounts");
    CHECK(counts->text().startsWith(QStringLiteral("3 user(s) leave scope and are soft-deleted in Fabrikam")));
    QStandardItemModel& listed = *dialog->impactModel();
    REQUIRE(listed.rowCount() >= 1);
    CHECK(listed.item(0, 0)->text().contains(QStringLiteral("(3)")));
    CHECK(listed.item(0, 0)->rowCount() == 3);
    CHECK(listed.item(0, 0)->child(0, 2)->text()
        == QStringLiteral("Out of scope with the edits: Sales only.department EQUALS 'Sales': false"));
    CHECK(save->isEnabled());
    view->setCurrentIndex(scope.index(0, 0, scope.index(1, 0)));
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("schema-change-scope-impact.png"));

    // Another edit: Save waits for another check; the checked edits again: Save is back.
    clause->setText(QStringLiteral("Sales; Engineering"));
    CHECK_FALSE(save->isEnabled());
    clause->setText(QStringLiteral("Sales"));
    CHECK(save->isEnabled());

    // Save asks first with the counts, Cancel the default; Cancel writes nothing.
    save->click();
    QMessageBox* confirmation = dialog->saveConfirmation();
    REQUIRE(confirmation != nullptr);
    CHECK(confirmation->informativeText().contains(
        QStringLiteral("3 user(s) leave scope: the service soft-deletes them in Fabrikam on its next cycle.")));
    CHECK(confirmation->defaultButton() == confirmation->button(QMessageBox::Cancel));
    confirmation->button(QMessageBox::Cancel)->click();
    QCoreApplication::processEvents();
    CHECK(pair.writes() == writesBefore);
    CHECK(pair.readSchema(state).version() == versionBefore);

    QSignalSpy saved(dialog, &SchemaChangeDialog::saveFinished);
    save->click();
    REQUIRE(dialog->saveConfirmation() != nullptr);
    GuiTestSupport::acceptingButton(*dialog->saveConfirmation())->click();
    REQUIRE(SignalWaiter::waitForCount(saved, 1, 30000));
    REQUIRE(saved.first().at(0).toBool());
    const QString versionAfter = saved.first().at(1).toString();
    CHECK_FALSE(versionAfter.isEmpty());
    CHECK(versionAfter != versionBefore);
    CHECK(pair.writes() == writesBefore + 1); // the one PUT

    // Read back (by the test, apart from the dialog): the group is in the job's schema, the built-in one kept.
    const SynchronizationSchema after = pair.readSchema(state);
    CHECK(after.version() == versionAfter);
    const QList<SynchronizationSchema::ScopingGroup> groups = after.userMapping()->scopeGroups;
    REQUIRE(groups.size() == 2);
    CHECK(groups.at(0).name == QStringLiteral("Filter external users"));
    CHECK(groups.at(1).name == QStringLiteral("Sales only"));
    REQUIRE(groups.at(1).clauses.size() == 1);
    CHECK(groups.at(1).clauses.at(0).sourceOperandName == QStringLiteral("department"));
    CHECK(groups.at(1).clauses.at(0).operatorName == QStringLiteral("EQUALS"));
    CHECK(groups.at(1).clauses.at(0).values == QStringList {QStringLiteral("Sales")});
    // The form shows the saved schema, and Save waits for the next check.
    CHECK(scope.rowCount() == 2);
    CHECK(dialog->currentSchema().version() == versionAfter);
    CHECK_FALSE(save->isEnabled());
    CHECK(GuiTestSupport::child<QLabel>(*dialog, "schemaVersionLabel")->text().contains(versionAfter));
    GuiTestSupport::saveScreenshot(*dialog, QStringLiteral("schema-change-saved.png"));
}

TEST_CASE("SchemaChangeDialog: a mapping changed to a constant lists the synchronized users as updated, and a "
          "schema file is compared and its refused save explained",
    "[gui]")
{
    SignedInPair pair;
    const tb::setup::SetupState state = GuiTestSupport::applyOnTopologyPage(*pair.workspace);
    QStringList users;
    for (const QString& user : kUsers) {
        users.append(user + kDomain);
    }
    pair.synchronize(state, users);

    SchemaChangeDialog dialog(*pair.workspace, state);
    QSignalSpy read(&dialog, &SchemaChangeDialog::schemaRead);
    dialog.show();
    REQUIRE(SignalWaiter::waitForCount(read));
    REQUIRE(read.first().first().toBool());

    // jobTitle: from the source's jobTitle to the constant "Contractor", through the form.
    QStandardItemModel& mappings = *dialog.mappingModel();
    int jobTitle = -1;
    int matching = -1;
    for (int row = 0; row < mappings.rowCount(); ++row) {
        jobTitle = mappings.item(row, 0)->text() == QStringLiteral("jobTitle") ? row : jobTitle;
        matching = mappings.item(row, 0)->text() == QStringLiteral("alternativeSecurityIds") ? row : matching;
    }
    REQUIRE(jobTitle >= 0);
    REQUIRE(matching >= 0);
    GuiTestSupport::child<QTabWidget>(dialog, "schemaTabs")->setCurrentIndex(1);
    auto* view = GuiTestSupport::child<QTreeView>(dialog, "mappingView");
    // The matching mapping is the service's: read-only.
    view->setCurrentIndex(mappings.index(matching, 0));
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(dialog, "applyMappingButton")->isEnabled());
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(dialog, "removeMappingButton")->isEnabled());
    CHECK(GuiTestSupport::child<QLabel>(dialog, "mappingNote")->text().contains(QStringLiteral("schemaInvalid")));

    view->setCurrentIndex(mappings.index(jobTitle, 0));
    REQUIRE(GuiTestSupport::child<QPushButton>(dialog, "applyMappingButton")->isEnabled());
    GuiTestSupport::child<QLineEdit>(dialog, "constantEdit")->setText(QStringLiteral("Contractor"));
    GuiTestSupport::child<QRadioButton>(dialog, "constantSourceRadio")->setChecked(true);
    GuiTestSupport::child<QPushButton>(dialog, "applyMappingButton")->click();
    CHECK(mappings.item(jobTitle, 1)->text() == QStringLiteral("\"Contractor\""));
    const std::optional<SynchronizationSchema::AttributeMapping> changed
        = dialog.proposedSchema().userMapping()->mappingFor(QStringLiteral("jobTitle"));
    REQUIRE(changed.has_value());
    REQUIRE(changed->source.has_value());
    CHECK(changed->source->type == SynchronizationSchema::AttributeMappingSource::Type::Constant);

    const qint64 writesBefore = pair.writes();
    checkImpact(dialog);
    const ImpactResult impact = *dialog.impact();
    INFO(impact.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(impact.count(Change::Update) == 5);
    CHECK(impact.count(Change::SoftDelete) == 0);
    for (const ImpactResult::UserImpact& user : impact.usersWith(Change::Update)) {
        REQUIRE(user.attributes.size() == 1);
        CHECK(user.attributes.at(0).name == QStringLiteral("jobTitle"));
        CHECK(user.attributes.at(0).after == QStringLiteral("Contractor"));
    }
    CHECK(pair.writes() == writesBefore);
    CHECK(GuiTestSupport::child<QPushButton>(dialog, "saveSchemaButton")->isEnabled());
    GuiTestSupport::saveScreenshot(dialog, QStringLiteral("schema-change-mapping-impact.png"));

    // A schema file instead of the form: the job's schema with a "Sales only" group and a flowType the service
    // refuses. A file that is not JSON is refused with the reason.
    SynchronizationSchema edited = dialog.currentSchema();
    const SynchronizationSchema::ObjectMapping userMapping = *edited.userMapping();
    QList<SynchronizationSchema::ScopingGroup> groups = userMapping.scopeGroups;
    SynchronizationSchema::ScopingGroup sales;
    sales.name = QStringLiteral("Sales only");
    SynchronizationSchema::ScopingClause inSales;
    inSales.sourceOperandName = QStringLiteral("department");
    inSales.operatorName = QStringLiteral("EQUALS");
    inSales.values = {QStringLiteral("Sales")};
    sales.clauses = {inSales};
    groups.append(sales);
    REQUIRE(edited.setScopeGroups(edited.userRuleId(), userMapping.name, groups));
    SynchronizationSchema::AttributeMapping department = *userMapping.mappingFor(QStringLiteral("department"));
    department.flowType = QStringLiteral("Sometimes");
    REQUIRE(edited.setAttributeMapping(edited.userRuleId(), userMapping.name, department));
    QTemporaryDir files;
    const QString path = files.filePath(QStringLiteral("schema.json"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(edited.toJson()).toJson());
    file.close();
    const QString broken = files.filePath(QStringLiteral("broken.json"));
    QFile brokenFile(broken);
    REQUIRE(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("{\"synchronizationRules\": [");
    brokenFile.close();
    QString problem;
    CHECK_FALSE(dialog.loadSchemaFile(broken, &problem));
    CHECK(problem.contains(QStringLiteral("is not a schema JSON object")));
    INFO(problem.toStdString());
    REQUIRE(dialog.loadSchemaFile(path, &problem));
    CHECK(mappings.item(jobTitle, 1)->text() == QStringLiteral("[jobTitle]")); // the file's, not the form's edit
    CHECK(dialog.scopeModel()->rowCount() == 2);
    CHECK_FALSE(GuiTestSupport::child<QPushButton>(dialog, "saveSchemaButton")->isEnabled());
    checkImpact(dialog);
    CHECK(dialog.impact()->count(Change::SoftDelete) == 3);
    CHECK(pair.writes() == writesBefore);

    // Saved: the service refuses it (400), the dialog says why, and the job's schema stays as it was.
    const QString version = pair.readSchema(state).version();
    QSignalSpy saved(&dialog, &SchemaChangeDialog::saveFinished);
    GuiTestSupport::child<QPushButton>(dialog, "saveSchemaButton")->click();
    REQUIRE(dialog.saveConfirmation() != nullptr);
    GuiTestSupport::acceptingButton(*dialog.saveConfirmation())->click();
    REQUIRE(SignalWaiter::waitForCount(saved, 1, 30000));
    CHECK_FALSE(saved.first().at(0).toBool());
    auto* banner = dialog.findChild<tb::ui::MessageBanner*>();
    REQUIRE(banner != nullptr);
    CHECK(banner->text().contains(QStringLiteral("The job did not take the schema; nothing changed.")));
    CHECK(banner->text().contains(QStringLiteral("The flowType 'Sometimes' of department")));
    CHECK(pair.readSchema(state).version() == version);
    CHECK(pair.writes() == writesBefore + 1); // the refused PUT
}
