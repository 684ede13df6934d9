/* test-retention.c — old records the officers' file holds leave the kiosk, nothing else does
 *
 * Real journals and a real officers' file, filled through the store's API
 * and synced with rahnuma_sync_run().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rahnuma-retention.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"
#include "test-util.h"

#define NOW ((gint64) 1764000000) /* 2025-11-24 16:00 UTC */
#define DAY ((gint64) 24 * 3600)

typedef struct
{
  char *dir;
  char *journal;
  char *officers;
  RahnumaStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rahnuma_test_make_tmpdir ("rahnuma-retention-XXXXXX");
  f->journal = g_build_filename (f->dir, "journal.db", NULL);
  f->officers = g_build_filename (f->dir, "officers.db", NULL);
  f->store = rahnuma_store_new (f->journal, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  rahnuma_test_remove_tree (f->dir);
  g_free (f->journal);
  g_free (f->officers);
  g_free (f->dir);
}

/* A visit that started at @started_at, with one module and two answers;
 * ended @minutes later, or left active if @minutes is 0. */
static char *
visit (Fixture *f, gint64 started_at, guint minutes)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = {
    .centre = "LHE-POE", .kiosk = "K1", .language = "ur",
    .catalog_version = "v1", .started_at = started_at,
  };
  char *id = rahnuma_store_begin_session (f->store, &start, &error);

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_record_module (f->store, id, "fees", 1, 1.0, 2, 2, TRUE, &error));
  g_assert_true (rahnuma_store_record_answer (f->store, id, "fees", 0, 1, TRUE, &error));
  g_assert_true (rahnuma_store_record_answer (f->store, id, "fees", 1, 0, TRUE, &error));
  if (minutes > 0)
    g_assert_true (rahnuma_store_finish_session (f->store, id, RAHNUMA_SESSION_ABANDONED, NULL,
                                                 started_at + minutes * 60, &error));
  g_assert_no_error (error);
  return id;
}

