/* test-clock.c — visits recorded while the kiosk's clock is wrong (issue 13, item 7)
 *
 * A real clock set to 1969, 2001 and 2099 with faketime, around a small
 * program that records a visit the kiosk's way (tests/clock-visit.c); then
 * a visit with the true clock. The three are flagged and kept out of the
 * counts, the fourth is normal, and every way an officer looks at records
 * (report, dashboard, export, verify, sync) says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rahnuma-dashboard.h"
#include "rahnuma-export.h"
#include "rahnuma-report.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"
#include "test-util.h"

static const char * const wrong_clocks[] = {
  "1969-07-20 20:17:00", "2001-06-01 10:00:00", "2099-03-01 10:00:00",
};

typedef struct
{
  char *dir;
  char *journal;
  char *codes[G_N_ELEMENTS (wrong_clocks)];
  char *good_code;
} Fixture;

static char *
program_path (const char *folder, const char *name)
{
  const char *build_dir = g_getenv ("RAHNUMA_BUILD_DIR");

  g_assert_nonnull (build_dir);
  return g_build_filename (build_dir, folder, name, NULL);
}

/* Runs @argv; G_DEBUG is dropped, so the one g_warning is logged, not fatal;
 * ASan need not come first when faketime is preloaded. */
static char *
run (const char * const *argv, char **err, int *status)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=0", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

static char *
record_visit (Fixture *f, const char *clock)
{
  g_autofree char *program = program_path ("tests", "clock-visit");
  const char *faked[] = { "faketime", clock, program, f->journal, NULL };
  const char *plain[] = { program, f->journal, NULL };
  g_autofree char *err = NULL;
  char *out;
  int status;

  out = run (clock != NULL ? faked : plain, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (strlen (out), ==, 12); /* the code and a line end */
  out[11] = '\0';
  return out;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *faketime = g_find_program_in_path ("faketime");

  f->dir = rahnuma_test_make_tmpdir ("rahnuma-clock-XXXXXX");
  f->journal = g_build_filename (f->dir, "journal.db", NULL);
  if (faketime == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (wrong_clocks); i++)
    f->codes[i] = record_visit (f, wrong_clocks[i]);
  f->good_code = record_visit (f, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  for (guint i = 0; i < G_N_ELEMENTS (wrong_clocks); i++)
    g_free (f->codes[i]);
  g_free (f->good_code);
  g_free (f->journal);
  g_free (f->dir);
}

static gboolean
skip_without_faketime (void)
{
  g_autofree char *path = g_find_program_in_path ("faketime");

  if (path != NULL)
    return FALSE;
  g_test_skip ("faketime is not installed (Debian package faketime)");
  return TRUE;
}

static RahnumaStore *
open_journal (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RahnumaStore *store = rahnuma_store_new_full (f->journal, RAHNUMA_STORE_MUST_EXIST, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
flag_of (const char *path, const char *code)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 flag;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT clock_suspect FROM session WHERE code = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  flag = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return flag;
}

/* Each wrong-clock visit is flagged, the good one is not. */
static void
test_flagged (Fixture *f, gconstpointer data)
{
  if (skip_without_faketime ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (wrong_clocks); i++)
    g_assert_cmpint (flag_of (f->journal, f->codes[i]), ==, 1);
  g_assert_cmpint (flag_of (f->journal, f->good_code), ==, 0);
}

/* The technician log says it, once per run. */
static void
test_logged (Fixture *f, gconstpointer data)
{
  g_autofree char *program = program_path ("tests", "clock-visit");
  const char *argv[] = { "faketime", "2099-03-01 10:00:00", program, f->journal, NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  if (skip_without_faketime ())
    return;
  out = run (argv, &err, &status);
  g_assert_cmpint (status, ==, 0);
  /* Begin and finish both found the clock wrong; the log says so once. */
  g_assert_nonnull (strstr (err, "clock is wrong: it says 2099-03-01"));
  g_assert_null (strstr (strstr (err, "clock is wrong") + 1, "clock is wrong"));
}

/* Today's report holds only the good visit, and counts the others apart. */
static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaReport) today = NULL;
  g_autoptr(RahnumaReport) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 day = now - now % 86400;

  if (skip_without_faketime ())
    return;
  store = open_journal (f);
  today = rahnuma_report_new (store, day, day + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpint (today->sessions, ==, 1);
  g_assert_cmpint (today->completed, ==, 1);
  g_assert_cmpint (today->quizzes_taken, ==, 1);
  g_assert_cmpint (today->wrong_clock_sessions, ==, 3);
  all = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->sessions, ==, 1);
  g_assert_cmpint (all->wrong_clock_sessions, ==, 3);
}

/* rahnuma-admin report says the clock is wrong, and its JSON counts them. */
static void
test_admin_report (Fixture *f, gconstpointer data)
{
  g_autofree char *admin = program_path ("src/tools", "rahnuma-admin");
  const char *text_argv[] = { admin, "report", "--db", f->journal, NULL };
  const char *json_argv[] = { admin, "report", "--db", f->journal, "--json", NULL };
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *report;
  int status;

  if (skip_without_faketime ())
    return;
  text = run (text_argv, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "THE KIOSK’S CLOCK IS WRONG: 3 visits"));
  json = run (json_argv, &err2, &status);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (report, "sessions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "wrong_clock_sessions"), ==, 3);
}

/* verify never shows the wrong clock's date as the visit's. */
static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autofree char *admin = program_path ("src/tools", "rahnuma-admin");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (skip_without_faketime ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (wrong_clocks); i++)
    {
      const char *argv[] = { admin, "verify", "--db", f->journal, f->codes[i], NULL };
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      g_autofree char *year = g_strndup (wrong_clocks[i], 4);
      int status;

      out = run (argv, &err, &status);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out, "is a real completion code"));
      g_assert_nonnull (strstr (out, "Visit started:  unknown: the kiosk’s clock was wrong"));
      g_assert_null (strstr (out, year));
    }
  {
    const char *argv[] = { admin, "verify", "--db", f->journal, f->good_code, NULL };
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status;

    out = run (argv, &err, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, today));
    g_assert_null (strstr (out, "clock was wrong"));
  }
}

