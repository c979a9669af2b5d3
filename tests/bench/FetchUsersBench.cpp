// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fetches every user of a 100,000-user sandbox tenant through DirectoryEndpoints and PageReader, the way
// the user lists do, and prints wall time, this process's peak RSS, users received and requests made. The
// sandbox runs as a child process (tenantbridge-sandbox next to this binary), so the RSS is the client's
// alone; `--sandbox URL` uses a running one instead. Prints figures; asserts no times.
//
//   FetchUsersBench [--sandbox URL] [--users N] [--page-size N]

#include "BenchMeasures.h"
#include "core/SystemClock.h"
#include "core/auth/StaticTokenSource.h"
#include "core/graph/GraphClient.h"
#include "core/graph/PageReader.h"
#include "core/graph/SandboxCatalog.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <functional>
#include <optional>

using tb::bench::figure;
using tb::bench::out;
using tb::bench::spin;

namespace {

constexpr int kStartTimeoutMs = 120000;
constexpr int kFetchTimeoutMs = 600000;

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

long peakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

// Starts tenantbridge-sandbox from this binary's folder and returns the URL it prints.
std::optional<QUrl> startSandbox(QProcess& process, int users)
{
    const QString program
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tenantbridge-sandbox"));
    process.setProgram(program);
    process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--test-routes"),
        QStringLiteral("--generate"), QStringLiteral("bench=%1").arg(users)});
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    if (!process.waitForStarted(kStartTimeoutMs)) {
        err() << "cannot start " << program << ": " << process.errorString() << "\n";
        return std::nullopt;
    }
    static const QRegularExpression urlPattern(QStringLiteral("(https?://[^\\s]+)"));
    QByteArray buffered;
    std::optional<QUrl> url;
    const bool ok = spin(
        [&] {
            buffered += process.readAllStandardOutput();
            const QRegularExpressionMatch match = urlPattern.match(QString::fromUtf8(buffered));
            if (match.hasMatch()) {
                url = QUrl(match.captured(1), QUrl::StrictMode);
            }
            return url.has_value() || process.state() == QProcess::NotRunning;
        },
        kStartTimeoutMs);
    if (!ok || !url || !url->isValid()) {
        err() << "the sandbox printed no URL: " << QString::fromUtf8(buffered + process.readAllStandardError()) << "\n";
        return std::nullopt;
    }
    return url;
}

// POSTs a body to the sandbox and returns the answer's status and JSON (0 and empty on a timeout).
std::pair<int, QJsonObject> post(
    QNetworkAccessManager& network, const QUrl& sandbox, const QString& path, const QByteArray& body, bool form)
{
    QUrl url = sandbox;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
        form ? QByteArrayLiteral("application/x-www-form-urlencoded") : QByteArrayLiteral("application/json"));
    QNetworkReply* reply = network.post(request, body);
    if (!spin([reply] { return reply->isFinished(); }, kStartTimeoutMs)) {
        reply->abort();
    }
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        QJsonDocument::fromJson(reply->readAll()).object()};
}

// Signs in to the tenant as its admin with the device flow: approved by the test route when the sandbox has it,
// else by the sandbox's auto-approve (a sandbox given with --sandbox needs one of --test-routes or
// --auto-approve). The access token, or nothing.
std::optional<QString> signIn(QNetworkAccessManager& network, const QUrl& sandbox, const QString& tenantId)
{
    const QByteArray clientId = QByteArrayLiteral("14d82eec-204b-4c2f-b7e8-296a70dab67e");
    const auto [codeStatus, code] = post(network, sandbox, QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenantId),
        "client_id=" + clientId + "&scope=offline_access%20User.Read.All", true);
    if (codeStatus != 200) {
        err() << "devicecode answered " << codeStatus << "\n";
        return std::nullopt;
    }
    const QJsonObject approval {{QStringLiteral("userCode"), code.value(QStringLiteral("user_code"))}};
    post(network, sandbox, QStringLiteral("/_sandbox/devicelogin/approve"),
        QJsonDocument(approval).toJson(QJsonDocument::Compact), false);
    const QByteArray poll = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=" + clientId
        + "&device_code=" + QUrl::toPercentEncoding(code.value(QStringLiteral("device_code")).toString());
    const int intervalMs = code.value(QStringLiteral("interval")).toInt(5) * 1000;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < kStartTimeoutMs) {
        const auto [status, answer]
            = post(network, sandbox, QStringLiteral("/%1/oauth2/v2.0/token").arg(tenantId), poll, true);
        if (status == 200) {
            return answer.value(QStringLiteral("access_token")).toString();
        }
        if (answer.value(QStringLiteral("error")).toString() != QStringLiteral("authorization_pending")) {
            err() << "the token endpoint answered " << answer.value(QStringLiteral("error")).toString() << "\n";
            return std::nullopt;
        }
        QTimer::singleShot(intervalMs, &network, [] {});
        spin([&waited, start = waited.elapsed(), intervalMs] { return waited.elapsed() >= start + intervalMs; },
            intervalMs + 1000);
    }
    err() << "the sign-in was never approved (start the sandbox with --test-routes or --auto-approve)\n";
    return std::nullopt;
}

