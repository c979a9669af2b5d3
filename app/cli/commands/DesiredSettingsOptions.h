// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/DesiredSettings.h"
#include "core/model/Tenant.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace tb::cli {

// The options that say what the setup commands aim for: every setting on unless a --no-… option turns it off,
// and the configuration's display name. plan and apply take them all; status and preflight only --name, which
// also tells which configuration is this pair's.
class DesiredSettingsOptions final
{
    Q_DECLARE_TR_FUNCTIONS(DesiredSettingsOptions)

public:
    explicit DesiredSettingsOptions(bool withSwitches);

    void addTo(QCommandLineParser& parser) const;
    // Reads the parsed options; returns a sentence saying what is wrong, or nothing.
    [[nodiscard]] QString read(const QCommandLineParser& parser);

    // The desired settings for this pair, the name defaulting to "<source> to <target>".
    [[nodiscard]] model::DesiredSettings desiredFor(const model::Tenant& source, const model::Tenant& target) const;
    [[nodiscard]] static QString defaultConfigurationName(const model::Tenant& source, const model::Tenant& target);

private:
    bool m_withSwitches;
    QCommandLineOption m_noUserSync;
    QCommandLineOption m_noInboundAutoRedeem;
    QCommandLineOption m_noOutboundAutoRedeem;
    QCommandLineOption m_noJob;
    QCommandLineOption m_name;
    model::DesiredSettings m_desired;
};

} // namespace tb::cli
