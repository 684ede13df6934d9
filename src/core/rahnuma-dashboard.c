/* rahnuma-dashboard.c — the numbers behind the officers' dashboard charts
 *
 * Totals and the breakdowns by language, gender and destination come from
 * rahnuma-report; this file adds what only the charts need: visitors per
 * day and per hour of the day, the mean score per module, and the questions
 * most often missed. Every count under RAHNUMA_REPORT_MIN_CELL is hidden, as
 * in the report, so that a bar never shows what one or two people did.
 *
 * Times are stored in UTC; days and hours are the kiosk's local ones, so
 * the caller passes the UTC offset (Pakistan has no daylight saving time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-dashboard.h"
#include "rahnuma-store-private.h"

#define SECONDS_PER_DAY 86400

#define IN_RANGE "s.started_at >= ?1 AND s.started_at < ?2"

/* ?3 is the UTC offset in seconds. */
#define PER_DAY_SQL \
  "SELECT (s.started_at + ?3) / 86400, count(*), sum (s.state = 'completed'), -1" \
  " FROM session s WHERE " IN_RANGE " GROUP BY 1 ORDER BY 1"

#define PER_HOUR_SQL \
  "SELECT ((s.started_at + ?3) % 86400) / 3600, count(*), sum (s.state = 'completed'), -1" \
  " FROM session s WHERE " IN_RANGE " GROUP BY 1 ORDER BY 1"

/* A module left before its quiz (no questions) is not a quiz taken. */
#define PER_MODULE_SQL \
  "SELECT m.module_id, count(*), sum (m.passed), avg (CAST (m.n_correct AS REAL) / m.n_questions)" \
  " FROM session s JOIN module_progress m ON m.session_id = s.id" \
  " WHERE m.n_questions > 0 AND " IN_RANGE " GROUP BY 1 ORDER BY 1"

/* Worst share first; ?4 is how many questions to list. Questions asked
 * fewer than RAHNUMA_REPORT_MIN_CELL times are left out altogether. */
#define MISSED_SQL \
  "SELECT a.module_id || '#' || (a.question + 1), count(*) AS asked, sum (1 - a.correct) AS missed, -1" \
  " FROM session s JOIN answer a ON a.session_id = s.id WHERE " IN_RANGE \
  " GROUP BY a.module_id, a.question HAVING asked >= 5" \
  " ORDER BY CAST (missed AS REAL) / asked DESC, 1 LIMIT ?4"

/* The per-day and per-hour charts read only this index, never the table. */
#define INDEX_SQL \
  "CREATE INDEX IF NOT EXISTS dashboard_session_started ON session (started_at, state)"

static void
bar_free (RahnumaDashboardBar *bar)
{
  g_free (bar->key);
  g_free (bar);
}

static void
suppress_bar (RahnumaDashboardBar *bar)
{
  if (bar->count > 0 && bar->count < RAHNUMA_REPORT_MIN_CELL)
    bar->count = RAHNUMA_REPORT_SUPPRESSED;
  if ((bar->part > 0 && bar->part < RAHNUMA_REPORT_MIN_CELL) || bar->count == RAHNUMA_REPORT_SUPPRESSED)
    bar->part = RAHNUMA_REPORT_SUPPRESSED;
  if (bar->count == RAHNUMA_REPORT_SUPPRESSED)
    bar->score = -1;
}

/**
 * rahnuma_dashboard_day_start:
 * @unix_seconds: a moment
 * @utc_offset: the local offset from UTC, in seconds
 *
 * Returns: the unix time at which the local day holding @unix_seconds began
 */
