// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/CloudPairRule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Resources compiled into a static library are only linked in when something references their initializer.
static void initSetupResources()
{
    Q_INIT_RESOURCE(setup);
}

namespace tb::setup {

namespace {

QString pairKey(const QString& sourceGroup, const QString& targetGroup)
{
    return sourceGroup + QLatin1Char('>') + targetGroup;
}

std::optional<CloudPairRule::Result> readResult(const QJsonObject& object, QString* problem)
{
    const QString verdict = object.value(QStringLiteral("verdict")).toString();
    CloudPairRule::Result result;
    if (verdict == QStringLiteral("pass")) {
        result.verdict = CloudPairRule::Verdict::Pass;
    } else if (verdict == QStringLiteral("block")) {
        result.verdict = CloudPairRule::Verdict::Block;
    } else {
        *problem = QStringLiteral("verdict \"%1\" is neither \"pass\" nor \"block\".").arg(verdict);
        return std::nullopt;
    }
    result.sentence = object.value(QStringLiteral("sentence")).toString();
    result.fix = object.value(QStringLiteral("fix")).toString();
    if (result.sentence.isEmpty()) {
        *problem = QStringLiteral("a verdict has no sentence.");
        return std::nullopt;
    }
    return result;
}

CloudPairRule::Result brokenTableResult()
{
    return {CloudPairRule::Verdict::Block,
        QStringLiteral("TenantBridge could not read its table of supported clouds, so it sets up nothing."),
        QStringLiteral("Reinstall TenantBridge; this is a fault in the package.")};
}

} // namespace

std::optional<CloudPairRule> CloudPairRule::fromJson(const QByteArray& json, QString* problem)
{
    QString ignored;
    QString& why = problem ? *problem : ignored;
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty()) {
        why = QStringLiteral("the cloud pair table is not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    CloudPairRule rule;
    const QJsonObject clouds = root.value(QStringLiteral("clouds")).toObject();
    for (auto it = clouds.begin(); it != clouds.end(); ++it) {
        rule.m_groupOfCloud.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue& value : root.value(QStringLiteral("pairs")).toArray()) {
        const QJsonObject pair = value.toObject();
        const QString source = pair.value(QStringLiteral("source")).toString();
        const QString target = pair.value(QStringLiteral("target")).toString();
        if (source.isEmpty() || target.isEmpty()) {
            why = QStringLiteral("a pair lacks its source or target.");
            return std::nullopt;
        }
        const auto result = readResult(pair, &why);
        if (!result) {
            return std::nullopt;
        }
        rule.m_pairs.insert(pairKey(source, target), *result);
    }
    const auto otherwise = readResult(root.value(QStringLiteral("otherwise")).toObject(), &why);
    if (!otherwise || otherwise->isPass()) {
        // Anything the table does not name must be blocked: a forgotten row can never let a pair through.
        why = QStringLiteral("the table needs an \"otherwise\" entry that blocks.");
        return std::nullopt;
    }
    rule.m_otherwise = *otherwise;
    return rule;
}

const CloudPairRule& CloudPairRule::builtIn()
{
    static const CloudPairRule rule = [] {
        initSetupResources();
        QFile file(QStringLiteral(":/setup/cloud-pairs.json"));
        std::optional<CloudPairRule> loaded;
        if (file.open(QIODevice::ReadOnly)) {
            loaded = fromJson(file.readAll());
        }
        if (!loaded) {
            CloudPairRule broken;
            broken.m_otherwise = brokenTableResult();
            return broken;
        }
        return *loaded;
    }();
    return rule;
}

CloudPairRule::Result CloudPairRule::evaluate(const model::CloudInstance& source, const model::CloudInstance& target)
{
    return builtIn().check(source, target);
}

CloudPairRule::Result CloudPairRule::check(const model::CloudInstance& source, const model::CloudInstance& target) const
{
    const QString sourceGroup = m_groupOfCloud.value(source.name());
    const QString targetGroup = m_groupOfCloud.value(target.name());
    if (sourceGroup.isEmpty() || targetGroup.isEmpty()) {
        return m_otherwise;
    }
    return m_pairs.value(pairKey(sourceGroup, targetGroup), m_otherwise);
}

} // namespace tb::setup
