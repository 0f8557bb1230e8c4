#pragma once

#include <QColor>

class QChart;
class QChartView;
class QPalette;

namespace cloudex::ui {

/// QtCharts 6.4 ignores the widget palette (and QChart::setTheme() would overwrite the
/// series colours), so a chart view calls this on construction and on every PaletteChange:
/// background, plot area, title, legend, axis lines, grid and labels follow the palette,
/// and axis numbers follow the locale.
void styleChart(QChart *chart, const QPalette &palette);

/// Gives `view` its chart and deletes the one it had: QChartView makes an empty chart of
/// its own on construction and setChart() only takes it out of the scene, so without this
/// every chart view leaks one (a whole QGraphicsScene item tree; ASan found 78 in a test run).
void installChart(QChartView *view, QChart *chart);

/// Series colours that read on both a light and a dark background.
namespace chartcolours {
QColor up(const QPalette &palette);     ///< rising candles, bids
QColor down(const QPalette &palette);   ///< falling candles, asks
QColor accent(const QPalette &palette); ///< the main line
QColor muted(const QPalette &palette);  ///< secondary lines and areas
/// Distinct line colours for compared series, index 0 being accent().
QColor series(const QPalette &palette, int index);
bool isDark(const QPalette &palette);
} // namespace chartcolours

} // namespace cloudex::ui
