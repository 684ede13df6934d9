/* rahnuma-officer-survey-view.c — the survey's figures as a table on the officers' dashboard
 *
 * One row per group (all answers, each destination, each sector): answers,
 * the shares who paid anything, got a receipt and borrowed, the median
 * paid, and cost ÷ monthly wage in months as "2.1 (1.4–3.0)" over a small
 * box from the first to the third quartile with a tick at the median, all
 * boxes on one scale (from 0, said under the column's head) so that rows
 * compare at a glance. A row with no figure there shows "—", and why is
 * said once above the table, not in every row. The words come from
 * rahnuma-officer-data.c, as in the printed report; a GtkGrid mirrors
 * itself in right-to-left languages and the boxes are drawn mirrored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rahnuma-officer-survey-view.h"

enum { COL_NAME, COL_ANSWERS, COL_PAID, COL_RECEIPT, COL_BORROWED, COL_MEDIAN, COL_RATIO, N_COLS };

#define BOX_WIDTH 110
#define BOX_HEIGHT 14

typedef struct
{
  double q1, median, q3; /* months of wages */
  double scale;          /* months at the box's far end, the same in every row */
} Box;

static GtkWidget *
add_label (GtkGrid *grid, const char *text, int column, int row, int width, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_NAME ? 0 : column == COL_RATIO ? 0.5 : 1);
  /* Names, headings and column heads wrap; figures never break. */
  gtk_label_set_wrap (GTK_LABEL (label), column == COL_NAME || width > 1 || g_strcmp0 (style, "caption-heading") == 0);
  if (width == 1 && column != COL_NAME)
    gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  else if (width == 1)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), 10); /* "Saudi Arabia" on one line, in Urdu too */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22); /* "United Arab Emirates" too, given room */
    }
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

static void
draw_box (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const Box *box = user_data;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL;
  double x1 = width * MIN (box->q1 / box->scale, 1), x3 = width * MIN (box->q3 / box->scale, 1);
  double xm = width * MIN (box->median / box->scale, 1);
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (rtl)
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.25);
  cairo_rectangle (cr, 0, height / 2.0 - 0.5, width, 1);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.6);
  cairo_rectangle (cr, x1, 3, MAX (x3 - x1, 1), height - 6);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 1);
  cairo_rectangle (cr, MAX (xm - 1.5, 0), 1, 3, height - 2);
  cairo_fill (cr);
}

/* Why a cell of the last column shows "—", as its tooltip and accessible description. */
static const char *
gap_reason (RahnumaSurveyRatioGap gap)
{
  switch (gap)
    {
    case RAHNUMA_SURVEY_RATIO_NEEDS_RATES:
      /* Translators: the tooltip of "—" in the survey's cost ÷ wage column on the officers' dashboard, when no
       * exchange-rate file is in force */
      return _("needs the exchange-rate file");
    case RAHNUMA_SURVEY_RATIO_NO_ANSWER:
      /* Translators: the tooltip of "—" in the survey's cost ÷ wage column on the officers' dashboard */
      return _("No answer in the group gave both what was paid and a wage that can be compared");
    case RAHNUMA_SURVEY_RATIO_SHOWN:
    default:
      return NULL;
    }
}

/* The figure's words over its box, in the last column. */
static void
add_ratio (GtkGrid *grid, const RahnumaSurveyCell *c, const char *text, RahnumaSurveyRatioGap gap, gboolean boxed,
           double scale, int row)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *area;
  Box *box;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  /* "1.9 (1.0–5.0)" has no letter to give it a direction: in Urdu it would
   * read "(5.0–1.0) 1.9". Figures run left to right in every language. */
  if (boxed)
    gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
  if (gap_reason (gap) != NULL)
    {
      gtk_widget_set_tooltip_text (label, gap_reason (gap));
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gap_reason (gap),
                                      -1);
    }
  gtk_box_append (GTK_BOX (column), label);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, column, COL_RATIO, row, 1, 1);
  if (!boxed)
    return;
  area = gtk_drawing_area_new ();
  box = g_new (Box, 1);
  *box = (Box) { c->ratio_q1, c->ratio_median, c->ratio_q3, scale };
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), BOX_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), BOX_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_box, box, g_free);
  gtk_box_append (GTK_BOX (column), area);
}

