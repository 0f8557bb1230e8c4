#pragma once

#include "api/enums.h"
#include "api/marketsummary.h"
#include "api/orderack.h"
#include "api/orderchange.h"
#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "desk/exchangejob.h"
#include "desk/records.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QTimer;

namespace cloudex::net {
class StreamClient;
} // namespace cloudex::net

namespace cloudex::desk {

class ContractWallet;
class ExchangeClient;

/// The desk's view of one exchange: an ApiClient for requests and a StreamClient for the
/// live channels, with the subscribed state kept as plain C++ values for the models.
///
/// One symbol is selected at a time: its order book, trade tape and candles (at the chosen
/// resolution), the spot index and forward curve of its product. The participant's own
/// orders, fills and contracts follow all the time. Stream updates are applied as they
/// arrive but announced in batches (at most one signal of a kind per batch interval), so
/// views redraw once per batch, never per message. Nothing here blocks: every request is
/// an ExchangeJob with a typed answer (ExchangeClient).
class MarketSession final : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    /// Trades kept for the tape, newest last.
    static constexpr int kMaxTrades = 500;
    /// Levels per side the ladder asks for.
    static constexpr int kBookDepth = 10;

    explicit MarketSession(QObject *parent = nullptr);
    ~MarketSession() override;

    /// Connects to the exchange at `baseUrl` (https://host:port) with the identity in `tls`
    /// (local certificate and key, the exchange CA as trust anchor) and keeps reconnecting
    /// with backoff until close().
    void open(const QUrl &baseUrl, const QSslConfiguration &tls);
    void close();

    State state() const { return m_state; }
    bool isOpen() const { return m_client != nullptr; }
    QUrl url() const { return m_url; }
    /// The participant (certificate subject O) and user (CN) this session acts as.
    QString participant() const { return m_participant; }
    QString user() const { return m_user; }
    /// What the identity may do (trade, deploy, admin, operate), from its certificate: the
    /// desk disables what the exchange would refuse and says why (issue #16).
    QStringList permissions() const { return m_permissions; }
    bool hasPermission(const QString &permission) const { return m_permissions.contains(permission); }
    /// The permissions a certificate of the exchange CA carries (its CloudEx identity extension).
    static QStringList permissionsOf(const QSslCertificate &certificate);
    /// The typed request client, for callers with their own calls (nullptr before open()).
    ExchangeClient *client() const { return m_client; }
    /// Keeps a contract wallet in `directory` from the next open() on (docs/CONNECT-API.md,
    /// section 3): every contract of the participant that appears on contracts@ gets its
    /// certificate by itself. Empty (the default): no wallet.
    void setWalletDirectory(const QString &directory, const QString &passphrase = {});
    /// The wallet of the open session (nullptr without a wallet directory or before open()).
    ContractWallet *wallet() const { return m_wallet; }
    void setBatchIntervalMs(int ms);
    /// Seconds between forward-curve refreshes (the curve has no stream channel).
    void setCurveRefreshMs(int ms);

    /// Follows `symbol`'s book, tape and candles and its product's spot index and curve.
    void selectSymbol(const QString &symbol);
    QString symbol() const { return m_symbol; }
    QString product() const { return m_product; }
    void setResolution(api::Resolution resolution);
    api::Resolution resolution() const { return m_resolution; }

    const QList<InstrumentRecord> &instruments() const { return m_instruments; }
    const InstrumentRecord *instrument(const QString &symbol) const;
    const BookRecord &book() const { return m_book; }
    const QList<TradeRecord> &trades() const { return m_trades; }
    const QList<CandleRecord> &candles() const { return m_candles; }
    qint64 spot() const { return m_spot; }
    /// Products whose spot index is followed besides the selected one (a comparison in the
    /// spot chart); at most kMaxComparedProducts, the selected product is not repeated.
    void setComparedProducts(const QStringList &products);
    QStringList comparedProducts() const { return m_compared; }
    static constexpr int kMaxComparedProducts = 4;
    const QList<CurvePointRecord> &curve() const { return m_curve; }
    /// Spot, change and volume of every product with a market, by product symbol; polled
    /// (setSummaryRefreshMs()).
    const QHash<QString, api::ProductSummary> &summaries() const { return m_summaries; }
    void setSummaryRefreshMs(int ms);
    const QList<OrderRecord> &orders() const { return m_orders; }
    const QList<FillRecord> &fills() const { return m_fills; }
    const QList<ContractRecord> &contracts() const { return m_contracts; }

