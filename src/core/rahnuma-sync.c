/* rahnuma-sync.c — copy new records from a kiosk journal into the officers' file
 *
 * The officers' file (the target) is a store like any kiosk journal. The
 * kiosk journal (the source) is attached to the target's connection and the
 * finished sessions past the target's mark for that journal are copied with
 * three INSERT … SELECT upserts, in one transaction with the new mark:
 *
 *  - idempotent: rows are keyed by the session's random id, so copying a
 *    session twice updates it in place;
 *  - atomic: the rows and the mark (sync_source) commit together, so a sync
 *    killed mid-way leaves all or none of it;
 *  - incremental: only sessions whose rev is past the mark are read;
 *  - several kiosks at once: writers take turns on the target's lock; a sync
 *    that finds it busy rolls back, waits a little and tries again, for up
 *    to a minute, and then fails with RAHNUMA_STORE_ERROR_BUSY, leaving
 *    everything queued in the journal for next time.
 *
 * Sessions still active are left for a later sync: the kiosk abandons them
 * at start-up after a crash, which changes their rev, so they follow.
 *
 * The transaction is DEFERRED and writes the target first: BEGIN IMMEDIATE
 * would take a write lock on the attached journal too, and block the kiosk
 * while it syncs. Only the target is written: the journal is attached
 * read-only. The kiosk's own syncs then note the target in the journal, for
 * its backlog; `rahnuma-admin sync` (RAHNUMA_SYNC_SOURCE_READ_ONLY) opens the
 * journal read-only and writes nothing to it, so a file that is not a
 * journal stays as it was, and no sync_source row is added for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rahnuma-sync.h"
#include "rahnuma-store-private.h"

#define PATIENCE_US       (60 * G_USEC_PER_SEC)
#define CACHE_SIZE_PRAGMA "PRAGMA cache_size = -65536" /* 64 MiB: a million-session copy stays in memory */

typedef struct
{
  RahnumaSyncFlags flags;
  RahnumaStore *source;
  RahnumaStore *target;
  sqlite3 *db; /* the target's connection, with the source attached as "kiosk" */
  char *target_key;
  GCancellable *cancellable;
  gint64 last_rev; /* the target's mark for this journal */
  gint64 max_rev;  /* the journal's newest rev, in this transaction's snapshot */
  gint64 next_rev; /* the target's rev for the rows this sync writes */
  RahnumaSyncStats stats;
} SyncJob;

/* Every statement binds the same numbered parameters. */
#define BIND_LAST_REV   1
#define BIND_MAX_REV    2
#define BIND_NEXT_REV   3
#define BIND_JOURNAL_ID 4
#define BIND_NOW        5

/* First, so that the transaction's first step is a write to the target. */
#define CLAIM_SQL \
  "INSERT INTO main.sync_source VALUES (?4, 0, ?5) ON CONFLICT (journal_id) DO NOTHING"

#define READ_MARKS_SQL \
  "SELECT (SELECT last_rev FROM main.sync_source WHERE journal_id = ?4)," \
  " (SELECT coalesce (max (rev), 0) FROM kiosk.session)," \
  " (SELECT coalesce (max (rev), 0) + 1 FROM main.session)"

/* The sessions to copy. IN (…) makes SQLite walk them in id order, so the
 * module and answer rows arrive in their primary-key order. */
#define PENDING \
  "(SELECT id FROM kiosk.session WHERE rev > ?1 AND rev <= ?2 AND state != 'active')"

#define COPY_SESSIONS_SQL \
  "INSERT INTO main.session (id, centre, kiosk, language, started_at, ended_at, state," \
  " catalog_version, code, gender, destination, sector, demo, clock_suspect, rev)" \
  " SELECT id, centre, kiosk, language, started_at, ended_at, state, catalog_version, code," \
  " gender, destination, sector, demo, clock_suspect, ?3 FROM kiosk.session" \
  " WHERE rev > ?1 AND rev <= ?2 AND state != 'active'" \
  " ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, state = excluded.state," \
  " code = excluded.code, gender = excluded.gender, destination = excluded.destination," \
  " sector = excluded.sector, demo = excluded.demo, clock_suspect = excluded.clock_suspect," \
  " rev = excluded.rev"

#define COPY_MODULES_SQL \
  "INSERT INTO main.module_progress (session_id, module_id, module_version, watched," \
  " n_correct, n_questions, passed)" \
  " SELECT session_id, module_id, module_version, watched, n_correct, n_questions, passed" \
  " FROM kiosk.module_progress WHERE session_id IN " PENDING \
  " ON CONFLICT (session_id, module_id) DO UPDATE SET module_version = excluded.module_version," \
  " watched = excluded.watched, n_correct = excluded.n_correct," \
  " n_questions = excluded.n_questions, passed = excluded.passed"

