#include "marketworkspace.h"

#include "candlechart.h"
#include "catalogue/catalogue.h"
#include "contractmodel.h"
#include "core/clock.h"
#include "depthdelegate.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "fillmodel.h"
#include "forwardcurvechart.h"
#include "instrumentmodel.h"
#include "orderbookmodel.h"
#include "ordermodel.h"
#include "orderticket.h"
#include "productmodel.h"
#include "prompts.h"
#include "spotchart.h"
#include "tradetapemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace cloudex::ui {

using namespace cloudex::catalogue;

using namespace Qt::StringLiterals;

namespace {
constexpr int kMsPerSecond = 1000;
constexpr int kBrowserWidth = 340;
constexpr int kBookWidth = 255;
constexpr int kCompactRowHeight = 20;

QComboBox *makeFilterCombo(const QString &objectName, QWidget *parent)
{
    auto combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(MarketWorkspace::tr("Any"), QString());
    return combo;
}

QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent,
                      const QString &accessibleName)
{
    auto table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(kCompactRowHeight);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

api::Resolution currentResolution(const QComboBox *combo)
{
    return api::Resolution(combo->currentData().toInt());
}
} // namespace

MarketWorkspace::MarketWorkspace(const Catalogue &catalogue, const Clock &clock, desk::MarketSession *session,
                                 QWidget *parent)
    : WorkspacePage(tr("Market"), tr("Standard capacity products, traded per instance-hour in EUR."), parent)
    , m_catalogue(catalogue)
    , m_clock(clock)
    , m_session(session)
    , m_model(new models::ProductModel(catalogue, this))
    , m_instrumentModel(new models::InstrumentModel(this))
    , m_bookModel(new models::OrderBookModel(this))
    , m_tapeModel(new models::TradeTapeModel(this))
    , m_orderModel(new models::OrderModel(this))
    , m_fillModel(new models::FillModel(this))
    , m_contractModel(new models::ContractModel(this))
{
    setObjectName(QStringLiteral("marketWorkspace"));

    m_region = makeFilterCombo(QStringLiteral("regionFilter"), this);
    for (const Region &r : catalogue.regions())
        m_region->addItem(QStringLiteral("%1 — %2").arg(r.code, r.name()), r.code);
    m_class = makeFilterCombo(QStringLiteral("classFilter"), this);
    for (const InstanceClass &c : catalogue.instanceClasses())
        m_class->addItem(QStringLiteral("%1 (%2)").arg(c.code, c.sizeText()), c.code);
    m_tenancy = makeFilterCombo(QStringLiteral("tenancyFilter"), this);
    for (Tenancy t : allTenancies())
        m_tenancy->addItem(tenancyName(t), tenancyCode(t));
    m_sla = makeFilterCombo(QStringLiteral("slaFilter"), this);
    for (SlaClass s : allSlaClasses())
        m_sla->addItem(slaClassCode(s), slaClassCode(s));
    // Class names are long; the list shows them in full when it opens.
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_class->setMinimumContentsLength(12);
    m_period = makeFilterCombo(QStringLiteral("periodFilter"), this);
    for (const char *kind : {"H", "D", "W", "M", "Q"}) {
        const QString code = QString::fromLatin1(kind);
        m_period->addItem(models::InstrumentModel::periodName(code), code);
    }
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("productCount"));

    auto filters = new QHBoxLayout;
    const std::pair<QString, QComboBox *> labelled[] = {{tr("&Region:"), m_region},
                                                        {tr("C&lass:"), m_class},
                                                        {tr("&Tenancy:"), m_tenancy},
                                                        {tr("S&LA:"), m_sla}};
    for (const auto &[text, combo] : labelled) {
        auto label = new QLabel(text, this);
        label->setBuddy(combo);
        filters->addWidget(label);
        filters->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &MarketWorkspace::applyFilter);
    }
    auto periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    filters->addWidget(periodLabel);
    filters->addWidget(m_period);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        m_instrumentModel->setKindFilter(m_period->currentData().toString());
        // Keep the instrument if it is still listed, else follow the first one listed.
        const int row = m_instrumentModel->rowOf(m_session ? m_session->symbol() : QString());
        if (row >= 0)
            m_instruments->selectRow(row);
        else if (m_instrumentModel->rowCount() > 0)
            m_instruments->selectRow(0);
    });
    filters->addStretch();
    filters->addWidget(m_count);
    contentLayout()->addLayout(filters);

    auto splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("marketSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createBrowser());
    splitter->addWidget(createChartPanel());
    splitter->addWidget(createBookPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    contentLayout()->addWidget(splitter, 1);

    if (m_session) {
        m_spotChart->setSession(m_session);
        using desk::MarketSession;
        connect(m_session, &MarketSession::stateChanged, this, &MarketWorkspace::onStateChanged);
        connect(m_session, &MarketSession::instrumentsChanged, this, &MarketWorkspace::onInstrumentsChanged);
        connect(m_session, &MarketSession::bookChanged, this, [this] {
            m_bookModel->setBook(m_session->book());
            // Keep the spread in the middle of the ladder.
            const int row =
                m_bookModel->bestBidRow() >= 0 ? m_bookModel->bestBidRow() : m_bookModel->rowCount() - 1;
            if (row >= 0)
                m_book->scrollTo(m_bookModel->index(row, models::OrderBookModel::Price),
                                 QAbstractItemView::PositionAtCenter);
        });
        connect(m_session, &MarketSession::tradesReset, this, [this] {
            m_tapeModel->setTrades(m_session->trades());
            m_chart->setLastPrice(m_session->trades().isEmpty() ? 0 : m_session->trades().constLast().price);
        });
        connect(m_session, &MarketSession::tradesAppended, this,
                [this](const QList<desk::TradeRecord> &trades) {
                    m_tapeModel->appendTrades(trades);
                    m_chart->setLastPrice(trades.constLast().price);
                });
        connect(m_session, &MarketSession::candlesReset, this, [this] {
            m_chart->setCandles(m_session->candles(), api::durationSecs(m_session->resolution()));
        });
        connect(m_session, &MarketSession::candlesUpdated, m_chart, &CandleChart::updateCandles);
        connect(m_session, &MarketSession::spotChanged, this, &MarketWorkspace::updateSelectionHeader);
        connect(m_session, &MarketSession::summariesChanged, this,
                [this] { m_model->setSummaries(m_session->summaries()); });
        connect(m_session, &MarketSession::curveChanged, this, [this] {
            m_instrumentModel->setQuotes(m_session->curve());
            m_curve->setCurve(m_session->product(), m_session->curve());
        });
        connect(m_session, &MarketSession::ordersChanged, this, [this] {
            m_orderModel->setOrders(m_session->orders());
            m_tabs->setTabText(m_tabs->indexOf(m_ordersTab),
                               tr("My orders (%1)").arg(m_orderModel->rowCount()));
        });
        connect(m_session, &MarketSession::fillsReset, this,
                [this] { m_fillModel->setFills(m_session->fills()); });
        connect(m_session, &MarketSession::fillsAppended, m_fillModel, &models::FillModel::appendFills);
        connect(m_session, &MarketSession::contractsChanged, this, [this] {
            m_contractModel->setParticipant(m_session->participant());
            m_contractModel->setContracts(m_session->contracts());
            m_tabs->setTabText(m_tabs->indexOf(m_contracts),
                               tr("My contracts (%1)").arg(m_contractModel->rowCount()));
        });
        connect(m_session, &MarketSession::errorOccurred, this,
                [this](const QString &message) { m_ordersStatus->setText(message); });
        onInstrumentsChanged();
    }
    onStateChanged();
    applyFilter();
}

QString MarketWorkspace::defaultProduct(const Catalogue &catalogue)
{
    const models::ProductModel model(catalogue);
    return model.rowCount() > 0 ? model.productAt(0).symbol() : QString();
}

QWidget *MarketWorkspace::createBrowser()
{
    auto browser = new QWidget(this);
    browser->setObjectName(QStringLiteral("instrumentBrowser"));
    browser->setMinimumWidth(kBrowserWidth);
    m_table = makeTable(QStringLiteral("productTable"), m_model, browser, tr("Products"));
    // The browser is narrow: each product in words on two lines, then its market.
    for (int c = models::ProductModel::RegionColumn; c < models::ProductModel::ColumnCount; ++c)
        m_table->hideColumn(c);
    m_table->verticalHeader()->setDefaultSectionSize(2 * m_table->fontMetrics().lineSpacing() + 6);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(models::ProductModel::ProductColumn,
                                                      QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::ProductModel::ProductColumn, Qt::AscendingOrder);
    m_table->setAccessibleDescription(
        tr("Products with their spot index, its change over 24 hours and the instance-hours traded; "
           "click a column header to sort"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showProduct(current.isValid() ? current.row() : -1); });

    m_detailTitle = new QLabel(browser);
    m_detailTitle->setObjectName(QStringLiteral("productTitle"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTerms = new QLabel(browser);
    m_detailTerms->setObjectName(QStringLiteral("productTerms"));
    m_detailTerms->setWordWrap(true);
    m_detailTerms->setTextFormat(Qt::PlainText);

    m_instruments = makeTable(QStringLiteral("instrumentTable"), m_instrumentModel, browser,
                              tr("Delivery periods open for trading"));
    m_instruments->hideColumn(models::InstrumentModel::Symbol);
    m_instruments->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_instruments->horizontalHeader()->setStretchLastSection(false);
    // Prices are never cut; the start takes what is left (its tooltip has the symbol).
    m_instruments->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_instruments->horizontalHeader()->setSectionResizeMode(models::InstrumentModel::Starts,
                                                            QHeaderView::Stretch);
    connect(m_instruments->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showInstrument(current.data(models::InstrumentModel::SymbolRole).toString());
            });

    auto layout = new QVBoxLayout(browser);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_detailTitle);
    layout->addWidget(m_detailTerms);
    m_quotedOnly = new QCheckBox(tr("&Only with prices"), browser);
    m_quotedOnly->setObjectName(QStringLiteral("quotedOnlyCheck"));
    m_quotedOnly->setChecked(true);
    m_instrumentModel->setQuotedOnly(true);
    const auto updateHidden = [this] {
        const int hidden = m_instrumentModel->hiddenCount();
        m_quotedOnly->setToolTip(
            hidden > 0 ? tr("%n open period(s) without a bid, ask or last price hidden", nullptr, hidden)
                       : tr("Periods without a bid, ask or last price are hidden while the product has any "
                            "with prices"));
    };
    connect(m_quotedOnly, &QCheckBox::toggled, this, [this, updateHidden](bool on) {
        m_instrumentModel->setQuotedOnly(on);
        updateHidden();
    });
    connect(m_instrumentModel, &QAbstractItemModel::rowsInserted, this, updateHidden);
    connect(m_instrumentModel, &QAbstractItemModel::rowsRemoved, this, updateHidden);
    connect(m_instrumentModel, &QAbstractItemModel::modelReset, this, updateHidden);
    auto periodsHeader = new QHBoxLayout;
    periodsHeader->addWidget(createSectionLabel(tr("Delivery periods open for trading"), browser), 1);
    periodsHeader->addWidget(m_quotedOnly);
    layout->addLayout(periodsHeader);
    layout->addWidget(m_instruments, 4);
    return browser;
}

QWidget *MarketWorkspace::createChartPanel()
{
    auto panel = new QWidget(this);
    m_symbolTitle = new QLabel(panel);
    m_symbolTitle->setObjectName(QStringLiteral("selectedSymbol"));
    QFont font = m_symbolTitle->font();
    font.setBold(true);
    m_symbolTitle->setFont(font);
    m_spot = new QLabel(panel);
    m_spot->setObjectName(QStringLiteral("spotLabel"));
    // Long translations may be cut; the tooltip says it in full.
    m_spot->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_spot->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_resolution = new QComboBox(panel);
    m_resolution->setObjectName(QStringLiteral("resolutionCombo"));
    for (const auto &[value, text] :
         {std::pair{api::Resolution::Minute1, tr("1 minute")},
          std::pair{api::Resolution::Minute5, tr("5 minutes")},
          std::pair{api::Resolution::Hour1, tr("1 hour")}, std::pair{api::Resolution::Day1, tr("1 day")}})
        m_resolution->addItem(text, int(value));
    connect(m_resolution, &QComboBox::currentIndexChanged, this, [this] {
        if (m_session)
            m_session->setResolution(currentResolution(m_resolution));
        m_chart->setCandles({}, api::durationSecs(currentResolution(m_resolution)));
    });
    auto header = new QHBoxLayout;
    header->addWidget(m_symbolTitle);
    header->addWidget(m_spot, 1);
    header->addSpacing(12);
    // No label beside it: the panel is narrow, and "1 minute" says what it is.
    m_resolution->setAccessibleName(tr("Candle interval"));
    m_resolution->setToolTip(tr("Candle interval"));
    header->addWidget(m_resolution);

    m_chart = new CandleChart(panel);
    m_chart->setMinimumHeight(220);
    m_curve = new ForwardCurveChart(panel);
    m_tabs = new QTabWidget(panel);
    m_tabs->setObjectName(QStringLiteral("marketTabs"));
    m_tabs->setUsesScrollButtons(true);
    m_spotChart = new SpotChart(panel);
    QList<std::pair<QString, QString>> choices;
    for (const catalogue::Product &product : m_catalogue.products())
        choices.append({product.symbol(), m_catalogue.describe(product)});
    m_spotChart->setProductChoices(choices);
    m_tabs->addTab(m_curve, tr("Forward curve"));
    m_tabs->addTab(m_spotChart, tr("Spot price"));
    m_ordersTab = createOrdersTab();
    m_tabs->addTab(m_ordersTab, tr("My orders"));
    m_fills = makeTable(QStringLiteral("fillsTable"), m_fillModel, panel, tr("My fills"));
    m_tabs->addTab(m_fills, tr("My fills"));
    m_contracts = makeTable(QStringLiteral("contractsTable"), m_contractModel, panel, tr("My contracts"));
    m_tabs->addTab(m_contracts, tr("My contracts"));

    auto split = new QSplitter(Qt::Vertical, panel);
    split->setChildrenCollapsible(false);
    split->addWidget(m_chart);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addLayout(header);
    layout->addWidget(split, 1);
    return panel;
}

QWidget *MarketWorkspace::createOrdersTab()
{
    auto tab = new QWidget(this);
    m_orders = makeTable(QStringLiteral("ordersTable"), m_orderModel, tab, tr("My open orders"));
    m_cancel = new QPushButton(tr("&Cancel order"), tab);
    m_cancel->setObjectName(QStringLiteral("cancelOrderButton"));
    m_replace = new QPushButton(tr("&Replace…"), tab);
    m_replace->setObjectName(QStringLiteral("replaceOrderButton"));
    m_cancelAll = new QPushButton(tr("Cancel a&ll…"), tab);
    m_cancelAll->setObjectName(QStringLiteral("cancelAllOrdersButton"));
    m_cancelAll->setToolTip(tr("Cancel every open order of yours, after a confirmation"));
    m_ordersStatus = new QLabel(tab);
    m_ordersStatus->setObjectName(QStringLiteral("ordersStatus"));
    m_ordersStatus->setWordWrap(true);
    connect(m_cancel, &QPushButton::clicked, this, &MarketWorkspace::cancelSelectedOrder);
    connect(m_replace, &QPushButton::clicked, this, &MarketWorkspace::replaceSelectedOrder);
    connect(m_cancelAll, &QPushButton::clicked, this, &MarketWorkspace::cancelAllOrders);
    const auto updateButtons = [this] {
        const bool connected = m_session && m_session->state() == desk::MarketSession::State::Connected;
        const bool any = connected && selectedOrderId() > 0;
        m_cancel->setEnabled(any);
        m_replace->setEnabled(any);
        m_cancelAll->setEnabled(connected && m_orderModel->rowCount() > 0);
    };
    connect(m_orders->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateButtons);
    connect(m_orderModel, &QAbstractItemModel::rowsRemoved, this, updateButtons);
    connect(m_orderModel, &QAbstractItemModel::rowsInserted, this, updateButtons);
    connect(m_orderModel, &QAbstractItemModel::modelReset, this, updateButtons);
    updateButtons();
    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_cancelAll);
    buttons->addWidget(m_ordersStatus, 1);
    auto layout = new QVBoxLayout(tab);
    layout->addWidget(m_orders, 1);
    layout->addLayout(buttons);
    return tab;
}

