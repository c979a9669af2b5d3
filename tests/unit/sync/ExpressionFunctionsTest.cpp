// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sync/expression/ExpressionFunctions.h"
#include "core/sync/expression/ExpressionEvaluator.h"
#include "core/sync/expression/ExpressionParser.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>

using tb::sync::ExpressionAttributes;
using tb::sync::ExpressionContext;
using tb::sync::ExpressionEvaluator;
using tb::sync::ExpressionFunctions;
using tb::sync::ExpressionResult;
using tb::sync::ExpressionValue;

namespace {

ExpressionValue one(const char* text)
{
    return ExpressionValue::fromString(QString::fromUtf8(text));
}

ExpressionValue many(std::initializer_list<const char*> values)
{
    QStringList list;
    for (const char* value : values) {
        list.append(QString::fromUtf8(value));
    }
    return ExpressionValue::fromList(list);
}

// A source user with the cases the tests need: non-ASCII names, an empty and a multi-valued attribute.
ExpressionAttributes user()
{
    return {{QStringLiteral("givenName"), one("Zoë")}, {QStringLiteral("surname"), one("Ñúñez")},
        {QStringLiteral("displayName"), one("Zoë Ñúñez")}, {QStringLiteral("streetAddress"), one("Straße 5")},
        {QStringLiteral("userPrincipalName"), one("John.Doe@contoso.com")}, {QStringLiteral("department"), one("")},
        {QStringLiteral("country"), one("USA")}, {QStringLiteral("state"), one("QLD")},
        {QStringLiteral("proxyAddresses"),
            many({"SMTP:zoe@contoso.com", "smtp:z@contoso.com", "SMTP:zoe@contoso.com"})},
        {QStringLiteral("accountEnabled"), ExpressionValue::fromBool(true)},
        {QStringLiteral("employeeId"), one("1500000")}};
}

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 27), QTime(10, 0, 0), Qt::UTC);
}

ExpressionResult run(
    const QString& expression, const ExpressionAttributes& attributes = user(), ExpressionContext context = {})
{
    if (!context.clock) {
        context.clock = fixedNow;
    }
    return ExpressionEvaluator(context).evaluate(expression, attributes);
}

ExpressionResult run(const char* expression, const ExpressionAttributes& attributes = user())
{
    return run(QString::fromUtf8(expression), attributes);
}

// The value of an expression that must evaluate; fails the test with the error otherwise.
ExpressionValue valueOf(const char* expression, const ExpressionAttributes& attributes = user())
{
    const ExpressionResult result = run(expression, attributes);
    INFO(expression << " -> " << result.error.toStdString());
    REQUIRE_FALSE(result.isError());
    return result.value;
}

QString textOf(const char* expression, const ExpressionAttributes& attributes = user())
{
    const ExpressionValue value = valueOf(expression, attributes);
    INFO(expression << " -> " << value.describe().toStdString());
    REQUIRE_FALSE(value.isMultiValued());
    return value.toString();
}

QString errorOf(const char* expression, const ExpressionAttributes& attributes = user())
{
    const ExpressionResult result = run(expression, attributes);
    INFO(expression << " -> " << result.value.describe().toStdString());
    REQUIRE(result.isError());
    CHECK(result.error.startsWith(QLatin1String("cannot preview this attribute: ")));
    CHECK(result.value.isNull());
    UNSCOPED_INFO(result.error.toStdString());
    return result.error;
}