#define COPY_ANSWERS_SQL \
  "INSERT INTO main.answer (session_id, module_id, question, choice, correct)" \
  " SELECT session_id, module_id, question, choice, correct" \
  " FROM kiosk.answer WHERE session_id IN " PENDING \
  " ON CONFLICT (session_id, module_id, question) DO UPDATE SET choice = excluded.choice," \
  " correct = excluded.correct"

#define SET_MARK_SQL \
  "UPDATE main.sync_source SET last_rev = ?2, synced_at = ?5 WHERE journal_id = ?4"

/* Kiosk side, after the commit: how far this target has got, for the backlog. */
#define NOTE_TARGET_SQL \
  "INSERT INTO sync_target VALUES (?1, ?2, ?3) ON CONFLICT (target) DO UPDATE SET" \
  " last_rev = max (last_rev, excluded.last_rev), synced_at = excluded.synced_at"

/* Closing the target's connection also detaches the journal. */
static void
sync_job_clear (SyncJob *job)
{
  g_clear_object (&job->source);
  g_clear_object (&job->target);
  g_clear_pointer (&job->target_key, g_free);
  job->db = NULL;
}

/* Lets a cancelled GCancellable interrupt a long statement. */
static int
on_progress (gpointer user_data)
{
  SyncJob *job = user_data;

  return g_cancellable_is_cancelled (job->cancellable);
}

static gboolean
fail (SyncJob *job, int rc, const char *what, GError **error)
{
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  return rahnuma_store_set_error (error, job->db, rc, what);
}

static gboolean
run (SyncJob *job, const char *sql, guint64 *changes, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, sql, error);
  int n_params, rc;

  if (stmt == NULL)
    return FALSE;
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= BIND_LAST_REV)
    sqlite3_bind_int64 (stmt, BIND_LAST_REV, job->last_rev);
  if (n_params >= BIND_MAX_REV)
    sqlite3_bind_int64 (stmt, BIND_MAX_REV, job->max_rev);
  if (n_params >= BIND_NEXT_REV)
    sqlite3_bind_int64 (stmt, BIND_NEXT_REV, job->next_rev);
  if (n_params >= BIND_JOURNAL_ID)
    sqlite3_bind_text (stmt, BIND_JOURNAL_ID, rahnuma_store_get_journal_id (job->source), -1, SQLITE_STATIC);
  if (n_params >= BIND_NOW)
    sqlite3_bind_int64 (stmt, BIND_NOW, g_get_real_time () / G_USEC_PER_SEC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot copy records"), error);
  if (changes != NULL)
    *changes = sqlite3_changes64 (job->db);
  return TRUE;
}

static gboolean
read_marks (SyncJob *job, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, READ_MARKS_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, BIND_JOURNAL_ID, rahnuma_store_get_journal_id (job->source), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail (job, rc, _("Cannot read how far the last sync got"), error);
  job->last_rev = sqlite3_column_int64 (stmt, 0);
  job->max_rev = sqlite3_column_int64 (stmt, 1);
  job->next_rev = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* The copy itself, inside the transaction. */
static gboolean
copy_records (SyncJob *job, GError **error)
{
  if (!run (job, CLAIM_SQL, NULL, error) || !read_marks (job, error))
    return FALSE;
  if (job->max_rev <= job->last_rev)
    return TRUE; /* nothing new */
  return run (job, COPY_SESSIONS_SQL, &job->stats.n_sessions, error) &&
         run (job, COPY_MODULES_SQL, &job->stats.n_modules, error) &&
         run (job, COPY_ANSWERS_SQL, &job->stats.n_answers, error) &&
         run (job, SET_MARK_SQL, NULL, error);
}

static gboolean
copy_in_transaction (SyncJob *job, GError **error)
{
  gboolean ok;

  if (!rahnuma_store_exec (job->db, "BEGIN DEFERRED", error))
    return FALSE;
  ok = copy_records (job, error) && rahnuma_store_exec (job->db, "COMMIT", error);
  if (!sqlite3_get_autocommit (job->db))
    sqlite3_exec (job->db, "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    job->stats.n_sessions = job->stats.n_modules = job->stats.n_answers = 0;
  return ok;
}

/* "file:///…?mode=ro": the target's connection takes URI names. */
static char *
read_only_uri (const char *path, GError **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, error);

  return uri != NULL ? g_strconcat (uri, "?mode=ro", NULL) : NULL;
}

static gboolean
attach_source (SyncJob *job, const char *read_path, const char *from_path, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, "ATTACH DATABASE ?1 AS kiosk", error);
  g_autofree char *uri = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  uri = read_only_uri (read_path, NULL);
  if (uri == NULL)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED,
                   _("Cannot read the kiosk journal %s: its name cannot be used"), from_path);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot read the kiosk journal"), error);
  sqlite3_progress_handler (job->db, 10000, on_progress, job);
  return rahnuma_store_exec (job->db, CACHE_SIZE_PRAGMA, error);
}

