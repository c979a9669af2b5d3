// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/SchemaChangeDialog.h"

#include "core/Workspace.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphError.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/endpoints/SynchronizationSchemaEndpoints.h"
#include "core/model/TenantRole.h"
#include "core/sync/ChangeImpact.h"
#include "core/sync/MappingEvaluator.h"
#include "core/sync/expression/ScopingOperator.h"
#include "ui/widgets/MessageBanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tb::ui {

namespace {

using model::SynchronizationSchema;
using sync::ImpactResult;
using sync::ScopingOperator;
using Change = ImpactResult::Change;
using Source = SynchronizationSchema::AttributeMappingSource;

constexpr int kGroupRole = Qt::UserRole + 1;
constexpr int kClauseRole = Qt::UserRole + 2; // -1 on a group's row
constexpr int kMappingRole = Qt::UserRole + 3;

// Scope columns.
constexpr int kNameColumn = 0;
constexpr int kAttributeColumn = 1;
constexpr int kOperatorColumn = 2;
constexpr int kValuesColumn = 3;

// Several values of one clause are written "a; b" in the form (a regex may hold a bare ";").
const QString kValueSeparator = QStringLiteral("; ");

const Change kOrder[]
    = {Change::SoftDelete, Change::Create, Change::Update, Change::EntersScope, Change::NoLongerCreated};

// The clause of the required group that the service itself relies on (graph-reference.md 2.6 "Built-in scoping").
bool isRequiredClause(
    const SynchronizationSchema::ScopingGroup& group, const SynchronizationSchema::ScopingClause& clause)
{
    return SchemaChangeDialog::isRequiredGroup(group)
        && clause.sourceOperandName.compare(QLatin1String("alternativeSecurityIds"), Qt::CaseInsensitive) == 0;
}

bool isUnary(const QString& operatorName)
{
    const std::optional<ScopingOperator::Kind> kind = ScopingOperator::fromName(operatorName);
    return kind
        && (*kind == ScopingOperator::Kind::IsTrue || *kind == ScopingOperator::Kind::IsFalse
            || *kind == ScopingOperator::Kind::IsNull || *kind == ScopingOperator::Kind::IsNotNull);
}

QStringList operatorNames()
{
    QStringList names;
    for (int kind = static_cast<int>(ScopingOperator::Kind::Equals);
         kind <= static_cast<int>(ScopingOperator::Kind::LessThanOrEquals); ++kind) {
        names.append(ScopingOperator::name(static_cast<ScopingOperator::Kind>(kind)));
    }
    return names;
}

QString requiredGroupTip()
{
    return SchemaChangeDialog::tr(
        "“Filter external users” is the service's own scoping group: its clause alternativeSecurityIds EQUALS None "
        "keeps the source's guests and other external users out of cross-tenant synchronization, and the service "
        "requires it. It cannot be removed or changed here; you can add clauses to it to narrow the scope.");
}

QString heading(Change change, const QString& target)
{
    switch (change) {
    case Change::Create:
        return SchemaChangeDialog::tr("Would be created in %1").arg(target);
    case Change::Update:
        return SchemaChangeDialog::tr("Would be updated");
    case Change::SoftDelete:
        return SchemaChangeDialog::tr("Leave scope: soft-deleted in %1").arg(target);
    case Change::EntersScope:
        return SchemaChangeDialog::tr("Come into scope: the existing user in %1 is taken over and updated").arg(target);
    case Change::NoLongerCreated:
        return SchemaChangeDialog::tr("Leave scope before being created: no longer created");
    }
    return {};
}

// ChangeImpact's reason for a scope change is "scope now: in (<clause>); then: out (<clause>)": the row shows the
// clause that decides under the edits, the tooltip the whole sentence.
QString scopeChangeText(const QString& reason)
{
    const QString then = reason.section(QStringLiteral("; then: "), 1);
    const bool out = then.startsWith(QLatin1String("out ("));
    const bool in = then.startsWith(QLatin1String("in ("));
    if ((!out && !in) || !then.endsWith(QLatin1Char(')'))) {
        return reason;
    }
    const QString decided = then.mid(out ? 5 : 4).chopped(1);
    return out ? SchemaChangeDialog::tr("Out of scope with the edits: %1").arg(decided)
               : SchemaChangeDialog::tr("In scope with the edits: %1").arg(decided);
}

QStandardItem* readOnlyItem(const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

QString sourceText(const SynchronizationSchema::AttributeMapping& mapping)
{
    if (!mapping.source) {
        return mapping.defaultValue ? SchemaChangeDialog::tr("(default value \"%1\")").arg(*mapping.defaultValue)
                                    : SchemaChangeDialog::tr("(none)");
    }
    return sync::MappingEvaluator::expressionText(mapping);
}

// A mapping the form may change: a source attribute or a constant, and not the service's matching mapping.
bool isEditable(const SynchronizationSchema::AttributeMapping& mapping)
{
    return mapping.matchingPriority <= 0 && (!mapping.source || mapping.source->type != Source::Type::Function);
}

} // namespace

SchemaChangeDialog::SchemaChangeDialog(Workspace& workspace, const setup::SetupState& state, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_state(state)
    , m_banner(new MessageBanner(this))
    , m_schemaLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_scopeModel(new QStandardItemModel(this))
    , m_scopeView(new QTreeView(this))
    , m_addGroupButton(new QPushButton(tr("Add &group"), this))
    , m_addClauseButton(new QPushButton(tr("Add c&lause"), this))
    , m_removeScopeButton(new QPushButton(tr("&Remove"), this))
    , m_mappingModel(new QStandardItemModel(this))
    , m_mappingView(new QTreeView(this))
    , m_attributeRadio(new QRadioButton(tr("Source &attribute:"), this))
    , m_attributeCombo(new QComboBox(this))
    , m_constantRadio(new QRadioButton(tr("C&onstant:"), this))
    , m_constantEdit(new QLineEdit(this))
    , m_applyMappingButton(new QPushButton(tr("A&pply to mapping"), this))
    , m_removeMappingButton(new QPushButton(tr("Remove &mapping"), this))
    , m_mappingNote(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_impactModel(new QStandardItemModel(this))
    , m_impactView(new QTreeView(this))
    , m_loadButton(new QPushButton(tr("Load schema &file…"), this))
    , m_revertButton(new QPushButton(tr("Re&vert edits"), this))
    , m_checkButton(new QPushButton(tr("&Check impact"), this))
    , m_cancelButton(new QPushButton(tr("Cancel check"), this))
    , m_saveButton(new QPushButton(tr("&Save to the job…"), this))
{
    setWindowTitle(tr("Scope and mappings"));
    setObjectName(QStringLiteral("schemaChangeDialog"));
    const QString configuration = m_state.configuration ? m_state.configuration->displayName : QString();
    auto* intro = new QLabel(tr("Change who is synchronized from %1 to %2 (the scoping filter) and what is written "
                                "(the attribute mappings) of “%3”. Check impact lists the users whose outcome would "
                                "change and writes nothing; only Save to the job changes the configuration.")
                                 .arg(m_state.source.readableName(), targetName(), configuration),
        this);
    intro->setWordWrap(true);
    m_schemaLabel->setObjectName(QStringLiteral("schemaVersionLabel"));
    m_schemaLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Scope: groups with their clauses below them.
    m_scopeView->setObjectName(QStringLiteral("scopeView"));
    m_scopeView->setModel(m_scopeModel);
    m_scopeView->setAccessibleName(tr("Scoping filter: groups and their clauses"));
    m_scopeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_scopeView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_scopeView->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_addGroupButton->setObjectName(QStringLiteral("addGroupButton"));
    m_addGroupButton->setAccessibleName(tr("Add a scoping group"));
    m_addGroupButton->setToolTip(tr("A user is in scope when every clause of some group is true (and the service's "
                                    "own group “Filter external users” is true)."));
    m_addClauseButton->setObjectName(QStringLiteral("addClauseButton"));
    m_addClauseButton->setAccessibleName(tr("Add a clause to the selected group"));
    m_removeScopeButton->setObjectName(QStringLiteral("removeScopeButton"));
    m_removeScopeButton->setAccessibleName(tr("Remove the selected group or clause"));
    auto* scopeNote = new QLabel(tr("A group is true when all its clauses are; a user is in scope when any group is. "
                                    "Double-click a name, attribute or value to edit it; several values: separate "
                                    "them with “; ”. Values are compared case-sensitively."),
        this);
    scopeNote->setWordWrap(true);
    auto* scopeButtons = new QHBoxLayout;
    scopeButtons->addWidget(m_addGroupButton);
    scopeButtons->addWidget(m_addClauseButton);
    scopeButtons->addWidget(m_removeScopeButton);
    scopeButtons->addStretch(1);
    auto* scopePage = new QWidget(this);
    auto* scopeLayout = new QVBoxLayout(scopePage);
    scopeLayout->addWidget(scopeNote);
    scopeLayout->addWidget(m_scopeView, 1);
    scopeLayout->addLayout(scopeButtons);

    // Mappings: a table, and below it the selected mapping's source.
    m_mappingView->setObjectName(QStringLiteral("mappingView"));
    m_mappingView->setModel(m_mappingModel);
    m_mappingView->setRootIsDecorated(false);
    m_mappingView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mappingView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_mappingView->setAccessibleName(tr("Attribute mappings"));
    m_attributeRadio->setObjectName(QStringLiteral("attributeSourceRadio"));
    m_attributeRadio->setChecked(true);
    m_attributeCombo->setObjectName(QStringLiteral("sourceAttributeCombo"));
    m_attributeCombo->setEditable(true);
    m_attributeCombo->setAccessibleName(tr("Source attribute"));
    m_attributeCombo->setInsertPolicy(QComboBox::NoInsert);
    m_constantRadio->setObjectName(QStringLiteral("constantSourceRadio"));
    m_constantEdit->setObjectName(QStringLiteral("constantEdit"));
    m_constantEdit->setAccessibleName(tr("Constant value"));
    m_applyMappingButton->setObjectName(QStringLiteral("applyMappingButton"));
    m_removeMappingButton->setObjectName(QStringLiteral("removeMappingButton"));
    m_removeMappingButton->setToolTip(tr("The attribute is then no longer written by synchronization; values already "
                                         "in the target stay."));
    m_mappingNote->setObjectName(QStringLiteral("mappingNote"));
    m_mappingNote->setWordWrap(true);
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_attributeRadio);
    sourceRow->addWidget(m_attributeCombo, 1);
    sourceRow->addWidget(m_constantRadio);
    sourceRow->addWidget(m_constantEdit, 1);
    sourceRow->addWidget(m_applyMappingButton);
    sourceRow->addWidget(m_removeMappingButton);
    auto* mappingPage = new QWidget(this);
    auto* mappingLayout = new QVBoxLayout(mappingPage);
    mappingLayout->addWidget(m_mappingView, 1);
    mappingLayout->addLayout(sourceRow);
    mappingLayout->addWidget(m_mappingNote);

    m_tabs->setObjectName(QStringLiteral("schemaTabs"));
    m_tabs->addTab(scopePage, tr("Scope"));
    m_tabs->addTab(mappingPage, tr("Attribute mappings"));

    // The impact of the edits.
    m_counts->setObjectName(QStringLiteral("impactCounts"));
    m_counts->setWordWrap(true);
    QFont countsFont = m_counts->font();
    countsFont.setBold(true);
    m_counts->setFont(countsFont);
    m_counts->setText(tr("Not checked yet: edit the scope or the mappings, then Check impact."));
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Impact check in progress"));
    m_impactView->setObjectName(QStringLiteral("impactView"));
    m_impactView->setModel(m_impactModel);
    m_impactView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_impactView->setAccessibleName(tr("Users whose outcome changes"));
    m_impactView->setUniformRowHeights(true);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressLabel, 2);
    auto* impactBox = new QGroupBox(tr("Impact of the edits"), this);
    auto* impactLayout = new QVBoxLayout(impactBox);
    impactLayout->addWidget(m_counts);
    impactLayout->addLayout(progressRow);
    impactLayout->addWidget(m_impactView, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tabs);
    split->addWidget(impactBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_loadButton->setObjectName(QStringLiteral("loadSchemaButton"));
    m_loadButton->setToolTip(tr("Compare with an edited schema JSON, as 'tenantbridge-cli schema get' writes it."));
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Back to the job's schema as it is now."));
    m_checkButton->setObjectName(QStringLiteral("checkImpactButton"));
    m_checkButton->setToolTip(tr("Evaluates the assigned users under the job's schema and under the edits. Reads "
                                 "only."));
    m_cancelButton->setObjectName(QStringLiteral("cancelCheckButton"));
    m_saveButton->setObjectName(QStringLiteral("saveSchemaButton"));
    m_saveButton->setToolTip(tr("Offered once Check impact has run on exactly the current edits."));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_loadButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);
    buttons->addWidget(m_checkButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_schemaLabel);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    resize(1100, 820);

    connect(m_addGroupButton, &QPushButton::clicked, this, [this] {
        addGroup(tr("Group %1").arg(m_groups.size() + 1));
        m_scopeView->setCurrentIndex(m_scopeModel->index(static_cast<int>(m_groups.size()) - 1, kNameColumn));
    });
    connect(m_addClauseButton, &QPushButton::clicked, this, &SchemaChangeDialog::addClauseToSelected);
    connect(m_removeScopeButton, &QPushButton::clicked, this, &SchemaChangeDialog::removeSelected);
    connect(m_scopeModel, &QStandardItemModel::itemChanged, this, &SchemaChangeDialog::scopeItemChanged);
    connect(m_scopeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &SchemaChangeDialog::updateButtons);
    connect(m_mappingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &SchemaChangeDialog::selectedMappingChanged);
    connect(m_applyMappingButton, &QPushButton::clicked, this, &SchemaChangeDialog::applyMappingEdit);
    connect(m_removeMappingButton, &QPushButton::clicked, this, [this] {
        const int row = selectedMapping();
        if (row >= 0) {
            removeMapping(m_mappings.at(row).targetAttributeName);
        }
    });
    connect(m_attributeCombo, &QComboBox::currentTextChanged, this, [this] { m_attributeRadio->setChecked(true); });
    connect(m_constantEdit, &QLineEdit::textEdited, this, [this] { m_constantRadio->setChecked(true); });
    connect(m_loadButton, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("Load schema file"), {}, tr("Schema JSON (*.json);;All files (*)"));
        QString problem;
        if (!file.isEmpty() && !loadSchemaFile(file, &problem)) {
            m_banner->showMessage(MessageBanner::Level::Error, problem);
        }
    });
    connect(m_revertButton, &QPushButton::clicked, this, [this] {
        m_loadedFile.clear();
        showSchema(m_current);
        m_banner->hide();
    });
    connect(m_checkButton, &QPushButton::clicked, this, &SchemaChangeDialog::checkImpact);
    connect(m_cancelButton, &QPushButton::clicked, this, &SchemaChangeDialog::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, &SchemaChangeDialog::save);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateButtons();
    readSchema();
}