QString u(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

TEST_CASE("Expression attributes are read case-insensitively and absent ones are null", "[sync][expression]")
{
    CHECK(textOf("[GIVENNAME]") == u("Zoë"));
    CHECK(valueOf("[noSuchAttribute]").isNull());
    CHECK(valueOf("[proxyAddresses]").isMultiValued());
    CHECK(valueOf("\"Member\"") == one("Member"));
}

TEST_CASE("Expression function names match case-insensitively", "[sync][expression]")
{
    // The reference's own Switch caution writes "switch(" in lower case.
    CHECK(textOf("switch([state], \"x\", \"QLD\", \"Brisbane\")") == u("Brisbane"));
    CHECK(textOf("TOUPPER(\"a\")") == u("A"));
}

TEST_CASE("Expression nested calls build a user principal name from non-ASCII names", "[sync][expression]")
{
    CHECK(
        textOf("Join(\"@\", NormalizeDiacritics(StripSpaces([givenName])), \"contoso.com\")") == u("Zoe@contoso.com"));
    CHECK(textOf("ToLower(Join(\"@\", NormalizeDiacritics(StripSpaces(Join(\".\",  [givenName], [surname]))), "
                 "\"contoso.com\"))")
        == u("zoe.nunez@contoso.com"));
    // The reference's alias example.
    const ExpressionAttributes john {
        {QStringLiteral("givenName"), one("John")}, {QStringLiteral("surname"), one("Doe")}};
    CHECK(textOf("Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))", john) == u("JohDoe"));
    CHECK(textOf("Join(\", \", \"\", [surname], [givenName])", john) == u("Doe, John"));
}

TEST_CASE("Expression Append", "[sync][expression]")
{
    CHECK(textOf("Append([userPrincipalName], \".test\")") == u("John.Doe@contoso.com.test"));
    CHECK(textOf("Append([missing], \".test\")") == u(".test"));
    CHECK(textOf("Append([givenName], \"\")") == u("Zoë"));
    CHECK(errorOf("Append([proxyAddresses], \"x\")").contains(QLatin1String("single value")));
    CHECK(errorOf("Append([givenName])").contains(QLatin1String("Append at 1 takes 2 arguments, not 1")));
}

TEST_CASE("Expression AppRoleAssignmentsComplex and SingleAppRoleAssignment", "[sync][expression]")
{
    ExpressionAttributes roles = user();
    roles.insert(QStringLiteral("appRoleAssignments"), many({"Admin", "Reader"}));
    CHECK(valueOf("AppRoleAssignmentsComplex([appRoleAssignments])", roles) == many({"Admin", "Reader"}));
    CHECK(errorOf("SingleAppRoleAssignment([appRoleAssignments])", roles).contains(QLatin1String("2 app role")));
    roles.insert(QStringLiteral("appRoleAssignments"), many({"Admin"}));
    CHECK(textOf("SingleAppRoleAssignment([appRoleAssignments])", roles) == u("Admin"));
    CHECK(valueOf("SingleAppRoleAssignment([appRoleAssignments])").isNull());
    CHECK(valueOf("AppRoleAssignmentsComplex([appRoleAssignments])").isNull());
}

TEST_CASE("Expression BitAnd", "[sync][expression]")
{
    CHECK(textOf("BitAnd(&HF, &HF7)") == u("7")); // the reference's example
    CHECK(textOf("BitAnd(6, 3)") == u("2"));
    CHECK(textOf("BitAnd(\"&H10\", 16)") == u("16"));
    CHECK(errorOf("BitAnd([givenName], 1)").contains(QLatin1String("whole number")));
    CHECK(errorOf("BitAnd([missing], 1)").contains(QLatin1String("value1")));
}

TEST_CASE("Expression CBool and comparisons", "[sync][expression]")
{
    CHECK(valueOf("CBool(1)") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool(0)") == ExpressionValue::fromBool(false));
    CHECK(valueOf("CBool(\"true\")") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool([missing])") == ExpressionValue::fromBool(false));
    CHECK(valueOf("CBool([givenName] = [givenName])") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool([givenName] = \"zoë\")") == ExpressionValue::fromBool(false)); // case-sensitive
    CHECK(valueOf("CBool([employeeId] > 999999)") == ExpressionValue::fromBool(true)); // numbers as numbers
    CHECK(valueOf("CBool(\"10\" > \"9\")") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool(\"b\" >= \"a\")") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool(\"b\" <> \"b\")") == ExpressionValue::fromBool(false));
    CHECK(valueOf("CBool([accountEnabled] = \"true\")") == ExpressionValue::fromBool(true));
    CHECK(valueOf("CBool([missing] = \"\")") == ExpressionValue::fromBool(false)); // null compares false
    CHECK(errorOf("CBool([givenName])").contains(QLatin1String("not a number or a boolean")));
    CHECK(errorOf("CBool([proxyAddresses] = \"x\")").contains(QLatin1String("multi-valued")));
}

TEST_CASE("Expression CDate gives the UTC date in the service's format", "[sync][expression]")
{
    CHECK(textOf("CDate(\"2020-03-16-07:00\")") == u("3/16/2020 7:00:00 AM"));
    CHECK(textOf("CDate(\"2021-06-30+08:00\")") == u("6/29/2021 4:00:00 PM"));
    CHECK(textOf("CDate(\"2009-06-15T01:45:30-07:00\")") == u("6/15/2009 8:45:30 AM"));
    CHECK(textOf("CDate(\"2021-08-24\")") == u("8/24/2021 12:00:00 AM"));
    CHECK(textOf("CDate(\"8/25/2021 5:41:18 PM\")") == u("8/25/2021 5:41:18 PM"));
    CHECK(valueOf("CDate([missing])").isNull());
    CHECK(errorOf("CDate(\"yesterday\")").contains(QLatin1String("not a date")));
    CHECK(errorOf("CDate(\"2021-02-30\")").contains(QLatin1String("not a date")));
}

TEST_CASE("Expression Coalesce", "[sync][expression]")
{
    const ExpressionAttributes john {{QStringLiteral("userPrincipalName"), one("John.Doe@contoso.com")}};
    CHECK(textOf("Coalesce([mail],[userPrincipalName])", john) == u("John.Doe@contoso.com"));
    CHECK(textOf("Coalesce([mail], [other], \"default\")", john) == u("default"));
    CHECK(valueOf("Coalesce([mail], [other])", john).isNull());
    CHECK(textOf("Coalesce([department], \"x\")") == u("")); // empty is not null
    CHECK(valueOf("Coalesce([proxyAddresses])").isMultiValued());
}

TEST_CASE("Expression ConvertToBase64 and ConvertToUTF8Hex", "[sync][expression]")
{
    CHECK(textOf("ConvertToBase64(\"Hello world!\")") == u("SABlAGwAbABvACAAdwBvAHIAbABkACEA"));
    CHECK(textOf("ConvertToUTF8Hex(\"Hello world!\")") == u("48656C6C6F20776F726C6421"));
    CHECK(textOf("ConvertToUTF8Hex([givenName])") == u("5A6FC3AB"));
    CHECK(textOf("ConvertToBase64(\"\")") == u(""));
    CHECK(valueOf("ConvertToBase64([missing])").isNull());
}

TEST_CASE("Expression Count and CStr", "[sync][expression]")
{
    CHECK(textOf("Count([proxyAddresses])") == u("3"));
    CHECK(textOf("Count([givenName])") == u("1"));
    CHECK(textOf("Count([missing])") == u("0"));
    CHECK(valueOf("CStr(IsNull([missing]))") == one("True"));
    CHECK(textOf("CStr(42)") == u("42"));
    CHECK(valueOf("CStr([missing])").isNull());
    CHECK(errorOf("CStr([proxyAddresses])").contains(QLatin1String("single value")));
}

TEST_CASE("Expression DateAdd follows the reference's table", "[sync][expression]")
{
    const ExpressionAttributes hire {{QStringLiteral("StatusHireDate"), one("2012-03-16-07:00")}};
    CHECK(textOf("DateAdd(\"d\", 7, CDate([StatusHireDate]))", hire) == u("3/23/2012 7:00:00 AM"));
    CHECK(textOf("DateAdd(\"d\", -10, CDate([StatusHireDate]))", hire) == u("3/6/2012 7:00:00 AM"));
    CHECK(textOf("DateAdd(\"ww\", 2, CDate([StatusHireDate]))", hire) == u("3/30/2012 7:00:00 AM"));
    CHECK(textOf("DateAdd(\"m\", 10, CDate([StatusHireDate]))", hire) == u("1/16/2013 7:00:00 AM"));
    CHECK(textOf("DateAdd(\"yyyy\", 2, CDate([StatusHireDate]))", hire) == u("3/16/2014 7:00:00 AM"));
    CHECK(textOf("DateAdd(\"h\", 20, CDate([StatusHireDate]))", hire) == u("3/17/2012 3:00:00 AM"));
    CHECK(textOf("DateAdd(\"n\", 1, Now())") == u("11/27/2026 10:01:00 AM"));
    CHECK(textOf("DateAdd(\"s\", -1, \"2021-01-01\")") == u("12/31/2020 11:59:59 PM"));
    CHECK(textOf("DateAdd(\"m\", 1, \"2021-01-31\")") == u("2/28/2021 12:00:00 AM"));
    CHECK(valueOf("DateAdd(\"d\", 1, CDate([missing]))").isNull());
    CHECK(errorOf("DateAdd(\"q\", 1, Now())").contains(QLatin1String("interval")));
    CHECK(errorOf("DateAdd(\"d\", \"x\", Now())").contains(QLatin1String("whole number")));
    CHECK(errorOf("DateAdd(\"yyyy\", 999999999, Now())").contains(QLatin1String("out of range")));
}

TEST_CASE("Expression DateDiff follows the reference's table (VB.NET DateDiff)", "[sync][expression]")
{
    CHECK(textOf("DateDiff(\"d\", CDate(\"2021-08-18+08:00\"), CDate(\"2021-08-31+08:00\"))") == u("13"));
    CHECK(textOf("DateDiff(\"d\", \"8/25/2021 5:41:18 PM\", CDate(\"2012-03-16-07:00\"))") == u("-3449"));
    CHECK(textOf("DateDiff(\"ww\", \"8/25/2021 5:41:18 PM\", CDate(\"2012-03-16-07:00\"))") == u("-493"));
    CHECK(textOf("DateDiff(\"m\", \"8/25/2021 5:41:18 PM\", CDate(\"2012-03-16-07:00\"))") == u("-113"));
    CHECK(textOf("DateDiff(\"yyyy\", \"8/25/2021 5:41:18 PM\", CDate(\"2012-03-16-07:00\"))") == u("-9"));
    CHECK(textOf("DateDiff(\"d\", \"2021-08-31+08:00\", \"2021-08-31+08:00\")") == u("0"));
    CHECK(textOf("DateDiff(\"h\", \"2021-08-24\", \"2021-08-25\")") == u("24"));
    CHECK(textOf("DateDiff(\"n\", \"2021-08-24\", \"2021-08-25\")") == u("1440"));
    CHECK(textOf("DateDiff(\"s\", \"2021-08-24\", \"2021-08-25\")") == u("86400"));
    // The reference's accountEnabled example, with a hire date three days after the fixed "now".
    const ExpressionAttributes worker {
        {QStringLiteral("Active"), one("1")}, {QStringLiteral("StatusHireDate"), one("2026-11-30+00:00")}};
    CHECK(textOf("Switch([Active], , \n  \"1\", IIF(DateDiff(\"d\", Now(), CDate([StatusHireDate])) > 5, \"False\", "
                 "\"True\"), \n  \"0\", \"False\")",
              worker)
        == u("True"));
    CHECK(valueOf("DateDiff(\"d\", [missing], Now())").isNull());
}

TEST_CASE("Expression DateFromNum and NumFromDate convert AD dates", "[sync][expression]")
{
    CHECK(textOf("DateFromNum(129699324000000000)") == u("1/1/2012 11:00:00 PM")); // the reference's example
    const ExpressionAttributes ad {{QStringLiteral("lastLogonTimestamp"), one("129699324000000000")}};
    CHECK(textOf("DateFromNum([lastLogonTimestamp])", ad) == u("1/1/2012 11:00:00 PM"));
    CHECK(textOf("NumFromDate(\"2012-01-01T23:00:00Z\")") == u("129699324000000000"));
    // The reference's Workday example: end of the contract day at UTC-8.
    const ExpressionAttributes workday {{QStringLiteral("ContractEndDate"), one("2020-12-31-08:00")}};
    CHECK(textOf("NumFromDate(Join(\"\", FormatDateTime([ContractEndDate], ,\"yyyy-MM-ddzzz\", \"yyyy-MM-dd\"), "
                 "\" 23:59:59-08:00\"))",
              workday)
        == u("132539615990000000"));
    CHECK(valueOf("DateFromNum([missing])").isNull());
    CHECK(errorOf("DateFromNum(-5)").contains(QLatin1String("1601")));
    CHECK(errorOf("NumFromDate(\"soon\")").contains(QLatin1String("not a date")));
}

TEST_CASE("Expression FormatDateTime reads and writes .NET custom formats", "[sync][expression]")
{
    const ExpressionAttributes record {{QStringLiteral("extensionAttribute1"), one("20150123105347.1Z")}};
    CHECK(textOf("FormatDateTime([extensionAttribute1], , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd\")", record)
        == u("2015-01-23"));
    const ExpressionAttributes sf {{QStringLiteral("endDate"), one("7/4/2021 03:05:09 PM")}};
    CHECK(textOf("FormatDateTime([endDate], ,\"M/d/yyyy hh:mm:ss tt\",\"yyyy-MM-dd HH:mm:ss\")", sf)
        == u("2021-07-04 15:05:09"));
    CHECK(textOf("FormatDateTime(\"2021-07-04\", \"yyyy-MM-dd\", \"dddd, MMMM d, yy\")") == u("Sunday, July 4, 21"));
    CHECK(textOf("FormatDateTime(\"2021-07-04T01:02:03-05:00\", , \"yyyy-MM-ddTHH:mm:sszzz\", \"HH'h' zzz K\")")
        == u("01h -05:00 -05:00"));
    CHECK(valueOf("FormatDateTime([missing], , \"yyyy\", \"yy\")").isNull());
    CHECK(
        errorOf("FormatDateTime(\"2021/07/04\", , \"yyyy-MM-dd\", \"yy\")").contains(QLatin1String("does not match")));
    CHECK(errorOf("FormatDateTime(\"2021\", , \"\", \"yy\")").contains(QLatin1String("required")));
}

TEST_CASE("Expression Guid, RandomString and Now are marked as varying on each run", "[sync][expression]")
{
    const ExpressionResult guid = run("Guid()");
    REQUIRE_FALSE(guid.isError());
    CHECK(guid.variesOnEachRun);
    CHECK(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
              .match(guid.value.toString())
              .hasMatch());
    CHECK(errorOf("Guid(1)").contains(QLatin1String("takes 0 arguments")));

    const ExpressionResult now = run("Now()");
    CHECK(now.variesOnEachRun);
    CHECK(now.value == one("11/27/2026 10:00:00 AM"));

    const ExpressionResult random = run("RandomString(10,2,2,2,1,\"?,\")");
    REQUIRE_FALSE(random.isError());
    CHECK(random.variesOnEachRun);
    const QString text = random.value.toString();
    CHECK(text.size() == 10);
    CHECK(text.count(QRegularExpression(QStringLiteral("[0-9]"))) >= 2);
    CHECK(text.count(QRegularExpression(QStringLiteral("[A-Z]"))) >= 2);
    CHECK(text.count(QRegularExpression(QStringLiteral("[a-z]"))) >= 1);
    CHECK(text.count(QRegularExpression(QStringLiteral("[^0-9A-Za-z]"))) >= 2);
    CHECK_FALSE(text.contains(QLatin1Char('?')));
    CHECK_FALSE(text.contains(QLatin1Char(',')));
    CHECK(run("RandomString(6,3,0,0,3)").value.toString().size() == 6);
    CHECK(errorOf("RandomString(3,2,2,0,0)").contains(QLatin1String("sum of the minimums")));
    CHECK(errorOf("RandomString(300,0,0,0,0)").contains(QLatin1String("1 to 256")));
    CHECK(errorOf("RandomString(4,1,0,0,0,\"0123456789\")").contains(QLatin1String("required class")));

    // A plain expression does not vary.
    CHECK_FALSE(run("[givenName]").variesOnEachRun);
}

TEST_CASE("Expression IgnoreFlowIfNullOrEmpty drops the attribute", "[sync][expression]")
{
    const ExpressionResult dropped = run("IgnoreFlowIfNullOrEmpty([department])");
    REQUIRE_FALSE(dropped.isError());
    CHECK_FALSE(dropped.flows);
    CHECK(dropped.value.isNull());
    CHECK_FALSE(run("IgnoreFlowIfNullOrEmpty([missing])").flows);
    const ExpressionResult kept = run("IgnoreFlowIfNullOrEmpty([givenName])");
    CHECK(kept.flows);
    CHECK(kept.value == one("Zoë"));
    // The reference's Switch example: no key matches, the default "" is dropped.
    const ExpressionAttributes prefix {{QStringLiteral("prefix"), one("9999")}};
    CHECK_FALSE(
        run(u("IgnoreFlowIfNullOrEmpty(Switch([prefix], \"\", \"3443\", \"Dr.\", \"3444\", \"Prof.\"))"), prefix)
            .flows);
    CHECK(run("[department]").flows);
}

TEST_CASE("Expression IIF with comparisons and its documented limitation", "[sync][expression]")
{
    ExpressionAttributes usa = user();
    usa.insert(QStringLiteral("department"), one("Sales"));
    CHECK(textOf("IIF([country]=\"USA\",[country],[department])", usa) == u("USA"));
    usa.insert(QStringLiteral("country"), one("NZ"));
    CHECK(textOf("IIF([country]=\"USA\",[country],[department])", usa) == u("Sales"));
    CHECK(textOf("IIF([country]=\"NZ\",IIF([state]=\"QLD\",\"True\",\"False\"),\"False\")", usa) == u("True"));
    CHECK(textOf("IIF(True, \"a\", \"b\")") == u("a"));
    CHECK(textOf("IIF(IsPresent([givenName]), \"a\", \"b\")") == u("a"));
    // "If the source attribute used within the IIF function is empty or null, the condition check fails."
    const ExpressionResult failedCheck = run("IIF(IsNullOrEmpty([department]),\"Other\",[country])");
    REQUIRE_FALSE(failedCheck.isError());
    CHECK(failedCheck.value == one("USA"));
    CHECK_FALSE(failedCheck.notes.isEmpty());
    // Only the branch taken is evaluated: the Guid in the other branch does not make the result vary.
    const ExpressionResult branch = run("IIF([country]=\"USA\", \"x\", Guid())");
    CHECK(branch.value == one("x"));
    CHECK_FALSE(branch.variesOnEachRun);
    CHECK(errorOf("IIF([givenName], \"a\", \"b\")").contains(QLatin1String("not True or False")));
    CHECK(errorOf("IIF(True, \"a\")").contains(QLatin1String("takes 3 arguments, not 2")));
}

TEST_CASE("Expression InStr", "[sync][expression]")
{
    CHECK(textOf("InStr(\"The quick brown fox\",\"quick\")") == u("5"));
    CHECK(textOf("InStr(\"repEated\",\"e\",3,vbBinaryCompare)") == u("7"));
    CHECK(textOf("InStr(\"repEated\",\"e\",3,vbTextCompare)") == u("4"));
    CHECK(textOf("InStr(\"abc\",\"z\")") == u("0"));
    CHECK(textOf("InStr(\"abc\",\"\", 2)") == u("2"));
    CHECK(textOf("InStr(\"abc\",\"a\", 9)") == u("0"));
    CHECK(textOf("InStr([displayName], \"Ñ\")") == u("5"));
    CHECK(valueOf("InStr([missing],\"a\")").isNull());
    CHECK(errorOf("InStr(\"abc\",\"a\", 0)").contains(QLatin1String("start")));
    CHECK(errorOf("InStr(\"abc\",\"a\", 1, \"vbSomething\")").contains(QLatin1String("compareType")));
    CHECK(errorOf("InStr(\"abc\",\"a\", 1, vbSomething)").contains(QLatin1String("unknown name")));
}

TEST_CASE("Expression IsNull, IsNullOrEmpty, IsPresent and IsString", "[sync][expression]")
{
    CHECK(textOf("IsNull([missing])") == u("True"));
    CHECK(textOf("IsNull([department])") == u("False"));
    CHECK(textOf("IsNullOrEmpty([department])") == u("True"));
    CHECK(textOf("IsNullOrEmpty([missing])") == u("True"));
    CHECK(textOf("IsNullOrEmpty([givenName])") == u("False"));
    CHECK(textOf("IsNullOrEmpty([proxyAddresses])") == u("False"));
    CHECK(textOf("IsPresent([givenName])") == u("True"));
    CHECK(textOf("IsPresent([department])") == u("False"));
    CHECK(textOf("IsString([givenName])") == u("True"));
    CHECK(textOf("IsString([missing])") == u("False"));
    CHECK(textOf("IsString([proxyAddresses])") == u("False"));
    CHECK(valueOf("IsNull([missing])").isBoolean());
    // The reference's manager example reads like "the first one present", but by Switch's documented semantics it
    // compares IsPresent([directManager]) ("False" here) with the key IsPresent([givenName]) ("True"): no match, so
    // the default, [directManager], which is absent.
    CHECK(valueOf("Switch(IsPresent([directManager]),[directManager], IsPresent([givenName]),[givenName])").isNull());
    CHECK(textOf("Switch(IsPresent([givenName]),[directManager], IsPresent([surname]),[givenName])") == u("Zoë"));
}

TEST_CASE("Expression Item, Join, RemoveDuplicates and Split with multi-valued attributes", "[sync][expression]")
{
    CHECK(textOf("Item([proxyAddresses], 1)") == u("SMTP:zoe@contoso.com"));
    CHECK(textOf("Item([proxyAddresses], 2)") == u("smtp:z@contoso.com"));
    CHECK(valueOf("Item([proxyAddresses], 0)").isNull());
    CHECK(valueOf("Item([proxyAddresses], 4)").isNull());
    CHECK(textOf("Item([givenName], 1)") == u("Zoë"));
    CHECK(valueOf("Item([missing], 1)").isNull());

    CHECK(textOf("Join(\";\", [proxyAddresses], [givenName])")
        == u("SMTP:zoe@contoso.com;smtp:z@contoso.com;SMTP:zoe@contoso.com;Zoë"));
    CHECK(textOf("Join(\"\", 1000, [missing], \"x\")") == u("1000x"));
    CHECK(textOf("Join(\"-\", [department], [missing])") == u(""));

    CHECK(valueOf("RemoveDuplicates([proxyAddresses])") == many({"SMTP:zoe@contoso.com", "smtp:z@contoso.com"}));
    CHECK(valueOf("RemoveDuplicates([givenName])") == one("Zoë"));
    CHECK(valueOf("RemoveDuplicates([missing])").isNull());

    const ExpressionAttributes sets {
        {QStringLiteral("extensionAttribute5"), one("PermissionSetOne, PermissionSetTwo")}};
    CHECK(valueOf("Split([extensionAttribute5], \",\")", sets) == many({"PermissionSetOne", " PermissionSetTwo"}));
    CHECK(valueOf("Split(\"a,,b\", \",\")") == many({"a", "", "b"}));
    CHECK(valueOf("Split(\"abc\", \"\")") == many({"abc"}));
    CHECK(valueOf("Split([missing], \",\")").isNull());
    CHECK(textOf("Count(Split(\"a;b;c\", \";\"))") == u("3"));
    CHECK(textOf("Join(\"|\", Split(\"Zoë Ñúñez\", \" \"))") == u("Zoë|Ñúñez"));
}

TEST_CASE("Expression Left and Mid", "[sync][expression]")
{
    CHECK(textOf("Left(\"John Doe\", 3)") == u("Joh"));
    CHECK(textOf("Left(\"John Doe\", 0)") == u(""));
    CHECK(textOf("Left(\"John Doe\", -1)") == u("John Doe"));
    CHECK(textOf("Left(\"John\", 10)") == u("John"));
    CHECK(textOf("Left([missing], 3)") == u(""));
    CHECK(textOf("Left([surname], 2)") == u("Ñú"));
    CHECK(errorOf("Left([proxyAddresses], 2)").contains(QLatin1String("single value")));

    CHECK(textOf("Mid(\"John Doe\", 6, 3)") == u("Doe"));
    CHECK(textOf("Mid(\"John\", 3, 10)") == u("hn"));
    CHECK(textOf("Mid(\"John\", 9, 1)") == u(""));
    CHECK(textOf("Mid([surname], 2, 2)") == u("úñ"));
    CHECK(textOf("Mid([missing], 1, 1)") == u(""));
    CHECK(errorOf("Mid(\"John\", 0, 1)").contains(QLatin1String("start must be 1 or more")));
    CHECK(errorOf("Mid(\"John\", 1, -1)").contains(QLatin1String("length")));
    CHECK(errorOf("Mid(\"John\", 1)").contains(QLatin1String("takes 3 arguments, not 2")));
}

TEST_CASE("Expression NormalizeDiacritics follows the reference's table", "[sync][expression]")
{
    CHECK(textOf("NormalizeDiacritics([givenName])") == u("Zoe"));
    CHECK(textOf("NormalizeDiacritics([displayName])") == u("Zoe Nunez"));
    CHECK(textOf("NormalizeDiacritics([streetAddress])") == u("Strasse 5"));
    CHECK(textOf("NormalizeDiacritics(\"Æsir ǣ Øre œ̄ Łódź ı İ ř ţ ů ÿ ž ā́ Ǟ\")")
        == u("AEsir ae OEre oe Lodz i I r t u y z a A"));
    // Written decomposed: e + combining diaeresis.
    CHECK(textOf("NormalizeDiacritics(\"Zoe\xCC\x88\")") == u("Zoe"));
    // Other scripts are left alone.
    CHECK(textOf("NormalizeDiacritics(\"Ελένη 김민준 Jéssica\")") == u("Ελένη 김민준 Jessica"));
    CHECK(valueOf("NormalizeDiacritics([missing])").isNull());
    CHECK(textOf("NormalizeDiacritics([department])") == u(""));
}

TEST_CASE("Expression Not", "[sync][expression]")
{
    CHECK(textOf("Not(\"True\")") == u("False"));
    CHECK(textOf("Not(\"False\")") == u("True"));
    CHECK(textOf("Not([accountEnabled])") == u("False"));
    CHECK(textOf("Not(IsNull([missing]))") == u("False"));
    CHECK(textOf("Not([missing])") == u("True")); // "Otherwise, returns True."
    CHECK(textOf("Not(\"yes\")") == u("True"));
}

TEST_CASE("Expression PCase", "[sync][expression]")
{
    const ExpressionAttributes names {{QStringLiteral("firstName"), one("PABLO GONSALVES (SECOND)")},
        {QStringLiteral("lastName"), one("PINTO-DE'SILVA")}, {QStringLiteral("given"), one("GREGORY")},
        {QStringLiteral("family"), one("JAMES")}};
    CHECK(textOf("PCase([firstName])", names) == u("Pablo Gonsalves (Second)"));
    CHECK(textOf("PCase([lastName],\" '-\")", names) == u("Pinto-De'Silva"));
    CHECK(textOf("PCase(Join(\" \",[given],[family]))", names) == u("Gregory James"));
    CHECK(textOf("PCase(\"zOË ñÚÑEZ\")") == u("Zoë Ñúñez"));
    CHECK(textOf("PCase(\"a-b c\", \" \")") == u("A-b C"));
    CHECK(valueOf("PCase([missing])").isNull());
}

TEST_CASE("Expression Redact flows the value and marks it", "[sync][expression]")
{
    const ExpressionResult result = run("Redact([userPrincipalName])");
    CHECK(result.redacted);
    CHECK(result.value == one("John.Doe@contoso.com"));
    const ExpressionResult random = run("Redact(RandomString(6,3,0,0,3))");
    CHECK(random.redacted);
    CHECK(random.variesOnEachRun);
}

TEST_CASE("Expression Replace in all its documented forms", "[sync][expression]")
{
    const ExpressionAttributes hr {{QStringLiteral("BusinessTitle"), one("Product Developer")},
        {QStringLiteral("UserID"), one("jsmith")}, {QStringLiteral("telephoneNumber"), one("+91 9998887777")},
        {QStringLiteral("mobile"), one("+1 (999) 888-7777")},
        {QStringLiteral("AddressLineData"), one("545 Tremont Street")},
        {QStringLiteral("userPrincipalName"), one("jsmith@contoso.com")},
        {QStringLiteral("mailNickname"), one("john_doe72")}, {QStringLiteral("mail"), one("john.doe@contoso.com")}};
    // oldValue + replacementValue
    CHECK(textOf("Replace([BusinessTitle],\"Product Developer\", , , \"Software Engineer\", , )", hr)
        == u("Software Engineer"));
    CHECK(textOf("Replace([mail], \"@contoso.com\", , ,\"\", ,)", hr) == u("john.doe"));
    CHECK(textOf("Replace(\"aAa\", \"a\", , , \"b\")", hr) == u("bAb")); // case-sensitive
    // oldValue + template
    CHECK(
        textOf("Replace([UserID],\"<username>\", , , , , \"<username>@contoso.com\")", hr) == u("jsmith@contoso.com"));
    // regexPattern + replacementValue, with a named group substitution
    CHECK(
        textOf(
            R"~(Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", , "${phoneNumber}", , ))~",
            hr)
        == u("9998887777"));
    CHECK(textOf(R"~(Replace([mobile], , "[()\\s-]+", , "", , ))~", hr) == u("+19998887777"));
    CHECK(textOf(R"~(Replace("a1b22", , "(\\d+)", , "<$1>", , ))~", hr) == u("a<1>b<22>"));
    CHECK(textOf(R"~(Replace("ab", , "b", , "$$-$&", , ))~", hr) == u("a$-b"));
    // regexPattern + regexGroupName + replacementValue
    CHECK(textOf(R"~(Replace([AddressLineData], ,"(?<streetNumber>^\\d*)","streetNumber", "888", , ))~", hr)
        == u("888 Tremont Street"));
    CHECK(textOf(R"~(Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , ))~", hr) == u("jsmith"));
    CHECK(textOf(R"~(Replace([mailNickname], , "[a-zA-Z_]*", , "", , ))~", hr) == u("72"));
    // regexPattern + regexGroupName + replacementAttributeName
    ExpressionAttributes emptyPhone = hr;
    emptyPhone.insert(QStringLiteral("telephoneNumber"), one(""));
    emptyPhone.insert(QStringLiteral("mobile"), one("+91 8887779999"));
    const char* fallback
        = R"~(Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber" , , [mobile], ))~";
    CHECK(textOf(fallback, emptyPhone) == u("8887779999"));
    CHECK(textOf(fallback, hr) == u("+91 9998887777"));
    // Non-ASCII and null
    CHECK(textOf("Replace([displayName], \"ñ\", , , \"n\")") == u("Zoë Ñúnez"));
    CHECK(valueOf("Replace([missing], \"a\", , , \"b\")").isNull());
    // What the reference does not document
    CHECK(errorOf("Replace([mail], \"a\")", hr).contains(QLatin1String("documented forms")));
    CHECK(errorOf("Replace([mail], \"\", , , \"b\")", hr).contains(QLatin1String("oldValue must not be empty")));
    CHECK(errorOf(R"~(Replace([mail], , "(", , "b"))~", hr).contains(QLatin1String("not valid")));
    CHECK(errorOf(R"~(Replace([mail], , "(?<a>x)", "b", "c"))~", hr).contains(QLatin1String("not a group")));
    CHECK(errorOf("Replace([mail])", hr).contains(QLatin1String("takes 2 to 7 arguments, not 1")));
}

