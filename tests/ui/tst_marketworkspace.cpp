// The Market workspace on a real embedded exchange: an order from the ticket rests in the
// ladder, a crossing order from a second identity trades, and the trade reaches the tape,
// the chart, the fills and the order list.
#include "../support/embeddedexchange.h"
#include "candlechart.h"
#include "catalogue/catalogue.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "mainwindow.h"
#include "net/apiclient.h"
#include "prompts.h"

#include <QCandlestickSeries>
#include <QComboBox>
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
        QCOMPARE(buyContracts->model()->index(0, 3).data().toString(), u"p-seller"_qs);
        QVERIFY(!find<QWidget>("contractsEmptyState")->isVisible());
        QVERIFY(m_window->workspaceWidget(MainWindow::Workspace::Buy)->findChild<QLabel *>(u"workspaceNotice"_qs)->isHidden());
        m_window->showWorkspace(MainWindow::Workspace::Market);
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
