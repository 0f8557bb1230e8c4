#pragma once

#include "api/orderrequest.h"
#include "desk/records.h"

#include <QGroupBox>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
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

Q_SIGNALS:
    void submitRequested(const cloudex::api::OrderRequest &order);

private:
    void updateFields();
    void updateRequirementsSummary();
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
};

} // namespace cloudex::ui
