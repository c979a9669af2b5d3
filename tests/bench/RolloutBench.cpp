// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A rollout stage of N users (default 5,000) of a generated source tenant, assigned to a CTS configuration into
// Fabrikam through RolloutRunner's batching, against a sandbox in this process with added latency (default 50 ms):
//  1. requests used for the assignments against the lower bound ceil(N/20) + a constant (the service principal and
//     the assignment list read before sending), and wall time;
//  2. the same N assignments sent one assignment per request (AppRoleAssignmentEndpoints, the client's usual
//     in-flight limit of 4) on a fresh sandbox, wall time;
//  3. under fault-plan throttling of R requests per second ({"throttle":{"limit":R,"windowMs":1000}}, every $batch
//     item takes a slot) on a fresh sandbox: the achieved share of R (target >= 90%) and the failed assignments.
// Each run sets the pair up with the real PlanRunner first. Prints figures; asserts no times.
//
//   RolloutBench [--users N] [--latency MS] [--rate R] [--throttle-users N] [--skip-single] [--no-pacing]

#include "BenchMeasures.h"
#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/AppRoleAssignmentEndpoints.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/setup/PlanRunner.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "core/store/Database.h"
#include "core/store/Journal.h"
#include "core/sync/RolloutEstimator.h"
#include "core/sync/RolloutRunner.h"
#include "core/sync/RolloutStore.h"
#include "tests/support/SandboxFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <functional>
#include <memory>
#include <optional>

namespace {

constexpr int kCeilingMs = 600000;

using tb::bench::figure;
using tb::bench::out;

// Every wait of this benchmark has the same ceiling.
bool spin(const std::function<bool()>& done)
{
    return tb::bench::spin(done, kCeilingMs);
}

// A generated source with a CTS configuration into Fabrikam, set up by the real plan, and N of its users.
struct BenchPair
{
    std::unique_ptr<tb::test::SandboxFixture> fixture;
    QTemporaryDir directory;
    std::unique_ptr<tb::store::Database> database;
    std::unique_ptr<tb::store::Journal> journal;
    std::unique_ptr<tb::sync::RolloutStore> store;
    tb::graph::GraphClient* source = nullptr;
    tb::graph::GraphClient* target = nullptr;
    tb::sync::RolloutPlan plan;
    QString problem;

