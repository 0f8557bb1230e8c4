#include "orderticket.h"

#include "core/clock.h"
#include "desk/marketsession.h"
#include "desk/orderrules.h"
#include "desk/price.h"
#include "manage/profileledger.h"
#include "prompts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace cloudex::ui {
namespace {
constexpr int kMaxQuantity = 1'000'000;
constexpr qint64 kMsPerSecond = 1000;
constexpr int kDefaultExpiryHours = 24;

/// The enumeration value a combo box item stands for.
template<api::WireEnum E> E currentValue(const QComboBox *combo)
{
    return E(combo->currentData().toInt());
}

template<api::WireEnum E> void addValue(QComboBox *combo, const QString &text, E value)
{
    combo->addItem(text, int(value));
}

QStringList listOf(const QLineEdit *edit)
{
    QStringList out;
    for (const QString &part :
         edit->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        out.append(part.trimmed());
    return out;
}
} // namespace

OrderTicket::OrderTicket(const Clock &clock, QWidget *parent)
    : QGroupBox(tr("Order ticket"), parent)
    , m_clock(clock)
    , m_instrument(new QLabel(this))
    , m_side(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_timeInForce(new QComboBox(this))
    , m_price(new QLineEdit(this))
    , m_quantity(new QSpinBox(this))
    , m_expiry(new QDateTimeEdit(this))
    , m_postOnly(new QCheckBox(tr("Post only"), this))
    , m_requirementsToggle(new QToolButton(this))
    , m_requirements(new QWidget(this))
    , m_jurisdictions(new QLineEdit(m_requirements))
    , m_certifications(new QLineEdit(m_requirements))
    , m_policies(new QLineEdit(m_requirements))
    , m_status(new QLabel(this))
    , m_submit(new QPushButton(this))
    , m_profile(new QComboBox(this))
    , m_previewLabel(new QLabel(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("orderTicket"));
    m_instrument->setObjectName(QStringLiteral("ticketInstrument"));
    m_instrument->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_side->setObjectName(QStringLiteral("ticketSide"));
    addValue(m_side, tr("Buy"), api::Side::Buy);
    addValue(m_side, tr("Sell"), api::Side::Sell);
    m_type->setObjectName(QStringLiteral("ticketType"));
    addValue(m_type, tr("Limit"), api::OrderType::Limit);
    addValue(m_type, tr("Market"), api::OrderType::Market);
    m_timeInForce->setObjectName(QStringLiteral("ticketTimeInForce"));
    addValue(m_timeInForce, tr("Good till cancelled"), api::TimeInForce::GoodTillCancel);
    addValue(m_timeInForce, tr("Good till date"), api::TimeInForce::GoodTillDate);
    addValue(m_timeInForce, tr("Immediate or cancel"), api::TimeInForce::ImmediateOrCancel);
    addValue(m_timeInForce, tr("Fill or kill"), api::TimeInForce::FillOrKill);
    m_price->setObjectName(QStringLiteral("ticketPrice"));
    m_price->setPlaceholderText(tr("e.g. 0.1250"));
    m_price->setToolTip(tr("Price in EUR per instance-hour, at most four decimals"));
    m_quantity->setObjectName(QStringLiteral("ticketQuantity"));
    m_quantity->setRange(1, kMaxQuantity);
    // " 1 instance", " 2 instances": the suffix follows the number.
    const auto updateSuffix = [this](int n) {
        m_quantity->setSuffix(tr(" instance(s)", nullptr, n));
    };
    connect(m_quantity, &QSpinBox::valueChanged, this, updateSuffix);
    updateSuffix(m_quantity->value());
    m_expiry->setObjectName(QStringLiteral("ticketExpiry"));
    m_expiry->setTimeSpec(Qt::UTC);
    m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_expiry->setDateTime(
        QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).addSecs(kDefaultExpiryHours * 3600));
    m_postOnly->setObjectName(QStringLiteral("ticketPostOnly"));
    m_postOnly->setToolTip(
        tr("Only rest in the book: the exchange refuses the order if it would trade at once"));

    m_requirementsToggle->setObjectName(QStringLiteral("ticketRequirementsToggle"));
    m_requirementsToggle->setText(tr("Requirements"));
    m_requirementsToggle->setToolTip(
        tr("What the counterparty must offer: jurisdiction, certifications, metadata policy"));
    // The requirements open over the book rather than inside the ticket, so the book and the
    // trade tape keep their rows.
    m_requirementsToggle->setPopupMode(QToolButton::InstantPopup);
    m_requirementsToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_requirementsToggle->setAutoRaise(true);
    auto requirementsMenu = new QMenu(m_requirementsToggle);
    requirementsMenu->setObjectName(QStringLiteral("ticketRequirementsPopup"));
    auto requirementsAction = new QWidgetAction(requirementsMenu);
    m_jurisdictions->setObjectName(QStringLiteral("ticketJurisdictions"));
    m_jurisdictions->setPlaceholderText(tr("any, or e.g. DE, FR"));
    m_certifications->setObjectName(QStringLiteral("ticketCertifications"));
    m_certifications->setPlaceholderText(tr("none, or e.g. ISO27001, C5"));
    m_policies->setObjectName(QStringLiteral("ticketPolicies"));
    m_policies->setPlaceholderText(tr("any metadata policy"));
    auto requirementsForm = new QFormLayout(m_requirements);
    requirementsForm->addRow(tr("Jurisdictions:"), m_jurisdictions);
    requirementsForm->addRow(tr("Certifications:"), m_certifications);
    requirementsForm->addRow(tr("Metadata policies:"), m_policies);
    requirementsForm->setContentsMargins(8, 8, 8, 8);
    m_requirements->setMinimumWidth(320);
    requirementsAction->setDefaultWidget(m_requirements);
    requirementsMenu->addAction(requirementsAction);
    m_requirementsToggle->setMenu(requirementsMenu);
    connect(requirementsMenu, &QMenu::aboutToShow, this, [this] { m_jurisdictions->setFocus(); });
    connect(requirementsMenu, &QMenu::aboutToHide, this, &OrderTicket::updateRequirementsSummary);
    for (QLineEdit *edit : {m_jurisdictions, m_certifications, m_policies})
        connect(edit, &QLineEdit::textChanged, this, &OrderTicket::updateRequirementsSummary);
    updateRequirementsSummary();

    m_profile->setObjectName(QStringLiteral("ticketProfile"));
    m_profile->setToolTip(tr("An SLA profile fills the counterparty requirements; the order remembers it"));
    m_previewLabel->setObjectName(QStringLiteral("ticketPreview"));
    m_previewLabel->setWordWrap(true);
    // Room for three lines whether or not a preview shows, so the ticket (and the book and
    // tape above it) keep their height while the preview comes and goes.
    m_previewLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_previewLabel->setMinimumHeight(m_previewLabel->fontMetrics().lineSpacing() * 3);
    m_previewLabel->setAccessibleName(tr("Preview"));
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &OrderTicket::requestPreview);

