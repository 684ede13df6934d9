/* rahnuma-retention.c — old records that the officers' file already holds leave the kiosk
 *
 * A kiosk keeps a visit's record only until it is safely elsewhere: once a
 * session is in the officers' file (its rev at or below that file's
 * last_rev in sync_target, the mark sync writes after its commit) and it
 * ended more than keep-days ago (the kiosk's `keep-days` setting), it is
 * deleted here with its module and answer rows. A session not yet synced
 * stays, however old; so does one still active, or changed after its sync
 * (changing a session raises its rev).
 *
 * Survey rows (rahnuma-survey.h) have no rev and no day, only their ISO
 * week: each sync copies every one the officers' file lacks. One goes once
 * its whole week ended more than keep-days ago AND the last sync into this
 * target (sync_target.synced_at) completed more than a day after that week
 * ended. The day covers a sync that began reading just before the week
 * ended, and an answer given at the week's last second and written a moment
 * later. While the officers' file has refused any record of this journal
 * (sync_target.n_rejected > 0) no survey row goes: the kiosk cannot tell
 * which rows were refused, and a refused row is not in that file. A row
 * stamped by a kiosk clock running in the past, after a sync, is beyond
 * this rule (docs/survey-data.md, "Retention").
 *
 * Hall sessions (rahnuma-hall-session.h) are synced by id like survey
 * rows and carry only a local day: one goes once its day is before the
 * keep-days cutoff's day AND more than two days before the UTC day of the
 * last sync into this target (two days cover any local time zone and a
 * sync that began reading before the row was written), and never while
 * that target has refused records of this journal. A few rows a day: one
 * DELETE, no batches.
 *
 * Deletes go in batches of RAHNUMA_PRUNE_BATCH sessions, each its own
 * transaction, through a connection of the prune's own, from a worker
 * thread: in WAL mode the kiosk's reads (the main thread's too) never wait
 * for it, and a visit's next write (on a worker) waits at most one batch.
 * tests/bench/bench-prune.c measures both.
 *
 * The file shrinks too. A journal made by this build has
 * auto_vacuum = INCREMENTAL (rahnuma-store-schema.c sets it before the first
 * table), and `PRAGMA incremental_vacuum` hands the freed pages back after
 * each prune. Older journals have auto_vacuum = NONE, and switching needs a
 * VACUUM, which rewrites every live page: in a start-up migration that is
 * a year of records (117 MB, seconds) on the main thread, so it is not done
 * there. It is done here instead, once, after the first prune, when only
 * keep-days of records are left to copy, on the worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-retention.h"
#include "rahnuma-store-private.h"

/* A batch is the next RAHNUMA_PRUNE_BATCH prunable sessions in id order
 * after the last batch (?3). In id order, a batch's answers and module rows
 * (keyed by session id) are neighbours in their b-trees, so each page is
 * rewritten about once in the whole prune; in rev order they are scattered
 * and the prune rewrote each page many times (26× a raw DELETE). ?4 is the
 * batch's last id, so the three DELETEs see the same set. */
#define PRUNABLE_FROM \
  "SELECT id FROM session WHERE id > ?3 AND state != 'active' AND rev <= ?1 AND ended_at < ?2"

#define BATCH_END_SQL \
  "SELECT max (id), count(*) FROM (" PRUNABLE_FROM " ORDER BY id LIMIT " G_STRINGIFY (RAHNUMA_PRUNE_BATCH) ")"

#define PRUNABLE PRUNABLE_FROM " AND id <= ?4"

static const char * const prune_sql[] = {
  "DELETE FROM answer WHERE session_id IN (" PRUNABLE ")",
  "DELETE FROM module_progress WHERE session_id IN (" PRUNABLE ")",
  "DELETE FROM session WHERE id IN (" PRUNABLE ")",
};

/* Survey rows in id order from ?3, of weeks before ?1 (the cutoff): a
 * batch ends at ?2, so the scan of the primary key goes over the table once
 * in the whole prune. */
#define SURVEY_BATCH_END_SQL \
  "SELECT max (id), count(*) FROM (SELECT id FROM survey WHERE id > ?3 AND week < ?1" \
  " ORDER BY id LIMIT " G_STRINGIFY (RAHNUMA_PRUNE_BATCH) ")"
#define SURVEY_DELETE_SQL \
  "DELETE FROM survey WHERE id > ?3 AND id <= ?2 AND week < ?1"
