/* rahnuma-dashboard.c — the numbers behind the officers' dashboard charts
 *
 * Visitors per local day and hour, by language and gender; survey answers
 * by destination (the visit does not hold it: rahnuma-store.c, schema 6);
 * quizzes taken, passed and the mean score per module; the questions most
 * often missed. Every count under RAHNUMA_REPORT_MIN_CELL is hidden, so that
 * a bar never shows what one or two people did; when a chart hides exactly
 * one bar, the next smallest goes too, so the hidden one cannot be worked
 * out from the totals shown beside it.
 *
 * A year of a busy centre is a million sessions and some 25 million
 * answers: summing those for every view would take many seconds. So the
 * file keeps per-day sums in small tables of its own (dashboard_*, part of
 * the schema since version 4), which
 * rahnuma_dashboard_prepare() brings up to date: the sessions whose rev is
 * past dashboard_mark.last_rev name the days to sum again (every change to a
 * session, in a kiosk journal or by a sync into an officers' file, gives it
 * a new rev). A view then reads at most one row per day and category. The
 * first prepare of a big file sums everything once; later ones only the
 * days that changed. If the sums cannot be written (a read-only file) or are
 * behind, the views read the records themselves: slower, never wrong.
 *
 * Sessions recorded while the kiosk's clock was wrong (clock_suspect) have
 * untrue dates: no day, chart or total holds them; the totals count them
 * apart, over the whole file.
 *
 * Times are stored in UTC; days and hours are the kiosk's local ones (the
 * caller passes the UTC offset; Pakistan has no daylight saving time). The
 * sums are kept for one offset and made again if it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-dashboard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-dashboard.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey-answers.h"

#define SECONDS_PER_DAY 86400

/* ---- the per-day sums ---------------------------------------------------- */

/* The tables (dashboard_*) are the schema's, since version 4 (rahnuma-store-schema.c). */

/* Made by the writer of an officers' file (rahnuma_dashboard_keep_current()),
 * not in a kiosk journal: they serve the office PC's Kiosks tab
 * (rahnuma-office-data.c) and the wrong-clock count, which would otherwise
 * read a year of a centre (a million sessions) whole. */
#define OFFICE_INDEXES_SQL \
  "CREATE INDEX IF NOT EXISTS dashboard_session_kiosk ON session (centre, kiosk, state, started_at);" \
  "CREATE INDEX IF NOT EXISTS dashboard_session_wrong_clock ON session (clock_suspect) WHERE clock_suspect = 1;"

#define CLEAR_SQL \
  "DELETE FROM dashboard_hour; DELETE FROM dashboard_category; DELETE FROM dashboard_module;" \
  " DELETE FROM dashboard_question; DELETE FROM dashboard_mark;"

/* ?1 local day number, ?2 its first second (UTC), ?3 the next day's, ?4 the UTC offset. */
#define DAY_RANGE "s.started_at >= ?2 AND s.started_at < ?3 AND s.clock_suspect = 0"

static const char * const refresh_day_sql[] = {
  "DELETE FROM dashboard_hour WHERE day = ?1",
  "DELETE FROM dashboard_category WHERE day = ?1",
  "DELETE FROM dashboard_module WHERE day = ?1",
  "DELETE FROM dashboard_question WHERE day = ?1",
  "INSERT INTO dashboard_hour SELECT ?1, ((s.started_at + ?4) % 86400) / 3600, count(*),"
  " sum (s.state = 'completed'), sum (s.state = 'abandoned'), sum (s.demo)"
  " FROM session s WHERE " DAY_RANGE " GROUP BY 2",
  "INSERT INTO dashboard_category SELECT ?1, 'language', s.language, count(*), sum (s.state = 'completed')"
  " FROM session s WHERE " DAY_RANGE " GROUP BY 3",
  "INSERT INTO dashboard_category SELECT ?1, 'gender', s.gender, count(*), sum (s.state = 'completed')"
  " FROM session s WHERE " DAY_RANGE " GROUP BY 3",
  "INSERT INTO dashboard_category SELECT ?1, 'path', s.path, count(*), sum (s.state = 'completed')"
  " FROM session s WHERE " DAY_RANGE " GROUP BY 3",
  /* A module left before its quiz (no questions) is not a quiz taken. */
  "INSERT INTO dashboard_module SELECT ?1, m.module_id, count(*), sum (m.passed),"
  " sum (CAST (m.n_correct AS REAL) / m.n_questions)"
  " FROM session s JOIN module_progress m ON m.session_id = s.id"
  " WHERE m.n_questions > 0 AND " DAY_RANGE " GROUP BY 2",
  "INSERT INTO dashboard_question SELECT ?1, a.module_id, a.question, count(*), sum (1 - a.correct)"
  " FROM session s JOIN answer a ON a.session_id = s.id WHERE " DAY_RANGE " GROUP BY 2, 3",
};