SchemaChangeDialog::~SchemaChangeDialog()
{
    if (m_run) {
        m_run->cancel();
    }
    if (m_call) {
        m_call->cancel();
    }
}

bool SchemaChangeDialog::isRequiredGroup(const SynchronizationSchema::ScopingGroup& group)
{
    return group.name.compare(QLatin1String(sync::MappingEvaluator::kExternalUsersGroup), Qt::CaseInsensitive) == 0;
}

QString SchemaChangeDialog::targetName() const
{
    return m_state.target.readableName();
}

bool SchemaChangeDialog::isBusy() const
{
    return m_run || m_call || m_confirmation;
}

void SchemaChangeDialog::fail(const QString& message)
{
    m_progress->setVisible(false);
    m_progressLabel->clear();
    m_banner->showMessage(MessageBanner::Level::Error, message);
    updateButtons();
}

void SchemaChangeDialog::readSchema()
{
    graph::GraphClient* client = m_workspace.setupClient(model::TenantRole::Source);
    if (!client || !m_state.configuration || !m_state.configuration->hasJob() || m_call) {
        m_banner->showMessage(MessageBanner::Level::Error,
            tr("The configuration's job is not known, or the source is not signed in: open the topology page first."));
        emit schemaRead(false);
        return;
    }
    m_progress->setVisible(true);
    m_progressLabel->setText(tr("Reading the job's schema…"));
    m_call = graph::SynchronizationSchemaEndpoints(*client).getSchema(
        m_state.configuration->servicePrincipalId, m_state.configuration->jobId);
    connect(m_call, &graph::GraphCall::finished, this, [this](const graph::GraphResponse& response) {
        m_call.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        const std::optional<SynchronizationSchema> schema
            = graph::SynchronizationSchemaEndpoints::parseSchema(response);
        if (!schema || !schema->userMapping()) {
            fail(tr("The job's schema could not be read: %1")
                     .arg(response.isSuccess() ? tr("it has no enabled user mapping.")
                                               : response.error().userMessage()));
            emit schemaRead(false);
            return;
        }
        m_current = *schema;
        m_loadedFile.clear();
        showSchema(m_current);
        emit schemaRead(true);
    });
    updateButtons();
}

