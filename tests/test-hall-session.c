/* test-hall-session.c — a hall session's record: what it holds, what the
 * schema refuses, the step from version 5, sync exactly once, the totals
 * and the kiosk's prune, on real SQLite files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rahnuma-hall-session.h"
#include "rahnuma-report.h"
#include "rahnuma-retention.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"
#include "test-util.h"

#define DAY    ((gint64) 24 * 3600)
#define JAN07  1767744000 /* 2026-01-07 00:00 UTC (the tests run with TZ=UTC) */
#define PKT    (5 * 3600)  /* Pakistan's offset from UTC */

typedef struct
{
  char *dir;
  char *kiosk;
  char *officers;
} Fixture;

static const char * const two_lessons[] = { "fees", "contract", NULL };

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rahnuma_test_make_tmpdir ("rahnuma-hall-XXXXXX");
  f->kiosk = g_build_filename (f->dir, "kiosk.db", NULL);
  f->officers = g_build_filename (f->dir, "officers.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->kiosk);
  g_free (f->officers);
  g_free (f->dir);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static gint64
count (const char *path, const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static int
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = open_raw (path);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  sqlite3_close (db);
  return rc;
}

static RahnumaHallSession
good_session (void)
{
  RahnumaHallSession s = { "LHR", "hall-1", two_lessons, "ur", "ps", 87 };

  return s;
}

static gboolean
record (const char *path, const RahnumaHallSession *s, gint64 when, GError **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &open_error);

  g_assert_no_error (open_error);
  return rahnuma_hall_session_record (store, s, when, error);
}

/* Every row, every column, in id order: one line each. */
static char *
rows (const char *path)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id || '|' || centre || '|' || kiosk || '|' || day"
                                           " || '|' || modules || '|' || narration || '|' || subtitles"
                                           " || '|' || head_count FROM hall_session ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* What the officer chose, and nothing else: the row holds exactly it. */
static void
test_record (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaHallSession s = good_session ();
  g_autofree char *all = NULL;
  g_auto(GStrv) columns = NULL;

  g_assert_true (record (f->kiosk, &s, JAN07 + 15 * 3600 + 7, &error));
  g_assert_no_error (error);
  all = rows (f->kiosk);
  columns = g_strsplit (all, "|", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 8);
  g_assert_cmpuint (strlen (columns[0]), ==, 32);
  g_assert_cmpstr (columns[1], ==, "LHR");
  g_assert_cmpstr (columns[2], ==, "hall-1");
  g_assert_cmpstr (columns[3], ==, "2026-01-07");
  g_assert_cmpstr (columns[4], ==, "fees,contract");
  g_assert_cmpstr (columns[5], ==, "ur");
  g_assert_cmpstr (columns[6], ==, "ps");
  g_assert_cmpstr (columns[7], ==, "87\n");
}

/* Asked at the start of a briefing: a journal that takes a write says so
 * and gives the newest good moment (the newest hall session's day); one
 * opened read-only (as a read-only file or disk opens) says READ_ONLY and
 * writes nothing. The store's clock rule then judges a 2035 or a 2019
 * clock wrong against it. */
