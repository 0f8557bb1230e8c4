#include "exchange/marketdatacontroller.h"

#include "api/marketsummary.h"
#include "api/spothistory.h"
#include "catalogue/catalogue.h"
#include "exchange/exchangejson.h"
#include "exchange/routehelpers.h"
#include "market/exchange.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

using net::ApiProblem;
using net::ApiReply;
using net::ApiRequest;
using namespace routes;

constexpr int kDefaultBookDepth = 10;
constexpr int kMaxBookDepth = 100;
constexpr int kDefaultTradeLimit = 100;
constexpr int kMaxTradeLimit = 1000;
constexpr qint64 kDefaultSpotSpanSecs = 3600;
/// At most a week of minutes in one answer; longer spans take a coarser resolution.
constexpr qint64 kMaxSpotPoints = 7 * 24 * 60;

/// A 400 problem about one query parameter, named in `field` as for body fields.
ApiProblem badQuery(const QString &code, const QString &detail, const QString &field)
{
    ApiProblem problem = ApiProblem::badRequest(code, detail);
    problem.extensions.insert(QStringLiteral("field"), field);
    return problem;
}
} // namespace

void MarketDataController::addRoutes(net::ApiServer &api)
{
    const QString get = QStringLiteral("GET");
    api.route(get, QStringLiteral("/v1/instruments"), bind(this, &MarketDataController::getInstruments));
    // Prices are the commercial staff's: the tape, books, candles, spot, curve and summary
    // need `trade`; the list of instruments is for everyone.
    api.route(get, QStringLiteral("/v1/trades"), bind(this, &MarketDataController::getTrades), kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/book/{symbol}"), bind(this, &MarketDataController::getBook),
              kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/candles/{symbol}"), bind(this, &MarketDataController::getCandles),
              kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/spot/{product}"), bind(this, &MarketDataController::getSpot),
              kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/spot/{product}/history"),
              bind(this, &MarketDataController::getSpotHistory), kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/curve/{product}"), bind(this, &MarketDataController::getCurve),
              kPermissionTrade);
    api.route(get, QStringLiteral("/v1/market/summary"), bind(this, &MarketDataController::getSummary),
              kPermissionTrade);
}

void MarketDataController::getInstruments(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.query.queryItemValue(QStringLiteral("product"));
    const QString kind = request.query.queryItemValue(QStringLiteral("kind"));
    QJsonArray out;
    for (const market::InstrumentInfo &info : m_exchange.instruments()) {
        if (!product.isEmpty() && info.productSymbol != product)
            continue;
        if (!kind.isEmpty() && kind != QString(catalogue::periodKindLetter(info.kind)))
            continue;
        out.append(json::instrument(info));
    }
    reply.send(200, QJsonObject{{QStringLiteral("instruments"), out}});
}

void MarketDataController::getTrades(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.query.queryItemValue(QStringLiteral("symbol"));
    if (symbol.isEmpty()) {
        return reply.sendProblem(ApiProblem::badRequest(
            QStringLiteral("request.missing-field"), Tr::tr("The query parameter \"symbol\" is required.")));
    }
    const auto limit = queryInt(request, QStringLiteral("limit"), kDefaultTradeLimit);
    if (!limit || *limit < 1) {
        return reply.sendProblem(
            ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                   Tr::tr("The query parameter \"limit\" must be a positive integer.")));
    }
    reply.send(
        200,
        QJsonObject{{QStringLiteral("trades"),
                     json::array(m_exchange.recentTrades(symbol, int(qMin<qint64>(*limit, kMaxTradeLimit))),
                                 json::trade)}});
}

void MarketDataController::getBook(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.params.value(QStringLiteral("symbol"));
    if (!m_exchange.openSymbols().contains(symbol))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No open instrument %1.").arg(symbol)));
    const auto depth = queryInt(request, QStringLiteral("depth"), kDefaultBookDepth);
    if (!depth || *depth < 1) {
        return reply.sendProblem(
            ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                   Tr::tr("The query parameter \"depth\" must be a positive integer.")));
    }
    reply.send(200, json::book(symbol, m_exchange.depth(symbol, int(qMin<qint64>(*depth, kMaxBookDepth)))));
}

