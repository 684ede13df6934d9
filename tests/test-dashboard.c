/* test-dashboard.c — the dashboard's charts against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "rahnuma-code.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey.h"

/* 2025-11-24 00:00 in Pakistan (UTC+5). */
#define PKT   (5 * 3600)
#define DAY0  (1763942400 - PKT)
#define HOUR  3600
#define S     RAHNUMA_REPORT_SUPPRESSED

typedef struct
{
  char *dir;
  char *path;
  RahnumaStore *store;
} Fixture;

/* One visit: the contract quiz (4 questions; a completed visitor misses the
 * last, one who gave up misses all but the first); some also take fees. */
static void
add_visit (RahnumaStore *store, gint64 started_at, gboolean completed, gboolean fees)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", started_at, FALSE };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *code = completed ? rahnuma_code_generate () : NULL;

  g_assert_no_error (error);
  for (guint q = 0; q < 4; q++)
    g_assert_true (rahnuma_store_record_answer (store, id, "contract", q, 0,
                                                completed ? q < 3 : q == 0, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 1.0, completed ? 3 : 1, 4,
                                              completed, &error));
  if (fees)
    {
      g_assert_true (rahnuma_store_record_answer (store, id, "fees", 0, 1, FALSE, &error));
      g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 1.0, 0, 1, FALSE, &error));
    }
  g_assert_true (rahnuma_store_finish_session (store, id, completed ? RAHNUMA_SESSION_COMPLETED
                                                                    : RAHNUMA_SESSION_ABANDONED,
                                               code, started_at + HOUR, &error));
  g_assert_no_error (error);
}

/* Day 1: 09:00 six visits (five completed), 14:00 three (two completed).
 * Day 2: 10:00 seven visits, all completed. Three visits on day 1 and all
 * seven on day 2 also take fees (and miss its one question). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-dashboard-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "officers.db", NULL);
  f->store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    add_visit (f->store, DAY0 + 9 * HOUR, i < 5, i == 0);
  for (guint i = 0; i < 3; i++)
    add_visit (f->store, DAY0 + 14 * HOUR, i < 2, i < 2);
  for (guint i = 0; i < 7; i++)
    add_visit (f->store, DAY0 + 86400 + 10 * HOUR, TRUE, TRUE);
  g_assert_true (rahnuma_dashboard_prepare (f->store, PKT, &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GPtrArray *
chart (Fixture *f, RahnumaDashboardChart which, gint64 from, gint64 to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *bars = rahnuma_dashboard_chart (f->store, which, from, to, PKT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bars);
  return bars;
}

static void
assert_bar (GPtrArray *bars, guint i, const char *key, gint64 count, gint64 part)
{
  RahnumaDashboardBar *bar;

  g_assert_cmpuint (i, <, bars->len);
  bar = g_ptr_array_index (bars, i);
  g_assert_cmpstr (bar->key, ==, key);
  g_assert_cmpint (bar->count, ==, count);
  g_assert_cmpint (bar->part, ==, part);
}

static void
test_day_start (void)
{
  g_assert_cmpint (rahnuma_dashboard_day_start (DAY0, PKT), ==, DAY0);
  g_assert_cmpint (rahnuma_dashboard_day_start (DAY0 + 86399, PKT), ==, DAY0);
  g_assert_cmpint (rahnuma_dashboard_day_start (DAY0 - 1, PKT), ==, DAY0 - 86400);
  g_assert_cmpint (rahnuma_dashboard_day_start (DAY0, 0), ==, DAY0 - 19 * HOUR);
}

static void
test_per_day (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) all = chart (f, RAHNUMA_DASHBOARD_PER_DAY, G_MININT64, G_MAXINT64);
  g_autoptr(GPtrArray) first = chart (f, RAHNUMA_DASHBOARD_PER_DAY, DAY0, DAY0 + 86400);

  g_assert_cmpuint (all->len, ==, 2);
  assert_bar (all, 0, "2025-11-24", 9, 7);
  assert_bar (all, 1, "2025-11-25", 7, 7);
  g_assert_cmpuint (first->len, ==, 1);
  assert_bar (first, 0, "2025-11-24", 9, 7);
}

/* Local hours; 14:00 had three visitors, under five: hidden. Alone it could
 * be worked out from the total (16), so the next smallest, 09:00, goes too. */
static void
test_per_hour (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) bars = chart (f, RAHNUMA_DASHBOARD_PER_HOUR, G_MININT64, G_MAXINT64);

  g_assert_cmpuint (bars->len, ==, 3);
  assert_bar (bars, 0, "09", S, S);
  assert_bar (bars, 1, "10", 7, 7);
  assert_bar (bars, 2, "14", S, S);
}

