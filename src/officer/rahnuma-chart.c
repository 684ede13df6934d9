/* rahnuma-chart.c — bar charts drawn with cairo and Pango, on screen and in the PDF report
 *
 * One drawing routine for the dashboard's GtkDrawingAreas and the printed
 * report, so that both show the same thing. Text goes through Pango, which
 * shapes Urdu, Pashto and Punjabi module titles and orders mixed-direction
 * text; in a right-to-left interface the geometry mirrors too (labels at the
 * right, bars growing leftwards). A bar whose count is hidden (fewer than 5
 * people) is drawn as text only: "fewer than 5".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rahnuma-chart.h"

#define ROW_HEIGHT     30.0
#define COLUMN_HEIGHT  180.0
#define LABEL_SHARE    0.36 /* of the width, for bar labels */
#define PAD            6.0
#define BAR_SHARE      0.6  /* of the space after the label; the rest is for the figures */

/* Colours: the kiosk's green for a whole bar, darker for its part. */
static const double whole_rgb[3] = { 0.66, 0.82, 0.77 };
static const double part_rgb[3] = { 0.11, 0.36, 0.31 };

static char *
bar_label (const RahnumaChart *chart, const RahnumaDashboardBar *bar)
{
  if (chart->label_func != NULL)
    return chart->label_func (bar->key, chart->label_data);
  return g_strdup (bar->key);
}

static gboolean
is_hidden (const RahnumaDashboardBar *bar)
{
  return bar->count == RAHNUMA_REPORT_SUPPRESSED;
}

static char *
value_text (const RahnumaChart *chart, const RahnumaDashboardBar *bar)
{
  if (is_hidden (bar))
    /* Translators: shown instead of a number when it counts so few people it could identify them */
    return g_strdup (_("fewer than 5"));
  if (chart->kind == RAHNUMA_CHART_SHARE)
    return bar->part == RAHNUMA_REPORT_SUPPRESSED || bar->count == 0
             ? g_strdup (_("fewer than 5"))
             : g_strdup_printf ("%.0f%%", 100.0 * bar->part / bar->count);
  if (bar->part == RAHNUMA_REPORT_SUPPRESSED)
    return g_strdup_printf ("%" G_GINT64_FORMAT, bar->count);
  if (bar->score >= 0)
    /* Translators: after a module's bar: quizzes passed / taken · mean share of questions right */
    return g_strdup_printf (_("%lld / %lld · %.0f%%"), (long long) bar->part, (long long) bar->count,
                            100.0 * bar->score);
  return g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, bar->part, bar->count);
}

static gint64
max_count (const RahnumaChart *chart)
{
  gint64 max = 1;

  for (guint i = 0; i < chart->bars->len; i++)
    max = MAX (max, ((RahnumaDashboardBar *) g_ptr_array_index (chart->bars, i))->count);
  return max;
}

/* @text laid out for @cr in the chart's font (Sans 10 without one);
 * sets @logical to its logical extents in pixels. */
static PangoLayout *
new_layout (const RahnumaChart *chart, cairo_t *cr, const char *text, PangoRectangle *logical)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) fallback = pango_font_description_from_string ("Sans 10");

  pango_layout_set_font_description (layout, chart->font != NULL ? chart->font : fallback);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, NULL, logical);
  return layout;
}

/* Draws @text with its start edge at @x (its end edge, if @at_end), vertically
 * centred on @y, ellipsized past @max_width. */
static void
draw_text (const RahnumaChart *chart, cairo_t *cr, const char *text, double x, double y,
           double max_width, gboolean at_end)
{
  PangoRectangle logical;
  g_autoptr(PangoLayout) layout = new_layout (chart, cr, text, &logical);

  if (logical.width > max_width)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_get_pixel_extents (layout, NULL, &logical);
    }
  /* Where the text really lies in its layout box: right-to-left text sits at the box's right. */
  x -= logical.x;
  if (chart->rtl != at_end)
    x -= logical.width;
  cairo_move_to (cr, x, y - logical.height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* The width @text takes when drawn, at most @max_width (past it, it is ellipsized). */
static double
text_width (const RahnumaChart *chart, cairo_t *cr, const char *text, double max_width)
{
  PangoRectangle logical;
  g_autoptr(PangoLayout) layout = new_layout (chart, cr, text, &logical);

  return MIN (logical.width, max_width);
}

/* x measured from the start edge, mirrored in right-to-left. */
static double
mirror (const RahnumaChart *chart, double width, double x)
{
  return chart->rtl ? width - x : x;
}

static void
fill_span (const RahnumaChart *chart, cairo_t *cr, double width, double x0, double length,
           double y, double h, const double rgb[3])
{
  double a = mirror (chart, width, x0);
  double b = mirror (chart, width, x0 + length);

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, MIN (a, b), y, ABS (b - a), h);
  cairo_fill (cr);
}

