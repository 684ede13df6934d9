/* rahnuma-export.c — sessions as CSV or JSON, one row per session
 *
 * A row says what a completion code stands for: language, coarse times,
 * state and scores. The self-reported gender is left out on purpose: next
 * to a 15-minute start time it could single a visitor out; the report shows
 * it only as aggregates, with small cells suppressed. The session holds no
 * destination or sector (schema 6): they are in the survey's own export.
 *
 * CSV follows RFC 4180: CRLF line ends, a header row, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled; text and the score
 * are always quoted (see append_csv_text() and append_score()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-export.h"
#include "rahnuma-store-private.h"

#include <stdio.h>
#include <string.h>

#define FLUSH_SIZE (64 * 1024)

/* started_at and ended_at are UTC in ISO 8601 ("2025-11-24T16:00Z"), for
 * programs; started_local and ended_local are the same times in the
 * centre's time zone as "2025-11-24 21:00", which LibreOffice (with special
 * numbers detected) and Excel read as dates and times. */
static const char * const columns[] = {
  "code", "language", "started_at", "ended_at", "started_local", "ended_local", "state", "modules",
  "modules_passed", "correct", "questions", "score", "centre", "kiosk", "catalog_version", "demo",
  "clock_wrong", "path",
};

/* Result columns of EXPORT_SQL; the local times are formatted from the UTC ones. */
enum {
  COL_CODE, COL_LANGUAGE, COL_STARTED, COL_ENDED, COL_STATE, COL_MODULES, COL_PASSED,
  COL_CORRECT, COL_QUESTIONS, COL_SCORE, COL_CENTRE, COL_KIOSK, COL_CATALOG, COL_DEMO,
  COL_CLOCK_WRONG, COL_PATH,
  COL_STARTED_LOCAL, COL_ENDED_LOCAL,
};

/* The order written: each entry a result column above. */
static const int written[] = {
  COL_CODE, COL_LANGUAGE, COL_STARTED, COL_ENDED, COL_STARTED_LOCAL, COL_ENDED_LOCAL, COL_STATE,
  COL_MODULES, COL_PASSED, COL_CORRECT, COL_QUESTIONS, COL_SCORE, COL_CENTRE, COL_KIOSK, COL_CATALOG,
  COL_DEMO, COL_CLOCK_WRONG, COL_PATH,
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (written));

/* The score column is computed here, not in SQL, so a CSV and a JSON export
 * can never disagree: both format the same row. Sessions recorded with a
 * wrong clock come last, marked clock_wrong: their times are untrue. */
#define EXPORT_SQL \
  "SELECT s.code, s.language, s.started_at, s.ended_at, s.state," \
  " count (m.module_id), coalesce (sum (m.passed), 0), coalesce (sum (m.n_correct), 0)," \
  " coalesce (sum (m.n_questions), 0), NULL, s.centre, s.kiosk, s.catalog_version, s.demo," \
  " s.clock_suspect, s.path FROM session s LEFT JOIN module_progress m ON m.session_id = s.id" \
  " WHERE s.started_at >= ?1 AND s.started_at < ?2" \
  " GROUP BY s.id ORDER BY s.clock_suspect, s.started_at, s.id"

/**
 * rahnuma_export_parse_format:
 * @text: "csv" or "json"
 * @format: (out): the format
 *
 * Returns: whether @text names a format
 */
gboolean
rahnuma_export_parse_format (const char *text, RahnumaExportFormat *format)
{
  if (g_strcmp0 (text, "csv") == 0)
    *format = RAHNUMA_EXPORT_CSV;
  else if (g_strcmp0 (text, "json") == 0)
    *format = RAHNUMA_EXPORT_JSON;
  else
    return FALSE;
  return TRUE;
}

/**
 * rahnuma_export_parse_date:
 * @text: a day, "YYYY-MM-DD"
 * @day_start: (out): its first second, unix time (UTC)
 *
 * Returns: whether @text is a real day
 */
gboolean
rahnuma_export_parse_date (const char *text, gint64 *day_start)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return FALSE;
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return FALSE;
  *day_start = g_date_time_to_unix (date);
  return TRUE;
}

/* @utc_offset: seconds to add for local time, or G_MININT for UTC. */
static void
append_time (GString *out, sqlite3_stmt *stmt, int column, int utc_offset, gboolean json)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  gboolean utc = utc_offset == G_MININT;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_string_append (out, json ? "null" : "");
      return;
    }
  time = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column) + (utc ? 0 : utc_offset));
  text = g_date_time_format (time, utc ? "%Y-%m-%dT%H:%MZ" : "%Y-%m-%d %H:%M");
  g_string_append_printf (out, json ? "\"%s\"" : "%s", text);
}

