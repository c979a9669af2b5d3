// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer target for the sandbox's HTTP/1.1 request parsing (core/sandbox/http): any input is the byte stream of
// one connection, given to HttpRequestParser (what HttpConnection uses) with small limits so that short inputs reach
// them. Invariants:
// - the requests read do not depend on how the bytes arrive: all at once or in pieces of any size give the same
//   requests, the same refusal and the same bytes left over;
// - a request is what the head said: a token method, a target starting with '/', lower-case header names, clean
//   header values, a body exactly as long as its Content-Length; written out again it parses to the same request;
// - a refusal has a 4xx status and a sentence;
// - what the server reads from a request never fails: path and query (GraphRequestContext::setRawQuery), the Host
//   header (a loopback verdict only for a well-formed Host), a form body (FormBody).
// Built with -DTB_BUILD_FUZZ=ON and clang (tests/fuzz/run-fuzz.sh).
#include "core/sandbox/graph/GraphRequestContext.h"
#include "core/sandbox/http/HostHeader.h"
#include "core/sandbox/http/HttpRequest.h"
#include "core/sandbox/http/HttpRequestParser.h"
#include "core/sandbox/login/FormBody.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace tbsandbox;

namespace {

constexpr HttpRequestParser::Limits kLimits {256, 512};

struct Parsed
{
    QList<HttpRequest> requests;
    QList<bool> keepAlive;
    HttpRequestParser::Step last = HttpRequestParser::Step::NeedMore;
    HttpRequestParser::Refusal refusal;
    qsizetype leftOver = 0;
};

// Takes every whole request out of the parser; false once it refused.
bool drain(HttpRequestParser& parser, Parsed& parsed)
{
    while (true) {
        parsed.last = parser.next(1000);
        if (parsed.last == HttpRequestParser::Step::Request) {
            parsed.requests.append(parser.takeRequest());
            parsed.keepAlive.append(parser.keepAlive());
            continue;
        }
        parsed.refusal = parser.refusal();
        parsed.leftOver = parser.bufferedBytes();
        return parsed.last != HttpRequestParser::Step::Refused;
    }
}

// The bytes in pieces whose sizes come from the input itself (1 to 64 bytes).
Parsed parseInPieces(const QByteArray& bytes, HttpRequestParser::Limits limits)
{
    HttpRequestParser parser(limits);
    Parsed parsed;
    quint32 state = 2166136261u;
    for (const char c : bytes) {
        state = (state ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype piece = 1 + static_cast<qsizetype>((state >> 16) % 64);
        parser.append(bytes.mid(offset, piece));
        offset += piece;
        if (!drain(parser, parsed)) {
            break;
        }
    }
    if (bytes.isEmpty()) {
        drain(parser, parsed);
    }
    return parsed;
}

Parsed parseAtOnce(const QByteArray& bytes, HttpRequestParser::Limits limits)
{
    HttpRequestParser parser(limits);
    parser.append(bytes);
    Parsed parsed;
    drain(parser, parsed);
    return parsed;
}

bool sameRequest(const HttpRequest& a, const HttpRequest& b)
{
    return a.method == b.method && a.target == b.target && a.headers == b.headers && a.body == b.body;
}

void checkSame(const Parsed& a, const Parsed& b)
{
    TB_FUZZ_CHECK(a.requests.size() == b.requests.size());
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        TB_FUZZ_CHECK(sameRequest(a.requests.at(i), b.requests.at(i)));
        TB_FUZZ_CHECK(a.keepAlive.at(i) == b.keepAlive.at(i));
    }
    TB_FUZZ_CHECK(a.last == b.last);
    TB_FUZZ_CHECK(a.refusal.status == b.refusal.status && a.refusal.message == b.refusal.message);
    if (a.last != HttpRequestParser::Step::Refused) {
        TB_FUZZ_CHECK(a.leftOver == b.leftOver);
    }
}

bool isToken(const QByteArray& text)
{
    static const QByteArray extra = QByteArrayLiteral("-_.!#$%&'*+^`|~");
    if (text.isEmpty()) {
        return false;
    }
    for (const char c : text) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.contains(c))) {
            return false;
        }
    }
    return true;
}

QByteArray serialized(const HttpRequest& request)
{
    QByteArray bytes = request.method + ' ' + request.target + QByteArrayLiteral(" HTTP/1.1\r\n");
    for (const auto& [name, value] : request.headers) {
        bytes += name + QByteArrayLiteral(": ") + value + QByteArrayLiteral("\r\n");
    }
    return bytes + QByteArrayLiteral("\r\n") + request.body;
}

void checkRequest(const HttpRequest& request)
{
    TB_FUZZ_CHECK(isToken(request.method));
    TB_FUZZ_CHECK(request.target.startsWith('/'));
    TB_FUZZ_CHECK(request.receivedAtMs == 1000);
    qsizetype contentLength = 0;
    for (const auto& [name, value] : request.headers) {
        TB_FUZZ_CHECK(isToken(name) && name == name.toLower());
        TB_FUZZ_CHECK(value == value.trimmed());
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            TB_FUZZ_CHECK((u >= 0x20 || c == '\t') && u != 0x7f);
        }
        if (name == "content-length") {
            contentLength = value.toLongLong();
        }
        TB_FUZZ_CHECK(name != "transfer-encoding");
    }
    TB_FUZZ_CHECK(request.body.size() == contentLength);

    // Written out again (a little longer: "Name: value" where a space may have been left out), it reads the same.
    const Parsed again = parseAtOnce(serialized(request), HttpRequestParser::Limits());
    TB_FUZZ_CHECK(again.requests.size() == 1 && sameRequest(again.requests.first(), request));
    TB_FUZZ_CHECK(again.leftOver == 0);

    // What the server reads from it.
    (void)request.path();
    GraphRequestContext context;
    context.setRawQuery(request.rawQuery());
    TB_FUZZ_CHECK(context.queryItems.size() == context.rawQueryItems.size());
    const std::optional<HostHeader> host = request.host();
    if (host) {
        TB_FUZZ_CHECK(!host->name().isEmpty() && host->name() == host->name().toLower());
        TB_FUZZ_CHECK(host->port() >= -1 && host->port() <= 65535);
        const QByteArray written = host->name() + (host->port() >= 0 ? ':' + QByteArray::number(host->port()) : "");
        const std::optional<HostHeader> reread = HostHeader::parse(written);
        TB_FUZZ_CHECK(reread && reread->name() == host->name() && reread->port() == host->port());
        TB_FUZZ_CHECK(!host->isCanonicalLoopback() || host->isLoopback());
    }
    TB_FUZZ_CHECK(!request.isAddressedToLoopback() || (host && host->isCanonicalLoopback()));
    QString problem;
    const std::optional<FormBody> form = FormBody::parse(request, &problem);
    TB_FUZZ_CHECK(form.has_value() || !problem.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Parsed whole = parseAtOnce(bytes, kLimits);
    checkSame(whole, parseInPieces(bytes, kLimits));
    if (whole.last == HttpRequestParser::Step::Refused) {
        TB_FUZZ_CHECK(whole.refusal.status >= 400 && whole.refusal.status < 500);
        TB_FUZZ_CHECK(!whole.refusal.message.isEmpty());
    }
    for (const HttpRequest& request : whole.requests) {
        checkRequest(request);
    }
    // The server's own limits: the same requests, as none of them is near 32 KiB.
    const Parsed real = parseAtOnce(bytes, HttpRequestParser::Limits());
    TB_FUZZ_CHECK(real.requests.size() >= whole.requests.size());
    return 0;
}
