// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/UserPreviewDetail.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::ui {

using sync::TestSyncOutcome;
using sync::UserPreview;

namespace {

QLabel* wrappingLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Long explanations (the match, a test sync's steps) scroll inside their own box rather than squeezing the table.
QPlainTextEdit* readOnlyText(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* text = new QPlainTextEdit(parent);
    text->setObjectName(objectName);
    text->setAccessibleName(accessibleName);
    text->setReadOnly(true);
    text->setFrameShape(QFrame::NoFrame);
    text->setBackgroundVisible(false);
    text->viewport()->setAutoFillBackground(false);
    text->setTabChangesFocus(true);
    return text;
}

QTableWidgetItem* cell(const QString& text, bool bold = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text);
    if (bold) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

} // namespace

UserPreviewDetail::UserPreviewDetail(QWidget* parent)
    : QWidget(parent)
    , m_heading(wrappingLabel(QStringLiteral("previewHeading"), this))
    , m_facts(readOnlyText(QStringLiteral("previewFacts"), tr("Why sync would do this"), this))
    , m_attributes(new QTableWidget(0, AttributeColumnCount, this))
    , m_outcome(readOnlyText(QStringLiteral("previewOutcome"), tr("What the test sync did"), this))
{
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_attributes->setObjectName(QStringLiteral("previewAttributes"));
    m_attributes->setHorizontalHeaderLabels(
        {tr("Attribute"), tr("In the target now"), tr("Sync would write"), tr("After the test sync"), tr("Note")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->setVisible(false);
    m_attributes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attributes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attributes->setAccessibleName(tr("Target attributes: now, predicted and after the test sync"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    auto* parts = new QSplitter(Qt::Vertical, this);
    parts->addWidget(m_facts);
    parts->addWidget(m_attributes);
    parts->addWidget(m_outcome);
    parts->setStretchFactor(0, 1);
    parts->setStretchFactor(1, 3);
    parts->setStretchFactor(2, 1);
    parts->setChildrenCollapsible(false);
    layout->addWidget(parts, 1);
    clear();
}

void UserPreviewDetail::clear()
{
    m_heading->setText(tr("Pick a user in the table to see what sync would do to them."));
    m_facts->clear();
    m_attributes->setRowCount(0);
    m_attributes->setColumnHidden(Arrived, true);
    m_outcome->clear();
    m_outcome->setVisible(false);
}

void UserPreviewDetail::showUser(const UserPreview& preview, const std::optional<TestSyncOutcome>& outcome)
{
    const QString who = preview.displayName.isEmpty() ? preview.userPrincipalName : preview.displayName;
    const QString action
        = preview.leavesScope ? tr("soft-delete the user in the target") : UserPreview::actionName(preview.action);
    m_heading->setText(tr("%1: sync would %2").arg(who, action));

    QStringList facts;
    facts.append(preview.hasP1
            ? tr("Licence: %1").arg(preview.licenceNote.isEmpty() ? tr("Entra ID P1") : preview.licenceNote)
            : tr("Licence: no Entra ID P1 (%1). Cross-tenant sync needs one for each synced user.")
                  .arg(preview.licenceNote));
    facts.append(preview.assigned ? tr("Assigned to the configuration %1.").arg(preview.assignedThrough)
                                  : tr("Not assigned to the configuration (a test sync assigns the user)."));
    facts.append(preview.inScope ? tr("In scope.") : tr("Not in scope: %1.").arg(preview.scopeReason));
    for (const QString& clause : preview.clauseResults) {
        facts.append(QStringLiteral("    ") + clause);
    }
    QString match = tr("In the target: %1").arg(UserPreview::matchName(preview.match));
    if (!preview.targetUserPrincipalName.isEmpty()) {
        match += QStringLiteral(" (%1)").arg(preview.targetUserPrincipalName);
    }
    if (!preview.matchReason.isEmpty()) {
        match += QStringLiteral(" — ") + preview.matchReason;
    }
    facts.append(match);
    for (const QString& problem : preview.problems) {
        facts.append(tr("Problem: %1").arg(problem));
    }
    m_facts->setPlainText(facts.join(QLatin1Char('\n')));

    m_attributes->setRowCount(static_cast<int>(preview.attributes.size()));
    for (int row = 0; row < preview.attributes.size(); ++row) {
        const UserPreview::Attribute& attribute = preview.attributes.at(row);
        QString arrived;
        QString note = attribute.note;
        if (outcome) {
            for (const TestSyncOutcome::Difference& difference : outcome->differences) {
                if (difference.attribute.compare(attribute.name, Qt::CaseInsensitive) == 0) {
                    arrived = difference.actual;
                    note = tr("differs from the preview") + (note.isEmpty() ? QString() : QStringLiteral("; ") + note);
                }
            }
            if (arrived.isEmpty() && attribute.flows && attribute.hasPrediction) {
                arrived = attribute.predicted; // no difference reported: it arrived as predicted
            }
        }
        const QString predicted = attribute.variesOnEachRun ? tr("(a new value on each run)")
            : attribute.hasPrediction                       ? attribute.predicted
                                                            : QString();
        m_attributes->setItem(row, Name, cell(attribute.name, attribute.changes));
        m_attributes->setItem(row, Current, cell(attribute.current));
        m_attributes->setItem(row, Predicted, cell(predicted, attribute.changes));
        m_attributes->setItem(row, Arrived, cell(arrived));
        m_attributes->setItem(row, Note, cell(note));
        m_attributes->item(row, Name)->setToolTip(attribute.expression);
    }
    m_attributes->setColumnHidden(Arrived, !outcome.has_value());
    m_attributes->resizeColumnsToContents();

    if (!outcome) {
        m_outcome->clear();
        m_outcome->setVisible(false);
        return;
    }
    QStringList lines;
    lines.append(tr("Test sync: %1 — %2").arg(TestSyncOutcome::verdictName(outcome->verdict), outcome->summary()));
    if (!outcome->explanation.isEmpty()) {
        lines.append(outcome->explanation);
    }
    for (const TestSyncOutcome::TimelineStep& step : outcome->timeline) {
        lines.append(tr("  [%1] %2").arg(step.status, step.text));
    }
    m_outcome->setPlainText(lines.join(QLatin1Char('\n')));
    m_outcome->setVisible(true);
}

} // namespace tb::ui
