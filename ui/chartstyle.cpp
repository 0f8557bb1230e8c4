#include "chartstyle.h"

#include <QChartView>

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

namespace cloudex::ui {

namespace chartcolours {
bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor up(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xc2, 0x6a) : QColor(0x2e, 0x7d, 0x32);
}

QColor down(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf2, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor accent(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xa8, 0xf7) : QColor(0x1f, 0x5f, 0xb0);
}

QColor muted(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x8a, 0x98, 0xab) : QColor(0x6b, 0x78, 0x8a);
}

QColor series(const QPalette &palette, int index)
{
    static const QColor light[] = {QColor(0x1f, 0x5f, 0xb0), QColor(0xd9, 0x6c, 0x00),
                                   QColor(0x2e, 0x7d, 0x32), QColor(0x8e, 0x24, 0xaa),
                                   QColor(0x00, 0x83, 0x8f)};
    static const QColor dark[] = {QColor(0x6c, 0xa8, 0xf7), QColor(0xff, 0xa7, 0x4d),
                                  QColor(0x4c, 0xc2, 0x6a), QColor(0xce, 0x93, 0xd8),
                                  QColor(0x4d, 0xd0, 0xe1)};
    const int n = int(std::size(light));
    const int i = ((index % n) + n) % n;
    return isDark(palette) ? dark[i] : light[i];
}
} // namespace chartcolours

void installChart(QChartView *view, QChart *chart)
{
    QChart *previous = view->chart();
    view->setChart(chart);
    if (previous != chart)
        delete previous;
}

void styleChart(QChart *chart, const QPalette &palette)
{
    if (!chart)
        return;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    // Fusion's Mid sits close to Base in the light palette; mix towards the text instead so
    // grid lines stay visible but quiet in both themes.
    grid = QColor::fromRgbF(base.redF() * 0.85f + text.redF() * 0.15f,
                            base.greenF() * 0.85f + text.greenF() * 0.15f,
                            base.blueF() * 0.85f + text.blueF() * 0.15f);
    QColor axisLine =
        QColor::fromRgbF(base.redF() * 0.6f + text.redF() * 0.4f, base.greenF() * 0.6f + text.greenF() * 0.4f,
                         base.blueF() * 0.6f + text.blueF() * 0.4f);

    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->setLocalizeNumbers(true);
    if (QLegend *legend = chart->legend()) {
        legend->setLabelColor(text);
        legend->setBrush(Qt::NoBrush);
        legend->setPen(Qt::NoPen);
    }
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(axisLine);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

} // namespace cloudex::ui