/* Whether @c's cost ÷ wage is a figure, drawn over its box. */
static gboolean
is_boxed (const RahnumaSurveyCell *c, gboolean have_rates)
{
  return !c->suppressed && rahnuma_officer_survey_ratio_gap (c, have_rates) == RAHNUMA_SURVEY_RATIO_SHOWN
         && c->n_ratio > 0 && c->ratio_median >= 0;
}

/* Whether any row of @survey has a box, so that the boxes' scale means something. */
static gboolean
any_boxed (const RahnumaSurveyReport *survey, gboolean have_rates)
{
  for (guint i = 0; i < survey->by_destination->len + survey->by_sector->len; i++)
    {
      const RahnumaSurveyCell *c = i < survey->by_destination->len
                                   ? g_ptr_array_index (survey->by_destination, i)
                                   : g_ptr_array_index (survey->by_sector, i - survey->by_destination->len);

      if (is_boxed (c, have_rates))
        return TRUE;
    }
  return is_boxed (survey->all, have_rates);
}

static void
add_cell (GtkGrid *grid, const RahnumaSurveyCell *c, const char *name, const RahnumaOfficerData *data,
          double scale, int row)
{
  gboolean have_rates = data->rates_problem == NULL;
  g_autofree char *answers = NULL, *paid = NULL, *receipt = NULL, *borrowed = NULL, *median = NULL;
  g_autofree char *ratio = NULL;
  RahnumaSurveyRatioGap gap;

  add_label (grid, name, COL_NAME, row, 1, NULL);
  if (c->suppressed)
    {
      /* Translators: in a row of the survey's table on the dashboard: the group is hidden */
      GtkWidget *hidden = add_label (grid, _("fewer than 5"), COL_ANSWERS, row, N_COLS - COL_ANSWERS, "dim-label");

      gtk_label_set_xalign (GTK_LABEL (hidden), 0);
      return;
    }
  answers = g_strdup_printf ("%" G_GUINT64_FORMAT, c->n);
  paid = rahnuma_officer_format_rate ((gint64) c->n_paid, (gint64) c->n_cost);
  receipt = rahnuma_officer_format_rate ((gint64) c->n_receipt_yes, (gint64) c->n_receipt_said);
  borrowed = rahnuma_officer_format_rate ((gint64) c->n_borrowed_yes, (gint64) c->n_borrowed_said);
  median = rahnuma_officer_format_rupees (c->n_cost > 0 ? c->cost_median : -1);
  gap = rahnuma_officer_survey_ratio_gap (c, have_rates);
  /* No figure: "—", its reason said once above the table (rahnuma_officer_format_survey_key()) and
   * on the cell itself for a pointer and a screen reader. */
  ratio = gap == RAHNUMA_SURVEY_RATIO_SHOWN ? rahnuma_officer_format_survey_ratio (c, have_rates) : g_strdup ("—");
  add_label (grid, answers, COL_ANSWERS, row, 1, "numeric");
  add_label (grid, paid, COL_PAID, row, 1, "numeric");
  add_label (grid, receipt, COL_RECEIPT, row, 1, "numeric");
  add_label (grid, borrowed, COL_BORROWED, row, 1, "numeric");
  add_label (grid, median, COL_MEDIAN, row, 1, "numeric");
  add_ratio (grid, c, ratio, gap, is_boxed (c, have_rates), scale, row);
}

static void
add_header (GtkGrid *grid, double scale, gboolean boxes, int row)
{
  /* Translators: column heads of the survey's table on the officers' dashboard; keep them short, they
   * wrap; the last one heads "2.1 (1.4–3.0)": the median, then the first and third quartiles */
  const char *heads[] = { "", N_("Answers"), N_("Paid anything"), N_("Receipt"), N_("Borrowed"),
                          N_("Median paid"),
                          /* Translators: the last column head of the survey's table on the officers' dashboard,
                           * over "2.1 (1.4–3.0)", cost ÷ monthly wage in months; keep it short: its tooltip
                           * says it in full */
                          N_("Cost ÷ wage, in months") };
  /* Translators: the tooltip of the last column head of the survey's table, "Cost ÷ wage, in months",
   * over "2.1 (1.4–3.0)": the median, then the first and third quartiles */
  const char *explained = _("Cost ÷ monthly wage, in months: median (Q1–Q3)");
  g_autofree char *axis = NULL;
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head_label;

  for (int i = 1; i < COL_RATIO; i++)
    gtk_widget_set_valign (add_label (grid, _(heads[i]), i, row, 1, "caption-heading"), GTK_ALIGN_END);
  gtk_widget_set_valign (head, GTK_ALIGN_END);
  gtk_grid_attach (grid, head, COL_RATIO, row, 1, 1);
  head_label = gtk_label_new (_(heads[COL_RATIO]));
  gtk_widget_set_tooltip_text (head_label, explained);
  gtk_accessible_update_property (GTK_ACCESSIBLE (head_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explained, -1);
  gtk_box_append (GTK_BOX (head), head_label);
  /* Translators: under the head of the survey's cost ÷ wage column: the boxes' scale, from 0 to %d
   * months of wages */
  axis = g_strdup_printf (ngettext ("boxes: 0 to %d month", "boxes: 0 to %d months", (gulong) scale), (int) scale);
  gtk_box_append (GTK_BOX (head), gtk_label_new (axis));
  gtk_widget_set_visible (gtk_widget_get_last_child (head), boxes);
  for (GtkWidget *child = gtk_widget_get_first_child (head); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 16);
      gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
    }
  gtk_widget_add_css_class (gtk_widget_get_first_child (head), "caption-heading");
  gtk_widget_add_css_class (gtk_widget_get_last_child (head), "dim-label");
}

