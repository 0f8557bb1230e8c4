#pragma once

#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "desk/exchangejob.h"
#include "desk/records.h"
#include "manage/slaprofile.h"

#include <QGroupBox>
#include <QPointer>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace cloudex {
class Clock;
}

namespace cloudex::ui {

/// The order ticket: side, type, time in force, price in EUR (four decimals, sent as
/// integer ticks), quantity, optional counterparty requirements. Asks desk::OrderRules
/// whether the order may go (price band, lot size, market orders immediate only, expiry)
/// before anything is sent, then asks for confirmation (Prompts::confirm) and emits
/// submitRequested.
///
/// While the ticket changes it asks the exchange for a preview (debounced, kPreviewDelayMs):
/// how much would fill now, at what average and worst price, and how much resting quantity
/// the order would pass over and why; the confirmation repeats it. An SLA profile chosen in
/// the ticket fills the counterparty requirements; an order sent under a profile is recorded
/// in the data directory (manage::ProfileLedger) with the profile as it was.
class OrderTicket final : public QGroupBox
{
    Q_OBJECT

public:
    OrderTicket(const Clock &clock, QWidget *parent = nullptr);

    /// The instrument orders go to; nullptr details: none selected.
    void setInstrument(const QString &symbol, const desk::InstrumentRecord *details);
    void setPrice(qint64 ticks);
    void setEnabledForTrading(bool enabled, const QString &reason = {});
    /// While an order is on its way the ticket takes no second one.
    void setBusy(bool busy);
    /// Shows the outcome of the last submission.
    void setStatus(const QString &text, bool error);

    /// The order as entered, or a sentence saying what is wrong.
    std::optional<api::OrderRequest> validate(QString *problem) const;

    static constexpr int kPreviewDelayMs = 250;
    /// Starts a preview of an order (nullptr: none can be asked now); the ticket owns the job.
    using Previewer = std::function<desk::ExchangeCall<api::OrderPreview> *(const api::OrderRequest &)>;
    void setPreviewer(Previewer previewer);
    /// The last preview shown, and the order it was for.
    const std::optional<api::OrderPreview> &preview() const { return m_preview; }
    /// The preview in words: "Fills 10 of 15 instances now at …; passes over …".
    static QString previewText(const api::OrderPreview &preview);

    /// Where SLA profiles are read from and orders under a profile are recorded; empty: no
    /// profiles.
    void setDataDirectory(const QString &dataDir);
    /// Reads the saved profiles again (after the SLA composer saved one).
    void reloadProfiles();
    /// Chooses a profile by id (empty: none) as the profile chooser does.
    void chooseProfile(const QString &id);
    std::optional<manage::SlaProfile> currentProfile() const;
    /// The exchange acknowledged an order of this ticket: an order under a profile gets its
    /// order id in the ledger.
    void orderAcknowledged(const QString &clientOrderId, qint64 orderId);

Q_SIGNALS:
    void submitRequested(const cloudex::api::OrderRequest &order);

private:
    void updateFields();
    void updateRequirementsSummary();
    void schedulePreview();
    void requestPreview();
    void showPreview(const QString &text, bool error);
    void submit();
    /// The question before sending: side, quantity, instrument, price, delivery window, worst
    /// price and the total it can cost (or earn).
    QString confirmationText(const api::OrderRequest &order) const;

    const Clock &m_clock;
    QString m_symbol;
    std::optional<desk::InstrumentRecord> m_details;
    bool m_tradingEnabled = false;
    bool m_busy = false;
    QLabel *m_instrument;
    QComboBox *m_side;
    QComboBox *m_type;
    QComboBox *m_timeInForce;
    QLineEdit *m_price;
    QSpinBox *m_quantity;
    QDateTimeEdit *m_expiry;
    QFormLayout *m_form = nullptr;
    QCheckBox *m_postOnly;
    QToolButton *m_requirementsToggle;
    QWidget *m_requirements;
    QLineEdit *m_jurisdictions;
    QLineEdit *m_certifications;
    QLineEdit *m_policies;
    QLabel *m_status;
    QPushButton *m_submit;
    QComboBox *m_profile;
    QLabel *m_previewLabel;
    QTimer *m_previewTimer;
    Previewer m_previewer;
    QPointer<desk::ExchangeCall<api::OrderPreview>> m_previewCall;
    std::optional<api::OrderRequest> m_previewOrder; ///< the order m_preview is for
    std::optional<api::OrderPreview> m_preview;
    QString m_dataDir;
    QList<manage::SlaProfile> m_profiles;
};

} // namespace cloudex::ui
