/* test-sync.c — kiosk journals into the officers' file: idempotent,
 * incremental, atomic, several kiosks at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *kiosk;
  char *officers;
} Fixture;

#define T0 1764000000

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->kiosk = g_build_filename (f->dir, "kiosk.db", NULL);
  f->officers = g_build_filename (f->dir, "officers.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->kiosk);
  g_free (f->officers);
  g_free (f->dir);
}

/* One visit: two modules with three answers each; finished unless @active.
 * Values differ from visit to visit and from column to column, so a sync that
 * swapped, dropped or nulled a column would not copy the same rows. */
static char *
add_visit (RahnumaStore *store, const char *kiosk, gboolean active)
{
  static const char * const genders[] = { "woman", "man", "other", "unsaid" };
  static const char * const destinations[] = { "SA", "AE", "QA", "unsaid", "other" };
  static const char * const sectors[] = { "construction", "domestic", "driving" };
  static guint n_visits;
  g_autoptr(GError) error = NULL;
  guint v = n_visits++;
  RahnumaSessionStart start = { "LHE-POE", kiosk, v % 3 == 0 ? "ps" : "ur", "v1",
                                T0 + 900 * (v % 7), FALSE };
  char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *code = rahnuma_code_generate ();
  const char *modules[] = { "contract", "fees" };

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_set_categories (store, id, genders[v % 4], destinations[v % 5],
                                               sectors[v % 3], &error));
  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    {
      guint n_correct = 0;

      for (guint q = 0; q < 3; q++)
        {
          guint choice = (v + 3 * m + 2 * q) % 4;

          n_correct += choice == q;
          g_assert_true (rahnuma_store_record_answer (store, id, modules[m], q, choice, choice == q,
                                                      &error));
        }
      g_assert_true (rahnuma_store_record_module (store, id, modules[m], 1 + m, (v % 5) / 4.0,
                                                  n_correct, 3, n_correct >= 2, &error));
    }
  if (!active)
    g_assert_true (rahnuma_store_finish_session (store, id, v % 2 ? RAHNUMA_SESSION_COMPLETED
                                                                  : RAHNUMA_SESSION_ABANDONED,
                                                 v % 2 ? code : NULL, T0 + 1800 + 900 * (v % 3), &error));
  g_assert_no_error (error);
  return id;
}

/* @n visits in one transaction: the tests need volume, not fsyncs. */
static void
fill (const char *path, const char *kiosk, guint n, guint n_active)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_begin_batch (store, &error));
  for (guint i = 0; i < n; i++)
    g_free (add_visit (store, kiosk, i < n_active));
  g_assert_true (rahnuma_store_end_batch (store, TRUE, &error));
  g_assert_no_error (error);
}

static gint64
count (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
assert_totals (const char *path, gint64 n_sessions)
{
  g_assert_cmpint (count (path, "SELECT count(*) FROM session"), ==, n_sessions);
  g_assert_cmpint (count (path, "SELECT count(*) FROM module_progress"), ==, 2 * n_sessions);
  g_assert_cmpint (count (path, "SELECT count(*) FROM answer"), ==, 6 * n_sessions);
  g_assert_cmpint (count (path, "SELECT count(*) FROM session WHERE state = 'active'"), ==, 0);
}

static void
sync_ok (Fixture *f, RahnumaSyncStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_sync_run (f->kiosk, f->officers, stats, NULL, &error));
  g_assert_no_error (error);
}

static void
test_copy (Fixture *f, gconstpointer data)
{
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 4, 1);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 3);
  g_assert_cmpuint (stats.n_modules, ==, 6);
  g_assert_cmpuint (stats.n_answers, ==, 18);
  assert_totals (f->officers, 3);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 3);
  /* The kiosk's own file is only read. */
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM session"), ==, 4);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM sync_source"), ==, 1);
}

static void
test_idempotent (Fixture *f, gconstpointer data)
{
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 5, 0);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 5);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 0);
  assert_totals (f->officers, 5);

  /* Even with the mark lost (say, an old copy of the file put back), a
   * second copy of the same records updates them in place. */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->officers, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM sync_source", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 5);
  assert_totals (f->officers, 5);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 5);
}

static void
test_incremental (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *active = NULL;
  g_autofree char *later = NULL;
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 10, 0);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 10);

  store = rahnuma_store_new (f->kiosk, NULL, &error);
  active = add_visit (store, "K1", TRUE);
  later = add_visit (store, "K1", FALSE);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 1); /* the active one waits */
  g_assert_cmpuint (stats.n_answers, ==, 6);

  g_assert_true (rahnuma_store_finish_session (store, active, RAHNUMA_SESSION_ABANDONED, NULL,
                                               T0 + 900, &error));
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  assert_totals (f->officers, 12);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session WHERE state = 'abandoned'"), ==,
                   count (f->kiosk, "SELECT count(*) FROM session WHERE state = 'abandoned'"));
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 12);
}