static gboolean G_GNUC_PRINTF (2, 3)
wrong_path (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_WRONG_PATH, message);
  return FALSE;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf st_a, st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/* Mistakes in the paths themselves, each named for what it is, before any
 * file is opened: SQLite would call them all "unable to open". */
static gboolean
check_paths (const char *from_path, const char *to_path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (to_path);
  g_autofree char *example = g_build_filename (to_path, "officers.db", NULL);

  if (g_file_test (from_path, G_FILE_TEST_IS_DIR))
    /* Translators: %s is the path given as the kiosk journal */
    return wrong_path (error, _("%s is a folder, not a kiosk journal: name the journal file in it"),
                       from_path);
  if (g_file_test (to_path, G_FILE_TEST_IS_DIR))
    /* Translators: %s is the path given as the officers' file, then an example file in it */
    return wrong_path (error, _("%s is a folder, not an officers’ file: name the file in it, e.g. %s"),
                       to_path, example);
  if (same_file (from_path, to_path))
    return wrong_path (error, _("%s and %s are the same file: sync copies a kiosk journal into a "
                                "separate officers’ file"), from_path, to_path);
  if (g_file_test (to_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    /* Translators: the first %s is a folder, the second the officers' file to make in it */
    return wrong_path (error, _("the folder %s does not exist, so the officers’ file %s cannot be "
                                "made in it: check the path, or connect the drive it is on"),
                       folder, to_path);
  if (g_access (folder, W_OK) != 0)
    return wrong_path (error, _("the folder %s cannot be written (check its permissions), so the "
                                "officers’ file %s cannot be made in it"), folder, to_path);
  return TRUE;
}

/* Opens both files. The source is opened as a store first, so that a
 * damaged or too new journal is refused and an old one migrated. */
static gboolean
open_files (SyncJob *job, const char *from_path, const char *to_path, GError **error)
{
  RahnumaStoreFlags source_flags = (job->flags & RAHNUMA_SYNC_SOURCE_READ_ONLY)
                                     ? RAHNUMA_STORE_READ_ONLY : RAHNUMA_STORE_MUST_EXIST;

  job->source = rahnuma_store_new_full (from_path, source_flags, job->cancellable, error);
  if (job->source == NULL)
    return FALSE;
  job->target = rahnuma_store_new_full (to_path, RAHNUMA_STORE_SHARED, job->cancellable, error);
  if (job->target == NULL)
    return FALSE;
  if (g_str_equal (rahnuma_store_get_journal_id (job->source), rahnuma_store_get_journal_id (job->target)))
    {
      /* Translators: the second file holds the same journal id as the first */
      return wrong_path (error, _("%s is a copy of the kiosk journal %s, not an officers’ file: "
                                  "sync into a separate officers’ file"), to_path, from_path);
    }
  job->db = rahnuma_store_get_db (job->target);
  /* An older journal opened read-only is read through its migrated copy. */
  return attach_source (job, rahnuma_store_get_read_path (job->source), from_path, error);
}

/* Best effort: the authoritative mark is in the target, already committed.
 * If the journal is busy now, the backlog shown is too high until next time. */
static void
note_target (SyncJob *job)
{
  sqlite3 *db = rahnuma_store_get_db (job->source);
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, NOTE_TARGET_SQL, NULL);
  int rc;

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, job->target_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->max_rev);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  rahnuma_store_lock (job->source);
  rc = sqlite3_step (stmt);
  rahnuma_store_unlock (job->source);
  if (rc != SQLITE_DONE)
    g_debug ("Cannot note the sync in the journal: %s", sqlite3_errmsg (db));
}

static gboolean
sync_once (SyncJob *job, const char *from_path, const char *to_path, GError **error)
{
  gboolean ok;

  job->target_key = g_canonicalize_filename (to_path, NULL);
  ok = check_paths (from_path, to_path, error) && open_files (job, from_path, to_path, error) &&
       copy_in_transaction (job, error);
  if (ok && !(job->flags & RAHNUMA_SYNC_SOURCE_READ_ONLY))
    note_target (job);
  return ok;
}

