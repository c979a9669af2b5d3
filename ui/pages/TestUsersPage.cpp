// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/TestUsersPage.h"

#include "core/Workspace.h"
#include "core/graph/GraphError.h"
#include "core/model/TenantRole.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/UserListing.h"
#include "core/store/ProfileSettings.h"
#include "core/store/StoreError.h"
#include "core/sync/Preview.h"
#include "core/sync/TestSync.h"
#include "core/sync/TestSyncStore.h"
#include "core/sync/TestUserLimit.h"
#include "ui/dialogs/SchemaChangeDialog.h"
#include "ui/dialogs/TraceDialog.h"
#include "ui/models/UserPreviewModel.h"
#include "ui/pages/PairConfigurationReader.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/TestSyncHistoryList.h"
#include "ui/widgets/UserPreviewDetail.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTextStream>
#include <QVBoxLayout>

namespace tb::ui {

using model::TenantRole;
using sync::TestSyncOutcome;
using sync::UserPreview;

namespace {

// One CSV line split on commas outside double quotes (the admin center's bulk files quote fields with commas).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == QLatin1Char(',') && !quoted) {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(field.trimmed());
    return fields;
}

} // namespace

TestUsersPage::TestUsersPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_configurationReader(new PairConfigurationReader(workspace, this))
    , m_banner(new MessageBanner(this))
    , m_usersEdit(new QPlainTextEdit(this))
    , m_findEdit(new QLineEdit(this))
    , m_addFoundButton(new QPushButton(tr("Add &matching users"), this))
    , m_addGroupButton(new QPushButton(tr("Add &group members"), this))
    , m_importButton(new QPushButton(tr("&Import list…"), this))
    , m_requiredEdit(new QLineEdit(this))
    , m_previewButton(new QPushButton(tr("&Preview"), this))
    , m_testSyncButton(new QPushButton(tr("&Test sync…"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_model(new UserPreviewModel(this))
    , m_table(new QTableView(this))
    , m_detail(new UserPreviewDetail(this))
    , m_store(std::make_unique<sync::TestSyncStore>(workspace.database()))
{
    auto* title = new QLabel(tr("Test users"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* intro = new QLabel(tr("List a few users of the source tenant. Preview shows what synchronization would do "
                                "to each of them and changes nothing; Test sync then synchronizes just these users "
                                "and compares what arrived in the target with the preview."),
        this);
    intro->setWordWrap(true);

    m_banner->setObjectName(QStringLiteral("testUsersBanner"));
    m_usersEdit->setObjectName(QStringLiteral("testUsersEdit"));
    m_usersEdit->setPlaceholderText(tr("One sign-in name or object id per line, for example\nadele.vance@contoso.com"));
    m_usersEdit->setAccessibleName(tr("Test users, one per line"));
    m_usersEdit->setTabChangesFocus(true);
    m_findEdit->setObjectName(QStringLiteral("findUsersEdit"));
    m_findEdit->setPlaceholderText(tr("Name to search, or a group's exact name"));
    m_findEdit->setAccessibleName(tr("Search text or group name"));
    m_requiredEdit->setObjectName(QStringLiteral("requiredAttributesEdit"));
    m_requiredEdit->setAccessibleName(tr("Attributes your target needs"));
    m_requiredEdit->setToolTip(tr("The test sync says for each user whether every one of these arrived with a value. "
                                  "Kept with this profile."));
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_testSyncButton->setObjectName(QStringLiteral("testSyncButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelTestButton"));
    m_progress->setVisible(false);
    m_summary->setObjectName(QStringLiteral("testUsersSummary"));
    m_summary->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAccessibleName(tr("Preview: one row per test user"));

    auto* findRow = new QHBoxLayout;
    findRow->addWidget(m_findEdit, 1);
    findRow->addWidget(m_addFoundButton);
    findRow->addWidget(m_addGroupButton);
    findRow->addWidget(m_importButton);
    auto* form = new QFormLayout;
    form->addRow(tr("&Users:"), m_usersEdit);
    auto* findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_findEdit);
    form->addRow(findLabel, findRow);
    form->addRow(tr("&Attributes your target needs:"), m_requiredEdit);
    m_usersEdit->setMaximumHeight(m_usersEdit->fontMetrics().lineSpacing() * 6);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_progressLabel, 2);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_testSyncButton);
    // The impact of a scope or mapping change before it is saved: its own dialog on this page's job.
    auto* schemaButton = new QPushButton(tr("Sc&ope and mappings…"), this);
    schemaButton->setObjectName(QStringLiteral("schemaChangeButton"));
    schemaButton->setToolTip(tr("Edit the job's scoping filter and attribute mappings and see whose outcome changes "
                                "before anything is saved."));
    buttons->addWidget(schemaButton);
    connect(schemaButton, &QPushButton::clicked, this, [this] {
        if (!hasJob()) {
            m_banner->showMessage(MessageBanner::Level::Information,
                PairConfigurationReader::noJobMessage(m_state, tr("scope and mappings")));
            return;
        }
        auto* dialog = findChild<SchemaChangeDialog*>();
        if (!dialog) {
            dialog = new SchemaChangeDialog(m_workspace, m_state, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
    });

    // History: earlier test syncs, one of them shown read-only in the table until "Back to the current list".
    m_historyButton = new QPushButton(tr("&History"), this);
    m_historyButton->setObjectName(QStringLiteral("testSyncHistoryButton"));
    m_historyButton->setCheckable(true);
    m_historyButton->setToolTip(tr("The test syncs run before, kept with this profile."));
    m_backButton = new QPushButton(tr("&Back to the current list"), this);
    m_backButton->setObjectName(QStringLiteral("backToCurrentListButton"));
    m_backButton->setVisible(false);
    m_history = new TestSyncHistoryList(this);
    m_history->setObjectName(QStringLiteral("testSyncHistory"));
    m_history->setVisible(false);
    m_history->setMaximumHeight(180);
    m_runModel = new UserPreviewModel(this);
    buttons->insertWidget(0, m_historyButton);
    buttons->insertWidget(1, m_backButton);
    connect(m_historyButton, &QPushButton::toggled, this, &TestUsersPage::showHistory);
    connect(m_backButton, &QPushButton::clicked, this, &TestUsersPage::showCurrentList);
    connect(m_history, &TestSyncHistoryList::runSelected, this, &TestUsersPage::showRun);
    connect(this, &TestUsersPage::testSyncFinished, this, [this] {
        if (m_history->isVisible()) {
            reloadHistory();
        }
    });

    // "Why not synced?": the selected row's user, or one asked for, traced in its own dialog.
    auto* traceButton = new QPushButton(tr("&Why not synced?"), this);
    traceButton->setObjectName(QStringLiteral("traceUserButton"));
    traceButton->setAccessibleName(tr("Why is the selected user not synced?"));
    traceButton->setToolTip(tr("Walks assignment, scoping, licence, matching, the job and the latest provisioning "
                               "logs for the selected user, and names what stops them, with the fix."));
    buttons->addWidget(traceButton);
    connect(traceButton, &QPushButton::clicked, this, &TestUsersPage::traceUser);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_history);
    layout->addWidget(split, 1);

    // The profile's database opens in Workspace::start(), after the window is built: read the saved list then
    // (read before, it failed and the defaults showed over what the administrator had saved).
    if (workspace.isReady()) {
        showStoredRequiredAttributes();
    } else {
        m_requiredEdit->setText(store::ProfileSettings::defaultRequiredAttributes().join(QStringLiteral(", ")));
        connect(&workspace, &Workspace::ready, this, &TestUsersPage::showStoredRequiredAttributes,
            Qt::SingleShotConnection);
    }

    connect(m_previewButton, &QPushButton::clicked, this, &TestUsersPage::preview);
    connect(m_testSyncButton, &QPushButton::clicked, this, &TestUsersPage::testSync);
    connect(m_cancelButton, &QPushButton::clicked, this, &TestUsersPage::cancel);
    connect(m_addFoundButton, &QPushButton::clicked, this, [this] { addFromDirectory(false); });
    connect(m_addGroupButton, &QPushButton::clicked, this, [this] { addFromDirectory(true); });
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Import test users"), {}, tr("Lists and CSV files (*.txt *.csv);;All files (*)"));
        QString problem;
        if (!file.isEmpty() && !importList(file, &problem)) {
            m_banner->showMessage(MessageBanner::Level::Error, problem);
        }
    });
    connect(m_requiredEdit, &QLineEdit::editingFinished, this, &TestUsersPage::saveRequiredAttributes);
    connect(m_usersEdit, &QPlainTextEdit::textChanged, this, &TestUsersPage::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TestUsersPage::showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TestUsersPage::showSelected);
    updateButtons();
    m_configurationReader->showReadsOn(m_progressLabel, m_banner, PairConfigurationReader::NotSignedIn::Tell);
    connect(m_configurationReader, &PairConfigurationReader::finished, this, [this](const setup::SetupState& state) {
        setSetupState(state);
        if (!PairConfigurationReader::hasJob(state)) {
            m_banner->showMessage(
                MessageBanner::Level::Information, PairConfigurationReader::noJobMessage(state, tr("test users")));
        }
    });
}

TestUsersPage::~TestUsersPage() = default;

void TestUsersPage::setSetupState(const setup::SetupState& state)
{
    m_state = state;
    m_stateKnown = state.isValid();
    updateButtons();
}

QStringList TestUsersPage::listedUsers() const
{
    QStringList users;
    const QStringList lines = m_usersEdit->toPlainText().split(QLatin1Char('\n'));
    users.reserve(lines.size());
    for (const QString& line : lines) {
        users.append(line.section(QLatin1Char('#'), 0, 0));
    }
    // Linear: this runs on every keystroke (updateButtons), and a pasted list may have thousands of lines.
    return sync::TestUserLimit::distinct(users);
}

void TestUsersPage::setListedUsers(const QStringList& users)
{
    m_usersEdit->setPlainText(users.join(QLatin1Char('\n')));
}

bool TestUsersPage::importList(const QString& filePath, QString* problem)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *problem = tr("Could not read %1: %2").arg(filePath, file.errorString());
        return false;
    }
    QTextStream stream(&file);
    QStringList users = listedUsers();
    int column = -1; // the userPrincipalName column of a CSV, once its header is seen
    int lineNumber = 0;
    const int before = static_cast<int>(users.size());
    while (!stream.atEnd()) {
        const QString line = stream.readLine();
        ++lineNumber;
        // Blank lines, comments, and the "version:v1.0" first line of the admin center's bulk templates.
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#'))
            || (lineNumber == 1 && line.startsWith(QLatin1String("version:"), Qt::CaseInsensitive))) {
            continue;
        }
        const QStringList fields = csvFields(line);
        // A header names the column: "userPrincipalName" in a download, "User name [userPrincipalName] Required" in
        // a bulk template. A field matches when it contains the name.
        if (column < 0 && fields.size() > 1) {
            const qsizetype found = fields.indexOf(
                QRegularExpression(QStringLiteral(".*userPrincipalName.*"), QRegularExpression::CaseInsensitiveOption));
            if (found >= 0) {
                column = static_cast<int>(found);
                continue;
            }
        }
        const QString user = column >= 0 ? fields.value(column) : fields.value(0);
        if (user.isEmpty() || user.contains(QLatin1Char(' '))) {
            *problem = tr("Line %1 of %2 is not a sign-in name or object id: “%3”. Nothing was imported.")
                           .arg(lineNumber)
                           .arg(filePath, line.left(80));
            return false;
        }
        users.append(user);
    }
    users = sync::TestUserLimit::distinct(users);
    setListedUsers(users);
    const QString imported
        = tr("Imported %n user(s) from %1.", nullptr, static_cast<int>(users.size()) - before).arg(filePath);
    // Said now, not only when Preview is pressed.
    if (const QString tooMany = sync::TestUserLimit::problem(users.size()); !tooMany.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning, imported + QLatin1Char(' ') + tooMany);
    } else {
        m_banner->showMessage(MessageBanner::Level::Information, imported);
    }
    return true;
}

void TestUsersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_configurationReader->readWhenShown(m_stateKnown);
}

bool TestUsersPage::hasJob() const
{
    return m_stateKnown && PairConfigurationReader::hasJob(m_state);
}

bool TestUsersPage::isBusy() const
{
    return m_preview || m_testSync || m_listing;
}

void TestUsersPage::addFromDirectory(bool groupMembers)
{
    const QString text = m_findEdit->text().trimmed();
    graph::DirectoryEndpoints* directory = m_workspace.directory(TenantRole::Source);
    if (text.isEmpty() || !directory || m_listing) {
        return;
    }
    setup::UserListingQuery query;
    if (groupMembers) {
        query.groupName = text;
    } else {
        query.searchText = text;
    }
    query.limit = sync::TestUserLimit::kMaxUsers; // what one preview takes
    auto* listing = new setup::UserListing(*directory, query, this);
    m_listing = listing;
    auto found = std::make_shared<QStringList>();
    connect(listing, &setup::UserListing::usersReceived, this, [found](const QList<model::DirectoryUser>& users) {
        for (const model::DirectoryUser& user : users) {
            found->append(user.userPrincipalName);
        }
    });
    connect(listing, &setup::UserListing::finished, this,
        [this, listing, found, groupMembers, text](const graph::GraphError& error) {
            listing->deleteLater();
            m_listing.clear();
            m_progressLabel->clear();
            if (error.isError()) {
                m_banner->showMessage(MessageBanner::Level::Error, error.userMessage());
            } else if (groupMembers && listing->isGroupMissing()) {
                m_banner->showMessage(MessageBanner::Level::Warning,
                    tr("The source has no group named “%1”; type the group's exact display name.").arg(text));
            } else if (found->isEmpty()) {
                m_banner->showMessage(MessageBanner::Level::Information, tr("No user matches “%1”.").arg(text));
            } else {
                const QStringList before = listedUsers();
                const QStringList users = sync::TestUserLimit::distinct(before + *found);
                const int added = static_cast<int>(users.size() - before.size());
                setListedUsers(users);
                m_banner->showMessage(
                    MessageBanner::Level::Information, tr("Added %n user(s) to the list.", nullptr, added));
            }
            updateButtons();
        });
    m_progressLabel->setText(
        groupMembers ? tr("Reading the members of “%1”…").arg(text) : tr("Searching the source for “%1”…").arg(text));
    listing->start();
    updateButtons();
}

