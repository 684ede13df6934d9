/* test-officer-data.c — the centre's time zone: days and hours of the day
 * on the dashboard and in reports are Asia/Karachi's by default (or the
 * time-zone setting's), whatever the computer's own zone (TZ=UTC here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "config.h"
#include "rahnuma-chart.h"
#include "rahnuma-officer-data.h"
#include "rahnuma-hall-session.h"
#include "test-util.h"

#define HOUR 3600
#define DAY 86400

static void
set_time_zone (const char *id)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "time-zone", id);
}

static void
test_offset (void)
{
  g_autofree char *id = rahnuma_officer_dup_time_zone ();

  g_assert_cmpstr (id, ==, "Asia/Karachi");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 5 * HOUR);
  set_time_zone ("Asia/Dubai");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 4 * HOUR);
  /* A name nobody knows: the computer's zone (UTC in the tests), not a crash. */
  set_time_zone ("Nowhere/Atlantis");
  g_assert_cmpint (rahnuma_officer_utc_offset (), ==, 0);
  set_time_zone ("Asia/Karachi");
}

/* Five visits at 04:00 UTC are in the 09 bar of the hours chart. */
static void
test_hours (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 at = now - now % DAY + 4 * HOUR;
  RahnumaOfficerData *data;
  GPtrArray *hours;
  gint64 at_nine = 0;

  if (at > now)
    at -= DAY;
  store = rahnuma_store_new (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", at, FALSE };
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);

      g_assert_no_error (error);
      g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, NULL, at + 600, &error));
    }
  data = rahnuma_officer_data_new (store, at - 2 * DAY, at + 2 * DAY, now, rahnuma_officer_utc_offset (), NULL, &error);
  g_assert_no_error (error);
  hours = data->charts[RAHNUMA_DASHBOARD_PER_HOUR];
  for (guint i = 0; i < hours->len; i++)
    {
      RahnumaDashboardBar *bar = g_ptr_array_index (hours, i);

      if (g_ascii_strtoll (bar->key, NULL, 10) == 9)
        at_nine = bar->count;
      else
        g_assert_cmpint (bar->count, ==, 0);
    }
  g_assert_cmpint (at_nine, ==, 5);
  rahnuma_officer_data_free (data);
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

/* The paths visits took over the dashboard's range, demo visits with the
 * real ones as in the range's totals, and the line that says them; a visit
 * outside the range is not counted (issue 20). */
