// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/FaultPlan.h"

#include <QJsonArray>

#include <cmath>

namespace tbsandbox {

namespace {

constexpr int kMaxLatencyMs = 600000;
constexpr int kMaxHoldMs = 600000;

QString defaultErrorCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Request_BadRequest");
    case 401:
        return QStringLiteral("InvalidAuthenticationToken");
    case 403:
        return QStringLiteral("Authorization_RequestDenied");
    case 404:
        return QStringLiteral("Request_ResourceNotFound");
    case 409:
        return QStringLiteral("Request_MultipleObjectsWithSameKeyValue");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 503:
        return QStringLiteral("serviceNotAvailable");
    case 504:
        return QStringLiteral("gatewayTimeout");
    default:
        return QStringLiteral("generalException");
    }
}

bool readInt(const QJsonObject& object, const QString& key, int minimum, int maximum, std::optional<int>* out,
    const QString& where, QString* errorMessage)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return true;
    }
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number != std::floor(number) || number < minimum || number > maximum) {
        *errorMessage
            = QStringLiteral("%1.%2 must be a whole number from %3 to %4.").arg(where, key).arg(minimum).arg(maximum);
        return false;
    }
    *out = static_cast<int>(number);
    return true;
}

} // namespace

FaultPlan::FaultPlan() = default;

