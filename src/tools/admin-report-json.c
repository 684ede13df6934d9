/* admin-report-json.c — the --json answers of `report` and `survey report`
 *
 * Built with JsonBuilder from core's RahnumaReport and RahnumaSurveyReport
 * and printed by rahnuma_admin_json_print(): core stays without json-glib.
 * Every key and value is what the report holds; a hidden cell's figures and
 * a figure with nothing to compute it from are null. Fractions keep the
 * precision the text answers had (a rate to 4 decimals, a survey figure to
 * 4 significant digits), rounded once here, so a script sees the same
 * numbers whatever JsonGenerator prints for a double.
 * docs/survey-data.md lists the survey's keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-admin.h"
#include "rahnuma-report.h"
#include "rahnuma-survey.h"

/* @value rounded as printf's @format would print it. */
static double
round_as (const char *format, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_ascii_strtod (g_ascii_formatd (buffer, sizeof buffer, format, value), NULL);
}

static void
add_number (JsonBuilder *builder, const char *key, const char *format, double value, gboolean known)
{
  json_builder_set_member_name (builder, key);
  if (known)
    json_builder_add_double_value (builder, round_as (format, value));
  else
    json_builder_add_null_value (builder);
}

static void
add_count (JsonBuilder *builder, const char *key, gint64 value, gboolean known)
{
  json_builder_set_member_name (builder, key);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* ---- report ----------------------------------------------------------- */

static void
add_report_rate (JsonBuilder *builder, const char *key, gint64 part, gint64 whole)
{
  add_number (builder, key, "%.4f", whole > 0 ? (double) part / (double) whole : 0,
              part >= 0 && whole > 0);
}

static void
add_report_row (JsonBuilder *builder, const RahnumaReportBreakdown *breakdown, const RahnumaReportRow *row)
{
  json_builder_begin_object (builder);
  rahnuma_admin_json_add_string (builder, breakdown->name, row->key);
  add_count (builder, breakdown->count_key, row->count, row->count != RAHNUMA_REPORT_SUPPRESSED);
  /* Destination and sector count survey answers: no part, no rate. */
  if (breakdown->part_key != NULL)
    {
      add_count (builder, breakdown->part_key, row->part, row->part != RAHNUMA_REPORT_SUPPRESSED);
      add_report_rate (builder, "rate", row->part, row->count);
    }
  if (g_str_equal (breakdown->name, "module"))
    add_number (builder, "watched", "%.3f", row->watched, row->watched >= 0);
  json_builder_end_object (builder);
}

static void
add_report_breakdown (JsonBuilder *builder, const RahnumaReportBreakdown *breakdown)
{
  g_autofree char *key = g_strconcat ("per_", breakdown->name, NULL);

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < breakdown->rows->len; i++)
    add_report_row (builder, breakdown, g_ptr_array_index (breakdown->rows, i));
  json_builder_end_array (builder);
}

static void
add_report_total (JsonBuilder *builder, const char *key, gint64 value)
{
  add_count (builder, key, value, value != RAHNUMA_REPORT_SUPPRESSED);
}

/**
 * rahnuma_admin_print_report_json:
 * @report: the officers' summary
 *
 * Prints `report --json`: the totals ("sessions" is the number of
 * sessions), "pass_rate", "completion_rate", "min_cell" and a "per_NAME"
 * array for each breakdown; suppressed cells are null.
 */
void
rahnuma_admin_print_report_json (RahnumaReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_report_total (builder, "sessions", report->sessions);
  add_report_total (builder, "completed", report->completed);
  add_report_total (builder, "abandoned", report->abandoned);
  add_report_total (builder, "active", report->active);
  add_report_total (builder, "demo_sessions", report->demo_sessions);
  add_report_total (builder, "wrong_clock_sessions", report->wrong_clock_sessions);
  add_report_total (builder, "quizzes_taken", report->quizzes_taken);
  add_report_total (builder, "hall_sessions", report->hall.sessions);
  add_report_total (builder, "hall_people", report->hall.people);
  add_report_rate (builder, "pass_rate", report->quizzes_passed, report->quizzes_taken);
  add_report_rate (builder, "completion_rate", report->completed, report->completed + report->abandoned);
  add_count (builder, "min_cell", RAHNUMA_REPORT_MIN_CELL, TRUE);
  for (guint i = 0; i < report->breakdowns->len; i++)
    add_report_breakdown (builder, g_ptr_array_index (report->breakdowns, i));
  json_builder_end_object (builder);
  rahnuma_admin_json_print (builder);
}