QWidget *MarketWorkspace::createBookPanel()
{
    auto panel = new QWidget(this);
    panel->setMinimumWidth(kBookWidth);
    m_book = makeTable(QStringLiteral("orderBook"), m_bookModel, panel, tr("Order book"));
    m_book->setItemDelegate(new DepthDelegate(m_book));
    m_book->setSelectionMode(QAbstractItemView::NoSelection);
    m_book->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_book->horizontalHeader()->setStretchLastSection(false);
    m_book->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // The panel is narrow: quantities and prices; the order counts are in the tooltips.
    m_book->hideColumn(models::OrderBookModel::BidOrders);
    m_book->hideColumn(models::OrderBookModel::AskOrders);
    // Clicking a level puts its price on the ticket.
    connect(m_book, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (const desk::BookLevel *level = m_bookModel->levelAt(index.row()))
            m_ticket->setPrice(level->price);
    });
    m_tape = makeTable(QStringLiteral("tradeTape"), m_tapeModel, panel, tr("Trade tape"));
    m_tape->setSelectionMode(QAbstractItemView::NoSelection);
    m_tape->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tape->horizontalHeader()->setStretchLastSection(false);
    m_tape->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tape->horizontalHeader()->setSectionResizeMode(models::TradeTapeModel::Time,
                                                     QHeaderView::ResizeToContents);
    m_ticket = new OrderTicket(m_clock, panel);
    connect(m_ticket, &OrderTicket::submitRequested, this, &MarketWorkspace::submit);
    m_ticket->setPreviewer([this](const api::OrderRequest &order) -> desk::ExchangeCall<api::OrderPreview> * {
        if (!m_session || !m_session->isOpen() || m_session->state() != desk::MarketSession::State::Connected)
            return nullptr;
        return m_session->preview(order);
    });

    auto split = new QSplitter(Qt::Vertical, panel);
    split->setChildrenCollapsible(false);
    auto bookBox = new QWidget(split);
    auto bookLayout = new QVBoxLayout(bookBox);
    bookLayout->setContentsMargins(0, 0, 0, 0);
    bookLayout->addWidget(createSectionLabel(tr("Order book"), bookBox));
    bookLayout->addWidget(m_book);
    auto tapeBox = new QWidget(split);
    auto tapeLayout = new QVBoxLayout(tapeBox);
    tapeLayout->setContentsMargins(0, 0, 0, 0);
    tapeLayout->addWidget(createSectionLabel(tr("Trades"), tapeBox));
    tapeLayout->addWidget(m_tape);
    split->addWidget(bookBox);
    split->addWidget(tapeBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addWidget(m_ticket);
    return panel;
}

