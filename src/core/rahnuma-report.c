/* rahnuma-report.c — the summary an officer needs, with small cells suppressed
 *
 * Totals (sessions, completed, abandoned) are shown as they are. Every
 * breakdown by a category (language, module, gender, destination, sector,
 * path)
 * hides any cell counting fewer than RAHNUMA_REPORT_MIN_CELL people, so a
 * report never says what one or two identifiable visitors did. When a column
 * of a breakdown hides exactly one cell, the next smallest is hidden too:
 * otherwise the hidden one could be worked out from the total.
 *
 * Destination and sector are not on the session (schema 6): their
 * breakdowns count survey answers in the ISO weeks the range touches, and
 * say nothing of completion.
 *
 * Sessions recorded while the kiosk's clock was wrong (clock_suspect) carry
 * untrue dates: they are in no range and no breakdown, and are counted
 * apart, over the whole file, in wrong_clock_sessions.
 *
 * The pass rate is the share of module quizzes passed; the completion rate
 * is the share of finished sessions that were completed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-report.h"
#include "rahnuma-hall-session-private.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey-answers.h"

#define IN_RANGE "s.started_at >= ?1 AND s.started_at < ?2 AND s.clock_suspect = 0"

#define WRONG_CLOCK_SQL "SELECT count(*) FROM session WHERE clock_suspect = 1"

#define TOTALS_SQL \
  "SELECT count(*), coalesce (sum (state = 'completed'), 0), coalesce (sum (state = 'abandoned'), 0)," \
  " coalesce (sum (state = 'active'), 0), coalesce (sum (demo), 0) FROM session s WHERE " IN_RANGE

/* A module left before its quiz (no questions recorded) is not a quiz taken. */
#define QUIZZES_SQL \
  "SELECT count(*), coalesce (sum (m.passed), 0) FROM module_progress m" \
  " JOIN session s ON s.id = m.session_id WHERE m.n_questions > 0 AND " IN_RANGE

#define MODULES_SQL \
  "SELECT m.module_id, count(*), sum (m.passed), avg (m.watched) FROM module_progress m" \
  " JOIN session s ON s.id = m.session_id WHERE m.n_questions > 0 AND " IN_RANGE " GROUP BY m.module_id"

/* %s is a column name from the fixed lists below, never data. */
#define CATEGORY_SQL \
  "SELECT %s, count(*), sum (state = 'completed'), -1 FROM session s WHERE " IN_RANGE " GROUP BY 1"

/* Destination and sector are kept only in survey rows (schema 6), which
 * hold the ISO week: ?1 and ?2 are the first and last weeks the range
 * touches. Their count is of answers; nothing says whether the visit was
 * completed (-1). */
#define SURVEY_CATEGORY_SQL \
  "SELECT %s, count(*), -1, -1 FROM survey WHERE week >= ?1 AND week <= ?2 GROUP BY 1"

/* "path": the full or the short path after the hall briefing (issue 20). */
static const char * const session_categories[] = { "language", "gender", "path" };
static const char * const survey_categories[] = { "destination", "sector" };

#define PATHS_SQL "SELECT s.path, count(*) FROM session s WHERE " IN_RANGE " AND s.demo = ?3 GROUP BY 1"

static void
row_free (RahnumaReportRow *row)
{
  g_free (row->key);
  g_free (row);
}

static void
breakdown_free (RahnumaReportBreakdown *breakdown)
{
  g_ptr_array_unref (breakdown->rows);
  g_free (breakdown);
}

/**
 * rahnuma_report_free:
 * @report: (nullable) (transfer full): a report from rahnuma_report_new()
 *
 * Frees @report and its breakdowns; %NULL is allowed.
 */
void
rahnuma_report_free (RahnumaReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->breakdowns, g_ptr_array_unref);
  g_free (report);
}

static sqlite3_stmt *
prepare_range (sqlite3 *db, const char *sql, gint64 from, gint64 to, GError **error)
{
  sqlite3_stmt *stmt = rahnuma_store_prepare (db, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
    }
  return stmt;
}

/* [@from, @to) as the ISO weeks it touches, for survey rows. */
static sqlite3_stmt *
prepare_weeks (sqlite3 *db, const char *sql, gint64 from, gint64 to, GError **error)
{
  sqlite3_stmt *stmt = rahnuma_store_prepare (db, sql, error);

  if (stmt != NULL)
    {
      /* ISO weeks as text sort in time order: "2026-W09" < "2026-W10". */
      sqlite3_bind_text (stmt, 1, from <= 0 ? g_strdup ("0000") : rahnuma_survey_week (from), -1, g_free);
      sqlite3_bind_text (stmt, 2, to == G_MAXINT64 ? g_strdup ("9999") : rahnuma_survey_week (to - 1), -1, g_free);
    }
  return stmt;
}