bool SchemaChangeDialog::loadSchemaFile(const QString& filePath, QString* problem)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = tr("Could not read %1: %2").arg(filePath, file.errorString());
        return false;
    }
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        *problem
            = tr("%1 is not a schema JSON object (%2).")
                  .arg(filePath, error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object"));
        return false;
    }
    const SynchronizationSchema schema = SynchronizationSchema::fromJson(document.object());
    if (const QString reason = sync::ChangeImpact::schemaProblem(schema); !reason.isEmpty()) {
        *problem = tr("%1 cannot be compared: %2.").arg(filePath, reason);
        return false;
    }
    m_loadedFile = filePath;
    showSchema(schema);
    m_banner->showMessage(MessageBanner::Level::Information,
        tr("Comparing with %1. Check impact to see whom it changes; edits in the form apply on top of it.")
            .arg(QFileInfo(filePath).fileName()));
    return true;
}

void SchemaChangeDialog::showSchema(const SynchronizationSchema& schema)
{
    m_base = schema;
    m_ruleId = schema.userRuleId();
    const std::optional<SynchronizationSchema::ObjectMapping> mapping = schema.userMapping();
    m_mappingName = mapping ? mapping->name : QString();
    m_groups = mapping ? mapping->scopeGroups : QList<SynchronizationSchema::ScopingGroup>();
    m_mappings = mapping ? mapping->attributeMappings : QList<SynchronizationSchema::AttributeMapping>();
    m_baseMappings = m_mappings;
    QString label = tr("Job schema version %1, user mapping “%2”.").arg(m_current.version(), m_mappingName);
    if (!m_loadedFile.isEmpty()) {
        label += QLatin1Char(' ') + tr("Proposed: the schema file %1.").arg(QDir::toNativeSeparators(m_loadedFile));
    }
    m_schemaLabel->setText(label);

    // The attributes offered as sources: those the schema reads already, and common user attributes.
    QStringList attributes {QStringLiteral("accountEnabled"), QStringLiteral("city"), QStringLiteral("companyName"),
        QStringLiteral("country"), QStringLiteral("department"), QStringLiteral("displayName"),
        QStringLiteral("employeeId"), QStringLiteral("givenName"), QStringLiteral("jobTitle"), QStringLiteral("mail"),
        QStringLiteral("mailNickname"), QStringLiteral("mobilePhone"), QStringLiteral("officeLocation"),
        QStringLiteral("postalCode"), QStringLiteral("preferredLanguage"), QStringLiteral("state"),
        QStringLiteral("streetAddress"), QStringLiteral("surname"), QStringLiteral("telephoneNumber"),
        QStringLiteral("usageLocation"), QStringLiteral("userPrincipalName")};
    for (const SynchronizationSchema::AttributeMapping& each : std::as_const(m_mappings)) {
        if (each.source && each.source->type == Source::Type::Attribute
            && !attributes.contains(each.source->name, Qt::CaseInsensitive)) {
            attributes.append(each.source->name);
        }
    }
    attributes.sort(Qt::CaseInsensitive);
    m_attributeCombo->clear();
    m_attributeCombo->addItems(attributes);
    rebuildScope();
    rebuildMappings();
    clearImpact();
}