/* ---- survey report ---------------------------------------------------- */

/* A figure of the survey, to 4 significant digits; null if hidden or if
 * nothing gave it (negative). */
static void
add_figure (JsonBuilder *builder, const char *key, double value, gboolean hidden)
{
  add_number (builder, key, "%.4g", value, !hidden && value >= 0);
}

static void
add_share (JsonBuilder *builder, const char *key, guint64 part, guint64 whole, gboolean hidden)
{
  add_figure (builder, key, whole > 0 ? (double) part / whole : -1, hidden);
}

static void
add_survey_count (JsonBuilder *builder, const char *key, guint64 value, gboolean hidden)
{
  add_count (builder, key, (gint64) value, !hidden);
}

static void
add_survey_cell (JsonBuilder *builder, const char *name, const RahnumaSurveyCell *c)
{
  gboolean h = c->suppressed;

  json_builder_begin_object (builder);
  rahnuma_admin_json_add_string (builder, name, c->key);
  json_builder_set_member_name (builder, "suppressed");
  json_builder_add_boolean_value (builder, h);
  add_survey_count (builder, "answers", c->n, h);
  add_survey_count (builder, "cost_answers", c->n_cost, h);
  add_share (builder, "paid_share", c->n_paid, c->n_cost, h);
  add_figure (builder, "cost_median_pkr", c->cost_median, h);
  add_figure (builder, "cost_mean_pkr", c->cost_mean, h);
  add_share (builder, "receipt_share", c->n_receipt_yes, c->n_receipt_said, h);
  add_share (builder, "borrowed_share", c->n_borrowed_yes, c->n_borrowed_said, h);
  add_survey_count (builder, "ratio_answers", c->n_ratio, h);
  add_figure (builder, "ratio_q1", c->ratio_q1, h);
  add_figure (builder, "ratio_median", c->ratio_median, h);
  add_figure (builder, "ratio_q3", c->ratio_q3, h);
  add_survey_count (builder, "left_out_cost_not_given", c->n_no_cost, h);
  add_survey_count (builder, "left_out_wage_not_given", c->n_no_wage, h);
  add_survey_count (builder, "left_out_no_rate", c->n_no_rate, h);
  json_builder_end_object (builder);
}

static void
add_survey_cells (JsonBuilder *builder, const char *key, const char *name, GPtrArray *cells)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < cells->len; i++)
    add_survey_cell (builder, name, g_ptr_array_index (cells, i));
  json_builder_end_array (builder);
}

/**
 * rahnuma_admin_print_survey_report_json:
 * @report: the survey's summary
 *
 * Prints `survey report --json` (docs/survey-data.md describes every key).
 * Hidden groups keep their key and say "suppressed": true; every figure in
 * them is null, as is a figure with nothing to compute it from.
 */
void
rahnuma_admin_print_survey_report_json (RahnumaSurveyReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rahnuma_admin_json_add_string (builder, "week_from", report->week_from);
  rahnuma_admin_json_add_string (builder, "week_to", report->week_to);
  rahnuma_admin_json_add_string (builder, "rates_date", report->rates_date);
  rahnuma_admin_json_add_string (builder, "rates_source", report->rates_source);
  add_count (builder, "min_cell", RAHNUMA_SURVEY_MIN_CELL, TRUE);
  add_survey_count (builder, "demo_answers", report->n_demo, FALSE);
  json_builder_set_member_name (builder, "all");
  add_survey_cell (builder, "group", report->all);
  add_survey_cells (builder, "by_destination", "destination", report->by_destination);
  add_survey_cells (builder, "by_sector", "sector", report->by_sector);
  json_builder_end_object (builder);
  rahnuma_admin_json_print (builder);
}