    /// Sends an order (as OrderRules::normalized() writes it); an order without a client
    /// order id gets a fresh one, which is also the Idempotency-Key, so a retried
    /// submission cannot trade twice. The caller owns the returned jobs (deleteLater() once
    /// finished; the session's client is their parent until then).
    ExchangeCall<api::OrderAck> *submit(api::OrderRequest order);
    /// What `order` (normalized as submit() sends it, without a client order id) would fill
    /// now; the caller owns the job, like submit()'s.
    ExchangeCall<api::OrderPreview> *preview(api::OrderRequest order);
    ExchangeCall<api::OrderAck> *cancel(qint64 orderId);
    ExchangeCall<api::OrderAck> *replace(qint64 orderId, std::optional<qint64> price,
                                         std::optional<qint64> quantity);
    /// What the order behind a bought contract asked of its counterparty, when it asked
    /// anything (orders sent through this session; the exchange does not keep them in the
    /// contract).
    std::optional<api::Requirements> requirementsFor(const QString &contractId) const;
    /// A unique client order id of at most 24 ASCII characters.
    static QString newClientOrderId();

    /// Applies one stream message as if it had arrived (for tests and replays).
    void applySnapshot(const QString &channel, const QJsonValue &data);
    void applyUpdate(const QString &channel, const QJsonValue &data);

Q_SIGNALS:
    void stateChanged(cloudex::desk::MarketSession::State state);
    void instrumentsChanged();
    void selectionChanged(const QString &symbol);
    void bookChanged();
    /// The tape was replaced (snapshot, new symbol) ...
    void tradesReset();
    /// ... or grew by these trades, oldest first.
    void tradesAppended(const QList<cloudex::desk::TradeRecord> &trades);
    void candlesReset();
    /// Candles that are new or changed in this batch, oldest first.
    void candlesUpdated(const QList<cloudex::desk::CandleRecord> &candles);
    void spotChanged(qint64 price);
    /// The spot index of a compared product (setComparedProducts()) changed.
    void comparedSpotChanged(const QString &product, qint64 price);
    void curveChanged();
    void summariesChanged();
    void ordersChanged();
    void fillsReset();
    void fillsAppended(const QList<cloudex::desk::FillRecord> &fills);
    void contractsChanged();
    /// A request or the stream failed; a sentence for the status line.
    void errorOccurred(const QString &message);

private:
    enum Dirty : unsigned {
        DirtyInstruments = 1u << 0,
        DirtyBook = 1u << 1,
        DirtyTradesReset = 1u << 2,
        DirtyCandlesReset = 1u << 3,
        DirtySpot = 1u << 4,
        DirtyOrders = 1u << 5,
        DirtyFillsReset = 1u << 6,
        DirtyContracts = 1u << 7,
        DirtyCurve = 1u << 8,
    };

    QStringList symbolChannels() const;
    /// The candles channel of the selected symbol at the chosen resolution.
    QString candlesChannel() const;
    /// A compared product's spot message: handled (true) or not one of them.
    bool applyComparedSpot(const QString &channel, const QJsonValue &data);
    QStringList privateChannels() const;
    void setState(State state);
    void markDirty(unsigned flags);
    void flush();
    void refreshInstruments();
    void refreshCurve();
    void refreshSummaries();
    void track(ExchangeJob *job);
    void clearSymbolState();

    QUrl m_url;
    ExchangeClient *m_client = nullptr;
    ContractWallet *m_wallet = nullptr;
    QString m_walletDirectory;
    QString m_walletPassphrase;
    net::StreamClient *m_stream = nullptr;
    QTimer *m_batch;
    QTimer *m_curveTimer;
    QTimer *m_summaryTimer;
    State m_state = State::Disconnected;
    bool m_everConnected = false;
    QString m_participant;
    QString m_user;
    QStringList m_permissions;

    QString m_symbol;
    QString m_product;
    api::Resolution m_resolution = api::Resolution::Minute1;

    QList<InstrumentRecord> m_instruments;
    BookRecord m_book;
    QList<TradeRecord> m_trades;
    QList<CandleRecord> m_candles;
    qint64 m_spot = 0;
    QStringList m_compared;
    QList<CurvePointRecord> m_curve;
    QHash<QString, api::ProductSummary> m_summaries;
    QList<OrderRecord> m_orders;
    QList<FillRecord> m_fills;
    QList<ContractRecord> m_contracts;
    QHash<qint64, api::Requirements> m_orderRequirements;

    unsigned m_dirty = 0;
    QList<TradeRecord> m_newTrades;
    QList<CandleRecord> m_changedCandles;
    QList<FillRecord> m_newFills;
};

} // namespace cloudex::desk
