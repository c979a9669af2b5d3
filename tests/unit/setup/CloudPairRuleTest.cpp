// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/CloudPairRule.h"

#include <catch2/catch.hpp>

#include <QFile>

using tb::model::CloudInstance;
using tb::setup::CloudPairRule;

namespace {

CloudPairRule::Result evaluate(CloudInstance::Kind source, CloudInstance::Kind target)
{
    return CloudPairRule::evaluate(CloudInstance(source), CloudInstance(target));
}

} // namespace

TEST_CASE("CloudPairRule passes same-cloud commercial and US Government pairs", "[setup][cloud]")
{
    using Kind = CloudInstance::Kind;
    const auto global = evaluate(Kind::Global, Kind::Global);
    CHECK(global.isPass());
    CHECK(global.sentence.contains(QStringLiteral("commercial")));
    CHECK(global.fix.isEmpty());
    CHECK(evaluate(Kind::USGovernment, Kind::USGovernment).isPass());
    // DoD counts as US Government, in both directions and with GCC High.
    CHECK(evaluate(Kind::USGovernmentDoD, Kind::USGovernmentDoD).isPass());
    CHECK(evaluate(Kind::USGovernmentDoD, Kind::USGovernment).isPass());
    CHECK(evaluate(Kind::USGovernment, Kind::USGovernmentDoD).isPass());
}

TEST_CASE("CloudPairRule blocks 21Vianet and every cross-cloud pair with a reason and a fix", "[setup][cloud]")
{
    using Kind = CloudInstance::Kind;
    const auto china = evaluate(Kind::China, Kind::China);
    CHECK_FALSE(china.isPass());
    CHECK(china.sentence.contains(QStringLiteral("not offered")));
    CHECK(china.sentence.contains(QStringLiteral("21Vianet")));
    CHECK_FALSE(china.fix.isEmpty());

    const auto crossGov = evaluate(Kind::Global, Kind::USGovernment);
    CHECK_FALSE(crossGov.isPass());
    CHECK(crossGov.sentence.contains(QStringLiteral("different clouds")));
    CHECK(crossGov.sentence.contains(QStringLiteral("Entra ID Governance licence")));
    CHECK(crossGov.sentence.contains(QStringLiteral("this version")));
    CHECK_FALSE(crossGov.fix.isEmpty());
    CHECK_FALSE(evaluate(Kind::USGovernmentDoD, Kind::Global).isPass());

    const auto crossChina = evaluate(Kind::Global, Kind::China);
    CHECK_FALSE(crossChina.isPass());
    CHECK(crossChina.sentence.contains(QStringLiteral("different clouds")));

    for (const Kind source : {Kind::Global, Kind::USGovernment, Kind::USGovernmentDoD, Kind::China}) {
        for (const Kind target : {Kind::Global, Kind::USGovernment, Kind::USGovernmentDoD, Kind::China}) {
            const auto result = evaluate(source, target);
            CHECK_FALSE(result.sentence.isEmpty());
            CHECK(result.fix.isEmpty() == result.isPass());
        }
    }
}

TEST_CASE("CloudPairRule reads its table from data and blocks what the table leaves out", "[setup][cloud]")
{
    // The shipped file is the one compiled in.
    QFile shipped(QStringLiteral(TB_SOURCE_DIR "/resources/setup/cloud-pairs.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    QString problem;
    REQUIRE(CloudPairRule::fromJson(shipped.readAll(), &problem).has_value());

    // A changed table changes the verdict without code.
    const auto custom = CloudPairRule::fromJson(R"({"clouds":{"Global":"C","USGovernment":"G"},
        "pairs":[{"source":"C","target":"G","verdict":"pass","sentence":"Now allowed."}],
        "otherwise":{"verdict":"block","sentence":"Not listed.","fix":"Ask."}})");
    REQUIRE(custom.has_value());
    CHECK(custom->check(CloudInstance(CloudInstance::Kind::Global), CloudInstance(CloudInstance::Kind::USGovernment))
              .isPass());
    const auto unlisted
        = custom->check(CloudInstance(CloudInstance::Kind::Global), CloudInstance(CloudInstance::Kind::Global));
    CHECK_FALSE(unlisted.isPass());
    CHECK(unlisted.sentence == QStringLiteral("Not listed."));
    CHECK_FALSE(
        custom->check(CloudInstance(CloudInstance::Kind::China), CloudInstance(CloudInstance::Kind::China)).isPass());

    CHECK_FALSE(CloudPairRule::fromJson("not json", &problem).has_value());
    CHECK_FALSE(problem.isEmpty());
    CHECK_FALSE(CloudPairRule::fromJson(R"({"clouds":{},"pairs":[],"otherwise":{"verdict":"pass","sentence":"x"}})")
                    .has_value());
    CHECK_FALSE(CloudPairRule::fromJson(R"({"pairs":[{"source":"a","target":"b","verdict":"maybe","sentence":"x"}],
        "otherwise":{"verdict":"block","sentence":"x"}})")
                    .has_value());
}
