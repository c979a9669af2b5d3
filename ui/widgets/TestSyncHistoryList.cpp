// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/TestSyncHistoryList.h"

#include "core/store/StoreError.h"

#include <QHeaderView>
#include <QSignalBlocker>

#include <variant>

namespace tb::ui {

using sync::TestSyncOutcome;

TestSyncHistoryList::Entry TestSyncHistoryList::Entry::of(
    const sync::TestSyncRun& run, const QList<TestSyncOutcome>& outcomes)
{
    Entry entry;
    entry.run = run;
    entry.users = static_cast<int>(outcomes.size());
    for (const TestSyncOutcome& outcome : outcomes) {
        entry.asPredicted += outcome.verdict == TestSyncOutcome::Verdict::AsPredicted ? 1 : 0;
        // As the page's summary counts them: a skip the preview did not expect is a difference.
        entry.differs += outcome.verdict == TestSyncOutcome::Verdict::Differs
                || outcome.verdict == TestSyncOutcome::Verdict::Skipped
            ? 1
            : 0;
        entry.failed += outcome.verdict == TestSyncOutcome::Verdict::Failed ? 1 : 0;
        // A user that failed did not get them either.
        entry.missingRequired
            += !outcome.missingRequired.isEmpty() || outcome.verdict == TestSyncOutcome::Verdict::Failed ? 1 : 0;
    }
    return entry;
}

TestSyncHistoryList::TestSyncHistoryList(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels(
        {tr("When"), tr("Users"), tr("As predicted"), tr("Differs"), tr("Failed"), tr("Attributes your target needs")});
    setAccessibleName(tr("Earlier test syncs, newest first"));
    setRootIsDecorated(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(true);
    for (int column = When; column < RequiredAttributes; ++column) {
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (current) {
            emit runSelected(current->data(When, Qt::UserRole).toString());
        }
    });
}

QString TestSyncHistoryList::timeText(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : tr("unknown");
}

bool TestSyncHistoryList::load(const sync::TestSyncStore& store, QString* problem)
{
    const auto runs = store.runs();
    if (std::holds_alternative<store::StoreError>(runs)) {
        *problem = std::get<store::StoreError>(runs).userMessage();
        setEntries({});
        return false;
    }
    QList<Entry> entries;
    for (const sync::TestSyncRun& run : std::get<QList<sync::TestSyncRun>>(runs)) {
        const auto outcomes = store.outcomes(run.id);
        if (std::holds_alternative<store::StoreError>(outcomes)) {
            *problem = std::get<store::StoreError>(outcomes).userMessage();
            setEntries({});
            return false;
        }
        entries.append(Entry::of(run, std::get<QList<TestSyncOutcome>>(outcomes)));
    }
    setEntries(entries);
    return true;
}

void TestSyncHistoryList::setEntries(const QList<Entry>& entries)
{
    {
        const QSignalBlocker blocker(this); // clearing is not the administrator picking a run
        clear();
    }
    m_entries = entries;
    for (const Entry& entry : entries) {
        auto* item = new QTreeWidgetItem(this);
        item->setData(When, Qt::UserRole, entry.run.id);
        item->setText(When,
            entry.run.finishedAt.isValid() ? timeText(entry.run.startedAt)
                                           : tr("%1 (cut short)").arg(timeText(entry.run.startedAt)));
        item->setToolTip(When, entry.run.summary);
        item->setText(Users, QString::number(entry.users));
        item->setText(AsPredicted, QString::number(entry.asPredicted));
        item->setText(Differs, QString::number(entry.differs));
        item->setText(Failed, QString::number(entry.failed));
        for (int column = Users; column <= Failed; ++column) {
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        const QString required = entry.run.requiredAttributes.join(QStringLiteral(", "));
        if (entry.run.requiredAttributes.isEmpty()) {
            item->setText(RequiredAttributes, tr("none named"));
        } else if (entry.missingRequired == 0) {
            item->setText(RequiredAttributes, tr("all arrived (%1)").arg(required));
        } else {
            item->setText(
                RequiredAttributes, tr("missing for %n user(s) (%1)", nullptr, entry.missingRequired).arg(required));
        }
    }
}

const TestSyncHistoryList::Entry* TestSyncHistoryList::entry(const QString& runId) const
{
    for (const Entry& candidate : m_entries) {
        if (candidate.run.id == runId) {
            return &candidate;
        }
    }
    return nullptr;
}

} // namespace tb::ui