/* contract: 16 taken, 14 passed, mean score (14 × 3/4 + 2 × 1/4) / 16;
 * fees: 10 taken, none passed (0 is shown: it says nothing about anyone). */
static void
test_per_module (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) bars = chart (f, RAHNUMA_DASHBOARD_PER_MODULE, G_MININT64, G_MAXINT64);
  RahnumaDashboardBar *contract;

  g_assert_cmpuint (bars->len, ==, 2);
  assert_bar (bars, 0, "contract", 16, 14);
  contract = g_ptr_array_index (bars, 0);
  g_assert_cmpfloat_with_epsilon (contract->score, 44.0 / 64.0, 1e-9);
  assert_bar (bars, 1, "fees", 10, 0);
  g_assert_cmpfloat (((RahnumaDashboardBar *) g_ptr_array_index (bars, 1))->score, ==, 0);
}

/* Worst share first; 2 misses of 16 are hidden, and nothing else is (these
 * add up to no total on screen). On day 2 alone fees was asked 7 times. */
static void
test_missed (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) bars = chart (f, RAHNUMA_DASHBOARD_MISSED, G_MININT64, G_MAXINT64);
  g_autoptr(GPtrArray) day2 = chart (f, RAHNUMA_DASHBOARD_MISSED, DAY0 + 86400, G_MAXINT64);

  g_assert_cmpuint (bars->len, ==, 5);
  assert_bar (bars, 0, "contract#4", 16, 16);
  assert_bar (bars, 1, "fees#1", 10, 10);
  assert_bar (bars, 2, "contract#2", 16, S);
  assert_bar (bars, 3, "contract#3", 16, S);
  assert_bar (bars, 4, "contract#1", 16, 0);
  g_assert_cmpuint (day2->len, ==, 5);
  assert_bar (day2, 0, "contract#4", 7, 7);
  assert_bar (day2, 1, "fees#1", 7, 7);
}

static gint64
summed_sessions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (rahnuma_store_get_db (f->store),
                                                        "SELECT coalesce (sum (sessions), 0) FROM dashboard_hour",
                                                        &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_totals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) languages = chart (f, RAHNUMA_DASHBOARD_BY_LANGUAGE, G_MININT64, G_MAXINT64);
  RahnumaDashboardTotals totals;

  g_assert_true (rahnuma_dashboard_totals (f->store, DAY0, DAY0 + 86400, PKT, &totals, &error));
  g_assert_cmpint (totals.sessions, ==, 9);
  g_assert_cmpint (totals.completed, ==, 7);
  g_assert_cmpint (totals.abandoned, ==, 2);
  g_assert_cmpint (totals.quizzes_taken, ==, 9 + 3);
  g_assert_cmpint (totals.quizzes_passed, ==, 7);
  g_assert_cmpuint (languages->len, ==, 1);
  assert_bar (languages, 0, "ur", 16, 14);
}

/* Visits by path (issue 20): from the records while the sums are not
 * current, from the sums (schema 9's 'path' category) after prepare, the
 * same both ways. */