/* A finished session changed after it was synced (its categories, a module
 * result, an answer) goes through ON CONFLICT DO UPDATE on the next sync:
 * the officers' file must then hold the new values, column by column. */
static void
test_resync_changed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RahnumaSyncStats stats;
  guint64 n;
  sqlite3 *db = NULL;

  fill (f->kiosk, "K1", 4, 0);
  store = rahnuma_store_new (f->kiosk, NULL, &error);
  id = add_visit (store, "K1", FALSE);
  sync_ok (f, &stats);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 5);
  g_assert_cmpint (sqlite3_open (f->officers, &db), ==, SQLITE_OK);
  before = rahnuma_test_table_digest (db, "main", "answer", "SELECT id FROM main.session", &n);
  sqlite3_close (db);

  g_assert_true (rahnuma_store_set_categories (store, id, "woman", "GB", "healthcare", &error));
  g_assert_true (rahnuma_store_record_module (store, id, "fees", 7, 0.5, 1, 3, FALSE, &error));
  g_assert_true (rahnuma_store_record_answer (store, id, "fees", 2, 9, FALSE, &error));
  g_assert_no_error (error);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 5);
  /* And the comparison did see the change. */
  g_assert_cmpint (sqlite3_open (f->officers, &db), ==, SQLITE_OK);
  after = rahnuma_test_table_digest (db, "main", "answer", "SELECT id FROM main.session", &n);
  sqlite3_close (db);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM answer WHERE choice = 9"), ==, 1);
  assert_totals (f->officers, 5);
}

static void
test_backlog (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *other = g_build_filename (f->dir, "usb.db", NULL);
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 6, 2);
  store = rahnuma_store_new (f->kiosk, NULL, &error);
  g_assert_cmpint (rahnuma_store_count_backlog (store, f->officers, &error), ==, 4);
  sync_ok (f, &stats);
  g_assert_cmpint (rahnuma_store_count_backlog (store, f->officers, &error), ==, 0);
  /* Another target has its own backlog. */
  g_assert_cmpint (rahnuma_store_count_backlog (store, other, &error), ==, 4);
  g_free (add_visit (store, "K1", FALSE));
  g_assert_cmpint (rahnuma_store_count_backlog (store, f->officers, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_damaged_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char garbage[] = "This is a spreadsheet, not a journal. 0123456789abcdef0123456789abcdef";
  gsize length;

  fill (f->kiosk, "K1", 3, 0);
  g_assert_true (g_file_set_contents (f->officers, garbage, sizeof garbage, NULL));
  g_assert_false (rahnuma_sync_run (f->kiosk, f->officers, NULL, NULL, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  /* Never overwritten. */
  g_assert_true (g_file_get_contents (f->officers, &after, &length, NULL));
  g_assert_cmpmem (after, length, garbage, sizeof garbage);
}

static void
test_future_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  fill (f->kiosk, "K1", 3, 0);
  fill (f->officers, "K2", 2, 0);
  g_assert_cmpint (sqlite3_open (f->officers, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (rahnuma_sync_run (f->kiosk, f->officers, NULL, NULL, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session"), ==, 2);
  g_assert_cmpint (count (f->officers, "PRAGMA user_version"), ==, 7);
}

static void
test_missing_source (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rahnuma_sync_run (f->kiosk, f->officers, NULL, NULL, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->kiosk, G_FILE_TEST_EXISTS));
}

static void
test_same_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fill (f->kiosk, "K1", 1, 0);
  g_assert_false (rahnuma_sync_run (f->kiosk, f->kiosk, NULL, NULL, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED);
}

typedef struct
{
  const char *from;
  const char *to;
  guint64 n_sessions;
} SyncThread;

static gpointer
sync_repeatedly (gpointer user_data)
{
  SyncThread *t = user_data;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      RahnumaSyncStats stats;

      g_assert_true (rahnuma_sync_run (t->from, t->to, &stats, NULL, &error));
      g_assert_no_error (error);
      t->n_sessions += stats.n_sessions;
    }
  return NULL;
}

/* Four kiosks sync into one officers' file at the same time, each three
 * times over: every visit arrives exactly once. */
static void
test_four_kiosks (Fixture *f, gconstpointer data)
{
  char *paths[4];
  SyncThread threads[4];
  GThread *handles[4];

  for (guint k = 0; k < 4; k++)
    {
      g_autofree char *name = g_strdup_printf ("kiosk%u.db", k);
      g_autofree char *kiosk = g_strdup_printf ("K%u", k);

      paths[k] = g_build_filename (f->dir, name, NULL);
      fill (paths[k], kiosk, 150 + 10 * k, k);
      threads[k] = (SyncThread) { paths[k], f->officers, 0 };
    }
  for (guint k = 0; k < 4; k++)
    handles[k] = g_thread_new ("sync", sync_repeatedly, &threads[k]);
  for (guint k = 0; k < 4; k++)
    {
      g_thread_join (handles[k]);
      /* Each kiosk's finished visits were copied once, in one of its syncs. */
      g_assert_cmpuint (threads[k].n_sessions, ==, 150 + 10 * k - k);
      g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, paths[k]), ==, 150 + 10 * k - k);
      g_free (paths[k]);
    }
  assert_totals (f->officers, 150 + 160 + 170 + 180 - (0 + 1 + 2 + 3));
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM sync_source"), ==, 4);
  g_assert_cmpint (count (f->officers, "SELECT count(DISTINCT kiosk) FROM session"), ==, 4);
}

/* Four processes, as four kiosks' timers would be. */
static void
test_four_processes (Fixture *f, gconstpointer data)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  GPid pids[4];

  for (guint k = 0; k < 4; k++)
    {
      g_autofree char *name = g_strdup_printf ("kiosk%u.db", k);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *kiosk = g_strdup_printf ("P%u", k);
      const char *argv[] = { admin, "sync", "--from", path, "--to", f->officers, NULL };
      g_autoptr(GError) error = NULL;

      fill (path, kiosk, 100, 0);
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pids[k], &error);
      g_assert_no_error (error);
    }
  for (guint k = 0; k < 4; k++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[k], &status, 0), ==, pids[k]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  assert_totals (f->officers, 400);
  for (guint k = 0; k < 4; k++)
    {
      g_autofree char *name = g_strdup_printf ("kiosk%u.db", k);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, path), ==, 100);
    }
}

