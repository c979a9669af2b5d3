// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/PairConfigurationReader.h"

#include "core/Workspace.h"
#include "core/graph/GraphError.h"
#include "core/model/TenantRole.h"
#include "core/setup/SetupPlan.h"
#include "core/setup/SetupStateReader.h"
#include "ui/widgets/MessageBanner.h"

#include <QLabel>

namespace tb::ui {

using model::TenantRole;

PairConfigurationReader::PairConfigurationReader(Workspace& workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
{ }

void PairConfigurationReader::showReadsOn(QLabel* progressLabel, MessageBanner* banner, NotSignedIn notSignedIn)
{
    m_progressLabel = progressLabel;
    m_banner = banner;
    m_notSignedIn = notSignedIn;
}

void PairConfigurationReader::readWhenShown(bool stateKnown)
{
    if (stateKnown || isReading() || read()) {
        return;
    }
    // No read under way, so read() refused for want of a sign-in.
    if (m_notSignedIn == NotSignedIn::Tell && m_banner) {
        m_banner->showMessage(MessageBanner::Level::Information, notSignedInMessage());
    }
}

bool PairConfigurationReader::read()
{
    const auto source = m_workspace.tenant(TenantRole::Source);
    const auto target = m_workspace.tenant(TenantRole::Target);
    graph::GraphClient* sourceClient = m_workspace.setupClient(TenantRole::Source);
    graph::GraphClient* targetClient = m_workspace.setupClient(TenantRole::Target);
    if (m_reader || !source || !target || !sourceClient || !targetClient) {
        return false;
    }
    auto* reader = new setup::SetupStateReader(*sourceClient, *targetClient, this);
    m_reader = reader;
    connect(reader, &setup::SetupStateReader::finished, this, [this, reader](const setup::SetupState& state) {
        reader->deleteLater();
        m_reader.clear();
        if (m_progressLabel) {
            m_progressLabel->clear();
        }
        emit finished(state);
    });
    connect(reader, &setup::SetupStateReader::failed, this,
        [this, reader](const QString& userMessage, const graph::GraphError&) {
            reader->deleteLater();
            m_reader.clear();
            if (m_progressLabel) {
                m_progressLabel->clear();
            }
            if (m_banner) {
                m_banner->showMessage(MessageBanner::Level::Error, userMessage);
            }
            emit failed(userMessage);
        });
    setup::SetupStateReader::Options options;
    options.configurationDisplayName
        = setup::SetupPlan::defaultConfigurationName(source->readableName(), target->readableName());
    reader->read(*source, *target, options);
    if (m_progressLabel) {
        m_progressLabel->setText(
            tr("Finding the configuration of %1 and %2…").arg(source->readableName(), target->readableName()));
    }
    return true;
}

QString PairConfigurationReader::notSignedInMessage()
{
    return tr("Sign in to the source and the target tenant on the Connect page first.");
}

QString PairConfigurationReader::noJobMessage(const setup::SetupState& state, const QString& purpose)
{
    return tr("There is no cross-tenant synchronization configuration with a job for %1 and %2 yet: create it on the "
              "Topology page (Apply), then come back to %3.")
        .arg(state.source.readableName(), state.target.readableName(), purpose);
}

bool PairConfigurationReader::hasJob(const setup::SetupState& state)
{
    return state.isValid() && state.configuration && state.configuration->hasJob();
}

} // namespace tb::ui
