// The Market workspace on a real embedded exchange: an order from the ticket rests in the
// ladder, a crossing order from a second identity trades, and the trade reaches the tape,
// the chart, the fills and the order list.
#include "../support/embeddedexchange.h"
#include "candlechart.h"
#include "catalogue/catalogue.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "exchange/embeddedexchange.h"
#include "forwardcurvechart.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "orderticket.h"
#include "productmodel.h"
#include "prompts.h"
#include "spotchart.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QCandlestickSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

#include <memory>

using namespace cloudex;
using cloudex::ui::MainWindow;
using cloudex::ui::Prompts;

class TestMarketWorkspace : public QObject
{
    Q_OBJECT

    template<typename T> T *find(const char *name)
    {
        auto w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }

    /// The ladder row showing `price` (text), or -1.
    int bookRow(const QString &price)
    {
        QAbstractItemModel *book = find<QTableView>("orderBook")->model();
        for (int row = 0; row < book->rowCount(); ++row) {
            if (book->index(row, 2).data().toString() == price)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        // As the app does: English with its plural forms ("4 instances").
        QVERIFY(ui::Translations::install(*qApp, u"en"_qs).ok());
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(u"DE.GP2.SH.S1"_qs).value()};
        options.horizon = {3, 1, 0, 0, 0};
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::EmbeddedExchange>();
        QVERIFY(testsupport::startEmbedded(*m_exchange, options).ok());
        auto seller = testsupport::onboard(*m_exchange, u"p-seller"_qs);
        QVERIFY(seller.ok());
        m_seller = std::make_unique<net::ApiClient>(m_exchange->baseUrl(), *seller);

        m_session = std::make_unique<desk::MarketSession>();
        m_session->setBatchIntervalMs(20);
        m_session->setSummaryRefreshMs(100);
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"cloudex.ini"_qs), QSettings::IniFormat);
        m_window = std::make_unique<MainWindow>(MainWindow::Context{
            m_dir.path(), m_settings.get(), nullptr, nullptr, m_session.get(), {}, false});
        m_window->showWorkspace(MainWindow::Workspace::Market);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // As in the app: the window is up before the session opens and the exchange is named.
        m_session->open(m_exchange->baseUrl(), m_exchange->clientTls());
        m_window->setExchangeLabel(u"embedded"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), desk::MarketSession::State::Connected, 15000);

        Prompts::setConfirmHandler([this](const QString &, const QString &text) {
            m_questions.append(text);
            return m_answer;
        });
    }

    void cleanupTestCase()
    {
        Prompts::setConfirmHandler({});
        Prompts::setReplaceHandler({});
        m_window.reset();
        m_session.reset();
    }

    void statusBarNamesTheExchangeAndIdentity()
    {
        QTRY_COMPARE(find<QLabel>("exchangeStatus")->text(), u"Exchange: embedded (connected)"_qs);
        QCOMPARE(find<QLabel>("identityStatus")->text(), u"Identity: u-local of p-local"_qs);
        QVERIFY(!m_window->findChild<QLabel *>(u"demoStatus"_qs));
    }

    void statusBarSaysWhenTheExchangeTakesNoOrders()
    {
        auto exchange = find<QLabel>("exchangeStatus");
        m_window->setExchangeFailure(u"Journal commit failed: disk I/O error"_qs);
        QCOMPARE(exchange->text(), u"Exchange: embedded (takes no orders: its journal failed)"_qs);
        QCOMPARE(exchange->toolTip(), u"Journal commit failed: disk I/O error"_qs);
        m_window->setExchangeFailure({});
        QCOMPARE(exchange->text(), u"Exchange: embedded (connected)"_qs);
        QVERIFY(exchange->toolTip().isEmpty());
    }

    void browserListsTheExchangesInstruments()
    {
        find<QComboBox>("regionFilter")->setCurrentIndex(find<QComboBox>("regionFilter")->findData(u"DE"_qs));
        find<QComboBox>("classFilter")->setCurrentIndex(find<QComboBox>("classFilter")->findData(u"GP2"_qs));
        QCOMPARE(find<QLabel>("productTitle")->text(), u"DE.GP2.SH.S1"_qs);
        // Three hours and a day listed by the exchange; the front hour is selected.
        auto instruments = find<QTableView>("instrumentTable");
        QTRY_COMPARE(instruments->model()->rowCount(), 4);
        m_symbol = instruments->model()->index(0, 0).data().toString();
        QVERIFY(m_symbol.startsWith(u"DE.GP2.SH.S1.H"_qs));
        QTRY_COMPARE(find<QLabel>("selectedSymbol")->text(), m_symbol);
        QCOMPARE(find<QLabel>("ticketInstrument")->text(), m_symbol);
        QTRY_VERIFY(find<QPushButton>("ticketSubmit")->isEnabled());

        // The period filter narrows the list; the shown instrument follows it and back.
        auto period = find<QComboBox>("periodFilter");
        period->setCurrentIndex(period->findData(u"D"_qs));
        QCOMPARE(instruments->model()->rowCount(), 1);
        QTRY_VERIFY(find<QLabel>("selectedSymbol")->text().startsWith(u"DE.GP2.SH.S1.D"_qs));
        period->setCurrentIndex(0);
        QCOMPARE(instruments->model()->rowCount(), 4);
        instruments->selectRow(0);
        QTRY_COMPARE(find<QLabel>("selectedSymbol")->text(), m_symbol);
        QCOMPARE(find<QLabel>("ticketInstrument")->text(), m_symbol);
    }

    void badPriceIsRefusedBeforeSending()
    {
        auto price = find<QLineEdit>("ticketPrice");
        price->clear();
        QTest::keyClicks(price, u"0.12345"_qs);
        m_questions.clear();
        QTest::mouseClick(find<QPushButton>("ticketSubmit"), Qt::LeftButton);
        QVERIFY2(find<QLabel>("ticketStatus")->text().contains(u"four decimals"_qs),
                 qPrintable(find<QLabel>("ticketStatus")->text()));
        QVERIFY(m_questions.isEmpty());
    }

    void declinedConfirmationSendsNothing()
    {
        auto price = find<QLineEdit>("ticketPrice");
        price->clear();
        QTest::keyClicks(price, u"0.1250"_qs);
        m_answer = false;
        QTest::mouseClick(find<QPushButton>("ticketSubmit"), Qt::LeftButton);
        m_answer = true;
        QCOMPARE(m_questions.size(), 1);
        // The question names the delivery window and what the order can cost at most.
        const QString question = m_questions.constFirst();
        QVERIFY2(question.contains(u"Delivery:"_qs), qPrintable(question));
        QVERIFY2(question.contains(u"Total at most"_qs), qPrintable(question));
        const qint64 quantity = find<QSpinBox>("ticketQuantity")->value();
        const desk::InstrumentRecord *instrument = m_session->instrument(m_session->symbol());
        QVERIFY(instrument);
        const qint64 hours = (instrument->deliveryEnd - instrument->deliveryStart) / 3600;
        QVERIFY2(question.contains(desk::formatPriceTicks(1250 * quantity * hours, QLocale())),
                 qPrintable(question));
        QCOMPARE(find<QLabel>("ticketStatus")->text(), u"Not sent."_qs);
        QTest::qWait(200);
        QCOMPARE(find<QTableView>("ordersTable")->model()->rowCount(), 0);
    }

    void orderFromTheTicketRestsInTheBook()
    {
        find<QComboBox>("ticketSide")->setCurrentIndex(0); // buy
        auto price = find<QLineEdit>("ticketPrice");
        price->clear();
        QTest::keyClicks(price, u"0.1250"_qs);
        find<QSpinBox>("ticketQuantity")->setValue(4);
        m_questions.clear();
        QTest::mouseClick(find<QPushButton>("ticketSubmit"), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.constFirst().contains(u"Buy 4 instances of "_qs + m_symbol),
                 qPrintable(m_questions.constFirst()));
        QVERIFY(m_questions.constFirst().contains(u"0.1250"_qs));

        QTRY_VERIFY2(find<QLabel>("ticketStatus")->text().contains(u"accepted"_qs),
                     qPrintable(find<QLabel>("ticketStatus")->text()));
        QTRY_VERIFY(bookRow(u"0.1250"_qs) >= 0);
        QAbstractItemModel *book = find<QTableView>("orderBook")->model();
        QCOMPARE(book->index(bookRow(u"0.1250"_qs), 1).data().toString(), u"4"_qs); // bid quantity
        QTRY_COMPARE(find<QTableView>("ordersTable")->model()->rowCount(), 1);
    }

    void crossingOrderShowsInTapeAndChart()
    {
        const QJsonObject sell{{u"symbol"_qs, m_symbol},  {u"side"_qs, u"sell"_qs},
                               {u"type"_qs, u"limit"_qs}, {u"timeInForce"_qs, u"ioc"_qs},
                               {u"price"_qs, 1250},       {u"quantity"_qs, 3}};
        net::ApiCall *call = m_seller->post(u"/v1/orders"_qs, sell);
        QSignalSpy(call, &net::ApiCall::finished).wait(10000);
        QVERIFY2(call->ok(), qPrintable(call->errorString()));

        QAbstractItemModel *tape = find<QTableView>("tradeTape")->model();
        QTRY_COMPARE(tape->rowCount(), 1);
        QCOMPARE(tape->index(0, 1).data().toString(), u"0.1250"_qs);
        QCOMPARE(tape->index(0, 2).data().toString(), u"3"_qs);
        QCOMPARE(tape->index(0, 3).data().toString(), u"sell"_qs);

        auto chart = m_window->findChild<ui::CandleChart *>(u"candleChart"_qs);
        QVERIFY(chart);
        QTRY_COMPARE(chart->candleCount(), 1);
        QCOMPARE(chart->candleSeries()->count(), 1);
        const desk::CandleRecord candle = m_session->candles().constFirst();
        QCOMPARE(chart->candleAt(candle.start)->close, 1250);
        QCOMPARE(chart->candleAt(candle.start)->volume, 3);
        QVERIFY(chart->volumeSeries()->count() > 0);
        QCOMPARE(chart->lastPriceShown(), 0.125);

        // The rest of the bid stays; the fill is listed.
        QTRY_COMPARE(
            find<QTableView>("orderBook")->model()->index(bookRow(u"0.1250"_qs), 1).data().toString(),
            u"1"_qs);
        QTRY_COMPARE(find<QTableView>("fillsTable")->model()->rowCount(), 1);
        QCOMPARE(find<QTableView>("fillsTable")->model()->index(0, 5).data().toString(), u"p-seller"_qs);
        QTRY_COMPARE(find<QTableView>("ordersTable")->model()->index(0, 4).data().toString(), u"1"_qs);
        QTRY_VERIFY(find<QLabel>("spotLabel")->text().contains(u"0.1250"_qs));
        // The trade is a contract: bought from p-seller, scheduled for the delivery hour.
        QAbstractItemModel *contracts = find<QTableView>("contractsTable")->model();
        QTRY_COMPARE(contracts->rowCount(), 1);
        QCOMPARE(contracts->index(0, 2).data().toString(), u"bought"_qs);
        QCOMPARE(contracts->index(0, 3).data().toString(), u"p-seller"_qs);
        QCOMPARE(contracts->index(0, 4).data().toString(), u"3"_qs);
        QCOMPARE(contracts->index(0, 7).data().toString(), u"scheduled"_qs);
        // The Buy workspace holds the same contract instead of its empty state.
        m_window->showWorkspace(MainWindow::Workspace::Buy);
        auto buyContracts = find<QTableView>("buyContractsTable");
        QTRY_VERIFY(buyContracts->isVisible());
        QCOMPARE(buyContracts->model()->rowCount(), 1);
        QCOMPARE(buyContracts->model()->index(0, 1).data().toString(), u"p-seller"_qs); // the seller column
        QVERIFY(!find<QWidget>("contractsEmptyState")->isVisible());
        QVERIFY(m_window->workspaceWidget(MainWindow::Workspace::Buy)
                    ->findChild<QLabel *>(u"workspaceNotice"_qs)
                    ->isHidden());
        m_window->showWorkspace(MainWindow::Workspace::Market);
    }

    void productBrowserShowsWordsSpotChangeAndVolume()
    {
        auto products = find<QTableView>("productTable");
        QAbstractItemModel *model = products->model();
        // In words: class and size, then region, tenancy and SLA; the code is the tooltip.
        const QModelIndex first = model->index(0, models::ProductModel::ProductColumn);
        QCOMPARE(first.data(models::ProductModel::ProductRole).toString(), u"DE.GP2.SH.S1"_qs);
        QVERIFY2(first.data().toString() == u"GP2 · 2 vCPU · 8 GiB\nGermany · Shared · S1"_qs,
                 qPrintable(first.data().toString()));
        QVERIFY(first.data(Qt::ToolTipRole).toString().startsWith(u"DE.GP2.SH.S1\n"_qs));
        // The trade of the test before: spot 0.1250, 3 instance-hours, no change yet.
        QTRY_COMPARE(model->index(0, models::ProductModel::SpotColumn).data().toString(), u"0.1250"_qs);
        QCOMPARE(model->index(0, models::ProductModel::VolumeColumn).data().toString(), u"3"_qs);
        QCOMPARE(model->index(0, models::ProductModel::ChangeColumn).data().toString(), u"0.0 %"_qs);
        QCOMPARE(model->index(1, models::ProductModel::SpotColumn).data().toString(), u"–"_qs);
        // Sorting by volume, descending and ascending: products without a market stay last.
        products->sortByColumn(models::ProductModel::VolumeColumn, Qt::AscendingOrder);
        QCOMPARE(model->index(0, 0).data(models::ProductModel::ProductRole).toString(), u"DE.GP2.SH.S1"_qs);
        QCOMPARE(find<QLabel>("productTitle")->text(), u"DE.GP2.SH.S1"_qs);
        products->sortByColumn(models::ProductModel::ProductColumn, Qt::AscendingOrder);
        QCOMPARE(model->index(1, 0).data(models::ProductModel::ProductRole).toString(), u"DE.GP2.SH.S2"_qs);

        // Periods without prices are hidden while some have them; the selected one stays.
        auto instruments = find<QTableView>("instrumentTable");
        auto quotedOnly = find<QCheckBox>("quotedOnlyCheck");
        QVERIFY(quotedOnly->isChecked());
        QTRY_COMPARE(instruments->model()->rowCount(), 1);
        QCOMPARE(instruments->model()->index(0, 0).data().toString(), m_symbol);
        QVERIFY2(quotedOnly->toolTip().contains(u"3 open periods"_qs), qPrintable(quotedOnly->toolTip()));
        quotedOnly->setChecked(false);
        QCOMPARE(instruments->model()->rowCount(), 4);
        quotedOnly->setChecked(true);
        QCOMPARE(instruments->model()->rowCount(), 1);
    }

    void requirementsOpenOverTheBookWithoutSqueezingIt()
    {
        auto tape = find<QTableView>("tradeTape");
        auto toggle = find<QToolButton>("ticketRequirementsToggle");
        const int tapeHeight = tape->height();
        QCOMPARE(toggle->text(), u"Requirements"_qs);
        find<QLineEdit>("ticketJurisdictions")->setText(u"DE, FR"_qs);
        find<QLineEdit>("ticketCertifications")->setText(u"ISO27001"_qs);
        QCOMPARE(toggle->text(), u"Requirements (3)"_qs);
        QVERIFY(toggle->toolTip().contains(u"DE, FR; ISO27001"_qs));
        QCoreApplication::processEvents();
        QCOMPARE(tape->height(), tapeHeight);
        QString problem;
        const auto order = m_window->findChild<ui::OrderTicket *>()->validate(&problem);
        if (order) {
            QVERIFY(order->requirements);
            QCOMPARE(order->requirements->jurisdictions, QStringList({u"DE"_qs, u"FR"_qs}));
        }
        find<QLineEdit>("ticketJurisdictions")->clear();
        find<QLineEdit>("ticketCertifications")->clear();
        QCOMPARE(toggle->text(), u"Requirements"_qs);
    }

    void replaceThenCancelFromTheOrderList()
    {
        auto orders = find<QTableView>("ordersTable");
        orders->selectRow(0);
        QTRY_VERIFY(find<QPushButton>("replaceOrderButton")->isEnabled());
        Prompts::setReplaceHandler([](qint64, qint64 price, qint64) {
            return std::optional(Prompts::Replacement{price - 50, std::nullopt});
        });
        QTest::mouseClick(find<QPushButton>("replaceOrderButton"), Qt::LeftButton);
        QTRY_VERIFY(bookRow(u"0.1200"_qs) >= 0);
        QTRY_COMPARE(orders->model()->index(0, 3).data().toString(), u"0.1200"_qs);

        orders->selectRow(0);
        m_questions.clear();
        QTest::mouseClick(find<QPushButton>("cancelOrderButton"), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QTRY_COMPARE(orders->model()->rowCount(), 0);
        QTRY_COMPARE(find<QTableView>("orderBook")->model()->rowCount(), 0);
        QVERIFY(find<QLabel>("ordersStatus")->text().contains(u"cancelled"_qs));
    }

    void cancelAllAsksNamingTheOrdersThenCancelsThem()
    {
        auto orders = find<QTableView>("ordersTable");
        auto cancelAll = find<QPushButton>("cancelAllOrdersButton");
        QTRY_COMPARE(orders->model()->rowCount(), 0);
        QVERIFY(!cancelAll->isEnabled());
        for (const qint64 price : {1000, 1010}) {
            api::OrderRequest order;
            order.symbol = m_symbol;
            order.price = price;
            order.quantity = 1;
            auto *call = m_session->submit(order);
            QSignalSpy(call, &desk::ExchangeJob::finished).wait(10000);
            QVERIFY2(call->ok(), qPrintable(call->errorString()));
            call->deleteLater();
        }
        QTRY_COMPARE(orders->model()->rowCount(), 2);
        QTRY_VERIFY(cancelAll->isEnabled());

        // Declined: the question names what would leave the book, and nothing does.
        m_questions.clear();
        m_answer = false;
        QTest::mouseClick(cancelAll, Qt::LeftButton);
        m_answer = true;
        QCOMPARE(m_questions.size(), 1);
        const QString question = m_questions.constFirst();
        QVERIFY2(question.startsWith(u"Cancel all 2 open orders?"_qs), qPrintable(question));
        QVERIFY2(question.contains(u"Buy 1 × "_qs + m_symbol + u" at 0.1000 EUR"_qs), qPrintable(question));
        QTest::qWait(200);
        QCOMPARE(orders->model()->rowCount(), 2);

        QTest::mouseClick(cancelAll, Qt::LeftButton);
        QTRY_COMPARE(orders->model()->rowCount(), 0);
        QTRY_COMPARE(find<QLabel>("ordersStatus")->text(), u"2 orders cancelled."_qs);
        QTRY_VERIFY(!cancelAll->isEnabled());
    }

    void intervalSwitchesTheChart()
    {
        auto chart = m_window->findChild<ui::CandleChart *>(u"candleChart"_qs);
        auto interval = find<QComboBox>("resolutionCombo");
        interval->setCurrentIndex(interval->findData(int(api::Resolution::Day1)));
        QCOMPARE(m_session->resolution(), api::Resolution::Day1);
        QTRY_COMPARE(chart->candleCount(), 1);
        QTRY_COMPARE(m_session->candles().constFirst().start % 86400, 0);
        QCOMPARE(chart->candleAt(m_session->candles().constFirst().start)->volume, 3);
    }

    void spotChartShowsHistoryLiveAndComparison()
    {
        auto spot = m_window->findChild<ui::SpotChart *>(u"spotChart"_qs);
        QVERIFY(spot);
        QCOMPARE(spot->product(), u"DE.GP2.SH.S1"_qs);
        QLineSeries *line = spot->seriesFor(u"DE.GP2.SH.S1"_qs);
        QVERIFY(line);
        // The trade of crossingOrderShowsInTapeAndChart is in the index: history or live.
        QTRY_VERIFY(line->count() > 0);
        QCOMPARE(line->at(line->count() - 1).y(), 0.125);
        QVERIFY(spot->summary().contains(u"0.1250"_qs));
        QVERIFY(spot->view()->accessibleDescription().contains(u"DE.GP2.SH.S1"_qs));

        spot->reload();
        QTRY_VERIFY(spot->seriesFor(u"DE.GP2.SH.S1"_qs)->count() > 0);
        spot->setSpan(ui::SpotChart::Span::Week);
        QCOMPARE(find<QComboBox>("spotSpanCombo")->currentData().toInt(), int(ui::SpotChart::Span::Week));
        QTRY_VERIFY(spot->seriesFor(u"DE.GP2.SH.S1"_qs)->count() > 0);

        // A compared product: its own line, followed on the stream; at most four.
        spot->setCompared({u"DE.GP1.SH.S1"_qs, u"DE.GP2.SH.S1"_qs});
        QVERIFY(spot->seriesFor(u"DE.GP1.SH.S1"_qs));
        QCOMPARE(spot->compared(), QStringList{u"DE.GP1.SH.S1"_qs});
        QCOMPARE(m_session->comparedProducts(), QStringList{u"DE.GP1.SH.S1"_qs});
        spot->addLivePoint(u"DE.GP1.SH.S1"_qs, QDateTime::currentSecsSinceEpoch(), 2000);
        QCOMPARE(spot->seriesFor(u"DE.GP1.SH.S1"_qs)->count(), 1);
        QCOMPARE(spot->seriesFor(u"DE.GP1.SH.S1"_qs)->at(0).y(), 0.2);
        spot->setCompared({u"A"_qs, u"B"_qs, u"C"_qs, u"D"_qs, u"E"_qs});
        QCOMPARE(spot->compared().size(), 4);
        spot->setCompared({});
        QVERIFY(!spot->seriesFor(u"DE.GP1.SH.S1"_qs));
        QVERIFY(m_session->comparedProducts().isEmpty());
        spot->setSpan(ui::SpotChart::Span::Hour);
    }

    void chartsFollowTheDarkPalette()
    {
        auto candles = m_window->findChild<ui::CandleChart *>(u"candleChart"_qs);
        auto curve = m_window->findChild<ui::ForwardCurveChart *>(u"forwardCurveChart"_qs);
        auto spot = m_window->findChild<ui::SpotChart *>(u"spotChart"_qs);
        const QList<QChart *> charts{candles->chart(), curve->chart(), spot->view()->chart()};
        ui::ThemeManager::apply(ui::Theme::Dark);
        QCoreApplication::processEvents();
        const QColor base = QApplication::palette().color(QPalette::Base);
        const QColor text = QApplication::palette().color(QPalette::Text);
        QVERIFY(base.lightness() < 100);
        for (QChart *chart : charts) {
            QCOMPARE(chart->backgroundBrush().color(), base);
            QCOMPARE(chart->titleBrush().color(), text);
            for (QAbstractAxis *axis : chart->axes())
                QCOMPARE(axis->labelsColor(), text);
            QVERIFY(chart->localizeNumbers());
        }
        ui::ThemeManager::apply(ui::Theme::Light);
        QCoreApplication::processEvents();
        QVERIFY(QApplication::palette().color(QPalette::Base).lightness() > 200);
        for (QChart *chart : charts)
            QCOMPARE(chart->backgroundBrush().color(), QApplication::palette().color(QPalette::Base));
    }

    void forwardCurveHasOneSeriesPerPeriodKind()
    {
        ui::ForwardCurveChart chart;
        const qint64 hour = 1'796'000'400; // a whole hour, UTC
        const qint64 day = hour - hour % 86400 + 86400;
        QList<desk::CurvePointRecord> points;
        points.append({u"P.H1"_qs, u"H"_qs, hour, 1200, 0, 0});
        points.append({u"P.H2"_qs, u"H"_qs, hour + 3600, 1300, 0, 0});
        points.append({u"P.D1"_qs, u"D"_qs, day, 1100, 1000, 1150});
        chart.setCurve(u"DE.GP2.SH.S1"_qs, points);
        QLineSeries *hours = chart.seriesForKind(u"H"_qs);
        QLineSeries *days = chart.seriesForKind(u"D"_qs);
        QVERIFY(hours && days && hours != days);
        QVERIFY(!chart.seriesForKind(u"W"_qs));
        // Horizontal segments over each delivery window; the hour never joins the day.
        QCOMPARE(hours->count(), 4);
        QCOMPARE(hours->at(0).x(), qreal(hour * 1000));
        QCOMPARE(hours->at(1).x(), qreal((hour + 3600) * 1000));
        QCOMPARE(hours->at(0).y(), hours->at(1).y());
        QCOMPARE(days->count(), 2);
        QCOMPARE(days->at(1).x() - days->at(0).x(), 86400.0 * 1000);
        for (const QPointF &p : hours->points())
            QVERIFY(p.x() <= qreal((hour + 7200) * 1000));
        // The axis carries the date.
        auto time = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(time && time->format().contains(u"dd"_qs));
        QVERIFY(chart.summary().contains(u"3"_qs));
        // Nothing quoted: no meaningless axes, the title says why.
        chart.setCurve(u"DE.GP2.SH.S1"_qs, {{u"P.H1"_qs, u"H"_qs, hour, 0, 0, 0}});
        QVERIFY(!time->isVisible());
        QVERIFY(chart.chart()->title().contains(u"no trades or quotes"_qs));
    }

    void emptyCandleChartSaysWhy()
    {
        ui::CandleChart chart;
        chart.setEmptyText(u"No trades yet in this interval"_qs);
        chart.setCandles({}, 60);
        QCOMPARE(chart.chart()->title(), u"No trades yet in this interval"_qs);
        for (QAbstractAxis *axis : chart.chart()->axes(Qt::Horizontal | Qt::Vertical))
            if (axis->isVisible())
                QVERIFY(qobject_cast<QValueAxis *>(axis) &&
                        !static_cast<QValueAxis *>(axis)->labelsVisible());
        // Three young candles sit at the right of the axis, the slots before them are the past.
        const qint64 t = 1'796'000'400;
        chart.setCandles(
            {{t, 100, 110, 90, 105, 1}, {t + 60, 105, 120, 100, 118, 2}, {t + 120, 118, 118, 110, 112, 1}},
            60);
        auto time = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(time);
        QCOMPARE(time->max().toMSecsSinceEpoch(), (t + 180) * 1000);
        QVERIFY(time->min().toMSecsSinceEpoch() <= (t - 60 * 20) * 1000);
        QVERIFY(chart.summary().contains(u"3"_qs));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<exchange::EmbeddedExchange> m_exchange;
    std::unique_ptr<net::ApiClient> m_seller;
    std::unique_ptr<desk::MarketSession> m_session;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QString m_symbol;
    QStringList m_questions;
    bool m_answer = true;
};

QTEST_MAIN(TestMarketWorkspace)
#include "tst_marketworkspace.moc"
