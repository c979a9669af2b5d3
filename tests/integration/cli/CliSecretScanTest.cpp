// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// After a whole run of the product, nothing it left behind holds a token, a code or a secret (issue 9).
//
// A standalone tenantbridge-sandbox (a process, as a user would start one) sits behind a recording proxy
// (tests/support/TamperingProxy), so every access, refresh and id token, every device and user code and every
// synchronization secret that crossed the wire is known. tenantbridge-cli then runs the whole journey with a private
// HOME and XDG folders, its --verbose log (and every tb.* debug line) going to a file under that HOME: sign in to both
// tenants with device codes, whoami, preflight, plan, apply, preview, test sync, rollout plan and run, a sync cycle,
// logs fetch, logs export to CSV and JSON, status, users, trace. The GUI runs on the same profile (offscreen) until
// it has refreshed a token and read Graph, and is then stopped with SIGTERM. A CLI in the middle of a Graph call is
// crashed with SIGSEGV, its core limit raised as a developer's shell may have it, in HOME as its working folder: the
// GUI and the CLI install no crash handler (no signal handler, no crash report; app/sandbox/main.cpp handles SIGINT
// and SIGTERM, the sandbox only), so what a crash leaves is its log file, the store as it was, and a core file if
// the process allows one (app/common/CoreDumps: it does not). Finally every file under HOME is read as raw bytes
// (the SQLite store with its -wal and -shm files, QSettings' .conf files, the logs, the exports, anything else) and
// searched for each secret (whole, its first and last 20 characters, and in UTF-16) and for anything shaped like a
// JWT; so is every line the CLI printed on stdout. A user code may appear only in the log of the login that showed
// it to the person (it is printed on stderr on purpose, and is dead once redeemed).
#include "tests/support/SignalWaiter.h"
#include "tests/support/TamperingProxy.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <csignal>

#include <sys/resource.h>

using tb::test::SignalWaiter;
using tb::test::TamperingProxy;

namespace {

constexpr int kProcessCeilingMs = 120000;

// Something the run must not leave behind: what it is ("refresh token") and its value.
struct Secret
{
    QString kind;
    QString value;
};

// Where a secret (or a JWT-shaped string) was found.
struct Finding
{
    QString where;
    QString what;
};

// A JWT: header and payload both base64url JSON objects ("eyJ" is '{"').
const QRegularExpression& jwtShape()
{
    static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}"));
    return jwt;
}

// The byte strings that betray a secret: the whole value in UTF-8 and UTF-16, and for long values its first and
// last 20 characters (a log line that cuts a token short still leaks most of it). A JWT's first characters are its
// header, the same for every token of a sandbox, so only its last characters (the signature) count.
QList<QByteArray> needles(const Secret& secret)
{
    QList<QByteArray> result {secret.value.toUtf8(),
        QByteArray(reinterpret_cast<const char*>(secret.value.utf16()), secret.value.size() * 2)};
    if (secret.value.size() >= 40) {
        if (!secret.value.startsWith(QLatin1String("eyJ"))) {
            result.append(secret.value.left(20).toUtf8());
        }
        result.append(secret.value.right(20).toUtf8());
    }
    return result;
}

QList<Finding> scanBytes(const QString& where, const QByteArray& bytes, const QList<Secret>& secrets)
{
    QList<Finding> findings;
    for (const Secret& secret : secrets) {
        for (const QByteArray& needle : needles(secret)) {
            if (!needle.isEmpty() && bytes.contains(needle)) {
                findings.append({where, secret.kind});
                break;
            }
        }
    }
    const QRegularExpressionMatch jwt = jwtShape().match(QString::fromLatin1(bytes));
    if (jwt.hasMatch()) {
        findings.append({where, QStringLiteral("a JWT-shaped string (%1...)").arg(jwt.captured().left(24))});
    }
    return findings;
}

// Every file under folder, hidden ones and those in hidden folders included, read as raw bytes.
QList<Finding> scanFolder(const QString& folder, const QList<Secret>& secrets)
{
    QList<Finding> findings;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            findings.append({path, QStringLiteral("a file the scan cannot read (%1)").arg(file.errorString())});
            continue;
        }
        findings.append(scanBytes(QDir(folder).relativeFilePath(path), file.readAll(), secrets));
    }
    return findings;
}