    m_status->setObjectName(QStringLiteral("ticketStatus"));
    m_status->setWordWrap(true);
    m_submit->setObjectName(QStringLiteral("ticketSubmit"));
    m_submit->setDefault(true);

    auto sideType = new QHBoxLayout;
    sideType->addWidget(m_side);
    sideType->addWidget(m_type);
    auto form = new QFormLayout;
    m_form = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // The whole width: instrument symbols are long.
    QFont bold = m_instrument->font();
    bold.setBold(true);
    m_instrument->setFont(bold);
    m_instrument->setToolTip(tr("The instrument orders from this ticket go to"));
    form->addRow(m_instrument);
    form->addRow(tr("Side, type:"), sideType);
    form->addRow(tr("Price (EUR):"), m_price);
    form->addRow(tr("Quantity:"), m_quantity);
    form->addRow(tr("Validity:"), m_timeInForce);
    form->addRow(tr("Expires:"), m_expiry);
    form->addRow(tr("SLA profile:"), m_profile);
    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto options = new QHBoxLayout;
    options->addWidget(m_postOnly);
    options->addWidget(m_requirementsToggle);
    options->addStretch();
    layout->addLayout(options);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_submit);

    for (QComboBox *combo : {m_side, m_type, m_timeInForce})
        connect(combo, &QComboBox::currentIndexChanged, this, &OrderTicket::updateFields);
    connect(m_price, &QLineEdit::returnPressed, this, &OrderTicket::submit);
    connect(m_submit, &QPushButton::clicked, this, &OrderTicket::submit);
    // Every change asks for a fresh preview, once the typing pauses.
    for (QComboBox *combo : {m_side, m_type, m_timeInForce})
        connect(combo, &QComboBox::currentIndexChanged, this, &OrderTicket::schedulePreview);
    for (QLineEdit *edit : {m_price, m_jurisdictions, m_certifications, m_policies})
        connect(edit, &QLineEdit::textChanged, this, &OrderTicket::schedulePreview);
    connect(m_quantity, &QSpinBox::valueChanged, this, &OrderTicket::schedulePreview);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, &OrderTicket::schedulePreview);
    connect(m_postOnly, &QCheckBox::toggled, this, &OrderTicket::schedulePreview);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        const std::optional<manage::SlaProfile> profile = currentProfile();
        if (!profile)
            return;
        // The profile's counterparty part becomes the order's requirements.
        m_jurisdictions->setText(profile->jurisdictions.join(QStringLiteral(", ")));
        m_certifications->setText(profile->certifications.join(QStringLiteral(", ")));
        m_policies->setText(profile->metadataPolicies.join(QStringLiteral(", ")));
        updateRequirementsSummary();
    });
    reloadProfiles();
    setInstrument({}, nullptr);
    updateFields();
}

