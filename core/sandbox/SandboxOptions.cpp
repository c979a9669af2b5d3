// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/SandboxOptions.h"

#include "core/sandbox/FaultPlan.h"
#include "core/sandbox/TenantGenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace tbsandbox {

namespace {

bool parseWholeNumber(const QString& text, qint64 minimum, qint64 maximum, qint64* out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        return false;
    }
    *out = value;
    return true;
}

// "PATTERN[:COUNT]": the count is the part after the last ':' when it is a number.
QJsonObject patternRule(const QString& text)
{
    QJsonObject rule {{QStringLiteral("pathPattern"), text}};
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    qint64 count = 0;
    if (colon > 0 && parseWholeNumber(text.mid(colon + 1), 0, 1000000000, &count)) {
        rule.insert(QStringLiteral("pathPattern"), text.left(colon));
        rule.insert(QStringLiteral("count"), count);
    }
    return rule;
}

void appendRule(QJsonObject* plan, const QString& key, const QJsonObject& rule)
{
    QJsonArray rules = plan->value(key).toArray();
    rules.append(rule);
    plan->insert(key, rules);
}

} // namespace

std::optional<SandboxOptions> SandboxOptions::fromArguments(const QStringList& arguments, QString* errorMessage)
{
    SandboxOptions options;
    QJsonObject cliFaults;
    QString faultsFile;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        if (name.startsWith(QLatin1String("--")) && equals > 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
            hasInlineValue = true;
        }
        static const QStringList withValue = {QStringLiteral("--port"), QStringLiteral("--seed"),
            QStringLiteral("--generate"), QStringLiteral("--tls-cert"), QStringLiteral("--tls-key"),
            QStringLiteral("--throttle"), QStringLiteral("--error"), QStringLiteral("--latency"),
            QStringLiteral("--drop"), QStringLiteral("--malformed"), QStringLiteral("--faults"),
            QStringLiteral("--fault-seed"), QStringLiteral("--state"), QStringLiteral("--token-lifetime"),
            QStringLiteral("--device-code-lifetime"), QStringLiteral("--device-code-interval"),
            QStringLiteral("--slow-down"), QStringLiteral("--confidential-client"), QStringLiteral("--sp-propagation"),
            QStringLiteral("--sync-interval-ms")};
        if (name == QLatin1String("--no-seeds")) {
            options.loadSeeds = false;
            continue;
        }
        if (name == QLatin1String("--reset")) {
            options.resetState = true;
            continue;
        }
        if (name == QLatin1String("--test-routes") && !hasInlineValue) {
            options.testRoutes = true;
            continue;
        }
        if (name == QLatin1String("--single-use-refresh-tokens") && !hasInlineValue) {
            options.singleUseRefreshTokens = true;
            continue;
        }
        if (name == QLatin1String("--auto-approve")) {
            // The delay is only ever inline (--auto-approve=5), so a following argument is never taken for it.
            qint64 seconds = 3;
            if (hasInlineValue && !parseWholeNumber(value, 0, 3600, &seconds)) {
                *errorMessage
                    = QStringLiteral("--auto-approve takes a delay from 0 to 3600 seconds, e.g. --auto-approve=3; "
                                     "got '%1'.")
                          .arg(value);
                return std::nullopt;
            }
            options.autoApproveAfterMs = static_cast<int>(seconds * 1000);
            continue;
        }
        if (!withValue.contains(name)) {
            *errorMessage = QStringLiteral("Unknown option '%1'.").arg(arguments.at(i));
            return std::nullopt;
        }
        if (!hasInlineValue) {
            if (i + 1 >= arguments.size()) {
                *errorMessage = QStringLiteral("Option %1 needs a value.").arg(name);
                return std::nullopt;
            }
            value = arguments.at(++i);
        }
        qint64 number = 0;
        if (name == QLatin1String("--port")) {
            if (!parseWholeNumber(value, 0, 65535, &number)) {
                *errorMessage
                    = QStringLiteral("--port takes a number from 0 (any free port) to 65535, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.port = static_cast<quint16>(number);
        } else if (name == QLatin1String("--seed")) {
            options.seedDirectory = value;
        } else if (name == QLatin1String("--generate")) {
            static const QRegularExpression form(QStringLiteral("^([a-z0-9][a-z0-9-]{0,62})=(\\d+)$"));
            const QRegularExpressionMatch match = form.match(value);
            if (!match.hasMatch() || !parseWholeNumber(match.captured(2), 1, TenantGenerator::kMaxUsers, &number)) {
                *errorMessage = QStringLiteral("--generate takes NAME=USERS with a lower-case name (letters, digits, "
                                               "'-') and 1 to %1 users, e.g. --generate big=100000; got '%2'.")
                                    .arg(TenantGenerator::kMaxUsers)
                                    .arg(value);
                return std::nullopt;
            }
            options.generatedTenants.append({match.captured(1), static_cast<int>(number)});
        } else if (name == QLatin1String("--tls-cert")) {
            options.tlsCertificateFile = value;
        } else if (name == QLatin1String("--tls-key")) {
            options.tlsKeyFile = value;
        } else if (name == QLatin1String("--throttle")) {
            static const QRegularExpression form(QStringLiteral("^(\\d+)/(\\d+)(?::(\\d+))?$"));
            const QRegularExpressionMatch match = form.match(value);
            if (!match.hasMatch()) {
                *errorMessage = QStringLiteral("--throttle takes LIMIT/WINDOW_MS[:RETRY_AFTER_S], e.g. 10/10000:2; "
                                               "got '%1'.")
                                    .arg(value);
                return std::nullopt;
            }
            QJsonObject throttle {{QStringLiteral("limit"), match.captured(1).toLongLong()},
                {QStringLiteral("windowMs"), match.captured(2).toLongLong()}};
            if (!match.captured(3).isEmpty()) {
                throttle.insert(QStringLiteral("retryAfterSeconds"), match.captured(3).toLongLong());
            }
            cliFaults.insert(QStringLiteral("throttle"), throttle);
        } else if (name == QLatin1String("--error")) {
            static const QRegularExpression form(QStringLiteral("^(.+)=(\\d{3})(?::([0-9.]+)(?::(\\d+))?)?$"));
            const QRegularExpressionMatch match = form.match(value);
            if (!match.hasMatch()) {
                *errorMessage
                    = QStringLiteral("--error takes PATTERN=STATUS[:RATE[:COUNT]], e.g. '*/users*=503:1.0:1'; "
                                     "got '%1'.")
                          .arg(value);
                return std::nullopt;
            }
            QJsonObject rule {{QStringLiteral("pathPattern"), match.captured(1)},
                {QStringLiteral("status"), match.captured(2).toInt()}};
            if (!match.captured(3).isEmpty()) {
                rule.insert(QStringLiteral("rate"), match.captured(3).toDouble());
            }
            if (!match.captured(4).isEmpty()) {
                rule.insert(QStringLiteral("count"), match.captured(4).toLongLong());
            }
            appendRule(&cliFaults, QStringLiteral("errors"), rule);
        } else if (name == QLatin1String("--latency")) {
            if (!parseWholeNumber(value, 0, 600000, &number)) {
                *errorMessage = QStringLiteral("--latency takes milliseconds from 0 to 600000, not '%1'.").arg(value);
                return std::nullopt;
            }
            cliFaults.insert(QStringLiteral("latencyMs"), number);
        } else if (name == QLatin1String("--sp-propagation")) {
            if (!parseWholeNumber(value, 0, 600000, &number)) {
                *errorMessage
                    = QStringLiteral("--sp-propagation takes milliseconds from 0 to 600000, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.servicePrincipalPropagationMs = static_cast<int>(number);
        } else if (name == QLatin1String("--sync-interval-ms")) {
            if (!parseWholeNumber(value, 0, 86400000, &number)) {
                *errorMessage = QStringLiteral("--sync-interval-ms takes milliseconds from 0 (cycles only on demand) "
                                               "to 86400000, not '%1'.")
                                    .arg(value);
                return std::nullopt;
            }
            options.syncIntervalMs = static_cast<int>(number);
        } else if (name == QLatin1String("--drop")) {
            appendRule(&cliFaults, QStringLiteral("drops"), patternRule(value));
        } else if (name == QLatin1String("--malformed")) {
            appendRule(&cliFaults, QStringLiteral("malformed"), patternRule(value));
        } else if (name == QLatin1String("--fault-seed")) {
            if (!parseWholeNumber(value, 0, 2147483647, &number)) {
                *errorMessage
                    = QStringLiteral("--fault-seed takes a number from 0 to 2147483647, not '%1'.").arg(value);
                return std::nullopt;
            }
            cliFaults.insert(QStringLiteral("seed"), number);
        } else if (name == QLatin1String("--faults")) {
            faultsFile = value;
        } else if (name == QLatin1String("--token-lifetime")) {
            if (!parseWholeNumber(value, 1, 86400, &number)) {
                *errorMessage = QStringLiteral("--token-lifetime takes seconds from 1 to 86400, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.accessTokenLifetimeSeconds = static_cast<int>(number);
        } else if (name == QLatin1String("--device-code-lifetime")) {
            if (!parseWholeNumber(value, 1, 86400, &number)) {
                *errorMessage
                    = QStringLiteral("--device-code-lifetime takes seconds from 1 to 86400, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.deviceCodeLifetimeSeconds = static_cast<int>(number);
        } else if (name == QLatin1String("--device-code-interval")) {
            if (!parseWholeNumber(value, 0, 600, &number)) {
                *errorMessage
                    = QStringLiteral("--device-code-interval takes seconds from 0 to 600, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.deviceCodeIntervalSeconds = static_cast<int>(number);
        } else if (name == QLatin1String("--slow-down")) {
            if (value != QLatin1String("on") && value != QLatin1String("off")) {
                *errorMessage = QStringLiteral("--slow-down takes on or off, not '%1'.").arg(value);
                return std::nullopt;
            }
            options.slowDown = value == QLatin1String("on");
        } else if (name == QLatin1String("--confidential-client")) {
            if (QUuid::fromString(value).isNull()) {
                *errorMessage = QStringLiteral("--confidential-client takes an application (client) id GUID, not '%1'.")
                                    .arg(value);
                return std::nullopt;
            }
            options.confidentialClientIds.append(value.toLower());
        } else if (name == QLatin1String("--state")) {
            if (value.isEmpty()) {
                *errorMessage = QStringLiteral("--state takes the file that keeps the sandbox's state.");
                return std::nullopt;
            }
            options.stateFile = value;
        }
    }
    if (options.tlsCertificateFile.isEmpty() != options.tlsKeyFile.isEmpty()) {
        *errorMessage = QStringLiteral("--tls-cert and --tls-key go together: give both to serve https, or neither.");
        return std::nullopt;
    }
    if (options.resetState && options.stateFile.isEmpty()) {
        *errorMessage = QStringLiteral("--reset starts the file given with --state over from the seeds; give "
                                       "--state FILE too.");
        return std::nullopt;
    }
    if (!options.loadSeeds && !options.seedDirectory.isEmpty()) {
        *errorMessage = QStringLiteral("--no-seeds and --seed contradict each other; drop one.");
        return std::nullopt;
    }
    if (!faultsFile.isEmpty()) {
        QFile file(faultsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *errorMessage = QStringLiteral("Cannot read the fault plan %1: %2.").arg(faultsFile, file.errorString());
            return std::nullopt;
        }
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (!document.isObject()) {
            *errorMessage = QStringLiteral("The fault plan %1 is not a JSON object.").arg(faultsFile);
            return std::nullopt;
        }
        options.faultPlan = document.object();
    }
    // Command-line faults add rules to the file's and replace its scalar settings.
    for (auto it = cliFaults.begin(); it != cliFaults.end(); ++it) {
        if (it.value().isArray()) {
            QJsonArray rules = options.faultPlan.value(it.key()).toArray();
            for (const QJsonValue& rule : it.value().toArray()) {
                rules.append(rule);
            }
            options.faultPlan.insert(it.key(), rules);
        } else {
            options.faultPlan.insert(it.key(), it.value());
        }
    }
    FaultPlan check;
    QString problem;
    if (!check.load(options.faultPlan, &problem)) {
        *errorMessage = QStringLiteral("The fault options are not valid: %1").arg(problem);
        return std::nullopt;
    }
    return options;
}

QString SandboxOptions::usage()
{
    return QStringLiteral(
        "Usage: tenantbridge-sandbox [options]\n"
        "Emulates Microsoft Graph for several tenants on 127.0.0.1.\n"
        "\n"
        "  --port N                          port to listen on (default 0: any free port)\n"
        "  --seed DIR                        load every DIR/*.json tenant instead of the built-in seeds\n"
        "  --no-seeds                        load no seed tenants (only generated ones)\n"
        "  --generate NAME=USERS             add NAME.onmicrosoft.com with USERS users (1..1000000); repeatable\n"
        "  --tls-cert FILE --tls-key FILE    serve https with this PEM certificate and unencrypted key\n"
        "  --throttle LIMIT/WINDOW_MS[:S]    answer 429 past LIMIT requests per tenant per window; S = Retry-After\n"
        "  --error PATTERN=STATUS[:RATE[:COUNT]]  answer STATUS for paths matching the glob; repeatable\n"
        "  --latency MS                      delay every Graph answer\n"
        "  --sp-propagation MS               a new service principal answers 404 for MS (default 300)\n"
        "  --sync-interval-ms MS             provisioning cycles of active CTS jobs every MS (default 2400000,\n"
        "                                    the service's 40 minutes; 0: only POST "
        "/_sandbox/synchronization/runCycle)\n"
        "  --drop PATTERN[:COUNT]            send half an answer and close the connection; repeatable\n"
        "  --malformed PATTERN[:COUNT]       answer 200 with a JSON body cut short; repeatable\n"
        "  --faults FILE.json                a fault plan in the JSON form of PUT /_sandbox/faults\n"
        "  --fault-seed N                    seed for fault rates (default 0)\n"
        "  --state FILE                      keep the state (tenants, changes, signing key) in FILE across\n"
        "                                    restarts; without it the state lives in memory only\n"
        "  --reset                           with --state: start over from the seeds and replace FILE\n"
        "  --test-routes                     add POST /_sandbox/devicelogin/approve and /_sandbox/users/revoke\n"
        "  --auto-approve[=SECONDS]          approve each device code as the tenant's admin after SECONDS (3)\n"
        "  --token-lifetime SECONDS          access and id token lifetime (default 3599)\n"
        "  --device-code-lifetime SECONDS    how long a device code stays valid (default 900)\n"
        "  --device-code-interval SECONDS    the polling interval handed out (default 5; 0 for any pace)\n"
        "  --slow-down on|off                answer slow_down to polls sooner than the interval (default on)\n"
        "  --single-use-refresh-tokens       a redeemed refresh token stops working (Entra keeps it valid)\n"
        "  --confidential-client ID          this client id gets invalid_client AADSTS7000218; repeatable\n"
        "  --help                            show this text\n"
        "\n"
        "Sign-in: device code flow at {base}/{tenant}/oauth2/v2.0/devicecode, people sign in at {base}/devicelogin.\n");
}

} // namespace tbsandbox
