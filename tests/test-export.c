/* test-export.c — CSV and JSON export, and rahnuma-admin export/verify
 *
 * The CSV is read back by Python's csv module, as an officer's script would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-export.h"
#include "rahnuma-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
  char *code;      /* of the completed real session */
  char *demo_code; /* of the completed demo session */
} Fixture;

#define DAY1 1764000000 /* 2025-11-24 16:00 UTC */
#define DAY 86400

static char *
add_session (RahnumaStore *store, const char *language, gint64 started_at, gboolean demo,
             RahnumaSessionState state, guint n_modules)
{
  g_autoptr(GError) error = NULL;
  /* The Punjabi visitor was in the hall briefing: the short path. */
  RahnumaSessionStart start = { "LHE-POE", "K1", language, "v1", started_at, demo,
                                g_str_equal (language, "pa_PK") ? RAHNUMA_PATH_SHORT : RAHNUMA_PATH_FULL };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
  char *code = state == RAHNUMA_SESSION_COMPLETED ? rahnuma_code_generate () : NULL;

  g_assert_no_error (error);
  for (guint m = 0; m < n_modules; m++)
    {
      const char *module = m == 0 ? "contract" : "fees";

      g_assert_true (rahnuma_store_record_module (store, id, module, 1, 1.0, m + 1, 3, m > 0, &error));
    }
  if (state != RAHNUMA_SESSION_ACTIVE)
    g_assert_true (rahnuma_store_finish_session (store, id, state, code, started_at + 1800, &error));
  g_assert_no_error (error);
  return code;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-export-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "officers.db", NULL);
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);

  f->code = add_session (store, "ur", DAY1, FALSE, RAHNUMA_SESSION_COMPLETED, 2);
  g_free (add_session (store, "pa_PK", DAY1 + DAY, FALSE, RAHNUMA_SESSION_ABANDONED, 1));
  g_free (add_session (store, "ps", DAY1 + 2 * DAY, FALSE, RAHNUMA_SESSION_ABANDONED, 0));
  f->demo_code = add_session (store, "en", DAY1 + 3 * DAY, TRUE, RAHNUMA_SESSION_COMPLETED, 2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->code);
  g_free (f->demo_code);
}

static char *
export_to_file (Fixture *f, RahnumaExportFormat format, gint64 from, gint64 to, gint64 *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  char *out = g_build_filename (f->dir, format == RAHNUMA_EXPORT_CSV ? "out.csv" : "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

  g_assert_no_error (error);
  /* Pakistan: UTC + 5 h, no daylight saving time. */
  *n = rahnuma_export_write (store, format, from, to, 5 * 3600, G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  return out;
}

/* Runs python3 with @script and @args; returns its stdout, or NULL (and
 * skips the test) without python3. */
static char *
run_python (const char *script, const char *arg1, const char *arg2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  const char *argv[] = { python, "-c", script, arg1, arg2, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 failed: %s", err);
  return out;
}

/* Reads the CSV strictly and prints each row's fields joined by '|'. */
static const char csv_reader[] =
  "import csv, sys\n"
  "data = open(sys.argv[1], 'rb').read()\n"
  "assert data.count(b'\\r\\n') == data.count(b'\\n'), 'every line ends with CRLF'\n"
  "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
  "    rows = list(csv.reader(f, strict=True))\n"
  "assert len({len(r) for r in rows}) == 1, 'every row has the same number of fields'\n"
  "for r in rows: print('|'.join(r))\n";

static void
test_csv (Fixture *f, gconstpointer data)
{
  gint64 n;
  g_autofree char *csv = export_to_file (f, RAHNUMA_EXPORT_CSV, G_MININT64, G_MAXINT64, &n);
  g_autofree char *out = run_python (csv_reader, csv, NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *first = NULL;

  if (out == NULL)
    return;
  g_assert_cmpint (n, ==, 4);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6); /* header, 4 rows, "" */
  g_assert_cmpstr (lines[0], ==, "code|language|started_at|ended_at|started_local|ended_local|state|modules|"
                                 "modules_passed|correct|questions|score|centre|kiosk|catalog_version|demo|"
                                 "clock_wrong|path");
  /* UTC for programs, then the centre's time (+5 h) as a spreadsheet reads dates. */
  first = g_strdup_printf ("%s|ur|2025-11-24T16:00Z|2025-11-24T16:30Z|2025-11-24 21:00|2025-11-24 21:30|"
                           "completed|2|1|3|6|50.0|LHE-POE|K1|v1|no|no|full", f->code);
  g_assert_cmpstr (lines[1], ==, first);
  g_assert_cmpstr (lines[2], ==, "|pa_PK|2025-11-25T16:00Z|2025-11-25T16:30Z|2025-11-25 21:00|2025-11-25 21:30|"
                                 "abandoned|1|0|1|3|33.3|LHE-POE|K1|v1|no|no|short");
  /* No module reached: no score, rather than a misleading 0. */
  g_assert_cmpstr (lines[3], ==, "|ps|2025-11-26T16:00Z|2025-11-26T16:30Z|2025-11-26 21:00|2025-11-26 21:30|"
                                 "abandoned|0|0|0|0||LHE-POE|K1|v1|no|no|full");
  g_assert_true (g_str_has_suffix (lines[4], "|yes|no|full"));
}

static void
test_range (Fixture *f, gconstpointer data)
{
  gint64 n, from, to;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (rahnuma_export_parse_date ("2025-11-25", &from));
  g_assert_true (rahnuma_export_parse_date ("2025-11-26", &to));
  g_assert_false (rahnuma_export_parse_date ("2025-02-30", &to));
  g_assert_false (rahnuma_export_parse_date ("25-11-2025x", &to));
  g_assert_false (rahnuma_export_parse_date ("2025-11-26 ", &to));
  g_assert_true (rahnuma_export_parse_date ("2025-11-26", &to));
  csv = export_to_file (f, RAHNUMA_EXPORT_CSV, from, to + DAY, &n);
  g_assert_cmpint (n, ==, 2);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ",\"pa_PK\","));
  g_assert_nonnull (strstr (contents, ",\"ps\","));
  g_assert_null (strstr (contents, ",\"ur\","));
}

/* The JSON has the same rows as the CSV, value for value. */
static const char json_vs_csv[] =
  "import csv, json, sys\n"
  "rows = json.load(open(sys.argv[1], encoding='utf-8'))\n"
  "table = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))\n"
  "assert len(rows) == len(table) == 4, (len(rows), len(table))\n"
  "def text(v):\n"
  "    if v is None: return ''\n"
  "    if v is True: return 'yes'\n"
  "    if v is False: return 'no'\n"
  "    if isinstance(v, float): return '%.1f' % v\n"
  "    return str(v)\n"
  "for j, c in zip(rows, table):\n"
  "    assert list(j.keys()) == list(c.keys()), (j.keys(), c.keys())\n"
  "    for k in c: assert text(j[k]) == c[k], (k, j[k], c[k])\n"
  "print('same')\n";

static void
test_json (Fixture *f, gconstpointer data)
{
  gint64 n;
  g_autofree char *csv = export_to_file (f, RAHNUMA_EXPORT_CSV, G_MININT64, G_MAXINT64, &n);
  g_autofree char *json = export_to_file (f, RAHNUMA_EXPORT_JSON, G_MININT64, G_MAXINT64, &n);
  g_autofree char *out = run_python (json_vs_csv, json, csv);

  if (out == NULL)
    return;
  g_assert_cmpstr (out, ==, "same\n");
}

static void
test_json_empty (Fixture *f, gconstpointer data)
{
  gint64 n;
  g_autofree char *json = export_to_file (f, RAHNUMA_EXPORT_JSON, 0, 1, &n);
  g_autofree char *contents = NULL;

  g_assert_cmpint (n, ==, 0);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "[]\n");
}

