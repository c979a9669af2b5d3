// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/setup/PlanStep.h"

#include <QDialog>

class QPlainTextEdit;

namespace tb::ui {

// "Show request" of a plan step: the exact request the step sends (method, API version, path, JSON body) in a
// read-only, selectable, monospaced view, and for a step that waits for another one, which value is filled in
// later. No token is ever part of it (PlanStep::toJson). GUI thread.
class StepRequestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepRequestDialog)

public:
    explicit StepRequestDialog(const setup::PlanStep& step, QWidget* parent = nullptr);

    [[nodiscard]] QString requestText() const;
    // The text shown for step: "PATCH /v1.0/policies/...\n\n{ ...body... }", then the alternative, if any.
    [[nodiscard]] static QString describe(const setup::PlanStep& step);

private:
    QPlainTextEdit* m_text;
};

} // namespace tb::ui