typedef struct
{
  const char *path;
  GMutex lock;
  GCond cond;
  gboolean locked;
} Locker;

/* Holds the officers' file locked for a moment, as an officer's
 * spreadsheet import or another sync would. */
static gpointer
hold_lock (gpointer user_data)
{
  Locker *l = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (l->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&l->lock);
  l->locked = TRUE;
  g_cond_signal (&l->cond);
  g_mutex_unlock (&l->lock);
  g_usleep (G_USEC_PER_SEC / 2);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}

static void
test_busy_target (Fixture *f, gconstpointer data)
{
  Locker l = { .path = f->officers };
  RahnumaSyncStats stats;
  GThread *thread;

  fill (f->kiosk, "K1", 20, 0);
  sync_ok (f, &stats);
  fill (f->kiosk, "K1", 5, 0);

  g_mutex_init (&l.lock);
  g_cond_init (&l.cond);
  thread = g_thread_new ("locker", hold_lock, &l);
  g_mutex_lock (&l.lock);
  while (!l.locked)
    g_cond_wait (&l.cond, &l.lock);
  g_mutex_unlock (&l.lock);

  /* Busy means wait, not fail and not lose. */
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 5);
  g_thread_join (thread);
  assert_totals (f->officers, 25);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 25);
  g_mutex_clear (&l.lock);
  g_cond_clear (&l.cond);
}

static void
on_sync_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RahnumaSyncStats *stats = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_sync_run_finish (result, stats, &error));
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  RahnumaSyncStats stats = { .n_sessions = G_MAXUINT64 };

  fill (f->kiosk, "K1", 7, 0);
  rahnuma_sync_run_async (f->kiosk, f->officers, NULL, on_sync_done, &stats);
  while (stats.n_sessions == G_MAXUINT64)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (stats.n_sessions, ==, 7);
  assert_totals (f->officers, 7);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 7);
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  const char *argv[] = { admin, "sync", "--from", f->kiosk, "--to", f->officers, NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  int status;

  fill (f->kiosk, "K1", 3, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Copied 3 sessions (6 module results, 18 answers)"));
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 3);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out2, NULL, &status, &error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out2, "already has every finished visit"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/sync/copy", test_copy);
  ADD ("/rahnuma/sync/idempotent", test_idempotent);
  ADD ("/rahnuma/sync/incremental", test_incremental);
  ADD ("/rahnuma/sync/resync-changed", test_resync_changed);
  ADD ("/rahnuma/sync/backlog", test_backlog);
  ADD ("/rahnuma/sync/damaged-target", test_damaged_target);
  ADD ("/rahnuma/sync/future-target", test_future_target);
  ADD ("/rahnuma/sync/missing-source", test_missing_source);
  ADD ("/rahnuma/sync/same-file", test_same_file);
  ADD ("/rahnuma/sync/four-kiosks", test_four_kiosks);
  ADD ("/rahnuma/sync/four-processes", test_four_processes);
  ADD ("/rahnuma/sync/busy-target", test_busy_target);
  ADD ("/rahnuma/sync/async", test_async);
  ADD ("/rahnuma/sync/cli", test_cli);
#undef ADD

  return g_test_run ();
}
