/* test-sync.c — kiosk journals into the officers' file: idempotent,
 * incremental, atomic, several kiosks at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey.h"
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
  static guint n_visits;
  g_autoptr(GError) error = NULL;
  guint v = n_visits++;
  RahnumaSessionStart start = { "LHE-POE", kiosk, v % 3 == 0 ? "ps" : "ur", "v1",
                                T0 + 900 * (v % 7), FALSE };
  char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *code = rahnuma_code_generate ();
  const char *modules[] = { "contract", "fees" };

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_set_gender (store, id, genders[v % 4], &error));
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

/* The id of the first session the journal holds. */
static char *
first_session_id (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *id;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM session ORDER BY rowid LIMIT 1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

/* Which path a visit took reaches the officers' file, and a visit synced
 * on the full path and then noted as short is updated there, not doubled
 * (issue 20). */
static void
test_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *id = NULL;
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 3, 0);
  sync_ok (f, &stats);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session WHERE path = 'full'"), ==, 3);

  id = first_session_id (f->kiosk);
  store = rahnuma_store_new (f->kiosk, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_store_set_path (store, id, RAHNUMA_PATH_SHORT, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session WHERE path = 'short'"), ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session"), ==, 3);
  g_assert_cmpuint (rahnuma_test_assert_synced (f->officers, f->kiosk), ==, 3);
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

  g_assert_true (rahnuma_store_set_gender (store, id, "woman", &error));
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
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (rahnuma_sync_run (f->kiosk, f->officers, NULL, NULL, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session"), ==, 2);
  g_assert_cmpint (count (f->officers, "PRAGMA user_version"), ==, 99);
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
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_WRONG_PATH);
}