void MarketWorkspace::setSimulated(bool simulated)
{
    m_simulated = simulated;
    updateNotice();
}

void MarketWorkspace::updateNotice()
{
    QString text;
    if (!m_session) {
        text = tr("No exchange is connected, so there are no order books or prices. The products below are "
                  "the exchange's standard catalogue with the delivery periods it lists.");
    } else if (m_session->state() == desk::MarketSession::State::Reconnecting) {
        text = tr("The connection to the exchange was lost; reconnecting. Prices shown may be stale.");
    } else if (m_session->state() != desk::MarketSession::State::Connected) {
        text = tr("Connecting to the exchange…");
    }
    if (m_simulated) {
        const QString demo = tr("Demo market: the other participants are simulated traders on this desk's "
                                "embedded exchange. Their orders and trades are not real.");
        text = text.isEmpty() ? demo : text + u'\n' + demo;
    }
    setNotice(text);
}

void MarketWorkspace::onStateChanged()
{
    updateNotice();
    const bool connected = m_session && m_session->state() == desk::MarketSession::State::Connected;
    // The exchange refuses orders without `trade`: say so before the click (issue #16).
    const bool mayTrade =
        !m_session || !m_session->isOpen() || m_session->hasPermission(QStringLiteral("trade"));
    m_ticket->setEnabledForTrading(
        connected && mayTrade,
        !mayTrade    ? tr("Your identity (%1) may not trade: orders need the trade permission, which your "
                          "organisation's administrator grants.")
                           .arg(m_session->user())
        : connected ? QString()
                    : tr("Trading needs a connected exchange."));
    m_chart->setEmptyText(connected ? tr("No trades yet in this interval") : tr("No market data"));
    if (connected && mayTrade)
        m_ticket->setStatus({}, false);
}