#define SURVEY_MARK_SQL \
  "SELECT synced_at FROM sync_target WHERE target = ?1 AND n_rejected = 0"
#define SURVEY_SYNC_MARGIN_S ((gint64) 24 * 3600)

#define HALL_DELETE_SQL \
  "DELETE FROM hall_session WHERE day < date (?1, 'unixepoch', 'localtime') AND day <" \
  " (SELECT date (synced_at - 2 * 86400, 'unixepoch') FROM sync_target WHERE target = ?2 AND n_rejected = 0)"

typedef struct
{
  sqlite3 *db;
  const char *target_key;
  gint64 cutoff;
  char *after;        /* the last id of the previous batch */
  gint64 last_rev;    /* sessions: the sync mark, read by each batch */
  const char *week;   /* survey rows: the week before which they may go */
} Pruner;

/* What is pruned in batches (sessions, survey rows): finding where the
 * next batch ends (it returns the batch's rows and sets *end to its last
 * id, or returns -1), and deleting it. */
typedef struct
{
  gint64 (*find_end) (Pruner *p, char **end, GError **error);
  gboolean (*delete_rows) (Pruner *p, const char *end, GError **error);
} BatchKind;

static gboolean
step_one (sqlite3 *db, sqlite3_stmt *stmt, int want, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == want)
    return TRUE;
  /* Translators: in the technician log, followed by SQLite's reason */
  return rahnuma_store_set_error (error, db, rc, _("Cannot delete old records"));
}

static void
bind_batch (sqlite3_stmt *stmt, Pruner *p, const char *end)
{
  sqlite3_bind_int64 (stmt, 1, p->last_rev);
  sqlite3_bind_int64 (stmt, 2, p->cutoff);
  sqlite3_bind_text (stmt, 3, p->after, -1, SQLITE_TRANSIENT);
  if (end != NULL)
    sqlite3_bind_text (stmt, 4, end, -1, SQLITE_TRANSIENT);
}

/* Inside the transaction: the sync mark (a sync may have moved it), then
 * where this batch ends. Returns the number of sessions in it, or -1. */
static gint64
find_batch (Pruner *p, char **end, GError **error)
{
  g_autoptr(sqlite3_stmt) mark =
    rahnuma_store_prepare (p->db, "SELECT coalesce ((SELECT last_rev FROM sync_target WHERE target = ?1), 0)", error);
  g_autoptr(sqlite3_stmt) batch = NULL;

  if (mark == NULL)
    return -1;
  sqlite3_bind_text (mark, 1, p->target_key, -1, SQLITE_STATIC);
  if (!step_one (p->db, mark, SQLITE_ROW, error))
    return -1;
  p->last_rev = sqlite3_column_int64 (mark, 0);
  batch = rahnuma_store_prepare (p->db, BATCH_END_SQL, error);
  if (batch == NULL)
    return -1;
  bind_batch (batch, p, NULL);
  if (!step_one (p->db, batch, SQLITE_ROW, error))
    return -1;
  *end = g_strdup ((const char *) sqlite3_column_text (batch, 0));
  return sqlite3_column_int64 (batch, 1);
}

static gboolean
delete_batch (Pruner *p, const char *end, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (prune_sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (p->db, prune_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_batch (stmt, p, end);
      if (!step_one (p->db, stmt, SQLITE_DONE, error))
        return FALSE;
    }
  return TRUE;
}

static const BatchKind session_batches = { find_batch, delete_batch };

/* One transaction. Returns the sessions (or rows) deleted, or -1. */
static gint64
prune_batch (Pruner *p, const BatchKind *kind, GError **error)
{
  g_autofree char *end = NULL;
  gint64 n;

  if (!rahnuma_store_exec (p->db, "BEGIN IMMEDIATE", error))
    return -1;
  n = kind->find_end (p, &end, error);
  if (n > 0 && !kind->delete_rows (p, end, error))
    n = -1;
  if (n >= 0 && !rahnuma_store_exec (p->db, "COMMIT", error))
    n = -1;
  if (!sqlite3_get_autocommit (p->db))
    sqlite3_exec (p->db, "ROLLBACK", NULL, NULL, NULL);
  if (n > 0)
    {
      g_free (p->after);
      p->after = g_steal_pointer (&end);
    }
  return n;
}

/* Batch after batch from p->after, until one is not full. Returns the
 * sessions (or rows) deleted, or -1. */
static gint64
prune_batches (Pruner *p, const BatchKind *kind, GCancellable *cancellable, GError **error)
{
  gint64 total = 0, n;

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = prune_batch (p, kind, error);
      if (n < 0)
        return -1;
      total += n;
    }
  while (n == RAHNUMA_PRUNE_BATCH);
  return total;
}