void OrderTicket::setInstrument(const QString &symbol, const desk::InstrumentRecord *details)
{
    m_symbol = symbol;
    m_details = details ? std::optional(*details) : std::nullopt;
    m_instrument->setText(symbol.isEmpty() ? tr("none selected") : symbol);
    if (m_details)
        m_quantity->setSingleStep(int(std::max<qint64>(1, m_details->lotSize)));
    m_status->clear();
    updateFields();
    schedulePreview();
}

void OrderTicket::setPrice(qint64 ticks)
{
    m_price->setText(desk::formatPriceTicks(ticks));
}

void OrderTicket::setEnabledForTrading(bool enabled, const QString &reason)
{
    m_tradingEnabled = enabled;
    if (!enabled && !reason.isEmpty())
        setStatus(reason, false);
    updateFields();
}

void OrderTicket::setBusy(bool busy)
{
    m_busy = busy;
    updateFields();
}

void OrderTicket::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void OrderTicket::updateFields()
{
    const bool priced = desk::OrderRules::takesPrice(currentValue<api::OrderType>(m_type));
    m_price->setEnabled(priced);
    m_postOnly->setEnabled(priced);
    if (m_form)
        m_form->setRowVisible(m_expiry,
                              desk::OrderRules::takesExpiry(currentValue<api::TimeInForce>(m_timeInForce)));
    m_submit->setText(currentValue<api::Side>(m_side) == api::Side::Buy ? tr("Buy…") : tr("Sell…"));
    m_submit->setEnabled(m_tradingEnabled && !m_busy && !m_symbol.isEmpty());
}

std::optional<api::OrderRequest> OrderTicket::validate(QString *problem) const
{
    const auto fail = [problem](const QString &why) -> std::optional<api::OrderRequest> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    api::OrderRequest t;
    t.symbol = m_symbol;
    if (t.symbol.isEmpty())
        return fail(tr("Choose an instrument first."));
    t.side = currentValue<api::Side>(m_side);
    t.type = currentValue<api::OrderType>(m_type);
    t.timeInForce = currentValue<api::TimeInForce>(m_timeInForce);
    t.quantity = m_quantity->value();
    t.postOnly = m_postOnly->isEnabled() && m_postOnly->isChecked();
    if (desk::OrderRules::takesPrice(t.type)) {
        // Reading the text is the widget's part; what a price may be is the rules'.
        const auto ticks = desk::parsePriceTicks(m_price->text());
        if (!ticks)
            return fail(tr("Enter the price in EUR with at most four decimals, for example 0.1250."));
        t.price = *ticks;
    }
    if (desk::OrderRules::takesExpiry(t.timeInForce))
        t.expiry = m_expiry->dateTime().toSecsSinceEpoch();
    const QStringList jurisdictions = listOf(m_jurisdictions);
    const QStringList certifications = listOf(m_certifications);
    const QStringList policies = listOf(m_policies);
    if (!jurisdictions.isEmpty() || !certifications.isEmpty() || !policies.isEmpty())
        t.requirements = api::Requirements{jurisdictions, certifications, policies};
    const auto checked =
        desk::OrderRules::check(t, m_details ? &*m_details : nullptr, m_clock.nowMs() / kMsPerSecond);
    if (!checked)
        return fail(checked.error().message);
    return desk::OrderRules::normalized(std::move(t));
}

void OrderTicket::setPreviewer(Previewer previewer)
{
    m_previewer = std::move(previewer);
    schedulePreview();
}

void OrderTicket::schedulePreview()
{
    m_previewTimer->start();
}