static gint64
local_day (gint64 unix_seconds, int utc_offset)
{
  gint64 local = unix_seconds + utc_offset;

  return (local - (((local % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY)) / SECONDS_PER_DAY;
}

static gboolean
read_two (sqlite3 *db, const char *sql, gint64 *a, gint64 *b, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
  *a = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  *b = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : -1;
  return TRUE;
}

/* Whether the sums hold every change, for @utc_offset. */
static gboolean
sums_are_current (sqlite3 *db, int utc_offset)
{
  gint64 last_rev, offset, max_rev, unused;

  if (!read_two (db, "SELECT last_rev, utc_offset FROM dashboard_mark", &last_rev, &offset, NULL) ||
      !read_two (db, "SELECT coalesce (max (rev), 0), 0 FROM session", &max_rev, &unused, NULL))
    return FALSE;
  return offset == utc_offset && last_rev == max_rev;
}

static gboolean
refresh_day (sqlite3 *db, sqlite3_stmt **stmts, gint64 day, int utc_offset, GError **error)
{
  gint64 start = day * SECONDS_PER_DAY - utc_offset;

  for (guint i = 0; i < G_N_ELEMENTS (refresh_day_sql); i++)
    {
      sqlite3_stmt *stmt = stmts[i];
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, day);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        {
          sqlite3_bind_int64 (stmt, 2, start);
          sqlite3_bind_int64 (stmt, 3, start + SECONDS_PER_DAY);
        }
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        sqlite3_bind_int (stmt, 4, utc_offset);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
    }
  return TRUE;
}

/* The local days of sessions changed since @last_rev. */
static GArray *
changed_days (sqlite3 *db, gint64 last_rev, int utc_offset, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    rahnuma_store_prepare (db, "SELECT DISTINCT (started_at + ?2 - ((started_at + ?2) % 86400)) / 86400"
                               " FROM session WHERE rev > ?1", error);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, last_rev);
  sqlite3_bind_int (stmt, 2, utc_offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (days, day);
    }
  if (rc != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
      return NULL;
    }
  return g_steal_pointer (&days);
}

static gboolean
refresh_days (sqlite3 *db, GArray *days, int utc_offset, GError **error)
{
  sqlite3_stmt *stmts[G_N_ELEMENTS (refresh_day_sql)] = { NULL };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (refresh_day_sql); i++)
    ok = (stmts[i] = rahnuma_store_prepare (db, refresh_day_sql[i], error)) != NULL;
  for (guint i = 0; ok && i < days->len; i++)
    ok = refresh_day (db, stmts, g_array_index (days, gint64, i), utc_offset, error);
  for (guint i = 0; i < G_N_ELEMENTS (refresh_day_sql); i++)
    sqlite3_finalize (stmts[i]);
  return ok;
}

/* In one write transaction: a sync writing meanwhile waits, and a reader
 * sees the old sums or the new ones, never half. */
