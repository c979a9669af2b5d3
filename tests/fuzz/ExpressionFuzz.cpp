// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for the attribute-mapping expression language (core/sync/expression): any input is parsed and,
// when it parses, evaluated against a fixed source user, and its canonical form must parse back to itself. The
// evaluator must never crash, hang or throw; errors are results. Built with -DTB_BUILD_FUZZ=ON and clang
// (tests/fuzz/run-fuzz.sh).
#include "core/sync/expression/ExpressionEvaluator.h"
#include "core/sync/expression/ExpressionParser.h"
#include "core/sync/expression/ScopingOperator.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace tb::sync;

namespace {

const ExpressionAttributes& sourceUser()
{
    static const ExpressionAttributes attributes {
        {QStringLiteral("givenName"), ExpressionValue::fromString(QStringLiteral("Zoë"))},
        {QStringLiteral("surname"), ExpressionValue::fromString(QStringLiteral("Ñúñez"))},
        {QStringLiteral("displayName"), ExpressionValue::fromString(QStringLiteral("Zoë Ñúñez"))},
        {QStringLiteral("streetAddress"), ExpressionValue::fromString(QStringLiteral("Straße 5"))},
        {QStringLiteral("userPrincipalName"), ExpressionValue::fromString(QStringLiteral("zoe@contoso.com"))},
        {QStringLiteral("department"), ExpressionValue::fromString(QString())},
        {QStringLiteral("employeeId"), ExpressionValue::fromString(QStringLiteral("1500000"))},
        {QStringLiteral("hireDate"), ExpressionValue::fromString(QStringLiteral("2012-03-16-07:00"))},
        {QStringLiteral("accountEnabled"), ExpressionValue::fromBool(true)},
        {QStringLiteral("proxyAddresses"),
            ExpressionValue::fromList({QStringLiteral("SMTP:zoe@contoso.com"), QStringLiteral("smtp:z@contoso.com")})},
        {QStringLiteral("appRoleAssignments"), ExpressionValue::fromList({QStringLiteral("User")})},
    };
    return attributes;
}

const ExpressionEvaluator& evaluator()
{
    static const ExpressionEvaluator instance([] {
        ExpressionContext context;
        context.clock = [] { return QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC); };
        // Deterministic "target": values of even length are taken.
        context.isUniqueInTarget = [](const QString& value) { return value.size() % 2 == 1; };
        return context;
    }());
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ExpressionParser::Result parsed = ExpressionParser::parse(text);
    if (!parsed.isValid()) {
        if (parsed.error.isEmpty() || parsed.errorPosition < 1) {
            std::abort(); // a refusal must say where
        }
        return 0;
    }
    const ExpressionResult result = evaluator().evaluate(*parsed.root, sourceUser());
    if (result.isError() != !result.error.isEmpty() || (result.isError() && !result.value.isNull())) {
        std::abort();
    }
    // The canonical form reads back to the same tree.
    const QString canonical = parsed.root->toExpression();
    if (canonical.size() <= ExpressionParser::kMaxLength) {
        const ExpressionParser::Result again = ExpressionParser::parse(canonical);
        if (!again.isValid() || again.root->toExpression() != canonical) {
            std::abort();
        }
    }
    // A value (or the text itself) as a scoping clause's source and pattern.
    const QStringList targets {text.left(64)};
    (void)ScopingOperator::evaluate(QStringLiteral("REGEX MATCH"), result.value, targets);
    (void)ScopingOperator::evaluate(QStringLiteral("Greater_Than"), result.value, {QStringLiteral("5")});
    return 0;
}