void SchemaChangeDialog::rebuildScope()
{
    m_rebuilding = true;
    const int keepGroup = selectedGroup();
    const int keepClause = selectedClause();
    m_scopeModel->clear();
    m_scopeModel->setHorizontalHeaderLabels({tr("Group"), tr("Attribute"), tr("Operator"), tr("Value(s)")});
    const QStringList operators = operatorNames();
    QList<QPair<QModelIndex, QPair<int, int>>> operatorCells;
    for (int g = 0; g < m_groups.size(); ++g) {
        const SynchronizationSchema::ScopingGroup& group = m_groups.at(g);
        const bool required = isRequiredGroup(group);
        auto* name = new QStandardItem(group.name);
        name->setEditable(!required);
        name->setData(g, kGroupRole);
        name->setData(-1, kClauseRole);
        name->setToolTip(required ? requiredGroupTip() : tr("Double-click to rename the group."));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        QList<QStandardItem*> row {name, readOnlyItem({}), readOnlyItem({}),
            readOnlyItem(required
                    ? tr("required by the service")
                    : tr("%n clause(s), all must be true", nullptr, static_cast<int>(group.clauses.size())))};
        for (QStandardItem* item : row) {
            item->setData(g, kGroupRole);
            item->setData(-1, kClauseRole);
        }
        m_scopeModel->appendRow(row);
        for (int c = 0; c < group.clauses.size(); ++c) {
            const SynchronizationSchema::ScopingClause& clause = group.clauses.at(c);
            const bool fixed = isRequiredClause(group, clause);
            auto* label = readOnlyItem(c == 0 ? tr("where") : tr("and"));
            auto* attribute = new QStandardItem(clause.sourceOperandName);
            auto* op = readOnlyItem(clause.operatorName);
            auto* values = new QStandardItem(clause.values.join(kValueSeparator));
            attribute->setEditable(!fixed);
            values->setEditable(!fixed && !isUnary(clause.operatorName));
            attribute->setAccessibleText(tr("Attribute of clause %1 of %2").arg(c + 1).arg(group.name));
            values->setAccessibleText(tr("Value of clause %1 of %2").arg(c + 1).arg(group.name));
            if (fixed) {
                for (QStandardItem* item : {label, attribute, op, values}) {
                    item->setToolTip(requiredGroupTip());
                }
            } else {
                values->setToolTip(tr("Several values: separate them with “; ”. A positive operator is true when any "
                                      "value matches."));
            }
            QList<QStandardItem*> clauseRow {label, attribute, op, values};
            for (QStandardItem* item : clauseRow) {
                item->setData(g, kGroupRole);
                item->setData(c, kClauseRole);
            }
            name->appendRow(clauseRow);
            if (!fixed) {
                operatorCells.append({op->index(), {g, c}});
            }
        }
    }
    // The operator of an editable clause is picked from the documented list (ScopingOperator).
    for (const auto& [index, position] : std::as_const(operatorCells)) {
        auto* combo = new QComboBox(m_scopeView);
        combo->setObjectName(QStringLiteral("operatorCombo_%1_%2").arg(position.first).arg(position.second));
        combo->setAccessibleName(
            tr("Operator of clause %1 of %2").arg(position.second + 1).arg(m_groups.at(position.first).name));
        combo->addItems(operators);
        const QString current = m_groups.at(position.first).clauses.at(position.second).operatorName;
        const std::optional<ScopingOperator::Kind> kind = ScopingOperator::fromName(current);
        if (kind) {
            combo->setCurrentText(ScopingOperator::name(*kind));
        } else {
            combo->insertItem(0, current); // shown as the schema has it; the service may refuse it
            combo->setCurrentIndex(0);
        }
        const int g = position.first;
        const int c = position.second;
        connect(combo, &QComboBox::currentTextChanged, this,
            [this, g, c](const QString& text) { setClauseOperator(g, c, text); });
        m_scopeView->setIndexWidget(index, combo);
    }
    m_scopeView->expandAll();
    m_scopeView->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_scopeView->setColumnWidth(kNameColumn, 230);
    m_scopeView->setColumnWidth(kAttributeColumn, 220);
    m_scopeView->setColumnWidth(kOperatorColumn, 210);
    m_rebuilding = false;
    // Keep the selection where the user was.
    if (keepGroup >= 0 && keepGroup < m_groups.size()) {
        const QModelIndex group = m_scopeModel->index(keepGroup, kNameColumn);
        const int clauses = static_cast<int>(m_groups.at(keepGroup).clauses.size());
        m_scopeView->setCurrentIndex(
            keepClause >= 0 && keepClause < clauses ? m_scopeModel->index(keepClause, kNameColumn, group) : group);
    }
    updateButtons();
}

