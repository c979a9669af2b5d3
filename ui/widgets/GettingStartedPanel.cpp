// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/GettingStartedPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tb::ui {

namespace {

constexpr std::array<GettingStartedPanel::Step, GettingStartedPanel::kStepCount> kSteps {
    GettingStartedPanel::Step::SignInSource,
    GettingStartedPanel::Step::SignInTarget,
    GettingStartedPanel::Step::ReadTopology,
    GettingStartedPanel::Step::RunPreflight,
    GettingStartedPanel::Step::ApplyPlan,
    GettingStartedPanel::Step::TestUsers,
};

int indexOf(GettingStartedPanel::Step step)
{
    return static_cast<int>(step);
}

} // namespace

GettingStartedPanel::GettingStartedPanel(QWidget* parent)
    : QFrame(parent)
    , m_heading(new QLabel(this))
    , m_connectOwnButton(new QPushButton(tr("Connect &your own tenants…"), this))
{
    setObjectName(QStringLiteral("gettingStartedPanel"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Getting started"));

    m_heading->setObjectName(QStringLiteral("gettingStartedHeading"));
    m_heading->setWordWrap(true);
    m_connectOwnButton->setObjectName(QStringLiteral("connectOwnTenantsButton"));
    m_connectOwnButton->setToolTip(tr("Choose a Microsoft cloud and your client id in Connection settings"));
    connect(m_connectOwnButton, &QPushButton::clicked, this, &GettingStartedPanel::connectOwnTenantsRequested);
    auto* hideButton = new QPushButton(tr("Hide the guide"), this);
    hideButton->setObjectName(QStringLiteral("hideGuideButton"));
    hideButton->setToolTip(tr("Help > Getting started shows it again"));
    connect(hideButton, &QPushButton::clicked, this, &GettingStartedPanel::hideRequested);

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_connectOwnButton);
    top->addWidget(hideButton);

    auto* steps = new QHBoxLayout;
    for (const Step step : kSteps) {
        auto* button = new QToolButton(this);
        button->setObjectName(QStringLiteral("guideStep%1").arg(indexOf(step) + 1));
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(button, &QToolButton::clicked, this, [this, step] { emit stepChosen(step); });
        m_stepButtons[static_cast<std::size_t>(indexOf(step))] = button;
        steps->addWidget(button);
    }
    steps->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addLayout(steps);
    setSampleTenants(false);
    showSteps();
}

void GettingStartedPanel::setSampleTenants(bool sample)
{
    m_heading->setText(sample
            ? tr("<b>These are sample tenants</b> of the built-in sandbox; nothing you do here reaches Microsoft. "
                 "Try the whole setup on them, then connect your own tenants.")
            : tr("<b>Getting started</b>: set up cross-tenant synchronization in six steps."));
    m_connectOwnButton->setVisible(sample);
}

void GettingStartedPanel::setStepDone(Step step, bool done)
{
    m_done[static_cast<std::size_t>(indexOf(step))] = done;
    showSteps();
}

bool GettingStartedPanel::isStepDone(Step step) const
{
    return m_done[static_cast<std::size_t>(indexOf(step))];
}

std::optional<GettingStartedPanel::Step> GettingStartedPanel::nextStep() const
{
    for (const Step step : kSteps) {
        if (!isStepDone(step)) {
            return step;
        }
    }
    return std::nullopt;
}

QToolButton* GettingStartedPanel::stepButton(Step step) const
{
    return m_stepButtons[static_cast<std::size_t>(indexOf(step))];
}

QString GettingStartedPanel::stepTitle(Step step)
{
    switch (step) {
    case Step::SignInSource:
        return tr("Sign in to the source");
    case Step::SignInTarget:
        return tr("Sign in to the target");
    case Step::ReadTopology:
        return tr("Read the topology");
    case Step::RunPreflight:
        return tr("Run preflight");
    case Step::ApplyPlan:
        return tr("Apply the plan");
    case Step::TestUsers:
        return tr("Test with a few users");
    }
    return {};
}

void GettingStartedPanel::showSteps()
{
    const std::optional<Step> next = nextStep();
    for (const Step step : kSteps) {
        QToolButton* button = stepButton(step);
        const bool done = isStepDone(step);
        const int number = indexOf(step) + 1;
        // A tick for a done step, an arrow for the next one: the state is in the text, not only in a colour.
        const QString mark
            = done ? QStringLiteral("✓") : (next == step ? QStringLiteral("→") : QString::number(number));
        button->setText(QStringLiteral("%1 %2").arg(mark, stepTitle(step)));
        QFont font = button->font();
        font.setBold(next == step);
        button->setFont(font);
        const QString state = done ? tr("done") : (next == step ? tr("next") : tr("to do"));
        button->setAccessibleName(tr("Step %1: %2").arg(number).arg(stepTitle(step)));
        button->setAccessibleDescription(state);
        button->setToolTip(tr("Step %1 of %2, %3: %4").arg(number).arg(kStepCount).arg(state, stepTitle(step)));
    }
}

} // namespace tb::ui