QStringList filesUnder(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(QDir(folder).relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

// The standalone server, as a person starts it; stopped with SIGTERM at the end.
class StandaloneSandbox
{
public:
    StandaloneSandbox()
    {
        m_process.setProgram(QDir(QStringLiteral(TB_BINARY_DIR)).filePath(QStringLiteral("tenantbridge-sandbox")));
        // As tests/integration/cli/CliSession configures its sandbox: test routes (the sync cycle on demand), codes
        // approved at once as the tenant's admin, polling every second.
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--test-routes"),
            QStringLiteral("--auto-approve=0"), QStringLiteral("--device-code-interval"), QStringLiteral("1")});
        m_process.start();
        REQUIRE(m_process.waitForStarted());
        static const QRegularExpression serving(
            QStringLiteral("Serving Microsoft Graph at (http://127\\.0\\.0\\.1:\\d+)"));
        QString printed;
        REQUIRE(SignalWaiter::waitUntil([&] {
            printed += QString::fromUtf8(m_process.readAllStandardOutput());
            return serving.match(printed).hasMatch() || m_process.state() == QProcess::NotRunning;
        }));
        INFO(printed.toStdString() << QString::fromUtf8(m_process.readAllStandardError()).toStdString());
        const QRegularExpressionMatch match = serving.match(printed);
        REQUIRE(match.hasMatch());
        m_url = QUrl(match.captured(1));
    }
    ~StandaloneSandbox()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    StandaloneSandbox(const StandaloneSandbox&) = delete;
    StandaloneSandbox& operator=(const StandaloneSandbox&) = delete;

    [[nodiscard]] const QUrl& url() const { return m_url; }

    // A control or test route of the sandbox, asked directly (not through the proxy); its HTTP status.
    int control(const QByteArray& method, const QString& path, const QJsonObject& body = {}) const
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_url.toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply
            = network.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        REQUIRE(SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private:
    QProcess m_process;
    QUrl m_url;
};

struct Ran
{
    QString name;
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString logFile; // stderr: the person's messages and the --verbose log
};

// One person's machine: a private HOME and XDG folders, a profile, the keychain of the test session, and every
// program started with HOME as its working folder and its stderr appended to a log file under HOME.
class PrivateMachine
{
public:
    explicit PrivateMachine(QUrl service)
        : m_service(std::move(service))
        , m_profile(QStringLiteral("scan-") + QUuid::createUuid().toString(QUuid::Id128).left(12))
    {
        REQUIRE(m_home.isValid());
        QDir(m_home.path()).mkpath(QStringLiteral("logs"));
        QDir(m_home.path()).mkpath(QStringLiteral("exports"));
    }

    [[nodiscard]] QString home() const { return m_home.path(); }
    [[nodiscard]] const QList<Ran>& runs() const { return m_runs; }

    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral(".cache")));
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral(".local/state")));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Every level of every tb.* category, beyond what --verbose turns on.
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tb.*=true"));
        // Under the asan preset ASan would catch the SIGSEGV below, report it and exit 1; a crash must stay a crash
        // (a core file, if anything, is what the scan looks for).
        const QString sanitizer = environment.value(QStringLiteral("ASAN_OPTIONS"));
        environment.insert(QStringLiteral("ASAN_OPTIONS"),
            sanitizer.isEmpty() ? QStringLiteral("handle_segv=0") : sanitizer + QStringLiteral(":handle_segv=0"));
        return environment;
    }

    // Starts a program of the build with the global options; the caller waits.
    void start(QProcess& process, const QString& program, const QString& name, const QStringList& arguments)
    {
        const QString log = m_home.filePath(
            QStringLiteral("logs/%1-%2.log").arg(m_runs.size() + 1, 2, 10, QLatin1Char('0')).arg(name));
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_home.path());
        process.setStandardErrorFile(log, QIODevice::Append);
        process.setProgram(QDir(QStringLiteral(TB_BINARY_DIR)).filePath(program));
        process.setArguments(QStringList {QStringLiteral("--verbose"), QStringLiteral("--profile"), m_profile,
                                 QStringLiteral("--sandbox"), m_service.toString()}
            + arguments);
        m_runs.append({name, -1, false, {}, log});
        process.start();
        REQUIRE(process.waitForStarted());
    }

    void finished(QProcess& process)
    {
        REQUIRE(
            SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }, kProcessCeilingMs));
        Ran& ran = m_runs.last();
        ran.crashed = process.exitStatus() == QProcess::CrashExit;
        ran.exitCode = ran.crashed ? -1 : process.exitCode();
        ran.out = QString::fromUtf8(process.readAllStandardOutput());
    }

    Ran cli(const QString& name, const QStringList& arguments)
    {
        QProcess process;
        start(process, QStringLiteral("tenantbridge-cli"), name, arguments);
        finished(process);
        const Ran& ran = m_runs.last();
        QFile log(ran.logFile);
        REQUIRE(log.open(QIODevice::ReadOnly));
        UNSCOPED_INFO("tenantbridge-cli " << arguments.join(QLatin1Char(' ')).toStdString() << " -> " << ran.exitCode
                                          << "\nstdout: " << ran.out.toStdString()
                                          << "\nstderr: " << log.readAll().right(4000).toStdString());
        return ran;
    }

    void cliOk(const QString& name, const QStringList& arguments) { REQUIRE(cli(name, arguments).exitCode == 0); }

