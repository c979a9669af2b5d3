// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The state file on its own: what it writes and reads back, sections, file mode, the debounced save.
#include "core/sandbox/state/StateFile.h"
#include "core/sandbox/SeedLoader.h"
#include "core/sandbox/TenantState.h"
#include "core/sandbox/UserSchema.h"
#include "core/sandbox/World.h"
#include "core/sandbox/state/StateDocument.h"
#include "tests/sandbox/StateTestSupport.h"
#include "tests/support/SignalWaiter.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace tb::test;
using tbsandbox::SeedLoader;
using tbsandbox::StateFile;
using tbsandbox::StateSection;
using tbsandbox::World;

namespace {

void loadSeeds(World& world)
{
    QString error;
    INFO(error.toStdString());
    REQUIRE(SeedLoader::loadCompiledSeeds(world, &error));
}

int fileMode(const QString& path)
{
    struct stat info
    { };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return static_cast<int>(info.st_mode & 0777);
}

// Compares two descriptions key by key, so a failure names the tenant and the part that differs.
void checkSameTenant(const QJsonObject& expected, const QJsonObject& actual)
{
    INFO("tenant " << expected.value(QLatin1String("initialDomain")).toString().toStdString());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        INFO("part " << it.key().toStdString());
        if (it.value().isArray() && actual.value(it.key()).isArray()) {
            const QJsonArray want = it.value().toArray();
            const QJsonArray have = actual.value(it.key()).toArray();
            REQUIRE(have.size() == want.size());
            for (qsizetype i = 0; i < want.size(); ++i) {
                INFO("item " << i << ": " << QJsonDocument(want.at(i).toObject()).toJson().toStdString());
                CHECK(have.at(i) == want.at(i));
            }
        } else {
            CHECK(actual.value(it.key()) == it.value());
        }
    }
    CHECK(actual.keys() == expected.keys());
}

StateSection section(const QString& name, QJsonObject saved, QJsonObject* loaded)
{
    return StateSection {name, [saved] { return saved; },
        [loaded](const QJsonObject& json, QString*) {
            *loaded = json;
            return true;
        }};
}

} // namespace

TEST_CASE(
    "A saved state reads back every seed tenant: identity, users with every property, groups, SKUs", "[sandbox][state]")
{
    World original;
    loadSeeds(original);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QString error;
    StateFile writer(path, original);
    INFO(error.toStdString());
    REQUIRE(writer.save(&error));

    World restored;
    StateFile reader(path, restored);
    REQUIRE(reader.load(&error));
    CHECK(reader.wasLoaded());
    REQUIRE(original.tenants().size() == 4);
    REQUIRE(restored.tenants().size() == original.tenants().size());
    for (size_t i = 0; i < original.tenants().size(); ++i) {
        checkSameTenant(describeTenant(*original.tenants()[i]), describeTenant(*restored.tenants()[i]));
    }

    // The seeds exercise what could get lost on the way: guests with invitation fields, licences, nested
    // groups, null and empty values, disabled accounts.
    const QJsonObject fabrikam
        = describeTenant(*restored.tenantByIdOrDomain(QStringLiteral("fabrikam.onmicrosoft.com")));
    bool invitedGuest = false;
    for (const QJsonValue& user : fabrikam.value(QLatin1String("users")).toArray()) {
        invitedGuest = invitedGuest
            || (user.toObject().value(QLatin1String("userType")) == QLatin1String("Guest")
                && user.toObject().value(QLatin1String("externalUserState")).isString());
    }
    CHECK(invitedGuest);
    const tbsandbox::TenantState* contoso = restored.tenantByIdOrDomain(QStringLiteral("contoso.onmicrosoft.com"));
    bool nestedGroup = false;
    for (const tbsandbox::GroupRecord& group : contoso->groups()) {
        for (const QUuid& member : group.memberIds) {
            nestedGroup = nestedGroup || contoso->findGroup(member) >= 0;
        }
    }
    CHECK(nestedGroup);
    CHECK(!contoso->adminPrincipalName().isEmpty());
}