TEST_CASE("Expression SelectUniqueValue asks the target, or assumes", "[sync][expression]")
{
    const ExpressionAttributes john {
        {QStringLiteral("PreferredFirstName"), one("John")}, {QStringLiteral("PreferredLastName"), one("Smith")}};
    const QString expression = QStringLiteral(R"(SelectUniqueValue(
        Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"),
        Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"),
        Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 2), [PreferredLastName]))), "contoso.com")
    ))");
    const ExpressionResult assumed = run(expression, john);
    REQUIRE_FALSE(assumed.isError());
    CHECK(assumed.value == one("John.Smith@contoso.com"));
    CHECK(assumed.assumedUnique);

    QStringList taken {QStringLiteral("John.Smith@contoso.com")};
    QStringList asked;
    ExpressionContext context;
    context.isUniqueInTarget = [&taken, &asked](const QString& value) {
        asked.append(value);
        return !taken.contains(value);
    };
    const ExpressionResult second = run(expression, john, context);
    CHECK(second.value == one("J.Smith@contoso.com"));
    CHECK_FALSE(second.assumedUnique);
    CHECK(asked.size() == 2);

    taken.append(QStringLiteral("J.Smith@contoso.com"));
    CHECK(run(expression, john, context).value == one("Jo.Smith@contoso.com"));
    taken.append(QStringLiteral("Jo.Smith@contoso.com"));
    const ExpressionResult escrowed = run(expression, john, context);
    CHECK(escrowed.isError());
    CHECK(escrowed.error.contains(QLatin1String("escrows")));

    CHECK(errorOf("SelectUniqueValue([givenName])").contains(QLatin1String("at least 2")));
    CHECK(errorOf("Trim(SelectUniqueValue([givenName], [surname]))").contains(QLatin1String("not nested")));
}

