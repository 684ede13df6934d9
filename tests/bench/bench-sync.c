/* bench-sync.c — sync a year of a busy centre's visits, against a raw copy
 *
 * Builds a kiosk journal of N sessions (RAHNUMA_BENCH_SESSIONS, default
 * 1,000,000): a thousand simulated visits, each with its module results and
 * answers, replicated under fresh ids. Then, in the same run, times
 *
 *  - baseline: INSERT INTO … SELECT * of the same three tables into an
 *    empty officers' file with the same schema, pragmas and cache, in one
 *    transaction (what a copy costs with no bookkeeping at all);
 *  - sync: rahnuma_sync_run() into another empty officers' file.
 *
 * Each is run twice, alternating, and the faster run kept. Prints
 *   sync-1M  <sync s>  <baseline s>  <ratio>x
 *
 * Then a thousand new visits are added to the journal and synced into the
 * full officers' file, against a raw copy of the same new rows into a copy
 * of that file: an incremental sync should cost what the new rows cost,
 * whatever the size of the journal.
 *   sync-1M-plus-1k  <sync s>  <baseline s>  <ratio>x
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-journal.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"

#define BASE_VISITS 1000

static char *label (gint64 n);

static void
remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* An empty officers' file, made by the store as sync would make it. */
static void
create_target (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  remove_db (path);
  store = rahnuma_store_new_full (path, RAHNUMA_STORE_SHARED, NULL, &error);
  g_assert_no_error (error);
}

static double
time_baseline (const char *kiosk, const char *target)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *attach = NULL;
  gint64 start;

  create_target (target);
  start = g_get_monotonic_time ();
  g_assert (sqlite3_open (target, &db) == SQLITE_OK);
  bench_exec_or_die (db, "PRAGMA foreign_keys = ON");
  bench_exec_or_die (db, "PRAGMA synchronous = FULL");
  bench_exec_or_die (db, "PRAGMA cache_size = -65536");
  sqlite3_prepare_v2 (db, "ATTACH ?1 AS kiosk", -1, &attach, NULL);
  sqlite3_bind_text (attach, 1, kiosk, -1, SQLITE_STATIC);
  g_assert (sqlite3_step (attach) == SQLITE_DONE);
  sqlite3_finalize (attach);
  bench_exec_or_die (db, "BEGIN");
  bench_exec_or_die (db, "INSERT INTO main.session SELECT * FROM kiosk.session");
  bench_exec_or_die (db, "INSERT INTO main.module_progress SELECT * FROM kiosk.module_progress");
  bench_exec_or_die (db, "INSERT INTO main.answer SELECT * FROM kiosk.answer");
  bench_exec_or_die (db, "COMMIT");
  sqlite3_close (db);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static double