static gboolean
refresh_sums (sqlite3 *db, int utc_offset, GError **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  gint64 last_rev = -1, offset = -1, max_rev = 0, unused;
  int rc;

  if (!rahnuma_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_two (db, "SELECT last_rev, utc_offset FROM dashboard_mark", &last_rev, &offset, error) ||
      !read_two (db, "SELECT coalesce (max (rev), 0), 0 FROM session", &max_rev, &unused, error))
    goto fail;
  if (offset != utc_offset)
    {
      last_rev = 0;
      if (!rahnuma_store_exec (db, CLEAR_SQL, error))
        goto fail;
    }
  if (last_rev == max_rev)
    return rahnuma_store_exec (db, "COMMIT", error);
  if ((days = changed_days (db, last_rev, utc_offset, error)) == NULL ||
      !refresh_days (db, days, utc_offset, error))
    goto fail;
  g_debug ("Summed %u days again, up to rev %" G_GINT64_FORMAT, days->len, max_rev);
  mark = rahnuma_store_prepare (db, "INSERT OR REPLACE INTO dashboard_mark VALUES (1, ?1, ?2)", error);
  if (mark == NULL)
    goto fail;
  sqlite3_bind_int64 (mark, 1, max_rev);
  sqlite3_bind_int (mark, 2, utc_offset);
  if ((rc = sqlite3_step (mark)) != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
      goto fail;
    }
  return rahnuma_store_exec (db, "COMMIT", error);

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * rahnuma_dashboard_prepare:
 * @store: a journal or officers' file
 * @utc_offset: the kiosk's offset from UTC in seconds
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Brings the per-day sums up to date: all of them the first time (some
 * seconds on a year of records), afterwards only the days that changed.
 * A file that cannot be written (read-only, busy) is left as it is: the
 * views then read the records themselves.
 *
 * Returns: %TRUE (a failure to write is not an error for the caller)
 */
gboolean
rahnuma_dashboard_prepare (RahnumaStore *store, int utc_offset, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);

  rahnuma_store_lock (store);
  db = rahnuma_store_get_db (store);
  if (!refresh_sums (db, utc_offset, &local_error))
    g_debug ("Dashboard sums not updated: %s", local_error->message);
  rahnuma_store_unlock (store);
  return TRUE;
}

/**
 * rahnuma_dashboard_zone_offset:
 * @zone_id: a tz database name such as "Asia/Karachi"
 * @unix_seconds: the moment, in seconds since the Unix epoch
 *
 * Returns: @zone_id's offset from UTC at @unix_seconds, in seconds; the
 *   computer's local offset when the name is unknown (and a message logged)
 */
int
rahnuma_dashboard_zone_offset (const char *zone_id, gint64 unix_seconds)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (zone_id != NULL, 0);

  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      g_message ("Unknown time zone “%s”: using the computer's", zone_id);
      return (int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
    }
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, unix_seconds));
}

/**
 * rahnuma_dashboard_keep_current:
 * @store: an officers' file open for writing
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * What a writer of an officers' file (a sync) does after writing: brings
 * the per-day sums up to date for the offset they were last made for, or
 * for %RAHNUMA_DEFAULT_TIME_ZONE's on a file that has none yet. So the
 * office PC, which opens the file read-only and cannot sum it, finds the
 * sums current and draws a year of records from a few hundred rows (a
 * centre in another zone has them remade the first time its own dashboard
 * writes the file; until then the views read the records themselves).
 *
 * Returns: %TRUE (like rahnuma_dashboard_prepare(), a file that cannot be
 *   written is left as it is)
 */
gboolean
rahnuma_dashboard_keep_current (RahnumaStore *store, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 last_rev = -1, offset = -1;
  gboolean have_mark;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);

  rahnuma_store_lock (store);
  if (!rahnuma_store_exec (rahnuma_store_get_db (store), OFFICE_INDEXES_SQL, &local_error))
    g_debug ("The office PC's indexes were not made: %s", local_error->message);
  have_mark = read_two (rahnuma_store_get_db (store), "SELECT last_rev, utc_offset FROM dashboard_mark",
                        &last_rev, &offset, NULL) && last_rev >= 0;
  rahnuma_store_unlock (store);
  if (!have_mark)
    offset = rahnuma_dashboard_zone_offset (RAHNUMA_DEFAULT_TIME_ZONE, g_get_real_time () / G_USEC_PER_SEC);
  return rahnuma_dashboard_prepare (store, (int) offset, error);
}

/* ---- reading ------------------------------------------------------------- */

/* Destinations are counted from survey answers, the only place they are
 * kept (schema 6): ?5 the first ISO week, ?6 the last, each whole week that
 * the range touches (a survey row holds its week, not its day). Survey rows
 * are few beside sessions (at most one per visit): no sums are kept. */