/* The dashboard's totals: today has the good visit; the rest counted apart. */
static void
test_dashboard (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  RahnumaDashboardTotals totals;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 day = now - now % 86400;

  if (skip_without_faketime ())
    return;
  store = open_journal (f);
  g_assert_true (rahnuma_dashboard_prepare (store, 0, &error));
  g_assert_no_error (error);
  g_assert_true (rahnuma_dashboard_totals (store, day, day + 86400, 0, &totals, &error));
  g_assert_cmpint (totals.sessions, ==, 1);
  g_assert_cmpint (totals.wrong_clock_sessions, ==, 3);
  /* No day of the chart over a century holds a wrong-clock visit. */
  days = rahnuma_dashboard_chart (store, RAHNUMA_DASHBOARD_PER_DAY, -G_GINT64_CONSTANT (86400) * 366,
                                  G_GINT64_CONSTANT (4200000000), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
}

/* The export puts them last, marked; sync carries the mark to the officers. */
static void
test_export_and_sync (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *officers = g_build_filename (f->dir, "officers.db", NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *good_prefix = NULL;
  const char *csv;

  if (skip_without_faketime ())
    return;
  store = open_journal (f);
  g_assert_cmpint (rahnuma_export_write (store, RAHNUMA_EXPORT_CSV, G_MININT64, G_MAXINT64, 0, stream,
                                         NULL, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  csv = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6); /* header, 4 rows, "" */
  g_assert_true (g_str_has_suffix (lines[0], ",clock_wrong,path"));
  good_prefix = g_strdup_printf ("\"%s\",", f->good_code);
  g_assert_true (g_str_has_prefix (lines[1], good_prefix));
  g_assert_true (g_str_has_suffix (lines[1], ",no,no,\"full\""));
  for (guint i = 2; i < 5; i++)
    g_assert_true (g_str_has_suffix (lines[i], ",no,yes,\"full\""));

  g_assert_true (rahnuma_sync_run (f->journal, officers, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (wrong_clocks); i++)
    g_assert_cmpint (flag_of (officers, f->codes[i]), ==, 1);
  g_assert_cmpint (flag_of (officers, f->good_code), ==, 0);
}

static gint64
count_flagged (const char *path, int flag)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM session WHERE clock_suspect = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, flag);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* rahnuma-admin simulate under a wrong clock: every visit flagged; with the
 * true clock, visits dated in the past days are not (it is the clock that
 * is judged, not the time a caller chose). */
static void
test_simulate (Fixture *f, gconstpointer data)
{
  g_autofree char *admin = program_path ("src/tools", "rahnuma-admin");
  g_autofree char *wrong = g_build_filename (f->dir, "wrong.db", NULL);
  g_autofree char *right = g_build_filename (f->dir, "right.db", NULL);
  const char *faked[] = { "faketime", "2099-03-01 10:00:00", admin, "simulate", "--db", wrong,
                          "--kiosk", "K1", "--sessions", "20", NULL };
  const char *plain[] = { admin, "simulate", "--db", right, "--kiosk", "K1", "--sessions", "20", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  int status;

  if (skip_without_faketime ())
    return;
  out = run (faked, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (count_flagged (wrong, 1), ==, 20);
  g_assert_nonnull (strstr (err, "clock is wrong"));
  out2 = run (plain, &err2, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (count_flagged (right, 0), ==, 20);
  g_assert_null (strstr (err2, "clock is wrong"));
}

/* The rule itself, at its edges. */
static void
test_rule (void)
{
  gint64 built = RAHNUMA_BUILD_TIME;

  g_assert_true (rahnuma_store_clock_is_wrong (built - 1, 0));
  g_assert_false (rahnuma_store_clock_is_wrong (built, 0));
  g_assert_false (rahnuma_store_clock_is_wrong (built + RAHNUMA_STORE_CLOCK_AHEAD, 0));
  g_assert_true (rahnuma_store_clock_is_wrong (built + RAHNUMA_STORE_CLOCK_AHEAD + 1, 0));
  /* Records with a good clock move the limit on. */
  g_assert_false (rahnuma_store_clock_is_wrong (built + RAHNUMA_STORE_CLOCK_AHEAD + 1,
                                                built + 86400));
  g_assert_true (rahnuma_store_clock_is_wrong (-14212800, built)); /* 1969 */
  g_assert_true (rahnuma_store_clock_is_wrong (4076042400, built)); /* 2099 */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/clock/rule", test_rule);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/clock/flagged", test_flagged);
  ADD ("/rahnuma/clock/logged", test_logged);
  ADD ("/rahnuma/clock/report", test_report);
  ADD ("/rahnuma/clock/admin-report", test_admin_report);
  ADD ("/rahnuma/clock/verify", test_verify);
  ADD ("/rahnuma/clock/dashboard", test_dashboard);
  ADD ("/rahnuma/clock/export-and-sync", test_export_and_sync);
  ADD ("/rahnuma/clock/simulate", test_simulate);
#undef ADD
  return g_test_run ();
}
