#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cloudex::market {

/// Little-endian binary writer for journal records, snapshots and the state digest.
class Writer
{
public:
    void u8(std::uint8_t v) { m_out.push_back(char(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void bytes(std::string_view v)
    {
        u32(std::uint32_t(v.size()));
        m_out.append(v);
    }
    const std::string &data() const { return m_out; }
    std::string take() { return std::move(m_out); }
    void clear() { m_out.clear(); }

private:
    // The project builds for little-endian x86-64 and arm64; the format is defined as LE.
    void raw(const void *p, std::size_t n) { m_out.append(static_cast<const char *>(p), n); }
    std::string m_out;
};

/// Reads what Writer wrote. A short or malformed input sets failed() instead of throwing.
class Reader
{
public:
    explicit Reader(std::string_view in)
        : m_in(in)
    {}
    std::uint8_t u8() { return read<std::uint8_t>(); }
    std::uint32_t u32() { return read<std::uint32_t>(); }
    std::uint64_t u64() { return read<std::uint64_t>(); }
    std::int64_t i64() { return read<std::int64_t>(); }
    bool boolean() { return u8() != 0; }
    std::string bytes()
    {
        const std::uint32_t n = u32();
        if (m_failed || n > m_in.size() - m_pos) {
            m_failed = true;
            return {};
        }
        std::string s(m_in.substr(m_pos, n));
        m_pos += n;
        return s;
    }
    /// A count of items that follow, each at least `minItemBytes` long. Fails (and returns
    /// 0) when the rest of the input cannot hold that many, so that a damaged count never
    /// drives an allocation larger than the input itself justifies.
    std::uint32_t count(std::size_t minItemBytes) { return bounded(u32(), minItemBytes); }
    std::uint64_t count64(std::size_t minItemBytes) { return bounded(u64(), minItemBytes); }
    /// Marks the input malformed: for a value the Writer side never writes.
    void invalidate() { m_failed = true; }
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_pos == m_in.size(); }

private:
    template<typename T> T bounded(T n, std::size_t minItemBytes)
    {
        if (m_failed || n > (m_in.size() - m_pos) / (minItemBytes ? minItemBytes : 1)) {
            m_failed = true;
            return 0;
        }
        return n;
    }
    template<typename T> T read()
    {
        T v{};
        if (m_failed || sizeof(T) > m_in.size() - m_pos) {
            m_failed = true;
            return v;
        }
        std::memcpy(&v, m_in.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }
    std::string_view m_in;
    std::size_t m_pos = 0;
    bool m_failed = false;
};

/// The state digest: FNV-1a's offset and prime, applied to 8-byte words instead of bytes
/// (eight times fewer multiplications on snapshots of 100 MB), then the tail bytes and a
/// final avalanche. Not cryptographic; it proves that two rebuilds are equal.
inline std::uint64_t digest64(std::string_view data)
{
    constexpr std::uint64_t kPrime = 0x100000001b3ull;
    std::uint64_t h = 0xcbf29ce484222325ull ^ data.size();
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= data.size(); i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, data.data() + i, sizeof word);
        h = (h ^ word) * kPrime;
        h ^= h >> 29; // without this, high bits of a word would never reach the low bits
    }
    for (; i < data.size(); ++i)
        h = (h ^ static_cast<unsigned char>(data[i])) * kPrime;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

} // namespace cloudex::market