#define SURVEY_BY_DESTINATION_SQL \
  "SELECT destination, count(*) AS n, -1, -1 FROM survey WHERE week >= ?5 AND week <= ?6" \
  " GROUP BY 1 ORDER BY n DESC, 1"

/* From the sums: ?1 first local day, ?2 day after the last, ?4 how many rows. */
static const char * const summed_sql[RAHNUMA_DASHBOARD_N_CHARTS] = {
  "SELECT day, sum (sessions), sum (completed), -1 FROM dashboard_hour"
  " WHERE day >= ?1 AND day < ?2 GROUP BY day ORDER BY day",
  "SELECT hour, sum (sessions), sum (completed), -1 FROM dashboard_hour"
  " WHERE day >= ?1 AND day < ?2 GROUP BY hour ORDER BY hour",
  "SELECT module_id, sum (taken), sum (passed), sum (score) / sum (taken) FROM dashboard_module"
  " WHERE day >= ?1 AND day < ?2 GROUP BY module_id ORDER BY module_id",
  "SELECT module_id || '#' || (question + 1), sum (asked) AS n, sum (missed) AS m, -1 FROM dashboard_question"
  " WHERE day >= ?1 AND day < ?2 GROUP BY module_id, question HAVING n >= 5"
  " ORDER BY CAST (m AS REAL) / n DESC, 1 LIMIT ?4",
  "SELECT value, sum (sessions) AS n, sum (completed), -1 FROM dashboard_category"
  " WHERE category = 'language' AND day >= ?1 AND day < ?2 GROUP BY value ORDER BY n DESC, value",
  "SELECT value, sum (sessions) AS n, sum (completed), -1 FROM dashboard_category"
  " WHERE category = 'gender' AND day >= ?1 AND day < ?2 GROUP BY value ORDER BY n DESC, value",
  SURVEY_BY_DESTINATION_SQL,
};

/* From the records, when the sums are not current: ?1 first second, ?2 the
 * second after, ?3 the UTC offset, ?4 how many rows. */
#define IN_RANGE "s.started_at >= ?1 AND s.started_at < ?2 AND s.clock_suspect = 0"
#define BY_CATEGORY(column) \
  "SELECT " column ", count(*) AS n, sum (s.state = 'completed'), -1 FROM session s WHERE " IN_RANGE \
  " GROUP BY 1 ORDER BY n DESC, 1"

static const char * const direct_sql[RAHNUMA_DASHBOARD_N_CHARTS] = {
  "SELECT (s.started_at + ?3 - ((s.started_at + ?3) % 86400)) / 86400, count(*), sum (s.state = 'completed'), -1"
  " FROM session s WHERE " IN_RANGE " GROUP BY 1 ORDER BY 1",
  "SELECT ((s.started_at + ?3) % 86400) / 3600, count(*), sum (s.state = 'completed'), -1"
  " FROM session s WHERE " IN_RANGE " GROUP BY 1 ORDER BY 1",
  "SELECT m.module_id, count(*), sum (m.passed), avg (CAST (m.n_correct AS REAL) / m.n_questions)"
  " FROM session s JOIN module_progress m ON m.session_id = s.id"
  " WHERE m.n_questions > 0 AND " IN_RANGE " GROUP BY 1 ORDER BY 1",
  "SELECT a.module_id || '#' || (a.question + 1), count(*) AS n, sum (1 - a.correct) AS m, -1"
  " FROM session s JOIN answer a ON a.session_id = s.id WHERE " IN_RANGE
  " GROUP BY a.module_id, a.question HAVING n >= 5 ORDER BY CAST (m AS REAL) / n DESC, 1 LIMIT ?4",
  BY_CATEGORY ("s.language"),
  BY_CATEGORY ("s.gender"),
  SURVEY_BY_DESTINATION_SQL,
};

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

/* If a column hides exactly one cell, its value could be worked out from the
 * totals the dashboard shows: hide the next smallest too, by the report's
 * own rule (rahnuma_report_suppress_cells()). */