static void
append_score (GString *out, sqlite3_stmt *stmt, gboolean json)
{
  gint64 correct = sqlite3_column_int64 (stmt, COL_CORRECT);
  gint64 questions = sqlite3_column_int64 (stmt, COL_QUESTIONS);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (questions == 0)
    {
      g_string_append (out, json ? "null" : "");
      return;
    }
  /* A percentage with one decimal, always with a '.', whatever the locale.
   * Quoted in CSV: a spreadsheet told to keep quoted fields as text then
   * keeps "50.0" as written instead of turning it into 50. */
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", 100.0 * (double) correct / (double) questions);
  g_string_append_printf (out, json ? "%s" : "\"%s\"", buffer);
}

/* Text is always quoted: an id or a catalogue version made only of digits
 * (or "1e5") must stay text in a spreadsheet, not become a number. */
static void
append_csv_text (GString *out, const char *text)
{
  if (text == NULL)
    return;
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json_text (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_field (GString *out, sqlite3_stmt *stmt, int column, int utc_offset, gboolean json)
{
  switch (column)
    {
    case COL_STARTED:
    case COL_ENDED:
      append_time (out, stmt, column, G_MININT, json);
      break;
    case COL_STARTED_LOCAL:
    case COL_ENDED_LOCAL:
      append_time (out, stmt, column == COL_STARTED_LOCAL ? COL_STARTED : COL_ENDED, utc_offset, json);
      break;
    case COL_SCORE:
      append_score (out, stmt, json);
      break;
    case COL_DEMO:
    case COL_CLOCK_WRONG:
      if (json)
        g_string_append (out, sqlite3_column_int (stmt, column) ? "true" : "false");
      else
        g_string_append (out, sqlite3_column_int (stmt, column) ? "yes" : "no");
      break;
    case COL_MODULES:
    case COL_PASSED:
    case COL_CORRECT:
    case COL_QUESTIONS:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    default:
      if (json)
        append_json_text (out, (const char *) sqlite3_column_text (stmt, column));
      else
        append_csv_text (out, (const char *) sqlite3_column_text (stmt, column));
    }
}

static void
append_row (GString *out, sqlite3_stmt *stmt, RahnumaExportFormat format, int utc_offset, gboolean first)
{
  gboolean json = format == RAHNUMA_EXPORT_JSON;

  if (json)
    g_string_append (out, first ? "\n  {" : ",\n  {");
  for (int c = 0; c < (int) G_N_ELEMENTS (columns); c++)
    {
      if (c > 0)
        g_string_append (out, json ? ", " : ",");
      if (json)
        g_string_append_printf (out, "\"%s\": ", columns[c]);
      append_field (out, stmt, written[c], utc_offset, json);
    }
  g_string_append (out, json ? "}" : "\r\n");
}

static void
append_header (GString *out, RahnumaExportFormat format)
{
  if (format == RAHNUMA_EXPORT_JSON)
    {
      g_string_append (out, "[");
      return;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, c > 0 ? ",%s" : "%s", columns[c]);
  g_string_append (out, "\r\n");
}

static gboolean
flush (GOutputStream *stream, GString *out, GCancellable *cancellable, GError **error)
{
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

/**
 * rahnuma_export_write:
 * @store: the journal or officers' file to export
 * @format: CSV or JSON
 * @from: first second to include (unix time), or %G_MININT64
 * @to: first second not to include, or %G_MAXINT64
 * @utc_offset: the centre's offset from UTC in seconds, for the
 *   started_local and ended_local columns (rahnuma_officer_utc_offset())
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes one row per session that started in [@from, @to), oldest first,
 * then those recorded with a wrong clock (clock_wrong), whose times are
 * untrue.
 * JSON is an array of objects with the CSV's columns as keys.
 *
 * Returns: the number of sessions written, or -1 on error
 */
gint64
rahnuma_export_write (RahnumaStore *store, RahnumaExportFormat format, gint64 from, gint64 to, int utc_offset,
                      GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 1024);
  gint64 n = 0;
  int rc;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), -1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), -1);

  stmt = rahnuma_store_prepare (db, EXPORT_SQL, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  append_header (out, format);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_row (out, stmt, format, utc_offset, n++ == 0);
      if (out->len >= FLUSH_SIZE && !flush (stream, out, cancellable, error))
        return -1;
    }
  if (rc != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot read sessions"));
      return -1;
    }
  if (format == RAHNUMA_EXPORT_JSON)
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  if (!flush (stream, out, cancellable, error))
    return -1;
  return n;
}
