#pragma once

#include <QLatin1StringView>
#include <QtGlobal>
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

/// The enumerations of the exchange API (docs/API.md) and their wire spelling, defined once
/// for the server and every client.
namespace cloudex::api {

/// Order side; also a trade's aggressor and a fill's own side.
enum class Side { Buy, Sell };
enum class OrderType { Limit, Market };
enum class TimeInForce { GoodTillCancel, GoodTillDate, ImmediateOrCancel, FillOrKill };
enum class ContractState { Scheduled, Active, Expired, Terminated };
/// Candle interval.
enum class Resolution { Minute1, Minute5, Hour1, Day1 };
/// What a participant may do on the exchange.
enum class Role { Buyer, Seller, Both };
/// What happened to an order (the `orders@<participant>` channel).
enum class OrderEventKind { Accepted, Filled, Cancelled, Replaced };
/// The kind of identity certificate `POST /v1/identities` issues.
enum class IdentityKind { Participant, User, Site };
/// How a contract was settled: on the site's final usage report, or at the deadline on
/// whatever was reported.
enum class SettlementState { Final, Estimated };

/// The length of a candle of `resolution`, in seconds.
constexpr qint64 durationSecs(Resolution resolution)
{
    constexpr qint64 kMinute = 60;
    switch (resolution) {
    case Resolution::Minute1:
        break;
    case Resolution::Minute5:
        return 5 * kMinute;
    case Resolution::Hour1:
        return 60 * kMinute;
    case Resolution::Day1:
        return 24 * 60 * kMinute;
    }
    return kMinute;
}

/// The wire names of an enumeration, indexed by its values (each enumeration above counts
/// from zero without gaps).
template<typename E>
struct WireNames;

template<>
struct WireNames<Side>
{
    static constexpr std::array names{QLatin1StringView("buy"), QLatin1StringView("sell")};
};
template<>
struct WireNames<OrderType>
{
    static constexpr std::array names{QLatin1StringView("limit"), QLatin1StringView("market")};
};
template<>
struct WireNames<TimeInForce>
{
    static constexpr std::array names{QLatin1StringView("gtc"), QLatin1StringView("gtd"),
                                      QLatin1StringView("ioc"), QLatin1StringView("fok")};
};
template<>
struct WireNames<ContractState>
{
    static constexpr std::array names{QLatin1StringView("scheduled"), QLatin1StringView("active"),
                                      QLatin1StringView("expired"), QLatin1StringView("terminated")};
};
template<>
struct WireNames<Resolution>
{
    static constexpr std::array names{QLatin1StringView("1m"), QLatin1StringView("5m"),
                                      QLatin1StringView("1h"), QLatin1StringView("1d")};
};
template<>
struct WireNames<Role>
{
    static constexpr std::array names{QLatin1StringView("buyer"), QLatin1StringView("seller"),
                                      QLatin1StringView("both")};
};
template<>
struct WireNames<OrderEventKind>
{
    static constexpr std::array names{QLatin1StringView("accepted"), QLatin1StringView("filled"),
                                      QLatin1StringView("cancelled"), QLatin1StringView("replaced")};
};
template<>
struct WireNames<IdentityKind>
{
    static constexpr std::array names{QLatin1StringView("participant"), QLatin1StringView("user"),
                                      QLatin1StringView("site")};
};

template<>
struct WireNames<SettlementState>
{
    static constexpr std::array names{QLatin1StringView("final"), QLatin1StringView("estimated")};
};

/// An enumeration with wire names.
template<typename E>
concept WireEnum = std::is_enum_v<E> && requires { WireNames<E>::names; };

/// The wire name of `value` ("buy", "gtc", "1m", …), without allocating.
template<WireEnum E>
constexpr QLatin1StringView wireName(E value)
{
    return WireNames<E>::names[std::size_t(value)];
}

template<WireEnum E>
QString toWire(E value)
{
    return QString(wireName(value));
}

/// The value whose wire name is `name`, or nothing for a name outside the set (names are
/// case-sensitive, as on the wire).
template<WireEnum E>
std::optional<E> fromWire(QStringView name)
{
    const auto &names = WireNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return E(i);
    }
    return std::nullopt;
}

/// Every value of `E` in order, for menus and tests.
template<WireEnum E>
constexpr auto allValues()
{
    std::array<E, WireNames<E>::names.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = E(i);
    return out;
}

/// The wire names of `E` separated by ", ", for error messages.
template<WireEnum E>
QString wireNameList()
{
    QString out;
    for (const QLatin1StringView name : WireNames<E>::names) {
        if (!out.isEmpty())
            out += QLatin1StringView(", ");
        out += name;
    }
    return out;
}

} // namespace cloudex::api
