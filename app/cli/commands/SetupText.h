// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::setup {
class SetupPlan;
struct PlanStep;
struct PreflightReport;
struct SetupState;
} // namespace tb::setup

namespace tb::cli {

class CliOutput;
struct SetupPair;

// How the setup commands show a state, a preflight and a plan to a person on stdout. Shared by status,
// preflight, plan and apply so that the same thing reads the same everywhere. Text from a tenant goes through
// CliOutput, which strips control characters.
class SetupText final
{
    Q_DECLARE_TR_FUNCTIONS(SetupText)

public:
    SetupText() = delete;

    // Both tenants, the three access settings each side, this pair's configuration and job, the others.
    static void printState(const CliOutput& output, const setup::SetupState& state, const QString& configurationName);
    // Each check as pass/warn/block with its sentence, fix and details, then the trust audit and a verdict.
    static void printPreflight(const CliOutput& output, const setup::PreflightReport& report, const SetupPair& pair);
    // Each step numbered with satisfied/pending and its tenant; the request under it when showRequests; then
    // the warnings of the pending steps.
    static void printPlan(
        const CliOutput& output, const setup::SetupPlan& plan, const SetupPair& pair, bool showRequests);
    // "POST /v1.0/policies/…" and, when there is one, the body on the next line (indented).
    [[nodiscard]] static QStringList requestLines(const setup::PlanStep& step, const QString& indent);
    // "on", "off", "not set (off)".
    [[nodiscard]] static QString switchText(std::optional<bool> value);
};

} // namespace tb::cli
