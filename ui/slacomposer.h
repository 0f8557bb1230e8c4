#pragma once

#include "api/orderpreview.h"
#include "desk/exchangejob.h"
#include "manage/slaprofile.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace cloudex::desk {
class MarketSession;
}

namespace cloudex::ui {

/// The SLA composer of the Buy workspace: edits a requirement profile (availability,
/// support response, service credits, the counterparty's jurisdictions, certifications and
/// metadata policy, tenancy, regions, instance classes), lists the catalogue products that
/// match it as it changes, and for each listed product with an open market asks the
/// exchange's pre-trade preview what of its front hour's book the profile could buy now
/// (a buy of kProbeQuantity instances, immediate or cancel, up to kProbeSpotMultiple times
/// the product's spot index). Profiles are saved by name in the data directory
/// (manage::SlaProfileStore), where the order ticket and the sourcing planner read them.
class SlaComposer final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kProbeQuantity = 20;
    static constexpr int kProbeSpotMultiple = 3;
    /// Products whose book is previewed (the first ones listed).
    static constexpr int kMaxPreviewed = 12;
    static constexpr int kPreviewDelayMs = 400;
    enum Column { Product, SlaClass, Availability, Support, Credit, FrontHour, ColumnCount };

    /// `session` may be null: then the products are listed without their book.
    explicit SlaComposer(desk::MarketSession *session, QWidget *parent = nullptr);

    void setDataDirectory(const QString &dataDir);
    QString dataDirectory() const { return m_dataDir; }
    /// The profile as the form shows it.
    manage::SlaProfile profile() const;
    /// Shows `profile` in the form.
    void setProfile(const manage::SlaProfile &profile);
    /// Saves the form under its name; false (and a message) when it cannot.
    bool saveProfile();
    QStringList matchingProducts() const { return m_matching; }

Q_SIGNALS:
    /// A profile was saved or deleted.
    void profilesChanged();

private:
    void reloadList(const QString &select = {});
    void loadSelected();
    void deleteSelected();
    void updateMatches();
    void previewBooks();
    QString frontHour(const QString &product) const;
    void setMessage(const QString &text, bool error);

    desk::MarketSession *m_session;
    QString m_dataDir;
    QString m_currentId; ///< the saved profile the form started from; empty: a new one
    bool m_loading = false;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QComboBox *m_availability;
    QComboBox *m_support;
    QSpinBox *m_credit;
    QLineEdit *m_jurisdictions;
    QLineEdit *m_certifications;
    QLineEdit *m_policies;
    QList<QCheckBox *> m_tenancies;
    QListWidget *m_regions;
    QListWidget *m_classes;
    QLabel *m_count;
    QLabel *m_message;
    QTableWidget *m_products;
    QTimer *m_previewTimer;
    QStringList m_matching;
    QList<QPointer<desk::ExchangeJob>> m_previews;
};

} // namespace cloudex::ui
