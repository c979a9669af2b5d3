// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tbsandbox {

// A Host header value parsed strictly as "name[:port]", where name is a DNS name, an IPv4 address or a
// bracketed IPv6 address. Anything else (user info, a path, two colons, an empty port) does not parse, so a
// crafted value cannot pass for a loopback name. A value; used by HttpRequest.
class HostHeader final
{
public:
    // Nothing when the value is not exactly "name[:port]".
    [[nodiscard]] static std::optional<HostHeader> parse(const QByteArray& value);

    // Lower case; an IPv6 address keeps its brackets ("[::1]").
    [[nodiscard]] const QByteArray& name() const { return m_name; }
    // -1 when the header names no port.
    [[nodiscard]] int port() const { return m_port; }
    // localhost, 127.0.0.0/8 or [::1].
    [[nodiscard]] bool isLoopback() const;
    // Exactly 127.0.0.1, localhost or [::1]: the names a client of this machine uses.
    [[nodiscard]] bool isCanonicalLoopback() const;

private:
    HostHeader(QByteArray name, int port);

    QByteArray m_name;
    int m_port;
};

} // namespace tbsandbox