void SchemaChangeDialog::rebuildMappings()
{
    const int keep = selectedMapping();
    m_mappingModel->clear();
    m_mappingModel->setHorizontalHeaderLabels(
        {tr("Target attribute"), tr("Source"), tr("Kind"), tr("Apply this mapping"), tr("Flow")});
    for (int i = 0; i < m_mappings.size(); ++i) {
        const SynchronizationSchema::AttributeMapping& mapping = m_mappings.at(i);
        QString kind = mapping.source ? Source::typeName(mapping.source->type) : tr("Default value");
        if (mapping.matchingPriority > 0) {
            kind = tr("Matching (the service's own)");
        }
        const QString apply = mapping.flowType == QLatin1String("ObjectAddOnly") ? tr("only on create") : tr("always");
        QList<QStandardItem*> row {readOnlyItem(mapping.targetAttributeName), readOnlyItem(sourceText(mapping)),
            readOnlyItem(kind), readOnlyItem(apply), readOnlyItem(mapping.flowBehavior)};
        const bool changed = i >= m_baseMappings.size() || !(m_baseMappings.at(i) == mapping);
        for (QStandardItem* item : row) {
            item->setData(i, kMappingRole);
            if (changed) {
                QFont font = item->font();
                font.setItalic(true);
                item->setFont(font);
                item->setToolTip(tr("Changed in this form"));
            }
        }
        m_mappingModel->appendRow(row);
    }
    m_mappingView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (!m_mappings.isEmpty()) {
        m_mappingView->setCurrentIndex(
            m_mappingModel->index(std::clamp(keep, 0, static_cast<int>(m_mappings.size()) - 1), 0));
    }
    selectedMappingChanged();
}

int SchemaChangeDialog::selectedGroup() const
{
    const QModelIndex index = m_scopeView->currentIndex();
    return index.isValid() ? index.data(kGroupRole).toInt() : -1;
}

int SchemaChangeDialog::selectedClause() const
{
    const QModelIndex index = m_scopeView->currentIndex();
    return index.isValid() ? index.data(kClauseRole).toInt() : -1;
}

int SchemaChangeDialog::selectedMapping() const
{
    const QModelIndex index = m_mappingView->currentIndex();
    return index.isValid() ? index.data(kMappingRole).toInt() : -1;
}

void SchemaChangeDialog::scopeItemChanged(QStandardItem* item)
{
    if (m_rebuilding) {
        return;
    }
    const int g = item->data(kGroupRole).toInt();
    const int c = item->data(kClauseRole).toInt();
    if (g < 0 || g >= m_groups.size()) {
        return;
    }
    SynchronizationSchema::ScopingGroup& group = m_groups[g];
    if (c < 0) {
        if (item->column() == kNameColumn) {
            group.name = item->text().trimmed();
        }
    } else if (c < group.clauses.size()) {
        SynchronizationSchema::ScopingClause& clause = group.clauses[c];
        if (item->column() == kAttributeColumn) {
            clause.sourceOperandName = item->text().trimmed();
        } else if (item->column() == kValuesColumn) {
            QStringList values;
            for (const QString& value : item->text().split(kValueSeparator)) {
                if (!value.isEmpty()) {
                    values.append(value);
                }
            }
            clause.values = values;
        }
    }
    clearImpact();
}

void SchemaChangeDialog::setClauseOperator(int group, int clause, const QString& operatorName)
{
    if (group < 0 || group >= m_groups.size() || clause < 0 || clause >= m_groups.at(group).clauses.size()) {
        return;
    }
    SynchronizationSchema::ScopingClause& edited = m_groups[group].clauses[clause];
    edited.operatorName = operatorName;
    QStandardItem* values = m_scopeModel->item(group, kNameColumn)->child(clause, kValuesColumn);
    if (isUnary(operatorName)) {
        edited.values.clear(); // IS TRUE, IS NULL, ... take no value
        m_rebuilding = true;
        values->setText({});
        m_rebuilding = false;
    }
    values->setEditable(!isUnary(operatorName));
    clearImpact();
}

void SchemaChangeDialog::addGroup(const QString& name)
{
    SynchronizationSchema::ScopingGroup group;
    group.name = name;
    SynchronizationSchema::ScopingClause clause;
    clause.sourceOperandName = QStringLiteral("department");
    clause.operatorName = ScopingOperator::name(ScopingOperator::Kind::Equals);
    group.clauses.append(clause);
    m_groups.append(group);
    rebuildScope();
    clearImpact();
}

bool SchemaChangeDialog::addClause(int group, const SynchronizationSchema::ScopingClause& clause)
{
    if (group < 0 || group >= m_groups.size()) {
        return false;
    }
    m_groups[group].clauses.append(clause);
    rebuildScope();
    clearImpact();
    return true;
}