TEST_CASE("The state file is a versioned JSON document whose tenants are seed files", "[sandbox][state]")
{
    World original;
    loadSeeds(original);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QString error;
    StateFile writer(path, original);
    REQUIRE(writer.save(&error));

    QJsonParseError parseError {};
    const QJsonObject document = QJsonDocument::fromJson(readFile(path), &parseError).object();
    REQUIRE(parseError.error == QJsonParseError::NoError);
    CHECK(document.value(QLatin1String("format")).toString() == QLatin1String("tenantbridge-sandbox-state"));
    CHECK(document.value(QLatin1String("version")).toInt() == 1);
    CHECK(QDateTime::fromString(document.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs).isValid());
    CHECK(document.value(QLatin1String("sections")).isObject());
    const QJsonArray tenants = document.value(QLatin1String("tenants")).toArray();
    REQUIRE(tenants.size() == 4);

    // Each entry, saved as a file of its own, loads through --seed DIR into the same tenant.
    const QString seeds = dir.filePath(QStringLiteral("seeds"));
    REQUIRE(QDir().mkpath(seeds));
    for (qsizetype i = 0; i < tenants.size(); ++i) {
        writeFile(QStringLiteral("%1/tenant%2.json").arg(seeds).arg(i),
            QJsonDocument(tenants.at(i).toObject()).toJson(QJsonDocument::Indented));
    }
    World fromSeeds;
    INFO(error.toStdString());
    REQUIRE(SeedLoader::loadDirectory(seeds, fromSeeds, &error));
    REQUIRE(fromSeeds.tenants().size() == 4);
    for (size_t i = 0; i < original.tenants().size(); ++i) {
        checkSameTenant(describeTenant(*original.tenants()[i]), describeTenant(*fromSeeds.tenants()[i]));
    }
}

TEST_CASE("A registered section round trips; one nobody registered is kept and loads when registered late",
    "[sandbox][state]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    const QJsonObject saved {{QStringLiteral("signingKey"), QStringLiteral("c2VjcmV0LWZvci10ZXN0cw")},
        {QStringLiteral("sessions"), QJsonArray {1, 2, 3}}};
    QString error;
    {
        World world;
        QJsonObject unused;
        REQUIRE(world.stateRegistry().registerSection(section(QStringLiteral("login"), saved, &unused), &error));
        CHECK_FALSE(world.stateRegistry().registerSection(section(QStringLiteral("login"), {}, &unused), &error));
        CHECK(error.contains(QLatin1String("login")));
        StateFile file(path, world);
        REQUIRE(file.save(&error));
    }
    {
        World world;
        QJsonObject loaded;
        REQUIRE(world.stateRegistry().registerSection(section(QStringLiteral("login"), {}, &loaded), &error));
        StateFile file(path, world);
        REQUIRE(file.load(&error));
        CHECK(loaded == saved);
    }
    {
        // Started without the feature: the section survives a save; registered after the load, it still loads.
        World world;
        StateFile file(path, world);
        REQUIRE(file.load(&error));
        REQUIRE(file.save(&error));
        const QJsonObject sections
            = QJsonDocument::fromJson(readFile(path)).object().value(QLatin1String("sections")).toObject();
        CHECK(sections.value(QLatin1String("login")).toObject() == saved);
        QJsonObject loaded;
        REQUIRE(world.stateRegistry().registerSection(section(QStringLiteral("login"), {}, &loaded), &error));
        CHECK(loaded == saved);
    }
    {
        // A section that refuses its JSON fails the load with a sentence naming the section and the file.
        World world;
        REQUIRE(
            world.stateRegistry().registerSection(StateSection {QStringLiteral("login"), [] { return QJsonObject(); },
                                                      [](const QJsonObject&, QString* reason) {
                                                          *reason = QStringLiteral("the signing key is too short.");
                                                          return false;
                                                      }},
                &error));
        StateFile file(path, world);
        CHECK_FALSE(file.load(&error));
        CHECK(error.contains(path));
        CHECK(error.contains(QLatin1String("\"login\"")));
        CHECK(error.contains(QLatin1String("the signing key is too short")));
        CHECK(error.contains(QLatin1String("--reset")));
    }
}