TEST_CASE("Expression StripSpaces and Trim", "[sync][expression]")
{
    CHECK(textOf("StripSpaces([displayName])") == u("ZoëÑúñez"));
    CHECK(textOf("StripSpaces(\" a\tb \")") == u("a\tb"));
    CHECK(valueOf("StripSpaces([missing])").isNull());
    CHECK(textOf("Trim(\"  Zoë \t\")") == u("Zoë"));
    CHECK(textOf("Trim([department])") == u(""));
    CHECK(valueOf("Trim([missing])").isNull());
    CHECK(errorOf("Trim([proxyAddresses])").contains(QLatin1String("single value")));
}

TEST_CASE("Expression Switch", "[sync][expression]")
{
    const char* timeZoneSwitch = "Switch([state], \"Australia/Sydney\", \"NSW\", \"Australia/Sydney\",\"QLD\", "
                                 "\"Australia/Brisbane\", \"SA\", "
                                 "\"Australia/Adelaide\")";
    CHECK(textOf(timeZoneSwitch) == u("Australia/Brisbane"));
    ExpressionAttributes other = user();
    other.insert(QStringLiteral("state"), one("qld")); // case-sensitive: no match
    CHECK(textOf(timeZoneSwitch, other) == u("Australia/Sydney"));
    CHECK(textOf("Switch([department], \"Default Value\", \"true\", \"1\", \"\", \"0\")") == u("0"));
    CHECK(textOf("Switch([missing], \"Default Value\", \"true\", \"1\", \"\", \"0\")") == u("0"));
    CHECK(valueOf("Switch([state], , \"NSW\", \"x\")").isNull());
    CHECK(textOf("Switch([givenName], \"?\", \"Zoë\", \"matched\")") == u("matched"));
    CHECK(errorOf("Switch([state], \"d\", \"NSW\")").contains(QLatin1String("even number")));
    CHECK(errorOf("Switch([proxyAddresses], \"d\", \"NSW\", \"x\")").contains(QLatin1String("single value")));
}

