/* test-officer-data.c — the centre's time zone: days and hours of the day
 * on the dashboard and in reports are Asia/Karachi's by default (or the
 * time-zone setting's), whatever the computer's own zone (TZ=UTC here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "config.h"
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
  data = rahnuma_officer_data_new (store, at - 2 * DAY, at + 2 * DAY, now, rahnuma_officer_utc_offset (), &error);
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
  data = rahnuma_officer_data_new (store, at - 2 * DAY, at + 2 * DAY, now, rahnuma_officer_utc_offset (), &error);
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
  g_assert_null (rahnuma_officer_format_survey (empty));
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      RahnumaSurveyAnswers a = { destinations[i], NULL, NULL, RAHNUMA_SURVEY_AMOUNT, 100000 * i };

      g_assert_true (rahnuma_store_add_survey (store, &a, 1764000000, &error));
    }
  report = rahnuma_survey_report_new (store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  text = rahnuma_officer_format_survey (report);
  g_test_message ("%s", text);
  /* SA: 0, 100k … 500k, median 250,000. */
  g_assert_true (g_str_has_prefix (text, "All answers: 11 answers"));
  g_assert_nonnull (strstr (text, "\nSaudi Arabia: 6 answers · paid anything 83% · median paid Rs 250000"));
  g_assert_nonnull (strstr (text, "\nQatar: fewer than 5 answers, not shown"));
  g_assert_nonnull (strstr (text, "\nUnited Arab Emirates: fewer than 5 answers, not shown"));
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/officer-data/time-zone", test_offset);
  g_test_add_func ("/rahnuma/officer-data/hours", test_hours);
  g_test_add_func ("/rahnuma/officer-data/paths", test_paths);
  g_test_add_func ("/rahnuma/officer-data/survey-text", test_survey_text);
  return g_test_run ();
}
