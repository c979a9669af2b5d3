// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/cli/CliSession.h"

#include "core/sandbox/SandboxOptions.h"
#include "tests/support/SignInTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QUuid>

namespace tb::test {

CliRun CliRun::of(QProcess& finished)
{
    CliRun run;
    run.exitCode = finished.exitStatus() == QProcess::NormalExit ? finished.exitCode() : -1;
    run.out = QString::fromUtf8(finished.readAllStandardOutput());
    run.err = QString::fromUtf8(finished.readAllStandardError());
    return run;
}

CliSession::CliSession(bool withSandbox)
    : profile(QStringLiteral("cli-") + QUuid::createUuid().toString(QUuid::Id128))
{
    if (!withSandbox) {
        return;
    }
    tbsandbox::SandboxOptions options = SignInTestSupport::sandboxOptions();
    options.autoApproveAfterMs = 0;
    server = std::make_unique<tbsandbox::SandboxServer>(options);
    QString error;
    REQUIRE(server->start(&error));
    url = server->baseUrl().toString();
}

CliSession::~CliSession()
{
    // Leave nothing of this test in the session's keychain.
    if (triedLogin) {
        run({QStringLiteral("logout")});
    }
}

QString CliSession::program()
{
    return QDir(QStringLiteral(TB_BINARY_DIR)).filePath(QStringLiteral("tenantbridge-cli"));
}

QStringList CliSession::fullArguments(const QStringList& arguments) const
{
    QStringList all {QStringLiteral("--profile"), profile};
    if (!url.isEmpty()) {
        all << QStringLiteral("--sandbox") << url;
    }
    all << arguments;
    return all;
}

QProcessEnvironment CliSession::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    return environment;
}

QString CliSession::databasePath() const
{
    QDirIterator it(home.filePath(QStringLiteral("data")), {profile + QStringLiteral(".sqlite")}, QDir::Files,
        QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

CliRun CliSession::run(const QStringList& arguments)
{
    triedLogin = triedLogin || arguments.contains(QStringLiteral("login"));
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program(), fullArguments(arguments));
    REQUIRE(process.waitForStarted());
    REQUIRE(SignalWaiter::waitUntil([&process] { return process.state() == QProcess::NotRunning; }, 60000));
    const CliRun result = CliRun::of(process);
    UNSCOPED_INFO("tenantbridge-cli " << arguments.join(QLatin1Char(' ')).toStdString() << " -> " << result.exitCode
                                      << "\nstdout: " << result.out.toStdString()
                                      << "\nstderr: " << result.err.toStdString());
    runs.append(result);
    return result;
}

void CliSession::login(const QString& role, const QString& tenant)
{
    const CliRun result
        = run({QStringLiteral("login"), QStringLiteral("--role"), role, QStringLiteral("--tenant"), tenant});
    REQUIRE(result.exitCode == 0);
}

void CliSession::loginBoth()
{
    login(QStringLiteral("source"), QStringLiteral("contoso.onmicrosoft.com"));
    login(QStringLiteral("target"), QStringLiteral("fabrikam.onmicrosoft.com"));
}

QJsonObject CliSession::control(const QString& path) const
{
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(url + path)));
    REQUIRE(SignalWaiter::waitUntil([reply] { return reply->isFinished(); }));
    reply->deleteLater();
    REQUIRE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QJsonObject CliSession::crossTenantCounts(const QString& tenantId) const
{
    return control(QStringLiteral("/_sandbox/stats"))
        .value(QLatin1String("tenants"))
        .toObject()
        .value(tenantId)
        .toObject()
        .value(QLatin1String("crossTenant"))
        .toObject();
}

QJsonObject parseJson(const QString& text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    INFO("output: " << text.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(document.isObject());
    return document.object();
}

} // namespace tb::test