void MarketWorkspace::applyFilter()
{
    models::ProductModel::Filter filter;
    filter.regionCode = m_region->currentData().toString();
    filter.classCode = m_class->currentData().toString();
    filter.tenancy = tenancyFromCode(m_tenancy->currentData().toString());
    filter.sla = slaClassFromCode(m_sla->currentData().toString());
    m_model->setFilter(filter);
    m_count->setText(tr("Products: %1").arg(m_model->rowCount()));
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        showProduct(-1);
}

void MarketWorkspace::showProduct(int row)
{
    if (row < 0) {
        m_product.clear();
        m_detailTitle->setText(tr("No product selected"));
        m_detailTerms->clear();
        m_instrumentModel->setProductFilter(QStringLiteral("-"));
        return;
    }
    const Product &product = m_model->productAt(row);
    const SlaTerms &sla = slaTerms(product.sla);
    const InstanceClass *cls = m_catalogue.findClass(product.classCode);
    const Region *region = m_catalogue.findRegion(product.regionCode);
    m_product = product.symbol();
    m_detailTitle->setText(product.symbol());
    m_detailTerms->setText(
        tr("%1, %2 (%3), %4 tenancy; SLA %5: %6 availability, support %7")
            .arg(cls ? cls->sizeText() : product.classCode, region ? region->name() : product.regionCode,
                 region ? region->jurisdiction : product.regionCode, tenancyName(product.tenancy),
                 slaClassCode(product.sla), sla.availabilityText(), sla.supportResponseText()));
    m_instrumentModel->setProductFilter(m_product);
    if (!m_session)
        listCatalogueInstruments();
    // Follow the product's front period unless an instrument of it is already shown.
    const QString current = m_session ? m_session->symbol() : QString();
    const int currentRow = m_instrumentModel->rowOf(current);
    if (currentRow >= 0)
        m_instruments->selectRow(currentRow);
    else if (m_instrumentModel->rowCount() > 0)
        m_instruments->selectRow(0);
    else
        showInstrument({});
}

