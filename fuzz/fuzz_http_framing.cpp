// Fuzzes the byte-level core of the API server's framing guard (net::HttpFraming) with the
// bytes a client sends on one connection, under the server's limits and under tiny ones
// (so that the 413/431 paths are reached by short inputs). Invariants: every verdict stays
// within the bytes it was given and within the limits, and scanning a stream agrees with
// inspecting its requests one by one.
#include "fuzz.h"

#include "net/httpframing.h"

#include <cstdint>

using cloudex::net::HttpFraming;

namespace {
void check(const HttpFraming &framing, QByteArrayView bytes)
{
    const HttpFraming::Limits &limits = framing.limits();
    const qsizetype end = HttpFraming::headEnd(bytes);
    FUZZ_CHECK(end >= -1 && end <= bytes.size());
    if (end > 0)
        FUZZ_CHECK(bytes[end - 1] == '\n');

    const HttpFraming::Verdict verdict = framing.inspect(bytes);
    FUZZ_CHECK(!(verdict.head && verdict.refusal));
    if (verdict.head) {
        FUZZ_CHECK(verdict.head->headBytes > 0 && verdict.head->headBytes <= bytes.size());
        FUZZ_CHECK(verdict.head->bodyBytes >= 0 && verdict.head->bodyBytes <= limits.maxBodyBytes);
        // The head the guard found is the head Qt's parser finds.
        FUZZ_CHECK(verdict.head->headBytes == end);
    }
    if (verdict.refusal) {
        FUZZ_CHECK(verdict.refusal->status >= 400 && verdict.refusal->status < 600);
        FUZZ_CHECK(!verdict.refusal->code.isEmpty());
    }
    if (verdict.needMore())
        FUZZ_CHECK(bytes.size() <= limits.maxHeaderBytes + 4 || end < 0);

    const HttpFraming::Scan scan = framing.scan(bytes);
    FUZZ_CHECK(scan.consumed >= 0 && scan.consumed <= bytes.size());
    qsizetype at = 0;
    for (const HttpFraming::Head &head : scan.requests) {
        // Each request the scan passed on is what inspect() says about the bytes at its start.
        const HttpFraming::Verdict one = framing.inspect(bytes.sliced(at));
        FUZZ_CHECK(one.head && one.head->headBytes == head.headBytes &&
                   one.head->bodyBytes == head.bodyBytes);
        at += head.headBytes + head.bodyBytes;
        FUZZ_CHECK(at <= bytes.size());
    }
    FUZZ_CHECK(at == scan.consumed);
    if (scan.refusal)
        FUZZ_CHECK(framing.inspect(bytes.sliced(at)).refusal);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    static const HttpFraming server{HttpFraming::Limits{}};
    static const HttpFraming tiny{HttpFraming::Limits{16, 64, 4}};
    check(server, bytes);
    check(tiny, bytes);
    return 0;
}