/* rahnuma-admin sync FROM TO; returns the exit status and what it printed on stderr. */
static int
admin_sync (const char *from, const char *to, char **err)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  const char *argv[] = { admin, "sync", "--from", from, "--to", to, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Each wrong path is named for what it is, never blamed on a missing USB
 * drive, and nothing is made or written. */
static void
test_wrong_paths (Fixture *f, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy-of-kiosk.db", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere", NULL);
  g_autofree char *in_nowhere = g_build_filename (nowhere, "officers.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  struct {
    const char *from, *to, *expected;
  } cases[] = {
    { f->kiosk, f->kiosk, "are the same file" },
    { f->kiosk, copy, "is a copy of the kiosk journal" },
    { f->dir, f->officers, "is a folder, not a kiosk journal" },
    { f->kiosk, f->dir, "is a folder, not an officers’ file" },
    { f->kiosk, in_nowhere, "does not exist, so the officers’ file" },
  };

  fill (f->kiosk, "K1", 2, 0);
  g_assert_true (g_file_get_contents (f->kiosk, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (g_chmod (copy, 0600), ==, 0); /* as cp keeps the journal's mode */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_assert_false (rahnuma_sync_run (cases[i].from, cases[i].to, NULL, NULL, &error));
      g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_WRONG_PATH);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_cmpint (admin_sync (cases[i].from, cases[i].to, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, cases[i].expected));
      g_assert_null (strstr (err, "USB"));
    }
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->officers, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM sync_target"), ==, 0);
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

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Rows breaking each kind of rule the officers' file enforces, as a hand
 * edit or a damaged disk could leave them in a journal (five visits filled
 * first): a CHECK on a visit (it takes its 2 module rows and 6 answers with
 * it), on a module row and on an answer; and, after the journal's schema
 * is loosened the way only writable_schema can, a NOT NULL and a STRICT
 * column type. */
static void
break_rows (const char *path)
{
  raw_exec (path,
            "PRAGMA ignore_check_constraints = ON;"
            "UPDATE session SET language = 'xx' WHERE rowid = 1;"
            "UPDATE module_progress SET watched = 2.0 WHERE module_id = 'contract'"
            "  AND session_id = (SELECT id FROM session WHERE rowid = 2);"
            "UPDATE answer SET choice = 42 WHERE module_id = 'fees' AND question = 0"
            "  AND session_id = (SELECT id FROM session WHERE rowid = 3);"
            "PRAGMA writable_schema = ON;"
            "UPDATE sqlite_schema SET sql = replace (replace (sql, ') STRICT, WITHOUT ROWID', ') WITHOUT ROWID'),"
            "  'module_version INTEGER NOT NULL', 'module_version INTEGER')"
            "  WHERE name IN ('answer', 'module_progress');");
  raw_exec (path,
            "PRAGMA ignore_check_constraints = ON;"
            "UPDATE answer SET correct = 'yes' WHERE module_id = 'contract' AND question = 2"
            "  AND session_id = (SELECT id FROM session WHERE rowid = 4);"
            "UPDATE module_progress SET module_version = NULL WHERE module_id = 'fees'"
            "  AND session_id = (SELECT id FROM session WHERE rowid = 5);");
}

static gint64
find_rejection (GPtrArray *list, const char *kind, const char *reason_part)
{
  for (guint i = 0; i < list->len; i++)
    {
      const RahnumaSyncRejection *r = g_ptr_array_index (list, i);

      if (g_str_equal (r->kind, kind) && strstr (r->reason, reason_part) != NULL)
        return r->n_rows;
    }
  return 0;
}

static void
assert_rejections (const char *officers, const char *journal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new_full (officers, RAHNUMA_STORE_SHARED, NULL, &error);
  g_autoptr(GPtrArray) list = rahnuma_sync_list_rejected (store, journal_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (find_rejection (list, "session", "CHECK constraint failed: language IN"), ==, 1);
  g_assert_cmpint (find_rejection (list, "module", "watched BETWEEN 0 AND 1"), ==, 1);
  g_assert_cmpint (find_rejection (list, "module", "NOT NULL constraint failed: module_progress.module_version"), ==, 1);
  g_assert_cmpint (find_rejection (list, "module", "its session was left out"), ==, 2);
  g_assert_cmpint (find_rejection (list, "answer", "choice BETWEEN 0 AND 9"), ==, 1);
  g_assert_cmpint (find_rejection (list, "answer", "INTEGER column answer.correct"), ==, 1);
  g_assert_cmpint (find_rejection (list, "answer", "its session was left out"), ==, 6);
  g_assert_cmpuint (list->len, ==, 7);
  /* The rule, never the value that broke it. */
  for (guint i = 0; i < list->len; i++)
    {
      const RahnumaSyncRejection *r = g_ptr_array_index (list, i);

      g_assert_null (strstr (r->reason, "xx"));
      g_assert_null (strstr (r->reason, "42"));
      g_assert_null (strstr (r->reason, "yes"));
    }
}

static void
test_rejected_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) journal = NULL;
  RahnumaSyncStats stats;
  gint64 n_rejected = -1;

  fill (f->kiosk, "K1", 5, 0);
  break_rows (f->kiosk);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 4);
  g_assert_cmpuint (stats.n_modules, ==, 6);
  g_assert_cmpuint (stats.n_answers, ==, 22);
  g_assert_cmpuint (stats.n_rejected_sessions, ==, 1);
  g_assert_cmpuint (stats.n_rejected_modules, ==, 4);
  g_assert_cmpuint (stats.n_rejected_answers, ==, 8);
  g_assert_cmpuint (stats.n_rejected_total, ==, 13);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session"), ==, 4);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM module_progress"), ==, 6);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM answer"), ==, 22);
  assert_rejections (f->officers, stats.journal_id);
  /* Left in the journal as they were. */
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM session WHERE language = 'xx'"), ==, 1);

  /* Again: nothing copied, nothing counted twice, nothing failed. */
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions + stats.n_modules + stats.n_answers, ==, 0);
  g_assert_cmpuint (stats.n_rejected_sessions + stats.n_rejected_modules + stats.n_rejected_answers, ==, 0);
  g_assert_cmpuint (stats.n_rejected_total, ==, 13);
  assert_rejections (f->officers, stats.journal_id);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM answer"), ==, 22);

  /* The kiosk's dashboard reads the count from its own journal. */
  journal = rahnuma_store_new (f->kiosk, NULL, &error);
  g_assert_true (rahnuma_dashboard_count_rejected (journal, f->officers, &n_rejected, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rejected, ==, 13);
  /* And later visits still flow. */
  g_free (add_visit (journal, "K1", FALSE));
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  g_assert_cmpuint (stats.n_answers, ==, 6);
}

