// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <array>
#include <optional>

class QLabel;
class QPushButton;
class QToolButton;

namespace tb::ui {

// The guided path at the top of the main window: which sandbox or tenants these are (on the built-in sandbox: "sample
// tenants", with a button to connect your own), and the six steps of a first setup, each a button that goes to
// its page and shows a tick once done. The window says what is done (it watches the pages); this panel only
// shows it and says which step is next. GUI thread.
class GettingStartedPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GettingStartedPanel)

public:
    enum class Step { SignInSource, SignInTarget, ReadTopology, RunPreflight, ApplyPlan, TestUsers };
    static constexpr int kStepCount = 6;

    explicit GettingStartedPanel(QWidget* parent = nullptr);

    // On the built-in sandbox: says these are sample tenants and offers to connect your own.
    void setSampleTenants(bool sample);
    void setStepDone(Step step, bool done);
    [[nodiscard]] bool isStepDone(Step step) const;
    // The first step not done yet; nothing when all are.
    [[nodiscard]] std::optional<Step> nextStep() const;
    [[nodiscard]] QToolButton* stepButton(Step step) const;
    [[nodiscard]] static QString stepTitle(Step step);

signals:
    void stepChosen(tb::ui::GettingStartedPanel::Step step);
    void connectOwnTenantsRequested();
    void hideRequested();

private:
    void showSteps();

    QLabel* m_heading;
    QPushButton* m_connectOwnButton;
    std::array<QToolButton*, kStepCount> m_stepButtons {};
    std::array<bool, kStepCount> m_done {};
};

} // namespace tb::ui