static void
test_check (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaStore) read_only = NULL;
  RahnumaHallSession s = good_session ();
  gint64 newest = -1;

  store = rahnuma_store_new (f->kiosk, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_hall_session_check (store, &newest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (newest, ==, 0);
  g_assert_true (rahnuma_hall_session_record (store, &s, JAN07 + 15 * 3600, &error));
  g_assert_no_error (error);
  g_assert_true (rahnuma_hall_session_check (store, &newest, &error));
  g_assert_cmpint (newest, ==, JAN07);
  g_assert_false (rahnuma_store_clock_is_wrong (JAN07 + 400 * DAY, newest));
  g_assert_true (rahnuma_store_clock_is_wrong (2051222400 /* 2035-01-01 */, newest));
  g_assert_true (rahnuma_store_clock_is_wrong (1546300800 /* 2019-01-01 */, newest));
  g_clear_object (&store);

  read_only = rahnuma_store_new_full (f->kiosk, RAHNUMA_STORE_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rahnuma_hall_session_check (read_only, &newest, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM hall_session"), ==, 1);
}

static void
assert_refused (Fixture *f, const RahnumaHallSession *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (record (f->kiosk, s, JAN07, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED);
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM hall_session"), ==, 0);
}

/* Every bound and list of the schema, through the API. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  static const char * const none[] = { NULL };
  static const char * const upper[] = { "Fees", NULL };
  static const char * const spaced[] = { "fees", "Ayesha Bibi", NULL };
  static const char * const comma[] = { "fees,", NULL };
  RahnumaHallSession s;

  s = good_session (), s.head_count = 0;
  assert_refused (f, &s);
  s = good_session (), s.head_count = RAHNUMA_HALL_MAX_HEAD_COUNT + 1;
  assert_refused (f, &s);
  s = good_session (), s.narration = "fr";
  assert_refused (f, &s);
  s = good_session (), s.subtitles = "pa";
  assert_refused (f, &s);
  s = good_session (), s.modules = none;
  assert_refused (f, &s);
  s = good_session (), s.modules = upper;
  assert_refused (f, &s);
  s = good_session (), s.modules = spaced;
  assert_refused (f, &s);
  s = good_session (), s.modules = comma;
  assert_refused (f, &s);
  s = good_session (), s.centre = "Lahore centre";
  assert_refused (f, &s);
  s = good_session (), s.kiosk = "";
  assert_refused (f, &s);

  /* The bounds themselves go in. */
  s = good_session (), s.head_count = RAHNUMA_HALL_MIN_HEAD_COUNT;
  g_assert_true (record (f->kiosk, &s, JAN07, NULL));
  s = good_session (), s.head_count = RAHNUMA_HALL_MAX_HEAD_COUNT;
  g_assert_true (record (f->kiosk, &s, JAN07, NULL));
}

/* Written by hand, past the API: no impossible day, no free text, no extra column. */
static void
test_raw_refused (Fixture *f, gconstpointer data)
{
  static const char * const bad[] = {
    "INSERT INTO hall_session VALUES ('00000000000000000000000000000001', 'LHR', 'h', '2026-02-30', 'fees', 'ur', 'ur', 5)",
    "INSERT INTO hall_session VALUES ('00000000000000000000000000000001', 'LHR', 'h', '07/01/2026', 'fees', 'ur', 'ur', 5)",
    "INSERT INTO hall_session VALUES ('00000000000000000000000000000001', 'LHR', 'h', '2026-01-07', 'fees,,x', 'ur', 'ur', 5)",
    "INSERT INTO hall_session VALUES ('00000000000000000000000000000001', 'LHR', 'h', '2026-01-07', 'fees', 'ur', 'ur', 'five')",
    "INSERT INTO hall_session VALUES ('Ayesha', 'LHR', 'h', '2026-01-07', 'fees', 'ur', 'ur', 5)",
    "INSERT INTO hall_session VALUES ('00000000000000000000000000000001', 'LHR', 'h', '2026-01-07', 'fees', 'ur', 'ur', 5, 'x')",
  };
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->kiosk, NULL, NULL);

  g_assert_nonnull (store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_cmpint (raw_exec (f->kiosk, bad[i]), !=, SQLITE_OK);
    }
  g_assert_cmpint (raw_exec (f->kiosk, "INSERT INTO hall_session VALUES ('00000000000000000000000000000001',"
                                       " 'LHR', 'h', '2026-01-07', 'fees', 'ur', 'ur', 5)"), ==, SQLITE_OK);
}

/* A version 7 file (no hall_session, sync_rejected without 'hall') takes
 * step 8: its rows are kept and the new kind goes in. */
static void
test_migrate_from_7 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->officers, NULL, &error);
  RahnumaHallSession s = good_session ();

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_exec (f->officers,
                             "DROP TABLE hall_session; DROP TABLE sync_rejected;"
                             " CREATE TABLE sync_rejected (journal_id TEXT NOT NULL CHECK (length (journal_id) = 32"
                             "  AND journal_id NOT GLOB '*[^0-9a-f]*'), kind TEXT NOT NULL CHECK (kind IN"
                             "  ('session', 'module', 'answer', 'survey')), reason TEXT NOT NULL CHECK"
                             "  (length (reason) BETWEEN 1 AND 300), n_rows INTEGER NOT NULL CHECK (n_rows >= 1),"
                             "  synced_at INTEGER NOT NULL, PRIMARY KEY (journal_id, kind, reason)) STRICT;"
                             " INSERT INTO sync_rejected VALUES ('0123456789abcdef0123456789abcdef', 'survey',"
                             "  'CHECK constraint failed: x', 2, 100);"
                             " PRAGMA user_version = 7"), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->officers, "INSERT INTO sync_rejected VALUES ('0123456789abcdef0123456789abcdef',"
                                          " 'hall', 'r', 1, 1)"), ==, SQLITE_CONSTRAINT);

  store = rahnuma_store_new (f->officers, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->officers, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (count (f->officers, "SELECT n_rows FROM sync_rejected WHERE kind = 'survey'"), ==, 2);
  g_assert_true (rahnuma_hall_session_record (store, &s, JAN07, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_exec (f->officers, "INSERT INTO sync_rejected VALUES ('0123456789abcdef0123456789abcdef',"
                                          " 'hall', 'r', 1, 1)"), ==, SQLITE_OK);
}

static void
sync_ok (Fixture *f, RahnumaSyncStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_sync_run (f->kiosk, f->officers, stats, NULL, &error));
  g_assert_no_error (error);
}

