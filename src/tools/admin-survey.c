/* admin-survey.c — rahnuma-admin survey report|export
 *
 * Thin: the figures and the export are computed in src/core/rahnuma-survey.c;
 * this file parses options and prints them in words a statistician can use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rahnuma-admin.h"
#include "rahnuma-officer-data.h"
#include "rahnuma-survey.h"

enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1,
  EXIT_USAGE = 2,
};

static char *
format_share (guint64 part, guint64 whole)
{
  if (whole == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.0f%%", 100.0 * (double) part / (double) whole);
}

static char *
format_rupees (double value)
{
  if (value < 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.0f", value);
}

static char *
format_ratio (const RahnumaSurveyCell *c)
{
  if (c->n_ratio == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f / %.1f / %.1f (%" G_GUINT64_FORMAT ")", c->ratio_q1, c->ratio_median,
                          c->ratio_q3, c->n_ratio);
}

static const char *
cell_label (const char *key)
{
  if (g_str_equal (key, "all"))
    /* Translators: the row of the survey report that counts every answer */
    return _("All answers");
  if (g_str_equal (key, RAHNUMA_CATEGORY_UNSAID))
    return _("prefer not to say");
  /* Countries by name in the reader's language, as in `report`. */
  return rahnuma_officer_category_label (key);
}

static void
print_cell (const RahnumaSurveyCell *c)
{
  g_autofree char *paid = NULL, *median = NULL, *mean = NULL, *receipt = NULL, *borrowed = NULL, *ratio = NULL;

  if (c->suppressed)
    {
      /* Translators: a hidden group in the survey report; keep "<5" */
      g_print ("  %-20s %s\n", cell_label (c->key), _("<5 (hidden)"));
      return;
    }
  paid = format_share (c->n_paid, c->n_cost);
  median = format_rupees (c->cost_median);
  mean = format_rupees (c->cost_mean);
  receipt = format_share (c->n_receipt_yes, c->n_receipt_said);
  borrowed = format_share (c->n_borrowed_yes, c->n_borrowed_said);
  ratio = format_ratio (c);
  g_print ("  %-20s %7" G_GUINT64_FORMAT " %5s %10s %10s %7s %8s  %s\n", cell_label (c->key), c->n, paid,
           median, mean, receipt, borrowed, ratio);
}

static void
print_header (void)
{
  /* Translators: column heads of the survey report; keep each within its width */
  g_print ("  %-20s %7s %5s %10s %10s %7s %8s  %s\n", "", _("answers"), _("paid"), _("median Rs"),
           _("mean Rs"), _("receipt"), _("borrowed"), _("cost ÷ monthly wage: Q1 / median / Q3 (answers)"));
}

static void
print_cells (const char *title, GPtrArray *cells)
{
  g_print ("\n%s\n", title);
  print_header ();
  for (guint i = 0; i < cells->len; i++)
    print_cell (g_ptr_array_index (cells, i));
}

static void
print_left_out (const RahnumaSurveyCell *all)
{
  if (all->suppressed)
    return;
  /* Translators: %llu are numbers of answers left out of the cost ÷ wage figure */
  g_print (_("Left out of cost ÷ wage: %llu with no cost given, %llu with no wage given, %llu with a wage in a "
             "currency the rates file has no rate for.\n"),
           (unsigned long long) all->n_no_cost, (unsigned long long) all->n_no_wage,
           (unsigned long long) all->n_no_rate);
}

static void
print_survey_report (const char *path, RahnumaSurveyReport *report)
{
  g_print (_("Recruitment costs reported by departing workers, %s\n"), path);
  /* Translators: the two %s are ISO weeks, e.g. 2026-W48, or "start"/"end" */
  g_print (_("Weeks %s to %s\n"), report->week_from ? report->week_from : _("start"),
           report->week_to ? report->week_to : _("end"));
  g_print ("%s\n", _("Cost ÷ wage is a pre-departure estimate: what the worker paid so far over the monthly "
                     "wage in the contract, in months of wages. It is not the survey-based SDG 10.7.1 figure."));
  if (report->n_demo > 0)
    g_print (_("DEMO DATA: %llu of these answers are simulated, not real ones.\n"),
             (unsigned long long) report->n_demo);
  if (report->rates_date != NULL)
    /* Translators: %s is a date, then where the rates come from, as the rates file says */
    g_print (_("Exchange rates of %s, from: %s\n"), report->rates_date, report->rates_source);
  else
    g_print ("%s\n", _("No exchange rates given (--rates FILE): only wages in rupees enter cost ÷ wage."));
  g_print ("\n");
  print_header ();
  print_cell (report->all);
  print_left_out (report->all);
  print_cells (_("By destination country (self-reported)"), report->by_destination);
  print_cells (_("By job sector (self-reported)"), report->by_sector);
  g_print ("\n");
  g_print (_("Groups of fewer than %d answers are hidden (with one more where needed, so they cannot be "
             "worked out from the totals).\n"), RAHNUMA_SURVEY_MIN_CELL);
}

