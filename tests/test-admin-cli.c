/* test-admin-cli.c — rahnuma-admin behaves the same in every command:
 * --help exits 0, a reversed date range and a bad id are refused with the
 * rule they broke, a demo code says it is demo data, a code typed with
 * spaces is read, a --json answer is JSON whatever the text in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-store.h"
#include "test-util.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_admin (Run *run, const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin",
                                             NULL);
  g_autofree char *command = g_strdup_printf ("%s %s", admin, args);
  g_auto(GStrv) argv = NULL;
  int status;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* As run_admin(), with the arguments as they are: no shell quoting. */
static void
run_admin_argv (Run *run, const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin",
                                             NULL);
  g_auto(GStrv) argv = NULL;
  int status;

  g_strv_builder_add (builder, admin);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* @text parsed as a JSON parser would; fails the test if it is not JSON. */
static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The last element of a --json answer's array. */
static JsonObject *
last_object (JsonNode *root)
{
  JsonArray *array;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  return json_array_get_object_element (array, json_array_get_length (array) - 1);
}

/* The first completion code in @path, read as any SQLite client would. */
static char *
first_code (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *code;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT code FROM session WHERE code IS NOT NULL LIMIT 1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return code;
}

static void
test_help (void)
{
  static const char * const commands[] = {
    "", "sync", "report", "export", "verify", "simulate", "pin", "pin set", "pin status", "module",
    "contacts", "contacts validate",
    "survey report", "survey export",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *args = g_strdup_printf ("%s --help", commands[i]);

      run_admin (&run, args);
      if (run.status != 0)
        g_error ("rahnuma-admin %s exited %d: %s", args, run.status, run.err);
      g_assert_cmpstr (run.out, !=, "");
    }
}

static void
test_rules (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-admin-cli-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *args = NULL;
  g_autofree char *code = NULL;
  g_auto(Run) reversed = { 0 };
  g_auto(Run) bad_kiosk = { 0 };
  g_auto(Run) bad_centre = { 0 };
  g_auto(Run) simulated = { 0 };
  g_auto(Run) verified = { 0 };

  args = g_strdup_printf ("simulate --db %s --sessions 5 --kiosk 'hall 1'", db);
  run_admin (&bad_kiosk, args);
  g_assert_cmpint (bad_kiosk.status, ==, 2);
  g_assert_nonnull (strstr (bad_kiosk.err, "--kiosk must be 1 to 32 letters"));
  g_assert_null (strstr (bad_kiosk.err, "CHECK constraint"));
  g_free (args);
  args = g_strdup_printf ("simulate --db %s --sessions 5 --kiosk k1 --centre ''", db);
  run_admin (&bad_centre, args);
  g_assert_cmpint (bad_centre.status, ==, 2);
  g_assert_nonnull (strstr (bad_centre.err, "--centre must be"));

  g_free (args);
  args = g_strdup_printf ("simulate --db %s --sessions 5 --kiosk k1 --seed 7", db);
  run_admin (&simulated, args);
  g_assert_cmpint (simulated.status, ==, 0);
  g_free (args);
  args = g_strdup_printf ("report --db %s --from 2026-11-20 --to 2026-11-10", db);
  run_admin (&reversed, args);
  g_assert_cmpint (reversed.status, ==, 2);
  g_assert_nonnull (strstr (reversed.err, "is after --to"));
  {
    g_auto(Run) report = { 0 };

    /* Destination countries by name, not ISO code (simulate sends visitors to SA). */
    g_free (args);
    args = g_strdup_printf ("report --db %s", db);
    run_admin (&report, args);
    g_assert_cmpint (report.status, ==, 0);
    g_assert_nonnull (strstr (report.out, "Saudi Arabia"));
    g_assert_null (strstr (report.out, "  SA "));
  }

  /* A demo visit's code, typed with a space and in lower case. */
  code = first_code (db);
  code[5] = ' ';
  for (char *p = code; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  g_free (args);
  args = g_strdup_printf ("verify --db %s '%s'", db, code);
  run_admin (&verified, args);
  g_assert_nonnull (strstr (verified.err, "DEMO DATA"));
  rahnuma_test_remove_tree (dir);
}

static char *
title_as_id (const char *module_id, gpointer user_data)
{
  return NULL;
}

/* verify says the visit's outcome as the officers' dashboard does (one core
 * function, rahnuma_session_info_describe_outcome()): lessons passed of
 * lessons, the path (here after the hall briefing), the lessons to go over. */
static void
test_verify_outcome (void)
{
  static const RahnumaSessionStart start = { "LHE-POE", "kiosk-1", "ur", "1", 1764000000, FALSE, RAHNUMA_PATH_SHORT };
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-admin-verify-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *code = rahnuma_code_generate ();
  g_autofree char *id = NULL;
  g_autofree char *args = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *line = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaSessionInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) verified = { 0 };

  store = rahnuma_store_new (db, NULL, &error);
  g_assert_no_error (error);
  id = rahnuma_store_begin_session (store, &start, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 0.0, 0, 1, FALSE, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 0.0, 1, 1, TRUE, &error));
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               start.started_at + 1800, &error));
  g_assert_no_error (error);
  info = rahnuma_store_lookup_code (store, code, &error);
  g_assert_no_error (error);
  outcome = rahnuma_session_info_describe_outcome (info, title_as_id, NULL);
  g_clear_object (&store);

  args = g_strdup_printf ("verify --db %s %s", db, code);
  run_admin (&verified, args);
  g_assert_cmpint (verified.status, ==, 0);
  g_assert_cmpstr (outcome, ==, "1 of 2 lessons passed. After the hall briefing: each lesson’s questions only. "
                                "To go over with the visitor: contract.");
  line = g_strdup_printf ("  Outcome:        %s\n", outcome);
  g_assert_nonnull (strstr (verified.out, line));
  rahnuma_test_remove_tree (dir);
}

