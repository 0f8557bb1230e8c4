#include "slacomposer.h"

#include "catalogue/catalogue.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "orderticket.h"
#include "workspacepage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cloudex::ui {
namespace {

QStringList listOf(const QLineEdit *edit)
{
    QStringList out;
    for (const QString &part :
         edit->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        out.append(part.trimmed());
    return out;
}

QStringList checked(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out.append(list->item(i)->data(Qt::UserRole).toString());
    return out;
}

void check(QListWidget *list, const QStringList &codes)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(
            codes.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

/// "Low latency EU" -> "low-latency-eu": the profile's id, from its name.
QString idFor(const QString &name)
{
    QString id = name.toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    id = id.mid(0, 40);
    while (id.startsWith(u'-'))
        id.remove(0, 1);
    while (id.endsWith(u'-'))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("profile") : id;
}

void selectData(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

SlaComposer::SlaComposer(desk::MarketSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_new(new QPushButton(tr("New"), this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_availability(new QComboBox(this))
    , m_support(new QComboBox(this))
    , m_credit(new QSpinBox(this))
    , m_jurisdictions(new QLineEdit(this))
    , m_certifications(new QLineEdit(this))
    , m_policies(new QLineEdit(this))
    , m_regions(new QListWidget(this))
    , m_classes(new QListWidget(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_products(new QTableWidget(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("slaComposer"));
    m_list->setObjectName(QStringLiteral("slaProfileList"));
    m_list->setAccessibleName(tr("Saved SLA profiles"));
    m_name->setObjectName(QStringLiteral("slaProfileName"));
    m_name->setPlaceholderText(tr("Name, e.g. Regulated EU"));
    m_new->setObjectName(QStringLiteral("slaProfileNew"));
    m_save->setObjectName(QStringLiteral("slaProfileSave"));
    m_delete->setObjectName(QStringLiteral("slaProfileDelete"));

    // The limits offered are the ones the SLA classes commit to.
    m_availability->setObjectName(QStringLiteral("slaMinAvailability"));
    m_availability->addItem(tr("any"), 0);
    m_support->setObjectName(QStringLiteral("slaMaxSupport"));
    m_support->addItem(tr("any"), 0);
    QList<int> availabilities;
    QList<int> responses;
    for (catalogue::SlaClass sla : catalogue::allSlaClasses()) {
        const catalogue::SlaTerms &terms = catalogue::slaTerms(sla);
        if (!availabilities.contains(terms.availabilityBasisPoints))
            availabilities.append(terms.availabilityBasisPoints);
        if (!terms.nextBusinessDaySupport && !responses.contains(terms.supportResponseMinutes))
            responses.append(terms.supportResponseMinutes);
    }
    std::sort(availabilities.begin(), availabilities.end());
    std::sort(responses.begin(), responses.end(), std::greater<>());
    for (int bp : std::as_const(availabilities))
        m_availability->addItem(tr("at least %1").arg(catalogue::basisPointsText(bp)), bp);
    for (int minutes : std::as_const(responses))
        m_support->addItem(minutes % 60 == 0 ? tr("within %n hour(s)", nullptr, minutes / 60)
                                             : tr("within %n minute(s)", nullptr, minutes),
                           minutes);
    m_credit->setObjectName(QStringLiteral("slaMinCredit"));
    m_credit->setRange(0, 100);
    m_credit->setSuffix(QStringLiteral(" %"));
    m_credit->setSpecialValueText(tr("any"));
    m_credit->setToolTip(tr("The service credit owed at the first shortfall step, at least"));
    m_jurisdictions->setObjectName(QStringLiteral("slaJurisdictions"));
    m_jurisdictions->setPlaceholderText(tr("any, or e.g. DE, FR"));
    m_certifications->setObjectName(QStringLiteral("slaCertifications"));
    m_certifications->setPlaceholderText(tr("none, or e.g. ISO27001, C5"));
    m_policies->setObjectName(QStringLiteral("slaPolicies"));
    m_policies->setPlaceholderText(tr("any metadata policy"));

    auto tenancyRow = new QHBoxLayout;
    for (catalogue::Tenancy t : catalogue::allTenancies()) {
        auto box = new QCheckBox(catalogue::tenancyName(t), this);
        box->setObjectName(QStringLiteral("slaTenancy") + catalogue::tenancyCode(t));
        box->setProperty("tenancy", int(t));
        m_tenancies.append(box);
        tenancyRow->addWidget(box);
    }
    tenancyRow->addStretch();
    const catalogue::Catalogue &cat = catalogue::Catalogue::standard();
    m_regions->setObjectName(QStringLiteral("slaRegions"));
    m_regions->setAccessibleName(tr("Regions"));
    for (const catalogue::Region &region : cat.regions()) {
        auto item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(region.code, region.name()), m_regions);
        item->setData(Qt::UserRole, region.code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_classes->setObjectName(QStringLiteral("slaClasses"));
    m_classes->setAccessibleName(tr("Instance classes"));
    for (const catalogue::InstanceClass &c : cat.instanceClasses()) {
        auto item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(c.code, c.sizeText()), m_classes);
        item->setData(Qt::UserRole, c.code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // The lists are as tall as their entries: the form leaves the width to the products.
    for (QListWidget *list : {m_regions, m_classes}) {
        const int rows = list->count();
        const int frame = 2 * list->frameWidth() + 2 * list->spacing() + 4;
        list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setFixedHeight(rows * list->sizeHintForRow(0) + frame);
        list->setMinimumWidth(list->sizeHintForColumn(0) + frame);
        list->setToolTip(tr("None ticked: any"));
    }

    m_count->setObjectName(QStringLiteral("slaMatchCount"));
    m_message->setObjectName(QStringLiteral("slaMessage"));
    m_message->setWordWrap(true);
    m_products->setObjectName(QStringLiteral("slaMatchingProducts"));
    m_products->setAccessibleName(tr("Matching products"));
    m_products->setColumnCount(ColumnCount);
    m_products->setHorizontalHeaderLabels(
        {tr("Product"), tr("SLA"), tr("Availability"), tr("Support"), tr("Credit"), tr("Front hour now")});
    m_products->horizontalHeaderItem(FrontHour)->setToolTip(
        tr("The exchange's preview of a buy of %1 instances in the product's front hour, up to "
           "%2 × its spot index, with the profile's requirements: what would fill now and "
           "what the requirements pass over")
            .arg(kProbeQuantity)
            .arg(kProbeSpotMultiple));
    m_products->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_products->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_products->setAlternatingRowColors(true);
    // The preview's sentence takes the width left and wraps; the other columns fit their text.
    m_products->setWordWrap(true);
    m_products->setTextElideMode(Qt::ElideNone);
    m_products->verticalHeader()->hide();
    m_products->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_products->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_products->horizontalHeader()->setSectionResizeMode(FrontHour, QHeaderView::Stretch);
    m_products->horizontalHeader()->setMinimumSectionSize(m_products->fontMetrics().horizontalAdvance(u'M') * 3);
    m_products->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Left: the saved profiles above the form. Right, with most of the width: what matches.
    auto formPart = new QWidget(this);
    auto formLayout = new QVBoxLayout(formPart);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(WorkspacePage::createSectionLabel(tr("SLA profiles"), formPart));
    auto listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    auto buttons = new QVBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    listRow->addLayout(buttons);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);
    formLayout->addLayout(listRow);
    formLayout->addWidget(WorkspacePage::createSectionLabel(tr("Requirements"), formPart));
    auto form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Availability:"), m_availability);
    form->addRow(tr("Support response:"), m_support);
    form->addRow(tr("Service credit:"), m_credit);
    form->addRow(tr("Seller jurisdictions:"), m_jurisdictions);
    form->addRow(tr("Seller certifications:"), m_certifications);
    form->addRow(tr("Metadata policies:"), m_policies);
    form->addRow(tr("Tenancy:"), tenancyRow);
    form->addRow(tr("Regions:"), m_regions);
    form->addRow(tr("Instance classes:"), m_classes);
    formLayout->addLayout(form);
    formLayout->addStretch(1);
    auto saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addWidget(m_save);
    formLayout->addLayout(saveRow);

    auto productsPart = new QWidget(this);
    auto productsLayout = new QVBoxLayout(productsPart);
    productsLayout->setContentsMargins(0, 0, 0, 0);
    auto productsHeader = new QHBoxLayout;
    productsHeader->addWidget(WorkspacePage::createSectionLabel(tr("Matching products"), productsPart));
    productsHeader->addStretch();
    productsHeader->addWidget(m_count);
    productsLayout->addLayout(productsHeader);
    productsLayout->addWidget(m_products, 1);

    auto split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("slaSplitter"));
    split->addWidget(formPart);
    split->addWidget(productsPart);
    // The form keeps its own width; the products take the rest.
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &SlaComposer::previewBooks);
    for (QComboBox *combo : {m_availability, m_support})
        connect(combo, &QComboBox::currentIndexChanged, this, &SlaComposer::updateMatches);
    connect(m_credit, &QSpinBox::valueChanged, this, &SlaComposer::updateMatches);
    for (QLineEdit *edit : {m_jurisdictions, m_certifications, m_policies})
        connect(edit, &QLineEdit::textChanged, this, &SlaComposer::updateMatches);
    for (QCheckBox *box : std::as_const(m_tenancies))
        connect(box, &QCheckBox::toggled, this, &SlaComposer::updateMatches);
    for (QListWidget *list : {m_regions, m_classes})
        connect(list, &QListWidget::itemChanged, this, &SlaComposer::updateMatches);
    connect(m_list, &QListWidget::currentRowChanged, this, &SlaComposer::loadSelected);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        m_currentId.clear();
        setProfile({});
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &SlaComposer::saveProfile);
    connect(m_delete, &QPushButton::clicked, this, &SlaComposer::deleteSelected);
    if (m_session)
        connect(m_session, &desk::MarketSession::instrumentsChanged, this,
                [this] { m_previewTimer->start(); });
    updateMatches();
}

void SlaComposer::setDataDirectory(const QString &dataDir)
{
    m_dataDir = dataDir;
    reloadList();
}

manage::SlaProfile SlaComposer::profile() const
{
    manage::SlaProfile p;
    p.name = m_name->text().trimmed();
    p.id = m_currentId.isEmpty() ? idFor(p.name) : m_currentId;
    p.minAvailabilityBasisPoints = m_availability->currentData().toInt();
    p.maxSupportResponseMinutes = m_support->currentData().toInt();
    p.minCreditPercent = m_credit->value();
    p.jurisdictions = listOf(m_jurisdictions);
    p.certifications = listOf(m_certifications);
    p.metadataPolicies = listOf(m_policies);
    for (QCheckBox *box : m_tenancies)
        if (box->isChecked())
            p.tenancies.append(catalogue::Tenancy(box->property("tenancy").toInt()));
    p.regions = checked(m_regions);
    p.instanceClasses = checked(m_classes);
    return p;
}

void SlaComposer::setProfile(const manage::SlaProfile &p)
{
    m_loading = true;
    m_name->setText(p.name);
    selectData(m_availability, p.minAvailabilityBasisPoints);
    selectData(m_support, p.maxSupportResponseMinutes);
    m_credit->setValue(p.minCreditPercent);
    m_jurisdictions->setText(p.jurisdictions.join(QStringLiteral(", ")));
    m_certifications->setText(p.certifications.join(QStringLiteral(", ")));
    m_policies->setText(p.metadataPolicies.join(QStringLiteral(", ")));
    for (QCheckBox *box : std::as_const(m_tenancies))
        box->setChecked(p.tenancies.contains(catalogue::Tenancy(box->property("tenancy").toInt())));
    check(m_regions, p.regions);
    check(m_classes, p.instanceClasses);
    m_loading = false;
    updateMatches();
}

bool SlaComposer::saveProfile()
{
    if (m_dataDir.isEmpty()) {
        setMessage(tr("Profiles need a data directory."), true);
        return false;
    }
    if (m_name->text().trimmed().isEmpty()) {
        setMessage(tr("Give the profile a name first."), true);
        m_name->setFocus();
        return false;
    }
    const manage::SlaProfile p = profile();
    // Round trip through the file format, so that what is saved is what loads.
    const Result<manage::SlaProfile> checkedProfile = manage::SlaProfile::fromJson(p.toJson());
    if (!checkedProfile) {
        setMessage(checkedProfile.error().message, true);
        return false;
    }
    if (const Result<void> saved = manage::SlaProfileStore(m_dataDir).save(*checkedProfile); !saved) {
        setMessage(saved.error().message, true);
        return false;
    }
    m_currentId = p.id;
    reloadList(p.id);
    setMessage(tr("Saved \"%1\".").arg(p.name), false);
    Q_EMIT profilesChanged();
    return true;
}

void SlaComposer::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    if (m_dataDir.isEmpty())
        return;
    const Result<QList<manage::SlaProfile>> loaded = manage::SlaProfileStore(m_dataDir).load();
    if (!loaded) {
        setMessage(loaded.error().message, true);
        return;
    }
    for (const manage::SlaProfile &p : loaded.value()) {
        auto item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(p.id);
        if (p.id == select)
            m_list->setCurrentItem(item);
    }
    m_delete->setEnabled(m_list->currentItem() != nullptr);
}

void SlaComposer::loadSelected()
{
    m_delete->setEnabled(m_list->currentItem() != nullptr);
    if (!m_list->currentItem() || m_dataDir.isEmpty())
        return;
    const QString id = m_list->currentItem()->data(Qt::UserRole).toString();
    const Result<QList<manage::SlaProfile>> loaded = manage::SlaProfileStore(m_dataDir).load();
    if (!loaded)
        return setMessage(loaded.error().message, true);
    for (const manage::SlaProfile &p : loaded.value()) {
        if (p.id == id) {
            m_currentId = id;
            setProfile(p);
            setMessage({}, false);
            return;
        }
    }
}

void SlaComposer::deleteSelected()
{
    if (!m_list->currentItem() || m_dataDir.isEmpty())
        return;
    const QString id = m_list->currentItem()->data(Qt::UserRole).toString();
    if (const Result<void> removed = manage::SlaProfileStore(m_dataDir).remove(id); !removed)
        return setMessage(removed.error().message, true);
    m_currentId.clear();
    reloadList();
    setMessage(tr("Deleted."), false);
    Q_EMIT profilesChanged();
}

void SlaComposer::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
}

void SlaComposer::updateMatches()
{
    if (m_loading)
        return;
    const manage::SlaProfile p = profile();
    const catalogue::Catalogue &cat = catalogue::Catalogue::standard();
    const QLocale locale;
    QStringList matching;
    QList<catalogue::Product> products;
    for (const catalogue::Product &product : cat.products()) {
        if (p.matches(product)) {
            matching.append(product.symbol());
            products.append(product);
        }
    }
    m_matching = matching;
    // Products with an open market first: those are the ones the book can say something about.
    const auto listed = [this](const QString &symbol) {
        return !frontHour(symbol).isEmpty();
    };
    std::stable_partition(products.begin(), products.end(),
                          [&](const catalogue::Product &product) { return listed(product.symbol()); });
    m_products->setSortingEnabled(false);
    m_products->setRowCount(int(products.size()));
    for (int row = 0; row < products.size(); ++row) {
        const catalogue::Product &product = products.at(row);
        const catalogue::SlaTerms &terms = catalogue::slaTerms(product.sla);
        const auto set = [&](int column, const QString &text) {
            auto item = new QTableWidgetItem(text);
            if (column == Product)
                item->setToolTip(cat.describe(product));
            m_products->setItem(row, column, item);
        };
        set(Product, product.symbol());
        set(SlaClass, catalogue::slaClassCode(product.sla));
        set(Availability, terms.availabilityText());
        set(Support, terms.supportResponseText());
        set(Credit, terms.credits.isEmpty()
                        ? tr("none")
                        : tr("%1 %").arg(locale.toString(terms.credits.first().creditPercent)));
        set(FrontHour, listed(product.symbol()) ? tr("asking…") : tr("no open market"));
    }
    m_count->setText(tr("%n product(s) match", nullptr, int(matching.size())));
    m_previewTimer->start();
}

QString SlaComposer::frontHour(const QString &product) const
{
    if (!m_session)
        return {};
    const api::Instrument *front = nullptr;
    for (const api::Instrument &instrument : m_session->instruments()) {
        if (instrument.product == product && instrument.kind == u"H" &&
            (!front || instrument.deliveryStart < front->deliveryStart))
            front = &instrument;
    }
    return front ? front->symbol : QString();
}

void SlaComposer::previewBooks()
{
    for (const auto &job : std::as_const(m_previews)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
            job->deleteLater();
        }
    }
    m_previews.clear();
    if (!m_session || !m_session->isOpen() || m_session->state() != desk::MarketSession::State::Connected)
        return;
    const manage::SlaProfile p = profile();
    const QLocale locale;
    for (int row = 0; row < m_products->rowCount() && m_previews.size() < kMaxPreviewed; ++row) {
        const QString product = m_products->item(row, Product)->text();
        const QString symbol = frontHour(product);
        if (symbol.isEmpty())
            break; // listed products come first
        const qint64 spot = m_session->summaries().value(product).spot;
        if (spot <= 0) {
            m_products->item(row, FrontHour)->setText(tr("no trades yet"));
            continue;
        }
        api::OrderRequest probe;
        probe.symbol = symbol;
        probe.side = api::Side::Buy;
        probe.type = api::OrderType::Limit;
        probe.timeInForce = api::TimeInForce::ImmediateOrCancel;
        probe.price = spot * kProbeSpotMultiple;
        probe.quantity = kProbeQuantity;
        probe.requirements = p.requirements();
        auto *call = m_session->preview(probe);
        m_previews.append(call);
        QTableWidgetItem *item = m_products->item(row, FrontHour);
        connect(call, &Job::finished, this, [this, call, item, locale] {
            call->deleteLater();
            m_previews.removeIf([call](const QPointer<desk::ExchangeJob> &j) { return j == call; });
            // The row may have been rebuilt since; the item is then gone.
            bool present = false;
            for (int r = 0; r < m_products->rowCount() && !present; ++r)
                present = m_products->item(r, FrontHour) == item;
            if (!present)
                return;
            if (!call->ok()) {
                item->setText(tr("no preview: %1").arg(call->errorString()));
                return;
            }
            const api::OrderPreview &preview = call->value();
            qint64 skipped = 0;
            for (const api::PreviewSkip &s : preview.skipped)
                skipped += s.reason == u"price" ? 0 : s.quantity;
            item->setText(
                preview.refusal.isEmpty()
                    ? tr("%1 of %2 eligible now, avg %3 EUR; %4 passed over")
                          .arg(locale.toString(preview.fillQuantity), locale.toString(preview.quantity),
                               desk::formatPriceTicks(preview.averagePrice, locale), locale.toString(skipped))
                    : tr("refused: %1").arg(preview.refusalMessage));
            item->setToolTip(OrderTicket::previewText(preview));
        });
    }
}

} // namespace cloudex::ui