static void
test_paths (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 at = now - now % DAY - DAY + 4 * HOUR;
  const char * const lessons[] = { "contract", NULL };
  RahnumaHallSession hall = { "LHE-POE", "H1", lessons, "ur", "ur", 5 };
  RahnumaOfficerData *data;
  g_autofree char *line = NULL;
  g_autofree char *hall_text = NULL;

  store = rahnuma_store_new (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 7; i++)
    {
      RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", i == 6 ? at - 5 * DAY : at, i == 0,
                                    i < 4 ? RAHNUMA_PATH_SHORT : RAHNUMA_PATH_FULL };
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
  g_assert_true (rahnuma_hall_session_record (store, &hall, at, &error));
  g_assert_no_error (error);
  data = rahnuma_officer_data_new (store, at - 2 * DAY, at + 2 * DAY, now, rahnuma_officer_utc_offset (), NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (data->paths[RAHNUMA_PATH_SHORT], ==, 4);
  g_assert_cmpint (data->paths[RAHNUMA_PATH_FULL], ==, 2);
  g_assert_cmpint (data->paths[RAHNUMA_PATH_SHORT] + data->paths[RAHNUMA_PATH_FULL], ==, data->range.sessions);
  line = rahnuma_officer_format_paths (data->paths);
  g_assert_cmpstr (line, ==, "By path: 2 full, 4 short (after the hall briefing).");
  /* Beside the hall's head count: 4 short-path visits of 5 people briefed. */
  hall_text = rahnuma_officer_format_hall (&data->hall, data->paths);
  g_assert_cmpstr (hall_text, ==, "Hall sessions: 1\nPeople briefed in the hall: 5\n"
                                  "Short-path visits on the kiosks: 4 (80% of them)");
  rahnuma_officer_data_free (data);
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

/* No one counted in a hall: the short-path visits are said without a share of
 * nobody ("1692 (— of them)" before), and a hall session with a head count of 0
 * says the same. */
static void
test_hall_no_people (void)
{
  const RahnumaHallTotals none = { 0 }, empty_session = { .sessions = 1 };
  const gint64 paths[2] = { 3, 1692 };
  g_autofree char *text = NULL, *session_text = NULL;

  g_assert_cmpint (RAHNUMA_PATH_SHORT, ==, 1);
  text = rahnuma_officer_format_hall (&none, paths);
  g_assert_cmpstr (text, ==, "Hall sessions: 0\nPeople briefed in the hall: 0\nShort-path visits on the kiosks: 1692");
  g_assert_null (strstr (text, "—"));
  session_text = rahnuma_officer_format_hall (&empty_session, paths);
  g_assert_cmpstr (session_text, ==,
                   "Hall sessions: 1\nPeople briefed in the hall: 0\nShort-path visits on the kiosks: 1692");
}

/* Whether anything was drawn in columns [x0, x1) of @surface. */
static gboolean
has_ink (cairo_surface_t *surface, int x0, int x1)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = x0; x < x1; x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        return TRUE;
  return FALSE;
}

/* Visitors per day over 28 days at 576 px (the office PC's column at
 * 1366×768): the last day's label, under the last column, stays inside the
 * chart, left to right and right to left (it ran 20 px past the end edge). */
static void
test_chart_labels_inside (void)
{
  const double width = 576, margin = 60;
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func (g_free);
  RahnumaChart chart = { RAHNUMA_CHART_COLUMNS, bars, NULL, NULL, NULL, FALSE, { 0, 0, 0 } };

  for (guint i = 0; i < 28; i++)
    {
      RahnumaDashboardBar *bar = g_new0 (RahnumaDashboardBar, 1);

      bar->key = g_strdup_printf ("11-%02u", i + 1); /* freed at the end */
      bar->count = 10;
      bar->part = 5;
      bar->score = -1;
      g_ptr_array_add (bars, bar);
    }
  for (int rtl = 0; rtl <= 1; rtl++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width + 2 * margin),
                                                             (int) rahnuma_chart_get_height (&chart));
      cairo_t *cr = cairo_create (surface);

      chart.rtl = rtl;
      cairo_translate (cr, margin, 0);
      rahnuma_chart_draw (&chart, cr, width, rahnuma_chart_get_height (&chart));
      cairo_destroy (cr);
      g_assert_true (has_ink (surface, (int) margin, (int) (margin + width)));
      g_assert_false (has_ink (surface, 0, (int) margin));
      g_assert_false (has_ink (surface, (int) (margin + width), (int) (width + 2 * margin)));
      cairo_surface_destroy (surface);
    }
  for (guint i = 0; i < bars->len; i++)
    g_free (((RahnumaDashboardBar *) g_ptr_array_index (bars, i))->key);
}

/* The survey as the dashboard and the PDF show it: all answers, each
 * destination, small groups said to be hidden; nothing when nobody answered. */