void SchemaChangeDialog::addClauseToSelected()
{
    const int group = selectedGroup();
    SynchronizationSchema::ScopingClause clause;
    clause.sourceOperandName = QStringLiteral("department");
    clause.operatorName = ScopingOperator::name(ScopingOperator::Kind::Equals);
    if (addClause(group, clause)) {
        const QModelIndex parent = m_scopeModel->index(group, kNameColumn);
        const int last = static_cast<int>(m_groups.at(group).clauses.size()) - 1;
        m_scopeView->setCurrentIndex(m_scopeModel->index(last, kAttributeColumn, parent));
    }
}

bool SchemaChangeDialog::removeClause(int group, int clause)
{
    if (group < 0 || group >= m_groups.size() || clause < 0 || clause >= m_groups.at(group).clauses.size()
        || isRequiredClause(m_groups.at(group), m_groups.at(group).clauses.at(clause))) {
        return false;
    }
    m_groups[group].clauses.removeAt(clause);
    if (m_groups.at(group).clauses.isEmpty()) {
        m_groups.removeAt(group); // a group without clauses would let everybody in
    }
    m_scopeView->setCurrentIndex({});
    rebuildScope();
    clearImpact();
    return true;
}

bool SchemaChangeDialog::removeGroup(int group)
{
    if (group < 0 || group >= m_groups.size() || isRequiredGroup(m_groups.at(group))) {
        return false;
    }
    m_groups.removeAt(group);
    m_scopeView->setCurrentIndex({});
    rebuildScope();
    clearImpact();
    return true;
}

void SchemaChangeDialog::removeSelected()
{
    const int group = selectedGroup();
    const int clause = selectedClause();
    if (clause >= 0) {
        removeClause(group, clause);
    } else {
        removeGroup(group);
    }
}

void SchemaChangeDialog::selectedMappingChanged()
{
    const int row = selectedMapping();
    const bool valid = row >= 0 && row < m_mappings.size();
    const bool editable = valid && isEditable(m_mappings.at(row));
    for (QWidget* widget : std::initializer_list<QWidget*> {m_attributeRadio, m_attributeCombo, m_constantRadio,
             m_constantEdit, m_applyMappingButton, m_removeMappingButton}) {
        widget->setEnabled(editable);
    }
    if (!valid) {
        m_mappingNote->setText(tr("Pick a mapping to change its source."));
        return;
    }
    const SynchronizationSchema::AttributeMapping& mapping = m_mappings.at(row);
    if (mapping.matchingPriority > 0) {
        m_mappingNote->setText(tr("%1 is the service's matching mapping (AltSecIdFromNetId): changing or removing it "
                                  "makes the service refuse the schema (schemaInvalid).")
                                   .arg(mapping.targetAttributeName));
        return;
    }
    if (!editable) {
        m_mappingNote->setText(tr("%1 is a function expression, shown read-only here. To change it, save the schema "
                                  "with 'tenantbridge-cli schema get --output FILE', edit the file, and compare it "
                                  "with Load schema file… (or 'tenantbridge-cli impact --schema FILE').")
                                   .arg(mapping.targetAttributeName));
        return;
    }
    m_mappingNote->setText(
        tr("Writes %1 of each user in %2 %3.")
            .arg(mapping.targetAttributeName, targetName(),
                mapping.flowType == QLatin1String("ObjectAddOnly") ? tr("only when synchronization creates the user")
                                                                   : tr("on every change")));
    if (mapping.source && mapping.source->type == Source::Type::Constant) {
        m_constantEdit->setText(mapping.source->name);
        m_constantRadio->setChecked(true);
    } else {
        m_constantEdit->clear();
        m_attributeCombo->setCurrentText(mapping.source ? mapping.source->name : QString());
        m_attributeRadio->setChecked(true);
    }
}

void SchemaChangeDialog::applyMappingEdit()
{
    const int row = selectedMapping();
    if (row < 0 || row >= m_mappings.size()) {
        return;
    }
    const QString attribute = m_attributeCombo->currentText().trimmed();
    if (m_attributeRadio->isChecked() && attribute.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning, tr("Name the source attribute first."));
        return;
    }
    setMappingSource(m_mappings.at(row).targetAttributeName,
        m_attributeRadio->isChecked() ? Source::attribute(attribute) : Source::constant(m_constantEdit->text()));
}

bool SchemaChangeDialog::setMappingSource(const QString& targetAttribute, const Source& source)
{
    for (SynchronizationSchema::AttributeMapping& mapping : m_mappings) {
        if (mapping.targetAttributeName.compare(targetAttribute, Qt::CaseInsensitive) == 0) {
            if (!isEditable(mapping)) {
                return false;
            }
            mapping.source = source;
            rebuildMappings();
            clearImpact();
            return true;
        }
    }
    return false;
}

bool SchemaChangeDialog::removeMapping(const QString& targetAttribute)
{
    for (int i = 0; i < m_mappings.size(); ++i) {
        const SynchronizationSchema::AttributeMapping& mapping = m_mappings.at(i);
        if (mapping.targetAttributeName.compare(targetAttribute, Qt::CaseInsensitive) == 0) {
            if (!isEditable(mapping)) {
                return false;
            }
            m_mappings.removeAt(i);
            // The changed-marks follow the rows: drop the removed one from the comparison too.
            if (i < m_baseMappings.size()) {
                m_baseMappings.removeAt(i);
            }
            rebuildMappings();
            clearImpact();
            return true;
        }
    }
    return false;
}

SynchronizationSchema SchemaChangeDialog::proposedSchema() const
{
    SynchronizationSchema proposed = m_base;
    if (!m_ruleId.isEmpty() && !m_mappingName.isEmpty()) {
        const std::optional<SynchronizationSchema::ObjectMapping> mapping = m_base.userMapping();
        // Only what changed is written back, so an untouched schema stays byte for byte what was read.
        if (mapping && !(mapping->scopeGroups == m_groups)) {
            proposed.setScopeGroups(m_ruleId, m_mappingName, m_groups);
        }
        if (mapping && !(mapping->attributeMappings == m_mappings)) {
            proposed.setAttributeMappings(m_ruleId, m_mappingName, m_mappings);
        }
    }
    return proposed;
}

