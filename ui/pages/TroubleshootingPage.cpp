// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/TroubleshootingPage.h"

#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

using sync::ErrorCatalogue;
using Section = ErrorCatalogue::Section;

constexpr int kTitleColumn = 0;
constexpr int kCodeColumn = 1;
constexpr int kSectionRole = Qt::UserRole + 1; // on entries only; groups have none
constexpr int kCodeRole = Qt::UserRole + 2;

constexpr Section kSections[] = {Section::State, Section::QuarantineReason, Section::Error};

bool isEntry(const QTreeWidgetItem* item)
{
    return item && item->data(kTitleColumn, kSectionRole).isValid();
}

Section sectionOf(const QTreeWidgetItem* item)
{
    return static_cast<Section>(item->data(kTitleColumn, kSectionRole).toInt());
}

bool holds(const ErrorCatalogue::Explanation& explanation, const QString& text)
{
    return explanation.code.contains(text, Qt::CaseInsensitive) || explanation.title.contains(text, Qt::CaseInsensitive)
        || explanation.meaning.contains(text, Qt::CaseInsensitive)
        || explanation.action.contains(text, Qt::CaseInsensitive);
}

} // namespace

TroubleshootingPage::TroubleshootingPage(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("troubleshootingPage"));

    auto* intro = new QLabel(tr("What the job states, quarantine reasons and error codes that the synchronization "
                                "service reports mean, and what to do about them."),
        this);
    intro->setWordWrap(true);

    m_filter->setObjectName(QStringLiteral("troubleshootingFilter"));
    m_filter->setAccessibleName(tr("Search the troubleshooting entries"));
    m_filter->setPlaceholderText(tr("Search codes and explanations"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &TroubleshootingPage::applyFilter);

    m_tree->setObjectName(QStringLiteral("troubleshootingTree"));
    m_tree->setAccessibleName(tr("Codes and their titles"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Title"), tr("Code")});
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // Titles are short sentences, kept whole; a long code gives way in its middle, where codes differ least
    // ("AzureActiveDirectory…ExternalService"), and shows whole in its tooltip and in the explanation.
    m_tree->header()->setSectionResizeMode(kTitleColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &TroubleshootingPage::showSelected);

    m_text->setObjectName(QStringLiteral("troubleshootingText"));
    m_text->setReadOnly(true);
    m_text->setOpenLinks(false);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(splitter, 1);

    fill();
    if (QTreeWidgetItem* first = firstVisibleEntry()) {
        m_tree->setCurrentItem(first);
    }
}

void TroubleshootingPage::showCode(const QString& code)
{
    QTreeWidgetItem* entry = findEntry(code);
    if (!entry) {
        m_tree->setCurrentItem(nullptr);
        showExplanation(Section::Error, code);
        return;
    }
    if (entry->isHidden()) {
        m_filter->clear(); // applyFilter shows every entry again
    }
    m_tree->setCurrentItem(entry);
    m_tree->scrollToItem(entry);
}

void TroubleshootingPage::setFilterText(const QString& text)
{
    m_filter->setText(text);
}

QString TroubleshootingPage::currentCode() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return isEntry(item) ? item->data(kTitleColumn, kCodeRole).toString() : QString();
}

int TroubleshootingPage::visibleEntryCount() const
{
    int count = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            count += group->isHidden() || group->child(i)->isHidden() ? 0 : 1;
        }
    }
    return count;
}

void TroubleshootingPage::fill()
{
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    for (const Section section : kSections) {
        auto* group = new QTreeWidgetItem(m_tree, {sectionName(section)});
        group->setFlags(Qt::ItemIsEnabled); // a heading, not an entry to select
        QFont bold = group->font(kTitleColumn);
        bold.setBold(true);
        group->setFont(kTitleColumn, bold);
        group->setFirstColumnSpanned(true);
        for (const QString& code : catalogue.codes(section)) {
            const ErrorCatalogue::Explanation explanation = catalogue.explain(section, code);
            auto* entry = new QTreeWidgetItem(group, {explanation.title, explanation.code});
            entry->setData(kTitleColumn, kSectionRole, static_cast<int>(section));
            entry->setData(kTitleColumn, kCodeRole, explanation.code);
            entry->setToolTip(kTitleColumn, explanation.meaning);
            entry->setToolTip(kCodeColumn, explanation.code);
        }
    }
    m_tree->expandAll();
}

void TroubleshootingPage::applyFilter(const QString& text)
{
    const QString wanted = text.trimmed();
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* entry = group->child(i);
            const bool shown = wanted.isEmpty()
                || holds(catalogue.explain(sectionOf(entry), entry->data(kTitleColumn, kCodeRole).toString()), wanted);
            entry->setHidden(!shown);
            any = any || shown;
        }
        group->setHidden(!any);
    }

    QTreeWidgetItem* current = m_tree->currentItem();
    if (isEntry(current) && !current->isHidden()) {
        showSelected(); // the current entry still matches: keep it
        return;
    }
    if (QTreeWidgetItem* first = firstVisibleEntry()) {
        m_tree->setCurrentItem(first);
        return;
    }
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->setCurrentItem(nullptr);
    }
    m_text->setHtml(QStringLiteral("<p>%1</p>").arg(tr("No entry matches “%1”.").arg(wanted).toHtmlEscaped()));
}

void TroubleshootingPage::showSelected()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!isEntry(item)) {
        return;
    }
    showExplanation(sectionOf(item), item->data(kTitleColumn, kCodeRole).toString());
}

void TroubleshootingPage::showExplanation(Section section, const QString& code)
{
    const ErrorCatalogue::Explanation explanation = ErrorCatalogue::builtIn().explain(section, code);
    QString html = QStringLiteral("<h3>%1</h3><p><code>%2</code> · %3</p>")
                       .arg(explanation.title.toHtmlEscaped(), explanation.code.toHtmlEscaped(),
                           sectionName(section).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(tr("What it means").toHtmlEscaped(), explanation.meaning.toHtmlEscaped());
    const QString action = explanation.action.isEmpty() ? tr("Nothing needs doing.") : explanation.action;
    html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(tr("What to do").toHtmlEscaped(), action.toHtmlEscaped());
    m_text->setHtml(html);
}

QTreeWidgetItem* TroubleshootingPage::findEntry(const QString& code) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* entry = group->child(i);
            if (entry->data(kTitleColumn, kCodeRole).toString().compare(code, Qt::CaseInsensitive) == 0) {
                return entry;
            }
        }
    }
    return nullptr;
}

QTreeWidgetItem* TroubleshootingPage::firstVisibleEntry() const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; !group->isHidden() && i < group->childCount(); ++i) {
            if (!group->child(i)->isHidden()) {
                return group->child(i);
            }
        }
    }
    return nullptr;
}

QString TroubleshootingPage::sectionName(Section section)
{
    switch (section) {
    case Section::State:
        return tr("Job states");
    case Section::QuarantineReason:
        return tr("Quarantine reasons");
    case Section::Error:
        return tr("Error codes");
    }
    return {};
}

} // namespace tb::ui
