// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sandbox/http/HostHeader.h"

#include <QHostAddress>

#include <algorithm>

namespace tbsandbox {

namespace {

constexpr int kMaxPort = 65535;

bool isNameCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

} // namespace

HostHeader::HostHeader(QByteArray name, int port)
    : m_name(std::move(name))
    , m_port(port)
{ }

std::optional<HostHeader> HostHeader::parse(const QByteArray& value)
{
    const QByteArray text = value.trimmed().toLower();
    QByteArray name;
    QByteArray rest;
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close < 0) {
            return std::nullopt;
        }
        name = text.left(close + 1);
        rest = text.mid(close + 1);
        const QHostAddress address(QString::fromLatin1(name.mid(1, name.size() - 2)));
        if (address.protocol() != QAbstractSocket::IPv6Protocol) {
            return std::nullopt;
        }
    } else {
        const qsizetype colon = text.indexOf(':');
        name = colon < 0 ? text : text.left(colon);
        rest = colon < 0 ? QByteArray() : text.mid(colon);
        if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isNameCharacter)) {
            return std::nullopt;
        }
    }
    int port = -1;
    if (!rest.isEmpty()) {
        const QByteArray digits = rest.mid(1);
        if (!rest.startsWith(':') || digits.isEmpty() || digits.size() > 5
            || !std::all_of(digits.cbegin(), digits.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        port = digits.toInt();
        if (port > kMaxPort) {
            return std::nullopt;
        }
    }
    return HostHeader(name, port);
}

bool HostHeader::isLoopback() const
{
    if (m_name == "localhost") {
        return true;
    }
    const QByteArray bare = m_name.startsWith('[') ? m_name.mid(1, m_name.size() - 2) : m_name;
    const QHostAddress address(QString::fromLatin1(bare));
    return !address.isNull() && address.isLoopback();
}

bool HostHeader::isCanonicalLoopback() const
{
    return m_name == "localhost" || m_name == "127.0.0.1" || m_name == "[::1]";
}

} // namespace tbsandbox