private:
    QTemporaryDir m_home;
    QUrl m_service;
    QString m_profile;
    QList<Ran> m_runs;
};

// Every secret that crossed the proxy: tokens and codes of the sign-in host, and the synchronization secrets and
// credentials sent to Graph (only the values of secret-like keys: CompanyId is the target tenant's id, which the
// status shows on purpose).
QList<Secret> secretsSeen(const TamperingProxy& proxy, QStringList* userCodes, QStringList* syncKeys)
{
    QList<Secret> secrets;
    for (const char* name :
        {"access_token", "refresh_token", "id_token", "device_code", "client_secret", "client_assertion"}) {
        for (const QString& value : proxy.bodyValues(QString::fromLatin1(name))) {
            secrets.append({QString::fromLatin1(name), value});
        }
    }
    *userCodes = proxy.bodyValues(QStringLiteral("user_code"));
    static const QRegularExpression secretKey(
        QStringLiteral("secret|token|password|credential"), QRegularExpression::CaseInsensitiveOption);
    for (const TamperingProxy::Exchange& exchange : proxy.exchanges()) {
        if (!exchange.target.contains("/synchronization/")) {
            continue;
        }
        const QJsonObject body = QJsonDocument::fromJson(exchange.requestBody).object();
        for (const char* list : {"value", "credentials"}) {
            for (const QJsonValue& pair : body.value(QLatin1String(list)).toArray()) {
                const QString key = pair.toObject().value(QLatin1String("key")).toString();
                const QString value = pair.toObject().value(QLatin1String("value")).toString();
                syncKeys->append(key);
                if (secretKey.match(key).hasMatch() && !value.isEmpty()) {
                    secrets.append({QStringLiteral("synchronization secret %1").arg(key), value});
                }
            }
        }
    }
    syncKeys->removeDuplicates();
    return secrets;
}

int countTokenRequests(const TamperingProxy& proxy, qsizetype from)
{
    int count = 0;
    for (qsizetype i = from; i < proxy.exchanges().size(); ++i) {
        const TamperingProxy::Exchange& exchange = proxy.exchanges().at(i);
        count += exchange.target.endsWith("/oauth2/v2.0/token") && exchange.status == 200 ? 1 : 0;
    }
    return count;
}

