// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sandbox/SandboxOptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace tbsandbox {

class World;
class FaultPlan;
class ProvisioningService;
class LoginState;
class RequestLog;
class StateFile;

// The sandbox as a server: binds 127.0.0.1, loads the tenants, answers Graph and control
// requests. Lives on the thread that created it and never blocks it. Owned by whoever starts it.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(SandboxOptions options, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Loads the tenants and starts listening. False with a sentence in errorMessage when a seed cannot be
    // read or the port cannot be bound.
    [[nodiscard]] bool start(QString* errorMessage);
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    // "http://127.0.0.1:PORT" (https with TLS), without a trailing slash.
    [[nodiscard]] QUrl baseUrl() const;

    [[nodiscard]] World& world();
    [[nodiscard]] FaultPlan& faultPlan();
    // The cross-tenant sync service: in-process tests run a cycle with provisioning().runCycle().
    [[nodiscard]] ProvisioningService& provisioning();
    // Every Graph request served so far (what GET /_sandbox/requests reads).
    [[nodiscard]] RequestLog& requestLog();
    // The login host's signing key, device codes, refresh tokens and consents.
    [[nodiscard]] LoginState& login();
    // The file that keeps the state across restarts (SandboxOptions::stateFile), or nullptr when the state
    // lives in memory only. It is saved shortly after changes and when the server is destroyed.
    [[nodiscard]] StateFile* stateFile();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tbsandbox