static void
suppress_complement (GPtrArray *bars, gboolean part)
{
  g_autofree gint64 **cells = g_new (gint64 *, MAX (bars->len, 1));
  guint hidden;

  for (guint i = 0; i < bars->len; i++)
    {
      RahnumaDashboardBar *bar = g_ptr_array_index (bars, i);

      cells[i] = part ? &bar->part : &bar->count;
    }
  hidden = rahnuma_report_suppress_cells (cells, bars->len);
  if (hidden != G_MAXUINT && !part)
    {
      RahnumaDashboardBar *bar = g_ptr_array_index (bars, hidden);

      bar->part = RAHNUMA_REPORT_SUPPRESSED;
      bar->score = -1;
    }
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
    case RAHNUMA_DASHBOARD_BY_LANGUAGE:
    case RAHNUMA_DASHBOARD_BY_GENDER:
    case RAHNUMA_DASHBOARD_BY_DESTINATION:
    default:
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
}

/* Binds [@from, @to) as seconds, or as the local days they cover for the sums. */
static void
bind_range (sqlite3_stmt *stmt, gboolean summed, gint64 from, gint64 to, int utc_offset)
{
  if (summed)
    {
      /* A day is in if it starts inside the range (the dashboard's ranges are whole days). */
      sqlite3_bind_int64 (stmt, 1, from == G_MININT64 ? G_MININT64 : local_day (from - 1, utc_offset) + 1);
      sqlite3_bind_int64 (stmt, 2, to == G_MAXINT64 ? G_MAXINT64 : local_day (to - 1, utc_offset) + 1);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }
  if (sqlite3_bind_parameter_count (stmt) >= 3 && sqlite3_bind_parameter_name (stmt, 3) != NULL)
    sqlite3_bind_int (stmt, 3, utc_offset);
  if (sqlite3_bind_parameter_count (stmt) >= 4 && sqlite3_bind_parameter_name (stmt, 4) != NULL)
    sqlite3_bind_int (stmt, 4, 10);
  if (sqlite3_bind_parameter_count (stmt) >= 6)
    {
      /* ISO weeks as text sort in time order: "2026-W09" < "2026-W10". */
      sqlite3_bind_text (stmt, 5, from == G_MININT64 ? g_strdup ("0000") : rahnuma_survey_week (from), -1, g_free);
      sqlite3_bind_text (stmt, 6, to == G_MAXINT64 ? g_strdup ("9999") : rahnuma_survey_week (to - 1), -1, g_free);
    }
}

static GPtrArray *
read_bars (sqlite3 *db, RahnumaDashboardChart chart, gint64 from, gint64 to, int utc_offset,
           GError **error)
{
  gboolean summed = sums_are_current (db, utc_offset);
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, summed ? summed_sql[chart] : direct_sql[chart], error);
  g_autoptr(GPtrArray) bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_range (stmt, summed, from, to, utc_offset);
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
  /* The missed questions add up to no total on screen; every other chart does. */
  if (chart != RAHNUMA_DASHBOARD_MISSED)
    {
      suppress_complement (bars, FALSE);
      suppress_complement (bars, TRUE);
    }
  return g_steal_pointer (&bars);
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


static gboolean
read_int_column (sqlite3 *db, const char *sql, gint64 *value, GError **error)
{
  gint64 unused;

  return read_two (db, sql, value, &unused, error);
}

/* Visits by path over the range (issue 20), from the sums when they are
 * current, else from the visits: into @paths, indexed by RahnumaVisitPath. */
static gboolean
read_paths (sqlite3 *db, gboolean summed, gint64 from, gint64 to, int utc_offset, gint64 *paths,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, summed
    ? "SELECT value, sum (sessions) FROM dashboard_category WHERE category = 'path'"
      " AND day >= ?1 AND day < ?2 GROUP BY 1"
    : "SELECT s.path, count(*) FROM session s WHERE " IN_RANGE " GROUP BY 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_range (stmt, summed, from, to, utc_offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RahnumaVisitPath path;

      if (rahnuma_visit_path_from_string ((const char *) sqlite3_column_text (stmt, 0), &path))
        paths[path] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count sessions"));
  return TRUE;
}