/* contacts validate: warnings exit 0, errors 1 with file:line, no file 2. */
static void
test_contacts (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-admin-contacts-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "contacts.ini", NULL);
  g_autofree char *bundled = g_build_filename (g_getenv ("RAHNUMA_SOURCE_DIR"), "media", "contacts.ini", NULL);
  g_autofree char *args = g_strdup_printf ("contacts validate %s", bundled);
  g_autofree char *expected = NULL;
  g_auto(Run) shipped = { 0 };
  g_auto(Run) broken = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *problem;

  /* The bundled file: placeholders for every number, listed, and no error. */
  run_admin (&shipped, args);
  g_assert_cmpint (shipped.status, ==, 0);
  g_assert_nonnull (strstr (shipped.out, "Phone still holds a placeholder: @FILL-IN: the Protector"));
  g_assert_nonnull (strstr (shipped.out, "\n0 error(s)"));

  g_assert_true (g_file_set_contents (path, "[PK/a]\nName=A\nHelpsWith=B\nPhone=0300 CALL NOW\n", -1, NULL));
  g_free (args);
  args = g_strdup_printf ("contacts validate %s", path);
  run_admin (&broken, args);
  g_assert_cmpint (broken.status, ==, 1);
  expected = g_strdup_printf ("%s:4: error: Phone", path);
  g_assert_nonnull (strstr (broken.out, expected));

  g_free (args);
  args = g_strdup_printf ("contacts validate --json %s", path);
  run_admin (&json, args);
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  problem = last_object (root);
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (problem, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "bad-phone");
  g_assert_cmpstr (json_object_get_string_member (problem, "file"), ==, path);

  g_free (args);
  args = g_strdup_printf ("contacts validate %s/none.ini", dir);
  run_admin (&missing, args);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "There is no file"));
  rahnuma_test_remove_tree (dir);
}

/* A --json answer holding text that JSON must escape (a quote, a backslash,
 * a tab, a control character) and Urdu, here in the file's path: a JSON
 * parser reads back the very same bytes. */
