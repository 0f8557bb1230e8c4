#pragma once

#include "manage/chargeback.h"
#include "manage/chargebackreader.h"

#include <QDialog>
#include <QWidget>

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableWidget;

namespace cloudex::desk {
class MarketSession;
class SiteFleet;
} // namespace cloudex::desk

namespace cloudex::ui {

/// Adds or edits a chargeback customer and its price plan (amounts in EUR, four decimals).
class CustomerDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CustomerDialog(const std::optional<manage::Customer> &existing, QWidget *parent = nullptr);
    /// The customer as typed, or why it is not one.
    Result<manage::Customer> customer() const;

private:
    void updateFields();
    QLineEdit *m_id;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_rate;
    QDoubleSpinBox *m_markup;
    QLineEdit *m_floor;
    QLineEdit *m_cap;
    QLabel *m_error;
};

/// Chargeback (issue #14), a tab of the Buy workspace: the end customers and their price
/// plans, which customer each contract (by default) and VM (override) is charged to, the
/// month's statement of the selected customer, a chart of each customer's charge per day,
/// and CSV export. Everything is kept in `<data>/manage/chargeback.sqlite`; "Collect usage"
/// reads each contract's usage from its site and the spot samples from the exchange.
class ChargebackPage final : public QWidget
{
    Q_OBJECT

public:
    ChargebackPage(desk::MarketSession *session, desk::SiteFleet *fleet, const QString &dataDir,
                   QWidget *parent = nullptr);

    manage::Month month() const { return m_month; }
    void setMonth(const manage::Month &month);
    /// Reads the store again and shows it: on the reader's thread, so this returns at once
    /// and `statementsShown` follows; until then the page says it is computing.
    void reload();
    /// The month's statements are being read and computed.
    bool isComputing() const { return m_reader && m_reader->isBusy(); }
    /// Selects the customer whose statement is shown (once the statements are there).
    void showCustomer(const QString &id);
    QString shownCustomer() const;
    const manage::ChargebackResult &result() const { return m_result; }
    Result<void> exportCsv(const QString &path) const;
    /// "Charge to" entries for a VM of the pane's context menu.
    void addVmActions(QMenu *menu, const QString &contract, const QString &vm);
    /// Fetches every bought contract's usage from its site and the month's hourly spot.
    void collectUsage();
    manage::ChargebackStore &store() { return m_store; }

Q_SIGNALS:
    void statusChanged(const QString &text);
    /// The statements of month() are shown (after reload()).
    void statementsShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setStatus(const QString &text);
    void apply(const manage::ChargebackSnapshot &snapshot);
    void assignContract(const QString &contract, const QString &customer);
    void fillMonths();
    void showCustomers();
    void selectCustomer(const QString &id);
    void showContracts();
    void showOverrides();
    void showStatement();
    void showChart();
    void editCustomer(bool add);
    void removeCustomer();
    void saveContracts();
    void collectNext();

    desk::MarketSession *m_session;
    desk::SiteFleet *m_fleet;
    QString m_dataDir;
    manage::ChargebackStore m_store;
    bool m_storeOpen = false;
    manage::Month m_month;
    manage::ChargebackReader *m_reader = nullptr;
    manage::ChargebackInput m_input;
    QList<manage::Month> m_months;
    QHash<QString, QList<qint64>> m_daily; ///< per customer and day of the month
    manage::ChargebackResult m_result;
    QString m_wantedCustomer; ///< to select once the statements are there
    QStringList m_collectQueue;
    QStringList m_spotQueue;
    int m_collectFailures = 0;

    QComboBox *m_monthCombo;
    QPushButton *m_collect;
    QPushButton *m_export;
    QLabel *m_status;
    QTableWidget *m_customers;
    QPushButton *m_addCustomer;
    QPushButton *m_editCustomer;
    QPushButton *m_removeCustomer;
    QTableWidget *m_contracts;
    QTableWidget *m_overrides;
    QPushButton *m_clearOverride;
    QLabel *m_statementTitle;
    QTableWidget *m_statement;
    QLabel *m_totals;
    QChartView *m_chart;
};

} // namespace cloudex::ui
