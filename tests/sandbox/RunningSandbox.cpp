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

// Tests sign in through the device flow approved by the test route, so the route must exist.
tbsandbox::SandboxOptions withTestRoutes(tbsandbox::SandboxOptions options)
{
    options.testRoutes = true;
    return options;
}

} // namespace

RunningSandbox::RunningSandbox(tbsandbox::SandboxOptions options)
    : server(withTestRoutes(std::move(options)))
    , client(startedBaseUrl(server))
{ }

} // namespace tb::test