static gboolean
read_wrong_clock (sqlite3 *db, RahnumaReport *report, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, WRONG_CLOCK_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count sessions"));
  report->wrong_clock_sessions = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_totals (sqlite3 *db, RahnumaReport *report, gint64 from, gint64 to, GError **error)
{
  g_autoptr(sqlite3_stmt) totals = prepare_range (db, TOTALS_SQL, from, to, error);
  g_autoptr(sqlite3_stmt) quizzes = NULL;
  int rc;

  if (totals == NULL)
    return FALSE;
  if ((rc = sqlite3_step (totals)) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count sessions"));
  report->sessions = sqlite3_column_int64 (totals, 0);
  report->completed = sqlite3_column_int64 (totals, 1);
  report->abandoned = sqlite3_column_int64 (totals, 2);
  report->active = sqlite3_column_int64 (totals, 3);
  report->demo_sessions = sqlite3_column_int64 (totals, 4);

  quizzes = prepare_range (db, QUIZZES_SQL, from, to, error);
  if (quizzes == NULL)
    return FALSE;
  if ((rc = sqlite3_step (quizzes)) != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc, _("Cannot count quizzes"));
  report->quizzes_taken = sqlite3_column_int64 (quizzes, 0);
  report->quizzes_passed = sqlite3_column_int64 (quizzes, 1);
  /* UTC days: the range's bounds are UTC midnights (rahnuma-admin report). */
  if (!rahnuma_hall_session_read_totals (db, from, to, 0, &report->hall, error))
    return FALSE;
  return read_wrong_clock (db, report, error);
}

static gint64 *
cell (RahnumaReportRow *row, gboolean part)
{
  return part ? &row->part : &row->count;
}

/**
 * rahnuma_report_suppress_cells:
 * @cells: (array length=n_cells): one column of a table shown with its
 *   total: pointers to each row's count, already %RAHNUMA_REPORT_SUPPRESSED
 *   where another column's rule hid it
 * @n_cells: how many
 *
 * The one small-cell rule of reports, dashboard and export: a count from
 * 1 to %RAHNUMA_REPORT_MIN_CELL - 1 is hidden, so no cell shows what one or
 * two people did; and when a column then hides exactly one cell, which the
 * total would give away, the next smallest count above 0 is hidden too (a
 * hidden 0 would give the first one away all the same).
 *
 * Returns: the index of the cell hidden for that second reason, whose row
 *   the caller hides in its other columns, or %G_MAXUINT if none was
 */
guint
rahnuma_report_suppress_cells (gint64 * const *cells, guint n_cells)
{
  guint n_hidden = 0;
  guint smallest = G_MAXUINT;

  g_return_val_if_fail (cells != NULL || n_cells == 0, G_MAXUINT);

  for (guint i = 0; i < n_cells; i++)
    {
      if (*cells[i] > 0 && *cells[i] < RAHNUMA_REPORT_MIN_CELL)
        *cells[i] = RAHNUMA_REPORT_SUPPRESSED;
      n_hidden += *cells[i] == RAHNUMA_REPORT_SUPPRESSED;
    }
  for (guint i = 0; n_hidden == 1 && i < n_cells; i++)
    if (*cells[i] > 0 && (smallest == G_MAXUINT || *cells[i] < *cells[smallest]))
      smallest = i;
  if (smallest != G_MAXUINT)
    *cells[smallest] = RAHNUMA_REPORT_SUPPRESSED;
  return smallest;
}

/* Hides one column's small cells (rahnuma_report_suppress_cells()); a
 * row whose count is hidden hides its part too. */
static void
suppress_column (GPtrArray *rows, gboolean part)
{
  g_autofree gint64 **cells = g_new (gint64 *, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    {
      RahnumaReportRow *row = g_ptr_array_index (rows, i);

      if (part && row->count == RAHNUMA_REPORT_SUPPRESSED)
        row->part = RAHNUMA_REPORT_SUPPRESSED;
      cells[i] = cell (row, part);
    }
  rahnuma_report_suppress_cells (cells, rows->len);
}

static void
suppress (GPtrArray *rows)
{
  suppress_column (rows, FALSE);
  suppress_column (rows, TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      RahnumaReportRow *row = g_ptr_array_index (rows, i);

      if (row->count == RAHNUMA_REPORT_SUPPRESSED)
        row->watched = -1;
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const RahnumaReportRow *ra = *(RahnumaReportRow **) a;
  const RahnumaReportRow *rb = *(RahnumaReportRow **) b;

  if (ra->count != rb->count)
    return ra->count > rb->count ? -1 : 1;
  return g_strcmp0 (ra->key, rb->key);
}

static RahnumaReportBreakdown *
read_breakdown (sqlite3 *db, const char *sql, gboolean survey, gint64 from, gint64 to, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = survey ? prepare_weeks (db, sql, from, to, error)
                                        : prepare_range (db, sql, from, to, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  RahnumaReportBreakdown *breakdown;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RahnumaReportRow *row = g_new0 (RahnumaReportRow, 1);

      row->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->count = sqlite3_column_int64 (stmt, 1);
      row->part = sqlite3_column_int64 (stmt, 2);
      row->watched = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot summarise sessions"));
      return NULL;
    }
  /* Sorted before suppression, so the order shows nothing a hidden cell hides. */
  g_ptr_array_sort (rows, compare_rows);
  suppress (rows);
  breakdown = g_new0 (RahnumaReportBreakdown, 1);
  breakdown->rows = g_steal_pointer (&rows);
  return breakdown;
}

static gboolean
add_breakdown (RahnumaReport *report, sqlite3 *db, const char *name, const char *sql, gboolean survey,
               gint64 from, gint64 to, GError **error)
{
  RahnumaReportBreakdown *breakdown = read_breakdown (db, sql, survey, from, to, error);
  gboolean module = g_str_equal (name, "module");

  if (breakdown == NULL)
    return FALSE;
  breakdown->name = name;
  breakdown->count_key = module ? "taken" : survey ? "answers" : "sessions";
  breakdown->part_key = module ? "passed" : survey ? NULL : "completed";
  g_ptr_array_add (report->breakdowns, breakdown);
  return TRUE;
}

/* One breakdown per category, from the session or from the survey. */
static gboolean
add_categories (RahnumaReport *report, sqlite3 *db, const char * const *names, guint n_names,
                gboolean survey, gint64 from, gint64 to, GError **error)
{
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *sql = survey ? g_strdup_printf (SURVEY_CATEGORY_SQL, names[i])
                                    : g_strdup_printf (CATEGORY_SQL, names[i]);

      if (!add_breakdown (report, db, names[i], sql, survey, from, to, error))
        return FALSE;
    }
  return TRUE;
}

static RahnumaReport *
read_report (sqlite3 *db, gint64 from, gint64 to, GError **error)
{
  g_autoptr(RahnumaReport) report = g_new0 (RahnumaReport, 1);

  report->breakdowns = g_ptr_array_new_with_free_func ((GDestroyNotify) breakdown_free);
  /* One read transaction: every number comes from the same moment, even
   * while a sync writes into the file. */
  if (!rahnuma_store_exec (db, "BEGIN", error))
    return NULL;
  if (!read_totals (db, report, from, to, error) ||
      !add_breakdown (report, db, "module", MODULES_SQL, FALSE, from, to, error) ||
      !add_categories (report, db, session_categories, G_N_ELEMENTS (session_categories), FALSE,
                       from, to, error) ||
      !add_categories (report, db, survey_categories, G_N_ELEMENTS (survey_categories), TRUE,
                       from, to, error))
    goto fail;
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return g_steal_pointer (&report);

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return NULL;
}

/**
 * rahnuma_report_new:
 * @store: a journal or officers' file
 * @from: first second to include (unix time), or %G_MININT64
 * @to: first second not to include, or %G_MAXINT64
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Summarises the sessions that started in [@from, @to), with small cells of
 * every breakdown suppressed. Demo sessions are counted, and counted apart
 * in demo_sessions so that a report can say so. Sessions recorded with a
 * wrong clock are not counted in any range: wrong_clock_sessions counts all
 * of them in the file.
 *
 * Returns: (transfer full) (nullable): the report
 */
RahnumaReport *
rahnuma_report_new (RahnumaStore *store, gint64 from, gint64 to, GError **error)
{
  RahnumaReport *report;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  /* The store's lock: the kiosk's worker must not start a write transaction
   * on this connection while the read transaction is open. */
  rahnuma_store_lock (store);
  report = read_report (rahnuma_store_get_db (store), from, to, error);
  rahnuma_store_unlock (store);
  return report;
}

/**
 * rahnuma_report_count_paths:
 * @store: a journal or an officers' file
 * @from: start of the period, unix seconds (included)
 * @to: end of the period, unix seconds (excluded)
 * @demo: count demo visits (`rahnuma-admin simulate`) instead of real ones
 * @counts: (out caller-allocates) (array fixed-size=2): visits per
 *   #RahnumaVisitPath, indexed by it
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * How many visits started in the period took each path (`session.path`,
 * issue 20), whatever their state, leaving out visits recorded with a wrong
 * clock as every range does. These are totals, not a breakdown by a
 * category of the visitor, so no cell is hidden: they are made to be put
 * beside the hall head counts of the same period.
 *
 * Returns: whether @counts was filled
 */
gboolean
rahnuma_report_count_paths (RahnumaStore *store, gint64 from, gint64 to, gboolean demo,
                            gint64 counts[RAHNUMA_N_PATHS], GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof (gint64) * RAHNUMA_N_PATHS);
  db = rahnuma_store_get_db (store);
  rahnuma_store_lock (store);
  stmt = prepare_range (db, PATHS_SQL, from, to, error);
  if (stmt != NULL)
    sqlite3_bind_int (stmt, 3, demo ? 1 : 0);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RahnumaVisitPath path;

      if (rahnuma_visit_path_from_string ((const char *) sqlite3_column_text (stmt, 0), &path))
        counts[path] = sqlite3_column_int64 (stmt, 1);
    }
  if (stmt != NULL && rc != SQLITE_DONE)
    rahnuma_store_set_error (error, db, rc, _("Cannot count sessions"));
  rahnuma_store_unlock (store);
  return stmt != NULL && rc == SQLITE_DONE;
}