static gboolean
read_totals (sqlite3 *db, gint64 from, gint64 to, int utc_offset, RahnumaDashboardTotals *totals, GError **error)
{
  gboolean summed = sums_are_current (db, utc_offset);
  g_autoptr(sqlite3_stmt) sessions = rahnuma_store_prepare (db, summed
    ? "SELECT coalesce (sum (sessions), 0), coalesce (sum (completed), 0), coalesce (sum (abandoned), 0),"
      " coalesce (sum (demo), 0) FROM dashboard_hour WHERE day >= ?1 AND day < ?2"
    : "SELECT count(*), coalesce (sum (state = 'completed'), 0), coalesce (sum (state = 'abandoned'), 0),"
      " coalesce (sum (demo), 0) FROM session s WHERE " IN_RANGE, error);
  g_autoptr(sqlite3_stmt) quizzes = NULL;
  int rc;

  if (sessions == NULL)
    return FALSE;
  bind_range (sessions, summed, from, to, utc_offset);
  if ((rc = sqlite3_step (sessions)) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count sessions"));
  totals->sessions = sqlite3_column_int64 (sessions, 0);
  totals->completed = sqlite3_column_int64 (sessions, 1);
  totals->abandoned = sqlite3_column_int64 (sessions, 2);
  totals->demo_sessions = sqlite3_column_int64 (sessions, 3);
  quizzes = rahnuma_store_prepare (db, summed
    ? "SELECT coalesce (sum (taken), 0), coalesce (sum (passed), 0) FROM dashboard_module"
      " WHERE day >= ?1 AND day < ?2"
    : "SELECT count(*), coalesce (sum (m.passed), 0) FROM session s JOIN module_progress m"
      " ON m.session_id = s.id WHERE m.n_questions > 0 AND " IN_RANGE, error);
  if (quizzes == NULL)
    return FALSE;
  bind_range (quizzes, summed, from, to, utc_offset);
  if ((rc = sqlite3_step (quizzes)) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count quizzes"));
  totals->quizzes_taken = sqlite3_column_int64 (quizzes, 0);
  totals->quizzes_passed = sqlite3_column_int64 (quizzes, 1);
  return read_paths (db, summed, from, to, utc_offset, totals->paths, error) &&
         read_int_column (db, "SELECT count(*), 0 FROM session WHERE clock_suspect = 1",
                          &totals->wrong_clock_sessions, error);
}

/**
 * rahnuma_dashboard_totals:
 * @store: a journal or officers' file
 * @from: first second (the start of a local day)
 * @to: first second not included (likewise)
 * @utc_offset: the kiosk's offset from UTC in seconds
 * @totals: (out caller-allocates): the totals
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if @totals was filled
 */
gboolean
rahnuma_dashboard_totals (RahnumaStore *store, gint64 from, gint64 to, int utc_offset,
                          RahnumaDashboardTotals *totals, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  memset (totals, 0, sizeof *totals);
  rahnuma_store_lock (store);
  ok = read_totals (rahnuma_store_get_db (store), from, to, utc_offset, totals, error);
  rahnuma_store_unlock (store);
  return ok;
}

/* One number from the journal's sync_target row for @target_path; 0 if none. */
static gboolean
read_sync_target (RahnumaStore *store, const char *target_path, const char *sql, gint64 *value,
                  GError **error)
{
  g_autofree char *key = g_canonicalize_filename (target_path, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  *value = 0;
  rahnuma_store_lock (store);
  db = rahnuma_store_get_db (store);
  stmt = rahnuma_store_prepare (db, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *value = sqlite3_column_int64 (stmt, 0);
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
  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (target_path != NULL && synced_at != NULL, FALSE);

  return read_sync_target (store, target_path, "SELECT synced_at FROM sync_target WHERE target = ?1",
                           synced_at, error);
}

/**
 * rahnuma_dashboard_count_rejected:
 * @store: a kiosk journal
 * @target_path: the officers' file it syncs to
 * @n_rejected: (out): how many of this journal's records @target_path has
 *   refused so far because they break its rules (see rahnuma_sync_run()),
 *   as of the last sync there; 0 if never synced
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * The records stay in the journal; the officer is told so a technician can
 * look at them.
 *
 * Returns: %TRUE if @n_rejected was read
 */
gboolean
rahnuma_dashboard_count_rejected (RahnumaStore *store, const char *target_path, gint64 *n_rejected,
                                  GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (target_path != NULL && n_rejected != NULL, FALSE);

  return read_sync_target (store, target_path, "SELECT n_rejected FROM sync_target WHERE target = ?1",
                           n_rejected, error);
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
