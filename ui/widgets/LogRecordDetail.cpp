// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/LogRecordDetail.h"

#include "core/sync/ErrorCatalogue.h"
#include "ui/models/LogTableModel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tb::ui {

using model::ProvisioningLogEntry;

namespace {

enum StepColumn { StepName, StepStatus, StepDescription, StepColumnCount };
enum PropertyColumn { PropertyName, PropertyOld, PropertyNew, PropertyColumnCount };

QString stepTypeText(const QString& type)
{
    if (type == QLatin1String("import")) {
        return LogRecordDetail::tr("Import");
    }
    if (type == QLatin1String("scoping")) {
        return LogRecordDetail::tr("Scoping");
    }
    if (type == QLatin1String("matching")) {
        return LogRecordDetail::tr("Matching");
    }
    if (type == QLatin1String("processing")) {
        return LogRecordDetail::tr("Processing");
    }
    if (type == QLatin1String("referenceresolution")) {
        return LogRecordDetail::tr("Reference resolution");
    }
    if (type == QLatin1String("export")) {
        return LogRecordDetail::tr("Export");
    }
    return type;
}

QLabel* wrappingLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    // A wrapped label asks for the width of its longest word, and a guest's UPN
    // (adele.archie_contoso.example#EXT#@fabrikam.onmicrosoft.com) made the whole record wider than the pane, cut
    // off at the right. It takes the pane's width instead; only such a word is cut.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QLineEdit* idField(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    field->setReadOnly(true);
    field->setFrame(false);
    return field;
}

QString valueText(const std::optional<QString>& value)
{
    return value ? *value : LogRecordDetail::tr("(none)");
}

QString identityText(const ProvisioningLogEntry::Identity& identity)
{
    if (identity.displayName.isEmpty()) {
        return identity.id;
    }
    return identity.displayName;
}

} // namespace

LogRecordDetail::LogRecordDetail(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_heading(wrappingLabel(this))
    , m_errorBox(new QGroupBox(tr("Error"), this))
    , m_errorTitle(wrappingLabel(this))
    , m_errorMeaning(wrappingLabel(this))
    , m_errorAction(wrappingLabel(this))
    , m_errorReason(wrappingLabel(this))
    , m_steps(new QTreeWidget(this))
    , m_propertiesBox(new QGroupBox(tr("Modified properties"), this))
    , m_properties(new QTableWidget(0, PropertyColumnCount, this))
    , m_recordId(idField(QStringLiteral("recordIdField"), tr("Record id"), this))
    , m_changeId(idField(QStringLiteral("changeIdField"), tr("Change id"), this))
    , m_cycleId(idField(QStringLiteral("cycleIdField"), tr("Cycle id"), this))
    , m_jobId(idField(QStringLiteral("jobIdField"), tr("Job id"), this))
{
    auto* hint = new QLabel(tr("Select a record to see the steps the provisioning service went through, the "
                               "properties it changed and, for a failure, what the error means and what to do."),
        this);
    hint->setObjectName(QStringLiteral("logDetailHint"));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);

    m_heading->setObjectName(QStringLiteral("logDetailHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_errorBox->setObjectName(QStringLiteral("logDetailError"));
    m_errorTitle->setObjectName(QStringLiteral("logErrorTitle"));
    QFont bold = m_errorTitle->font();
    bold.setBold(true);
    m_errorTitle->setFont(bold);
    m_errorMeaning->setObjectName(QStringLiteral("logErrorMeaning"));
    m_errorAction->setObjectName(QStringLiteral("logErrorAction"));
    m_errorReason->setObjectName(QStringLiteral("logErrorReason"));
    auto* errorLayout = new QVBoxLayout(m_errorBox);
    errorLayout->addWidget(m_errorTitle);
    errorLayout->addWidget(m_errorMeaning);
    errorLayout->addWidget(m_errorAction);
    errorLayout->addWidget(m_errorReason);

    m_steps->setObjectName(QStringLiteral("logDetailSteps"));
    m_steps->setAccessibleName(tr("Steps of the provisioning service"));
    m_steps->setColumnCount(StepColumnCount);
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("What happened")});
    m_steps->setRootIsDecorated(true);
    m_steps->setWordWrap(false); // rows are one line high: wrapped text would be cut after its first words
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(StepName, 130);
    m_steps->setColumnWidth(StepStatus, 90);

    m_properties->setObjectName(QStringLiteral("logDetailProperties"));
    m_properties->setAccessibleName(tr("Properties changed, old and new value"));
    m_properties->setHorizontalHeaderLabels({tr("Property"), tr("Old value"), tr("→ New value")});
    m_properties->verticalHeader()->setVisible(false);
    m_properties->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_properties->horizontalHeader()->setStretchLastSection(true);
    m_properties->setColumnWidth(PropertyName, 140);
    m_properties->setColumnWidth(PropertyOld, 160);
    auto* propertiesLayout = new QVBoxLayout(m_propertiesBox);
    propertiesLayout->addWidget(m_properties);

    auto* ids = new QGroupBox(tr("Ids (to quote in a support case)"), this);
    auto* idsLayout = new QFormLayout(ids);
    idsLayout->addRow(tr("Record:"), m_recordId);
    idsLayout->addRow(tr("Change:"), m_changeId);
    idsLayout->addRow(tr("Cycle:"), m_cycleId);
    idsLayout->addRow(tr("Job:"), m_jobId);

    auto* stepsLabel = new QLabel(tr("Steps"), this);
    stepsLabel->setFont(bold);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_heading);
    contentLayout->addWidget(m_errorBox);
    contentLayout->addWidget(stepsLabel);
    contentLayout->addWidget(m_steps, 2);
    contentLayout->addWidget(m_propertiesBox, 1);
    contentLayout->addWidget(ids);
    // The steps keep room for their usual five rows: squeezed, the wrapped error text above would overlap instead.
    m_steps->setMinimumHeight(m_steps->fontMetrics().height() * 9);
    m_properties->setMinimumHeight(m_properties->fontMetrics().height() * 6);

    // In a short window the record scrolls as a whole rather than squeezing its parts into each other.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("logDetailScroll"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the record follows the pane's width
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_stack->addWidget(hint);
    m_stack->addWidget(scroll);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