TEST_CASE("The state file is written readable by its owner only, also when it replaces a wider one", "[sandbox][state]")
{
    World world;
    loadSeeds(world);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("profile/sandbox/state.json")); // folders made as needed
    QString error;
    StateFile file(path, world);
    INFO(error.toStdString());
    REQUIRE(file.save(&error));
    CHECK(fileMode(path) == 0600);

    REQUIRE(QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    REQUIRE(fileMode(path) == 0644);
    REQUIRE(file.save(&error));
    CHECK(fileMode(path) == 0600);
}

TEST_CASE("A burst of changes is saved once, soon after the last one", "[sandbox][state]")
{
    World world;
    loadSeeds(world);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    StateFile file(path, world);
    file.watch();
    QString error;
    REQUIRE(file.save(&error));
    REQUIRE(file.saveCount() == 1);

    tbsandbox::TenantState& contoso = *world.tenantByIdOrDomain(QStringLiteral("contoso.onmicrosoft.com"));
    for (int i = 0; i < 10; ++i) {
        const std::optional<QString> refused = tbsandbox::UserSchema::applyPatch(
            contoso, contoso.users()[0], QJsonObject {{QStringLiteral("jobTitle"), QStringLiteral("Burst %1").arg(i)}});
        REQUIRE_FALSE(refused);
        world.stateRegistry().markDirty();
    }
    CHECK(file.isDirty());
    CHECK_FALSE(readFile(path).contains("Burst 9"));
    REQUIRE(SignalWaiter::waitUntil([&] { return readFile(path).contains("Burst 9"); }));
    CHECK(file.saveCount() == 2);
    CHECK_FALSE(file.isDirty());
    CHECK(file.lastError().isEmpty());
}

TEST_CASE("A state file that cannot be written gives a sentence naming it", "[sandbox][state]")
{
    World world;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("blocker")), "a file where a folder should be");
    const QString path = dir.filePath(QStringLiteral("blocker/state.json"));
    StateFile file(path, world);
    QString error;
    CHECK_FALSE(file.save(&error));
    CHECK(error.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("blocker")))));
}

TEST_CASE("Text with quotes, backslashes, control characters and any script survives a save", "[sandbox][state]")
{
    World original;
    loadSeeds(original);
    tbsandbox::TenantState& contoso = *original.tenantByIdOrDomain(QStringLiteral("contoso.onmicrosoft.com"));
    const QString awkward = QStringLiteral("Quote \" back\\slash \t tab \x01 bell, \u00fcml\u00e4ut, \u4e2d\u6587, ")
        + QString::fromUtf8("\xF0\x9F\x99\x82 </script>");
    REQUIRE_FALSE(tbsandbox::UserSchema::applyPatch(contoso, contoso.users()[1],
        QJsonObject {{QStringLiteral("jobTitle"), awkward}, {QStringLiteral("department"), QString()},
            {QStringLiteral("mobilePhone"), QJsonValue::Null}}));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.json"));
    QString error;
    StateFile writer(path, original);
    REQUIRE(writer.save(&error));
    World restored;
    StateFile reader(path, restored);
    REQUIRE(reader.load(&error));
    const tbsandbox::TenantState& back = *restored.tenantByIdOrDomain(QStringLiteral("contoso.onmicrosoft.com"));
    using tbsandbox::UserProperty;
    CHECK(tbsandbox::UserSchema::value(back, back.users()[1], UserProperty::JobTitle).toString() == awkward);
    CHECK(tbsandbox::UserSchema::value(back, back.users()[1], UserProperty::Department) == QJsonValue(QString()));
    CHECK(tbsandbox::UserSchema::value(back, back.users()[1], UserProperty::MobilePhone).isNull());
    checkSameTenant(describeTenant(contoso), describeTenant(back));
}
