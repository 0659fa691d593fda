// Package charts holds the window's chart widgets: vertical stacked bars (Bars),
// horizontal stacked bars for top-N lists (HBars) and a grid of cells coloured by value
// (HeatMap). They take plain data (labels, numbers, translated names) and know nothing
// of calls.
//
// The charts are drawn with Fyne's own canvas primitives (canvas.Rectangle,
// canvas.Line, canvas.Text), not with gonum/plot rendered into an image, because:
//   - labels are then drawn by Fyne with the theme's font, which is the embedded CJK
//     font, so Chinese renders everywhere with no second font to load;
//   - colours are read from the theme at each Refresh, so a light/dark switch recolours
//     the charts live;
//   - resizing is a re-layout of a few hundred objects, not a re-raster of an image at
//     every size and HiDPI scale;
//   - it adds no dependency tree.
//
// The bar charts have a value axis of 3 to 6 "nice" ticks (1, 2 or 5 × 10^k) with
// faint grid lines; the heat map has instead a legend of its shades from 0 to the
// largest value. Category labels are measured as Fyne draws them and thinned to
// every Nth when they would overlap.
//
// Each widget builds its objects once per data set (SetData) and only moves them when
// it is laid out, so a resize of a year of daily bars stays cheap. All methods are
// called on the UI goroutine, as every widget's.
package charts
