// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/RolloutFailureTree.h"

#include "core/sync/ErrorCatalogue.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QMap>
#include <QResizeEvent>

#include <algorithm>

namespace tb::ui {

namespace {

// Marks the explanation line among an entry's children.
constexpr int kExplanationRole = Qt::UserRole + 1;
constexpr int kTextMargin = 6;

QString userText(const sync::RolloutFailure& failure)
{
    return failure.userPrincipalName.isEmpty() ? failure.userId : failure.userPrincipalName;
}

} // namespace

RolloutFailureTree::RolloutFailureTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Error, what it means and what to do, and the users"), tr("Users")});
    setAccessibleName(tr("Failed users of the stage, grouped by error"));
    setRootIsDecorated(true);
    setUniformRowHeights(false);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(CodeColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(UsersColumn, QHeaderView::ResizeToContents);
    setVisible(false);
}

QTreeWidgetItem* RolloutFailureTree::explanationOf(const QTreeWidgetItem* entry)
{
    if (!entry || entry->childCount() == 0 || !entry->child(0)->data(CodeColumn, kExplanationRole).toBool()) {
        return nullptr;
    }
    return entry->child(0);
}

QList<QTreeWidgetItem*> RolloutFailureTree::usersOf(const QTreeWidgetItem* entry)
{
    QList<QTreeWidgetItem*> users;
    for (int i = explanationOf(entry) ? 1 : 0; entry && i < entry->childCount(); ++i) {
        users.append(entry->child(i));
    }
    return users;
}

void RolloutFailureTree::setFailures(const QList<sync::RolloutFailure>& failures)
{
    clear();
    QMap<QString, QList<sync::RolloutFailure>> byCode;
    for (const sync::RolloutFailure& failure : failures) {
        byCode[failure.code].append(failure);
    }
    QList<QString> codes = byCode.keys(); // by code; then most users first
    std::stable_sort(codes.begin(), codes.end(),
        [&byCode](const QString& a, const QString& b) { return byCode.value(a).size() > byCode.value(b).size(); });

    const sync::ErrorCatalogue& catalogue = sync::ErrorCatalogue::builtIn();
    for (const QString& code : std::as_const(codes)) {
        QList<sync::RolloutFailure> users = byCode.value(code);
        std::sort(users.begin(), users.end(), [](const sync::RolloutFailure& a, const sync::RolloutFailure& b) {
            return userText(a).compare(userText(b), Qt::CaseInsensitive) < 0;
        });
        auto* entry = new QTreeWidgetItem(this);
        entry->setText(CodeColumn, code.isEmpty() ? tr("(no error code)") : code);
        entry->setText(UsersColumn, tr("%n user(s)", nullptr, static_cast<int>(users.size())));
        entry->setTextAlignment(UsersColumn, Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = entry->font(CodeColumn);
        bold.setBold(true);
        entry->setFont(CodeColumn, bold);

        const sync::ErrorCatalogue::Explanation explanation = catalogue.explainError(code);
        QString text = explanation.title.isEmpty() ? explanation.meaning
                                                   : tr("%1. %2").arg(explanation.title, explanation.meaning);
        if (!explanation.action.isEmpty()) {
            text += QLatin1Char('\n') + tr("What to do: %1").arg(explanation.action);
        }
        auto* explanationLine = new QTreeWidgetItem(entry);
        explanationLine->setText(CodeColumn, text);
        explanationLine->setToolTip(CodeColumn, text);
        explanationLine->setData(CodeColumn, kExplanationRole, true);
        explanationLine->setFlags(Qt::ItemIsEnabled);
        explanationLine->setFirstColumnSpanned(true);

        for (const sync::RolloutFailure& failure : std::as_const(users)) {
            auto* user = new QTreeWidgetItem(entry);
            user->setText(CodeColumn, userText(failure));
            // The service's own sentence for this user; what the code means is the entry's.
            user->setToolTip(CodeColumn, failure.reason.isEmpty() ? failure.userId : failure.reason);
        }
        entry->setExpanded(true);
    }
    setVisible(!failures.isEmpty());
    fitExplanations();
}

void RolloutFailureTree::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    fitExplanations();
}

void RolloutFailureTree::fitExplanations()
{
    // An explanation is a child: indented once, besides the root decoration.
    const int width = std::max(120, viewport()->width() - 2 * indentation() - 2 * kTextMargin);
    const QFontMetrics metrics(font());
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* line = explanationOf(topLevelItem(i));
        if (!line) {
            continue;
        }
        const QRect needed
            = metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, line->text(CodeColumn));
        const QSize hint(width, needed.height() + kTextMargin);
        if (line->sizeHint(CodeColumn) != hint) {
            line->setSizeHint(CodeColumn, hint);
        }
    }
}

} // namespace tb::ui