static char *
run_admin_sync (const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  const char *argv[] = { admin, "sync", "--from", from, "--to", to, NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The kiosk sets a journal with a bad row aside at start-up (quick_check
 * finds it); what is in that file still reaches the officers' file. */
static void
test_set_aside_recoverable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) fresh = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 2, 0);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 2);
  fill (f->kiosk, "K1", 3, 0);
  raw_exec (f->kiosk, "PRAGMA ignore_check_constraints = ON;"
                      "UPDATE session SET language = 'xx' WHERE rowid = 4;");

  fresh = rahnuma_store_open_or_recover (f->kiosk, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);

  out = run_admin_sync (aside, f->officers);
  g_assert_nonnull (strstr (out, "Copied 2 sessions (4 module results, 12 answers)"));
  g_assert_nonnull (strstr (out, "9 records broke the rules of"));
  g_assert_nonnull (strstr (out, "visit × 1: CHECK constraint failed: language IN"));
  g_assert_nonnull (strstr (out, "answer × 6: its session was left out"));
  assert_totals (f->officers, 4);

  again = run_admin_sync (aside, f->officers);
  g_assert_nonnull (strstr (again, "already has every finished visit"));
  g_assert_null (strstr (again, "broke the rules of"));
  g_assert_nonnull (strstr (again, "In all, 9 records from"));
  assert_totals (f->officers, 4);
}

/* Files from the first schema gain the later tables and columns. A journal
 * read read-only (rahnuma-admin sync --from) is read through a migrated
 * copy and itself left as it was. */