void OrderTicket::requestPreview()
{
    if (m_previewCall) {
        // Only the newest question counts.
        m_previewCall->disconnect(this);
        m_previewCall->cancel();
        m_previewCall->deleteLater();
        m_previewCall = nullptr;
    }
    m_preview.reset();
    m_previewOrder.reset();
    if (!m_previewer || m_symbol.isEmpty()) {
        showPreview({}, false);
        return;
    }
    QString problem;
    const std::optional<api::OrderRequest> order = validate(&problem);
    if (!order) {
        // What is wrong is said when the order is sent; until then the preview stays quiet.
        showPreview({}, false);
        return;
    }
    desk::ExchangeCall<api::OrderPreview> *call = m_previewer(*order);
    if (!call) {
        showPreview(tr("No preview while the exchange is not connected."), false);
        return;
    }
    m_previewCall = call;
    showPreview(tr("Asking the exchange what would fill…"), false);
    connect(call, &Job::finished, this, [this, call, asked = *order] {
        call->deleteLater();
        if (m_previewCall != call)
            return;
        m_previewCall = nullptr;
        if (!call->ok()) {
            showPreview(tr("No preview: %1").arg(call->errorString()), true);
            return;
        }
        m_preview = call->value();
        m_previewOrder = asked;
        showPreview(previewText(call->value()), !call->value().refusal.isEmpty());
    });
}

void OrderTicket::showPreview(const QString &text, bool error)
{
    m_previewLabel->setText(text);
    QPalette palette = m_previewLabel->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xc6, 0x28, 0x28) : this->palette().color(QPalette::WindowText));
    m_previewLabel->setPalette(palette);
}

QString OrderTicket::previewText(const api::OrderPreview &p)
{
    const QLocale locale;
    QString text;
    if (!p.refusal.isEmpty()) {
        text = tr("The exchange would refuse this order now: %1")
                   .arg(p.refusalMessage.isEmpty() ? p.refusal : p.refusalMessage);
    } else if (p.fillQuantity == 0) {
        text = tr("Nothing of %n instance(s) would fill now.", nullptr, int(p.quantity));
    } else {
        text = tr("Fills %1 of %n instance(s) now at %2 EUR average, %3 EUR worst.", nullptr, int(p.quantity))
                   .arg(locale.toString(p.fillQuantity), desk::formatPriceTicks(p.averagePrice, locale),
                        desk::formatPriceTicks(p.worstPrice, locale));
    }
    QStringList skipped;
    for (const api::PreviewSkip &skip : p.skipped) {
        const int n = int(skip.quantity);
        if (skip.reason == u"jurisdiction")
            skipped.append(tr("%n outside the required jurisdictions", nullptr, n));
        else if (skip.reason == u"certification")
            skipped.append(tr("%n missing a required certification", nullptr, n));
        else if (skip.reason == u"metadata-policy")
            skipped.append(tr("%n under another metadata policy", nullptr, n));
        else if (skip.reason == u"allow-list")
            skipped.append(tr("%n excluded by a seller's allow-list", nullptr, n));
        else if (skip.reason == u"self-trade")
            skipped.append(tr("%n your own, which would be cancelled", nullptr, n));
        else if (skip.reason == u"price")
            skipped.append(tr("%n beyond your limit price", nullptr, n));
        else
            skipped.append(QStringLiteral("%1 %2").arg(locale.toString(n), skip.reason));
    }
    if (!skipped.isEmpty())
        text += u' ' + tr("Passed over: %1.").arg(skipped.join(QStringLiteral("; ")));
    return text;
}

void OrderTicket::setDataDirectory(const QString &dataDir)
{
    m_dataDir = dataDir;
    reloadProfiles();
}

void OrderTicket::reloadProfiles()
{
    const QString current = m_profile->currentData().toString();
    m_profiles.clear();
    if (!m_dataDir.isEmpty()) {
        if (Result<QList<manage::SlaProfile>> loaded = manage::SlaProfileStore(m_dataDir).load())
            m_profiles = std::move(loaded).value();
    }
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("None"), QString());
    for (const manage::SlaProfile &profile : std::as_const(m_profiles))
        m_profile->addItem(profile.name, profile.id);
    const int index = m_profile->findData(current);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
    m_profile->setEnabled(!m_profiles.isEmpty());
}

void OrderTicket::chooseProfile(const QString &id)
{
    const int index = m_profile->findData(id);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
}

std::optional<manage::SlaProfile> OrderTicket::currentProfile() const
{
    const QString id = m_profile->currentData().toString();
    for (const manage::SlaProfile &profile : m_profiles)
        if (!id.isEmpty() && profile.id == id)
            return profile;
    return std::nullopt;
}

void OrderTicket::orderAcknowledged(const QString &clientOrderId, qint64 orderId)
{
    if (m_dataDir.isEmpty() || clientOrderId.isEmpty() || orderId <= 0)
        return;
    if (Result<bool> set = manage::ProfileLedger(m_dataDir).setOrderId(clientOrderId, orderId); !set)
        setStatus(set.error().message, true);
}