void LogRecordDetail::clear()
{
    m_record.reset();
    m_stack->setCurrentIndex(0);
}

void LogRecordDetail::showRecord(const ProvisioningLogEntry& entry)
{
    m_record = entry;
    const QString source = identityText(entry.sourceIdentity);
    const QString target = identityText(entry.targetIdentity);
    QString who = source.toHtmlEscaped();
    if (!target.isEmpty()) {
        who += QStringLiteral(" → ") + target.toHtmlEscaped();
    }
    m_heading->setText(
        tr("<b>%1</b> · %2 · %3<br>%4")
            .arg(LogTableModel::statusText(entry.status).toHtmlEscaped(),
                LogTableModel::actionText(entry.action).toHtmlEscaped(), who,
                QLocale().toString(entry.activityDateTime.toLocalTime(), QLocale::LongFormat).toHtmlEscaped()));

    m_errorBox->setVisible(!entry.error.isEmpty());
    if (!entry.error.isEmpty()) {
        const sync::ErrorCatalogue::Explanation explanation
            = sync::ErrorCatalogue::builtIn().explainError(entry.error.code);
        m_errorTitle->setText(
            explanation.title.isEmpty() ? entry.error.code : tr("%1 (%2)").arg(explanation.title, entry.error.code));
        m_errorMeaning->setText(explanation.meaning);
        m_errorMeaning->setVisible(!explanation.meaning.isEmpty());
        const QString action = explanation.action.isEmpty() ? entry.error.recommendedAction : explanation.action;
        m_errorAction->setText(tr("What to do: %1").arg(action));
        m_errorAction->setVisible(!action.isEmpty());
        QString reason = entry.error.reason;
        if (!entry.error.additionalDetails.isEmpty()) {
            reason += QLatin1Char(' ') + entry.error.additionalDetails;
        }
        m_errorReason->setText(tr("The service said: %1").arg(reason.trimmed()));
        m_errorReason->setVisible(!reason.trimmed().isEmpty());
    }

    m_steps->clear();
    for (const ProvisioningLogEntry::Step& step : entry.steps) {
        auto* item = new QTreeWidgetItem(m_steps);
        item->setText(StepName, stepTypeText(step.type));
        item->setToolTip(StepName, step.name);
        item->setIcon(StepStatus, LogTableModel::statusIcon(step.status));
        item->setText(StepStatus, LogTableModel::statusText(step.status));
        // One line in the tree (the service writes some descriptions over several); the tooltip has them as written.
        item->setText(StepDescription, step.description.simplified());
        item->setToolTip(StepDescription, step.description);
        for (const auto& [key, value] : step.details) {
            auto* detail = new QTreeWidgetItem(item);
            detail->setText(StepName, key);
            detail->setText(StepDescription, value);
            detail->setToolTip(StepDescription, value);
        }
    }

    m_propertiesBox->setVisible(!entry.modifiedProperties.isEmpty());
    m_properties->setRowCount(static_cast<int>(entry.modifiedProperties.size()));
    for (int row = 0; row < entry.modifiedProperties.size(); ++row) {
        const ProvisioningLogEntry::ModifiedProperty& property = entry.modifiedProperties.at(row);
        const QStringList texts {property.name, valueText(property.oldValue), valueText(property.newValue)};
        for (int column = 0; column < PropertyColumnCount; ++column) {
            auto* item = new QTableWidgetItem(texts.at(column));
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            item->setToolTip(texts.at(column));
            m_properties->setItem(row, column, item);
        }
    }

    m_recordId->setText(entry.id);
    m_changeId->setText(entry.changeId);
    m_cycleId->setText(entry.cycleId);
    m_jobId->setText(entry.jobId);
    for (QLineEdit* field : {m_recordId, m_changeId, m_cycleId, m_jobId}) {
        field->setCursorPosition(0);
    }
    m_stack->setCurrentIndex(1);
}

} // namespace tb::ui
