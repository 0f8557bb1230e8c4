#pragma once

#include "net/problem.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace cloudex::net {

/// The byte-level core of the API server's framing guard: pure functions over request
/// bytes, no sockets, so that unit tests and a fuzzer can drive it directly.
///
/// It sees a request's head the way Qt 6.4's HttpServer parser will read it (leading
/// whitespace skipped, the request line ends at LF, the headers at an empty line ended by
/// LF or CRLF) and refuses, before HttpServer reads a byte of it, what HttpServer would
/// misread or buffer without limit: bodies over the size limit (413), heads over the
/// header limit (431), chunked or other transfer codings (411), request lines that are not
/// HTTP/1.0 or HTTP/1.1 (505), and ambiguous framing (400: two different Content-Length
/// values, a length that is not a plain number, header names with white space, folded
/// header lines, control characters).
class HttpFraming
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 64 * 1024;
        int maxHeaderBytes = 16 * 1024; ///< request line and headers, without the blank line
        int maxHeaderCount = 100;
    };

    /// A complete head: how long it is and the length of the body that follows it.
    struct Head
    {
        qsizetype headBytes = 0; ///< up to and including the blank line
        qint64 bodyBytes = 0;
    };

    /// The verdict on the request at the start of some bytes: a head, a refusal, or neither
    /// yet (more bytes needed).
    struct Verdict
    {
        std::optional<Head> head;
        std::optional<ApiProblem> refusal;
        bool needMore() const { return !head && !refusal; }
    };

    explicit HttpFraming(const Limits &limits)
        : m_limits(limits)
    {}

    const Limits &limits() const { return m_limits; }

    /// Where the head of the request at the start of `bytes` ends (the index after its
    /// blank line) as Qt 6.4's parser finds it; -1 while incomplete.
    static qsizetype headEnd(QByteArrayView bytes);

    /// Inspects the request at the start of `bytes` (which may hold less or more than it).
    Verdict inspect(QByteArrayView bytes) const;

    /// Checks a complete head (request line and header lines, the blank line optional).
    Verdict checkHead(QByteArrayView head) const;

    /// What the server does with a whole byte stream on one connection: the requests it
    /// passes on, in order (their head and body sizes), and the refusal that ends the
    /// connection, if any. Bytes of an incomplete last request are left over.
    struct Scan
    {
        QList<Head> requests;
        std::optional<ApiProblem> refusal;
        qsizetype consumed = 0;
    };
    Scan scan(QByteArrayView stream) const;

private:
    Limits m_limits;
};

} // namespace cloudex::net
