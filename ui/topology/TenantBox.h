// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/Tenant.h"
#include "core/model/TenantRole.h"
#include "ui/topology/DiagramNode.h"

class QLabel;

namespace tb::ui {

class AccessSettingToggle;

// A tenant on the topology diagram: its role, name, initial domain and cloud, and inside it the box of its
// cross-tenant access settings for the partner (outbound in the source, inbound in the target) that holds the
// setting checkboxes. GUI thread.
class TenantBox final : public DiagramNode
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantBox)

public:
    explicit TenantBox(model::TenantRole role, QWidget* parent = nullptr);

    [[nodiscard]] model::TenantRole role() const { return m_role; }
    // partnerName: the other tenant's name (or id), for "for Fabrikam" under the settings title.
    void setTenant(const model::Tenant& tenant, const QString& partnerName);
    void addToggle(AccessSettingToggle* toggle);
    [[nodiscard]] DiagramNode* settingsNode() const { return m_settings; }
    [[nodiscard]] QString nameText() const;

private:
    model::TenantRole m_role;
    QLabel* m_name;
    QLabel* m_domain;
    QLabel* m_cloud;
    DiagramNode* m_settings;
    QLabel* m_partner;
};

} // namespace tb::ui
