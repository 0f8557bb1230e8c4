#include "net/httpframing.h"

#include <QCoreApplication>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

bool isLeadingSpace(char c)
{
    // What Qt 6.4's parser skips before a request line.
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

/// A line without its LF and the CR before it.
QByteArrayView chopLine(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

HttpFraming::Verdict refusal(int status, const QString &code, const QString &detail)
{
    HttpFraming::Verdict v;
    v.refusal = ApiProblem{status, code, {}, detail, {}};
    return v;
}

HttpFraming::Verdict malformed(const QString &detail)
{
    return refusal(400, QStringLiteral("request.malformed"), detail);
}
} // namespace

qsizetype HttpFraming::headEnd(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n && isLeadingSpace(bytes[i]))
        ++i;
    if (i == n)
        return -1;
    const qsizetype lineEnd = bytes.indexOf('\n', i);
    if (lineEnd < 0)
        return -1;
    // Qt ends the headers at the first LF that closes an empty line: the header block is
    // "\n" or "\r\n" alone, or it ends in "\n\n" or "\n\r\n".
    const qsizetype h = lineEnd + 1;
    for (qsizetype q = bytes.indexOf('\n', h); q >= 0; q = bytes.indexOf('\n', q + 1)) {
        const qsizetype len = q - h; // characters before this LF in the block
        if (len == 0 || (len == 1 && bytes[h] == '\r'))
            return q + 1;
        if (bytes[q - 1] == '\n' || (len >= 2 && bytes[q - 1] == '\r' && bytes[q - 2] == '\n'))
            return q + 1;
    }
    return -1;
}

HttpFraming::Verdict HttpFraming::inspect(QByteArrayView bytes) const
{
    // Look no further than a head may reach (with its blank line and leading space).
    const qsizetype end =
        headEnd(bytes.first(std::min<qsizetype>(bytes.size(), m_limits.maxHeaderBytes + 4)));
    if (end < 0) {
        if (bytes.size() > m_limits.maxHeaderBytes)
            return refusal(431, QStringLiteral("request.header-too-large"),
                           Tr::tr("The request headers exceed %1 bytes.").arg(m_limits.maxHeaderBytes));
        return {};
    }
    Verdict v = checkHead(bytes.first(end));
    if (v.head)
        v.head->headBytes = end;
    return v;
}

HttpFraming::Verdict HttpFraming::checkHead(QByteArrayView head) const
{
    qsizetype i = 0;
    while (i < head.size() && isLeadingSpace(head[i]))
        ++i;
    head = head.sliced(i);
    if (head.size() > m_limits.maxHeaderBytes + 4)
        return refusal(431, QStringLiteral("request.header-too-large"),
                       Tr::tr("The request headers exceed %1 bytes.").arg(m_limits.maxHeaderBytes));
    if (head.contains('\0'))
        return malformed(Tr::tr("The request head contains a NUL byte."));

    // Request line: method SP target SP version, nothing else.
    qsizetype lineEnd = head.indexOf('\n');
    const QByteArrayView requestLine = chopLine(head.first(lineEnd < 0 ? head.size() : lineEnd + 1));
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> out;
        qsizetype from = 0;
        for (qsizetype space = requestLine.indexOf(' '); space >= 0; space = requestLine.indexOf(' ', from)) {
            out.append(requestLine.sliced(from, space - from));
            from = space + 1;
        }
        out.append(requestLine.sliced(from));
        return out;
    }();
    if (parts.size() != 3 || !isToken(parts.at(0)) || !parts.at(1).startsWith('/'))
        return malformed(Tr::tr("The request line is not \"METHOD /path HTTP/1.1\"."));
    for (const char c : parts.at(1)) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return malformed(Tr::tr("The request target contains a control character or a space."));
    }
    const QByteArrayView version = parts.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.startsWith("HTTP/"))
            return refusal(
                505, QStringLiteral("request.http-version"),
                Tr::tr("Only versions 1.0 and 1.1 of HTTP are served here, not %1.")
                    .arg(QString::fromLatin1(version.first(std::min<qsizetype>(version.size(), 16)))));
        return malformed(Tr::tr("The request line is not \"METHOD /path HTTP/1.1\"."));
    }

    // Header lines.
    std::optional<QByteArrayView> contentLength;
    int count = 0;
    while (lineEnd >= 0 && lineEnd + 1 < head.size()) {
        const qsizetype start = lineEnd + 1;
        lineEnd = head.indexOf('\n', start);
        const QByteArrayView line =
            chopLine(head.sliced(start, (lineEnd < 0 ? head.size() : lineEnd + 1) - start));
        if (line.isEmpty())
            break; // the blank line
        if (line.front() == ' ' || line.front() == '\t')
            return malformed(Tr::tr("Folded header lines are not accepted."));
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || !isToken(line.first(colon)))
            return malformed(Tr::tr("A header line is not \"Name: value\"."));
        if (++count > m_limits.maxHeaderCount)
            return refusal(431, QStringLiteral("request.header-too-large"),
                           Tr::tr("A request has at most %1 header lines.").arg(m_limits.maxHeaderCount));
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        for (const char c : value) {
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return malformed(Tr::tr("A header value contains a control character."));
        }
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (contentLength && *contentLength != value)
                return refusal(400, QStringLiteral("request.bad-content-length"),
                               Tr::tr("The request has two different Content-Length headers."));
            contentLength = value;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            return refusal(
                411, QStringLiteral("request.length-required"),
                Tr::tr("Chunked or encoded request bodies are not accepted; send a Content-Length."));
        }
    }

    qint64 length = 0;
    if (contentLength) {
        const QByteArrayView value = *contentLength;
        const bool digits =
            !value.isEmpty() && value.size() <= 18 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            return refusal(400, QStringLiteral("request.bad-content-length"),
                           Tr::tr("The Content-Length header is not a number."));
        length = value.toLongLong();
    }
    if (length > m_limits.maxBodyBytes) {
        Verdict v;
        v.refusal = ApiProblem::payloadTooLarge(m_limits.maxBodyBytes);
        return v;
    }
    Verdict v;
    v.head = Head{head.size() + i, length};
    return v;
}

HttpFraming::Scan HttpFraming::scan(QByteArrayView stream) const
{
    Scan out;
    while (out.consumed < stream.size()) {
        const QByteArrayView rest = stream.sliced(out.consumed);
        const Verdict v = inspect(rest);
        if (v.refusal) {
            out.refusal = v.refusal;
            return out;
        }
        if (!v.head || rest.size() - v.head->headBytes < v.head->bodyBytes)
            return out; // incomplete
        out.requests.append(*v.head);
        out.consumed += v.head->headBytes + v.head->bodyBytes;
        // What Qt skips between requests is not a request; stop at trailing space.
        qsizetype next = out.consumed;
        while (next < stream.size() && isLeadingSpace(stream[next]))
            ++next;
        if (next == stream.size())
            return out;
    }
    return out;
}

} // namespace cloudex::net