time_sync (const char *kiosk, const char *target, gint64 n)
{
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats;
  gint64 start;

  create_target (target);
  start = g_get_monotonic_time ();
  if (!rahnuma_sync_run (kiosk, target, &stats, NULL, &error))
    g_error ("sync: %s", error->message);
  g_assert_cmpuint (stats.n_sessions, ==, (guint64) n);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* The newest rev in @kiosk: rows past it are the next sync's. */
static gint64
max_rev (const char *kiosk)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rev;

  g_assert (sqlite3_open (kiosk, &db) == SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT max (rev) FROM session", -1, &stmt, NULL);
  sqlite3_step (stmt);
  rev = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rev;
}

static void
add_visits (const char *kiosk, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (kiosk, NULL, &error);
  RahnumaSimulateOptions options = { n, "LHE-POE", "K1", 2, 1764000000 + 86400, 1 };

  if (!rahnuma_simulate_run (store, &options, NULL, &error))
    g_error ("%s", error->message);
}

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  remove_db (to);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* Baseline for an incremental sync: the same new rows, copied raw into a
 * copy of the same full officers' file. */
static double
time_baseline_new (const char *kiosk, const char *target, const char *copy, gint64 after_rev)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *attach = NULL;
  gint64 start;

  copy_file (target, copy);
  start = g_get_monotonic_time ();
  g_assert (sqlite3_open (copy, &db) == SQLITE_OK);
  bench_exec_or_die (db, "PRAGMA foreign_keys = ON");
  bench_exec_or_die (db, "PRAGMA synchronous = FULL");
  bench_exec_or_die (db, "PRAGMA cache_size = -65536");
  sqlite3_prepare_v2 (db, "ATTACH ?1 AS kiosk", -1, &attach, NULL);
  sqlite3_bind_text (attach, 1, kiosk, -1, SQLITE_STATIC);
  g_assert (sqlite3_step (attach) == SQLITE_DONE);
  sqlite3_finalize (attach);
  bench_exec_or_die (db, "BEGIN");
  bench_exec_int (db, "INSERT INTO main.session SELECT * FROM kiosk.session WHERE rev > ?1", after_rev);
  bench_exec_int (db, "INSERT INTO main.module_progress SELECT * FROM kiosk.module_progress WHERE session_id IN"
                " (SELECT id FROM kiosk.session WHERE rev > ?1)", after_rev);
  bench_exec_int (db, "INSERT INTO main.answer SELECT * FROM kiosk.answer WHERE session_id IN"
                " (SELECT id FROM kiosk.session WHERE rev > ?1)", after_rev);
  bench_exec_or_die (db, "COMMIT");
  sqlite3_close (db);
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* A day's new visits into a file that already holds @n. */
static void
bench_incremental (const char *kiosk, const char *target, const char *fresh, gint64 n)
{
  g_autofree char *name = label (n);
  double base_s = G_MAXDOUBLE, sync_s = G_MAXDOUBLE;

  /* Three days, each timed both ways; the fastest of each kept. */
  for (guint day = 0; day < 3; day++)
    {
      g_autoptr(GError) error = NULL;
      gint64 after_rev = max_rev (kiosk);
      RahnumaSyncStats stats;
      gint64 start;

      add_visits (kiosk, 1000);
      base_s = MIN (base_s, time_baseline_new (kiosk, target, fresh, after_rev));
      start = g_get_monotonic_time ();
      if (!rahnuma_sync_run (kiosk, target, &stats, NULL, &error))
        g_error ("sync: %s", error->message);
      sync_s = MIN (sync_s, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
      g_assert_cmpuint (stats.n_sessions, ==, 1000);
    }
  printf ("%s-plus-1k  %.3f  %.3f  %.2fx\n", name, sync_s, base_s, sync_s / base_s);
}

static char *
label (gint64 n)
{
  if (n % 1000000 == 0)
    return g_strdup_printf ("sync-%" G_GINT64_FORMAT "M", n / 1000000);
  if (n % 1000 == 0)
    return g_strdup_printf ("sync-%" G_GINT64_FORMAT "k", n / 1000);
  return g_strdup_printf ("sync-%" G_GINT64_FORMAT, n);
}

int
main (int argc, char **argv)
{
  const char *n_text = g_getenv ("RAHNUMA_BENCH_SESSIONS");
  gint64 n = n_text != NULL ? g_ascii_strtoll (n_text, NULL, 10) : 1000000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rahnuma-bench-XXXXXX", &error);
  g_autofree char *kiosk = g_build_filename (dir, "kiosk.db", NULL);
  g_autofree char *target = g_build_filename (dir, "officers.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *name = label (n);
  double sync_s = G_MAXDOUBLE, base_s = G_MAXDOUBLE;

  g_assert_no_error (error);
  g_assert (n > 0);
  bench_build_journal (kiosk, n, BASE_VISITS);
  for (guint round = 0; round < 2; round++)
    {
      base_s = MIN (base_s, time_baseline (kiosk, target));
      sync_s = MIN (sync_s, time_sync (kiosk, target, n));
    }
  printf ("%s  %.2f  %.2f  %.2fx\n", name, sync_s, base_s, sync_s / base_s);
  fflush (stdout);
  bench_incremental (kiosk, target, fresh, n);

  remove_db (target);
  remove_db (fresh);
  remove_db (kiosk);
  g_rmdir (dir);
  return 0;
}