/* Copied once, every column as the kiosk wrote it; never doubled; a
 * hand-edited row is left out and counted, the rest goes in. */
static void
test_sync_once (Fixture *f, gconstpointer data)
{
  RahnumaHallSession s = good_session ();
  RahnumaSyncStats stats;
  g_autofree char *kiosk_rows = NULL;
  g_autofree char *officers_rows = NULL;

  g_assert_true (record (f->kiosk, &s, JAN07, NULL));
  s.head_count = 12, s.narration = "ps";
  g_assert_true (record (f->kiosk, &s, JAN07 + DAY, NULL));
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_hall, ==, 2);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_hall, ==, 0);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM hall_session"), ==, 2);

  g_assert_true (record (f->kiosk, &s, JAN07 + 2 * DAY, NULL));
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_hall, ==, 1);
  kiosk_rows = rows (f->kiosk);
  officers_rows = rows (f->officers);
  g_assert_cmpstr (officers_rows, ==, kiosk_rows);

  g_assert_true (record (f->kiosk, &s, JAN07 + 3 * DAY, NULL));
  g_assert_true (record (f->kiosk, &s, JAN07 + 4 * DAY, NULL));
  g_assert_cmpint (raw_exec (f->kiosk, "PRAGMA ignore_check_constraints = ON;"
                                       " UPDATE hall_session SET head_count = 5000 WHERE day = '2026-01-11'"),
                   ==, SQLITE_OK);
  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_hall, ==, 1);
  g_assert_cmpuint (stats.n_rejected_hall, ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM hall_session"), ==, 4);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM sync_rejected WHERE kind = 'hall'"), ==, 1);
}

/* Whole days, both ends: the sum of the head counts. */
static void
test_totals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->kiosk, NULL, &error);
  RahnumaHallSession s = good_session ();
  RahnumaHallTotals totals;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      s.head_count = 100 + i;
      g_assert_true (rahnuma_hall_session_record (store, &s, JAN07 + i * DAY + 3600, &error));
    }
  g_assert_true (rahnuma_hall_session_totals (store, G_MININT64, G_MAXINT64, 0, &totals, &error));
  g_assert_cmpint (totals.sessions, ==, 3);
  g_assert_cmpint (totals.people, ==, 303);
  /* [Jan 8 00:00, Jan 9 00:00): Jan 8 only. */
  g_assert_true (rahnuma_hall_session_totals (store, JAN07 + DAY, JAN07 + 2 * DAY, 0, &totals, &error));
  g_assert_cmpint (totals.sessions, ==, 1);
  g_assert_cmpint (totals.people, ==, 101);
  /* The same day in Pakistan (UTC+5), as the dashboard there asks for it:
   * [Jan 8 00:00 PKT, Jan 9 00:00 PKT) is [Jan 7 19:00, Jan 8 19:00) UTC. */
  g_assert_true (rahnuma_hall_session_totals (store, JAN07 + DAY - PKT, JAN07 + 2 * DAY - PKT, PKT, &totals,
                                              &error));
  g_assert_cmpint (totals.sessions, ==, 1);
  g_assert_cmpint (totals.people, ==, 101);
  g_assert_true (rahnuma_hall_session_totals (store, JAN07 + 5 * DAY, G_MAXINT64, 0, &totals, &error));
  g_assert_cmpint (totals.sessions, ==, 0);
  g_assert_cmpint (totals.people, ==, 0);
  g_assert_no_error (error);
}

