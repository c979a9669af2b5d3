// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/CtsConfiguration.h"
#include "ui/topology/DiagramNode.h"

#include <optional>

class QLabel;

namespace tb::ui {

class AccessSettingToggle;

// The middle of the topology diagram: the source's cross-tenant synchronization configuration for this pair
// (its name, or that there is none yet), its job's status, and the checkbox that asks for both. GUI thread.
class SynchronizationBox final : public DiagramNode
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SynchronizationBox)

public:
    explicit SynchronizationBox(QWidget* parent = nullptr);

    // desiredName: the name a new configuration gets; otherCount: configurations of other pairs in the source.
    void setConfiguration(
        const std::optional<model::CtsConfiguration>& configuration, const QString& desiredName, int otherCount);
    void addToggle(AccessSettingToggle* toggle);
    [[nodiscard]] QString configurationText() const;
    [[nodiscard]] QString jobText() const;

private:
    QLabel* m_configuration;
    QLabel* m_job;
    QLabel* m_others;
};

} // namespace tb::ui
