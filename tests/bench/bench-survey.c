/* bench-survey.c — `rahnuma-admin survey report` on a million answers,
 * against a plain GROUP BY over the same table, in the same run
 *
 * Issue 19 asks the figures of a year of every kiosk's answers to come in
 * under one second and within 3× of the cheapest query that reads the same
 * table. This makes a journal with the real schema (rahnuma_store_new())
 * and fills its survey table with N answers by a direct INSERT (a seeded,
 * plausible spread: every destination and sector, "I don't know" and
 * "prefer not to say" among the amounts, wages in the destination's
 * currency or in rupees), then times, interleaved so both see the same
 * disk cache:
 *
 *  - report: the real program, `rahnuma-admin survey report --db FILE
 *    --rates FILE --json`, start to exit (its output read and dropped);
 *  - baseline: `SELECT destination, count(*) FROM survey GROUP BY
 *    destination`, every row stepped, on an open connection to the file.
 *
 * Prints the medians: survey-report-1M  <report> ms  <baseline> ms  <ratio>x
 * (named by N when it is not a million).
 * Usage: bench-survey [--answers N] [--runs R] RAHNUMA_ADMIN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-util.h"
#include "rahnuma-store.h"

#define INSERT_SQL \
  "INSERT INTO survey (id, week, destination, sector, found_via, cost_answer, cost_pkr, receipt," \
  " borrowed, wage_answer, wage_amount, wage_currency, demo)" \
  " VALUES (lower (hex (randomblob (16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)"

#define BASELINE_SQL "SELECT destination, count(*) FROM survey GROUP BY destination"

static const char * const destinations[] = { "SA", "AE", "OM", "QA", "KW", "BH", "MY", "GB", "other", "unsaid" };
static const char * const currencies[] = { "SAR", "AED", "OMR", "QAR", "KWD", "BHD", "MYR", "GBP", "PKR", "PKR" };
/* A month's wage in each currency, roughly: the bench only needs a spread. */
static const int wages[] = { 1500, 1500, 150, 1500, 120, 150, 1800, 1800, 60000, 60000 };
static const char * const sectors[] = { "construction", "driving", "domestic", "hospitality", "manufacturing",
                                        "agriculture", "healthcare", "security", "other", "unsaid" };
static const char * const found_via[] = { "promoter", "sub-agent", "relative", "direct", "other", "unsaid" };
static const char * const yes_no[] = { "yes", "no", "unsaid" };

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* 60 % amounts, 25 % "I don't know", 15 % "prefer not to say". */
static const char *
pick_answer (GRand *rand)
{
  gint32 r = g_rand_int_range (rand, 0, 100);

  return r < 60 ? "amount" : r < 85 ? "unknown" : "unsaid";
}

static void
bind_answer (sqlite3_stmt *stmt, GRand *rand)
{
  int d = g_rand_int_range (rand, 0, G_N_ELEMENTS (destinations));
  const char *cost = pick_answer (rand), *wage = pick_answer (rand);
  char week[16];

  g_snprintf (week, sizeof week, "2026-W%02d", g_rand_int_range (rand, 1, 53));
  sqlite3_bind_text (stmt, 1, week, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, destinations[d], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, found_via[g_rand_int_range (rand, 0, G_N_ELEMENTS (found_via))], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, cost, -1, SQLITE_STATIC);
  if (g_str_equal (cost, "amount"))
    sqlite3_bind_int64 (stmt, 6, (gint64) g_rand_int_range (rand, 0, 1500) * 1000);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, yes_no[g_rand_int_range (rand, 0, 3)], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, yes_no[g_rand_int_range (rand, 0, 3)], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, wage, -1, SQLITE_STATIC);
  if (g_str_equal (wage, "amount"))
    {
      sqlite3_bind_int64 (stmt, 10, wages[d] / 2 + g_rand_int_range (rand, 0, wages[d]));
      sqlite3_bind_text (stmt, 11, currencies[d], -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_null (stmt, 10);
      sqlite3_bind_null (stmt, 11);
    }
}

/* A journal of this build, its survey table filled in one transaction. */
static void
make_journal (const char *path, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA synchronous = OFF; BEGIN");
  if (sqlite3_prepare_v2 (db, INSERT_SQL, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0; i < n; i++)
    {
      bind_answer (stmt, rand);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_or_die (db, "COMMIT; PRAGMA wal_checkpoint (TRUNCATE)");
  sqlite3_close (db);
}

static double
time_report (const char *admin, const char *journal, const char *rates)
{
  const char *argv[] = { admin, "survey", "report", "--db", journal, "--rates", rates, "--json", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  gint64 t0 = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", admin, error->message);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
time_baseline (sqlite3 *db, guint *n_groups)
{
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int rc;

  if (sqlite3_prepare_v2 (db, BASELINE_SQL, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  *n_groups = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    (*n_groups)++;
  if (rc != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static void
write_rates (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *text = "[rates]\ndate=2026-11-01\nsource=bench-survey, made-up rates\n"
                     "SAR=74\nAED=76\nOMR=724\nQAR=76\nKWD=906\nBHD=740\nMYR=62\nGBP=352\n";

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("RAHNUMA_ADMIN");
  gint answers = 1000000, runs = 5;
  GOptionEntry entries[] = {
    { "answers", 0, 0, G_OPTION_ARG_INT, &answers, "survey answers in the file (1000000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "runs per median (5)", "R" },
    { NULL },
  };
  g_autofree char *dir = NULL, *journal = NULL, *rates = NULL, *name = NULL;
  g_autoptr(GArray) report_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_ms = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  guint n_groups = 0;
  double r, b;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || answers < 1 || runs < 1)
    {
      g_printerr ("Usage: bench-survey [--answers N] [--runs R] RAHNUMA_ADMIN\n");
      return 2;
    }
  dir = g_dir_make_tmp ("rahnuma-bench-survey-XXXXXX", &error);
  g_assert_no_error (error);
  journal = g_build_filename (dir, "journal.db", NULL);
  rates = g_build_filename (dir, "rates.ini", NULL);
  write_rates (rates);
  make_journal (journal, (guint) answers);
  if (sqlite3_open_v2 (journal, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", journal, sqlite3_errmsg (db));

  /* One of each first, untimed: both then read a warm page cache. */
  time_report (argv[1], journal, rates);
  time_baseline (db, &n_groups);
  for (gint i = 0; i < runs; i++)
    {
      double t = time_report (argv[1], journal, rates);

      g_array_append_val (report_ms, t);
      t = time_baseline (db, &n_groups);
      g_array_append_val (base_ms, t);
    }
  sqlite3_close (db);
  bench_remove_dir (dir);

  r = bench_median (report_ms);
  b = bench_median (base_ms);
  name = answers == 1000000 ? g_strdup ("survey-report-1M") : g_strdup_printf ("survey-report-%d", answers);
  printf ("# %d answers, %u destinations, medians of %d runs\n", answers, n_groups, runs);
  printf ("%s  %.1f ms  %.1f ms  %.2fx\n", name, r, b, r / b);
  return 0;
}