/* ---- the command line ------------------------------------------------ */

static int
run_admin (const char * const *args, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, admin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_export (Fixture *f, gconstpointer data)
{
  const char *args[] = { "export", "--db", f->path, "--format", "csv", "--from", "2025-11-25",
                         "--to", "2025-11-25", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_admin (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "code,language,"));
  g_assert_nonnull (strstr (out, ",\"pa_PK\","));
  g_assert_null (strstr (out, ",\"ps\","));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  args[4] = "xml";
  g_assert_cmpint (run_admin (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "xml"));
}

static void
test_cli_export_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nothing.db", NULL);
  const char *args[] = { "export", "--db", missing, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_admin (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "nothing.db"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli_verify (Fixture *f, gconstpointer data)
{
  const char *args[] = { "verify", "--db", f->path, NULL, NULL };
  g_autofree char *lower = g_ascii_strdown (f->code, -1);
  char typo[32];
  char *out = NULL;
  char *err = NULL;

  /* A real code, typed in lower case and without the dash. */
  memcpy (typo, lower, 5);
  g_strlcpy (typo + 5, lower + 6, sizeof typo - 5);
  args[3] = typo;
  g_assert_cmpint (run_admin (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, f->code));
  g_assert_nonnull (strstr (out, "Urdu"));
  g_assert_nonnull (strstr (out, "fees"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One symbol changed: the check symbol catches it. */
  g_strlcpy (typo, f->code, sizeof typo);
  typo[2] = typo[2] == '7' ? '8' : '7';
  args[3] = typo;
  g_assert_cmpint (run_admin (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "typo"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Well formed but never given here. */
  args[3] = NULL;
  do
    {
      g_free ((char *) args[3]);
      args[3] = rahnuma_code_generate ();
    }
  while (g_str_equal (args[3], f->code) || g_str_equal (args[3], f->demo_code));
  g_assert_cmpint (run_admin (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no visit"));
  g_free ((char *) args[3]);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Demo data is never accepted as a real visit. */
  args[3] = f->demo_code;
  g_assert_cmpint (run_admin (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "DEMO"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  args[3] = "hello";
  g_assert_cmpint (run_admin (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not a completion code"));
  g_free (out);
  g_free (err);
}

/* A code given after 0 of 0 lessons (by a kiosk with none on offer) is
 * never called real. */
static void
test_cli_verify_no_lessons (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *code = NULL;
  const char *args[] = { "verify", "--db", f->path, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  code = add_session (store, "ur", DAY1 + 4 * DAY, FALSE, RAHNUMA_SESSION_COMPLETED, 0);
  g_clear_object (&store);
  args[3] = code;
  g_assert_cmpint (run_admin (args, &out, &err), ==, 1);
  g_assert_null (strstr (out, "is a real completion code"));
  g_assert_nonnull (strstr (err, "no lesson"));
  g_assert_nonnull (strstr (err, "not a real completion code"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/export/csv", test_csv);
  ADD ("/rahnuma/export/range", test_range);
  ADD ("/rahnuma/export/json", test_json);
  ADD ("/rahnuma/export/json-empty", test_json_empty);
  ADD ("/rahnuma/export/cli", test_cli_export);
  ADD ("/rahnuma/export/cli-missing", test_cli_export_missing);
  ADD ("/rahnuma/verify/cli", test_cli_verify);
  ADD ("/rahnuma/verify/cli-no-lessons", test_cli_verify_no_lessons);
#undef ADD

  return g_test_run ();
}
