/* rahnuma-store-health.c — when the kiosk checks its journal for damage
 *
 * PRAGMA quick_check reads every page of the journal: 2.7–2.9 s on a year
 * of one kiosk (issue 15). The kiosk used to run it on the main thread at
 * every start, before the welcome screen. Now:
 *
 *  - After a clean stop (the application's shutdown wrote a note beside the
 *    journal, rahnuma_store_mark_clean_stop()), the journal is opened
 *    without the check; rahnuma_store_needs_check() says so, and the kiosk
 *    runs rahnuma_store_check_async() on a worker thread after its first
 *    frame. Damage found then goes the usual way: set aside, fresh journal
 *    (rahnuma_store_recover()), officer told.
 *  - After an unclean stop (a crash, a power cut: no note), or the first
 *    start of a build that wrote no note, the check runs before anything is
 *    written, as before (rahnuma_store_open_or_recover()).
 *
 * Opening with recovery lives here too (rahnuma_store_open_or_recover(),
 * rahnuma_store_recover()): this file uses the store, never the other way
 * round.
 *
 * The note holds the journal's id, so a note beside a replaced journal
 * counts for nothing; it is removed as the journal opens, so a crash in this
 * run leaves none behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rahnuma-store-private.h"

#define CLEAN_STOP_SUFFIX ".clean-stop"

static char *
clean_stop_path (RahnumaStore *self)
{
  return g_strconcat (rahnuma_store_get_path (self), CLEAN_STOP_SUFFIX, NULL);
}

/**
 * rahnuma_store_mark_clean_stop:
 * @self: a kiosk's journal, after its last write of this run
 * @error: return location for a #GFileError
 *
 * Notes beside the journal (in `JOURNAL.clean-stop`, written atomically
 * and synced) that the kiosk stopped cleanly, so the next start may open it
 * without the slow integrity check and run that check in the background.
 *
 * Returns: %TRUE if the note was written
 */