void MarketWorkspace::listCatalogueInstruments()
{
    // Without an exchange, the periods the standard listing horizon would open.
    QList<desk::InstrumentRecord> records;
    const qint64 nowSecs = m_clock.nowMs() / kMsPerSecond;
    const Product *product = nullptr;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->productAt(row).symbol() == m_product)
            product = &m_model->productAt(row);
    }
    if (!product)
        return;
    for (const DeliveryPeriod &period : listedPeriods(ListingHorizon{}, nowSecs)) {
        const Instrument instrument{*product, period};
        desk::InstrumentRecord r;
        r.symbol = instrument.symbol();
        r.product = m_product;
        r.kind = instrument.symbol().mid(m_product.size() + 1, 1);
        r.deliveryStart = period.startSecs();
        records.append(r);
    }
    m_instrumentModel->setInstruments(records);
}

void MarketWorkspace::onInstrumentsChanged()
{
    m_instrumentModel->setInstruments(m_session->instruments());
    if (m_session->symbol().isEmpty() && m_instrumentModel->rowCount() > 0)
        m_instruments->selectRow(0);
    else if (const int row = m_instrumentModel->rowOf(m_session->symbol()); row >= 0)
        m_instruments->selectRow(row);
    // Band and lot size may only now be known.
    if (!m_session->symbol().isEmpty())
        m_ticket->setInstrument(m_session->symbol(), m_session->instrument(m_session->symbol()));
}