/* `rahnuma-admin report --db @path --json`, parsed. */
static JsonObject *
report_json (const char *path)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin",
                                             NULL);
  const char *argv[] = { admin, "report", "--db", path, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The report (rahnuma-admin report, text and --json) counts them in its range. */
static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->officers, NULL, &error);
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(JsonObject) json = NULL;
  RahnumaHallSession s = good_session ();

  g_assert_no_error (error);
  s.head_count = 40;
  g_assert_true (rahnuma_hall_session_record (store, &s, JAN07, &error));
  s.head_count = 2;
  g_assert_true (rahnuma_hall_session_record (store, &s, JAN07 + DAY, &error));
  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->hall.sessions, ==, 2);
  g_assert_cmpint (report->hall.people, ==, 42);
  json = report_json (f->officers);
  g_assert_cmpint (json_object_get_int_member (json, "hall_sessions"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json, "hall_people"), ==, 42);
  g_clear_pointer (&report, rahnuma_report_free);
  report = rahnuma_report_new (store, JAN07 + DAY, JAN07 + 2 * DAY, &error);
  g_assert_cmpint (report->hall.sessions, ==, 1);
  g_assert_cmpint (report->hall.people, ==, 2);
}

static char *
export (RahnumaStore *store, RahnumaExportFormat format, gint64 from, gint64 to, gint64 n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_cmpint (rahnuma_hall_session_export_write (store, format, from, to, stream, NULL, &error), ==, n_rows);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* rahnuma-admin export --hall: every column, the lessons quoted in CSV and a
 * list in JSON, by UTC days. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->officers, NULL, &error);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *none = NULL;
  g_auto(GStrv) lines = NULL;
  RahnumaHallSession s = good_session ();

  g_assert_no_error (error);
  g_assert_true (rahnuma_hall_session_record (store, &s, JAN07 + 3600, &error));
  csv = export (store, RAHNUMA_EXPORT_CSV, G_MININT64, G_MAXINT64, 1);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,day,centre,kiosk,modules,narration,subtitles,head_count");
  g_assert_true (g_str_has_suffix (lines[1], ",2026-01-07,LHR,hall-1,\"fees,contract\",ur,ps,87"));
  g_assert_cmpstr (lines[2], ==, "");
  json = export (store, RAHNUMA_EXPORT_JSON, JAN07, JAN07 + DAY, 1);
  g_assert_nonnull (strstr (json, "\"day\": \"2026-01-07\", \"centre\": \"LHR\", \"kiosk\": \"hall-1\","
                                  " \"modules\": [\"fees\", \"contract\"], \"narration\": \"ur\","
                                  " \"subtitles\": \"ps\", \"head_count\": 87}\n]\n"));
  none = export (store, RAHNUMA_EXPORT_JSON, JAN07 + DAY, G_MAXINT64, 0);
  g_assert_cmpstr (none, ==, "[]\n");
}

/* An old row the officers' file holds goes; a recent one stays; nothing
 * goes while no sync reached that file. */
static void
test_prune (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  RahnumaHallSession s = good_session ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  RahnumaSyncStats stats;

  g_assert_true (record (f->kiosk, &s, now - 100 * DAY, NULL));
  g_assert_true (record (f->kiosk, &s, now, NULL));
  store = rahnuma_store_new (f->kiosk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rahnuma_store_prune (store, f->officers, 30, now, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM hall_session"), ==, 2);

  sync_ok (f, &stats);
  g_assert_cmpuint (stats.n_hall, ==, 2);
  g_assert_cmpint (rahnuma_store_prune (store, f->officers, 30, now, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->kiosk, "SELECT count(*) FROM hall_session"), ==, 1);
  g_assert_cmpint (count (f->officers, "SELECT count(*) FROM hall_session"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/hall-session/record", test_record);
  ADD ("/rahnuma/hall-session/refused", test_refused);
  ADD ("/rahnuma/hall-session/check", test_check);
  ADD ("/rahnuma/hall-session/raw-refused", test_raw_refused);
  ADD ("/rahnuma/hall-session/migrate-from-7", test_migrate_from_7);
  ADD ("/rahnuma/hall-session/sync-once", test_sync_once);
  ADD ("/rahnuma/hall-session/totals", test_totals);
  ADD ("/rahnuma/hall-session/report", test_report);
  ADD ("/rahnuma/hall-session/export", test_export);
  ADD ("/rahnuma/hall-session/prune", test_prune);
  return g_test_run ();
}
