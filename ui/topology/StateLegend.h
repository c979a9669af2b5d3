// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/topology/SettingStatus.h"

#include <QList>
#include <QWidget>

class QLabel;

namespace tb::ui {

// The legend under the topology diagram: a swatch and a word for each state colour of the settings. GUI thread.
class StateLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateLegend)

public:
    explicit StateLegend(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void paintSwatches();

    QList<std::pair<SettingStatus, QLabel*>> m_swatches;
};

} // namespace tb::ui
