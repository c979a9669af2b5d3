// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/CloudInstance.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace tb::setup {

// Whether this version sets up cross-tenant synchronization between a source in one cloud and a target in
// another (graph-reference.md 6.3): same-cloud commercial and US Government pass, 21Vianet is blocked, and
// cross-cloud pairs are blocked in this version with a sentence saying why. The rule is data, not code:
// resources/setup/cloud-pairs.json, compiled in (":/setup/cloud-pairs.json"), maps each cloud to a group
// (DoD counts as US Government) and lists a verdict, a sentence and a fix per pair of groups. Value type;
// the built-in table is loaded once and is safe to read from any thread.
class CloudPairRule
{
public:
    enum class Verdict { Pass, Block };

    struct Result
    {
        Verdict verdict = Verdict::Block;
        QString sentence; // for a person: what is the case and why
        QString fix; // what to do instead; empty on pass

        [[nodiscard]] bool isPass() const { return verdict == Verdict::Pass; }
    };

    // The rule compiled into the application. A broken resource (a build error, caught by the unit tests)
    // gives a rule that blocks every pair.
    [[nodiscard]] static const CloudPairRule& builtIn();
    // A rule from the JSON form of cloud-pairs.json; nothing, with a reason, when the text does not have it.
    [[nodiscard]] static std::optional<CloudPairRule> fromJson(const QByteArray& json, QString* problem = nullptr);

    // builtIn().check(source, target).
    [[nodiscard]] static Result evaluate(const model::CloudInstance& source, const model::CloudInstance& target);
    [[nodiscard]] Result check(const model::CloudInstance& source, const model::CloudInstance& target) const;

private:
    CloudPairRule() = default;

    QHash<QString, QString> m_groupOfCloud; // CloudInstance::name() -> group
    QHash<QString, Result> m_pairs; // "sourceGroup>targetGroup" -> result
    Result m_otherwise;
};

} // namespace tb::setup
