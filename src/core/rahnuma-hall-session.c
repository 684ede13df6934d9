/* rahnuma-hall-session.c — the record of one briefing in a hall, anonymous by design
 *
 * Hall mode (src/hall/) shows the lessons to a room; nobody in the room
 * touches anything. So a hall session records only what the officer sees
 * from the front: a random id, the centre and the PC, the local day, the
 * lessons shown, the two languages and the head count typed on the pad.
 * The schema (HALL_MIGRATION in rahnuma-store.c) refuses anything else, and
 * every value out of its list or bounds, so this file checks nothing the
 * schema checks: a refused row is RAHNUMA_STORE_ERROR_FAILED, nothing written.
 *
 * The row is written once and never changed, so sync copies it by its id
 * (rahnuma-sync.c, as survey rows) and the kiosk's prune deletes it by its
 * day once the officers' file holds it (rahnuma-retention.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-hall"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-hall-session-private.h"
#include "rahnuma-store-private.h"

#define INSERT_HALL_SQL \
  "INSERT INTO hall_session VALUES (lower (hex (randomblob (16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7)"

#define EXPORT_SQL \
  "SELECT id, day, centre, kiosk, modules, narration, subtitles, head_count FROM hall_session" \
  " WHERE day >= ?1 AND day <= ?2 ORDER BY day, id"

#define TOTALS_SQL \
  "SELECT count(*), coalesce (sum (head_count), 0) FROM hall_session WHERE day >= ?1 AND day <= ?2"

/**
 * rahnuma_hall_session_day:
 * @unix_seconds: a time
 *
 * The day of @unix_seconds in the local time zone, as hall_session.day
 * holds it. Times beyond the calendar clamp to year 0001 or 9999.
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
rahnuma_hall_session_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  if (time == NULL)
    return g_strdup (unix_seconds < 0 ? "0001-01-01" : "9999-12-31");
  return g_date_time_format (time, "%Y-%m-%d");
}

/* The day a range's bound falls on, for a reader whose days start at
 * midnight @utc_offset seconds from UTC (the dashboard's centre zone; 0 for
 * `rahnuma-admin report`, whose --from and --to are UTC midnights). */
static char *
range_day (gint64 t, int utc_offset)
{
  g_autoptr(GDateTime) time = NULL;

  if (t > G_MININT64 + 86400 && t < G_MAXINT64 - 86400)
    time = g_date_time_new_from_unix_utc (t + utc_offset);
  if (time == NULL)
    return g_strdup (t < 0 ? "0001-01-01" : "9999-12-31");
  return g_date_time_format (time, "%Y-%m-%d");
}

static gboolean
insert_hall (sqlite3 *db, const RahnumaHallSession *s, const char *day, const char *modules,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, INSERT_HALL_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, s->centre, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, s->kiosk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, modules, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, s->narration, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, s->subtitles, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, s->head_count);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    /* Translators: in the technician log, followed by SQLite's reason */
    return rahnuma_store_set_error (error, db, rc, _("Cannot record the hall session"));
  return TRUE;
}

/**
 * rahnuma_hall_session_record:
 * @store: a kiosk's journal
 * @session: what the hall session showed and who was there (the count only)
 * @held_at: unix seconds; only its local day is stored
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records one hall session as a row of its own, with a random id,
 * committed before this returns (blocks on the disk: call it from a worker,
 * rahnuma_hall_session_record_async()). A value outside the schema's lists
 * or bounds (a head count of 0 or over %RAHNUMA_HALL_MAX_HEAD_COUNT, an
 * unknown language, no lesson) is refused with
 * %RAHNUMA_STORE_ERROR_FAILED and nothing is written.
 *
 * Returns: whether it was recorded
 */
gboolean
rahnuma_hall_session_record (RahnumaStore *store, const RahnumaHallSession *session, gint64 held_at,
                             GError **error)
{
  g_autofree char *day = NULL;
  g_autofree char *modules = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL && session->modules != NULL, FALSE);
  g_return_val_if_fail (session->centre != NULL && session->kiosk != NULL, FALSE);
  g_return_val_if_fail (session->narration != NULL && session->subtitles != NULL, FALSE);

  day = rahnuma_hall_session_day (held_at);
  modules = g_strjoinv (",", (char **) session->modules);
  db = rahnuma_store_get_db (store);
  rahnuma_store_lock (store);
  ok = rahnuma_store_exec (db, "BEGIN IMMEDIATE", error) &&
       insert_hall (db, session, day, modules, error) &&
       rahnuma_store_exec (db, "COMMIT", error);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  rahnuma_store_unlock (store);
  if (ok)
    g_message ("Recorded a hall session: %u lesson(s), narration %s, subtitles %s",
               g_strv_length ((char **) session->modules), session->narration, session->subtitles);
  return ok;
}