TEST_CASE("Expression ToLower and ToUpper with a culture", "[sync][expression]")
{
    CHECK(textOf("ToUpper([displayName])") == u("ZOË ÑÚÑEZ"));
    CHECK(textOf("ToLower([displayName])") == u("zoë ñúñez"));
    // .NET's invariant upper case maps one character at a time: ß has no single upper-case letter and stays.
    CHECK(textOf("ToUpper([streetAddress])") == u("STRAßE 5"));
    CHECK(textOf("ToUpper(\"istanbul\", \"tr-TR\")") == u("İSTANBUL"));
    CHECK(textOf("ToLower(\"ISTANBUL\", \"tr-TR\")") == u("ıstanbul"));
    CHECK(textOf("ToUpper(\"istanbul\", \"en-US\")") == u("ISTANBUL"));
    CHECK(valueOf("ToLower([missing])").isNull());
    CHECK(errorOf("ToLower(\"a\", \"not a culture\")").contains(QLatin1String("culture")));
    CHECK(ExpressionFunctions::toUpper(u("ǆ")) == u("Ǆ"));
}

TEST_CASE("Expression Word", "[sync][expression]")
{
    CHECK(textOf("Word(\"The quick brown fox\",3,\" \")") == u("brown"));
    CHECK(textOf("Word(\"This,string!has&many separators\",3,\",!&#\")") == u("has"));
    CHECK(textOf("Word(\"a  b\",2,\" \")") == u("b"));
    CHECK(textOf("Word(\"a b\",3,\" \")") == u(""));
    CHECK(textOf("Word(\"a b\",0,\" \")") == u(""));
    CHECK(textOf("Word([missing],1,\" \")") == u(""));
    CHECK(textOf("Word([displayName],2,\" \")") == u("Ñúñez"));
    CHECK(textOf("Word(\"abc\",1,\"\")") == u("abc"));
}

