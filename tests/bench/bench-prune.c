/* bench-prune.c — deleting 11 months of synced visits from a year-old
 * journal, against a raw DELETE of the same rows, in the same run
 *
 * The journal is a year of one kiosk (`rahnuma-admin simulate`, 40,000
 * visits over 365 days, made by tests/bench/run-all and cached in the build
 * directory), synced once into an officers' file. Two copies of it:
 *
 *  - prune: rahnuma_store_prune_async() with keep-days 30 (batches on a
 *    worker thread, then the file shrinks), while the main loop ticks every
 *    millisecond and, every 50 ms, reads the journal as the kiosk's main
 *    thread does (a count under the store's lock). The longest gap between
 *    two ticks is how long the main loop was blocked.
 *  - baseline: one raw transaction of three DELETEs of the same rows (the
 *    same WHERE), with the journal's pragmas.
 *
 * Prints:
 *   prune-30-days            <prune> ms  <raw DELETE> ms  <ratio>x
 *   prune-main-loop-longest  <gap> ms    <gap, no prune> ms <ratio>x
 *
 * The second row's baseline is the same main loop, with the same reads, for
 * as long, with no prune running: on 2 shared cores the scheduler alone
 * leaves gaps, and the aim (never blocked > 16 ms) is about the prune.
 *
 * Usage: bench-prune YEAR_OLD_JOURNAL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-util.h"
#include "rahnuma-retention.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"

#define KEEP_DAYS 30

typedef struct
{
  RahnumaStore *store;
  GMainLoop *loop;
  gint64 last_tick, longest_gap, last_read, done_at;
  gint64 n_pruned;
} Watch;

static void
copy_file (const char *from, const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static gboolean
on_tick (gpointer user_data)
{
  Watch *w = user_data;
  gint64 now = g_get_monotonic_time ();

  w->longest_gap = MAX (w->longest_gap, now - w->last_tick);
  if (now - w->last_read > 50 * 1000)
    {
      rahnuma_store_count_sessions (w->store, RAHNUMA_SESSION_ACTIVE, NULL);
      w->last_read = g_get_monotonic_time ();
    }
  w->last_tick = g_get_monotonic_time ();
  return G_SOURCE_CONTINUE;
}

static void
on_pruned (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Watch *w = user_data;
  g_autoptr(GError) error = NULL;

  w->done_at = g_get_monotonic_time ();
  w->n_pruned = rahnuma_store_prune_finish (RAHNUMA_STORE (source), result, &error);
  if (w->n_pruned < 0)
    g_error ("%s", error->message);
  g_main_loop_quit (w->loop);
}

static gboolean
on_idle_done (gpointer user_data)
{
  Watch *w = user_data;

  w->done_at = g_get_monotonic_time ();
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

/* The same main loop and reads for @ms, with no prune: what the machine's
 * own scheduling costs (2 shared cores), the baseline for the longest gap. */
static gint64
longest_idle_gap (const char *journal, guint ms)
{
  g_autoptr(GError) error = NULL;
  Watch w = { 0 };
  guint tick;

  w.store = rahnuma_store_new (journal, NULL, &error);
  if (w.store == NULL)
    g_error ("%s", error->message);
  w.loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (1, on_tick, &w);
  w.last_tick = w.last_read = g_get_monotonic_time ();
  g_timeout_add (ms, on_idle_done, &w);
  g_main_loop_run (w.loop);
  g_source_remove (tick);
  g_main_loop_unref (w.loop);
  g_clear_object (&w.store);
  return w.longest_gap;
}

static double
time_prune (const char *journal, const char *officers, Watch *w)
{
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint tick;

  w->store = rahnuma_store_new (journal, NULL, &error);
  if (w->store == NULL)
    g_error ("%s", error->message);
  w->loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (1, on_tick, w);
  start = w->last_tick = w->last_read = g_get_monotonic_time ();
  rahnuma_store_prune_async (w->store, officers, KEEP_DAYS, NULL, on_pruned, w);
  g_main_loop_run (w->loop);
  g_source_remove (tick);
  g_main_loop_unref (w->loop);
  g_clear_object (&w->store);
  return (w->done_at - start) / 1000.0;
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* The same rows as the prune: synced (rev at or below the mark), finished, old. */
#define SAME_ROWS \
  "(SELECT id FROM session WHERE state != 'active' AND ended_at < %" G_GINT64_FORMAT \
  " AND rev <= (SELECT last_rev FROM sync_target))"

static double
time_raw_delete (const char *journal, gint64 cutoff)
{
  g_autofree char *sql =
    g_strdup_printf ("BEGIN; DELETE FROM answer WHERE session_id IN " SAME_ROWS ";"
                     " DELETE FROM module_progress WHERE session_id IN " SAME_ROWS ";"
                     " DELETE FROM session WHERE id IN " SAME_ROWS "; COMMIT",
                     cutoff, cutoff, cutoff);
  sqlite3 *db = NULL;
  gint64 start;

  if (sqlite3_open (journal, &db) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA synchronous = FULL");
  start = g_get_monotonic_time ();
  exec_or_die (db, sql);
  start = g_get_monotonic_time () - start;
  sqlite3_close (db);
  return start / 1000.0;
}

static void
checkpoint (const char *journal)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (journal, &db) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA wal_checkpoint (TRUNCATE)");
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *synced = NULL, *a = NULL, *b = NULL, *officers = NULL;
  Watch w = { 0 };
  double prune_ms, raw_ms, idle_gap_ms;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s YEAR_OLD_JOURNAL\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("rahnuma-bench-prune-XXXXXX", NULL);
  synced = g_build_filename (dir, "synced.db", NULL);
  a = g_build_filename (dir, "a.db", NULL);
  b = g_build_filename (dir, "b.db", NULL);
  officers = g_build_filename (dir, "officers.db", NULL);
  copy_file (argv[1], synced);
  if (!rahnuma_sync_run (synced, officers, NULL, NULL, &error))
    g_error ("%s", error->message);
  checkpoint (synced); /* the sync's mark may still be in the WAL, which a copy leaves behind */
  copy_file (synced, a);
  copy_file (synced, b);

  raw_ms = time_raw_delete (b, g_get_real_time () / G_USEC_PER_SEC - KEEP_DAYS * 24 * 3600);
  prune_ms = time_prune (a, officers, &w);
  idle_gap_ms = longest_idle_gap (b, (guint) prune_ms) / 1000.0;
  printf ("# %" G_GINT64_FORMAT " sessions deleted\n", w.n_pruned);
  printf ("%-26s %8.1f ms %8.1f ms  %.2fx\n", "prune-30-days", prune_ms, raw_ms, prune_ms / raw_ms);
  printf ("%-26s %8.1f ms %8.1f ms  %.2fx\n", "prune-main-loop-longest", w.longest_gap / 1000.0, idle_gap_ms,
          w.longest_gap / 1000.0 / idle_gap_ms);

  bench_remove_dir (dir);
  return 0;
}