void MarketWorkspace::selectSymbol(const QString &symbol)
{
    const qsizetype dot = symbol.lastIndexOf(u'.');
    const QString product = dot > 0 ? symbol.left(dot) : QString();
    if (product != m_product) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->productAt(row).symbol() == product) {
                m_table->selectRow(row);
                break;
            }
        }
    }
    const int row = m_instrumentModel->rowOf(symbol);
    if (row >= 0)
        m_instruments->selectRow(row);
    else
        showInstrument(symbol);
}

void MarketWorkspace::showInstrument(const QString &symbol)
{
    // The selected period stays listed even without prices.
    m_instrumentModel->setPinnedSymbol(symbol);
    if (m_session && !symbol.isEmpty() && symbol != m_session->symbol()) {
        m_session->selectSymbol(symbol);
        m_bookModel->setBook(m_session->book());
        m_tapeModel->setTrades({});
        m_chart->setCandles({}, api::durationSecs(m_session->resolution()));
        m_chart->setLastPrice(0);
    }
    m_ticket->setInstrument(symbol, m_session ? m_session->instrument(symbol) : nullptr);
    m_spotChart->setProduct(m_session ? m_session->product() : QString());
    updateSelectionHeader();
}

void MarketWorkspace::updateSelectionHeader()
{
    const QString symbol = m_session ? m_session->symbol() : QString();
    m_symbolTitle->setText(symbol.isEmpty() ? tr("No instrument selected") : symbol);
    if (!m_session || m_session->product().isEmpty()) {
        m_spot->clear();
        return;
    }
    const qint64 spot = m_session->spot();
    m_spot->setText(spot > 0 ? tr("Spot %1 EUR").arg(desk::formatPriceTicks(spot, QLocale()))
                             : tr("Spot: –"));
    m_spot->setToolTip(
        tr("Spot index of %1: volume-weighted price of its front hour over the last five minutes")
            .arg(m_session->product()));
}

