// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/graph/endpoints/SynchronizationEndpoints.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

using tb::graph::GraphRequest;
using tb::graph::SynchronizationEndpoints;

namespace {

const QString kSp = QStringLiteral("dddddddd-0000-0000-0000-000000000004");
const QString kJob = QStringLiteral("Azure2Azure.0123456789abcdef.eeee0005");

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

TEST_CASE("SynchronizationEndpoints starts and pauses a job with bodiless POSTs (2.3)", "[graph][synchronization]")
{
    const GraphRequest start = SynchronizationEndpoints::startJobRequest(kSp, kJob);
    CHECK(start.isValid());
    CHECK(start.method() == GraphRequest::Method::Post);
    CHECK(start.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/start").arg(kSp, kJob));
    CHECK_FALSE(start.body().has_value());
    CHECK(start.isRetrySafe());

    const GraphRequest pause = SynchronizationEndpoints::pauseJobRequest(kSp, kJob);
    CHECK(pause.isValid());
    CHECK(pause.method() == GraphRequest::Method::Post);
    CHECK(pause.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/pause").arg(kSp, kJob));
    CHECK_FALSE(pause.body().has_value());

    // The job id is one encoded path segment.
    const GraphRequest odd = SynchronizationEndpoints::startJobRequest(kSp, QStringLiteral("a/b"));
    CHECK(odd.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/a%2Fb/start").arg(kSp));

    CHECK_FALSE(SynchronizationEndpoints::startJobRequest(kSp, QStringLiteral(" ")).isValid());
    CHECK_FALSE(SynchronizationEndpoints::pauseJobRequest(QString(), kJob).isValid());
}

TEST_CASE("SynchronizationEndpoints restarts a job with its reset criteria (2.3)", "[graph][synchronization]")
{
    const GraphRequest portal = SynchronizationEndpoints::restartJobRequest(kSp, kJob);
    CHECK(portal.isValid());
    CHECK(portal.method() == GraphRequest::Method::Post);
    CHECK(portal.path() == QStringLiteral("/servicePrincipals/%1/synchronization/jobs/%2/restart").arg(kSp, kJob));
    REQUIRE(portal.body().has_value());
    CHECK(*portal.body() == object(R"({"criteria":{"resetScope":"Watermark, Escrows, QuarantineState"}})"));
    CHECK_FALSE(portal.isRetrySafe());

    // Written as documented whatever the case given; duplicates dropped.
    const GraphRequest deletes = SynchronizationEndpoints::restartJobRequest(
        kSp, kJob, {QStringLiteral("forcedeletes"), QStringLiteral(" Escrows "), QStringLiteral("ForceDeletes")});
    CHECK(deletes.isValid());
    CHECK(*deletes.body() == object(R"({"criteria":{"resetScope":"ForceDeletes, Escrows"}})"));

    const GraphRequest empty = SynchronizationEndpoints::restartJobRequest(kSp, kJob, {});
    CHECK(empty.isValid());
    CHECK(*empty.body() == object(R"({"criteria":{"resetScope":""}})"));

    const GraphRequest unknown = SynchronizationEndpoints::restartJobRequest(kSp, kJob, {QStringLiteral("Everything")});
    CHECK_FALSE(unknown.isValid());
    CHECK(unknown.invalidReason().contains(QStringLiteral("Everything")));

    CHECK(SynchronizationEndpoints::resetScopeValues().size() == 7);
    CHECK(SynchronizationEndpoints::resetScopeValues().contains(QStringLiteral("QuarantineState")));
}
