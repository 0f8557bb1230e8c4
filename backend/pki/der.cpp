#include "pki/der_p.h"

namespace cloudex::pki::der {
namespace {

constexpr qint64 kSecondsPerDay = 86'400;
// UTCTime covers 1950..2049; later times must be GeneralizedTime (RFC 5280, 4.1.2.5).
constexpr int kLastUtcTimeYear = 2049;

struct Civil
{
    qint64 year;
    int month;
    int day;
};

// Howard Hinnant's days-from-civil algorithms: exact for the proleptic Gregorian calendar,
// and much cheaper than going through QDateTime on the issuing hot path.
Civil civilFromDays(qint64 z)
{
    z += 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 doe = z - era * 146'097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yoe = year - era * 400;
    const qint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146'097 + doe - 719'468;
}

void appendDigits(char *&out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    out += width;
}

QByteArray formatTime(qint64 seconds, bool generalized)
{
    qint64 days = seconds / kSecondsPerDay;
    qint64 rest = seconds % kSecondsPerDay;
    if (rest < 0) {
        rest += kSecondsPerDay;
        --days;
    }
    const Civil civil = civilFromDays(days);
    char buffer[16];
    char *p = buffer;
    appendDigits(p, generalized ? civil.year : civil.year % 100, generalized ? 4 : 2);
    appendDigits(p, civil.month, 2);
    appendDigits(p, civil.day, 2);
    appendDigits(p, rest / 3600, 2);
    appendDigits(p, rest / 60 % 60, 2);
    appendDigits(p, rest % 60, 2);
    *p++ = 'Z';
    return tlv(generalized ? tag::GeneralizedTime : tag::UtcTime,
               QByteArrayView(buffer, p - buffer));
}

bool parseDigits(QByteArrayView text, qsizetype at, int width, int &value)
{
    value = 0;
    for (int i = 0; i < width; ++i) {
        const char c = text[at + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

} // namespace

void appendHeader(QByteArray &out, quint8 tag, qsizetype length)
{
    out.append(char(tag));
    if (length < 0x80) {
        out.append(char(length));
        return;
    }
    int bytes = 0;
    for (qsizetype l = length; l > 0; l >>= 8)
        ++bytes;
    out.append(char(0x80 | bytes));
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((length >> (8 * i)) & 0xff));
}

void appendTlv(QByteArray &out, quint8 tag, QByteArrayView content)
{
    appendHeader(out, tag, content.size());
    out.append(content);
}

QByteArray tlv(quint8 tag, QByteArrayView content)
{
    QByteArray out;
    out.reserve(content.size() + 6);
    appendTlv(out, tag, content);
    return out;
}

QByteArray unsignedInteger(QByteArrayView bigEndian)
{
    qsizetype start = 0;
    while (start + 1 < bigEndian.size() && bigEndian[start] == 0)
        ++start;
    QByteArray body;
    if (bigEndian.isEmpty() || (quint8(bigEndian[start]) & 0x80))
        body.append('\0');
    body.append(bigEndian.sliced(start));
    return tlv(tag::Integer, body);
}

QByteArray integer(qint64 value)
{
    // Two's complement, minimal length.
    char bytes[8];
    for (int i = 0; i < 8; ++i)
        bytes[7 - i] = char((quint64(value) >> (8 * i)) & 0xff);
    int start = 0;
    while (start < 7
           && ((bytes[start] == 0 && !(quint8(bytes[start + 1]) & 0x80))
               || (quint8(bytes[start]) == 0xff && (quint8(bytes[start + 1]) & 0x80))))
        ++start;
    return tlv(tag::Integer, QByteArrayView(bytes + start, 8 - start));
}

QByteArray utf8String(const QString &text)
{
    return tlv(tag::Utf8String, text.toUtf8());
}

QByteArray x509Time(qint64 secondsSinceEpoch)
{
    const qint64 year = civilFromDays(secondsSinceEpoch / kSecondsPerDay).year;
    return formatTime(secondsSinceEpoch, year > kLastUtcTimeYear || year < 1950);
}

QByteArray generalizedTime(qint64 secondsSinceEpoch)
{
    return formatTime(secondsSinceEpoch, true);
}

QByteArray bitString(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 6);
    appendHeader(out, tag::BitString, bytes.size() + 1);
    out.append('\0');
    out.append(bytes);
    return out;
}

bool Reader::next(Element &element)
{
    const qsizetype size = m_input.size();
    qsizetype p = m_position;
    if (p + 2 > size)
        return false;
    const quint8 tagByte = quint8(m_input[p++]);
    if ((tagByte & 0x1f) == 0x1f) // high tag numbers: never used by CloudEx structures
        return false;
    qsizetype length = quint8(m_input[p++]);
    if (length & 0x80) {
        const int bytes = int(length & 0x7f);
        // DER: no indefinite length, length bytes minimal, lengths below 128 in short form.
        if (bytes == 0 || bytes > 4 || p + bytes > size || m_input[p] == 0)
            return false;
        length = 0;
        for (int i = 0; i < bytes; ++i)
            length = (length << 8) | quint8(m_input[p++]);
        if (length < 0x80)
            return false;
    }
    if (length > size - p)
        return false;
    element.tag = tagByte;
    element.content = m_input.sliced(p, length);
    element.encoded = m_input.sliced(m_position, p + length - m_position);
    m_position = p + length;
    return true;
}

bool Reader::expect(quint8 tag, Element &element)
{
    return peekTag() == tag && next(element);
}

bool readTime(const Element &element, qint64 &secondsSinceEpoch)
{
    const QByteArrayView text = element.content;
    const bool generalized = element.tag == tag::GeneralizedTime;
    if (!generalized && element.tag != tag::UtcTime)
        return false;
    const int yearDigits = generalized ? 4 : 2;
    if (text.size() != yearDigits + 11 || text.back() != 'Z')
        return false;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!parseDigits(text, 0, yearDigits, year) || !parseDigits(text, yearDigits, 2, month)
        || !parseDigits(text, yearDigits + 2, 2, day) || !parseDigits(text, yearDigits + 4, 2, hour)
        || !parseDigits(text, yearDigits + 6, 2, minute)
        || !parseDigits(text, yearDigits + 8, 2, second))
        return false;
    if (!generalized)
        year += year < 50 ? 2000 : 1900;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return false;
    secondsSinceEpoch = daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600
                        + minute * 60 + second;
    return true;
}

bool readInteger(const Element &element, qint64 &value)
{
    const QByteArrayView c = element.content;
    if (element.tag != tag::Integer || c.isEmpty() || c.size() > 8 || (quint8(c[0]) & 0x80))
        return false;
    value = 0;
    for (const char byte : c)
        value = (value << 8) | quint8(byte);
    return true;
}

bool readString(const Element &element, QString &text)
{
    switch (element.tag) {
    case tag::Utf8String:
        text = QString::fromUtf8(element.content);
        return true;
    case tag::PrintableString:
    case tag::Ia5String:
        text = QString::fromLatin1(element.content);
        return true;
    default:
        return false;
    }
}

} // namespace cloudex::pki::der
