// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

namespace tb::sync {

// What an expression needs from outside the source object: the time (Now, and so DateDiff against today) and the
// target directory (SelectUniqueValue checks each candidate for uniqueness there). A preview passes a read-only
// check; tests pass fixed answers. Value type; the functions are called on the evaluating thread.
struct ExpressionContext
{
    // The current time in UTC; unset: the system clock.
    std::function<QDateTime()> clock;
    // Whether a value SelectUniqueValue generated is not yet used in the target. Unset: the first candidate is
    // taken and the result is marked assumedUnique.
    std::function<bool(const QString& value)> isUniqueInTarget;
};

} // namespace tb::sync
