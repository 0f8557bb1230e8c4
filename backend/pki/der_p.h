#pragma once

// Internal: a minimal DER writer and reader. The certificate hot path assembles and reads
// its ASN.1 by hand because OpenSSL 3.0's generic object layer costs more than the
// signature itself (openssl/openssl#19344). Only what CloudEx certificates, requests and
// CRLs use is supported: low tag numbers and definite lengths.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace cloudex::pki::der {

namespace tag {
constexpr quint8 Boolean = 0x01;
constexpr quint8 Integer = 0x02;
constexpr quint8 BitString = 0x03;
constexpr quint8 OctetString = 0x04;
constexpr quint8 Null = 0x05;
constexpr quint8 Oid = 0x06;
constexpr quint8 Enumerated = 0x0a;
constexpr quint8 Utf8String = 0x0c;
constexpr quint8 PrintableString = 0x13;
constexpr quint8 Ia5String = 0x16;
constexpr quint8 UtcTime = 0x17;
constexpr quint8 GeneralizedTime = 0x18;
constexpr quint8 Sequence = 0x30;
constexpr quint8 Set = 0x31;
/// Context-specific tags: [n] constructed and [n] primitive.
constexpr quint8 contextConstructed(int n) { return quint8(0xa0 | n); }
constexpr quint8 contextPrimitive(int n) { return quint8(0x80 | n); }
} // namespace tag

void appendHeader(QByteArray &out, quint8 tag, qsizetype length);
void appendTlv(QByteArray &out, quint8 tag, QByteArrayView content);
QByteArray tlv(quint8 tag, QByteArrayView content);

/// INTEGER from an unsigned big-endian magnitude (leading zeros stripped, sign byte added).
QByteArray unsignedInteger(QByteArrayView bigEndian);
QByteArray integer(qint64 value);
QByteArray utf8String(const QString &text);
/// UTCTime before 2050, GeneralizedTime from then on (RFC 5280, 4.1.2.5).
QByteArray x509Time(qint64 secondsSinceEpoch);
QByteArray generalizedTime(qint64 secondsSinceEpoch);
/// BIT STRING with no unused bits.
QByteArray bitString(QByteArrayView bytes);

/// One element read from DER input; views point into the reader's input.
struct Element
{
    quint8 tag = 0;
    QByteArrayView content;
    QByteArrayView encoded; ///< tag, length and content
};

/// Reads consecutive TLVs from a buffer. Every read checks lengths against the input, so
/// hostile input fails cleanly instead of reading out of bounds.
class Reader
{
public:
    explicit Reader(QByteArrayView input) : m_input(input) {}

    bool atEnd() const { return m_position >= m_input.size(); }
    /// Reads the next element; false on malformed or truncated input.
    bool next(Element &element);
    /// Reads the next element and checks its tag.
    bool expect(quint8 tag, Element &element);
    /// Peeks at the next tag; 0 at the end.
    quint8 peekTag() const { return atEnd() ? 0 : quint8(m_input[m_position]); }

private:
    QByteArrayView m_input;
    qsizetype m_position = 0;
};

/// Reads a whole-seconds UTCTime or GeneralizedTime ("...Z"); false if malformed.
bool readTime(const Element &element, qint64 &secondsSinceEpoch);
/// Reads a non-negative INTEGER that fits in 63 bits.
bool readInteger(const Element &element, qint64 &value);
/// Decodes UTF8String, PrintableString or IA5String content.
bool readString(const Element &element, QString &text);

} // namespace cloudex::pki::der