static void
test_paths (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", DAY0 + 12 * HOUR, FALSE, RAHNUMA_PATH_SHORT };
  RahnumaDashboardTotals direct, summed;

  for (guint i = 0; i < 3; i++)
    g_free (rahnuma_store_begin_session (f->store, &start, &error));
  g_assert_no_error (error);
  g_assert_true (rahnuma_dashboard_totals (f->store, DAY0, DAY0 + 86400, PKT, &direct, &error));
  g_assert_cmpint (direct.paths[RAHNUMA_PATH_SHORT], ==, 3);
  g_assert_cmpint (direct.paths[RAHNUMA_PATH_FULL], ==, 9);
  g_assert_cmpint (summed_sessions (f), ==, 16); /* the three are not in the sums yet */

  g_assert_true (rahnuma_dashboard_prepare (f->store, PKT, &error));
  g_assert_cmpint (summed_sessions (f), ==, 19);
  g_assert_true (rahnuma_dashboard_totals (f->store, DAY0, DAY0 + 86400, PKT, &summed, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (summed.paths, sizeof summed.paths, direct.paths, sizeof direct.paths);
  stmt = rahnuma_store_prepare (rahnuma_store_get_db (f->store),
                                "SELECT sum (sessions) FROM dashboard_category WHERE category = 'path'"
                                " AND value = 'short'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 3);
}

/* Visits added after the sums were made: the views read the records until
 * the next prepare, which sums only the changed day again. */
static void
test_sums_follow_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpint (summed_sessions (f), ==, 16);
  for (guint i = 0; i < 5; i++)
    add_visit (f->store, DAY0 + 86400 + 11 * HOUR, FALSE, FALSE);
  before = chart (f, RAHNUMA_DASHBOARD_PER_DAY, G_MININT64, G_MAXINT64);
  assert_bar (before, 1, "2025-11-25", 12, 7);
  g_assert_cmpint (summed_sessions (f), ==, 16);

  g_assert_true (rahnuma_dashboard_prepare (f->store, PKT, &error));
  g_assert_cmpint (summed_sessions (f), ==, 21);
  after = chart (f, RAHNUMA_DASHBOARD_PER_DAY, G_MININT64, G_MAXINT64);
  assert_bar (after, 0, "2025-11-24", 9, 7);
  assert_bar (after, 1, "2025-11-25", 12, 7);
}

/* Another UTC offset: the sums are made again for it. */
static void
test_sums_offset (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hours = NULL;

  g_assert_true (rahnuma_dashboard_prepare (f->store, 0, &error));
  hours = rahnuma_dashboard_chart (f->store, RAHNUMA_DASHBOARD_PER_HOUR, G_MININT64, G_MAXINT64, 0, &error);
  g_assert_no_error (error);
  assert_bar (hours, 0, "04", S, S);
  assert_bar (hours, 1, "05", 7, 7);
  assert_bar (hours, 2, "09", S, S);
  g_assert_cmpint (summed_sessions (f), ==, 16);
}

static void
test_last_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 synced_at = -1;

  g_assert_true (rahnuma_dashboard_last_sync (f->store, "/nowhere/officers.db", &synced_at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (synced_at, ==, 0);
}

static void
add_answer (RahnumaStore *store, const char *destination, gint64 when)
{
  g_autoptr(GError) error = NULL;
  RahnumaSurveyAnswers a = { .destination = destination };

  g_assert_true (rahnuma_store_add_survey (store, &a, when, &error));
  g_assert_no_error (error);
}

/* By destination: survey answers (the visits do not hold it), in every ISO
 * week the range touches, with no completion; small bars hidden (two, so
 * no third one needs to be); the same
 * from the sums and from the records. 2025-11-24 is the Monday of
 * 2025-W48: the week's answers are in a one-day range of that week, the
 * next week's are not. */
static void
test_by_destination (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 6; i++)
    add_answer (f->store, "SA", DAY0 + PKT + 4 * 86400);
  for (guint i = 0; i < 2; i++)
    add_answer (f->store, "QA", DAY0 + PKT + 12 * HOUR);
  add_answer (f->store, "GB", DAY0 + PKT);
  for (guint i = 0; i < 5; i++)
    add_answer (f->store, "AE", DAY0 + PKT + 7 * 86400);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) bars = rahnuma_dashboard_chart (f->store, RAHNUMA_DASHBOARD_BY_DESTINATION, DAY0,
                                                           DAY0 + 86400, PKT, &error);
      RahnumaDashboardBar *bar;

      g_assert_no_error (error);
      g_assert_cmpuint (bars->len, ==, 3);
      bar = g_ptr_array_index (bars, 0);
      g_assert_cmpstr (bar->key, ==, "SA");
      g_assert_cmpint (bar->count, ==, 6);
      g_assert_cmpint (bar->part, ==, S);
      bar = g_ptr_array_index (bars, 1);
      g_assert_cmpstr (bar->key, ==, "QA");
      g_assert_cmpint (bar->count, ==, S);
      /* Second pass: from the records, the sums being behind. */
      add_visit (f->store, DAY0 + 11 * HOUR, TRUE, FALSE);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/dashboard/day-start", test_day_start);
  g_test_add ("/rahnuma/dashboard/per-day", Fixture, NULL, fixture_set_up, test_per_day, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/per-hour", Fixture, NULL, fixture_set_up, test_per_hour, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/per-module", Fixture, NULL, fixture_set_up, test_per_module, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/missed", Fixture, NULL, fixture_set_up, test_missed, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/by-destination", Fixture, NULL, fixture_set_up, test_by_destination,
              fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/totals", Fixture, NULL, fixture_set_up, test_totals, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/paths", Fixture, NULL, fixture_set_up, test_paths, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/sums-follow-changes", Fixture, NULL, fixture_set_up, test_sums_follow_changes,
              fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/sums-offset", Fixture, NULL, fixture_set_up, test_sums_offset, fixture_tear_down);
  g_test_add ("/rahnuma/dashboard/last-sync", Fixture, NULL, fixture_set_up, test_last_sync, fixture_tear_down);
  return g_test_run ();
}