void TestUsersPage::preview()
{
    showCurrentList(); // the results go to the current list
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    const QStringList users = listedUsers();
    if (!hasJob() || !sourceClient || !targetClient || users.isEmpty() || isBusy()) {
        return;
    }
    // Before any request: a pasted directory would otherwise mean thousands of reads and provisioning calls.
    if (const QString problem = sync::TestUserLimit::problem(users.size()); !problem.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Error, problem);
        return;
    }
    auto* run = new sync::Preview(*sourceClient, *targetClient, this);
    run->setAssumeAssigned(true); // Test sync assigns them: preview what it will do
    m_preview = run;
    connect(run, &sync::Preview::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progressLabel->setText(tr("Previewed %1 of %n user(s)…", nullptr, total).arg(QLocale().toString(done)));
    });
    connect(run, &sync::Preview::finished, this, [this, run](const QList<UserPreview>& previews) {
        run->deleteLater();
        m_preview.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        m_model->setPreviews(previews);
        int creates = 0;
        int updates = 0;
        int skips = 0;
        int withoutP1 = 0;
        for (const UserPreview& preview : previews) {
            creates += preview.action == UserPreview::Action::Create ? 1 : 0;
            updates += preview.action == UserPreview::Action::Update ? 1 : 0;
            skips += preview.action == UserPreview::Action::Skip ? 1 : 0;
            // A user that could not be read is not known to lack a licence.
            withoutP1 += preview.hasP1 || preview.action == UserPreview::Action::Unknown ? 0 : 1;
        }
        m_summary->setText(tr("Preview, nothing changed: %1 would be created, %2 updated, %3 skipped; %4 without "
                              "an Entra ID P1 licence.")
                               .arg(creates)
                               .arg(updates)
                               .arg(skips)
                               .arg(withoutP1));
        if (!previews.isEmpty()) {
            m_table->selectRow(0);
        }
        m_table->resizeColumnsToContents();
        updateButtons();
        emit previewFinished(static_cast<int>(previews.size()));
    });
    connect(run, &sync::Preview::failed, this, [this, run](const QString& userMessage) {
        run->deleteLater();
        m_preview.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        m_banner->showMessage(MessageBanner::Level::Error, userMessage);
        updateButtons();
    });
    if (!run->start(m_state.configuration->servicePrincipalId, m_state.configuration->jobId, users)) {
        run->deleteLater();
        return;
    }
    m_banner->hide();
    m_progress->setRange(0, static_cast<int>(users.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_progressLabel->setText(tr("Reading the schema and %n user(s)…", nullptr, static_cast<int>(users.size())));
    updateButtons();
}

void TestUsersPage::testSync()
{
    showCurrentList();
    const QList<UserPreview> testable = m_model->testablePreviews();
    if (!hasJob() || testable.isEmpty() || isBusy() || m_confirmation) {
        return;
    }
    int creates = 0;
    int toAssign = 0;
    for (const UserPreview& preview : testable) {
        creates += preview.action == UserPreview::Action::Create ? 1 : 0;
        toAssign += preview.assigned ? 0 : 1;
    }
    const QString target = m_state.target.readableName();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Test sync"),
        tr("Synchronize %n user(s) into %1 now?", nullptr, static_cast<int>(testable.size())).arg(target),
        QMessageBox::Cancel, this);
    box->setInformativeText(
        tr("This writes to the target tenant: %n user(s) will be created there and the others updated.", nullptr,
            creates)
        + QLatin1Char(' ')
        + tr("%n user(s) will be assigned to the configuration first and stay assigned, so later cycles keep them in "
             "sync. Users the preview skips are left out.",
            nullptr, toAssign));
    QPushButton* go = box->addButton(
        tr("Synchronize %n user(s)", nullptr, static_cast<int>(testable.size())), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        if (box->clickedButton() == go) {
            startTestSync();
        }
    });
    box->open();
}