static void
draw_row (const RahnumaChart *chart, cairo_t *cr, double width, guint i, gint64 max)
{
  const RahnumaDashboardBar *bar = g_ptr_array_index (chart->bars, i);
  g_autofree char *label = bar_label (chart, bar);
  g_autofree char *value = value_text (chart, bar);
  double label_width = width * LABEL_SHARE;
  double bar_space = width - label_width - 2 * PAD;
  double y = i * ROW_HEIGHT;
  double whole = 0, part = 0;

  cairo_set_source_rgb (cr, chart->foreground[0], chart->foreground[1], chart->foreground[2]);
  draw_text (chart, cr, label, mirror (chart, width, 0), y + ROW_HEIGHT / 2, label_width - PAD, FALSE);
  if (!is_hidden (bar))
    {
      whole = chart->kind == RAHNUMA_CHART_SHARE ? 1.0 : (double) bar->count / max;
      part = bar->part == RAHNUMA_REPORT_SUPPRESSED ? 0
             : chart->kind == RAHNUMA_CHART_SHARE ? (bar->count > 0 ? (double) bar->part / bar->count : 0)
             : (double) bar->part / max;
      fill_span (chart, cr, width, label_width, whole * bar_space * BAR_SHARE, y + 5, ROW_HEIGHT - 10, whole_rgb);
      fill_span (chart, cr, width, label_width, part * bar_space * BAR_SHARE, y + 5, ROW_HEIGHT - 10, part_rgb);
    }
  cairo_set_source_rgb (cr, chart->foreground[0], chart->foreground[1], chart->foreground[2]);
  draw_text (chart, cr, value, mirror (chart, width, label_width + whole * bar_space * BAR_SHARE + PAD),
             y + ROW_HEIGHT / 2, bar_space * (1 - BAR_SHARE), FALSE);
}

static void
draw_column (const RahnumaChart *chart, cairo_t *cr, double width, guint i, gint64 max)
{
  const RahnumaDashboardBar *bar = g_ptr_array_index (chart->bars, i);
  g_autofree char *label = bar_label (chart, bar);
  double slot = width / MAX (chart->bars->len, 1);
  double plot = COLUMN_HEIGHT - 2 * ROW_HEIGHT;
  double x = mirror (chart, width, i * slot + slot * 0.15);
  double w = slot * 0.7;
  double h_whole = is_hidden (bar) ? 0 : plot * bar->count / max;
  double h_part = is_hidden (bar) || bar->part == RAHNUMA_REPORT_SUPPRESSED ? 0 : plot * bar->part / max;

  if (chart->rtl)
    x -= w;
  cairo_set_source_rgb (cr, whole_rgb[0], whole_rgb[1], whole_rgb[2]);
  cairo_rectangle (cr, x, ROW_HEIGHT + plot - h_whole, w, h_whole);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, part_rgb[0], part_rgb[1], part_rgb[2]);
  cairo_rectangle (cr, x, ROW_HEIGHT + plot - h_part, w, h_part);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, chart->foreground[0], chart->foreground[1], chart->foreground[2]);
  /* Labels only where they fit: every column when few, else every n-th; from
   * the column's start edge, but moved back inside the chart where the last
   * one would run past its end edge (its "11-30" was cut in half). */
  if (i % MAX (1, (guint) (48.0 / slot + 0.999)) == 0)
    {
      double start = x + (chart->rtl ? w : 0);
      double label_width = text_width (chart, cr, label, 48);

      start = chart->rtl ? MAX (start, label_width) : MIN (start, width - label_width);
      draw_text (chart, cr, label, start, COLUMN_HEIGHT - ROW_HEIGHT / 2, 48, FALSE);
    }
  if (!is_hidden (bar) && slot >= 28)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, bar->count);

      draw_text (chart, cr, count, x + (chart->rtl ? w : 0), ROW_HEIGHT + plot - h_whole - 9, slot, FALSE);
    }
}

/**
 * rahnuma_chart_get_height:
 *
 * Returns: the height the chart needs, in the units of the surface
 */
double
rahnuma_chart_get_height (const RahnumaChart *chart)
{
  g_return_val_if_fail (chart != NULL && chart->bars != NULL, 0);

  if (chart->kind == RAHNUMA_CHART_COLUMNS)
    return COLUMN_HEIGHT;
  return MAX (chart->bars->len, 1) * ROW_HEIGHT;
}

/**
 * rahnuma_chart_draw:
 * @chart: what to draw
 * @cr: where, with the chart's top start corner at the origin
 * @width: the width to fill
 * @height: the height given (rahnuma_chart_get_height() is what it needs)
 */
void
rahnuma_chart_draw (const RahnumaChart *chart, cairo_t *cr, double width, double height)
{
  gint64 max;

  g_return_if_fail (chart != NULL && chart->bars != NULL && cr != NULL);

  if (chart->bars->len == 0)
    {
      cairo_set_source_rgb (cr, chart->foreground[0], chart->foreground[1], chart->foreground[2]);
      draw_text (chart, cr, _("No visits in these days"), mirror (chart, width, 0), ROW_HEIGHT / 2, width, FALSE);
      return;
    }
  max = max_count (chart);
  cairo_save (cr);
  for (guint i = 0; i < chart->bars->len; i++)
    if (chart->kind == RAHNUMA_CHART_COLUMNS)
      draw_column (chart, cr, width, i, max);
    else
      draw_row (chart, cr, width, i, max);
  cairo_restore (cr);
}