QByteArray SchemaChangeDialog::fingerprint() const
{
    return QJsonDocument(proposedSchema().toJson()).toJson(QJsonDocument::Compact);
}

bool SchemaChangeDialog::isChecked() const
{
    return m_impact.has_value() && !m_checkedFingerprint.isEmpty() && m_checkedFingerprint == fingerprint();
}

QString SchemaChangeDialog::editProblem() const
{
    for (const SynchronizationSchema::ScopingGroup& group : m_groups) {
        if (group.name.trimmed().isEmpty()) {
            return tr("Every scoping group needs a name.");
        }
        for (const SynchronizationSchema::ScopingClause& clause : group.clauses) {
            if (clause.sourceOperandName.trimmed().isEmpty()) {
                return tr("A clause of “%1” names no attribute.").arg(group.name);
            }
            if (!ScopingOperator::fromName(clause.operatorName)) {
                return tr("“%1” in “%2” is not a scoping operator the service knows.")
                    .arg(clause.operatorName, group.name);
            }
            if (!isUnary(clause.operatorName) && clause.values.isEmpty()) {
                return tr("The clause “%1 %2” of “%3” needs a value.")
                    .arg(clause.sourceOperandName, clause.operatorName, group.name);
            }
        }
    }
    return {};
}

void SchemaChangeDialog::clearImpact()
{
    if (m_rebuilding) {
        return;
    }
    // A result about other edits is not shown as if it were about these.
    if (m_impact && !isChecked()) {
        m_counts->setText(tr("The edits changed since the last check: Check impact again before saving."));
    }
    updateButtons();
}

void SchemaChangeDialog::checkImpact()
{
    graph::GraphClient* sourceClient = m_workspace.setupClient(model::TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(model::TenantRole::Target);
    if (isBusy() || m_current.isEmpty() || !sourceClient || !targetClient || !m_state.configuration) {
        return;
    }
    if (const QString problem = editProblem(); !problem.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning, problem);
        return;
    }
    auto* run = new sync::ChangeImpact(*sourceClient, *targetClient, this);
    m_run = run;
    m_runningFingerprint = fingerprint();
    connect(run, &sync::ChangeImpact::progress, this,
        [this](const QString& step) { m_progressLabel->setText(step + QStringLiteral("…")); });
    connect(run, &sync::ChangeImpact::finished, this, [this, run](const ImpactResult& result) {
        run->deleteLater();
        m_run.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        m_impact = result;
        m_checkedFingerprint = m_runningFingerprint;
        showImpact(result);
        updateButtons();
        emit impactFinished(true);
    });
    connect(run, &sync::ChangeImpact::failed, this, [this, run](const QString& userMessage) {
        run->deleteLater();
        m_run.clear();
        fail(userMessage);
        emit impactFinished(false);
    });
    if (!run->start(m_state.configuration->servicePrincipalId, m_state.configuration->jobId, proposedSchema())) {
        run->deleteLater();
        m_run.clear();
        fail(tr("The impact check could not start: %1").arg(sync::ChangeImpact::schemaProblem(proposedSchema())));
        return;
    }
    m_banner->hide();
    m_progress->setVisible(true);
    m_progressLabel->setText(tr("Reading the assigned users…"));
    updateButtons();
}

void SchemaChangeDialog::cancel()
{
    if (!m_run) {
        return;
    }
    m_run->cancel();
    m_run->deleteLater();
    m_run.clear();
    m_progress->setVisible(false);
    m_progressLabel->setText(tr("Impact check cancelled."));
    updateButtons();
}

void SchemaChangeDialog::showImpact(const ImpactResult& result)
{
    const QString target = targetName();
    QStringList parts;
    parts.append(
        tr("%n user(s) leave scope and are soft-deleted in %1", nullptr, result.count(Change::SoftDelete)).arg(target));
    parts.append(tr("%n created", nullptr, result.count(Change::Create)));
    parts.append(tr("%n updated", nullptr, result.count(Change::Update)));
    if (const int entering = result.count(Change::EntersScope); entering > 0) {
        parts.append(tr("%n taken over", nullptr, entering));
    }
    if (const int notCreated = result.count(Change::NoLongerCreated); notCreated > 0) {
        parts.append(tr("%n no longer created", nullptr, notCreated));
    }
    QString text = parts.join(QStringLiteral(" · "));
    text += QLatin1Char('\n')
        + tr("%n assigned user(s) evaluated under both schemas; nothing was written.", nullptr, result.usersConsidered);
    if (result.isCapped()) {
        text += QLatin1Char(' ')
            + tr("Only the first %1 of %2 assigned users were evaluated.")
                  .arg(result.usersConsidered)
                  .arg(result.usersAvailable);
    }
    m_counts->setText(text);

    m_impactModel->clear();
    m_impactModel->setHorizontalHeaderLabels({tr("User"), tr("Name"), tr("What changes")});
    for (const Change change : kOrder) {
        const QList<ImpactResult::UserImpact> users = result.usersWith(change);
        if (users.isEmpty()) {
            continue;
        }
        auto* head = readOnlyItem(tr("%1 (%2)").arg(heading(change, target)).arg(users.size()));
        QFont bold = head->font();
        bold.setBold(true);
        head->setFont(bold);
        head->setData(static_cast<int>(change), Qt::UserRole);
        for (const ImpactResult::UserImpact& user : users) {
            QStringList attributes;
            for (const ImpactResult::AttributeChange& attribute : user.attributes) {
                attributes.append(tr("%1: %2 → %3").arg(attribute.name, attribute.before, attribute.after));
            }
            auto* what = readOnlyItem(
                attributes.isEmpty() ? scopeChangeText(user.reason) : attributes.join(QStringLiteral("; ")));
            what->setToolTip(user.reason);
            head->appendRow({readOnlyItem(user.userPrincipalName), readOnlyItem(user.displayName), what});
        }
        m_impactModel->appendRow({head, readOnlyItem({}), readOnlyItem({})});
    }
    if (result.users.isEmpty()) {
        m_impactModel->appendRow(readOnlyItem(tr("No assigned user's outcome changes.")));
    }
    for (const QString& problem : result.problems) {
        m_impactModel->appendRow(readOnlyItem(tr("Note: %1").arg(problem)));
    }
    m_impactView->expandAll();
    m_impactView->setColumnWidth(0, 380);
    m_impactView->setColumnWidth(1, 180);
}