static void
test_survey_text (void)
{
  static const char *destinations[] = { "SA", "SA", "SA", "SA", "SA", "SA", "QA", "QA", "QA", "AE", "AE" };
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  g_autoptr(RahnumaSurveyReport) empty = rahnuma_survey_report_new (store, 0, 0, NULL, &error);
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_null (rahnuma_officer_format_survey (empty, FALSE));
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      RahnumaSurveyAnswers a = { destinations[i], NULL, NULL, RAHNUMA_SURVEY_AMOUNT, 100000 * i };

      g_assert_true (rahnuma_store_add_survey (store, &a, 1764000000, &error));
    }
  report = rahnuma_survey_report_new (store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  text = rahnuma_officer_format_survey (report, FALSE);
  g_test_message ("%s", text);
  /* SA: 0, 100k … 500k, median 250,000. */
  g_assert_true (g_str_has_prefix (text, "All answers: 11 answers"));
  g_assert_nonnull (strstr (text, "\nSaudi Arabia: 6 answers · paid anything 83% · median paid Rs 250,000 · receipt — · borrowed — · cost ÷ wage in months —"));
  g_assert_nonnull (strstr (text, "\nBy job sector\n"));
  g_assert_nonnull (strstr (text, "\nQatar: fewer than 5 answers, not shown"));
  g_assert_nonnull (strstr (text, "\nUnited Arab Emirates: fewer than 5 answers, not shown"));
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

/* The survey's cost ÷ wage on a hand-made fixture: rates SAR 75, AED 76,
 * none for QAR. Ratios, cost ÷ (wage × rate):
 *   SA construction 150,000/1,000 SAR = 2, 300,000/1,000 SAR = 4, 75,000/1,000 SAR = 1;
 *   SA driving 225,000/1,000 SAR = 3, 0/1,500 SAR = 0, 100,000/50,000 PKR = 2 (no rate needed);
 *   AE driving 152,000/1,000 AED = 2, 380,000/1,000 AED = 5;
 *   AE construction 76,000/1,000 AED = 1, 228,000/1,000 AED = 3, 100,000/500 QAR: no rate.
 * Quartiles by Hyndman and Fan's type 7 (position (n − 1)p in the sorted values):
 *   SA 0 1 2 2 3 4: Q1 1.25, median 2, Q3 2.75;  AE 1 2 3 5: 1.75, 2.5, 3.5;
 *   construction 1 1 2 3 4: 1, 2, 3;  driving 0 2 2 3 5: 2, 2, 3;
 *   all 0 1 1 2 2 2 3 3 4 5: 1.25, 2, 3; one answer left out for want of a rate. */
static const struct
{
  const char *destination, *sector;
  gint64 cost, wage;
  const char *currency;
} ratio_fixture[] = {
  { "SA", "construction", 150000, 1000, "SAR" }, { "SA", "construction", 300000, 1000, "SAR" },
  { "SA", "construction", 75000, 1000, "SAR" }, { "SA", "driving", 225000, 1000, "SAR" },
  { "SA", "driving", 0, 1500, "SAR" }, { "SA", "driving", 100000, 50000, "PKR" },
  { "AE", "driving", 152000, 1000, "AED" }, { "AE", "driving", 380000, 1000, "AED" },
  { "AE", "construction", 76000, 1000, "AED" }, { "AE", "construction", 228000, 1000, "AED" },
  { "AE", "construction", 100000, 500, "QAR" },
};

static RahnumaOfficerData *
ratio_data (const char *dir, const char *rates_text)
{
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autofree char *rates = g_build_filename (dir, "rates.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  RahnumaOfficerData *data;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ratio_fixture); i++)
    {
      RahnumaSurveyAnswers a = { ratio_fixture[i].destination, ratio_fixture[i].sector, NULL,
                                 RAHNUMA_SURVEY_AMOUNT, ratio_fixture[i].cost, NULL, NULL, RAHNUMA_SURVEY_AMOUNT,
                                 ratio_fixture[i].wage, ratio_fixture[i].currency, FALSE };

      g_assert_true (rahnuma_store_add_survey (store, &a, 1764000000, &error));
    }
  if (rates_text != NULL)
    g_assert_true (g_file_set_contents (rates, rates_text, -1, NULL));
  data = rahnuma_officer_data_new (store, 1763000000, 1765000000, 1765000000, 0, rates_text != NULL ? rates : NULL,
                                   &error);
  g_assert_no_error (error);
  return data;
}

static const RahnumaSurveyCell *
find_cell (GPtrArray *cells, const char *key)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_str_equal (((RahnumaSurveyCell *) g_ptr_array_index (cells, i))->key, key))
      return g_ptr_array_index (cells, i);
  g_assert_not_reached ();
}

static void
assert_quartiles (const RahnumaSurveyCell *c, double q1, double median, double q3, guint64 n)
{
  g_assert_false (c->suppressed);
  g_assert_cmpuint (c->n_ratio, ==, n);
  g_assert_cmpfloat_with_epsilon (c->ratio_q1, q1, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->ratio_median, median, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->ratio_q3, q3, 1e-9);
}

static void
assert_ratio_text (const RahnumaSurveyCell *c, gboolean have_rates, const char *expected)
{
  g_autofree char *text = rahnuma_officer_format_survey_ratio (c, have_rates);

  g_assert_cmpstr (text, ==, expected);
}

/* With a rates file: the figures per destination and sector, the words,
 * the notes with the rates' date and the answer left out. */
