// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxOptions.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/sandbox/SandboxTestClient.h"

namespace tb::test {

// A sandbox started in this process on a free loopback port (the compiled-in seeds unless the options say
// otherwise), always with the test routes on (the client signs in through them), and a client on its base URL. Fails
// the test, with the server's sentence, when the start fails. The Catch2 fixture of TEST_CASE_METHOD; declare one with
// options for generated tenants, faults or TLS.
struct RunningSandbox
{
    explicit RunningSandbox(tbsandbox::SandboxOptions options = {});

    tbsandbox::SandboxServer server;
    SandboxTestClient client; // declared after server: built once it listens, destroyed before it
};

} // namespace tb::test