gint64
rahnuma_dashboard_day_start (gint64 unix_seconds, int utc_offset)
{
  gint64 local = unix_seconds + utc_offset;

  return local - (((local % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY) - utc_offset;
}

static char *
day_key (gint64 local_day)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (local_day * SECONDS_PER_DAY);

  return g_date_time_format (date, "%Y-%m-%d");
}

static char *
format_key (RahnumaDashboardChart chart, sqlite3_stmt *stmt)
{
  switch (chart)
    {
    case RAHNUMA_DASHBOARD_PER_DAY:
      return day_key (sqlite3_column_int64 (stmt, 0));
    case RAHNUMA_DASHBOARD_PER_HOUR:
      return g_strdup_printf ("%02d", sqlite3_column_int (stmt, 0));
    case RAHNUMA_DASHBOARD_PER_MODULE:
    case RAHNUMA_DASHBOARD_MISSED:
    default:
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
}

static const char *
chart_sql (RahnumaDashboardChart chart)
{
  switch (chart)
    {
    case RAHNUMA_DASHBOARD_PER_DAY:
      return PER_DAY_SQL;
    case RAHNUMA_DASHBOARD_PER_HOUR:
      return PER_HOUR_SQL;
    case RAHNUMA_DASHBOARD_PER_MODULE:
      return PER_MODULE_SQL;
    case RAHNUMA_DASHBOARD_MISSED:
    default:
      return MISSED_SQL;
    }
}

static GPtrArray *
read_bars (sqlite3 *db, RahnumaDashboardChart chart, gint64 from, gint64 to, int utc_offset,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, chart_sql (chart), error);
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, utc_offset);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int (stmt, 4, 10);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RahnumaDashboardBar *bar = g_new0 (RahnumaDashboardBar, 1);

      bar->key = format_key (chart, stmt);
      bar->count = sqlite3_column_int64 (stmt, 1);
      bar->part = sqlite3_column_int64 (stmt, 2);
      bar->score = sqlite3_column_double (stmt, 3);
      suppress_bar (bar);
      g_ptr_array_add (bars, bar);
    }
  if (rc != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
      return NULL;
    }
  return g_steal_pointer (&bars);
}

/**
 * rahnuma_dashboard_prepare:
 * @store: a journal or officers' file
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Adds the index the time charts read (once; a few seconds on a year of
 * records). A read-only file is left as it is: the charts still work, only
 * slower.
 *
 * Returns: %TRUE unless the file could not be read
 */
gboolean
rahnuma_dashboard_prepare (RahnumaStore *store, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);

  rahnuma_store_lock (store);
  if (!rahnuma_store_exec (rahnuma_store_get_db (store), INDEX_SQL, &local_error))
    g_debug ("No dashboard index: %s", local_error->message);
  rahnuma_store_unlock (store);
  return TRUE;
}

/**
 * rahnuma_dashboard_chart:
 * @store: a journal or officers' file
 * @chart: which chart
 * @from: first second to include (unix time)
 * @to: first second not to include
 * @utc_offset: the kiosk's offset from UTC in seconds, for days and hours
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: (transfer container) (element-type RahnumaDashboardBar) (nullable):
 *   the bars, in the chart's order, small cells suppressed
 */
GPtrArray *
rahnuma_dashboard_chart (RahnumaStore *store, RahnumaDashboardChart chart, gint64 from, gint64 to,
                         int utc_offset, GError **error)
{
  GPtrArray *bars;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  rahnuma_store_lock (store);
  bars = read_bars (rahnuma_store_get_db (store), chart, from, to, utc_offset, error);
  rahnuma_store_unlock (store);
  return bars;
}

/**
 * rahnuma_dashboard_last_sync:
 * @store: a kiosk journal
 * @target_path: the officers' file it syncs to
 * @synced_at: (out): unix time of the last sync there, or 0 if never
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if @synced_at was read
 */
gboolean
rahnuma_dashboard_last_sync (RahnumaStore *store, const char *target_path, gint64 *synced_at,
                             GError **error)
{
  g_autofree char *key = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (target_path != NULL && synced_at != NULL, FALSE);

  key = g_canonicalize_filename (target_path, NULL);
  *synced_at = 0;
  rahnuma_store_lock (store);
  db = rahnuma_store_get_db (store);
  stmt = rahnuma_store_prepare (db, "SELECT synced_at FROM sync_target WHERE target = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *synced_at = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          rahnuma_store_set_error (error, db, rc, _("Cannot read the sync state"));
          g_clear_pointer (&stmt, sqlite3_finalize);
        }
    }
  rahnuma_store_unlock (store);
  return stmt != NULL;
}

/**
 * rahnuma_dashboard_get_span:
 * @store: a journal or officers' file
 * @from: first second to look at
 * @to: first second not to look at
 * @first: (out): start of the earliest session in [@from, @to), or 0 if none
 * @last: (out): start of the latest one, or 0 if none
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * For a report over "all the records": which days they cover.
 *
 * Returns: %TRUE if @first and @last were read
 */
gboolean
rahnuma_dashboard_get_span (RahnumaStore *store, gint64 from, gint64 to, gint64 *first, gint64 *last,
                            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  rahnuma_store_lock (store);
  db = rahnuma_store_get_db (store);
  stmt = rahnuma_store_prepare (db, "SELECT coalesce (min (started_at), 0), coalesce (max (started_at), 0)"
                                    " FROM session s WHERE " IN_RANGE, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          *first = sqlite3_column_int64 (stmt, 0);
          *last = sqlite3_column_int64 (stmt, 1);
        }
      else
        rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
    }
  rahnuma_store_unlock (store);
  return rc == SQLITE_ROW;
}
