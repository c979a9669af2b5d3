// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/GraphError.h"
#include "core/model/DirectoryUser.h"
#include "core/setup/UserListingQuery.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace tb::graph {
class DirectoryEndpoints;
class PageReader;
} // namespace tb::graph

namespace tb::setup {

// Lists the users of one tenant that match a UserListingQuery, page by page: all users or the members of
// a named group (found by an escaped displayName filter), narrowed by search text. Shared by the CLI's
// `users` command and the GUI's directory page. A job: start() once, usersReceived() per page, then exactly
// one finished(). Created and owned by the caller; GUI or main thread.
class UserListing final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserListing)

public:
    UserListing(graph::DirectoryEndpoints& directory, UserListingQuery query, QObject* parent = nullptr);
    ~UserListing() override;

    void start();
    void cancel();

    [[nodiscard]] int receivedCount() const { return m_received; }
    // Set when the query named a group that the tenant does not have.
    [[nodiscard]] bool isGroupMissing() const { return m_groupMissing; }

signals:
    void usersReceived(const QList<tb::model::DirectoryUser>& users);
    // error.isError() is false on success, including "no user matched" and "no such group" (see
    // isGroupMissing()).
    void finished(const tb::graph::GraphError& error);

private:
    void findGroup();
    void listUsers();
    void listGroupMembers(const QString& groupId);
    void readPages(graph::PageReader* reader, bool filterLocally);
    void finish(const graph::GraphError& error);

    graph::DirectoryEndpoints& m_directory;
    UserListingQuery m_query;
    QPointer<graph::PageReader> m_reader;
    int m_received = 0;
    bool m_groupMissing = false;
    bool m_finished = false;
};

} // namespace tb::setup
