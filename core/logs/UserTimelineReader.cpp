// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/UserTimelineReader.h"

#include "core/graph/GraphCall.h"
#include "core/graph/GraphClient.h"
#include "core/graph/GraphResponse.h"
#include "core/graph/PageReadResult.h"
#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"
#include "core/graph/endpoints/ProvisioningLogEndpoints.h"

#include <QJsonArray>

#include <algorithm>

namespace tb::logs {

using graph::GraphResponse;
using graph::PageReadResult;
using graph::ProvisioningLogEndpoints;

UserTimelineReader::UserTimelineReader(
    graph::GraphClient& sourceClient, graph::GraphClient& targetClient, QObject* parent)
    : QObject(parent)
    , m_source(sourceClient)
    , m_target(targetClient)
{ }

UserTimelineReader::~UserTimelineReader()
{
    stop();
}

bool UserTimelineReader::start(const Request& request)
{
    if (m_running || request.user.trimmed().isEmpty()) {
        return false;
    }
    m_running = true;
    m_request = request;
    m_request.user = request.user.trimmed();
    m_person = UserTimeline::Person();
    m_provisioning.clear();
    m_audits.clear();
    m_auditsTruncated = false;
    const graph::GraphRequest userRequest = graph::DirectoryEndpoints::getUserRequest(
        m_request.user, {QStringLiteral("id"), QStringLiteral("userPrincipalName"), QStringLiteral("mail")});
    m_call = m_source.send(userRequest, this, [this](const GraphResponse& response) { handleUser(response); });
    return true;
}

void UserTimelineReader::cancel()
{
    if (m_running) {
        stop();
        m_running = false;
    }
}

void UserTimelineReader::handleUser(const GraphResponse& response)
{
    m_call = nullptr;
    if (!m_running) {
        return;
    }
    if (!response.isSuccess()) {
        if (response.error().kind() == graph::GraphError::Kind::NotFound) {
            fail(QStringLiteral("The source tenant has no user %1.").arg(m_request.user));
        } else {
            fail(QStringLiteral("Reading the user %1 failed: %2").arg(m_request.user, response.error().userMessage()));
        }
        return;
    }
    const QJsonObject user = response.json();
    m_person.sourceUserId = user.value(QLatin1String("id")).toString();
    m_person.userPrincipalName = user.value(QLatin1String("userPrincipalName")).toString();
    m_person.mail = user.value(QLatin1String("mail")).toString();

    ProvisioningLogEndpoints::ProvisioningLogQuery query;
    query.jobId = m_request.jobId;
    query.servicePrincipalId = m_request.servicePrincipalId;
    query.sourceIdentityId = m_person.sourceUserId;
    query.since = m_request.since;
    query.top = 1000;
    query.newestFirst = false;
    m_reader = ProvisioningLogEndpoints(m_source).provisioningLogs(query, this);
    connect(m_reader, &graph::PageReader::pageReceived, this,
        [this](const QJsonArray& items) { m_provisioning += ProvisioningLogEndpoints::parseProvisioningLogs(items); });
    connect(m_reader, &graph::PageReader::finished, this, [this](const PageReadResult& result) {
        m_reader = nullptr;
        if (!result.isComplete()) {
            fail(QStringLiteral("Reading the provisioning logs of %1 failed: %2")
                     .arg(m_person.userPrincipalName, result.error.userMessage()));
            return;
        }
        readAudits();
    });
    m_reader->start();
}

void UserTimelineReader::readAudits()
{
    ProvisioningLogEndpoints::DirectoryAuditQuery query;
    query.since = m_request.since;
    query.top = std::clamp(m_request.maxAuditRecords, 1, 1000);
    query.newestFirst = true; // should the cap be reached, the recent past is what matters
    m_reader = ProvisioningLogEndpoints(m_target).directoryAudits(query, this);
    connect(m_reader, &graph::PageReader::pageReceived, this, &UserTimelineReader::handleAuditPage);
    connect(m_reader, &graph::PageReader::finished, this, [this](const PageReadResult& result) {
        m_reader = nullptr;
        if (!result.isComplete() && result.error.kind() != graph::GraphError::Kind::Cancelled) {
            fail(QStringLiteral("Reading the target tenant's audit log failed: %1").arg(result.error.userMessage()));
            return;
        }
        done();
    });
    m_reader->start();
}

void UserTimelineReader::handleAuditPage(const QJsonArray& items)
{
    const QList<model::DirectoryAuditEntry> page = ProvisioningLogEndpoints::parseDirectoryAudits(items);
    const qsizetype room = std::max<qsizetype>(0, m_request.maxAuditRecords - m_audits.size());
    m_audits += page.mid(0, std::min(room, page.size()));
    if (m_audits.size() >= m_request.maxAuditRecords && m_reader) {
        m_auditsTruncated = true;
        // Finishes the reader with Cancelled on this turn, which done() takes as the end of the list.
        m_reader->cancel();
    }
}

void UserTimelineReader::done()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    const UserTimeline timeline = UserTimeline::merge(m_person, m_provisioning, m_audits);
    m_provisioning.clear();
    m_audits.clear();
    emit finished(timeline);
}

void UserTimelineReader::fail(const QString& message)
{
    if (!m_running) {
        return;
    }
    stop();
    m_running = false;
    emit failed(message);
}

void UserTimelineReader::stop()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
        m_call = nullptr;
    }
    if (m_reader) {
        m_reader->disconnect(this);
        m_reader->cancel();
        m_reader = nullptr;
    }
}

} // namespace tb::logs
