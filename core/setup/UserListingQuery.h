// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tb::setup {

// What a person asked to see of a tenant's users: text to look for, a group to list, how many at most.
struct UserListingQuery
{
    QString searchText; // prefix of name, given name, surname, mail or sign-in name; empty: everyone
    QString groupName; // exact display name of a group whose (transitive) members to list; empty: all users
    int limit = 0; // stop after this many users; 0: no limit
    int pageSize = 100;
};

} // namespace tb::setup
