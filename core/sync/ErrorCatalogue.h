// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace tb::sync {

// What a synchronization job's state codes, quarantine reasons and error codes mean and what to do about them
// (graph-reference.md 2.2, 2.4, 9.1), for the job-health panel, the CLI and later the provisioning logs. The
// sentences are data, not code: resources/sync/error-catalogue.json, compiled in (":/sync/error-catalogue.json"),
// with one section per kind of code. A code the table does not list gets a generic explanation that names it.
// Value type; the built-in catalogue is loaded once and is safe to read from any thread.
class ErrorCatalogue
{
public:
    enum class Section { State, QuarantineReason, Error };

    struct Explanation
    {
        QString code;
        QString title; // a few words: "Quarantined", "The access settings do not allow this sync"
        QString meaning; // what the code says happened, and why
        QString action; // what to do; empty when nothing needs doing
        bool known = false; // false: the generic explanation of a code the catalogue does not list
    };

    // The catalogue compiled into the application. A broken resource (a build error, caught by the unit tests)
    // gives an empty catalogue, which explains every code generically.
    [[nodiscard]] static const ErrorCatalogue& builtIn();
    // A catalogue from the JSON form of error-catalogue.json; nothing, with a reason, when the text does not
    // have it.
    [[nodiscard]] static std::optional<ErrorCatalogue> fromJson(const QByteArray& json, QString* problem = nullptr);

    // Codes compare case-insensitively (the reference spells one code "schemaInvalid", the rest PascalCase).
    [[nodiscard]] Explanation explain(Section section, const QString& code) const;
    [[nodiscard]] Explanation explainState(const QString& code) const { return explain(Section::State, code); }
    [[nodiscard]] Explanation explainQuarantineReason(const QString& reason) const
    {
        return explain(Section::QuarantineReason, reason);
    }
    [[nodiscard]] Explanation explainError(const QString& code) const { return explain(Section::Error, code); }
    [[nodiscard]] bool contains(Section section, const QString& code) const;
    [[nodiscard]] QStringList codes(Section section) const;

private:
    ErrorCatalogue() = default;

    QHash<QString, Explanation> m_entries[3]; // by Section; key: the code in lower case
    QStringList m_codes[3]; // as written, in file order
    Explanation m_unknown; // %1 in each sentence stands for the code
};

} // namespace tb::sync