static int
load_rates (const char *path, RahnumaSurveyRates **rates)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return EXIT_OK;
  *rates = rahnuma_survey_rates_load (path, &error);
  if (*rates != NULL)
    return EXIT_OK;
  g_printerr ("%s\n", error->message);
  return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? EXIT_USAGE : EXIT_INPUT;
}

static int
survey_report (int argc, char **argv)
{
  g_autofree char *db = NULL, *from_text = NULL, *to_text = NULL, *rates_path = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaSurveyRates) rates = NULL;
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  gint64 from, to;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal or officers’ file to summarise"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day to include (its whole week)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day to include (its whole week)"), N_("YYYY-MM-DD") },
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, &rates_path,
      N_("Exchange rates the statistics office keeps (docs/survey-data.md)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object, for scripts"), NULL },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Summarise the anonymous survey: who paid for their job, how much, "
                                      "and cost over monthly wage, by destination and sector. Groups of "
                                      "fewer than 5 answers are hidden.")) ||
      !rahnuma_admin_require (db, "--db") || !rahnuma_admin_parse_range (from_text, to_text, &from, &to))
    return EXIT_USAGE;
  if ((status = load_rates (rates_path, &rates)) != EXIT_OK)
    return status;
  store = rahnuma_admin_open_existing (db, &status);
  if (store == NULL)
    return status;
  report = rahnuma_survey_report_new (store, from, to, rates, &error);
  if (report == NULL)
    {
      g_printerr (_("Cannot summarise %s: %s\n"), db, error->message);
      return EXIT_USAGE;
    }
  if (json)
    rahnuma_admin_print_survey_report_json (report);
  else
    print_survey_report (db, report);
  return EXIT_OK;
}

static int
write_export (const char *db, RahnumaExportFormat format, gint64 from, gint64 to, const char *output)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 n;

  store = rahnuma_admin_open_existing (db, &status);
  if (store == NULL)
    return status;
  stream = rahnuma_admin_open_output (output, &error);
  if (stream == NULL)
    {
      g_printerr (_("Cannot write %s: %s\n"), output, error->message);
      return EXIT_USAGE;
    }
  n = rahnuma_survey_export_write (store, format, from, to, stream, NULL, &error);
  if (n < 0 || !g_output_stream_close (stream, NULL, &error))
    {
      g_printerr (_("Export failed: %s\n"), error->message);
      return EXIT_USAGE;
    }
  if (output != NULL && !g_str_equal (output, "-"))
    /* Translators: %lld is a number of anonymous survey answers, %s a file */
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %lld survey answer to %s.\n",
                             "Exported %lld survey answers to %s.\n", n), (long long) n, output);
  return EXIT_OK;
}

static int
survey_export (int argc, char **argv)
{
  g_autofree char *db = NULL, *format_text = NULL, *from_text = NULL, *to_text = NULL, *output = NULL;
  RahnumaExportFormat format = RAHNUMA_EXPORT_CSV;
  gint64 from, to;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal or officers’ file to read"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (the default) or json"), N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day to include (its whole week)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day to include (its whole week)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here instead of to the screen"), N_("FILE") },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Write one row per anonymous survey answer; docs/survey-data.md "
                                      "describes every column.")) ||
      !rahnuma_admin_require (db, "--db"))
    return EXIT_USAGE;
  if (format_text != NULL && !rahnuma_export_parse_format (format_text, &format))
    {
      g_printerr (_("Unknown format “%s”: use csv or json.\n"), format_text);
      return EXIT_USAGE;
    }
  if (!rahnuma_admin_parse_range (from_text, to_text, &from, &to))
    return EXIT_USAGE;
  return write_export (db, format, from, to, output);
}

/**
 * rahnuma_admin_survey:
 * @argc: arguments after "rahnuma-admin"
 * @argv: argv[0] is "survey", argv[1] "report" or "export"
 *
 * Returns: the exit status (rahnuma-admin.h)
 */
int
rahnuma_admin_survey (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "report"))
    return survey_report (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return survey_export (argc - 1, argv + 1);
  g_printerr ("%s\n", _("Usage: rahnuma-admin survey report|export --db FILE [OPTION…]"));
  return EXIT_USAGE;
}