static void
sync_to_officers (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_sync_run (f->journal, f->officers, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (const char *path, const char *table, const char *id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1", table,
                                          g_str_equal (table, "session") ? "id" : "session_id");
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The session row, its module row and its two answers, all there or all gone. */
static void
assert_kept (const char *path, const char *id, gboolean kept)
{
  g_assert_cmpint (count_rows (path, "session", id), ==, kept ? 1 : 0);
  g_assert_cmpint (count_rows (path, "module_progress", id), ==, kept ? 1 : 0);
  g_assert_cmpint (count_rows (path, "answer", id), ==, kept ? 2 : 0);
}

static gint64
prune (Fixture *f, const char *target, guint keep_days)
{
  g_autoptr(GError) error = NULL;
  gint64 n = rahnuma_store_prune (f->store, target, keep_days, NOW, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_rules (Fixture *f, gconstpointer data)
{
  g_autofree char *synced_old = visit (f, NOW - 100 * DAY, 30);
  g_autofree char *synced_recent = visit (f, NOW - 5 * DAY, 30);
  g_autofree char *active_old = visit (f, NOW - 200 * DAY, 0);
  g_autofree char *unsynced_old = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

  sync_to_officers (f);
  unsynced_old = visit (f, NOW - 365 * DAY, 30); /* a year old, but never synced */

  /* Synced into another file only: this target has none of them. */
  g_assert_cmpint (prune (f, other, 30), ==, 0);
  assert_kept (f->journal, synced_old, TRUE);

  g_assert_cmpint (prune (f, f->officers, 30), ==, 1);
  assert_kept (f->journal, synced_old, FALSE);
  assert_kept (f->officers, synced_old, TRUE);
  assert_kept (f->journal, synced_recent, TRUE);
  assert_kept (f->journal, active_old, TRUE);
  assert_kept (f->journal, unsynced_old, TRUE);

  /* Synced now, it goes too; the recent one stays until keep-days pass. */
  sync_to_officers (f);
  g_assert_cmpint (prune (f, f->officers, 30), ==, 1);
  assert_kept (f->journal, unsynced_old, FALSE);
  assert_kept (f->journal, synced_recent, TRUE);
  g_assert_cmpint (prune (f, f->officers, 1), ==, 1);
  assert_kept (f->journal, synced_recent, FALSE);
  assert_kept (f->journal, active_old, TRUE);
}

/* A session changed after its sync (its rev past the mark) waits for the next sync. */
static void
test_changed_after_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = visit (f, NOW - 100 * DAY, 30);

  sync_to_officers (f);
  g_assert_true (rahnuma_store_set_gender (f->store, id, "woman", &error));
  g_assert_no_error (error);
  g_assert_cmpint (prune (f, f->officers, 30), ==, 0);
  assert_kept (f->journal, id, TRUE);
}

/* One visitor's survey answers, told apart from the others by @destination
 * (the rows carry no other name). */
static void
survey_answer (Fixture *f, gint64 answered_at, const char *destination)
{
  g_autoptr(GError) error = NULL;
  RahnumaSurveyAnswers a = { .destination = destination, .sector = "driving" };

  g_assert_true (rahnuma_store_add_survey (f->store, &a, answered_at, &error));
  g_assert_no_error (error);
}

static gint64
count_survey (const char *path, const char *destination)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM survey WHERE destination = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, destination, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Survey rows go by their week and the time of the last sync (sync stamps
 * it with the real clock, so the rows are placed around the real time). */
static void
test_survey (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;

  survey_answer (f, now - 100 * DAY, "SA"); /* old, synced */
  survey_answer (f, now - 10 * DAY, "AE");  /* recent, synced */
  sync_to_officers (f);
  survey_answer (f, now, "QA");             /* this week, after the sync */

  /* Never synced into this file: nothing goes. */
  g_assert_cmpint (rahnuma_store_prune (f->store, other, 30, now, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_survey (f->journal, "SA"), ==, 1);

  g_assert_cmpint (rahnuma_store_prune (f->store, f->officers, 30, now, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_survey (f->journal, "SA"), ==, 0);
  g_assert_cmpint (count_survey (f->officers, "SA"), ==, 1);
  g_assert_cmpint (count_survey (f->journal, "AE"), ==, 1);
  g_assert_cmpint (count_survey (f->journal, "QA"), ==, 1);

  /* Sixty days on, with no sync since: the synced one goes, the one answered
   * after the sync stays however old; so it does after a sync in its own week. */
  g_assert_cmpint (rahnuma_store_prune (f->store, f->officers, 30, now + 60 * DAY, NULL, &error), ==, 0);
  g_assert_cmpint (count_survey (f->journal, "AE"), ==, 0);
  g_assert_cmpint (count_survey (f->journal, "QA"), ==, 1);
  sync_to_officers (f);
  g_assert_cmpint (rahnuma_store_prune (f->store, f->officers, 30, now + 60 * DAY, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_survey (f->officers, "QA"), ==, 1);
  g_assert_cmpint (count_survey (f->journal, "QA"), ==, 1);
}

/* An officers' file that refuses one row (a trigger of its own, as a file
 * with stricter rules would): the kiosk cannot tell which, so none goes. */
static void
test_survey_refused (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) officers = rahnuma_store_new (f->officers, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_exec (rahnuma_store_get_db (officers),
                                     "CREATE TRIGGER refuse_om BEFORE INSERT ON survey"
                                     " WHEN new.destination = 'OM' BEGIN SELECT raise (ABORT, 'refused'); END",
                                     &error));
  g_clear_object (&officers);
  survey_answer (f, now - 100 * DAY, "SA");
  survey_answer (f, now - 100 * DAY, "OM");
  sync_to_officers (f);
  g_assert_cmpint (count_survey (f->officers, "SA"), ==, 1);
  g_assert_cmpint (count_survey (f->officers, "OM"), ==, 0);

  g_assert_cmpint (rahnuma_store_prune (f->store, f->officers, 30, now, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_survey (f->journal, "OM"), ==, 1);
  g_assert_cmpint (count_survey (f->journal, "SA"), ==, 1);
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

static gint64
store_int (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (rahnuma_store_get_db (f->store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* More than one batch, and the file shrinks: a journal of this build
 * (auto_vacuum INCREMENTAL from the start) or one from before it (NONE,
 * switched by the prune's one VACUUM). */
static void
test_batches_shrink (Fixture *f, gconstpointer data)
{
  gboolean old_journal = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *recent = NULL;
  guint n = RAHNUMA_PRUNE_BATCH * 3 + 7;
  gint64 before;

  g_assert_cmpint (store_int (f, "PRAGMA auto_vacuum"), ==, 2);
  if (old_journal)
    {
      g_assert_true (rahnuma_store_exec (rahnuma_store_get_db (f->store),
                                         "PRAGMA auto_vacuum = NONE; VACUUM", &error));
      g_assert_cmpint (store_int (f, "PRAGMA auto_vacuum"), ==, 0);
    }
  g_assert_true (rahnuma_store_begin_batch (f->store, &error));
  for (guint i = 0; i < n; i++)
    g_free (visit (f, NOW - 300 * DAY + i * 900, 30));
  g_assert_true (rahnuma_store_end_batch (f->store, TRUE, &error));
  recent = visit (f, NOW - DAY, 30);
  sync_to_officers (f);
  g_assert_true (rahnuma_store_exec (rahnuma_store_get_db (f->store), "PRAGMA wal_checkpoint (TRUNCATE)", &error));
  before = file_size (f->journal);

  g_assert_cmpint (prune (f, f->officers, 30), ==, n);
  assert_kept (f->journal, recent, TRUE);
  g_assert_cmpint (store_int (f, "SELECT count(*) FROM session"), ==, 1);
  g_assert_cmpint (store_int (f, "PRAGMA auto_vacuum"), ==, 2);
  g_assert_cmpint (store_int (f, "PRAGMA freelist_count"), ==, 0);
  g_assert_cmpint (file_size (f->journal), <, before / 4);
}

static void
on_pruned (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gint64 *n = user_data;
  g_autoptr(GError) error = NULL;

  *n = rahnuma_store_prune_finish (RAHNUMA_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* The kiosk's way: in a worker thread, at the current time. */
static void
test_async (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *old = visit (f, now - 40 * DAY, 30);
  g_autofree char *recent = visit (f, now - 10 * DAY, 30);
  gint64 n = -2;

  sync_to_officers (f);
  rahnuma_store_prune_async (f->store, f->officers, 30, NULL, on_pruned, &n);
  while (n == -2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (n, ==, 1);
  assert_kept (f->journal, old, FALSE);
  assert_kept (f->journal, recent, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/retention/rules", NULL, test_rules);
  ADD ("/rahnuma/retention/changed-after-sync", NULL, test_changed_after_sync);
  ADD ("/rahnuma/retention/batches-shrink", GINT_TO_POINTER (FALSE), test_batches_shrink);
  ADD ("/rahnuma/retention/batches-shrink-old-journal", GINT_TO_POINTER (TRUE), test_batches_shrink);
  ADD ("/rahnuma/retention/async", NULL, test_async);
  ADD ("/rahnuma/retention/survey", NULL, test_survey);
  ADD ("/rahnuma/retention/survey-refused", NULL, test_survey_refused);
#undef ADD

  return g_test_run ();
}
