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
 * Deletes go in batches of RAHNUMA_PRUNE_BATCH sessions, each its own
 * transaction under the store's lock, from a worker thread: a visit's
 * writes interleave with them and the main loop never waits.
 *
 * The file shrinks too. A journal made by this build has
 * auto_vacuum = INCREMENTAL (rahnuma-store.c sets it before the first
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

/* The oldest sessions first (session_rev index); the same set in each of
 * the three statements, as nothing else writes inside the transaction. */
#define PRUNABLE \
  "SELECT id FROM session WHERE state != 'active' AND rev <= ?1 AND ended_at < ?2" \
  " ORDER BY rev LIMIT " G_STRINGIFY (RAHNUMA_PRUNE_BATCH)

static const char * const prune_sql[] = {
  "DELETE FROM answer WHERE session_id IN (" PRUNABLE ")",
  "DELETE FROM module_progress WHERE session_id IN (" PRUNABLE ")",
  "DELETE FROM session WHERE id IN (" PRUNABLE ")",
};

static gboolean
read_last_rev (sqlite3 *db, const char *target_key, gint64 *last_rev, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    rahnuma_store_prepare (db, "SELECT coalesce ((SELECT last_rev FROM sync_target WHERE target = ?1), 0)",
                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, target_key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, sqlite3_errcode (db), _("Cannot read the sync mark"));
  *last_rev = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* One transaction; the lock is held by the caller. Returns the sessions
 * deleted, or -1. */
static gint64
prune_batch_locked (sqlite3 *db, gint64 last_rev, gint64 cutoff, GError **error)
{
  gint64 n = 0;

  if (!rahnuma_store_exec (db, "BEGIN IMMEDIATE", error))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (prune_sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, prune_sql[i], error);

      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, last_rev);
      sqlite3_bind_int64 (stmt, 2, cutoff);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          rahnuma_store_set_error (error, db, sqlite3_errcode (db), _("Cannot delete old records"));
          break;
        }
      n = sqlite3_changes64 (db);
      if (i + 1 == G_N_ELEMENTS (prune_sql) && rahnuma_store_exec (db, "COMMIT", error))
        return n;
    }
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

static gint64
prune_batch (RahnumaStore *self, const char *target_key, gint64 cutoff, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (self);
  gint64 last_rev = 0;
  gint64 n = -1;

  rahnuma_store_lock (self);
  /* Read under the lock each time: a sync may have moved the mark. */
  if (read_last_rev (db, target_key, &last_rev, error))
    n = prune_batch_locked (db, last_rev, cutoff, error);
  rahnuma_store_unlock (self);
  return n;
}

/* Gives the freed pages back to the file system (see the top of the file). */
static gboolean
shrink (RahnumaStore *self, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;
  int mode;

  rahnuma_store_lock (self);
  stmt = rahnuma_store_prepare (db, "PRAGMA auto_vacuum", error);
  ok = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  mode = ok ? sqlite3_column_int (stmt, 0) : -1;
  g_clear_pointer (&stmt, sqlite3_finalize); /* VACUUM refuses to run beside a statement */
  if (ok && mode != 2 /* INCREMENTAL */)
    ok = rahnuma_store_exec (db, "PRAGMA auto_vacuum = INCREMENTAL", error) &&
         rahnuma_store_exec (db, "VACUUM", error);
  else if (ok)
    ok = rahnuma_store_exec (db, "PRAGMA incremental_vacuum", error);
  /* The WAL holds what moved; the file is only smaller once it is copied back. */
  ok = ok && rahnuma_store_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", error);
  rahnuma_store_unlock (self);
  return ok;
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
 * then shrinks the file. Blocks for as long as that takes: call it from a
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
  gint64 cutoff = now - (gint64) keep_days * 24 * 3600;
  gint64 total = 0, n;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), -1);
  g_return_val_if_fail (target != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  key = g_canonicalize_filename (target, NULL);
  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = prune_batch (self, key, cutoff, error);
      if (n < 0)
        return -1;
      total += n;
    }
  while (n == RAHNUMA_PRUNE_BATCH);
  if (total > 0 && !shrink (self, error))
    return -1;
  if (total > 0)
    g_debug ("Deleted %" G_GINT64_FORMAT " synced session(s) older than %u days", total, keep_days);
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
