// The SLA composer and the pre-trade preview on a real embedded exchange, driving the real
// widgets offscreen: compose a profile and see the matching products narrow, save it and
// load it again, choose it in the order ticket (it fills the requirements), see the preview
// before confirming, place the order and find the contract set against the profile in the
// Buy workspace's inspector, every difference marked.
#include "../support/embeddedexchange.h"
#include "buyworkspace.h"
#include "catalogue/catalogue.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "mainwindow.h"
#include "manage/profileledger.h"
#include "net/apiclient.h"
#include "orderticket.h"
#include "prompts.h"
#include "slacomposer.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace cloudex;
using cloudex::ui::MainWindow;
using cloudex::ui::Prompts;

class TestSlaComposer : public QObject
{
    Q_OBJECT

    template<typename T> T *find(const char *name)
    {
        auto w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }

    /// With CLOUDEX_TEST_SHOTS=DIR set, the window as it is now, as DIR/NAME.png (to look at).
    void shot(const char *name)
    {
        const QString dir = qEnvironmentVariable("CLOUDEX_TEST_SHOTS");
        if (!dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + u'/' + QString::fromLatin1(name) + u".png"_qs));
    }

    static void tick(QListWidget *list, const QString &code, bool on = true)
    {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == code)
                list->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }

    void postSell(qint64 price, qint64 quantity, const QString &tif = u"gtc"_qs)
    {
        const QJsonObject sell{{u"symbol"_qs, m_symbol},  {u"side"_qs, u"sell"_qs},
                               {u"type"_qs, u"limit"_qs}, {u"timeInForce"_qs, tif},
                               {u"price"_qs, price},      {u"quantity"_qs, quantity}};
        net::ApiCall *call = m_seller->post(u"/v1/orders"_qs, sell);
        QSignalSpy(call, &net::ApiCall::finished).wait(10000);
        QVERIFY2(call->ok(), qPrintable(call->errorString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(ui::Translations::install(*qApp, u"en"_qs).ok());
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.filePath(u"exchange"_qs);
        options.products = {catalogue::Catalogue::standard().parseProduct(u"DE.GP2.SH.S1"_qs).value()};
        options.horizon = {3, 0, 0, 0, 0};
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
        m_window->showWorkspace(MainWindow::Workspace::Buy);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_session->open(m_exchange->baseUrl(), m_exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), desk::MarketSession::State::Connected, 15000);
        QTRY_VERIFY(!m_session->instruments().isEmpty());
        for (const desk::InstrumentRecord &i : m_session->instruments())
            if (i.kind == u"H" && (m_symbol.isEmpty() || i.symbol < m_symbol))
                m_symbol = i.symbol;
        QVERIFY(!m_symbol.isEmpty());
        Prompts::setConfirmHandler([this](const QString &, const QString &text) {
            m_questions.append(text);
            return true;
        });
    }

    void cleanupTestCase()
    {
        Prompts::setConfirmHandler({});
        m_window.reset();
        m_session.reset();
    }

    void composeAProfileAndTheProductsNarrow()
    {
        auto tabs = find<QTabWidget>("buyTabs");
        tabs->setCurrentWidget(find<QWidget>("slaComposer"));
        auto composer = find<ui::SlaComposer>("slaComposer");
        QTRY_VERIFY(composer->isVisible());
        // The contracts and the single pane are still there, on the first tab.
        QVERIFY(find<QTableView>("buyContractsTable"));
        QVERIFY(find<QTableView>("paneTable"));

        auto products = find<QTableWidget>("slaMatchingProducts");
        const int all = int(catalogue::Catalogue::standard().products().size());
        QCOMPARE(products->rowCount(), all);
        tick(find<QListWidget>("slaRegions"), u"DE"_qs);
        const int inGermany = products->rowCount();
        QVERIFY(inGermany > 0 && inGermany < all);
        tick(find<QListWidget>("slaClasses"), u"GP2"_qs);
        QVERIFY(products->rowCount() < inGermany);
        find<QCheckBox>("slaTenancySH")->setChecked(true);
        const int sharedGp2 = products->rowCount();
        QCOMPARE(sharedGp2, 3); // one per SLA class
        // Asking for 99.95 % leaves the S3 product only.
        auto availability = find<QComboBox>("slaMinAvailability");
        availability->setCurrentIndex(availability->findData(9995));
        QCOMPARE(products->rowCount(), 1);
        QCOMPARE(products->item(0, ui::SlaComposer::Product)->text(), u"DE.GP2.SH.S3"_qs);
        QCOMPARE(composer->matchingProducts(), QStringList{u"DE.GP2.SH.S3"_qs});
        QCOMPARE(find<QLabel>("slaMatchCount")->text(), u"1 product matches"_qs);
        // Every product listed meets the profile.
        for (const QString &symbol : composer->matchingProducts())
            QVERIFY(
                composer->profile().matches(catalogue::Catalogue::standard().parseProduct(symbol).value()));
    }

    void saveAndLoadTheProfileAgain()
    {
        find<QLineEdit>("slaProfileName")->setText(u"Strict DE"_qs);
        QTest::keyClicks(find<QLineEdit>("slaJurisdictions"), u"DE"_qs);
        find<QSpinBox>("slaMinCredit")->setValue(10);
        QTest::mouseClick(find<QPushButton>("slaProfileSave"), Qt::LeftButton);
        QVERIFY2(find<QLabel>("slaMessage")->text().startsWith(u"Saved"_qs),
                 qPrintable(find<QLabel>("slaMessage")->text()));
        auto list = find<QListWidget>("slaProfileList");
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"Strict DE"_qs);

        // What a fresh store reads is what the form showed.
        const auto stored = manage::SlaProfileStore(m_dir.path()).load();
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 1);
        const manage::SlaProfile saved = stored->first();
        QCOMPARE(saved.id, u"strict-de"_qs);
        QCOMPARE(saved.minAvailabilityBasisPoints, 9995);
        QCOMPARE(saved.minCreditPercent, 10);
        QCOMPARE(saved.jurisdictions, QStringList{u"DE"_qs});
        QCOMPARE(saved.regions, QStringList{u"DE"_qs});
        QCOMPARE(saved.instanceClasses, QStringList{u"GP2"_qs});
        QCOMPARE(saved.tenancies, QList<catalogue::Tenancy>{catalogue::Tenancy::Shared});

        // A new form, then the saved profile chosen from the list: the form shows it again.
        QTest::mouseClick(find<QPushButton>("slaProfileNew"), Qt::LeftButton);
        QVERIFY(find<QLineEdit>("slaProfileName")->text().isEmpty());
        QCOMPARE(find<QTableWidget>("slaMatchingProducts")->rowCount(),
                 int(catalogue::Catalogue::standard().products().size()));
        list->setCurrentRow(0);
        QCOMPARE(find<ui::SlaComposer>("slaComposer")->profile(), saved);
        QCOMPARE(find<QTableWidget>("slaMatchingProducts")->rowCount(), 1);

        // A second composer on the same data directory (as after a restart) lists it too.
        ui::SlaComposer other(nullptr);
        other.setDataDirectory(m_dir.path());
        auto otherList = other.findChild<QListWidget *>(u"slaProfileList"_qs);
        QCOMPARE(otherList->count(), 1);
        otherList->setCurrentRow(0);
        QCOMPARE(other.profile(), saved);
    }

    void theTicketPreviewsAndTakesTheProfile()
    {
        postSell(1250, 10);
        m_window->showWorkspace(MainWindow::Workspace::Market);
        find<QComboBox>("regionFilter")->setCurrentIndex(find<QComboBox>("regionFilter")->findData(u"DE"_qs));
        find<QComboBox>("classFilter")->setCurrentIndex(find<QComboBox>("classFilter")->findData(u"GP2"_qs));
        // The front hour of the only listed product is selected.
        QTRY_COMPARE(find<QLabel>("ticketInstrument")->text(), m_symbol);
        QTRY_VERIFY(find<QPushButton>("ticketSubmit")->isEnabled());

        find<QComboBox>("ticketSide")->setCurrentIndex(0); // buy
        auto price = find<QLineEdit>("ticketPrice");
        price->clear();
        QTest::keyClicks(price, u"0.1300"_qs);
        find<QSpinBox>("ticketQuantity")->setValue(12);
        // The preview, refreshed as the ticket changes: 10 of 12 fill at the seller's 0.1250.
        auto preview = find<QLabel>("ticketPreview");
        QTRY_VERIFY2(preview->text().startsWith(u"Fills 10 of 12 instances now at 0.1250 EUR average"_qs),
                     qPrintable(preview->text()));
        // Requiring France passes the (German) seller over, and says so in words.
        QTest::keyClicks(find<QLineEdit>("ticketJurisdictions"), u"FR"_qs);
        QTRY_VERIFY2(preview->text().contains(u"10 outside the required jurisdictions"_qs),
                     qPrintable(preview->text()));
        QVERIFY(preview->text().startsWith(u"Nothing of 12 instances would fill now."_qs));

        // The saved profile is offered; choosing it fills the requirements.
        auto profile = find<QComboBox>("ticketProfile");
        QCOMPARE(profile->count(), 2);
        profile->setCurrentIndex(profile->findData(u"strict-de"_qs));
        QCOMPARE(find<QLineEdit>("ticketJurisdictions")->text(), u"DE"_qs);
        find<QSpinBox>("ticketQuantity")->setValue(2);
        QTRY_VERIFY2(preview->text().startsWith(u"Fills 2 of 2 instances now"_qs),
                     qPrintable(preview->text()));
        shot("order-ticket");

        // The confirmation repeats the preview and names the profile; the order is sent.
        m_questions.clear();
        QTest::mouseClick(find<QPushButton>("ticketSubmit"), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(u"Now: Fills 2 of 2 instances now at 0.1250 EUR average"_qs),
                 qPrintable(m_questions.first()));
        QVERIFY2(m_questions.first().contains(u"SLA profile: Strict DE"_qs), qPrintable(m_questions.first()));
        QTRY_VERIFY2(find<QLabel>("ticketStatus")->text().contains(u"accepted"_qs),
                     qPrintable(find<QLabel>("ticketStatus")->text()));

        // The ledger knows the order and the profile it used.
        QTRY_VERIFY(manage::ProfileLedger(m_dir.path()).load()->size() == 1 &&
                    manage::ProfileLedger(m_dir.path()).load()->first().orderId > 0);
        QCOMPARE(manage::ProfileLedger(m_dir.path()).load()->first().profile.id, u"strict-de"_qs);
    }

    void theInspectorSetsTheContractAgainstItsProfile()
    {
        m_window->showWorkspace(MainWindow::Workspace::Buy);
        find<QTabWidget>("buyTabs")->setCurrentIndex(0);
        auto contracts = find<QTableView>("buyContractsTable");
        QTRY_COMPARE(contracts->model()->rowCount(), 1);
        QTRY_VERIFY(!m_session->fills().isEmpty());
        contracts->selectRow(0);
        auto inspector = m_window->workspaceWidget(MainWindow::Workspace::Buy)->findChild<QTextBrowser *>();
        QVERIFY(inspector);
        const QString text = inspector->toPlainText();
        QVERIFY2(text.contains(u"Bought under the SLA profile \"Strict DE\""_qs), qPrintable(text));
        // The S1 contract's 99.5 % falls short of 99.95 %; its region and class do not differ.
        QVERIFY2(
            text.contains(QRegularExpression(u"Availability\\s+99.5 %\\s+at least 99.95 %\\s+≠ differs"_qs)),
            qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(u"Region\\s+DE\\s+DE\\s+="_qs)), qPrintable(text));
        QCOMPARE(text.count(u"≠"_qs), 1);
        shot("contract-inspector");
    }

    void theComposerShowsWhatTheBookWouldGive()
    {
        // A trade gives the product a spot index; the composer previews its front hour.
        QTRY_VERIFY_WITH_TIMEOUT(m_session->summaries().value(u"DE.GP2.SH.S1"_qs).spot > 0, 10000);
        auto tabs = find<QTabWidget>("buyTabs");
        tabs->setCurrentWidget(find<QWidget>("slaComposer"));
        auto composer = find<ui::SlaComposer>("slaComposer");
        QTest::mouseClick(find<QPushButton>("slaProfileNew"), Qt::LeftButton);
        tick(find<QListWidget>("slaRegions"), u"DE"_qs);
        tick(find<QListWidget>("slaClasses"), u"GP2"_qs);
        find<QCheckBox>("slaTenancySH")->setChecked(true);
        auto products = find<QTableWidget>("slaMatchingProducts");
        QCOMPARE(products->rowCount(), 3);
        // The listed product comes first; its front hour: 8 asks left, all from a DE seller.
        QCOMPARE(products->item(0, ui::SlaComposer::Product)->text(), u"DE.GP2.SH.S1"_qs);
        QTRY_VERIFY2(
            products->item(0, ui::SlaComposer::FrontHour)->text().startsWith(u"8 of 20 eligible now"_qs),
            qPrintable(products->item(0, ui::SlaComposer::FrontHour)->text()));
        QCOMPARE(products->item(1, ui::SlaComposer::FrontHour)->text(), u"no open market"_qs);
        QTest::keyClicks(find<QLineEdit>("slaJurisdictions"), u"FR"_qs);
        QTRY_VERIFY2(
            products->item(0, ui::SlaComposer::FrontHour)->text().startsWith(u"0 of 20 eligible now"_qs),
            qPrintable(products->item(0, ui::SlaComposer::FrontHour)->text()));
        QVERIFY(products->item(0, ui::SlaComposer::FrontHour)->text().contains(u"8 passed over"_qs));
        shot("sla-composer");
        Q_UNUSED(composer);
    }

    void everyColumnIsReadableAt1280x800()
    {
        // The window's default size, the SLA tab open, the preview's sentence in row 0.
        m_window->resize(1280, 800);
        m_window->showBuySlaProfiles();
        auto products = find<QTableWidget>("slaMatchingProducts");
        QTRY_VERIFY(products->isVisible());
        QCoreApplication::processEvents();
        QHeaderView *header = products->horizontalHeader();
        // Nothing runs past the right edge, and every header and cell fits its column...
        QVERIFY2(header->length() <= products->viewport()->width(),
                 qPrintable(u"%1 > %2"_qs.arg(header->length()).arg(products->viewport()->width())));
        for (int c = 0; c < ui::SlaComposer::ColumnCount; ++c) {
            QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c), qPrintable(QString::number(c)));
            if (c != ui::SlaComposer::FrontHour)
                QVERIFY2(header->sectionSize(c) >= static_cast<QAbstractItemView *>(products)->sizeHintForColumn(c), qPrintable(QString::number(c)));
        }
        // ...except the preview's sentence, which wraps: all its lines are in the row.
        const QString text = products->item(0, ui::SlaComposer::FrontHour)->text();
        QVERIFY(text.contains(u"eligible now"_qs));
        const int width = header->sectionSize(ui::SlaComposer::FrontHour);
        const QRect needed =
            products->fontMetrics().boundingRect(QRect(0, 0, width - 8, 10000), Qt::TextWordWrap, text);
        QVERIFY2(needed.width() <= width, qPrintable(text));
        QVERIFY2(needed.height() <= products->rowHeight(0),
                 qPrintable(u"%1 > %2"_qs.arg(needed.height()).arg(products->rowHeight(0))));
        shot("sla-composer-1280");
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
};

QTEST_MAIN(TestSlaComposer)
#include "tst_slacomposer.moc"