    bool setUp(int users)
    {
        tbsandbox::SandboxOptions options;
        options.servicePrincipalPropagationMs = 0;
        options.syncIntervalMs = 0;
        options.generatedTenants.append({QStringLiteral("bench"), users + 1}); // the first user is the admin
        fixture = std::make_unique<tb::test::SandboxFixture>(options);
        if (!fixture->isReady()) {
            problem = fixture->errorMessage();
            return false;
        }
        database = std::make_unique<tb::store::Database>(directory.filePath(QStringLiteral("bench.sqlite")));
        if (const auto error = database->open()) {
            problem = error->detail();
            return false;
        }
        journal = std::make_unique<tb::store::Journal>(*database);
        store = std::make_unique<tb::sync::RolloutStore>(*database);
        const tb::model::Tenant sourceTenant = fixture->tenant(QStringLiteral("bench"))->tenant;
        const tb::model::Tenant targetTenant = fixture->tenant(QStringLiteral("fabrikam"))->tenant;
        source = fixture->client(sourceTenant.id);
        target = fixture->client(targetTenant.id);

        tb::model::DesiredSettings desired;
        desired.configurationDisplayName
            = tb::setup::SetupPlan::defaultConfigurationName(sourceTenant.displayName, targetTenant.displayName);
        tb::setup::SetupStateReader reader(*source, *target);
        std::optional<tb::setup::SetupState> state;
        QObject::connect(&reader, &tb::setup::SetupStateReader::finished,
            [&state](const tb::setup::SetupState& read) { state = read; });
        tb::setup::SetupStateReader::Options readOptions;
        readOptions.configurationDisplayName = desired.configurationDisplayName;
        reader.read(sourceTenant, targetTenant, readOptions);
        if (!spin([&] { return state.has_value(); })) {
            problem = QStringLiteral("reading the set-up state took too long");
            return false;
        }
        tb::setup::PlanRunner::Settings settings;
        settings.propagationPollMs = 100;
        tb::setup::PlanRunner runner(*source, *target, *journal, settings);
        std::optional<tb::setup::PlanRunner::Result> result;
        QObject::connect(&runner, &tb::setup::PlanRunner::finished,
            [&result](const tb::setup::PlanRunner::Result& r) { result = r; });
        if (runner.start(desired, *state).isEmpty() || !spin([&] { return result.has_value(); })
            || result->outcome != tb::setup::PlanRunner::Outcome::Succeeded) {
            problem = QStringLiteral("the set-up plan did not succeed: %1").arg(result ? result->message : QString());
            return false;
        }
        state.reset();
        reader.read(sourceTenant, targetTenant, readOptions);
        if (!spin([&] { return state.has_value(); }) || !state->configuration || !state->configuration->hasJob()) {
            problem = QStringLiteral("no configuration after the set-up");
            return false;
        }
        plan.id = QStringLiteral("bench");
        plan.createdAt = QDateTime::currentDateTimeUtc();
        plan.sourceTenantId = sourceTenant.id;
        plan.targetTenantId = targetTenant.id;
        plan.servicePrincipalId = state->configuration->servicePrincipalId;
        plan.jobId = state->configuration->jobId;

        // N member users of the generated tenant, the admin left out.
        tb::graph::DirectoryEndpoints::UserListOptions list;
        list.select = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName")};
        list.pageSize = 999;
        tb::graph::DirectoryEndpoints endpoints(*source);
        QPointer<tb::graph::PageReader> reader2 = endpoints.listUsers(list, nullptr);
        tb::sync::RolloutStage stage;
        stage.name = QStringLiteral("Everyone");
        bool finished = false;
        QObject::connect(reader2, &tb::graph::PageReader::pageReceived, [&](const QJsonArray& page) {
            for (const QJsonValue& user : page) {
                const QString upn = user.toObject().value(QLatin1String("userPrincipalName")).toString();
                if (stage.principals.size() < users && !upn.startsWith(QLatin1String("ada.abara.0@"))) {
                    stage.principals.append(
                        {user.toObject().value(QLatin1String("id")).toString(), tb::sync::RolloutPrincipal::Type::User,
                            user.toObject().value(QLatin1String("displayName")).toString()});
                }
            }
        });
        QObject::connect(reader2, &tb::graph::PageReader::finished, [&] { finished = true; });
        reader2->start();
        if (!spin([&] { return finished; }) || stage.principals.size() < users) {
            problem = QStringLiteral("only %1 users to assign").arg(stage.principals.size());
            return false;
        }
        plan.stages = {stage};
        return true;
    }

