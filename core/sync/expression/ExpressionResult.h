// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sync/expression/ExpressionValue.h"

#include <QString>
#include <QStringList>

namespace tb::sync {

// What evaluating one attribute's expression gave (ExpressionEvaluator): a value, or an error that says why the
// attribute cannot be previewed, plus what a preview must say about the value. Value type.
struct ExpressionResult
{
    ExpressionValue value;
    // "cannot preview this attribute: <reason>"; empty when the value is good.
    QString error;
    // False when IgnoreFlowIfNullOrEmpty dropped the attribute: the service does not send it at all.
    bool flows = true;
    // Guid, RandomString or Now: the service computes another value on each run.
    bool variesOnEachRun = false;
    // SelectUniqueValue without a target check: the first candidate, not known to be unique.
    bool assumedUnique = false;
    // Redact: the value flows, but the provisioning logs show "[Redact]".
    bool redacted = false;
    // Remarks on how the service treats this expression (an IIF condition that read an empty attribute, …).
    QStringList notes;

    [[nodiscard]] bool isError() const { return !error.isEmpty(); }
};

} // namespace tb::sync
