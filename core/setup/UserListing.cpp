// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/setup/UserListing.h"

#include "core/graph/PageReader.h"
#include "core/graph/endpoints/DirectoryEndpoints.h"

#include <QJsonObject>

namespace tb::setup {

namespace {

const QString kUserType = QStringLiteral("#microsoft.graph.user");

// The same prefix rule the server applies to a user list, for group members, which Graph cannot filter
// by name in one request.
bool matchesSearch(const model::DirectoryUser& user, const QString& text)
{
    if (text.isEmpty()) {
        return true;
    }
    for (const QString* value :
        {&user.displayName, &user.givenName, &user.surname, &user.mail, &user.userPrincipalName}) {
        if (value->startsWith(text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace

UserListing::UserListing(graph::DirectoryEndpoints& directory, UserListingQuery query, QObject* parent)
    : QObject(parent)
    , m_directory(directory)
    , m_query(std::move(query))
{ }

UserListing::~UserListing()
{
    if (m_reader) {
        m_reader->disconnect(this);
        m_reader->cancel();
    }
}

void UserListing::start()
{
    if (m_query.groupName.isEmpty()) {
        listUsers();
    } else {
        findGroup();
    }
}

void UserListing::cancel()
{
    if (m_reader) {
        m_reader->cancel();
    } else {
        finish(graph::GraphError(graph::GraphError::Kind::Cancelled, tr("The listing was cancelled.")));
    }
}

void UserListing::findGroup()
{
    graph::PageReader* reader = m_directory.listGroups(m_query.groupName, this);
    m_reader = reader;
    auto groups = std::make_shared<QList<model::DirectoryGroup>>();
    connect(reader, &graph::PageReader::pageReceived, this,
        [groups](const QJsonArray& items) { groups->append(graph::DirectoryEndpoints::parseGroups(items)); });
    connect(reader, &graph::PageReader::finished, this, [this, reader, groups](const graph::PageReadResult& result) {
        reader->deleteLater();
        m_reader.clear();
        if (result.error.isError()) {
            finish(result.error);
            return;
        }
        if (groups->isEmpty()) {
            m_groupMissing = true;
            finish({});
            return;
        }
        // Display names are not unique in Entra; the first match is the one Graph lists first.
        listGroupMembers(groups->first().id);
    });
    reader->start();
}

void UserListing::listUsers()
{
    graph::DirectoryEndpoints::UserListOptions options;
    options.searchText = m_query.searchText;
    options.pageSize = m_query.limit > 0 ? std::min(m_query.pageSize, m_query.limit) : m_query.pageSize;
    readPages(m_directory.listUsers(options, this), false);
}

void UserListing::listGroupMembers(const QString& groupId)
{
    // Transitive: a person in a nested group is in scope of a group assignment too.
    readPages(m_directory.listGroupMembers(groupId, true, this, graph::DirectoryEndpoints::defaultUserSelect()), true);
}

void UserListing::readPages(graph::PageReader* reader, bool membersOnly)
{
    m_reader = reader;
    auto limitReached = std::make_shared<bool>(false);
    connect(reader, &graph::PageReader::pageReceived, this,
        [this, reader, membersOnly, limitReached](const QJsonArray& items) {
            if (*limitReached) {
                return;
            }
            QList<model::DirectoryUser> users;
            for (const QJsonValue& item : items) {
                const QJsonObject object = item.toObject();
                // Members may be groups, devices or contacts; only users are listed here.
                if (membersOnly && object.value(QStringLiteral("@odata.type")).toString() != kUserType) {
                    continue;
                }
                model::DirectoryUser user = model::DirectoryUser::fromJson(object);
                if (membersOnly && !matchesSearch(user, m_query.searchText)) {
                    continue;
                }
                users.append(std::move(user));
            }
            if (m_query.limit > 0 && m_received + users.size() >= m_query.limit) {
                users.resize(m_query.limit - m_received);
                *limitReached = true;
            }
            m_received += static_cast<int>(users.size());
            if (!users.isEmpty()) {
                // A receiver may delete this listing (and with it the reader) from its slot.
                const QPointer<UserListing> self(this);
                emit usersReceived(users);
                if (!self) {
                    return;
                }
            }
            if (*limitReached) {
                reader->cancel();
            }
        });
    connect(
        reader, &graph::PageReader::finished, this, [this, reader, limitReached](const graph::PageReadResult& result) {
            reader->deleteLater();
            m_reader.clear();
            // Cancelling because enough users arrived is a success, not an error.
            finish(*limitReached ? graph::GraphError() : result.error);
        });
    reader->start();
}

void UserListing::finish(const graph::GraphError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    emit finished(error);
}

} // namespace tb::setup