static void
test_old_schema (Fixture *f, gconstpointer data)
{
  const char *downgrade = "DROP TABLE hall_session; DROP TABLE survey; DROP TABLE sync_rejected;"
                          " ALTER TABLE sync_target DROP COLUMN n_rejected;"
                          " ALTER TABLE session DROP COLUMN clock_suspect; ALTER TABLE session DROP COLUMN path;" RAHNUMA_TEST_SESSION_CATEGORIES
                          " PRAGMA user_version = 1;";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 2, 0);
  fill (f->officers, "K2", 1, 0);
  raw_exec (f->kiosk, downgrade);
  raw_exec (f->officers, downgrade);
  raw_exec (f->kiosk, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (f->kiosk, &before, &before_length, NULL));
  g_assert_true (rahnuma_sync_run_full (f->kiosk, f->officers, RAHNUMA_SYNC_SOURCE_READ_ONLY,
                                        &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_sessions, ==, 2);
  g_assert_true (g_file_get_contents (f->kiosk, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (count (f->kiosk, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session WHERE clock_suspect = 0"), ==, 3);
  sync_ok (f, &stats);
  g_assert_cmpint (count (f->officers, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (count (f->kiosk, "SELECT n_rejected FROM sync_target"), ==, 0);
}

/* Schema 6 across versions: a version 5 journal whose visits hold a
 * destination syncs into a new officers' file, read-only (through a
 * migrated copy) and then in place; and a new journal syncs into a
 * version 5 officers' file, which is migrated first and keeps, as survey
 * rows, the destinations of the visits it held. Twice, so no row is made
 * twice. Neither file has a session column naming a destination after. */
static void
test_version_5 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats;
  g_autofree char *second = g_build_filename (f->dir, "officers-5.db", NULL);

  fill (f->kiosk, "K1", 4, 0);
  raw_exec (f->kiosk, RAHNUMA_TEST_TO_VERSION_5 " UPDATE session SET destination = 'MY', sector = 'security';");
  for (guint pass = 0; pass < 2; pass++)
    {
      g_assert_true (rahnuma_sync_run_full (f->kiosk, f->officers, RAHNUMA_SYNC_SOURCE_READ_ONLY,
                                            &stats, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f->kiosk, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM session"), ==, 4);
  /* A journal makes no survey rows of its visits, read-only or not. */
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM survey"), ==, 0);
  sync_ok (f, &stats);
  g_assert_cmpint (count (f->kiosk, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM survey"), ==, 0);

  /* An officers' file of version 5, holding two visits to Malaysia. */
  fill (second, "K2", 2, 0);
  raw_exec (second, RAHNUMA_TEST_TO_VERSION_5 " UPDATE session SET destination = 'MY', sector = 'security';"
                    " INSERT INTO sync_source VALUES ('0123456789abcdef0123456789abcdef', 1, 0);");
  for (guint pass = 0; pass < 2; pass++)
    {
      g_assert_true (rahnuma_sync_run (f->kiosk, second, &stats, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (second, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (count (second, "SELECT count(*) FROM session"), ==, 6);
  g_assert_cmpint (count (second, "SELECT count(*) FROM survey WHERE destination = 'MY'"
                                  " AND sector = 'security' AND cost_answer = 'unsaid'"), ==, 2);
  g_assert_cmpint (count (second, "SELECT count(*) FROM pragma_table_info ('session')"
                                  " WHERE name IN ('destination', 'sector')"), ==, 0);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM pragma_table_info ('session')"
                                       " WHERE name IN ('destination', 'sector')"), ==, 0);
}

/* Kill -9 a sync that is copying row by row past bad rows, at random
 * moments, into a fresh officers' file each time: the file holds either
 * nothing of it or all of it, rejections counted with the rows, never
 * half. */
static void
test_kill_rejecting_sync (Fixture *f, gconstpointer data)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  const char *argv[] = { admin, "sync", "--from", f->kiosk, "--to", f->officers, NULL };
  g_autoptr(RahnumaStore) officers = NULL;
  gint64 duration, start;
  guint n_all = 0, n_none = 0;

  fill (f->kiosk, "K1", 2000, 0);
  break_rows (f->kiosk);
  start = g_get_monotonic_time ();
  g_free (run_admin_sync (f->kiosk, f->officers));
  duration = g_get_monotonic_time () - start;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 n_sessions, n_rejected;
      GPid pid;
      int status;

      g_autofree char *rollback = g_strconcat (f->officers, "-journal", NULL);

      g_clear_object (&officers);
      g_unlink (f->officers);
      g_unlink (rollback);
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      /* From a quarter of the way through to just past the end. */
      g_usleep ((gulong) g_test_rand_int_range ((gint32) (duration / 4), (gint32) (duration + duration / 4 + 1)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!g_file_test (f->officers, G_FILE_TEST_EXISTS))
        {
          n_none++;
          continue;
        }
      /* As the next sync would: a hot journal left by the kill is rolled back. */
      g_clear_object (&officers);
      officers = rahnuma_store_new_full (f->officers, RAHNUMA_STORE_SHARED, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count (f->officers, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), ==, 0);
      n_sessions = count (f->officers, "SELECT count(*) FROM session");
      n_rejected = count (f->officers, "SELECT coalesce (sum (n_rows), 0) FROM sync_rejected");
      if (n_sessions == 0)
        {
          g_assert_cmpint (n_rejected, ==, 0);
          n_none++;
          continue;
        }
      g_assert_cmpint (n_sessions, ==, 1999);
      g_assert_cmpint (count (f->officers, "SELECT count(*) FROM module_progress"), ==, 3996);
      g_assert_cmpint (count (f->officers, "SELECT count(*) FROM answer"), ==, 11992);
      g_assert_cmpint (n_rejected, ==, 13);
      n_all++;
    }
  g_test_message ("20 kills: %u left nothing, %u came after the commit", n_none, n_all);
}

static void
add_survey_answers (const char *path, guint n, gint64 first_cost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      RahnumaSurveyAnswers a = { "SA", "driving", "sub-agent", RAHNUMA_SURVEY_AMOUNT, first_cost + i * 1000,
                                 i % 2 ? "yes" : NULL, "no", RAHNUMA_SURVEY_AMOUNT, 1200 + i, "SAR", FALSE };

      g_assert_true (rahnuma_store_add_survey (store, &a, T0, &error));
      g_assert_no_error (error);
    }
}

/* Every survey row, every column, in id order. */
static char *
survey_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *rows;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (quote (id) || quote (week) || quote (destination)"
                                           " || quote (sector) || quote (found_via) || quote (cost_answer)"
                                           " || quote (cost_pkr) || quote (receipt) || quote (borrowed)"
                                           " || quote (wage_answer) || quote (wage_amount)"
                                           " || quote (wage_currency) || quote (demo), '\n') FROM"
                                           " (SELECT * FROM survey ORDER BY id)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* Survey answers reach the officers' file once each, with every value, even
 * when no visit is new; a row the file refuses stays out and is counted. */
static void
test_survey (Fixture *f, gconstpointer data)
{
  g_autofree char *kiosk_rows = NULL;
  g_autofree char *officers_rows = NULL;
  RahnumaSyncStats stats;

  fill (f->kiosk, "K1", 2, 0);
  add_survey_answers (f->kiosk, 3, 100000);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 2);
  g_assert_cmpuint (stats.n_survey, ==, 3);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_survey, ==, 0);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM survey"), ==, 3);

  /* New answers and no new visit: still copied. */
  add_survey_answers (f->kiosk, 2, 500000);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 0);
  g_assert_cmpuint (stats.n_survey, ==, 2);
  kiosk_rows = survey_rows (f->kiosk);
  officers_rows = survey_rows (f->officers);
  g_assert_cmpstr (officers_rows, ==, kiosk_rows);

  /* A hand-edited row breaks the 1,000-rupee rule: the rest goes in. */
  add_survey_answers (f->kiosk, 2, 700000);
  raw_exec (f->kiosk, "PRAGMA ignore_check_constraints = ON;"
                      " UPDATE survey SET cost_pkr = 700123 WHERE cost_pkr = 700000");
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_survey, ==, 1);
  g_assert_cmpuint (stats.n_rejected_survey, ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM survey"), ==, 6);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM sync_rejected WHERE kind = 'survey'"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/sync/copy", test_copy);
  ADD ("/rahnuma/sync/path", test_path);
  ADD ("/rahnuma/sync/idempotent", test_idempotent);
  ADD ("/rahnuma/sync/incremental", test_incremental);
  ADD ("/rahnuma/sync/resync-changed", test_resync_changed);
  ADD ("/rahnuma/sync/backlog", test_backlog);
  ADD ("/rahnuma/sync/damaged-target", test_damaged_target);
  ADD ("/rahnuma/sync/future-target", test_future_target);
  ADD ("/rahnuma/sync/missing-source", test_missing_source);
  ADD ("/rahnuma/sync/same-file", test_same_file);
  ADD ("/rahnuma/sync/wrong-paths", test_wrong_paths);
  ADD ("/rahnuma/sync/four-kiosks", test_four_kiosks);
  ADD ("/rahnuma/sync/four-processes", test_four_processes);
  ADD ("/rahnuma/sync/busy-target", test_busy_target);
  ADD ("/rahnuma/sync/async", test_async);
  ADD ("/rahnuma/sync/cli", test_cli);
  ADD ("/rahnuma/sync/rejected-rows", test_rejected_rows);
  ADD ("/rahnuma/sync/set-aside-recoverable", test_set_aside_recoverable);
  ADD ("/rahnuma/sync/old-schema", test_old_schema);
  ADD ("/rahnuma/sync/version-5", test_version_5);
  ADD ("/rahnuma/sync/survey", test_survey);
  ADD ("/rahnuma/sync/kill-rejecting-sync", test_kill_rejecting_sync);
#undef ADD

  return g_test_run ();
}