static void
test_survey_ratio (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  RahnumaOfficerData *data = ratio_data (dir, "[rates]\ndate=2026-11-01\nsource=test fixture\nSAR=75\nAED=76\n");
  const RahnumaSurveyReport *r = data->survey;
  g_autofree char *notes = rahnuma_officer_format_survey_notes (data);
  g_autofree char *text = rahnuma_officer_format_survey (r, TRUE);
  g_autofree char *key = NULL;

  g_assert_null (data->rates_problem);
  assert_quartiles (r->all, 1.25, 2, 3, 10);
  assert_quartiles (find_cell (r->by_destination, "SA"), 1.25, 2, 2.75, 6);
  /* AE's figure would rest on 4 answers: hidden, as a group of 4 is. */
  assert_quartiles (find_cell (r->by_destination, "AE"), -1, -1, -1, 4);
  assert_quartiles (find_cell (r->by_sector, "construction"), 1, 2, 3, 5);
  assert_quartiles (find_cell (r->by_sector, "driving"), 2, 2, 3, 5);
  g_assert_cmpuint (r->all->n_no_rate, ==, 1);
  assert_ratio_text (find_cell (r->by_sector, "construction"), TRUE, "2.0 (1.0–3.0)");
  assert_ratio_text (find_cell (r->by_destination, "AE"), TRUE, "fewer than 5");
  g_assert_cmpint (rahnuma_officer_survey_ratio_gap (find_cell (r->by_destination, "AE"), TRUE), ==,
                   RAHNUMA_SURVEY_RATIO_SHOWN);
  key = rahnuma_officer_format_survey_key (data);
  g_test_message ("key: %s", key != NULL ? key : "(none)");
  g_assert_true (key == NULL || strstr (key, "exchange-rate file") == NULL);
  g_test_message ("%s\n%s", text, notes);
  g_assert_nonnull (strstr (text, "\nConstruction: 6 answers · paid anything 100% · median paid Rs 125,000 · "
                                  "receipt — · borrowed — · cost ÷ wage in months 2.0 (1.0–3.0)"));
  g_assert_true (g_str_has_prefix (notes, "Pre-departure estimate: cost paid so far ÷ monthly wage"));
  g_assert_nonnull (strstr (notes, "not the SDG 10.7.1 survey figure."));
  g_assert_nonnull (strstr (notes, "\nExchange rates of 2026-11-01 (test fixture)."));
  g_assert_nonnull (strstr (notes, "\n1 answer left out: no rate for its currency."));
  rahnuma_officer_data_free (data);
  rahnuma_test_remove_tree (dir);
}

/* The notes when the rates file named is not there. */
static char *
missing_rates_notes (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "officers.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  g_autoptr(RahnumaOfficerData) data = NULL;

  g_assert_no_error (error);
  data = rahnuma_officer_data_new (store, 1763000000, 1765000000, 1765000000, 0, missing, &error);
  g_assert_no_error (error);
  return rahnuma_officer_format_survey_notes (data);
}

/* Without rates, with a broken file, or one that is not there: the rest is there, the figure
 * says it needs the file, and the notes say why; a group whose wages are
 * all in rupees needs no rate. */
