// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Help > Troubleshooting: every entry of the built-in error catalogue listed by section; the search field narrows the
// list to the entries whose code, title, meaning or action holds the text, hides empty sections and says when nothing
// matches; showCode selects an entry from elsewhere in the app. Screenshots saved as test artefacts.
#include "ui/pages/TroubleshootingPage.h"
#include "core/sync/ErrorCatalogue.h"
#include "tests/support/GuiTestSupport.h"

#include <catch2/catch.hpp>

#include <QLineEdit>
#include <QSet>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using tb::sync::ErrorCatalogue;
using tb::test::GuiTestSupport;
using tb::ui::TroubleshootingPage;
using Section = ErrorCatalogue::Section;

namespace {

constexpr Section kSections[] = {Section::State, Section::QuarantineReason, Section::Error};

// The codes the tree shows (its second column), read from the widget rather than the page's own counters.
QSet<QString> shownCodes(const QTreeWidget& tree)
{
    QSet<QString> codes;
    for (int g = 0; g < tree.topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = tree.topLevelItem(g);
        for (int i = 0; !group->isHidden() && i < group->childCount(); ++i) {
            if (!group->child(i)->isHidden()) {
                codes.insert(group->child(i)->text(1));
            }
        }
    }
    return codes;
}

int shownGroups(const QTreeWidget& tree)
{
    int count = 0;
    for (int g = 0; g < tree.topLevelItemCount(); ++g) {
        count += tree.topLevelItem(g)->isHidden() ? 0 : 1;
    }
    return count;
}

// The catalogue's codes whose code, title, meaning or action hold text, worked out apart from the page.
QSet<QString> codesHolding(const QString& text)
{
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    QSet<QString> codes;
    for (const Section section : kSections) {
        for (const QString& code : catalogue.codes(section)) {
            const ErrorCatalogue::Explanation e = catalogue.explain(section, code);
            const QString all
                = e.code + QLatin1Char('\n') + e.title + QLatin1Char('\n') + e.meaning + QLatin1Char('\n') + e.action;
            if (all.contains(text, Qt::CaseInsensitive)) {
                codes.insert(code);
            }
        }
    }
    return codes;
}

// The page shown at the size the main window gives it, with its three parts.
struct ShownPage
{
    TroubleshootingPage page;
    QLineEdit* filter = nullptr;
    const QTreeWidget* tree = nullptr;
    const QTextBrowser* text = nullptr;

    ShownPage()
    {
        page.resize(980, 640);
        page.show();
        REQUIRE(QTest::qWaitForWindowExposed(&page));
        filter = GuiTestSupport::child<QLineEdit>(page, "troubleshootingFilter");
        tree = GuiTestSupport::child<QTreeWidget>(page, "troubleshootingTree");
        text = GuiTestSupport::child<QTextBrowser>(page, "troubleshootingText");
    }
};

} // namespace

TEST_CASE("TroubleshootingPage: lists every catalogue entry by section and explains the selected one", "[gui]")
{
    ShownPage fixture;
    TroubleshootingPage& page = fixture.page;
    const QTreeWidget* tree = fixture.tree;
    const QTextBrowser* text = fixture.text;
    CHECK(fixture.filter->placeholderText() == QStringLiteral("Search codes and explanations"));

    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    int total = 0;
    QSet<QString> all;
    for (const Section section : kSections) {
        total += static_cast<int>(catalogue.codes(section).size());
        for (const QString& code : catalogue.codes(section)) {
            all.insert(code);
        }
    }
    REQUIRE(total > 30); // the catalogue loaded: a broken resource gives an empty one
    CHECK(tree->topLevelItemCount() == 3);
    CHECK(page.visibleEntryCount() == total);
    CHECK(shownCodes(*tree) == all);

    // The first entry is selected and explained.
    const QString first = catalogue.codes(Section::State).constFirst();
    CHECK(page.currentCode() == first);
    CHECK(text->toPlainText().contains(catalogue.explainState(first).meaning));
    CHECK(text->toPlainText().contains(catalogue.explainState(first).action));
    GuiTestSupport::saveScreenshot(page, QStringLiteral("help-troubleshooting.png"));
}

