#include "workspacepage.h"

#include "accessibility.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace cloudex::ui {
namespace {
constexpr qreal kTitleScale = 1.6;
constexpr int kPageMargin = 16;
} // namespace

WorkspacePage::WorkspacePage(const QString &title, const QString &subtitle, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_notice(new QLabel(this))
    , m_content(new QVBoxLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * kTitleScale);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("workspaceTitle"));

    auto subtitleLabel = new QLabel(subtitle, this);
    subtitleLabel->setWordWrap(true);
    subtitleLabel->setForegroundRole(QPalette::PlaceholderText);

    m_notice->setObjectName(QStringLiteral("workspaceNotice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(8);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::AlternateBase);
    m_notice->hide();

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(kPageMargin, kPageMargin, kPageMargin, kPageMargin);
    layout->addWidget(m_title);
    layout->addWidget(subtitleLabel);
    layout->addSpacing(4);
    layout->addWidget(m_notice);
    layout->addLayout(m_content, 1);
}

QString WorkspacePage::title() const
{
    return m_title->text();
}

void WorkspacePage::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString WorkspacePage::notice() const
{
    return m_notice->text();
}

QWidget *WorkspacePage::createEmptyState(const QString &headline, const QString &detail, QWidget *parent)
{
    auto frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    auto head = new QLabel(headline, frame);
    QFont headFont = head->font();
    headFont.setBold(true);
    head->setFont(headFont);
    head->setAlignment(Qt::AlignCenter);
    auto body = new QLabel(detail, frame);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    body->setForegroundRole(QPalette::PlaceholderText);
    auto layout = new QVBoxLayout(frame);
    layout->addStretch();
    layout->addWidget(head);
    layout->addWidget(body);
    layout->addStretch();
    return frame;
}

QLabel *WorkspacePage::createSectionLabel(const QString &text, QWidget *parent)
{
    auto label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void WorkspacePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    polishAccessibility(this);
}

} // namespace cloudex::ui