QRegularExpression FaultPlan::globToRegularExpression(const QString& glob)
{
    QString pattern = QStringLiteral("^");
    for (const QChar c : glob) {
        if (c == QLatin1Char('*')) {
            pattern += QStringLiteral(".*");
        } else if (c == QLatin1Char('?')) {
            pattern += QLatin1Char('.');
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    pattern += QLatin1Char('$');
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

bool FaultPlan::parseRules(
    const QJsonValue& value, const QString& field, bool withStatus, QList<Rule>* rules, QString* errorMessage)
{
    if (value.isUndefined() || value.isNull()) {
        return true;
    }
    if (!value.isArray()) {
        *errorMessage = QStringLiteral("\"%1\" must be an array of rules.").arg(field);
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        const QJsonObject object = array.at(i).toObject();
        Rule rule;
        rule.pattern = object.value(QLatin1String("pathPattern")).toString();
        if (rule.pattern.isEmpty()) {
            *errorMessage = QStringLiteral("%1 needs a \"pathPattern\" such as \"*/users*\".").arg(where);
            return false;
        }
        rule.regex = globToRegularExpression(rule.pattern);
        std::optional<int> count;
        if (!readInt(object, QStringLiteral("count"), 0, 1000000000, &count, where, errorMessage)) {
            return false;
        }
        rule.remaining = count.value_or(-1);
        const QJsonValue rate = object.value(QLatin1String("rate"));
        if (!rate.isUndefined()) {
            if (!rate.isDouble() || rate.toDouble() < 0.0 || rate.toDouble() > 1.0) {
                *errorMessage = QStringLiteral("%1.rate must be a probability from 0 to 1.").arg(where);
                return false;
            }
            rule.rate = rate.toDouble();
        }
        if (withStatus) {
            std::optional<int> status;
            if (!readInt(object, QStringLiteral("status"), 400, 599, &status, where, errorMessage)) {
                return false;
            }
            if (!status) {
                *errorMessage = QStringLiteral("%1 needs a \"status\" from 400 to 599.").arg(where);
                return false;
            }
            rule.status = *status;
            rule.code = object.value(QLatin1String("code")).toString(defaultErrorCode(rule.status));
            if (!readInt(object, QStringLiteral("retryAfterSeconds"), 0, 86400, &rule.retryAfterSeconds, where,
                    errorMessage)) {
                return false;
            }
        }
        rules->append(rule);
    }
    return true;
}

bool FaultPlan::parseHolds(const QJsonValue& value, QList<Rule>* rules, QString* errorMessage)
{
    // A hold is a rule with a method and a time; the common fields (pathPattern, count, rate) parse as for drops.
    if (!parseRules(value, QStringLiteral("holds"), false, rules, errorMessage)) {
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("holds[%1]").arg(i);
        const QJsonObject object = array.at(i).toObject();
        Rule& rule = (*rules)[i];
        const QJsonValue method = object.value(QLatin1String("method"));
        if (!method.isUndefined() && !method.isNull() && !method.isString()) {
            *errorMessage = QStringLiteral("%1.method must be an HTTP method such as \"POST\".").arg(where);
            return false;
        }
        rule.method = method.toString().trimmed().toUpper();
        std::optional<int> ms;
        if (!readInt(object, QStringLiteral("ms"), 1, kMaxHoldMs, &ms, where, errorMessage)) {
            return false;
        }
        if (!ms) {
            *errorMessage = QStringLiteral("%1 needs \"ms\", how long to hold the answer back, e.g. 5000.").arg(where);
            return false;
        }
        rule.holdMs = *ms;
    }
    return true;
}

bool FaultPlan::load(const QJsonObject& plan, QString* errorMessage)
{
    static const QStringList known = {QStringLiteral("seed"), QStringLiteral("throttle"), QStringLiteral("errors"),
        QStringLiteral("drops"), QStringLiteral("malformed"), QStringLiteral("latencyMs"), QStringLiteral("holds")};
    for (auto it = plan.begin(); it != plan.end(); ++it) {
        if (!known.contains(it.key())) {
            *errorMessage = QStringLiteral("The fault plan has an unknown field \"%1\"; known fields: %2.")
                                .arg(it.key(), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    const QString where = QStringLiteral("plan");
    std::optional<int> seed;
    std::optional<int> latency;
    std::optional<int> limit;
    std::optional<int> windowMs;
    std::optional<int> retryAfter;
    if (!readInt(plan, QStringLiteral("seed"), 0, 2147483647, &seed, where, errorMessage)
        || !readInt(plan, QStringLiteral("latencyMs"), 0, kMaxLatencyMs, &latency, where, errorMessage)) {
        return false;
    }
    const QJsonValue throttleValue = plan.value(QLatin1String("throttle"));
    if (!throttleValue.isUndefined() && !throttleValue.isNull()) {
        const QJsonObject throttle = throttleValue.toObject();
        const QString throttleWhere = QStringLiteral("throttle");
        if (!readInt(throttle, QStringLiteral("limit"), 1, 100000000, &limit, throttleWhere, errorMessage)
            || !readInt(throttle, QStringLiteral("windowMs"), 1, 86400000, &windowMs, throttleWhere, errorMessage)
            || !readInt(
                throttle, QStringLiteral("retryAfterSeconds"), 0, 86400, &retryAfter, throttleWhere, errorMessage)) {
            return false;
        }
        if (!limit || !windowMs) {
            *errorMessage
                = QStringLiteral("throttle needs \"limit\" and \"windowMs\", e.g. {\"limit\":10,\"windowMs\":10000}.");
            return false;
        }
    }
    QList<Rule> errors;
    QList<Rule> drops;
    QList<Rule> malformed;
    QList<Rule> holds;
    if (!parseRules(plan.value(QLatin1String("errors")), QStringLiteral("errors"), true, &errors, errorMessage)
        || !parseRules(plan.value(QLatin1String("drops")), QStringLiteral("drops"), false, &drops, errorMessage)
        || !parseRules(
            plan.value(QLatin1String("malformed")), QStringLiteral("malformed"), false, &malformed, errorMessage)
        || !parseHolds(plan.value(QLatin1String("holds")), &holds, errorMessage)) {
        return false;
    }
    m_seed = static_cast<quint32>(seed.value_or(0));
    m_random.seed(m_seed);
    m_throttleLimit = limit.value_or(0);
    m_throttleWindowMs = windowMs.value_or(0);
    m_throttleRetryAfterSeconds = retryAfter;
    m_errors = errors;
    m_drops = drops;
    m_malformed = malformed;
    m_holds = holds;
    m_latencyMs = latency.value_or(0);
    m_windows.clear();
    return true;
}

void FaultPlan::clear()
{
    QString ignored;
    const bool cleared = load(QJsonObject(), &ignored);
    Q_UNUSED(cleared)
}

QJsonObject FaultPlan::ruleToJson(const Rule& rule, bool withStatus)
{
    QJsonObject json {{QStringLiteral("pathPattern"), rule.pattern}, {QStringLiteral("rate"), rule.rate}};
    if (rule.remaining >= 0) {
        json.insert(QStringLiteral("count"), rule.remaining);
    }
    if (withStatus) {
        json.insert(QStringLiteral("status"), rule.status);
        json.insert(QStringLiteral("code"), rule.code);
        if (rule.retryAfterSeconds) {
            json.insert(QStringLiteral("retryAfterSeconds"), *rule.retryAfterSeconds);
        }
    }
    return json;
}

QJsonObject FaultPlan::toJson() const
{
    QJsonObject json {
        {QStringLiteral("seed"), static_cast<qint64>(m_seed)}, {QStringLiteral("latencyMs"), m_latencyMs}};
    if (m_throttleLimit > 0) {
        QJsonObject throttle {
            {QStringLiteral("limit"), m_throttleLimit}, {QStringLiteral("windowMs"), m_throttleWindowMs}};
        if (m_throttleRetryAfterSeconds) {
            throttle.insert(QStringLiteral("retryAfterSeconds"), *m_throttleRetryAfterSeconds);
        }
        json.insert(QStringLiteral("throttle"), throttle);
    } else {
        json.insert(QStringLiteral("throttle"), QJsonValue::Null);
    }
    QJsonArray errors;
    for (const Rule& rule : m_errors) {
        errors.append(ruleToJson(rule, true));
    }
    QJsonArray drops;
    for (const Rule& rule : m_drops) {
        drops.append(ruleToJson(rule, false));
    }
    QJsonArray malformed;
    for (const Rule& rule : m_malformed) {
        malformed.append(ruleToJson(rule, false));
    }
    json.insert(QStringLiteral("errors"), errors);
    json.insert(QStringLiteral("drops"), drops);
    json.insert(QStringLiteral("malformed"), malformed);
    QJsonArray holds;
    for (const Rule& rule : m_holds) {
        QJsonObject hold = ruleToJson(rule, false);
        hold.insert(QStringLiteral("method"), rule.method.isEmpty() ? QJsonValue() : QJsonValue(rule.method));
        hold.insert(QStringLiteral("ms"), rule.holdMs);
        holds.append(hold);
    }
    json.insert(QStringLiteral("holds"), holds);
    return json;
}

FaultPlan::ThrottleVerdict FaultPlan::admit(const QString& tenantKey, qint64 nowMs)
{
    if (m_throttleLimit <= 0) {
        return {};
    }
    std::deque<qint64>& window = m_windows[tenantKey];
    while (!window.empty() && window.front() <= nowMs - m_throttleWindowMs) {
        window.pop_front();
    }
    if (static_cast<int>(window.size()) < m_throttleLimit) {
        window.push_back(nowMs);
        return {};
    }
    ThrottleVerdict verdict;
    verdict.rejected = true;
    if (m_throttleRetryAfterSeconds) {
        verdict.retryAfterSeconds = *m_throttleRetryAfterSeconds;
    } else {
        const qint64 waitMs = window.front() + m_throttleWindowMs - nowMs;
        verdict.retryAfterSeconds = static_cast<int>(qMax<qint64>(1, (waitMs + 999) / 1000));
    }
    return verdict;
}

bool FaultPlan::fires(Rule& rule, const QString& path)
{
    if (rule.remaining == 0 || !rule.regex.match(path).hasMatch()) {
        return false;
    }
    // Always draw for a matching rule, so the sequence depends only on the seed and the traffic.
    const double draw = m_random.generateDouble();
    if (draw >= rule.rate) {
        return false;
    }
    if (rule.remaining > 0) {
        --rule.remaining;
    }
    return true;
}

std::optional<FaultPlan::InjectedError> FaultPlan::takeError(const QString& path)
{
    for (Rule& rule : m_errors) {
        if (fires(rule, path)) {
            return InjectedError {rule.status, rule.code, rule.retryAfterSeconds};
        }
    }
    return std::nullopt;
}

bool FaultPlan::takeDrop(const QString& path)
{
    for (Rule& rule : m_drops) {
        if (fires(rule, path)) {
            return true;
        }
    }
    return false;
}

bool FaultPlan::takeMalformed(const QString& path)
{
    for (Rule& rule : m_malformed) {
        if (fires(rule, path)) {
            return true;
        }
    }
    return false;
}

int FaultPlan::takeHoldMs(const QString& method, const QString& path)
{
    for (Rule& rule : m_holds) {
        if ((rule.method.isEmpty() || rule.method.compare(method, Qt::CaseInsensitive) == 0) && fires(rule, path)) {
            return rule.holdMs;
        }
    }
    return 0;
}

} // namespace tbsandbox