TEST_CASE("TroubleshootingPage: the search field narrows the list and says when nothing matches", "[gui]")
{
    ShownPage fixture;
    TroubleshootingPage& page = fixture.page;
    QLineEdit* filter = fixture.filter;
    const QTreeWidget* tree = fixture.tree;
    const QTextBrowser* text = fixture.text;
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();
    const int total = page.visibleEntryCount();

    SECTION("a word of the explanations, in another case, in every section that holds it")
    {
        QTest::keyClicks(filter, QStringLiteral("qUARANTINE"));
        const QSet<QString> expected = codesHolding(QStringLiteral("quarantine"));
        REQUIRE(expected.contains(QStringLiteral("Quarantine")));
        REQUIRE(expected.size() < total);
        CHECK(shownCodes(*tree) == expected);
        CHECK(page.visibleEntryCount() == expected.size());
        // The selection moved to a shown entry, and the pane explains it.
        REQUIRE(expected.contains(page.currentCode()));
        const QString shown = text->toPlainText();
        bool explained = false;
        for (const Section section : kSections) {
            if (catalogue.contains(section, page.currentCode())) {
                explained = explained || shown.contains(catalogue.explain(section, page.currentCode()).meaning);
            }
        }
        CHECK(explained);
        GuiTestSupport::saveScreenshot(page, QStringLiteral("help-troubleshooting-filtered.png"));
    }
    SECTION("words only in a meaning or only in an action")
    {
        // "40 minutes" is in the meaning of Active alone and in the action of Timeout alone (error-catalogue.json).
        QTest::keyClicks(filter, QStringLiteral("40 MINUTES"));
        const QSet<QString> expected = codesHolding(QStringLiteral("40 minutes"));
        REQUIRE(expected.contains(QStringLiteral("Active")));
        REQUIRE(expected.contains(QStringLiteral("Timeout")));
        CHECK(shownCodes(*tree) == expected);
        CHECK(shownGroups(*tree) == 2);
    }
    SECTION("a code: only its entry, and the sections without a match are hidden")
    {
        QTest::keyClicks(filter, QStringLiteral("TooManyDeletes"));
        CHECK(shownCodes(*tree) == QSet<QString> {QStringLiteral("TooManyDeletes")});
        CHECK(shownGroups(*tree) == 1);
        CHECK(page.currentCode() == QStringLiteral("TooManyDeletes"));
        CHECK(
            text->toPlainText().contains(catalogue.explainQuarantineReason(QStringLiteral("TooManyDeletes")).meaning));

        filter->clear();
        CHECK(page.visibleEntryCount() == total);
        CHECK(shownGroups(*tree) == 3);
        CHECK(page.currentCode() == QStringLiteral("TooManyDeletes")); // clearing keeps the selection
    }
    SECTION("nonsense: nothing is listed and the pane says so")
    {
        QTest::keyClicks(filter, QStringLiteral("zzqx-nothing"));
        CHECK(page.visibleEntryCount() == 0);
        CHECK(shownGroups(*tree) == 0);
        CHECK(page.currentCode().isEmpty());
        CHECK(text->toPlainText() == QStringLiteral("No entry matches “zzqx-nothing”."));
        GuiTestSupport::saveScreenshot(page, QStringLiteral("help-troubleshooting-nomatch.png"));
    }
}

TEST_CASE("TroubleshootingPage: showCode selects the entry of a code, clearing a filter that hides it", "[gui]")
{
    ShownPage fixture;
    TroubleshootingPage& page = fixture.page;
    QLineEdit* filter = fixture.filter;
    const QTreeWidget* tree = fixture.tree;
    const QTextBrowser* text = fixture.text;
    const ErrorCatalogue& catalogue = ErrorCatalogue::builtIn();

    // The reference spells this one in camel case; codes compare case-insensitively.
    page.showCode(QStringLiteral("SCHEMAINVALID"));
    CHECK(page.currentCode() == QStringLiteral("schemaInvalid"));
    REQUIRE(tree->currentItem() != nullptr);
    CHECK(tree->currentItem()->isSelected());
    CHECK(text->toPlainText().contains(catalogue.explainError(QStringLiteral("schemaInvalid")).meaning));

    page.setFilterText(QStringLiteral("zzqx-nothing"));
    REQUIRE(page.visibleEntryCount() == 0);
    page.showCode(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(filter->text().isEmpty());
    CHECK(page.currentCode() == QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure"));
    CHECK(text->toPlainText().contains(
        catalogue.explainError(QStringLiteral("AzureDirectoryB2BManagementPolicyCheckFailure")).action));

    // A code the catalogue does not list: its generic explanation, nothing selected.
    page.showCode(QStringLiteral("SomethingNew"));
    CHECK(page.currentCode().isEmpty());
    CHECK(text->toPlainText().contains(QStringLiteral("SomethingNew")));
}