TEST_CASE("Expression errors name the function and never escape the evaluator", "[sync][expression]")
{
    CHECK(errorOf("Frobnicate([givenName])") == u("cannot preview this attribute: unknown function 'Frobnicate' at 1"));
    CHECK(errorOf("Join(\"-\", Frobnicate())").contains(QLatin1String("unknown function 'Frobnicate' at 11")));
    CHECK(errorOf("Left(\"a\")") == u("cannot preview this attribute: Left at 1 takes 2 arguments, not 1"));
    CHECK(errorOf("Trim(\"a\", \"b\")").contains(QLatin1String("Trim at 1 takes 1 argument, not 2")));
    CHECK(errorOf("Join(\"x\")").contains(QLatin1String("at least 2")));
    CHECK(errorOf("Left(\"a\", ").contains(QLatin1String("expected")));
    CHECK(errorOf("Trim(unknownName)").contains(QLatin1String("unknown name 'unknownName'")));
    // An error in one expression says nothing about another.
    CHECK(textOf("Trim(\" ok \")") == u("ok"));
}

TEST_CASE("Expression library has every function of the reference", "[sync][expression]")
{
    const QStringList documented = {QStringLiteral("Append"), QStringLiteral("AppRoleAssignmentsComplex"),
        QStringLiteral("BitAnd"), QStringLiteral("CBool"), QStringLiteral("CDate"), QStringLiteral("Coalesce"),
        QStringLiteral("ConvertToBase64"), QStringLiteral("ConvertToUTF8Hex"), QStringLiteral("Count"),
        QStringLiteral("CStr"), QStringLiteral("DateAdd"), QStringLiteral("DateDiff"), QStringLiteral("DateFromNum"),
        QStringLiteral("FormatDateTime"), QStringLiteral("Guid"), QStringLiteral("IgnoreFlowIfNullOrEmpty"),
        QStringLiteral("IIF"), QStringLiteral("InStr"), QStringLiteral("IsNull"), QStringLiteral("IsNullOrEmpty"),
        QStringLiteral("IsPresent"), QStringLiteral("IsString"), QStringLiteral("Item"), QStringLiteral("Join"),
        QStringLiteral("Left"), QStringLiteral("Mid"), QStringLiteral("NormalizeDiacritics"), QStringLiteral("Not"),
        QStringLiteral("Now"), QStringLiteral("NumFromDate"), QStringLiteral("PCase"), QStringLiteral("RandomString"),
        QStringLiteral("Redact"), QStringLiteral("RemoveDuplicates"), QStringLiteral("Replace"),
        QStringLiteral("SelectUniqueValue"), QStringLiteral("SingleAppRoleAssignment"), QStringLiteral("Split"),
        QStringLiteral("StripSpaces"), QStringLiteral("Switch"), QStringLiteral("ToLower"), QStringLiteral("ToUpper"),
        QStringLiteral("Word")};
    for (const QString& name : documented) {
        INFO(name.toStdString());
        REQUIRE(ExpressionFunctions::find(name) != nullptr);
        CHECK(ExpressionFunctions::find(name.toLower())->name == name);
    }
    CHECK(ExpressionFunctions::find(QStringLiteral("Trim")) != nullptr);
    CHECK(ExpressionFunctions::find(QStringLiteral("Frobnicate")) == nullptr);
}