void OrderTicket::updateRequirementsSummary()
{
    QStringList parts;
    for (QLineEdit *edit : {m_jurisdictions, m_certifications, m_policies}) {
        const QStringList values = listOf(edit);
        if (!values.isEmpty())
            parts.append(values.join(QStringLiteral(", ")));
    }
    const int count =
        int(listOf(m_jurisdictions).size() + listOf(m_certifications).size() + listOf(m_policies).size());
    m_requirementsToggle->setText(count == 0 ? tr("Requirements") : tr("Requirements (%n)", nullptr, count));
    m_requirementsToggle->setToolTip(
        count == 0 ? tr("What the counterparty must offer: jurisdiction, certifications, metadata policy")
                   : tr("Counterparty must offer: %1").arg(parts.join(QStringLiteral("; "))));
}

QString OrderTicket::confirmationText(const api::OrderRequest &order) const
{
    const QLocale locale;
    const bool buy = order.side == api::Side::Buy;
    const QString instances = tr("%n instance(s)", nullptr, int(order.quantity));
    QStringList lines;
    const QString priceText =
        order.price ? tr("at %1 EUR per instance-hour").arg(desk::formatPriceTicks(*order.price, locale))
                    : tr("at the market");
    lines.append((buy ? tr("Buy %1 of %2 %3 (%4)?") : tr("Sell %1 of %2 %3 (%4)?"))
                     .arg(instances, order.symbol, priceText, m_timeInForce->currentText()));
    if (m_details && m_details->deliveryEnd > m_details->deliveryStart) {
        const qint64 hours = (m_details->deliveryEnd - m_details->deliveryStart) / 3600;
        const QDateTime start =
            QDateTime::fromSecsSinceEpoch(m_details->deliveryStart, Qt::UTC).toLocalTime();
        const QDateTime end = QDateTime::fromSecsSinceEpoch(m_details->deliveryEnd, Qt::UTC).toLocalTime();
        lines.append(tr("Delivery: %1 to %2 (%n hour(s))", nullptr, int(hours))
                         .arg(locale.toString(start, QLocale::ShortFormat),
                              locale.toString(end, QLocale::ShortFormat)));
        // The worst price this order can trade at: its limit, or for a market order the
        // exchange's price band in the direction of the trade.
        const qint64 worst = order.price ? *order.price : (buy ? m_details->bandHigh : m_details->bandLow);
        if (worst > 0) {
            const qint64 total = worst * order.quantity * hours;
            if (!order.price)
                lines.append(tr("Worst price: %1 EUR per instance-hour (the price band's %2)")
                                 .arg(desk::formatPriceTicks(worst, locale), buy ? tr("top") : tr("bottom")));
            lines.append((buy ? tr("Total at most %1 EUR (%2 × %n hour(s) × %3 EUR)", nullptr, int(hours))
                              : tr("Total at least %1 EUR (%2 × %n hour(s) × %3 EUR)", nullptr, int(hours)))
                             .arg(desk::formatPriceTicks(total, locale), instances,
                                  desk::formatPriceTicks(worst, locale)));
        }
    }
    // What the exchange said this order would do now, when the preview is of this order.
    api::OrderRequest asked = order;
    asked.clientOrderId.clear();
    if (m_preview && m_previewOrder && *m_previewOrder == asked)
        lines.append(tr("Now: %1").arg(previewText(*m_preview)));
    if (const std::optional<manage::SlaProfile> profile = currentProfile())
        lines.append(tr("SLA profile: %1").arg(profile->name));
    return lines.join(u'\n');
}

void OrderTicket::submit()
{
    if (!m_submit->isEnabled())
        return;
    QString problem;
    const auto ticket = validate(&problem);
    if (!ticket) {
        setStatus(problem, true);
        return;
    }
    const QString text = confirmationText(*ticket);
    if (!Prompts::confirm(this, tr("Confirm order"), text)) {
        setStatus(tr("Not sent."), false);
        return;
    }
    api::OrderRequest order = *ticket;
    if (const std::optional<manage::SlaProfile> profile = currentProfile(); profile && !m_dataDir.isEmpty()) {
        // The order remembers its profile, as it is now, under its client order id.
        order.clientOrderId = desk::MarketSession::newClientOrderId();
        const Result<void> recorded = manage::ProfileLedger(m_dataDir).record(
            {order.clientOrderId, 0, order.symbol, m_clock.nowMs() / kMsPerSecond, *profile});
        if (!recorded) {
            setStatus(tr("Not sent: %1").arg(recorded.error().message), true);
            return;
        }
    }
    setStatus(tr("Sending…"), false);
    Q_EMIT submitRequested(order);
}

} // namespace cloudex::ui
