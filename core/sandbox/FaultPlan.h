// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QString>

#include <deque>
#include <optional>

namespace tbsandbox {

// The faults the sandbox injects into Graph traffic (README "Fault plan"): per-tenant throttling in a
// sliding window, error answers, latency, dropped connections, malformed bodies and held answers. Rules match a
// glob on the path without the query; `count` limits a rule to its next N injections; `rate` is drawn from a
// generator seeded with `seed`, so a run repeats exactly. Owned by SandboxServer; used on its thread only.
class FaultPlan final
{
public:
    struct ThrottleVerdict
    {
        bool rejected = false;
        int retryAfterSeconds = 0;
    };
    struct InjectedError
    {
        int status = 500;
        QString code;
        std::optional<int> retryAfterSeconds;
    };

    FaultPlan();

    // Replaces the plan with its JSON form and resets counters and windows. On a bad plan, returns false with a
    // sentence naming the field and leaves the old plan in place.
    [[nodiscard]] bool load(const QJsonObject& plan, QString* errorMessage);
    void clear();
    // The plan as loaded, with each rule's `count` showing what is left.
    [[nodiscard]] QJsonObject toJson() const;

    // Counts a request against the tenant's window, unless the window is full: rejected requests do not
    // consume it. Retry-After is the configured value, else the whole seconds until a slot frees (at least 1).
    [[nodiscard]] ThrottleVerdict admit(const QString& tenantKey, qint64 nowMs);
    [[nodiscard]] std::optional<InjectedError> takeError(const QString& path);
    [[nodiscard]] bool takeDrop(const QString& path);
    [[nodiscard]] bool takeMalformed(const QString& path);
    // How long to hold back the answer to a request that was handled (its change applied): the first hold rule
    // matching method and path, else 0. A test kills its client in that window to crash it after the tenant
    // changed but before the client heard.
    [[nodiscard]] int takeHoldMs(const QString& method, const QString& path);
    [[nodiscard]] int latencyMs() const { return m_latencyMs; }

    // '*' matches any run of characters including '/', '?' one character; case-insensitive, anchored.
    [[nodiscard]] static QRegularExpression globToRegularExpression(const QString& glob);

private:
    struct Rule
    {
        QString pattern;
        QRegularExpression regex;
        double rate = 1.0;
        int remaining = -1; // -1: no limit
        int status = 0;
        QString code;
        std::optional<int> retryAfterSeconds;
        QString method; // holds only; empty: any method
        int holdMs = 0; // holds only
    };

    [[nodiscard]] bool fires(Rule& rule, const QString& path);
    [[nodiscard]] static bool parseRules(
        const QJsonValue& value, const QString& field, bool withStatus, QList<Rule>* rules, QString* errorMessage);
    [[nodiscard]] static bool parseHolds(const QJsonValue& value, QList<Rule>* rules, QString* errorMessage);
    [[nodiscard]] static QJsonObject ruleToJson(const Rule& rule, bool withStatus);

    quint32 m_seed = 0;
    QRandomGenerator m_random;
    int m_throttleLimit = 0; // 0: no throttling
    int m_throttleWindowMs = 0;
    std::optional<int> m_throttleRetryAfterSeconds;
    QList<Rule> m_errors;
    QList<Rule> m_drops;
    QList<Rule> m_malformed;
    QList<Rule> m_holds;
    int m_latencyMs = 0;
    QHash<QString, std::deque<qint64>> m_windows;
};

} // namespace tbsandbox
