#include "marketworkspace.h"

#include "catalogue/catalogue.h"
#include "core/clock.h"
#include "productmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;

namespace {
constexpr int kMsPerSecond = 1000;
constexpr int kDetailMinWidth = 400;

QComboBox *makeFilterCombo(const QString &objectName, QWidget *parent)
{
    auto combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(MarketWorkspace::tr("Any"), QString());
    return combo;
}
} // namespace

MarketWorkspace::MarketWorkspace(const Catalogue &catalogue, const Clock &clock, QWidget *parent)
    : WorkspacePage(tr("Market"), tr("Standard capacity products, traded per instance-hour in EUR."), parent)
    , m_catalogue(catalogue)
    , m_clock(clock)
    , m_model(new models::ProductModel(catalogue, this))
{
    setObjectName(QStringLiteral("marketWorkspace"));
    setNotice(tr("No exchange is connected, so there are no order books or prices yet. The products "
                 "below are the exchange's standard catalogue; each trades for the delivery periods "
                 "listed beside it."));

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
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("productCount"));

    auto filters = new QHBoxLayout;
    const std::pair<QString, QComboBox *> labelled[] = {
        {tr("&Region:"), m_region}, {tr("C&lass:"), m_class}, {tr("&Tenancy:"), m_tenancy}, {tr("S&LA:"), m_sla}};
    for (const auto &[text, combo] : labelled) {
        auto label = new QLabel(text, this);
        label->setBuddy(combo);
        filters->addWidget(label);
        filters->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &MarketWorkspace::applyFilter);
    }
    filters->addStretch();
    filters->addWidget(m_count);
    contentLayout()->addLayout(filters);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("productTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showProduct(current.isValid() ? current.row() : -1); });

    auto detail = new QWidget(this);
    detail->setObjectName(QStringLiteral("productDetail"));
    detail->setMinimumWidth(kDetailMinWidth);
    m_detailTitle = new QLabel(detail);
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailTerms = new QLabel(detail);
    m_detailTerms->setWordWrap(true);
    m_detailTerms->setTextFormat(Qt::PlainText);
    m_periods = new QTreeWidget(detail);
    m_periods->setObjectName(QStringLiteral("periodList"));
    m_periods->setRootIsDecorated(false);
    m_periods->setAlternatingRowColors(true);
    m_periods->setHeaderLabels({tr("Alias"), tr("Instrument"), tr("Starts (UTC)")});
    auto detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailTerms);
    detailLayout->addWidget(createSectionLabel(tr("Delivery periods open for trading"), detail));
    detailLayout->addWidget(m_periods, 1);

    auto splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    contentLayout()->addWidget(splitter, 1);

    applyFilter();
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
    m_periods->clear();
    if (row < 0) {
        m_detailTitle->setText(tr("No product selected"));
        m_detailTerms->clear();
        return;
    }
    const Product &product = m_model->productAt(row);
    const SlaTerms &sla = slaTerms(product.sla);
    const InstanceClass *cls = m_catalogue.findClass(product.classCode);
    const Region *region = m_catalogue.findRegion(product.regionCode);

    m_detailTitle->setText(product.symbol());
    QStringList credits;
    for (const ServiceCredit &step : sla.credits) {
        credits.append(tr("below %1: %2 % credit")
                           .arg(basisPointsText(step.belowBasisPoints))
                           .arg(step.creditPercent));
    }
    m_detailTerms->setText(tr("%1\n%2, jurisdiction %3\n%4 tenancy\nSLA %5: %6 availability, support %7\n%8")
                               .arg(cls ? cls->sizeText() : product.classCode,
                                    region ? region->name() : product.regionCode,
                                    region ? region->jurisdiction : product.regionCode,
                                    tenancyName(product.tenancy), slaClassCode(product.sla),
                                    sla.availabilityText(), sla.supportResponseText(),
                                    credits.join(QLatin1Char('\n'))));

    const qint64 nowSecs = m_clock.nowMs() / kMsPerSecond;
    for (const DeliveryPeriod &period : listedPeriods(ListingHorizon{}, nowSecs)) {
        const Instrument instrument{product, period};
        const QString start = QDateTime::fromSecsSinceEpoch(period.startSecs(), Qt::UTC)
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        auto item = new QTreeWidgetItem(m_periods, {period.alias(nowSecs), instrument.symbol(), start});
        item->setToolTip(0, periodKindName(period.kind()));
    }
    for (int column = 0; column < m_periods->columnCount(); ++column)
        m_periods->resizeColumnToContents(column);
}

} // namespace cloudex::ui