/* The far end of every box, in whole months: the largest third quartile shown. */
static double
box_scale (const RahnumaSurveyReport *survey)
{
  double scale = MAX (survey->all->ratio_q3, 1);

  for (guint i = 0; i < survey->by_destination->len + survey->by_sector->len; i++)
    {
      const RahnumaSurveyCell *c = i < survey->by_destination->len
                                   ? g_ptr_array_index (survey->by_destination, i)
                                   : g_ptr_array_index (survey->by_sector, i - survey->by_destination->len);

      if (!c->suppressed && c->n_ratio > 0)
        scale = MAX (scale, c->ratio_q3);
    }
  return ceil (scale);
}

static int
add_cells (GtkGrid *grid, GPtrArray *cells, const char *column, const char *heading,
           const RahnumaOfficerData *data, double scale, int row)
{
  GtkWidget *label = add_label (grid, heading, COL_NAME, row++, N_COLS, "heading");

  gtk_widget_set_margin_top (label, 8);
  for (guint i = 0; i < cells->len; i++)
    {
      const RahnumaSurveyCell *c = g_ptr_array_index (cells, i);

      add_cell (grid, c, rahnuma_officer_survey_group_name (column, c->key), data, scale, row++);
    }
  return row;
}

/* Above the table, before the rows they explain: what cost ÷ wage is and
 * rests on, with what to do when the exchange-rate file is missing, then
 * what "—" in its column stands for. Returns the next row. */
static int
add_notes (GtkGrid *grid, const RahnumaOfficerData *data, int row)
{
  g_autofree char *notes = rahnuma_officer_format_survey_notes (data);
  g_autofree char *key = rahnuma_officer_format_survey_key (data);
  GtkWidget *label = add_label (grid, notes, COL_NAME, row++, N_COLS, data->rates_problem == NULL ? "dim-label" : NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (key != NULL)
    gtk_label_set_xalign (GTK_LABEL (add_label (grid, key, COL_NAME, row++, N_COLS, NULL)), 0);
  gtk_widget_set_margin_bottom (gtk_grid_get_child_at (grid, COL_NAME, row - 1), 8);
  return row;
}

/**
 * rahnuma_officer_survey_view_fill:
 * @grid: an empty or previously filled grid
 * @data: the numbers of one view, with its survey
 *
 * Replaces what @grid shows with @data's survey: what cost ÷ wage rests on
 * and what "—" in its column means, once
 * (rahnuma_officer_format_survey_notes() and _key()), a header, the row of
 * all answers, then one row per destination and per sector under their
 * headings. Hidden groups say "fewer than 5".
 */
void
rahnuma_officer_survey_view_fill (GtkGrid *grid, const RahnumaOfficerData *data)
{
  const RahnumaSurveyReport *survey = data->survey;
  double scale = box_scale (survey);
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  row = add_notes (grid, data, row);
  add_header (grid, scale, any_boxed (survey, data->rates_problem == NULL), row++);
  add_cell (grid, survey->all, rahnuma_officer_survey_group_name (NULL, NULL), data, scale, row++);
  /* Translators: a heading in the survey's table on the officers' dashboard */
  row = add_cells (grid, survey->by_destination, "destination", _("By destination country"), data, scale, row);
  /* Translators: a heading in the survey's table on the officers' dashboard */
  row = add_cells (grid, survey->by_sector, "sector", _("By job sector"), data, scale, row);
}