// GET /_sandbox/requests?since=0: the sandbox's own count of GET .../users requests for this tenant.
std::optional<int> countUserRequests(QNetworkAccessManager& network, const QUrl& sandbox, const QString& tenantId)
{
    QUrl url = sandbox;
    url.setPath(QStringLiteral("/_sandbox/requests"));
    url.setQuery(QStringLiteral("since=0"));
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    if (!spin([reply] { return reply->isFinished(); }, kStartTimeoutMs)) {
        return std::nullopt;
    }
    reply->deleteLater();
    const QJsonArray entries
        = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("requests")).toArray();
    int count = 0;
    for (const QJsonValue& value : entries) {
        const QJsonObject entry = value.toObject();
        QString target = entry.value(QStringLiteral("target")).toString();
        target = target.left(target.indexOf(QLatin1Char('?')));
        if (entry.value(QStringLiteral("method")).toString() == QStringLiteral("GET")
            && target.endsWith(QStringLiteral("/users"))
            && entry.value(QStringLiteral("tenantId")).toString().compare(tenantId, Qt::CaseInsensitive) == 0) {
            ++count;
        }
    }
    return count;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    QUrl sandboxUrl;
    int users = 100000;
    int pageSize = tb::graph::DirectoryEndpoints::kMaxPageSize;
    for (qsizetype i = 0; i + 1 < arguments.size(); i += 2) {
        const QString& name = arguments.at(i);
        if (name == QStringLiteral("--sandbox")) {
            sandboxUrl = QUrl(arguments.at(i + 1), QUrl::StrictMode);
        } else if (name == QStringLiteral("--users")) {
            users = arguments.at(i + 1).toInt();
        } else if (name == QStringLiteral("--page-size")) {
            pageSize = arguments.at(i + 1).toInt();
        }
    }
    if (users <= 0 || pageSize <= 0 || pageSize > tb::graph::DirectoryEndpoints::kMaxPageSize) {
        err() << "usage: FetchUsersBench [--sandbox URL] [--users N] [--page-size 1..999]\n";
        return 2;
    }

    QProcess sandboxProcess;
    if (sandboxUrl.isEmpty()) {
        const auto started = startSandbox(sandboxProcess, users);
        if (!started) {
            return 1;
        }
        sandboxUrl = *started;
    }
    out() << "sandbox:            " << sandboxUrl.toString() << "\n";

    QNetworkAccessManager network;
    std::optional<QList<tb::graph::SandboxTenant>> tenants;
    auto* catalog = new tb::graph::SandboxCatalog(network, sandboxUrl);
    QObject::connect(catalog, &tb::graph::SandboxCatalog::finished, &app,
        [&tenants](const QList<tb::graph::SandboxTenant>& list, const tb::graph::GraphError& error) {
            if (error.isError()) {
                err() << "catalog: " << error.userMessage() << "\n";
            }
            tenants = list;
        });
    catalog->start();
    if (!spin([&] { return tenants.has_value(); }, kStartTimeoutMs)) {
        err() << "the sandbox catalog did not answer\n";
        return 1;
    }
    std::optional<tb::graph::SandboxTenant> bench;
    for (const tb::graph::SandboxTenant& entry : *tenants) {
        if (entry.tenant.initialDomain.startsWith(QStringLiteral("bench."), Qt::CaseInsensitive)) {
            bench = entry;
        }
    }
    if (!bench) {
        err() << "no tenant bench.onmicrosoft.com on that sandbox (start it with --generate bench=N)\n";
        return 1;
    }
    if (bench->users > 0) {
        users = bench->users;
    }

    tb::SystemClock clock;
    const std::optional<QString> token = signIn(network, sandboxUrl, bench->tenant.id);
    if (!token) {
        return 1;
    }
    tb::auth::StaticTokenSource tokens({{bench->tenant.id, *token}});
    tb::graph::GraphClient::Settings settings;
    settings.baseUrl = bench->graphBaseUrl(sandboxUrl);
    settings.tenantId = bench->tenant.id;
    tb::graph::GraphClient client(network, tokens, clock, settings);
    tb::graph::DirectoryEndpoints directory(client);
    tb::graph::DirectoryEndpoints::UserListOptions options;
    options.select = {QStringLiteral("id"), QStringLiteral("displayName"), QStringLiteral("userPrincipalName")};
    options.pageSize = pageSize;

    const long rssBeforeKiB = peakRssKiB();
    qint64 received = 0;
    std::optional<tb::graph::PageReadResult> result;
    QElapsedTimer wall;
    wall.start();
    tb::graph::PageReader* reader = directory.listUsers(options, nullptr);
    QObject::connect(reader, &tb::graph::PageReader::pageReceived, &app, [&received](const QJsonArray& page) {
        // What a list view does with a page: turn it into values, then let it go.
        received += tb::graph::DirectoryEndpoints::parseUsers(page).size();
    });
    QObject::connect(reader, &tb::graph::PageReader::finished, &app,
        [&result](const tb::graph::PageReadResult& outcome) { result = outcome; });
    reader->start();
    if (!spin([&] { return result.has_value(); }, kFetchTimeoutMs)) {
        err() << "the fetch did not finish\n";
        return 1;
    }
    const qint64 wallMs = wall.elapsed();

    const int expected = (users + pageSize - 1) / pageSize;
    const std::optional<int> logged = countUserRequests(network, sandboxUrl, bench->tenant.id);
    out() << "users expected:     " << users << "\n";
    out() << "users received:     " << received << "\n";
    out() << "outcome:            " << (result->isComplete() ? QStringLiteral("complete") : result->error.toLogString())
          << "\n";
    out() << "wall time:          " << wallMs << " ms\n";
    out() << "peak RSS (client):  " << peakRssKiB() << " KiB (before the fetch: " << rssBeforeKiB << " KiB)\n";
    out() << "pages read:         " << result->pages << " (requests sent by the client: " << result->attempts << ")\n";
    out() << "requests logged:    " << (logged ? QString::number(*logged) : QStringLiteral("unknown"))
          << " GET /users for the tenant, per the sandbox's request log\n";
    out() << "requests expected:  ceil(" << users << "/" << pageSize << ") = " << expected << "\n";
    const bool match = logged && *logged == expected && received == users && result->isComplete();
    out() << "match:              " << (match ? "yes - every user arrived with the expected number of requests" : "NO")
          << "\n";
    out().flush();
    figure(QStringLiteral("Users fetched per second (%1 users, pages of %2)").arg(users).arg(pageSize),
        static_cast<double>(received) * 1000.0 / static_cast<double>(std::max<qint64>(1, wallMs)),
        QStringLiteral("users/s"), QString(), 0);
    figure(QStringLiteral("Requests used to fetch them"), logged ? *logged : -1, QStringLiteral("requests"),
        QStringLiteral("= %1 (one per page)").arg(expected), 0);

    if (sandboxProcess.state() != QProcess::NotRunning) {
        sandboxProcess.terminate();
        if (!sandboxProcess.waitForFinished(10000)) {
            sandboxProcess.kill();
            sandboxProcess.waitForFinished(5000);
        }
    }
    return match ? 0 : 3;
}