static void
test_json_escapes (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-admin-cli-XXXXXX");
  g_autofree char *odd = g_build_filename (dir, "say \"hi\" C:\\kiosk\t\001 رابطے", NULL);
  g_autofree char *path = g_build_filename (odd, "contacts.ini", NULL);
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *problem;

  g_assert_cmpint (g_mkdir (odd, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "[PK/a]\nName=A\nHelpsWith=B\nPhone=0300 CALL NOW\n", -1, NULL));
  run_admin_argv (&json, (const char * const[]) { "contacts", "validate", "--json", path, NULL });
  g_assert_cmpint (json.status, ==, 1);
  root = parse_json (json.out);
  problem = last_object (root);
  g_assert_cmpstr (json_object_get_string_member (problem, "file"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (problem, "key"), ==, "Phone");
  /* A problem with no key (a language missing from the group) says null. */
  g_assert_true (json_node_is_null (json_object_get_member (
    json_array_get_object_element (json_node_get_array (root), 0), "key")));
  rahnuma_test_remove_tree (dir);
}

/* rahnuma-admin survey: a report from simulated answers with a rates file,
 * a rates file without a date refused with what to fix, the export with
 * its header, and a missing verb refused. */
static void
test_survey (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-admin-cli-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *rates = g_build_filename (dir, "rates.ini", NULL);
  g_autofree char *undated = g_build_filename (dir, "undated.ini", NULL);
  g_autofree char *args = NULL;
  g_auto(Run) simulated = { 0 };
  g_auto(Run) report = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) bad_rates = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) no_verb = { 0 };
  g_autoptr(JsonNode) root = NULL;

  g_assert_true (g_file_set_contents (rates, "[rates]\ndate=2026-11-01\nsource=test, not real rates\nSAR=75\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (undated, "[rates]\nsource=test\nSAR=75\n", -1, NULL));
  args = g_strdup_printf ("simulate --db %s --sessions 300 --kiosk k1 --seed 7", db);
  run_admin (&simulated, args);
  g_assert_cmpint (simulated.status, ==, 0);

  g_free (args);
  args = g_strdup_printf ("survey report --db %s --rates %s", db, rates);
  run_admin (&report, args);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "DEMO DATA"));
  g_assert_nonnull (strstr (report.out, "Exchange rates of 2026-11-01, from: test, not real rates"));
  g_assert_nonnull (strstr (report.out, "Saudi Arabia"));
  g_assert_nonnull (strstr (report.out, "not the survey-based SDG 10.7.1 figure"));

  g_free (args);
  args = g_strdup_printf ("survey report --db %s --json", db);
  run_admin (&json, args);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "min_cell"), ==, 5);
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (root), "rates_date")));
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (root),
                                                                                  "all"), "suppressed"));

  g_free (args);
  args = g_strdup_printf ("survey report --db %s --rates %s", db, undated);
  run_admin (&bad_rates, args);
  g_assert_cmpint (bad_rates.status, ==, 1);
  g_assert_nonnull (strstr (bad_rates.err, "no date=YYYY-MM-DD"));

  g_free (args);
  args = g_strdup_printf ("survey export --db %s", db);
  run_admin (&exported, args);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_str_has_prefix (exported.out, "id,week,destination,sector,found_via,cost_answer,cost_pkr,"));

  run_admin (&no_verb, "survey");
  g_assert_cmpint (no_verb.status, ==, 2);
  rahnuma_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/admin-cli/help", test_help);
  g_test_add_func ("/rahnuma/admin-cli/rules", test_rules);
  g_test_add_func ("/rahnuma/admin-cli/contacts", test_contacts);
  g_test_add_func ("/rahnuma/admin-cli/json-escapes", test_json_escapes);
  g_test_add_func ("/rahnuma/admin-cli/survey", test_survey);
  g_test_add_func ("/rahnuma/admin-cli/verify-outcome", test_verify_outcome);
  return g_test_run ();
}
