// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HttpRequestParser, the framing HttpConnection applies to a connection's bytes, without a socket.
#include "core/sandbox/http/HttpRequestParser.h"

#include <catch2/catch.hpp>

using tbsandbox::HttpRequestParser;
using Step = tbsandbox::HttpRequestParser::Step;

namespace {

// A GET whose head (everything before the blank line) is exactly `size` bytes long.
QByteArray headOfSize(qsizetype size)
{
    const QByteArray start = QByteArrayLiteral("GET /v1.0/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ");
    return start + QByteArray(size - start.size(), 'a');
}

Step feed(HttpRequestParser& parser, const QList<QByteArray>& pieces)
{
    Step step = Step::NeedMore;
    for (const QByteArray& piece : pieces) {
        parser.append(piece);
        step = parser.next(0);
        if (step != Step::NeedMore) {
            break;
        }
    }
    return step;
}

} // namespace

// Found by SandboxHttpFuzz: a head at the limit was accepted when it arrived in one piece but refused with 431 when
// its blank line was split across two reads, so the verdict depended on how TCP cut the bytes.
TEST_CASE("A request head at the size limit is read the same however its bytes arrive", "[sandbox]")
{
    const qsizetype limit = HttpRequestParser::kDefaultMaxHeaderBytes;
    const QByteArray atLimit = headOfSize(limit);

    HttpRequestParser whole;
    CHECK(feed(whole, {atLimit + "\r\n\r\n"}) == Step::Request);

    // The head and three bytes of the blank line first: 3 bytes over the limit in the buffer, but the head is not.
    HttpRequestParser split;
    CHECK(feed(split, {atLimit + "\r\n\r", "\n"}) == Step::Request);
    CHECK(split.takeRequest().header("x-padding").size() == limit - atLimit.indexOf("X-Padding: ") - 11);

    HttpRequestParser byteByByte;
    QList<QByteArray> bytes;
    for (const char c : atLimit + "\r\n\r\n") {
        bytes.append(QByteArray(1, c));
    }
    CHECK(feed(byteByByte, bytes) == Step::Request);

    // One byte more is refused, in one piece or in two.
    const QByteArray overLimit = headOfSize(limit + 1);
    HttpRequestParser overWhole;
    CHECK(feed(overWhole, {overLimit + "\r\n\r\n"}) == Step::Refused);
    CHECK(overWhole.refusal().status == 431);
    HttpRequestParser overSplit;
    CHECK(feed(overSplit, {overLimit + "\r\n\r", "\n"}) == Step::Refused);
    CHECK(overSplit.refusal().status == 431);
    CHECK(overSplit.refusal().message == overWhole.refusal().message);
}