/* The prune's own connection: in WAL mode the kiosk's connection (and the
 * main thread reading through it) is never blocked by it; a visit's write
 * waits at most one batch, on a worker thread (busy timeout).
 * synchronous = NORMAL: a power cut may undo the last batches (the rows
 * come back and go at the next prune), never damage the file. */
static sqlite3 *
open_pruner (RahnumaStore *self, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (rahnuma_store_get_path (self), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      /* Translators: in the technician log, followed by SQLite's reason */
      rahnuma_store_set_error (error, db, rc, _("Cannot delete old records"));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  if (!rahnuma_store_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", error))
    g_clear_pointer (&db, sqlite3_close_v2);
  return db;
}

/* Gives the freed pages back to the file system (see the top of the file). */
static gboolean
shrink (sqlite3 *db, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;
  int mode;

  stmt = rahnuma_store_prepare (db, "PRAGMA auto_vacuum", error);
  ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  mode = ok ? sqlite3_column_int (stmt, 0) : -1;
  g_clear_pointer (&stmt, sqlite3_finalize); /* VACUUM refuses to run beside a statement */
  if (ok && mode != 2 /* INCREMENTAL */)
    ok = rahnuma_store_exec (db, "PRAGMA auto_vacuum = INCREMENTAL", error) &&
         rahnuma_store_exec (db, "VACUUM", error);
  else if (ok)
    ok = rahnuma_store_exec (db, "PRAGMA incremental_vacuum", error);
  /* The WAL holds what moved; the file is only smaller once it is copied
   * back. PASSIVE: never waits for the kiosk's readers. */
  return ok && rahnuma_store_exec (db, "PRAGMA wal_checkpoint (PASSIVE)", error);
}

/* The week before which survey rows may go (NULL: none may, as this
 * target never had a sync, or has refused records of this journal). */
static gboolean
survey_cutoff (Pruner *p, char **cutoff, GError **error)
{
  g_autoptr(sqlite3_stmt) mark = rahnuma_store_prepare (p->db, SURVEY_MARK_SQL, error);
  g_autofree char *kept = NULL;
  g_autofree char *synced = NULL;
  int rc;

  *cutoff = NULL;
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_text (mark, 1, p->target_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (mark);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    /* Translators: in the technician log, followed by SQLite's reason */
    return rahnuma_store_set_error (error, p->db, rc, _("Cannot delete old records"));
  /* A week before the week of a time ended at or before that time; ISO
   * weeks as text sort in time order. */
  kept = rahnuma_survey_week (p->cutoff);
  synced = rahnuma_survey_week (sqlite3_column_int64 (mark, 0) - SURVEY_SYNC_MARGIN_S);
  *cutoff = g_strdup (g_strcmp0 (kept, synced) < 0 ? kept : synced);
  return TRUE;
}

static void
bind_survey (sqlite3_stmt *stmt, const char *cutoff, const char *end, const char *after)
{
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, after, -1, SQLITE_TRANSIENT);
}

/* Inside the transaction: where this batch ends. Returns its rows, or -1. */
static gint64
find_survey_batch (Pruner *p, char **end, GError **error)
{
  g_autoptr(sqlite3_stmt) batch = rahnuma_store_prepare (p->db, SURVEY_BATCH_END_SQL, error);

  if (batch == NULL)
    return -1;
  bind_survey (batch, p->week, NULL, p->after);
  if (!step_one (p->db, batch, SQLITE_ROW, error))
    return -1;
  *end = g_strdup ((const char *) sqlite3_column_text (batch, 0));
  return sqlite3_column_int64 (batch, 1);
}

static gboolean
delete_survey_batch (Pruner *p, const char *end, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (p->db, SURVEY_DELETE_SQL, error);

  if (stmt == NULL)
    return FALSE;
  bind_survey (stmt, p->week, end, p->after);
  return step_one (p->db, stmt, SQLITE_DONE, error);
}

static const BatchKind survey_batches = { find_survey_batch, delete_survey_batch };

/* The survey rows this target holds for sure (see the top of the file).
 * Returns the rows deleted, or -1. */
static gint64
prune_survey (Pruner *p, GCancellable *cancellable, GError **error)
{
  g_autofree char *cutoff = NULL;
  gint64 total;

  if (!survey_cutoff (p, &cutoff, error))
    return -1;
  if (cutoff == NULL)
    return 0;
  g_free (p->after);
  p->after = g_strdup ("");
  p->week = cutoff;
  total = prune_batches (p, &survey_batches, cancellable, error);
  p->week = NULL;
  return total;
}

/* The hall sessions this target holds for sure (see the top of the file),
 * in one transaction. Returns the rows deleted, or -1. */
static gint64
prune_hall (Pruner *p, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (p->db, HALL_DELETE_SQL, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, p->cutoff);
  sqlite3_bind_text (stmt, 2, p->target_key, -1, SQLITE_STATIC);
  if (!step_one (p->db, stmt, SQLITE_DONE, error))
    return -1;
  return sqlite3_changes64 (p->db);
}

/**
 * rahnuma_store_prune:
 * @self: a kiosk's journal
 * @target: the officers' file the kiosk syncs into (as configured; it is
 *   canonicalized as sync does)
 * @keep_days: how many days of finished visits stay on the kiosk (the
 *   `keep-days` setting)
 * @now: the time, in Unix seconds
 * @cancellable: (nullable): stops between batches
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Deletes, in batches, the sessions (with their module and answer rows)
 * already synced into @target that ended before @now − @keep_days days,
 * and the survey rows of weeks that ended before then and before @target's
 * last sync (less a day), and the hall sessions of days before both, then shrinks the file. Blocks for as long as that takes: call it from a
 * worker thread (rahnuma_store_prune_async()). See rahnuma-retention.c for
 * the rules.
 *
 * Returns: the number of sessions deleted, or -1 on error
 */
gint64
rahnuma_store_prune (RahnumaStore *self, const char *target, guint keep_days, gint64 now,
                     GCancellable *cancellable, GError **error)
{
  g_autofree char *key = NULL;
  Pruner p = { 0 };
  gint64 total, n_survey = 0, n_hall = 0;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), -1);
  g_return_val_if_fail (target != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  key = g_canonicalize_filename (target, NULL);
  p.db = open_pruner (self, error);
  if (p.db == NULL)
    return -1;
  p.target_key = key;
  p.cutoff = now - (gint64) keep_days * 24 * 3600;
  p.after = g_strdup ("");
  total = prune_batches (&p, &session_batches, cancellable, error);
  if (total >= 0)
    n_survey = prune_survey (&p, cancellable, error);
  if (n_survey >= 0)
    n_hall = prune_hall (&p, error);
  if (n_survey < 0 || n_hall < 0)
    total = -1;
  if (total >= 0 && total + n_survey + n_hall > 0 && !shrink (p.db, error))
    total = -1;
  sqlite3_close_v2 (p.db);
  g_free (p.after);
  if (total > 0 || n_survey > 0)
    g_debug ("Deleted %" G_GINT64_FORMAT " synced session(s) and %" G_GINT64_FORMAT
             " survey answer(s) older than %u days", total, n_survey, keep_days);
  return total;
}

typedef struct
{
  char *target;
  guint keep_days;
} PruneData;

static void
prune_data_free (PruneData *data)
{
  g_free (data->target);
  g_free (data);
}

static void
prune_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PruneData *data = task_data;
  GError *error = NULL;
  gint64 n = rahnuma_store_prune (source, data->target, data->keep_days,
                                  g_get_real_time () / G_USEC_PER_SEC, cancellable, &error);

  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

/**
 * rahnuma_store_prune_async:
 * @self: a kiosk's journal
 * @target: the officers' file
 * @keep_days: days of finished visits kept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * rahnuma_store_prune() at the current time, in a worker thread.
 */
void
rahnuma_store_prune_async (RahnumaStore *self, const char *target, guint keep_days,
                           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  PruneData *data;

  g_return_if_fail (RAHNUMA_IS_STORE (self));
  g_return_if_fail (target != NULL);

  data = g_new0 (PruneData, 1);
  data->target = g_strdup (target);
  data->keep_days = keep_days;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rahnuma_store_prune_async);
  g_task_set_task_data (task, data, (GDestroyNotify) prune_data_free);
  g_task_run_in_thread (task, prune_thread);
}

/**
 * rahnuma_store_prune_finish:
 * @self: the store
 * @result: the result given to the callback
 * @error: return location for a #RAHNUMA_STORE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: the number of sessions deleted, or -1 on error
 */
gint64
rahnuma_store_prune_finish (RahnumaStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_async_result_is_tagged (result, rahnuma_store_prune_async), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