    // Graph requests logged since seq (batch items included); the $batch posts, the GETs (none of them batch items
    // in the assignment phase) and the 429 answers among them.
    [[nodiscard]] int graphRequests(
        qint64 since, int* batchPosts = nullptr, int* throttled = nullptr, int* gets = nullptr)
    {
        int all = 0;
        int posts = 0;
        int limited = 0;
        int reads = 0;
        for (const tb::test::SandboxLogEntry& entry : fixture->requestLog(since)) {
            if (entry.target.startsWith(QLatin1String("/_sandbox"))) {
                continue;
            }
            ++all;
            if (entry.method == QLatin1String("POST") && entry.path().endsWith(QLatin1String("/$batch"))) {
                ++posts;
            }
            if (entry.status == 429) {
                ++limited;
            }
            if (entry.method == QLatin1String("GET")) {
                ++reads;
            }
        }
        if (gets) {
            *gets = reads;
        }
        if (batchPosts) {
            *batchPosts = posts;
        }
        if (throttled) {
            *throttled = limited;
        }
        return all;
    }
};

struct BatchedRun
{
    qint64 wallMs = 0;
    int batchPosts = 0;
    int reads = 0;
    int runnerBatches = 0;
    int throttled = 0;
    int failed = 0;
    int recorded = 0;
    bool succeeded = false;
    QString message;
};

// Estimates, then puts the fault plan in place and assigns the stage through RolloutRunner; only the assignment part
// is timed and counted.
BatchedRun runBatched(BenchPair& pair, const QJsonObject& faults, bool pacing = true)
{
    BatchedRun run;
    tb::sync::RolloutEstimator estimator(*pair.source, *pair.target);
    bool estimated = false;
    QObject::connect(&estimator, &tb::sync::RolloutEstimator::finished,
        [&](const tb::sync::RolloutPlan& plan, bool ok, const QString& problem) {
            estimated = true;
            if (ok) {
                pair.plan = plan;
            } else {
                run.message = problem;
            }
        });
    estimator.start(pair.plan);
    if (!spin([&] { return estimated; }) || !run.message.isEmpty()) {
        return run;
    }
    (void)pair.store->save(pair.plan);
    if (!pair.fixture->putFaults(faults)) {
        run.message = pair.fixture->errorMessage();
        return run;
    }

    tb::sync::RolloutRunner runner(*pair.source, *pair.target, *pair.journal, *pair.store);
    tb::sync::RolloutRunner::Settings settings;
    settings.estimateFirst = false;
    if (!pacing) {
        settings.paceGrowth = 0.0;
    }
    runner.setSettings(settings);
    runner.open(pair.plan);
    bool done = false;
    QObject::connect(&runner, &tb::sync::RolloutRunner::assigned, [&](int, bool ok, const QString& message) {
        done = true;
        run.succeeded = ok;
        run.message = message;
    });
    QObject::connect(&runner, &tb::sync::RolloutRunner::actionFailed, [&](const QString& message) {
        done = true;
        run.message = message;
    });
    const qint64 seq = pair.fixture->lastSeq();
    QElapsedTimer timer;
    timer.start();
    runner.assignNextStage();
    if (!spin([&] { return done; })) {
        run.message = QStringLiteral("did not finish");
    }
    run.wallMs = timer.elapsed();
    (void)pair.graphRequests(seq, &run.batchPosts, &run.throttled, &run.reads);
    run.runnerBatches = runner.batchesSent();
    run.failed = runner.failedAssignments();
    run.recorded = runner.plan().stages.at(0).assignmentsAdded;
    return run;
}

struct SingleRun
{
    qint64 wallMs = 0;
    int requests = 0;
    int failed = 0;
};

// The same assignments, one POST each, through the same client (at most 4 in flight, as for the batches).
SingleRun runSingle(BenchPair& pair)
{
    SingleRun run;
    tb::graph::GraphRequest spRequest
        = tb::graph::GraphRequest::get(QStringLiteral("/servicePrincipals/") + pair.plan.servicePrincipalId);
    spRequest.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,appRoles"));
    QString roleId;
    bool read = false;
    const qint64 seq = pair.fixture->lastSeq();
    QElapsedTimer timer;
    timer.start();
    QObject context;
    pair.source->send(spRequest, &context, [&](const tb::graph::GraphResponse& response) {
        roleId = tb::graph::AppRoleAssignmentEndpoints::msiamAccessRoleId(response.json());
        read = true;
    });
    (void)spin([&] { return read; });
    tb::graph::AppRoleAssignmentEndpoints endpoints(*pair.source);
    const QList<tb::sync::RolloutPrincipal>& principals = pair.plan.stages.at(0).principals;
    int answered = 0;
    for (const tb::sync::RolloutPrincipal& principal : principals) {
        tb::graph::GraphCall* call = endpoints.addAssignment(pair.plan.servicePrincipalId, principal.id, roleId);
        QObject::connect(call, &tb::graph::GraphCall::finished, &context, [&](const tb::graph::GraphResponse& r) {
            ++answered;
            if (!r.isSuccess()) {
                ++run.failed;
            }
        });
    }
    (void)spin([&] { return answered == principals.size(); });
    run.wallMs = timer.elapsed();
    run.requests = pair.graphRequests(seq);
    return run;
}

QString seconds(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 2) + QStringLiteral(" s");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int users = 5000;
    int latencyMs = 50;
    int rate = 200;
    int throttleUsers = -1;
    bool skipSingle = false;
    bool pacing = true;
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        const auto value = [&] { return i + 1 < arguments.size() ? arguments.at(++i).toInt() : 0; };
        if (argument == QLatin1String("--users")) {
            users = value();
        } else if (argument == QLatin1String("--latency")) {
            latencyMs = value();
        } else if (argument == QLatin1String("--rate")) {
            rate = value();
        } else if (argument == QLatin1String("--throttle-users")) {
            throttleUsers = value();
        } else if (argument == QLatin1String("--skip-single")) {
            skipSingle = true;
        } else if (argument == QLatin1String("--no-pacing")) {
            pacing = false;
        } else {
            out() << "usage: RolloutBench [--users N] [--latency MS] [--rate R] [--throttle-users N] [--skip-single] "
                     "[--no-pacing]\n";
            return 2;
        }
    }
    if (users < 1 || rate < 1) {
        out() << "--users and --rate must be positive\n";
        return 2;
    }
    if (throttleUsers < 1) {
        throttleUsers = users;
    }
    const int lowerBound = static_cast<int>(std::ceil(users / 20.0));
    constexpr int kConstant = 2; // GET the service principal (its msiam_access role), GET the assignments
    out() << "RolloutBench: " << users << " users, " << latencyMs << " ms sandbox latency\n";
    out().flush();

    // 1. batched, through RolloutRunner.
    BatchedRun batched;
    {
        BenchPair pair;
        if (!pair.setUp(users)) {
            out() << "set-up failed: " << pair.problem << "\n";
            return 1;
        }
        batched = runBatched(pair, QJsonObject {{QStringLiteral("latencyMs"), latencyMs}});
        out() << "batched (RolloutRunner, " << 20 << " per $batch, 4 in flight):\n";
        out() << "  assignments recorded: " << batched.recorded << " of " << users << ", failed: " << batched.failed
              << (batched.succeeded ? QString() : QStringLiteral("  [%1]").arg(batched.message)) << "\n";
        out() << "  $batch posts: " << batched.batchPosts << " (runner counted " << batched.runnerBatches
              << "), lower bound ceil(" << users << "/20) + " << kConstant << " = " << lowerBound + kConstant
              << " requests; used " << batched.batchPosts + batched.reads << " (" << batched.reads << " GET)\n";
        out() << "  wall time: " << seconds(batched.wallMs) << "\n";
        out().flush();
        figure(QStringLiteral("Rollout requests for %1 assignments").arg(users),
            static_cast<double>(batched.batchPosts + batched.reads), QStringLiteral("requests"),
            QStringLiteral("lower bound %1").arg(lowerBound + kConstant), 0);
    }

    // 2. one assignment per request, fresh sandbox.
    if (!skipSingle) {
        BenchPair pair;
        if (!pair.setUp(users) || !pair.fixture->putFaults(QJsonObject {{QStringLiteral("latencyMs"), latencyMs}})) {
            out() << "set-up failed: " << pair.problem << "\n";
            return 1;
        }
        const SingleRun single = runSingle(pair);
        out() << "one assignment per request (same client, 4 in flight):\n";
        out() << "  requests: " << single.requests << ", failed: " << single.failed << "\n";
        out() << "  wall time: " << seconds(single.wallMs) << " = "
              << QString::number(static_cast<double>(single.wallMs) / std::max<qint64>(1, batched.wallMs), 'f', 1)
              << "x the batched run\n";
        out().flush();
        figure(QStringLiteral("Rollout speed-up over one assignment per request"),
            static_cast<double>(single.wallMs) / static_cast<double>(std::max<qint64>(1, batched.wallMs)),
            QStringLiteral("x"));
    }

    // 3. throttled to R requests per second, fresh sandbox.
    {
        BenchPair pair;
        if (!pair.setUp(throttleUsers)) {
            out() << "set-up failed: " << pair.problem << "\n";
            return 1;
        }
        const BatchedRun throttled = runBatched(pair,
            QJsonObject {{QStringLiteral("latencyMs"), latencyMs},
                {QStringLiteral("throttle"),
                    QJsonObject {{QStringLiteral("limit"), rate}, {QStringLiteral("windowMs"), 1000}}}},
            pacing);
        // Each assignment takes one slot; the two reads before sending take one each.
        const double achieved = (throttled.recorded + kConstant) * 1000.0 / std::max<qint64>(1, throttled.wallMs);
        out() << "throttled to " << rate << " requests/s (" << throttleUsers << " users):\n";
        out() << "  assignments recorded: " << throttled.recorded << ", failed: " << throttled.failed
              << (throttled.succeeded ? QString() : QStringLiteral("  [%1]").arg(throttled.message))
              << ", 429 answers: " << throttled.throttled << ", $batch posts: " << throttled.batchPosts << "\n";
        out() << "  wall time: " << seconds(throttled.wallMs) << ", achieved " << QString::number(achieved, 'f', 1)
              << " requests/s = " << QString::number(100.0 * achieved / rate, 'f', 1) << "% of R (target >= 90%)\n";
        out().flush();
        figure(QStringLiteral("Share of a %1 requests/s throttling limit achieved").arg(rate), 100.0 * achieved / rate,
            QStringLiteral("%"), QStringLiteral(">= 90%"));
    }
    return 0;
}