void MarketDataController::getCandles(const ApiRequest &request, ApiReply reply)
{
    const QString symbol = request.params.value(QStringLiteral("symbol"));
    const QString name = request.query.hasQueryItem(QStringLiteral("resolution"))
                             ? request.query.queryItemValue(QStringLiteral("resolution"))
                             : QStringLiteral("1m");
    const auto resolution = json::resolutionFrom(name);
    if (!resolution)
        return reply.sendProblem(wrongValue(QStringLiteral("resolution"), QStringLiteral("1m, 5m, 1h, 1d")));
    reply.send(200, QJsonObject{{QStringLiteral("symbol"), symbol},
                                {QStringLiteral("resolution"), name},
                                {QStringLiteral("candles"),
                                 json::array(m_exchange.candles(symbol, *resolution), json::candle)}});
}

void MarketDataController::getSpot(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.params.value(QStringLiteral("product"));
    if (!catalogue::Catalogue::standard().parseProduct(product))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No product %1.").arg(product)));
    reply.send(200, QJsonObject{{QStringLiteral("product"), product},
                                {QStringLiteral("price"), m_exchange.spotIndex(product)}});
}

void MarketDataController::getSpotHistory(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.params.value(QStringLiteral("product"));
    if (!catalogue::Catalogue::standard().parseProduct(product))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No product %1.").arg(product)));
    const QString name = request.query.hasQueryItem(QStringLiteral("resolution"))
                             ? request.query.queryItemValue(QStringLiteral("resolution"))
                             : QStringLiteral("1m");
    const auto resolution = json::resolutionFrom(name);
    if (!resolution)
        return reply.sendProblem(wrongValue(QStringLiteral("resolution"), QStringLiteral("1m, 5m, 1h, 1d")));
    const qint64 step = market::kResolutionSecs[std::size_t(*resolution)];
    const qint64 now = m_exchange.nowSecs();
    const auto to = queryInt(request, QStringLiteral("to"), now + 1);
    if (!to || *to < 0) {
        return reply.sendProblem(badQuery(QStringLiteral("request.wrong-type"),
                                          Tr::tr("The query parameter \"to\" must be Unix seconds."),
                                          QStringLiteral("to")));
    }
    const auto from = queryInt(request, QStringLiteral("from"), *to - kDefaultSpotSpanSecs);
    if (!from || *from < 0) {
        return reply.sendProblem(badQuery(QStringLiteral("request.wrong-type"),
                                          Tr::tr("The query parameter \"from\" must be Unix seconds."),
                                          QStringLiteral("from")));
    }
    if (*from >= *to) {
        return reply.sendProblem(badQuery(QStringLiteral("request.out-of-range"),
                                          Tr::tr("\"from\" must be before \"to\"."), QStringLiteral("from")));
    }
    if ((*to - *from) / step > kMaxSpotPoints) {
        return reply.sendProblem(
            badQuery(QStringLiteral("request.out-of-range"),
                     Tr::tr("At most %1 points per answer: choose a coarser resolution or a shorter range.")
                         .arg(kMaxSpotPoints),
                     QStringLiteral("resolution")));
    }
    api::SpotHistory history;
    history.product = product;
    history.resolution = name;
    history.from = *from;
    history.to = *to;
    for (const market::SpotSample &s : m_exchange.spotHistory(product, *from, *to, step))
        history.points.append({s.minute, s.price});
    reply.send(200, history.toJson());
}

void MarketDataController::getCurve(const ApiRequest &request, ApiReply reply)
{
    const QString product = request.params.value(QStringLiteral("product"));
    if (!catalogue::Catalogue::standard().parseProduct(product))
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No product %1.").arg(product)));
    reply.send(200, QJsonObject{{QStringLiteral("product"), product},
                                {QStringLiteral("points"),
                                 json::array(m_exchange.forwardCurve(product), json::curvePoint)}});
}

void MarketDataController::getSummary(const ApiRequest &, ApiReply reply)
{
    api::MarketSummary summary;
    summary.time = m_exchange.nowSecs();
    for (const market::ProductSummary &p : m_exchange.productSummaries())
        summary.products.append({p.productSymbol, p.spotTicks, p.spotBeforeTicks, p.volume});
    reply.send(200, summary.toJson());
}
} // namespace cloudex::exchange