void MarketWorkspace::submit(const api::OrderRequest &order)
{
    if (!m_session)
        return;
    auto *call = m_session->submit(order);
    m_ticket->setBusy(true);
    connect(call, &desk::ExchangeJob::finished, this, [this, call, clientOrderId = order.clientOrderId] {
        call->deleteLater();
        m_ticket->setBusy(false);
        if (!call->ok()) {
            m_ticket->setStatus(tr("Refused: %1").arg(call->errorString()), true);
            return;
        }
        const api::OrderAck &ack = call->value();
        if (ack.orderId)
            m_ticket->orderAcknowledged(clientOrderId, *ack.orderId);
        const int trades = int(ack.trades.size());
        const QString order = ack.orderId ? QString::number(*ack.orderId) : QString();
        m_ticket->setStatus(trades > 0 ? tr("Order %1 accepted, %n trade(s).", nullptr, trades).arg(order)
                                       : tr("Order %1 accepted.").arg(order),
                            false);
    });
}

void MarketWorkspace::setDataDirectory(const QString &dataDir)
{
    m_ticket->setDataDirectory(dataDir);
}

void MarketWorkspace::reloadProfiles()
{
    m_ticket->reloadProfiles();
}

qint64 MarketWorkspace::selectedOrderId() const
{
    const QModelIndex current = m_orders->selectionModel()->currentIndex();
    if (!current.isValid() || !m_orders->selectionModel()->isRowSelected(current.row(), {}))
        return 0;
    return current.data(models::OrderModel::OrderIdRole).toLongLong();
}