/* The newest moment a good clock is known to have passed on this PC: the
 * newest visit recorded with a good clock and the newest hall session's day
 * (recorded only with a good clock: the hall window refuses Save when the
 * clock is wrong). */
#define NEWEST_GOOD_SQL \
  "SELECT max (coalesce ((SELECT max (started_at) FROM session WHERE clock_suspect = 0), 0), " \
  "            coalesce ((SELECT unixepoch (max (day)) FROM hall_session), 0))"

/**
 * rahnuma_hall_session_check:
 * @store: a kiosk's journal
 * @newest_good: (out): the newest moment a good clock is known to have
 *   passed here (unix seconds, 0 if none), for rahnuma_store_clock_is_wrong()
 * @error: return location for a #RAHNUMA_STORE_ERROR: %RAHNUMA_STORE_ERROR_READ_ONLY,
 *   %RAHNUMA_STORE_ERROR_FULL, %RAHNUMA_STORE_ERROR_BUSY, …
 *
 * Whether a hall session could be recorded, asked before the briefing
 * rather than found at Save an hour later: a write transaction is begun
 * (BEGIN IMMEDIATE takes the write lock: a busy journal says so), a write
 * that changes nothing is made (a file SQLite could open only read-only,
 * on a read-only disk or with no write permission, refuses it) and it is
 * rolled back. A full disk is found only at Save. Blocks on the disk for
 * as long as the busy timeout at most.
 *
 * Returns: %TRUE if the journal takes a write
 */
gboolean
rahnuma_hall_session_check (RahnumaStore *store, gint64 *newest_good, GError **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (newest_good != NULL, FALSE);

  *newest_good = 0;
  db = rahnuma_store_get_db (store);
  rahnuma_store_lock (store);
  ok = rahnuma_store_begin_immediate (db, error) &&
       rahnuma_store_exec (db, "DELETE FROM hall_session WHERE 0", error) &&
       /* Translators: in the technician log, followed by SQLite's reason */
       rahnuma_store_read_int (db, NEWEST_GOOD_SQL, _("Cannot read the newest record"), newest_good, error);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  rahnuma_store_unlock (store);
  return ok;
}

typedef struct
{
  char *centre;
  char *kiosk;
  char **modules;
  char *narration;
  char *subtitles;
  guint head_count;
  gint64 held_at;
} RecordData;

static void
record_data_free (RecordData *data)
{
  g_free (data->centre);
  g_free (data->kiosk);
  g_strfreev (data->modules);
  g_free (data->narration);
  g_free (data->subtitles);
  g_free (data);
}

