// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/ProvisioningLogEntry.h"

#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;

namespace tb::ui {

// One provisioning log record in full, beside the logs table: who and what, the error explained from the error
// catalogue (title, what it means, what to do, and the service's own reason), the steps the service went through
// (import, scoping, matching, processing, export) with their status, the properties it changed (old → new), and the
// record's ids (record, change, cycle, job) in read-only fields to copy into a support case. GUI thread.
class LogRecordDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRecordDetail)

public:
    explicit LogRecordDetail(QWidget* parent = nullptr);

    void showRecord(const model::ProvisioningLogEntry& entry);
    // The hint to pick a record.
    void clear();
    [[nodiscard]] const std::optional<model::ProvisioningLogEntry>& record() const { return m_record; }

private:
    std::optional<model::ProvisioningLogEntry> m_record;
    QStackedWidget* m_stack;
    QLabel* m_heading;
    QGroupBox* m_errorBox;
    QLabel* m_errorTitle;
    QLabel* m_errorMeaning;
    QLabel* m_errorAction;
    QLabel* m_errorReason;
    QTreeWidget* m_steps;
    QGroupBox* m_propertiesBox;
    QTableWidget* m_properties;
    QLineEdit* m_recordId;
    QLineEdit* m_changeId;
    QLineEdit* m_cycleId;
    QLineEdit* m_jobId;
};

} // namespace tb::ui