gboolean
rahnuma_store_mark_clean_stop (RahnumaStore *self, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = clean_stop_path (self);
  return g_file_set_contents_full (path, rahnuma_store_get_journal_id (self), -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Reads and removes the note; TRUE if it was this journal's. A note that
 * cannot be removed does not count: the next start would skip the check
 * after a crash of this run. */
static gboolean
take_clean_stop (RahnumaStore *self)
{
  g_autofree char *path = clean_stop_path (self);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  if (g_unlink (path) != 0)
    {
      g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
      return FALSE;
    }
  return g_strcmp0 (g_strstrip (contents), rahnuma_store_get_journal_id (self)) == 0;
}

static gboolean
quick_check (RahnumaStore *self, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (rahnuma_store_get_db (self), "PRAGMA quick_check", error);
  int rc;

  if (stmt == NULL)
    return rahnuma_store_failure_is_damage (error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rahnuma_store_set_error (error, rahnuma_store_get_db (self), rc, _("Cannot check the journal"));
      return rahnuma_store_failure_is_damage (error);
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED,
                   /* Translators: %s is the records file’s path, then SQLite’s words for
                    * the damage */
                   _("%s is damaged: %s"), rahnuma_store_get_path (self), sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static char *
pick_aside_path (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

  /* Never overwrite an earlier damaged file set aside in the same second. */
  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }
  return aside;
}

/* Moves @path and its WAL (which belongs to it) out of the way. */
static char *
set_aside (const char *path, GError **error)
{
  g_autofree char *aside = pick_aside_path (path);
  static const char * const suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED,
                   /* Translators: %s is a file or folder path, then why (a system message) */
                   _("Cannot set %s aside: %s"), path, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        /* Translators: %s is a file or folder path, then why (a system message) */
        g_warning (_("Cannot set %s aside: %s"), from, g_strerror (errno));
    }
  return g_steal_pointer (&aside);
}

/**
 * rahnuma_store_open_or_recover:
 * @path: the kiosk's journal
 * @set_aside_path: (out) (optional) (nullable) (transfer full): where a
 *   damaged or too new journal was moved, or %NULL if none was
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * What the kiosk calls at start-up: opens @path, checks it, and if it is
 * damaged or from a newer build, renames it aside (never overwriting
 * anything) and starts a fresh journal, so visits go on. The caller tells
 * the officer where the old file went. After a clean stop
 * (rahnuma_store_mark_clean_stop()) the check is left to the caller:
 * rahnuma_store_needs_check() is then %TRUE.
 *
 * Returns: (transfer full) (nullable): the store
 */
RahnumaStore *
rahnuma_store_open_or_recover (const char *path, char **set_aside_path,
                               GCancellable *cancellable, GError **error)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (set_aside_path != NULL)
    *set_aside_path = NULL;

  store = rahnuma_store_new (path, cancellable, &local_error);
  /* After a clean stop the check waits for a worker thread (rahnuma-store-health.c). */
  if (store != NULL && take_clean_stop (store))
    {
      rahnuma_store_set_unchecked (store);
      return g_steal_pointer (&store);
    }
  if (store != NULL && quick_check (store, &local_error))
    return g_steal_pointer (&store);
  g_clear_object (&store);

  if (!g_error_matches (local_error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED) &&
      !g_error_matches (local_error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Expected and handled: the kiosk tells the officer, so not a warning. */
  g_message ("Setting the journal aside: %s", local_error->message);
  return rahnuma_store_recover (path, set_aside_path, cancellable, error);
}

/**
 * rahnuma_store_recover:
 * @path: the kiosk's journal, found damaged; no #RahnumaStore may have it
 *   open any more (closing one deletes its WAL by name, which would then be
 *   the fresh journal's)
 * @set_aside_path: (out) (optional) (nullable) (transfer full): where it
 *   was moved
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Renames @path and its WAL aside (`JOURNAL.damaged-YYYYMMDD-HHMMSS`, never
 * overwriting anything) and starts a fresh journal at @path.
 *
 * Returns: (transfer full) (nullable): the fresh store
 */
RahnumaStore *
rahnuma_store_recover (const char *path, char **set_aside_path, GCancellable *cancellable, GError **error)
{
  g_autofree char *aside = NULL;
  RahnumaStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  if (set_aside_path != NULL)
    *set_aside_path = NULL;
  aside = set_aside (path, error);
  if (aside == NULL)
    return NULL;
  store = rahnuma_store_new (path, cancellable, error);
  if (store != NULL && set_aside_path != NULL)
    *set_aside_path = g_steal_pointer (&aside);
  return store;
}

/* Worker thread: a connection of its own, read-only, so the kiosk's writes
 * (WAL) go on meanwhile and the store's lock is never held for seconds. */
static gboolean
check_file (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      stmt = rahnuma_store_prepare (db, "PRAGMA quick_check", error);
      rc = stmt != NULL ? sqlite3_step (stmt) : SQLITE_ERROR;
    }
  if (rc == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (rc == SQLITE_ROW && !ok)
    g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED,
                 /* Translators: %s is the records file’s path, then SQLite’s words for the
                  * damage */
                 _("%s is damaged: %s"), path, sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_ROW && (error == NULL || *error == NULL))
    rahnuma_store_set_error (error, db, rc, _("Cannot check the journal"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  /* As at start-up: a file SQLite cannot even read through counts as damaged. */
  if (!ok && error != NULL && g_error_matches (*error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED))
    (*error)->code = RAHNUMA_STORE_ERROR_DAMAGED;
  return ok;
}

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (check_file (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rahnuma_store_check_async:
 * @self: an open journal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Runs SQLite's `PRAGMA quick_check` on the journal's file in a worker
 * thread, through a read-only connection of its own: the store stays usable
 * meanwhile. Takes seconds on a year-old journal.
 */
void
rahnuma_store_check_async (RahnumaStore *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAHNUMA_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rahnuma_store_check_async);
  g_task_set_task_data (task, g_strdup (rahnuma_store_get_path (self)), g_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * rahnuma_store_check_finish:
 * @self: the store
 * @result: the result given to the callback
 * @error: return location: %RAHNUMA_STORE_ERROR_DAMAGED if the file is
 *   damaged (then rahnuma_store_recover() it, once no one uses @self)
 *
 * Returns: %TRUE if the journal is sound
 */
gboolean
rahnuma_store_check_finish (RahnumaStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, rahnuma_store_check_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
