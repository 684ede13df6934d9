/* bench-dashboard.c — every dashboard view on a year of a busy centre's records
 *
 * Builds an officers' file of N sessions (RAHNUMA_BENCH_SESSIONS, default
 * 1,000,000) spread over a year: a thousand simulated visits with their
 * module results and answers, replicated under fresh ids, as bench-sync
 * does. RAHNUMA_BENCH_DB=FILE keeps the file for the next run.
 *
 * Then times each view as the dashboard reads it (best of three) over the
 * last day, 30 days and year, against a baseline measured in the same run:
 * a plain SELECT count(*) FROM session. The views read per-day sums that
 * rahnuma_dashboard_prepare() keeps in the file; making them the first time
 * is printed apart (once per file), and so is bringing them up to date after
 * 1000 new visits over two days (refresh-1k).
 * Prints one row per view:
 *   dashboard-<view>  <ms>  <baseline ms>  <ratio>x
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-journal.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-officer-data.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store-private.h"

#define BASE_VISITS 1000
#define END_TIME    1764000000
#define DAY         86400
#define RUNS        3

/* ---- views -------------------------------------------------------------- */

typedef struct
{
  RahnumaStore *store;
  gint64 from;
  gint64 to;
} View;

static void
view_baseline (View *view)
{
  g_assert_cmpint (bench_count_sessions (rahnuma_store_get_db (view->store)), >, 0);
}

static void
view_chart (View *view, RahnumaDashboardChart chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bars = rahnuma_dashboard_chart (view->store, chart, view->from, view->to, 0, &error);

  g_assert_no_error (error);
}

static void view_per_day (View *view) { view_chart (view, RAHNUMA_DASHBOARD_PER_DAY); }
static void view_per_hour (View *view) { view_chart (view, RAHNUMA_DASHBOARD_PER_HOUR); }
static void view_per_module (View *view) { view_chart (view, RAHNUMA_DASHBOARD_PER_MODULE); }
static void view_missed (View *view) { view_chart (view, RAHNUMA_DASHBOARD_MISSED); }

static void
view_totals (View *view)
{
  g_autoptr(GError) error = NULL;
  RahnumaDashboardTotals totals;

  g_assert_true (rahnuma_dashboard_totals (view->store, view->from, view->to, 0, &totals, &error));
}

/* Everything the dashboard reads when it opens: today (rahnuma-report, one
 * day) plus every chart and the totals over the range. */
static void
view_all (View *view)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaOfficerData) data = rahnuma_officer_data_new (view->store, view->from, view->to,
                                                                 view->to - DAY / 2, 0, NULL, &error);

  g_assert_no_error (error);
}

static double
best_ms (void (*run) (View *), View *view)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      run (view);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }
  return best;
}

static void
print_row (const char *name, double ms, double baseline)
{
  printf ("dashboard-%-18s %9.1f  %9.1f  %6.2fx\n", name, ms, baseline, ms / MAX (baseline, 0.001));
  fflush (stdout);
}

/* The views end with the day of the newest visit, which then is "today". */
static gint64 end_time;

static void
bench_range (RahnumaStore *store, const char *suffix, gint64 days)
{
  static const struct { const char *name; void (*run) (View *); } views[] = {
    { "today", NULL }, { "per-day", view_per_day }, { "per-hour", view_per_hour },
    { "per-module", view_per_module }, { "missed", view_missed }, { "all", view_all },
  };
  View view = { store, end_time - days * DAY, end_time };
  View today = { store, end_time - DAY, end_time };
  double baseline = best_ms (view_baseline, &view);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", views[i].name, suffix);

      if (views[i].run == NULL && days != 1)
        continue;
      print_row (name, best_ms (views[i].run != NULL ? views[i].run : view_totals,
                                views[i].run != NULL ? &view : &today), baseline);
    }
}

/* A day's new visits (a sync, or a kiosk's own day): the sums of that day only
 * are made again when the dashboard next opens. */
static void
bench_refresh (RahnumaStore *store)
{
  g_autoptr(GError) error = NULL;
  /* Two days: simulate skips Sundays, and loops for ever if its only day is one. */
  RahnumaSimulateOptions options = { BASE_VISITS, "LHE-POE", "K2", 3, end_time + 2 * DAY, 2 };
  double baseline;
  gint64 start;
  View view = { store, 0, 0 };

  if (!rahnuma_simulate_run (store, &options, NULL, &error))
    g_error ("%s", error->message);
  baseline = best_ms (view_baseline, &view);
  start = g_get_monotonic_time ();
  g_assert_true (rahnuma_dashboard_prepare (store, 0, &error));
  print_row ("refresh-1k", (g_get_monotonic_time () - start) / 1000.0, baseline);
}

int
main (int argc, char **argv)
{
  const char *env_n = g_getenv ("RAHNUMA_BENCH_SESSIONS");
  const char *keep = g_getenv ("RAHNUMA_BENCH_DB");
  gint64 n = env_n != NULL ? g_ascii_strtoll (env_n, NULL, 10) : 1000000;
  g_autofree char *dir = keep == NULL ? g_dir_make_tmp ("rahnuma-bench-dashboard-XXXXXX", NULL) : NULL;
  g_autofree char *path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "officers.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  gint64 start;

  bench_build_journal (path, n, BASE_VISITS);
  store = rahnuma_store_new (path, NULL, &error);
  g_assert_no_error (error);
  printf ("# %" G_GINT64_FORMAT " sessions in %s\n", bench_count_sessions (rahnuma_store_get_db (store)), path);
  start = g_get_monotonic_time ();
  g_assert_true (rahnuma_dashboard_prepare (store, 0, &error));
  printf ("# index, once per file: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  {
    gint64 first, last;

    g_assert_true (rahnuma_dashboard_get_span (store, G_MININT64, G_MAXINT64, &first, &last, &error));
    end_time = rahnuma_dashboard_day_start (last, 0) + DAY;
  }
  printf ("# view                         ms   baseline    ratio\n");
  bench_range (store, "day", 1);
  bench_range (store, "30d", 30);
  bench_range (store, "year", 365);
  bench_refresh (store);
  g_clear_object (&store);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