void MarketWorkspace::cancelSelectedOrder()
{
    const qint64 id = selectedOrderId();
    if (!m_session || id <= 0)
        return;
    if (!Prompts::confirm(this, tr("Cancel order"), tr("Cancel order %1?").arg(id)))
        return;
    auto *call = m_session->cancel(id);
    connect(call, &desk::ExchangeJob::finished, this, [this, call, id] {
        call->deleteLater();
        m_ordersStatus->setText(call->ok() ? tr("Order %1 cancelled.").arg(id)
                                           : tr("Cancel refused: %1").arg(call->errorString()));
    });
}

void MarketWorkspace::cancelAllOrders()
{
    if (!m_session)
        return;
    const QList<desk::OrderRecord> orders = m_session->orders();
    if (orders.isEmpty())
        return;
    // Name what leaves the book; fills already made are contracts and stay.
    constexpr int kListed = 5;
    const QLocale locale;
    QStringList lines;
    for (const desk::OrderRecord &o : orders.first(qMin<qsizetype>(orders.size(), kListed))) {
        lines.append(tr("%1 %2 × %3 at %4 EUR")
                         .arg(o.side == api::Side::Buy ? tr("Buy") : tr("Sell"))
                         .arg(locale.toString(o.remaining))
                         .arg(o.symbol, desk::formatPriceTicks(o.price, locale)));
    }
    if (orders.size() > kListed)
        lines.append(tr("and %n more", nullptr, int(orders.size() - kListed)));
    const QString text = tr("Cancel all %n open order(s)?", nullptr, int(orders.size())) + u"\n\n"_s +
                         lines.join(u'\n') + u"\n\n"_s +
                         tr("They leave the book; what has already traded stays bought or sold.");
    if (!Prompts::confirm(this, tr("Cancel all orders"), text))
        return;
    auto remaining = std::make_shared<int>(int(orders.size()));
    auto refused = std::make_shared<QStringList>();
    for (const desk::OrderRecord &o : orders) {
        auto *call = m_session->cancel(o.id);
        connect(call, &desk::ExchangeJob::finished, this,
                [this, call, remaining, refused, total = orders.size()] {
                    call->deleteLater();
                    if (!call->ok())
                        refused->append(call->errorString());
                    if (--*remaining > 0)
                        return;
                    m_ordersStatus->setText(refused->isEmpty()
                                                ? tr("%n order(s) cancelled.", nullptr, int(total))
                                                : tr("%1 of %2 cancelled; refused: %3")
                                                      .arg(total - refused->size())
                                                      .arg(total)
                                                      .arg(refused->join(QStringLiteral("; "))));
                });
    }
}

void MarketWorkspace::replaceSelectedOrder()
{
    const qint64 id = selectedOrderId();
    const int row = m_orderModel->rowOf(id);
    if (!m_session || row < 0)
        return;
    const desk::OrderRecord order = *m_orderModel->rowAt(row);
    const auto replacement = Prompts::askReplacement(this, id, order.price, order.remaining);
    if (!replacement || (!replacement->price && !replacement->quantity))
        return;
    auto *call = m_session->replace(id, replacement->price, replacement->quantity);
    connect(call, &desk::ExchangeJob::finished, this, [this, call, id] {
        call->deleteLater();
        m_ordersStatus->setText(call->ok() ? tr("Order %1 replaced.").arg(id)
                                           : tr("Replace refused: %1").arg(call->errorString()));
    });
}

} // namespace cloudex::ui