TEST_CASE("ExpressionValue converts the way the service's strings do", "[sync][expression]")
{
    CHECK(ExpressionValue().isNull());
    CHECK(ExpressionValue::fromList({}).isNull()); // no values: absent
    CHECK(ExpressionValue::fromBool(true).toString() == u("True"));
    CHECK(ExpressionValue::fromBool(false) == valueOf("IsNull([givenName])"));
    CHECK(one("TRUE").toBool() == true);
    CHECK(one("0").toBool() == false);
    CHECK(one("2.5").toBool() == true);
    CHECK_FALSE(one("maybe").toBool().has_value());
    CHECK(one("&HF7").toInteger() == 247);
    CHECK(one(" -10 ").toInteger() == -10);
    CHECK_FALSE(one("1.5").toInteger().has_value());
    CHECK_FALSE(one("99999999999999999999").toInteger().has_value());
    CHECK_FALSE(one("&H-1").toInteger().has_value());
    CHECK(one("").isNullOrEmpty());
    CHECK_FALSE(many({""}).isNullOrEmpty());
    CHECK(many({"a", "b"}).describe() == u("[\"a\", \"b\"]"));
    CHECK(ExpressionValue().describe() == u("null"));
    CHECK(many({"a", "b"}).toList() == QStringList {u("a"), u("b")});
}

TEST_CASE("Expression evaluator can evaluate one parsed tree for many users", "[sync][expression]")
{
    const tb::sync::ExpressionParser::Result parsed
        = tb::sync::ExpressionParser::parse(u("ToLower(NormalizeDiacritics(Join(\".\", [givenName], [surname])))"));
    REQUIRE(parsed.isValid());
    const ExpressionEvaluator evaluator;
    CHECK(evaluator.evaluate(*parsed.root, user()).value == one("zoe.nunez"));
    const ExpressionAttributes other {
        {QStringLiteral("givenName"), one("Jürgen")}, {QStringLiteral("surname"), one("Groß")}};
    CHECK(evaluator.evaluate(*parsed.root, other).value == one("jurgen.gross"));
    CHECK(evaluator.evaluate(*parsed.root, ExpressionAttributes()).value == one(""));
}