void TestUsersPage::startTestSync()
{
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    const QList<UserPreview> testable = m_model->testablePreviews();
    if (!hasJob() || !sourceClient || !targetClient || testable.isEmpty() || isBusy()) {
        return;
    }
    saveRequiredAttributes();
    auto* run = new sync::TestSync(*sourceClient, *targetClient, m_store.get(), this);
    m_testSync = run;
    connect(run, &sync::TestSync::progress, this, [this](int done, int total, const QString& currentUpn) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_progressLabel->setText(tr("Test sync: %1 of %2 done, now %3…").arg(done).arg(total).arg(currentUpn));
    });
    connect(run, &sync::TestSync::userFinished, this,
        [this](const TestSyncOutcome& outcome) { m_model->setOutcome(outcome); });
    connect(run, &sync::TestSync::finished, this,
        [this, run](const QString& runId, const QList<TestSyncOutcome>& outcomes) {
            run->deleteLater();
            m_testSync.clear();
            m_progress->setVisible(false);
            m_progressLabel->clear();
            int asPredicted = 0;
            int differs = 0;
            int failed = 0;
            int missing = 0;
            for (const TestSyncOutcome& outcome : outcomes) {
                m_model->setOutcome(outcome);
                asPredicted += outcome.verdict == TestSyncOutcome::Verdict::AsPredicted ? 1 : 0;
                differs += outcome.verdict == TestSyncOutcome::Verdict::Differs
                        || outcome.verdict == TestSyncOutcome::Verdict::Skipped
                    ? 1
                    : 0;
                failed += outcome.verdict == TestSyncOutcome::Verdict::Failed ? 1 : 0;
                missing += outcome.missingRequired.isEmpty() ? 0 : 1;
            }
            m_table->resizeColumnsToContents();
            m_summary->setText(
                tr("Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; "
                   "%n user(s) lack an attribute your target needs. Pick a user for the details.",
                    nullptr, missing)
                    .arg(QLocale().toString(asPredicted), QLocale().toString(differs), QLocale().toString(failed)));
            updateButtons();
            emit testSyncFinished(runId);
        });
    connect(run, &sync::TestSync::failed, this, [this, run](const QString& userMessage) {
        run->deleteLater();
        m_testSync.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        m_banner->showMessage(MessageBanner::Level::Error, userMessage);
        updateButtons();
    });
    sync::TestSync::Request request;
    request.servicePrincipalId = m_state.configuration->servicePrincipalId;
    request.jobId = m_state.configuration->jobId;
    request.sourceTenantId = m_state.source.id;
    request.targetTenantId = m_state.target.id;
    request.users = testable;
    request.requiredAttributes = requiredAttributes();
    if (!run->start(request)) {
        run->deleteLater();
        return;
    }
    m_model->clearOutcomes();
    m_banner->hide();
    m_progress->setRange(0, static_cast<int>(testable.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    updateButtons();
}

void TestUsersPage::cancel()
{
    if (m_preview) {
        m_preview->cancel();
        m_preview->deleteLater();
        m_preview.clear();
        m_progress->setVisible(false);
        m_progressLabel->setText(tr("Preview cancelled."));
    }
    if (m_testSync) {
        m_testSync->cancel(); // the users under way finish and are reported; finished() follows
        m_progressLabel->setText(tr("Cancelling after the users under way…"));
    }
    if (m_listing) {
        m_listing->cancel();
    }
    updateButtons();
}

void TestUsersPage::traceUser()
{
    if (!hasJob()) {
        m_banner->showMessage(
            MessageBanner::Level::Information, PairConfigurationReader::noJobMessage(m_state, tr("trace a user")));
        return;
    }
    const auto open = [this](const QString& user) {
        if (user.trimmed().isEmpty()) {
            return;
        }
        auto* dialog = new TraceDialog(m_workspace, m_state, user.trimmed(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        (void)dialog->start();
    };
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    if (const UserPreview* preview = shownModel()->previewAt(row)) {
        open(preview->userPrincipalName.isEmpty() ? preview->sourceUserId : preview->userPrincipalName);
        return;
    }
    auto* ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("traceUserInput"));
    ask->setWindowTitle(tr("Why not synced?"));
    ask->setLabelText(tr("Sign-in name or object id of the user in %1:").arg(m_state.source.readableName()));
    ask->setTextValue(listedUsers().value(0));
    ask->setOkButtonText(tr("Trace"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QInputDialog::textValueSelected, this, open);
    ask->open();
}

void TestUsersPage::showSelected()
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const UserPreviewModel* model = shownModel();
    const UserPreview* preview = model->previewAt(row);
    if (!preview) {
        m_detail->clear();
        return;
    }
    m_detail->showUser(*preview, model->outcomeAt(row));
}

UserPreviewModel* TestUsersPage::shownModel() const
{
    return m_shownRunId.isEmpty() ? m_model : m_runModel;
}

void TestUsersPage::showHistory(bool shown)
{
    if (m_historyButton->isChecked() != shown) {
        m_historyButton->setChecked(shown); // toggled() comes back here
        return;
    }
    if (shown) {
        reloadHistory();
    } else {
        showCurrentList();
    }
    m_history->setVisible(shown);
}

void TestUsersPage::reloadHistory()
{
    QString problem;
    if (!m_history->load(*m_store, &problem)) {
        m_banner->showMessage(
            MessageBanner::Level::Error, tr("The earlier test syncs could not be read: %1").arg(problem));
    }
}

void TestUsersPage::showRun(const QString& runId)
{
    const auto outcomes = m_store->outcomes(runId);
    if (std::holds_alternative<store::StoreError>(outcomes)) {
        m_banner->showMessage(MessageBanner::Level::Error,
            tr("That test sync could not be read: %1").arg(std::get<store::StoreError>(outcomes).userMessage()));
        return;
    }
    const QList<TestSyncOutcome>& kept = std::get<QList<TestSyncOutcome>>(outcomes);
    QList<UserPreview> previews;
    for (const TestSyncOutcome& outcome : kept) {
        previews.append(outcome.preview);
    }
    m_runModel->setPreviews(previews);
    for (const TestSyncOutcome& outcome : kept) {
        m_runModel->setOutcome(outcome);
    }
    if (m_shownRunId.isEmpty()) {
        m_currentSummary = m_summary->text();
    }
    m_shownRunId = runId;
    showModel(m_runModel);
    const TestSyncHistoryList::Entry* entry = m_history->entry(runId);
    const TestSyncHistoryList::Entry counts
        = entry ? *entry : TestSyncHistoryList::Entry::of(sync::TestSyncRun {}, kept);
    m_summary->setText(tr("Earlier test sync of %1, read-only: %n user(s), %2 as predicted, %3 different from the "
                          "preview, %4 failed. Back to the current list returns to the users above.",
        nullptr, counts.users)
                           .arg(entry ? TestSyncHistoryList::timeText(entry->run.startedAt) : runId,
                               QLocale().toString(counts.asPredicted), QLocale().toString(counts.differs),
                               QLocale().toString(counts.failed)));
    m_backButton->setVisible(true);
    updateButtons();
}

void TestUsersPage::showCurrentList()
{
    if (m_shownRunId.isEmpty()) {
        return;
    }
    m_shownRunId.clear();
    showModel(m_model);
    m_summary->setText(m_currentSummary);
    m_backButton->setVisible(false);
    {
        const QSignalBlocker blocker(m_history);
        m_history->setCurrentItem(nullptr);
        m_history->clearSelection();
    }
    updateButtons();
}

void TestUsersPage::showModel(UserPreviewModel* model)
{
    if (m_table->model() == model) {
        return;
    }
    QItemSelectionModel* previous = m_table->selectionModel();
    m_table->setModel(model); // a new selection model: the old one is not the view's to delete
    previous->deleteLater();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TestUsersPage::showSelected);
    m_table->resizeColumnsToContents();
    if (model->rowCount() > 0) {
        m_table->selectRow(0);
    }
    showSelected();
}

void TestUsersPage::showStoredRequiredAttributes()
{
    const auto stored = store::ProfileSettings(m_workspace.database()).requiredAttributes();
    m_requiredEdit->setText(std::holds_alternative<QStringList>(stored)
            ? std::get<QStringList>(stored).join(QStringLiteral(", "))
            : store::ProfileSettings::defaultRequiredAttributes().join(QStringLiteral(", ")));
}

QStringList TestUsersPage::requiredAttributes() const
{
    QStringList attributes;
    for (const QString& part : m_requiredEdit->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")))) {
        if (!part.isEmpty() && !attributes.contains(part, Qt::CaseInsensitive)) {
            attributes.append(part);
        }
    }
    return attributes;
}

void TestUsersPage::saveRequiredAttributes()
{
    if (const auto error = store::ProfileSettings(m_workspace.database()).setRequiredAttributes(requiredAttributes())) {
        m_banner->showMessage(MessageBanner::Level::Warning,
            tr("Could not keep the attributes with the profile: %1").arg(error->userMessage()));
    }
}

void TestUsersPage::updateButtons()
{
    const bool busy = isBusy();
    const bool usable = hasJob() && !busy && m_shownRunId.isEmpty(); // an earlier run is read-only
    m_previewButton->setEnabled(usable && !listedUsers().isEmpty());
    m_testSyncButton->setEnabled(usable && !m_model->testablePreviews().isEmpty());
    m_cancelButton->setEnabled(busy);
    m_addFoundButton->setEnabled(!busy);
    m_addGroupButton->setEnabled(!busy);
    m_importButton->setEnabled(!busy);
}

} // namespace tb::ui
