// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/ErrorCatalogue.h"

#include <catch2/catch.hpp>

#include <QFile>

using tb::sync::ErrorCatalogue;
using Section = tb::sync::ErrorCatalogue::Section;

namespace {

// graph-reference.md 9.1's table, every code it names (the generic row's codes too), plus 2.4's policy check.
const char* const kReferenceErrorCodes[] = {"AzureDirectoryB2BManagementPolicyCheckFailure",
    "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService",
    "AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises", "AzureActiveDirectoryQuotaLimitExceeded",
    "AzureActiveDirectoryForbidden", "AzureActiveDirectoryInsufficientRights", "InvitationCreationFailure",
    "InvitationCreationFailureInvalidPropertyValue", "InvitationCreationFailureAmbiguousUser", "schemaInvalid",
    "EntrySynchronizationSkipped", "ImportSkipped", "InvalidAnchor", "DuplicateTargetEntries", "DuplicateSourceEntries",
    "InternalError", "Timeout", "TooManyRequests", "LicenseLimitExceeded", "SchemaAttributeNotFound",
    "MandatoryFieldsMissing", "MissingValues", "Conflict", "EntryConflict", "InsufficientRights", "Unauthorized"};

// 2.2's synchronizationQuarantine reasons.
const char* const kQuarantineReasons[]
    = {"EncounteredBaseEscrowThreshold", "EncounteredTotalEscrowThreshold", "EncounteredEscrowProportionThreshold",
        "EncounteredQuarantineException", "Unknown", "QuarantinedOnDemand", "TooManyDeletes", "IngestionInterrupted"};

// 2.2's status codes.
const char* const kStates[] = {"NotConfigured", "NotRun", "Active", "Paused", "Quarantine"};

} // namespace

TEST_CASE("ErrorCatalogue's built-in table explains every code of the reference", "[sync][catalogue]")
{
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    for (const char* code : kReferenceErrorCodes) {
        INFO(code);
        const ErrorCatalogue::Explanation explanation = catalogue.explainError(QString::fromLatin1(code));
        CHECK(explanation.known);
        CHECK(explanation.code == QString::fromLatin1(code));
        CHECK_FALSE(explanation.title.isEmpty());
        CHECK_FALSE(explanation.meaning.isEmpty());
    }
    for (const char* reason : kQuarantineReasons) {
        INFO(reason);
        const ErrorCatalogue::Explanation explanation = catalogue.explainQuarantineReason(QString::fromLatin1(reason));
        CHECK(explanation.known);
        // A quarantine always needs doing something about.
        CHECK_FALSE(explanation.action.isEmpty());
    }
    for (const char* state : kStates) {
        INFO(state);
        CHECK(catalogue.explainState(QString::fromLatin1(state)).known);
    }
    CHECK(catalogue.codes(Section::Error).size() >= static_cast<qsizetype>(std::size(kReferenceErrorCodes)));
}

TEST_CASE("ErrorCatalogue says what to do about the policy check failure", "[sync][catalogue]")
{
    const auto explanation
        = ErrorCatalogue::builtIn().explainError(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(explanation.meaning.contains(QStringLiteral("automatic redemption")));
    CHECK(explanation.action.contains(QStringLiteral("inbound")));
    // Case does not matter; the sections are apart ("Unknown" is a quarantine reason, not an error code).
    CHECK(ErrorCatalogue::builtIn().explainError(QStringLiteral("SCHEMAINVALID")).known);
    CHECK_FALSE(ErrorCatalogue::builtIn().contains(Section::Error, QStringLiteral("Unknown")));
}

TEST_CASE("ErrorCatalogue explains an unknown code generically and names it", "[sync][catalogue]")
{
    const auto explanation = ErrorCatalogue::builtIn().explainError(QStringLiteral("BrandNewFailure%2"));
    CHECK_FALSE(explanation.known);
    CHECK(explanation.code == QStringLiteral("BrandNewFailure%2"));
    CHECK(explanation.title.contains(QStringLiteral("BrandNewFailure%2")));
    CHECK(explanation.meaning.contains(QStringLiteral("BrandNewFailure%2")));
    CHECK_FALSE(explanation.action.isEmpty());
    const auto reason = ErrorCatalogue::builtIn().explainQuarantineReason(QStringLiteral("NewReason"));
    CHECK_FALSE(reason.known);
    CHECK(reason.meaning.contains(QStringLiteral("NewReason")));
}

TEST_CASE("ErrorCatalogue refuses a broken table with a reason", "[sync][catalogue]")
{
    QString problem;
    CHECK_FALSE(ErrorCatalogue::fromJson("not json", &problem).has_value());
    CHECK_FALSE(problem.isEmpty());
    CHECK_FALSE(ErrorCatalogue::fromJson(R"({"states":[],"quarantineReasons":[]})", &problem).has_value());
    CHECK(problem.contains(QStringLiteral("errors")));
    CHECK_FALSE(ErrorCatalogue::fromJson(R"({"states":[],"quarantineReasons":[],
        "errors":[{"code":"A","title":"t","meaning":"m"},{"code":"a","title":"t","meaning":"m"}],
        "unknown":{"title":"%1","meaning":"%1"}})",
        &problem)
                    .has_value());
    CHECK(problem.contains(QStringLiteral("twice")));
    const auto small = ErrorCatalogue::fromJson(R"({"states":[],"quarantineReasons":[],
        "errors":[{"code":"A","title":"t","meaning":"m","action":"x"}],"unknown":{"title":"?","meaning":"code %1"}})");
    REQUIRE(small.has_value());
    CHECK(small->explainError(QStringLiteral("A")).action == QStringLiteral("x"));
    CHECK(small->explainError(QStringLiteral("B")).meaning == QStringLiteral("code B"));
}

TEST_CASE("ErrorCatalogue's compiled-in table is the file in the repository", "[sync][catalogue]")
{
    QFile source(QStringLiteral(TB_SOURCE_DIR "/resources/sync/error-catalogue.json"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    QString problem;
    const auto fromFile = ErrorCatalogue::fromJson(source.readAll(), &problem);
    INFO(problem.toStdString());
    REQUIRE(fromFile.has_value());
    CHECK(fromFile->codes(Section::Error) == ErrorCatalogue::builtIn().codes(Section::Error));
}