void SchemaChangeDialog::save()
{
    if (isBusy() || !isChecked()) {
        return;
    }
    const ImpactResult& result = *m_impact;
    const QString target = targetName();
    QStringList lines;
    if (const int leaving = result.count(Change::SoftDelete); leaving > 0) {
        lines.append(
            tr("%n user(s) leave scope: the service soft-deletes them in %1 on its next cycle.", nullptr, leaving)
                .arg(target));
    }
    if (const int created = result.count(Change::Create); created > 0) {
        lines.append(tr("%n user(s) would be created in %1.", nullptr, created).arg(target));
    }
    if (const int updated = result.count(Change::Update) + result.count(Change::EntersScope); updated > 0) {
        lines.append(tr("%n user(s) would be updated in %1.", nullptr, updated).arg(target));
    }
    if (const int notCreated = result.count(Change::NoLongerCreated); notCreated > 0) {
        lines.append(tr("%n user(s) would no longer be created.", nullptr, notCreated));
    }
    if (lines.isEmpty()) {
        lines.append(tr("No assigned user's outcome changes."));
    }
    lines.append(tr("The job's next cycle evaluates every user again with the saved schema."));
    const QString configuration = m_state.configuration ? m_state.configuration->displayName : QString();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Save to the job"),
        tr("Save the changed scope and mappings to the job of “%1”?").arg(configuration), QMessageBox::Cancel, this);
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    QPushButton* go = box->addButton(tr("Save to the job"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, go] {
        const bool accepted = box->clickedButton() == go;
        m_confirmation.clear();
        if (accepted) {
            putSchema();
        } else {
            updateButtons();
        }
    });
    box->open();
    updateButtons();
}

void SchemaChangeDialog::putSchema()
{
    graph::GraphClient* client = m_workspace.setupClient(model::TenantRole::Source);
    if (!client || !isChecked() || m_call || m_run) {
        return;
    }
    m_progress->setVisible(true);
    m_progressLabel->setText(tr("Saving the schema to the job…"));
    m_call = graph::SynchronizationSchemaEndpoints(*client).putSchema(
        m_state.configuration->servicePrincipalId, m_state.configuration->jobId, proposedSchema());
    connect(m_call, &graph::GraphCall::finished, this, [this](const graph::GraphResponse& response) {
        m_call.clear();
        if (!response.isSuccess()) {
            fail(tr("The job did not take the schema; nothing changed. %1").arg(response.error().userMessage()));
            emit saveFinished(false, {});
            return;
        }
        readBack(m_current.version());
    });
    updateButtons();
}

void SchemaChangeDialog::readBack(const QString& savedVersion)
{
    graph::GraphClient* client = m_workspace.setupClient(model::TenantRole::Source);
    if (!client) {
        fail(tr("Saved, but the source is no longer signed in to read the schema back."));
        emit saveFinished(true, {});
        return;
    }
    m_progressLabel->setText(tr("Saved; reading the schema back…"));
    m_call = graph::SynchronizationSchemaEndpoints(*client).getSchema(
        m_state.configuration->servicePrincipalId, m_state.configuration->jobId);
    connect(m_call, &graph::GraphCall::finished, this, [this, savedVersion](const graph::GraphResponse& response) {
        m_call.clear();
        m_progress->setVisible(false);
        m_progressLabel->clear();
        const std::optional<SynchronizationSchema> schema
            = graph::SynchronizationSchemaEndpoints::parseSchema(response);
        if (!schema) {
            fail(tr("Saved, but the schema could not be read back: %1").arg(response.error().userMessage()));
            emit saveFinished(true, {});
            return;
        }
        m_current = *schema;
        m_loadedFile.clear();
        m_impact.reset();
        m_checkedFingerprint.clear();
        showSchema(m_current);
        m_impactModel->clear();
        m_counts->setText(tr("Saved. Edit again and Check impact to compare with the saved schema."));
        m_banner->showMessage(MessageBanner::Level::Information,
            tr("Saved: the job's schema is now version %1 (was %2). The service applies it on its next cycle.")
                .arg(m_current.version(), savedVersion));
        emit saveFinished(true, m_current.version());
    });
}

void SchemaChangeDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool loaded = !m_current.isEmpty();
    const int group = selectedGroup();
    const int clause = selectedClause();
    const bool groupValid = group >= 0 && group < m_groups.size();
    m_addGroupButton->setEnabled(loaded);
    m_addClauseButton->setEnabled(loaded && groupValid);
    bool removable = false;
    QString removeTip = tr("Select a group or a clause to remove it.");
    if (groupValid) {
        const SynchronizationSchema::ScopingGroup& selected = m_groups.at(group);
        const bool required = clause >= 0 && clause < selected.clauses.size()
            ? isRequiredClause(selected, selected.clauses.at(clause))
            : isRequiredGroup(selected);
        removable = !required;
        removeTip = required ? requiredGroupTip()
                             : (clause >= 0 ? tr("Remove the selected clause (a group left empty goes too).")
                                            : tr("Remove the selected group with its clauses."));
    }
    m_removeScopeButton->setEnabled(loaded && removable);
    m_removeScopeButton->setToolTip(removeTip);
    m_loadButton->setEnabled(!busy);
    m_revertButton->setEnabled(!busy && loaded);
    m_checkButton->setEnabled(!busy && loaded);
    m_cancelButton->setEnabled(static_cast<bool>(m_run));
    m_saveButton->setEnabled(!busy && loaded && isChecked());
}

} // namespace tb::ui