bool hasGraphAnswer(const TamperingProxy& proxy, qsizetype from, const QByteArray& pathPart, int status)
{
    for (qsizetype i = from; i < proxy.exchanges().size(); ++i) {
        const TamperingProxy::Exchange& exchange = proxy.exchanges().at(i);
        if (exchange.target.contains(pathPart) && (status < 0 || exchange.status == status)) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("The secret scan names every file that holds a planted token, code or secret", "[integration][cli][secrets]")
{
    // The scan of the end-to-end test below must be able to fail: each planted value is found, in its file.
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString refresh = QStringLiteral("1.AQ4AZmFrZS1yZWZyZXNoLXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g");
    const QString deviceCode = QStringLiteral("Zm9vYmFyLWRldmljZS1jb2RlLXdpdGgtc29tZS1sZW5ndGgtdG8taXQ");
    const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJl");
    const auto write = [&folder](const QString& name, const QByteArray& bytes) {
        QDir(folder.path()).mkpath(QFileInfo(folder.filePath(name)).path());
        QFile file(folder.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write(QStringLiteral(".local/share/TenantBridge/p.sqlite-wal"),
        QByteArray("\x00\x01SQLite", 8) + refresh.toUtf8() + QByteArray(16, '\0'));
    write(QStringLiteral(".config/TenantBridge/TenantBridge.conf"), "[x]\nlast=" + jwt.toUtf8() + "\n");
    write(QStringLiteral("logs/01-login.log"), "polling with " + deviceCode.left(30).toUtf8() + "...\n");
    write(QStringLiteral("utf16.bin"), QByteArray(reinterpret_cast<const char*>(refresh.utf16()), refresh.size() * 2));
    write(QStringLiteral("clean.txt"), "nothing to see\n");

    const QList<Secret> secrets {
        {QStringLiteral("refresh_token"), refresh}, {QStringLiteral("device_code"), deviceCode}};
    QStringList found;
    for (const Finding& finding : scanFolder(folder.path(), secrets)) {
        found.append(finding.where + QStringLiteral(": ") + finding.what);
    }
    found.sort();
    CHECK(found
        == QStringList {
            QStringLiteral(".config/TenantBridge/TenantBridge.conf: a JWT-shaped string (eyJhbGciOiJIUzI1NiJ9.eyJ...)"),
            QStringLiteral(".local/share/TenantBridge/p.sqlite-wal: refresh_token"),
            QStringLiteral("logs/01-login.log: device_code"), QStringLiteral("utf16.bin: refresh_token")});
}

TEST_CASE("After a whole run of the CLI and the GUI, and a crash, no file under HOME holds a token, code or secret",
    "[integration][cli][secrets]")
{
    StandaloneSandbox sandbox;
    TamperingProxy proxy(sandbox.url());
    QString error;
    REQUIRE(proxy.listen(&error));
    PrivateMachine machine(proxy.url());
    const QString adele = QStringLiteral("adele.vance@contoso.onmicrosoft.com");
    const QString megan = QStringLiteral("megan.bowen@contoso.onmicrosoft.com");

    machine.cliOk(QStringLiteral("login-source"),
        {QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("source"), QStringLiteral("--tenant"),
            QStringLiteral("contoso.onmicrosoft.com")});
    machine.cliOk(QStringLiteral("login-target"),
        {QStringLiteral("login"), QStringLiteral("--role"), QStringLiteral("target"), QStringLiteral("--tenant"),
            QStringLiteral("fabrikam.onmicrosoft.com")});
    machine.cliOk(QStringLiteral("whoami"), {QStringLiteral("--json"), QStringLiteral("whoami")});
    machine.cliOk(QStringLiteral("preflight"), {QStringLiteral("preflight")});
    machine.cliOk(QStringLiteral("plan"), {QStringLiteral("plan"), QStringLiteral("--show-requests")});
    machine.cliOk(QStringLiteral("apply"), {QStringLiteral("apply"), QStringLiteral("--yes")});
    machine.cliOk(QStringLiteral("preview"), {QStringLiteral("preview"), QStringLiteral("--user"), adele});
    machine.cliOk(QStringLiteral("test-sync"),
        {QStringLiteral("test-sync"), QStringLiteral("--user"), adele, QStringLiteral("--user"), megan,
            QStringLiteral("--yes")});
    machine.cliOk(QStringLiteral("rollout-plan"),
        {QStringLiteral("rollout"), QStringLiteral("plan"), QStringLiteral("--stage"),
            QStringLiteral("Pilot=CTS Pilot")});
    machine.cliOk(
        QStringLiteral("rollout-run"), {QStringLiteral("rollout"), QStringLiteral("run"), QStringLiteral("--yes")});
    REQUIRE(sandbox.control("POST", QStringLiteral("/_sandbox/synchronization/runCycle")) == 200);
    machine.cliOk(QStringLiteral("logs-fetch"), {QStringLiteral("logs"), QStringLiteral("fetch")});
    machine.cliOk(QStringLiteral("logs-export-csv"),
        {QStringLiteral("logs"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--output"), QDir(machine.home()).filePath(QStringLiteral("exports/logs.csv"))});
    machine.cliOk(QStringLiteral("logs-export-json"),
        {QStringLiteral("logs"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--output"), QDir(machine.home()).filePath(QStringLiteral("exports/logs.json"))});
    machine.cliOk(QStringLiteral("status"), {QStringLiteral("status")});
    machine.cliOk(QStringLiteral("status-json"), {QStringLiteral("--json"), QStringLiteral("status")});
    machine.cliOk(QStringLiteral("users"),
        {QStringLiteral("users"), QStringLiteral("--tenant"), QStringLiteral("Contoso"), QStringLiteral("--search"),
            QStringLiteral("adele")});
    CHECK(machine.cli(QStringLiteral("trace"), {QStringLiteral("trace"), adele}).exitCode >= 0);

    // The GUI on the same profile: it restores both sign-ins from the keychain, refreshes a token and reads Graph;
    // then it is stopped as a session ends it (SIGTERM; no handler, so no clean-up either).
    {
        const qsizetype before = proxy.requestCount();
        QProcess gui;
        machine.start(gui, QStringLiteral("tenantbridge"), QStringLiteral("gui"), {});
        CHECK(SignalWaiter::waitUntil(
            [&] {
                return gui.state() == QProcess::NotRunning
                    || (countTokenRequests(proxy, before) >= 1 && hasGraphAnswer(proxy, before, "/v1.0/", 200));
            },
            kProcessCeilingMs));
        CHECK(gui.state() == QProcess::Running);
        ::kill(static_cast<pid_t>(gui.processId()), SIGTERM);
        machine.finished(gui);
    }

    // A crash in the middle of a Graph call, with the log on: the sandbox holds the answer to the log read, and the
    // CLI gets SIGSEGV while it waits for it, holding fresh tokens. Its core limit is raised first, as a developer's
    // `ulimit -c unlimited` would, so a process that allowed a core file would leave one in HOME.
    {
        REQUIRE(sandbox.control("PUT", QStringLiteral("/_sandbox/faults"),
                    QJsonObject {{QStringLiteral("holds"),
                        QJsonArray {
                            QJsonObject {{QStringLiteral("pathPattern"), QStringLiteral("*/auditLogs/provisioning")},
                                {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("ms"), 600000},
                                {QStringLiteral("count"), 1}}}}})
            == 200);
        const qsizetype before = proxy.requestCount();
        QProcess crashing;
        crashing.setChildProcessModifier([] {
            rlimit unlimited {};
            ::getrlimit(RLIMIT_CORE, &unlimited);
            unlimited.rlim_cur = unlimited.rlim_max;
            ::setrlimit(RLIMIT_CORE, &unlimited);
        });
        machine.start(crashing, QStringLiteral("tenantbridge-cli"), QStringLiteral("crash"),
            {QStringLiteral("logs"), QStringLiteral("fetch")});
        REQUIRE(SignalWaiter::waitUntil(
            [&] {
                return crashing.state() == QProcess::NotRunning
                    || hasGraphAnswer(proxy, before, "/auditLogs/provisioning", 0);
            },
            kProcessCeilingMs));
        REQUIRE(crashing.state() == QProcess::Running);
        ::kill(static_cast<pid_t>(crashing.processId()), SIGSEGV);
        machine.finished(crashing);
        CHECK(machine.runs().last().crashed);
        CHECK(sandbox.control("DELETE", QStringLiteral("/_sandbox/faults")) == 200);
    }

    machine.cliOk(QStringLiteral("logout"), {QStringLiteral("logout")});

    // What existed during the run, read off the wire.
    QStringList userCodes;
    QStringList syncKeys;
    const QList<Secret> secrets = secretsSeen(proxy, &userCodes, &syncKeys);
    const auto count = [&secrets](const char* kind) {
        return std::count_if(secrets.begin(), secrets.end(),
            [kind](const Secret& secret) { return secret.kind == QLatin1String(kind); });
    };
    // Two sign-ins and at least one refresh each for the many runs after them (the CLI keeps no access token).
    CHECK(count("access_token") >= 4);
    CHECK(count("refresh_token") >= 4);
    CHECK(count("id_token") >= 2);
    CHECK(count("device_code") == 2);
    CHECK(userCodes.size() == 2);
    // A public client: no client secret or assertion ever leaves the machine.
    CHECK(count("client_secret") == 0);
    CHECK(count("client_assertion") == 0);
    // The credentials apply saved and tested (graph-reference 2.4, 2.5): none of them is a secret.
    INFO("synchronization credentials sent: " << syncKeys.join(QStringLiteral(", ")).toStdString());
    CHECK(syncKeys.contains(QStringLiteral("CompanyId")));
    CHECK(syncKeys.contains(QStringLiteral("AuthenticationType")));

    QList<Secret> withCodes = secrets;
    for (const QString& code : std::as_const(userCodes)) {
        withCodes.append({QStringLiteral("user_code"), code});
    }
    INFO("files under HOME:\n" << filesUnder(machine.home()).join(QLatin1Char('\n')).toStdString());
    CHECK(filesUnder(machine.home()).contains(QStringLiteral("exports/logs.csv")));
    CHECK(filesUnder(machine.home()).contains(QStringLiteral("exports/logs.json")));
    QList<Finding> findings = scanFolder(machine.home(), withCodes);
    // The login that showed a user code to the person may have it in its log, and only that one.
    for (int role = 0; role < 2; ++role) {
        const QString loginLog = QDir(machine.home()).relativeFilePath(machine.runs().at(role).logFile);
        findings.removeIf([&](const Finding& finding) {
            return finding.where == loginLog && finding.what == QLatin1String("user_code");
        });
    }
    for (const Ran& ran : machine.runs()) {
        findings.append(scanBytes(QStringLiteral("stdout of ") + ran.name, ran.out.toUtf8(), withCodes));
    }
    for (const Finding& finding : std::as_const(findings)) {
        FAIL_CHECK(finding.where.toStdString() << " holds " << finding.what.toStdString());
    }
    CHECK(findings.isEmpty());
}
