// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/StepRequestDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

QString formatRequest(const QJsonObject& request)
{
    QString text = request.value(QStringLiteral("method")).toString() + QLatin1Char(' ') + QLatin1Char('/')
        + request.value(QStringLiteral("version")).toString() + QLatin1Char('/')
        + request.value(QStringLiteral("path")).toString();
    const QJsonValue body = request.value(QStringLiteral("body"));
    if (body.isObject()) {
        text += QStringLiteral("\n\n")
            + QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    } else if (body.isArray()) {
        text += QStringLiteral("\n\n")
            + QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    }
    return text;
}

} // namespace

StepRequestDialog::StepRequestDialog(const setup::PlanStep& step, QWidget* parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("stepRequestDialog"));
    setWindowTitle(tr("Request of this step"));
    auto* description = new QLabel(step.description, this);
    description->setTextFormat(Qt::PlainText);
    description->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("stepRequestText"));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Request"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(describe(step));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(description);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 420);
}

QString StepRequestDialog::requestText() const
{
    return m_text->toPlainText();
}

QString StepRequestDialog::describe(const setup::PlanStep& step)
{
    const QJsonObject json = step.toJson();
    QString text = formatRequest(json.value(QStringLiteral("request")).toObject());
    if (json.contains(QStringLiteral("alternative"))) {
        text += QStringLiteral("\n\n")
            + tr("If the tenant answers that this does not fit what it has, TenantBridge sends instead:")
            + QStringLiteral("\n\n") + formatRequest(json.value(QStringLiteral("alternative")).toObject());
    }
    if (step.hasPlaceholders()) {
        text += QStringLiteral("\n\n")
            + tr("%1 is filled in with the value the step it depends on returns.")
                  .arg(step.placeholders.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace tb::ui