/* Random, growing pauses, so that kiosks that collided do not collide again. */
static void
wait_before_retry (guint attempt)
{
  guint ceiling_ms = 100 * MIN (attempt, 10u);

  g_usleep ((gulong) g_random_int_range (50, (gint32) ceiling_ms + 51) * 1000);
}

/**
 * rahnuma_sync_run_full:
 * @from_path: a kiosk journal
 * @to_path: the officers' file; created if missing
 * @flags: %RAHNUMA_SYNC_SOURCE_READ_ONLY to open @from_path read-only and
 *   write nothing to it (a journal of an older layout, or an empty file, is
 *   then refused: %RAHNUMA_STORE_ERROR_EMPTY for an empty one)
 * @stats: (out) (optional): what was copied
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Copies the finished sessions that @to_path does not have yet, in one
 * transaction. Blocks: waits and retries while @to_path is busy, for up to a
 * minute. Call it from a worker thread, or use rahnuma_sync_run_async().
 *
 * Returns: whether the sync completed; on failure nothing was copied and the
 *   records stay queued in @from_path
 */
gboolean
rahnuma_sync_run_full (const char *from_path, const char *to_path, RahnumaSyncFlags flags,
                       RahnumaSyncStats *stats, GCancellable *cancellable, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + PATIENCE_US;
  SyncJob job = { .flags = flags, .cancellable = cancellable };
  guint n_busy = 0;

  g_return_val_if_fail (from_path != NULL && to_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok = sync_once (&job, from_path, to_path, &local_error);

      if (ok || !g_error_matches (local_error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline || g_cancellable_is_cancelled (cancellable))
        {
          job.stats.n_busy = n_busy;
          if (ok && stats != NULL)
            *stats = job.stats;
          sync_job_clear (&job);
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return ok;
        }
      g_debug ("%s is busy, trying again: %s", to_path, local_error->message);
      sync_job_clear (&job);
      wait_before_retry (++n_busy);
    }
}

/**
 * rahnuma_sync_run:
 * @from_path: a kiosk journal; the sync is noted in it, for its backlog
 * @to_path: the officers' file; created if missing
 * @stats: (out) (optional): what was copied
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * rahnuma_sync_run_full() with no flags: what a kiosk runs on its own journal.
 *
 * Returns: whether the sync completed
 */
gboolean
rahnuma_sync_run (const char *from_path, const char *to_path, RahnumaSyncStats *stats,
                  GCancellable *cancellable, GError **error)
{
  return rahnuma_sync_run_full (from_path, to_path, RAHNUMA_SYNC_FLAGS_NONE, stats, cancellable, error);
}

typedef struct
{
  char *from_path;
  char *to_path;
} SyncPaths;

static void
sync_paths_free (SyncPaths *paths)
{
  g_free (paths->from_path);
  g_free (paths->to_path);
  g_free (paths);
}

static void
sync_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  SyncPaths *paths = task_data;
  RahnumaSyncStats stats = { 0 };
  GError *error = NULL;

  if (rahnuma_sync_run (paths->from_path, paths->to_path, &stats, cancellable, &error))
    g_task_return_pointer (task, g_memdup2 (&stats, sizeof stats), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * rahnuma_sync_run_async:
 * @from_path: a kiosk journal
 * @to_path: the officers' file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when done
 * @user_data: for @callback
 *
 * rahnuma_sync_run() in a worker thread, so the kiosk's screen never waits
 * for a slow or busy officers' file.
 */
void
rahnuma_sync_run_async (const char *from_path, const char *to_path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SyncPaths *paths = g_new0 (SyncPaths, 1);

  g_return_if_fail (from_path != NULL && to_path != NULL);

  paths->from_path = g_strdup (from_path);
  paths->to_path = g_strdup (to_path);
  g_task_set_source_tag (task, rahnuma_sync_run_async);
  g_task_set_task_data (task, paths, (GDestroyNotify) sync_paths_free);
  g_task_run_in_thread (task, sync_thread);
}

/**
 * rahnuma_sync_run_finish:
 * @result: the #GAsyncResult given to the callback
 * @stats: (out) (optional): what was copied
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: whether the sync completed
 */
gboolean
rahnuma_sync_run_finish (GAsyncResult *result, RahnumaSyncStats *stats, GError **error)
{
  g_autofree RahnumaSyncStats *done = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rahnuma_sync_run_async, FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (stats != NULL)
    *stats = *done;
  return TRUE;
}
