// The Sell workspace driven like a seller would, on the embedded test-driver site.
#include "sellworkspace.h"

#include "../support/embeddedexchange.h"
#include "exchange/embeddedexchange.h"
#include "net/apiclient.h"
#include "offerloadchart.h"

#include "prompts.h"

#include "catalogue/catalogue.h"
#include "connect/connectagent.h"
#include "connect/embeddedagent.h"
#include "connect/embeddedsite.h"
#include "vmmodel.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cloudex::connect;
using cloudex::catalogue::Catalogue;
using cloudex::catalogue::Tenancy;
using cloudex::models::VmModel;
using cloudex::ui::SellWorkspace;

class TestSellWorkspace : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EmbeddedAgent> m_agent;
    std::unique_ptr<SellWorkspace> m_page;

    template<typename T> T *find(const char *name)
    {
        auto widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }

    QString vmState(const QString &name)
    {
        auto model = qobject_cast<VmModel *>(find<QTableView>("vmTable")->model());
        const int row = model->rowOf(name);
        return row < 0 ? QString() : model->index(row, VmModel::State).data(VmModel::RawDataRole).toString();
    }

    /// The agent's record of a VM, read on the agent's thread and handed back by value.
    std::optional<VmRecord> record(const QString &name)
    {
        std::optional<std::optional<VmRecord>> answer;
        QObject receiver;
        m_agent->post([&receiver, &answer, name](ConnectAgent &agent) {
            QMetaObject::invokeMethod(&receiver, [&answer, vm = agent.store().vm(name)] { answer = vm; });
        });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 5000))
            return std::nullopt;
        return *answer;
    }

    std::optional<VmInfo> vm(const QString &name)
    {
        for (const VmInfo &vm : m_agent->state().inventory.vms)
            if (vm.name == name)
                return vm;
        return std::nullopt;
    }

    void choose(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        combo->setCurrentIndex(index);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        // The agent as the desktop app runs it: built on its own thread, reached by queued calls.
        m_agent = std::make_unique<EmbeddedAgent>();
        QSignalSpy started(m_agent.get(), &EmbeddedAgent::started);
        EmbeddedAgent::Options options;
        options.dataDir = m_dir->path();
        options.reconcileIntervalMs = 0;
        m_agent->start(options);
        QVERIFY(started.isEmpty()); // start() returns before the agent has opened anything
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        QVERIFY(started.constFirst().constFirst().value<cloudex::Result<void>>().ok());
        QTRY_COMPARE(m_agent->state().inventory.hosts.size(), 4);
        m_page = std::make_unique<SellWorkspace>(Catalogue::standard(), m_agent.get());
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_agent.reset();
        m_dir.reset();
    }

    void showsHostsWithCapacity()
    {
        QTRY_COMPARE(find<QTableView>("hostTable")->model()->rowCount(), 4);
        QVERIFY2(find<QLabel>("capacitySummary")->text().contains(u"4 of 4 hosts online"_qs),
                 qPrintable(find<QLabel>("capacitySummary")->text()));
        QCOMPARE(find<QListWidget>("connectionList")->count(), 4);
        // Health in words and the driver, not only a colour; the host's name first.
        const QString first = find<QListWidget>("connectionList")->item(0)->text();
        QVERIFY2(first.contains(u"online"_qs) && first.contains(u"test driver"_qs) &&
                     first.startsWith(u"host"_qs),
                 qPrintable(first));
        QVERIFY(!find<QListWidget>("connectionList")->item(0)->icon().isNull());
        QCOMPARE(find<QTableWidget>("templateTable")->rowCount(), 12);
        // Nothing runs: no idle progress bar, no cancel button.
        QTRY_VERIFY(!find<QProgressBar>("jobProgress")->isVisible());
        QVERIFY(!find<QPushButton>("cancelJobButton")->isVisible());
        QCOMPARE(find<QTableWidget>("hostGroupTable")->rowCount(), 2);

        // Names take the room, sizes fit their content; no column behind the scroll bar.
        auto templates = find<QTableWidget>("templateTable");
        QCOMPARE(templates->horizontalHeader()->sectionResizeMode(0), QHeaderView::Stretch);
        QCOMPARE(templates->horizontalHeader()->sectionResizeMode(2), QHeaderView::ResizeToContents);
        QCOMPARE(find<QTableWidget>("tenantTable")->horizontalHeader()->sectionResizeMode(2),
                 QHeaderView::ResizeToContents);
        QVERIFY(!find<QTableWidget>("tenantTable")->horizontalHeader()->stretchLastSection());
    }

    void addConnectionAndProvisionFromTemplate()
    {
        // A fifth simulated host, connected through the URI field like any hypervisor.
        const QString path = m_dir->filePath(u"host5.xml"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(EmbeddedSite::nodeXml({u"host5"_qs, 8, 16384}, EmbeddedSite::templateNames()).toUtf8());
        file.close();
        QTest::keyClicks(find<QLineEdit>("connectionUriEdit"), u"test://"_qs + path);
        QTest::mouseClick(find<QPushButton>("addConnectionButton"), Qt::LeftButton);
        QTRY_COMPARE(find<QListWidget>("connectionList")->count(), 5);
        QTRY_COMPARE(find<QTableView>("hostTable")->model()->rowCount(), 5);
        QVERIFY(find<QLineEdit>("connectionUriEdit")->text().isEmpty());

        find<QTabWidget>("sellTabs")->setCurrentIndex(1);
        QTest::keyClicks(find<QLineEdit>("provisionNameEdit"), u"gui-vm"_qs);
        choose(find<QComboBox>("provisionTenantCombo"), u"acme"_qs);
        choose(find<QComboBox>("provisionTenancyCombo"), int(Tenancy::Shared));
        choose(find<QComboBox>("provisionTemplateCombo"), u"debian-12.img"_qs);
        find<QComboBox>("provisionSizeCombo")->setCurrentIndex(0);
        // The form previews the placement before anything runs...
        QVERIFY2(find<QLabel>("provisionPlan")->text().contains(u"host"_qs),
                 qPrintable(find<QLabel>("provisionPlan")->text()));
        // ...and says why a placement would be refused.
        choose(find<QComboBox>("provisionTenancyCombo"), int(Tenancy::Exclusive));
        QVERIFY2(find<QLabel>("provisionPlan")->text().contains(u"No hosts are dedicated to tenant acme"_qs),
                 qPrintable(find<QLabel>("provisionPlan")->text()));
        choose(find<QComboBox>("provisionTenancyCombo"), int(Tenancy::Shared));
        QTest::mouseClick(find<QPushButton>("provisionButton"), Qt::LeftButton);
        QTRY_COMPARE(vmState(u"gui-vm"_qs), u"running"_qs);
        QTRY_VERIFY(find<QLabel>("jobStatus")->text().contains(u"done"_qs));
        QVERIFY(!find<QProgressBar>("jobProgress")->isVisible());
        const auto record = this->record(u"gui-vm"_qs);
        QVERIFY(record);
        QCOMPARE(record->tenant, u"acme"_qs);
        QCOMPARE(record->templateName, u"debian-12.img"_qs);
        QVERIFY(m_page->notice().isEmpty());
    }

    void removingAConnectionAsksFirst()
    {
        auto list = find<QListWidget>("connectionList");
        QTRY_COMPARE(list->count(), 4);
        QTRY_VERIFY(list->item(3)->text().contains(u"online"_qs));
        list->setCurrentRow(3);
        QStringList questions;
        cloudex::ui::Prompts::setConfirmHandler([&](const QString &, const QString &text) {
            questions.append(text);
            return false;
        });
        QTest::mouseClick(find<QPushButton>("removeConnectionButton"), Qt::LeftButton);
        cloudex::ui::Prompts::setConfirmHandler({});
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.constFirst().contains(list->item(3)->data(Qt::UserRole).toString()),
                 qPrintable(questions.constFirst()));
        QVERIFY2(questions.constFirst().contains(u"host"_qs), qPrintable(questions.constFirst()));
        QTest::qWait(200);
        QCOMPARE(list->count(), 4);
        QCOMPARE(m_agent->state().connections.size(), 4);
    }

    void libvirtFailureIsShown()
    {
        const QString missing = m_dir->filePath(u"nowhere.xml"_qs);
        QTest::keyClicks(find<QLineEdit>("connectionUriEdit"), u"test://"_qs + missing);
        QTest::mouseClick(find<QPushButton>("addConnectionButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_page->notice().isEmpty());
        QVERIFY2(m_page->notice().contains(u"Cannot connect to"_qs), qPrintable(m_page->notice()));
        QVERIFY2(m_page->notice().contains(missing), qPrintable(m_page->notice()));
        QCOMPARE(find<QListWidget>("connectionList")->count(), 4);
        // The URI stays in the field for correction.
        QCOMPARE(find<QLineEdit>("connectionUriEdit")->text(), u"test://"_qs + missing);
    }

    void actionsOnTheSelectedVm()
    {
        QVERIFY(m_agent->provision({u"ops"_qs, u"acme"_qs, Tenancy::Shared, {}, 1, 64, u"host1"_qs})
                    ->wait()
                    .ok());
        find<QTabWidget>("sellTabs")->setCurrentIndex(1);
        auto table = find<QTableView>("vmTable");
        auto model = qobject_cast<VmModel *>(table->model());
        QTRY_VERIFY(model->rowOf(u"ops"_qs) >= 0);
        table->selectRow(model->rowOf(u"ops"_qs));
        QVERIFY(find<QPushButton>("stopVmButton")->isEnabled());
        QVERIFY(!find<QPushButton>("startVmButton")->isEnabled());
        QTest::mouseClick(find<QPushButton>("stopVmButton"), Qt::LeftButton);
        QTRY_COMPARE(vmState(u"ops"_qs), u"stopped"_qs);
        QTRY_VERIFY(find<QPushButton>("startVmButton")->isEnabled());

        // Move it to host2 with the move button.
        find<QComboBox>("migrateTargetCombo")->setCurrentText(u"host2"_qs);
        QTest::mouseClick(find<QPushButton>("migrateVmButton"), Qt::LeftButton);
        QTRY_COMPARE(vm(u"ops"_qs).value_or(VmInfo{}).host, u"host2"_qs);
        QTRY_COMPARE(model->index(model->rowOf(u"ops"_qs), VmModel::Host).data().toString(), u"host2"_qs);

        // Deleting asks first, naming the VM and its tenant; "no" keeps it.
        QStringList questions;
        bool answer = false;
        cloudex::ui::Prompts::setConfirmHandler([&](const QString &, const QString &text) {
            questions.append(text);
            return answer;
        });
        QTest::mouseClick(find<QPushButton>("deleteVmButton"), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.constFirst().contains(u"ops"_qs));
        QVERIFY(questions.constFirst().contains(u"acme"_qs));
        QVERIFY(questions.constFirst().contains(u"cannot be undone"_qs));
        QTest::qWait(200);
        QVERIFY(model->rowOf(u"ops"_qs) >= 0);
        QVERIFY(record(u"ops"_qs));
        answer = true;
        QTest::mouseClick(find<QPushButton>("deleteVmButton"), Qt::LeftButton);
        QCOMPARE(questions.size(), 2);
        QTRY_COMPARE(model->rowOf(u"ops"_qs), -1);
        cloudex::ui::Prompts::setConfirmHandler({});
    }

    void filtersByTenantAndText()
    {
        QVERIFY(m_agent->provision({u"a-web"_qs, u"acme"_qs, Tenancy::Shared, {}, 1, 64, {}})->wait().ok());
        QVERIFY(m_agent->provision({u"g-web"_qs, u"globex"_qs, Tenancy::Shared, {}, 1, 64, {}})->wait().ok());
        QVERIFY(
            m_agent->provision({u"g-db"_qs, u"globex"_qs, Tenancy::GroupShared, {}, 1, 64, {}})->wait().ok());
        auto model = find<QTableView>("vmTable")->model();
        QTRY_COMPARE(model->rowCount(), 3);
        choose(find<QComboBox>("vmTenantFilter"), u"globex"_qs);
        QCOMPARE(model->rowCount(), 2);
        QTest::keyClicks(find<QLineEdit>("vmFilterEdit"), u"web"_qs);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, VmModel::Name).data().toString(), u"g-web"_qs);
    }

    void separationEditor()
    {
        find<QTabWidget>("sellTabs")->setCurrentIndex(2);
        QTest::keyClicks(find<QLineEdit>("groupNameEdit"), u"research"_qs);
        choose(find<QComboBox>("groupTenancyCombo"), int(Tenancy::Exclusive));
        // Hosts and tenants are chosen from the site's own, by checking them.
        auto hosts = find<QListWidget>("groupHostsList");
        auto tenants = find<QListWidget>("groupTenantsList");
        QTRY_COMPARE(hosts->count(), 4);
        QVERIFY(tenants->count() >= 2);
        const auto check = [](QListWidget *list, const QStringList &ids) {
            for (int i = 0; i < list->count(); ++i)
                list->item(i)->setCheckState(
                    ids.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        };
        check(hosts, {u"host2"_qs});
        check(tenants, {u"acme"_qs, u"globex"_qs});
        QTest::mouseClick(find<QPushButton>("saveGroupButton"), Qt::LeftButton);
        // Exclusive for two tenants is refused with the reason (checked on the agent's thread).
        QTRY_VERIFY2(m_page->notice().contains(u"exactly one tenant"_qs), qPrintable(m_page->notice()));
        QCOMPARE(find<QTableWidget>("hostGroupTable")->rowCount(), 2);

        check(tenants, {u"globex"_qs});
        QTest::mouseClick(find<QPushButton>("saveGroupButton"), Qt::LeftButton);
        QTRY_COMPARE(find<QTableWidget>("hostGroupTable")->rowCount(), 3);
        QVERIFY2(m_page->notice().isEmpty(), qPrintable(m_page->notice()));
        QCOMPARE(m_agent->state().hostGroups.size(), 3);
        // The hosts view follows: host2 is now globex's.
        QVERIFY(
            m_agent->plan({QString(), u"globex"_qs, Tenancy::Exclusive, QString(), 1, 64, QString()}).ok());

        QTest::keyClicks(find<QLineEdit>("tenantIdEdit"), u"umbrella"_qs);
        QTest::keyClicks(find<QLineEdit>("tenantNameEdit"), u"Umbrella"_qs);
        QTest::mouseClick(find<QPushButton>("addTenantButton"), Qt::LeftButton);
        QTRY_COMPARE(find<QTableWidget>("tenantTable")->rowCount(), 4);
        QTRY_VERIFY(find<QLineEdit>("tenantIdEdit")->text().isEmpty());
        QVERIFY(find<QComboBox>("provisionTenantCombo")->findData(u"umbrella"_qs) >= 0);
    }

    void agentRunsOffTheGuiThread()
    {
        // The agent object lives on a thread of its own, not the GUI's.
        QThread *agentThread = m_agent->agentThread();
        QVERIFY(agentThread);
        QVERIFY(agentThread != QThread::currentThread());
        QVERIFY(agentThread != qApp->thread());

        // The Sell workspace still shows the hosts and provisions a VM through its form.
        QTRY_COMPARE(find<QTableView>("hostTable")->model()->rowCount(), 4);
        find<QTabWidget>("sellTabs")->setCurrentIndex(1);
        QTest::keyClicks(find<QLineEdit>("provisionNameEdit"), u"threaded"_qs);
        choose(find<QComboBox>("provisionTenantCombo"), u"globex"_qs);
        choose(find<QComboBox>("provisionTenancyCombo"), int(Tenancy::Shared));
        QTest::mouseClick(find<QPushButton>("provisionButton"), Qt::LeftButton);
        QTRY_COMPARE(vmState(u"threaded"_qs), u"running"_qs);

        // The records are read where the agent lives: on its thread, through the connection it
        // opened there (Qt 6 refuses a QSqlDatabase connection on any other thread).
        struct Seen
        {
            QThread *runsOn = nullptr;
            QThread *agentLivesIn = nullptr;
            std::optional<VmRecord> vm;
            bool answered = false;
        } seen;
        QObject receiver;
        m_agent->post([&receiver, &seen](ConnectAgent &agent) {
            Seen here{QThread::currentThread(), agent.thread(), agent.store().vm(u"threaded"_qs), true};
            QMetaObject::invokeMethod(&receiver, [&seen, here] { seen = here; });
        });
        QTRY_VERIFY(seen.answered);
        QCOMPARE(seen.runsOn, agentThread);
        QCOMPARE(seen.agentLivesIn, agentThread);
        QVERIFY(seen.vm);
        QCOMPARE(seen.vm->tenant, u"globex"_qs);
    }

    void removingATenantAsksAndTheAgentDecides()
    {
        find<QTabWidget>("sellTabs")->setCurrentIndex(2);
        auto table = find<QTableWidget>("tenantTable");
        QVERIFY(m_agent->saveTenant({u"umbrella"_qs, u"Umbrella Corp"_qs})->wait().ok());
        QTRY_COMPARE(table->rowCount(), 4);
        const auto rowOf = [table](const QString &id) {
            for (int row = 0; row < table->rowCount(); ++row)
                if (table->item(row, 0)->text() == id)
                    return row;
            return -1;
        };
        QStringList questions;
        bool answer = false;
        cloudex::ui::Prompts::setConfirmHandler([&](const QString &, const QString &text) {
            questions.append(text);
            return answer;
        });
        auto remove = find<QPushButton>("removeTenantButton");
        table->selectRow(rowOf(u"umbrella"_qs));
        QVERIFY(remove->isEnabled());
        // It asks, naming the tenant and what is lost; "no" keeps it.
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.constFirst().contains(u"umbrella"_qs) &&
                     questions.constFirst().contains(u"Umbrella Corp"_qs) &&
                     questions.constFirst().contains(u"forgets"_qs),
                 qPrintable(questions.constFirst()));
        QTest::qWait(200);
        QCOMPARE(table->rowCount(), 4);

        // A tenant a host group names is refused by the agent, with the reason.
        answer = true;
        table->selectRow(rowOf(u"initech"_qs));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY2(m_page->notice().contains(u"initech-dedicated"_qs), qPrintable(m_page->notice()));
        QCOMPARE(table->rowCount(), 4);

        // "yes" for an unused tenant removes it everywhere it was offered.
        table->selectRow(rowOf(u"umbrella"_qs));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(table->rowCount(), 3);
        QVERIFY(m_page->notice().isEmpty());
        QCOMPARE(find<QComboBox>("provisionTenantCombo")->findData(u"umbrella"_qs), -1);
        cloudex::ui::Prompts::setConfirmHandler({});
    }

    void hostChooserKeepsChecksAcrossInventoryPasses()
    {
        find<QTabWidget>("sellTabs")->setCurrentIndex(2);
        auto hosts = find<QListWidget>("groupHostsList");
        QTRY_COMPARE(hosts->count(), 4);
        QListWidgetItem *item = hosts->item(1);
        item->setCheckState(Qt::Checked);
        // A mark only this very item carries: a refilled list would have lost it.
        item->setData(Qt::UserRole + 7, u"mine"_qs);
        QSignalSpy changed(m_agent.get(), &EmbeddedAgent::stateChanged);
        QVERIFY(m_agent->reconcile()->wait().ok());
        QVERIFY(m_agent->provision({u"pass"_qs, u"acme"_qs, Tenancy::Shared, {}, 1, 64, {}})->wait().ok());
        QVERIFY(changed.size() >= 2);
        QCOMPARE(hosts->count(), 4);
        QCOMPARE(hosts->item(1)->data(Qt::UserRole + 7).toString(), u"mine"_qs);
        QCOMPARE(hosts->item(1)->checkState(), Qt::Checked);
    }

    void offers()
    {
        find<QTabWidget>("sellTabs")->setCurrentIndex(4);
        find<QComboBox>("offerProductCombo")->setCurrentText(u"DE.GP2.SH.S2"_qs);
        find<QSpinBox>("offerReservedSpin")->setValue(6);
        QTest::mouseClick(find<QPushButton>("saveOfferButton"), Qt::LeftButton);
        auto table = find<QTableWidget>("offerTable");
        QTRY_COMPARE(table->rowCount(), 1);
        QVERIFY2(m_page->notice().isEmpty(), qPrintable(m_page->notice()));
        QCOMPARE(table->item(0, 0)->text(), u"DE.GP2.SH.S2"_qs);
        QCOMPARE(table->item(0, 3)->text(), u"6"_qs);
        // More than the shared hosts hold is refused, with the numbers.
        find<QSpinBox>("offerReservedSpin")->setValue(500);
        QTest::mouseClick(find<QPushButton>("saveOfferButton"), Qt::LeftButton);
        QTRY_VERIFY2(m_page->notice().contains(u"vCPU"_qs), qPrintable(m_page->notice()));
        QCOMPARE(table->item(0, 3)->text(), u"6"_qs);
    }

    // An offer saved through the form reaches a real exchange (the embedded one, over mutual
    // TLS, with the session identity p-local as the desktop does): its asks show in the live
    // asks table with their order ids, the exchange lists them as the identity's open orders,
    // and the chart shows capacity against the asks per period.
    void offersTradeOnTheExchange()
    {
        QTemporaryDir exchangeDir;
        cloudex::exchange::EmbeddedExchange::Options options;
        options.dataDirectory = exchangeDir.path();
        options.products = {Catalogue::standard().parseProduct(u"DE.GP2.SH.S2"_qs).value()};
        options.horizon = {3, 1, 0, 0, 0};
        options.clockIntervalMs = 0;
        cloudex::exchange::EmbeddedExchange exchange;
        QVERIFY(testsupport::startEmbedded(exchange, options).ok());
        m_agent->startTrading(exchange.baseUrl(), exchange.clientTls(), 0, 300);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("tradingStatus")->text().contains(u"p-local"_qs), 15000);

        find<QTabWidget>("sellTabs")->setCurrentIndex(4);
        find<QComboBox>("offerProductCombo")->setCurrentText(u"DE.GP2.SH.S2"_qs);
        find<QSpinBox>("offerReservedSpin")->setValue(2);
        find<QLineEdit>("offerPeriodsEdit")->setText(u"H3"_qs);
        auto mode = find<QComboBox>("offerPriceModeCombo");
        mode->setCurrentIndex(mode->findData(int(cloudex::connect::Offer::PriceMode::Fixed)));
        QVERIFY(!find<QSpinBox>("offerMarkupSpin")->isEnabled());
        // A price with five decimals is refused before anything is saved.
        find<QLineEdit>("offerPriceEdit")->setText(u"1.23456"_qs);
        QTest::mouseClick(find<QPushButton>("saveOfferButton"), Qt::LeftButton);
        QVERIFY2(m_page->notice().contains(u"1.23456"_qs), qPrintable(m_page->notice()));
        find<QLineEdit>("offerPriceEdit")->setText(u"1.2345"_qs);
        QTest::mouseClick(find<QPushButton>("saveOfferButton"), Qt::LeftButton);
        auto offers = find<QTableWidget>("offerTable");
        QTRY_COMPARE(offers->rowCount(), 1);
        QCOMPARE(offers->item(0, 4)->text(), u"H3"_qs);
        QCOMPARE(offers->item(0, 5)->text(), u"1.2345"_qs);

        auto asks = find<QTableWidget>("askTable");
        QTRY_COMPARE_WITH_TIMEOUT(asks->rowCount(), 3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(asks->item(2, 3)->text().toLongLong() > 0, 15000);
        for (int row = 0; row < 3; ++row) {
            QVERIFY(asks->item(row, 0)->text().startsWith(u"DE.GP2.SH.S2.H"_qs));
            QCOMPARE(asks->item(row, 1)->text(), u"1.2345"_qs);
            QCOMPARE(asks->item(row, 2)->text(), u"2"_qs);
        }
        // The exchange holds them as p-local's open orders.
        cloudex::net::ApiClient client(exchange.baseUrl(), exchange.clientTls());
        cloudex::net::ApiCall *orders = client.get(u"/v1/orders"_qs);
        QVERIFY(orders->wait().ok());
        const QJsonArray open = orders->body().toObject().value(u"orders"_qs).toArray();
        QCOMPARE(open.size(), 3);
        for (const QJsonValue &o : open) {
            QCOMPARE(o[u"side"_qs].toString(), u"sell"_qs);
            QCOMPARE(o[u"price"_qs].toInteger(), 12345);
            QCOMPARE(o[u"remaining"_qs].toInteger(), 2);
        }
        // The chart: one category per period, the capacity of the shared hosts above the asks.
        auto chart = find<cloudex::ui::OfferLoadChart>("offerLoadChart");
        auto series = qobject_cast<QBarSeries *>(chart->chart()->series().value(0));
        QVERIFY(series);
        QTRY_COMPARE(series->barSets().at(2)->count(), 3);
        QCOMPARE(series->barSets().at(2)->at(0), 2.0);
        QVERIFY(series->barSets().at(0)->at(0) >= 2.0);
        if (const QString shots = qEnvironmentVariable("CLOUDEX_SCREENSHOT_DIR"); !shots.isEmpty()) {
            m_page->grab().save(shots + u"/sell-offers.png"_qs);
            find<QTabWidget>("offerDetailTabs")->setCurrentIndex(1);
            m_page->grab().save(shots + u"/sell-offers-capacity.png"_qs);
        }

        // The offer goes: its asks leave the book.
        find<QSpinBox>("offerReservedSpin")->setValue(0);
        QTest::mouseClick(find<QPushButton>("saveOfferButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(asks->rowCount(), 0, 15000);
        cloudex::net::ApiCall *after = client.get(u"/v1/orders"_qs);
        QVERIFY(after->wait().ok());
        QCOMPARE(after->body().toObject().value(u"orders"_qs).toArray().size(), 0);
    }
};

QTEST_MAIN(TestSellWorkspace)
#include "tst_sellworkspace.moc"