static void
record_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RecordData *d = task_data;
  RahnumaHallSession session = { d->centre, d->kiosk, (const char * const *) d->modules,
                                 d->narration, d->subtitles, d->head_count };
  GError *error = NULL;

  if (rahnuma_hall_session_record (RAHNUMA_STORE (source), &session, d->held_at, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rahnuma_hall_session_record_async:
 * @store: a kiosk's journal
 * @session: copied before this returns
 * @held_at: unix seconds; only its local day is stored
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when it is on disk
 * @user_data: for @callback
 *
 * rahnuma_hall_session_record() on a worker thread.
 */
void
rahnuma_hall_session_record_async (RahnumaStore *store, const RahnumaHallSession *session, gint64 held_at,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  RecordData *d;

  g_return_if_fail (RAHNUMA_IS_STORE (store));
  g_return_if_fail (session != NULL && session->modules != NULL);

  d = g_new0 (RecordData, 1);
  d->centre = g_strdup (session->centre);
  d->kiosk = g_strdup (session->kiosk);
  d->modules = g_strdupv ((char **) session->modules);
  d->narration = g_strdup (session->narration);
  d->subtitles = g_strdup (session->subtitles);
  d->head_count = session->head_count;
  d->held_at = held_at;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rahnuma_hall_session_record_async);
  g_task_set_task_data (task, d, (GDestroyNotify) record_data_free);
  g_task_run_in_thread (task, record_thread);
}

/**
 * rahnuma_hall_session_record_finish:
 * @store: the journal given to rahnuma_hall_session_record_async()
 * @result: its result
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: whether the hall session was recorded
 */
gboolean
rahnuma_hall_session_record_finish (RahnumaStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rahnuma_hall_session_totals:
 * @store: a journal or an officers' file
 * @from: unix seconds: the first day counted is the one @from falls on
 * @to: unix seconds, excluded (as rahnuma_report_new()): the last day
 *   counted is the one @to − 1 falls on; %G_MAXINT64 for no end
 * @utc_offset: where the reader's days start, in seconds from UTC (the
 *   dashboard's centre zone, rahnuma_officer_utc_offset(); 0 for ranges of
 *   UTC midnights, as `rahnuma-admin report --from --to` gives)
 * @totals: (out caller-allocates): hall sessions and the sum of their head
 *   counts on those days
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Hall sessions carry the hall PC's local day, not a time, so a range
 * counts whole days, compared as dates. The head counts are totals an
 * officer typed, about no one: they are not hidden when small
 * (RAHNUMA_REPORT_MIN_CELL is for visitors' records).
 *
 * Returns: whether it could be read
 */
gboolean
rahnuma_hall_session_totals (RahnumaStore *store, gint64 from, gint64 to, int utc_offset,
                             RahnumaHallTotals *totals, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  return rahnuma_hall_session_read_totals (rahnuma_store_get_db (store), from, to, utc_offset, totals, error);
}

/**
 * rahnuma_hall_session_read_totals:
 * @db: a store's connection, perhaps inside a read transaction of the caller's
 *   (rahnuma-report.c reads every number of a report in one)
 * @from: as rahnuma_hall_session_totals()
 * @to: likewise
 * @utc_offset: likewise
 * @totals: (out caller-allocates): likewise
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: whether it could be read
 */
gboolean
rahnuma_hall_session_read_totals (sqlite3 *db, gint64 from, gint64 to, int utc_offset,
                                  RahnumaHallTotals *totals, GError **error)
{
  g_autofree char *first = range_day (from, utc_offset);
  g_autofree char *last = range_day (to == G_MININT64 ? to : to - 1, utc_offset);
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, TOTALS_SQL, error);
  int rc;

  totals->sessions = totals->people = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    /* Translators: in the technician log, followed by SQLite's reason */
    return rahnuma_store_set_error (error, db, rc, _("Cannot count the hall sessions"));
  totals->sessions = sqlite3_column_int64 (stmt, 0);
  totals->people = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Every value is an id, a date, a code, a language or an integer (the
 * schema's CHECKs); only modules holds commas: quoted in CSV, a list in JSON. */
static void
append_hall_row (GString *out, sqlite3_stmt *stmt, RahnumaExportFormat format, gboolean first)
{
  g_auto(GStrv) modules = g_strsplit ((const char *) sqlite3_column_text (stmt, 4), ",", -1);
  g_autofree char *list = g_strjoinv ("\", \"", modules);

  if (format == RAHNUMA_EXPORT_CSV)
    {
      g_string_append_printf (out, "%s,%s,%s,%s,\"%s\",%s,%s,%lld\r\n", sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                              sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4),
                              sqlite3_column_text (stmt, 5), sqlite3_column_text (stmt, 6),
                              (long long) sqlite3_column_int64 (stmt, 7));
      return;
    }
  g_string_append_printf (out, "%s\n  {\"id\": \"%s\", \"day\": \"%s\", \"centre\": \"%s\", \"kiosk\": \"%s\","
                          " \"modules\": [\"%s\"], \"narration\": \"%s\", \"subtitles\": \"%s\", \"head_count\": %lld}",
                          first ? "" : ",", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                          sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3), list,
                          sqlite3_column_text (stmt, 5), sqlite3_column_text (stmt, 6),
                          (long long) sqlite3_column_int64 (stmt, 7));
}

static gint64
append_hall_rows (sqlite3 *db, sqlite3_stmt *stmt, RahnumaExportFormat format, GString *out, GError **error)
{
  gint64 n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_hall_row (out, stmt, format, n++ == 0);
  if (rc != SQLITE_DONE)
    {
      /* Translators: in the technician log, followed by SQLite's reason */
      rahnuma_store_set_error (error, db, rc, _("Cannot read the hall sessions"));
      return -1;
    }
  return n;
}

/**
 * rahnuma_hall_session_export_write:
 * @store: a journal or an officers' file
 * @format: CSV (RFC 4180: a header row, CRLF, the lesson list quoted) or JSON
 *   (an array of objects, the lessons as a list)
 * @from: as rahnuma_hall_session_totals(), with UTC days (utc_offset 0)
 * @to: likewise
 * @stream: where to write; left open
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR or #GIOErrorEnum
 *
 * Writes every hall session on the days of the range, one row each, in
 * day order: id, day, centre, kiosk, modules, narration, subtitles,
 * head_count. A few rows a day: read whole, written at once.
 *
 * Returns: the number of rows written, or -1 on error
 */
gint64
rahnuma_hall_session_export_write (RahnumaStore *store, RahnumaExportFormat format, gint64 from, gint64 to,
                                   GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  g_autofree char *first = range_day (from, 0);
  g_autofree char *last = range_day (to == G_MININT64 ? to : to - 1, 0);
  g_autoptr(GString) out = g_string_new (format == RAHNUMA_EXPORT_JSON ? "[" :
                                         "id,day,centre,kiosk,modules,narration,subtitles,head_count\r\n");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 n;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), -1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), -1);

  db = rahnuma_store_get_db (store);
  stmt = rahnuma_store_prepare (db, EXPORT_SQL, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  n = append_hall_rows (db, stmt, format, out, error);
  if (n < 0)
    return -1;
  if (format == RAHNUMA_EXPORT_JSON)
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return -1;
  return n;
}
