// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sandbox/RunningSandbox.h"

#include <catch2/catch.hpp>

namespace tb::test {

namespace {

// Starts the server or fails the test with its sentence; returns where it listens.
QUrl startedBaseUrl(tbsandbox::SandboxServer& server)
{
    QString error;
    const bool started = server.start(&error);
    INFO(error.toStdString());
    REQUIRE(started);
    return server.baseUrl();
}

} // namespace

RunningSandbox::RunningSandbox(tbsandbox::SandboxOptions options)
    : server(std::move(options))
    , client(startedBaseUrl(server))
{ }

} // namespace tb::test