static void
test_survey_no_rates (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  g_autofree char *other_dir = rahnuma_test_make_tmpdir ("rahnuma-officer-data-XXXXXX");
  RahnumaOfficerData *none = ratio_data (dir, NULL);
  RahnumaOfficerData *broken = NULL;
  g_autofree char *notes = rahnuma_officer_format_survey_notes (none);
  g_autofree char *broken_notes = NULL;
  g_autofree char *missing_notes = NULL;
  g_autofree char *key = NULL;
  RahnumaSurveyCell rupees_only = { (char *) "x", 5, FALSE, 5, 5, 100000, 100000, 0, 0, 0, 0, 5, 1, 2, 3, 0, 0, 0 };

  g_assert_nonnull (none->rates_problem);
  g_assert_cmpuint (none->survey->all->n, ==, 11);
  assert_ratio_text (none->survey->all, FALSE, "needs the exchange-rate file");
  assert_ratio_text (&rupees_only, FALSE, "2.0 (1.0–3.0)");
  g_assert_cmpint (rahnuma_officer_survey_ratio_gap (none->survey->all, FALSE), ==, RAHNUMA_SURVEY_RATIO_NEEDS_RATES);
  g_assert_cmpint (rahnuma_officer_survey_ratio_gap (&rupees_only, FALSE), ==, RAHNUMA_SURVEY_RATIO_SHOWN);
  g_assert_nonnull (strstr (notes, "\nNo exchange-rate file is set."));
  g_assert_null (strstr (notes, "left out"));
  /* Said once above the dashboard's table, not in each row. */
  key = rahnuma_officer_format_survey_key (none);
  g_assert_nonnull (key);
  g_assert_true (g_str_has_prefix (key, "— in the last column: the figure needs the exchange-rate file, as wages "
                                        "were given in other currencies than rupees."));
  rahnuma_officer_data_free (none);
  missing_notes = missing_rates_notes (dir);
  g_assert_nonnull (strstr (missing_notes, "\nThe exchange-rate file "));
  g_assert_nonnull (strstr (missing_notes, "missing.ini cannot be read: "));
  rahnuma_test_remove_tree (dir);
  broken = ratio_data (other_dir, "[rates]\ndate=2026-11-01\nsource=test\nSAR=seventy\n");
  broken_notes = rahnuma_officer_format_survey_notes (broken);
  g_assert_nonnull (strstr (broken_notes, "\nThe exchange rates file "));
  g_assert_nonnull (strstr (broken_notes, "the rate for SAR is not a positive number"));
  assert_ratio_text (find_cell (broken->survey->by_destination, "SA"), FALSE, "needs the exchange-rate file");
  rahnuma_officer_data_free (broken);
  rahnuma_test_remove_tree (other_dir);
}

/* "—" in cost ÷ wage: no answer with both figures, said in the key above the table. */
static void
test_survey_no_answer (void)
{
  RahnumaSurveyCell nobody = { (char *) "other", 9, FALSE, 9, 8, 100000, 100000, 0, 0, 0, 0, 0, -1, -1, -1, 0, 0, 0 };
  RahnumaSurveyCell all = nobody;
  g_autoptr(GPtrArray) destinations = g_ptr_array_new ();
  g_autoptr(GPtrArray) sectors = g_ptr_array_new ();
  RahnumaSurveyReport survey = { 0 };
  RahnumaOfficerData data = { 0 };
  g_autofree char *key = NULL;

  all.key = NULL;
  g_ptr_array_add (destinations, &nobody);
  survey.all = &all;
  survey.by_destination = destinations;
  survey.by_sector = sectors;
  data.survey = &survey;
  g_assert_cmpint (rahnuma_officer_survey_ratio_gap (&nobody, TRUE), ==, RAHNUMA_SURVEY_RATIO_NO_ANSWER);
  assert_ratio_text (&nobody, TRUE, "—");
  key = rahnuma_officer_format_survey_key (&data);
  g_assert_cmpstr (key, ==, "— in the last column: no answer in the group gave both what was paid and a wage "
                            "that can be compared.");
}

static void
test_group_digits (void)
{
  static const struct { gint64 value; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 547000, "547,000" }, { 10000000, "10,000,000" },
    { -1500, "-1,500" },
  };
  g_autofree char *none = rahnuma_officer_format_rupees (-1);
  g_autofree char *rupees = rahnuma_officer_format_rupees (546999.6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rahnuma_survey_group_digits (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_cmpstr (none, ==, "—");
  g_assert_cmpstr (rupees, ==, "Rs 547,000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/officer-data/time-zone", test_offset);
  g_test_add_func ("/rahnuma/officer-data/hours", test_hours);
  g_test_add_func ("/rahnuma/officer-data/paths", test_paths);
  g_test_add_func ("/rahnuma/officer-data/hall-no-people", test_hall_no_people);
  g_test_add_func ("/rahnuma/officer-data/chart-labels-inside", test_chart_labels_inside);
  g_test_add_func ("/rahnuma/officer-data/survey-text", test_survey_text);
  g_test_add_func ("/rahnuma/officer-data/survey-ratio", test_survey_ratio);
  g_test_add_func ("/rahnuma/officer-data/survey-no-rates", test_survey_no_rates);
  g_test_add_func ("/rahnuma/officer-data/survey-no-answer", test_survey_no_answer);
  g_test_add_func ("/rahnuma/officer-data/group-digits", test_group_digits);
  return g_test_run ();
}
