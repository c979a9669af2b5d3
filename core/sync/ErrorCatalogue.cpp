// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/ErrorCatalogue.h"

#include "core/CoreLogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Resources compiled into a static library are only linked in when something references their initializer.
static void initSyncResources()
{
    Q_INIT_RESOURCE(sync);
}

namespace tb::sync {

namespace {

constexpr const char* kSectionNames[] = {"states", "quarantineReasons", "errors"};

int indexOf(ErrorCatalogue::Section section)
{
    return static_cast<int>(section);
}

ErrorCatalogue::Explanation readExplanation(const QJsonObject& object)
{
    ErrorCatalogue::Explanation explanation;
    explanation.code = object.value(QStringLiteral("code")).toString();
    explanation.title = object.value(QStringLiteral("title")).toString();
    explanation.meaning = object.value(QStringLiteral("meaning")).toString();
    explanation.action = object.value(QStringLiteral("action")).toString();
    explanation.known = true;
    return explanation;
}

// Keeps a code (from the service) from being read as a placeholder of QString::arg.
QString fill(const QString& sentence, const QString& code)
{
    QString filled = sentence;
    return filled.replace(QStringLiteral("%1"), code);
}

} // namespace

std::optional<ErrorCatalogue> ErrorCatalogue::fromJson(const QByteArray& json, QString* problem)
{
    QString ignored;
    QString& why = problem ? *problem : ignored;
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty()) {
        why = QStringLiteral("the error catalogue is not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    ErrorCatalogue catalogue;
    for (int index = 0; index < 3; ++index) {
        const QString name = QLatin1String(kSectionNames[index]);
        if (!root.value(name).isArray()) {
            why = QStringLiteral("the error catalogue has no \"%1\" list.").arg(name);
            return std::nullopt;
        }
        for (const QJsonValue& value : root.value(name).toArray()) {
            const Explanation explanation = readExplanation(value.toObject());
            if (explanation.code.isEmpty() || explanation.title.isEmpty() || explanation.meaning.isEmpty()) {
                why = QStringLiteral("an entry of \"%1\" lacks its code, title or meaning.").arg(name);
                return std::nullopt;
            }
            const QString key = explanation.code.toLower();
            if (catalogue.m_entries[index].contains(key)) {
                why = QStringLiteral("\"%1\" is listed twice in \"%2\".").arg(explanation.code, name);
                return std::nullopt;
            }
            catalogue.m_entries[index].insert(key, explanation);
            catalogue.m_codes[index].append(explanation.code);
        }
    }
    const QJsonObject unknown = root.value(QStringLiteral("unknown")).toObject();
    catalogue.m_unknown = readExplanation(unknown);
    catalogue.m_unknown.known = false;
    if (!catalogue.m_unknown.meaning.contains(QStringLiteral("%1"))) {
        why = QStringLiteral("the error catalogue's \"unknown\" entry does not name the code (%1).");
        return std::nullopt;
    }
    return catalogue;
}

const ErrorCatalogue& ErrorCatalogue::builtIn()
{
    static const ErrorCatalogue catalogue = [] {
        initSyncResources();
        QFile file(QStringLiteral(":/sync/error-catalogue.json"));
        QString problem = QStringLiteral("the resource is missing.");
        if (file.open(QIODevice::ReadOnly)) {
            if (auto read = fromJson(file.readAll(), &problem)) {
                return *read;
            }
        }
        qCWarning(lcSync) << "the built-in error catalogue could not be read:" << problem;
        ErrorCatalogue empty;
        empty.m_unknown = {{}, QStringLiteral("Code %1"), QStringLiteral("The service reported \"%1\"."),
            QStringLiteral("Look at the provisioning logs of the last cycle."), false};
        return empty;
    }();
    return catalogue;
}

ErrorCatalogue::Explanation ErrorCatalogue::explain(Section section, const QString& code) const
{
    const QString trimmed = code.trimmed();
    const auto it = m_entries[indexOf(section)].constFind(trimmed.toLower());
    if (it != m_entries[indexOf(section)].constEnd()) {
        return *it;
    }
    Explanation explanation;
    explanation.code = trimmed;
    const QString shown = trimmed.isEmpty() ? QStringLiteral("(none)") : trimmed;
    explanation.title = fill(m_unknown.title, shown);
    explanation.meaning = fill(m_unknown.meaning, shown);
    explanation.action = fill(m_unknown.action, shown);
    explanation.known = false;
    return explanation;
}

bool ErrorCatalogue::contains(Section section, const QString& code) const
{
    return m_entries[indexOf(section)].contains(code.trimmed().toLower());
}

QStringList ErrorCatalogue::codes(Section section) const
{
    return m_codes[indexOf(section)];
}

} // namespace tb::sync
