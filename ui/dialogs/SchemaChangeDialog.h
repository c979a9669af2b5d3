// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/SynchronizationSchema.h"
#include "core/setup/SetupState.h"
#include "core/sync/ImpactResult.h"

#include <QByteArray>
#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <optional>

class QLabel;
class QComboBox;
class QLineEdit;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QTreeView;

namespace tb {
class Workspace;
}

namespace tb::graph {
class GraphCall;
}

namespace tb::sync {
class ChangeImpact;
}

namespace tb::ui {

class MessageBanner;

// "Scope and mappings…" of the test users page (issue 6, "Impact of a change"): the job's user mapping as an
// editable form — its scoping filter groups and clauses, and its attribute mappings (a source attribute or a
// constant; function expressions are shown read-only) — and, before anything is saved, the users whose outcome the
// edits change (core's ChangeImpact: created, updated, or leaving scope and soft-deleted in the target). Nothing is
// written until "Save to the job…", which is only offered for exactly the edits last checked, asks first with the
// counts, then PUTs the whole schema (fields the form does not show are kept: SynchronizationSchema round-trips)
// and reads it back. "Load schema file…" compares with an edited schema JSON instead (what `tenantbridge-cli
// impact --schema FILE` takes). GUI thread.
class SchemaChangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaChangeDialog)

public:
    // state must name a configuration with a job (PairConfigurationReader::hasJob); the schema is read at once.
    SchemaChangeDialog(Workspace& workspace, const setup::SetupState& state, QWidget* parent = nullptr);
    ~SchemaChangeDialog() override;

    // The scope's group that the service requires: it cannot be removed, nor its own clause changed.
    [[nodiscard]] static bool isRequiredGroup(const model::SynchronizationSchema::ScopingGroup& group);

    // GET the job's schema; the edits start again from it. schemaRead follows.
    void readSchema();
    // Compares with a schema JSON file instead of the job's schema; the form shows it, further edits apply on top.
    // False, with a sentence in problem, when the file is not a schema that can be compared.
    bool loadSchemaFile(const QString& filePath, QString* problem);
    void checkImpact();
    void cancel();
    // Asks first (returns with the confirmation open); saveConfirmation() is it, for tests.
    void save();
    [[nodiscard]] QMessageBox* saveConfirmation() const { return m_confirmation; }

    // The edits as a group/clause or a mapping, as the form's buttons make them. Indexes are the scope's order.
    void addGroup(const QString& name);
    bool addClause(int group, const model::SynchronizationSchema::ScopingClause& clause);
    bool removeClause(int group, int clause);
    bool removeGroup(int group);
    bool setMappingSource(
        const QString& targetAttribute, const model::SynchronizationSchema::AttributeMappingSource& source);
    bool removeMapping(const QString& targetAttribute);

    [[nodiscard]] bool isBusy() const;
    // True when the last impact check was of exactly the current edits.
    [[nodiscard]] bool isChecked() const;
    [[nodiscard]] const model::SynchronizationSchema& currentSchema() const { return m_current; }
    // The job's (or the loaded file's) schema with the form's edits.
    [[nodiscard]] model::SynchronizationSchema proposedSchema() const;
    [[nodiscard]] const std::optional<sync::ImpactResult>& impact() const { return m_impact; }
    [[nodiscard]] QStandardItemModel* scopeModel() const { return m_scopeModel; }
    [[nodiscard]] QStandardItemModel* mappingModel() const { return m_mappingModel; }
    [[nodiscard]] QStandardItemModel* impactModel() const { return m_impactModel; }

signals:
    void schemaRead(bool ok);
    void impactFinished(bool ok);
    void saveFinished(bool ok, const QString& version);

private:
    void showSchema(const model::SynchronizationSchema& schema);
    void rebuildScope();
    void rebuildMappings();
    void showImpact(const sync::ImpactResult& result);
    void clearImpact();
    void scopeItemChanged(QStandardItem* item);
    void setClauseOperator(int group, int clause, const QString& operatorName);
    void selectedMappingChanged();
    void applyMappingEdit();
    void removeSelected();
    void addClauseToSelected();
    void putSchema();
    void readBack(const QString& savedVersion);
    void updateButtons();
    void fail(const QString& message);
    [[nodiscard]] int selectedGroup() const;
    [[nodiscard]] int selectedClause() const;
    [[nodiscard]] int selectedMapping() const;
    [[nodiscard]] QByteArray fingerprint() const;
    // The first clause or group the service would refuse, as a sentence; empty when there is none.
    [[nodiscard]] QString editProblem() const;
    [[nodiscard]] QString targetName() const;

    Workspace& m_workspace;
    setup::SetupState m_state;
    model::SynchronizationSchema m_current; // the job's, as last read
    model::SynchronizationSchema m_base; // what the edits apply to: the job's, or a loaded file's
    QString m_loadedFile;
    QString m_ruleId;
    QString m_mappingName;
    QList<model::SynchronizationSchema::ScopingGroup> m_groups;
    QList<model::SynchronizationSchema::AttributeMapping> m_mappings;
    QList<model::SynchronizationSchema::AttributeMapping> m_baseMappings; // to mark the changed ones
    std::optional<sync::ImpactResult> m_impact;
    QByteArray m_checkedFingerprint; // the edits m_impact is about
    QByteArray m_runningFingerprint;
    bool m_rebuilding = false;

    MessageBanner* m_banner;
    QLabel* m_schemaLabel;
    QTabWidget* m_tabs;
    QStandardItemModel* m_scopeModel;
    QTreeView* m_scopeView;
    QPushButton* m_addGroupButton;
    QPushButton* m_addClauseButton;
    QPushButton* m_removeScopeButton;
    QStandardItemModel* m_mappingModel;
    QTreeView* m_mappingView;
    QRadioButton* m_attributeRadio;
    QComboBox* m_attributeCombo;
    QRadioButton* m_constantRadio;
    QLineEdit* m_constantEdit;
    QPushButton* m_applyMappingButton;
    QPushButton* m_removeMappingButton;
    QLabel* m_mappingNote;
    QLabel* m_counts;
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QStandardItemModel* m_impactModel;
    QTreeView* m_impactView;
    QPushButton* m_loadButton;
    QPushButton* m_revertButton;
    QPushButton* m_checkButton;
    QPushButton* m_cancelButton;
    QPushButton* m_saveButton;
    QPointer<sync::ChangeImpact> m_run;
    QPointer<graph::GraphCall> m_call;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace tb::ui
