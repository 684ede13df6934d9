/* test-report.c — the officers' summary and its small-cell suppression
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-report.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

#define T0 1764000000

typedef struct
{
  const char *language;
  guint n_sessions;
  guint n_completed;
} LanguageRows;

/* 37 sessions: Pashto (3) is under 5, and so is Punjabi's completed (4). */
static const LanguageRows languages[] = {
  { "ur", 20, 15 },
  { "en", 8, 6 },
  { "pa_PK", 6, 4 },
  { "ps", 3, 2 },
};

static void
add_session (RahnumaStore *store, const char *language, gboolean completed, gboolean woman,
             gboolean demo)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = { "LHE-POE", "K1", language, "v1", T0, demo };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *code = completed ? rahnuma_code_generate () : NULL;

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 0.8, 3, 3, completed, &error));
  if (woman)
    g_assert_true (rahnuma_store_set_gender (store, id, "woman", &error));
  g_assert_true (rahnuma_store_finish_session (store, id, completed ? RAHNUMA_SESSION_COMPLETED
                                                                    : RAHNUMA_SESSION_ABANDONED,
                                               code, T0 + 1800, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  guint n = 0;

  f->dir = g_dir_make_tmp ("rahnuma-report-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "officers.db", NULL);
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_store_begin_batch (store, &error));
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; i < languages[l].n_sessions; i++)
      add_session (store, languages[l].language, i < languages[l].n_completed, n++ < 2, FALSE);
  g_assert_true (rahnuma_store_end_batch (store, TRUE, &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static RahnumaReport *
make_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  RahnumaReport *report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);

  g_assert_no_error (error);
  return report;
}

static const RahnumaReportBreakdown *
find_breakdown (RahnumaReport *report, const char *name)
{
  for (guint i = 0; i < report->breakdowns->len; i++)
    {
      const RahnumaReportBreakdown *breakdown = g_ptr_array_index (report->breakdowns, i);

      if (g_str_equal (breakdown->name, name))
        return breakdown;
    }
  g_assert_not_reached ();
}

static const RahnumaReportRow *
find_row (RahnumaReport *report, const char *breakdown, const char *key)
{
  const RahnumaReportBreakdown *b = find_breakdown (report, breakdown);

  for (guint i = 0; i < b->rows->len; i++)
    {
      const RahnumaReportRow *row = g_ptr_array_index (b->rows, i);

      if (g_str_equal (row->key, key))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_totals (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaReport) report = make_report (f);

  g_assert_cmpint (report->sessions, ==, 37);
  g_assert_cmpint (report->completed, ==, 27);
  g_assert_cmpint (report->abandoned, ==, 10);
  g_assert_cmpint (report->active, ==, 0);
  g_assert_cmpint (report->demo_sessions, ==, 0);
  g_assert_cmpint (report->quizzes_taken, ==, 37);
  g_assert_cmpint (report->quizzes_passed, ==, 27);
}

static void
test_suppression (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaReport) report = make_report (f);
  const RahnumaReportRow *row;

  row = find_row (report, "language", "ur");
  g_assert_cmpint (row->count, ==, 20);
  g_assert_cmpint (row->part, ==, 15);
  row = find_row (report, "language", "en");
  g_assert_cmpint (row->count, ==, 8);
  g_assert_cmpint (row->part, ==, 6);

  /* 3 sessions: hidden, with what they completed. */
  row = find_row (report, "language", "ps");
  g_assert_cmpint (row->count, ==, RAHNUMA_REPORT_SUPPRESSED);
  g_assert_cmpint (row->part, ==, RAHNUMA_REPORT_SUPPRESSED);
  /* 6 sessions is enough, but as the only other hidden cell Pashto's 3 could
   * be worked out as 37 − 20 − 8 − 6: the next smallest is hidden too. */
  row = find_row (report, "language", "pa_PK");
  g_assert_cmpint (row->count, ==, RAHNUMA_REPORT_SUPPRESSED);
  /* 4 completed: under 5. */
  g_assert_cmpint (row->part, ==, RAHNUMA_REPORT_SUPPRESSED);

  /* Two women: hidden, and "prefer not to say" with them, or 37 − 35 gives it away. */
  row = find_row (report, "gender", "woman");
  g_assert_cmpint (row->count, ==, RAHNUMA_REPORT_SUPPRESSED);
  row = find_row (report, "gender", "unsaid");
  g_assert_cmpint (row->count, ==, RAHNUMA_REPORT_SUPPRESSED);

  row = find_row (report, "module", "contract");
  g_assert_cmpint (row->count, ==, 37);
  g_assert_cmpint (row->part, ==, 27);
  g_assert_cmpfloat_with_epsilon (row->watched, 0.8, 1e-9);
}

static char *run_admin (const char * const *args, int *exit_status);

static void
add_answer (RahnumaStore *store, const char *destination, const char *sector, gint64 when)
{
  g_autoptr(GError) error = NULL;
  RahnumaSurveyAnswers a = { .destination = destination, .sector = sector };

  g_assert_true (rahnuma_store_add_survey (store, &a, when, &error));
  g_assert_no_error (error);
}

static JsonObject *report_json_row (const char *path, const char *name, const char *key);

/* Destination and sector are counted from survey answers (the visit no
 * longer holds them): in the weeks the range touches, as answers with no
 * completion, small groups hidden; an answer from another week is not in. */
static void
test_survey_categories (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(JsonObject) sa = NULL;
  g_autoptr(JsonObject) qa = NULL;
  const char *args[] = { "report", "--db", f->path, NULL };
  g_autofree char *text = NULL;
  const RahnumaReportRow *row;
  int status;

  for (guint i = 0; i < 7; i++)
    add_answer (store, "SA", i < 6 ? "driving" : "domestic", T0);
  add_answer (store, "QA", "driving", T0);
  add_answer (store, "GB", "unsaid", T0);
  for (guint i = 0; i < 6; i++)
    add_answer (store, "AE", "construction", T0 + 21 * 86400);
  report = rahnuma_report_new (store, T0 - 3600, T0 + 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->sessions, ==, 37);
  row = find_row (report, "destination", "SA");
  g_assert_cmpint (row->count, ==, 7);
  g_assert_cmpint (row->part, ==, RAHNUMA_REPORT_SUPPRESSED);
  g_assert_cmpint (find_row (report, "destination", "QA")->count, ==, RAHNUMA_REPORT_SUPPRESSED);
  g_assert_cmpuint (find_breakdown (report, "destination")->rows->len, ==, 3);
  g_assert_cmpint (find_row (report, "sector", "driving")->count, ==, 7);
  g_assert_cmpstr (find_breakdown (report, "sector")->count_key, ==, "answers");
  /* --json over all the records: a count of answers, no part, no rate. */
  sa = report_json_row (f->path, "destination", "SA");
  g_assert_cmpint (json_object_get_int_member (sa, "answers"), ==, 7);
  g_assert_false (json_object_has_member (sa, "completed"));
  g_assert_false (json_object_has_member (sa, "rate"));
  qa = report_json_row (f->path, "destination", "QA");
  g_assert_true (json_node_is_null (json_object_get_member (qa, "answers")));
  g_clear_pointer (&report, rahnuma_report_free);
  /* Over all the records, the later week's answers are in too. */
  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpint (find_row (report, "destination", "AE")->count, ==, 6);
  text = run_admin (args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "By destination country (survey answers)"));
  g_assert_nonnull (strstr (text, "By job sector (survey answers)"));
}

/* The one small-cell rule, on one column: a count under 5 is hidden; if
 * that hides exactly one, the next smallest count above 0 goes too (a
 * hidden 0 would leave the first one known from the total). */
static void
test_suppress_cells (void)
{
  gint64 column[] = { 20, 3, 0, 9 };
  gint64 *cells[] = { &column[0], &column[1], &column[2], &column[3] };
  gint64 big[] = { 20, 30 };
  gint64 *big_cells[] = { &big[0], &big[1] };
  gint64 two[] = { 2, 3, 40 };
  gint64 *two_cells[] = { &two[0], &two[1], &two[2] };

  g_assert_cmpuint (rahnuma_report_suppress_cells (cells, G_N_ELEMENTS (cells)), ==, 3);
  g_assert_cmpint (column[0], ==, 20);
  g_assert_cmpint (column[1], ==, RAHNUMA_REPORT_SUPPRESSED);
  g_assert_cmpint (column[2], ==, 0);
  g_assert_cmpint (column[3], ==, RAHNUMA_REPORT_SUPPRESSED);

  g_assert_cmpuint (rahnuma_report_suppress_cells (big_cells, G_N_ELEMENTS (big_cells)), ==, G_MAXUINT);
  g_assert_cmpint (big[0], ==, 20);
  g_assert_cmpint (big[1], ==, 30);

  /* Two hidden already: neither total gives one away. */
  g_assert_cmpuint (rahnuma_report_suppress_cells (two_cells, G_N_ELEMENTS (two_cells)), ==, G_MAXUINT);
  g_assert_cmpint (two[2], ==, 40);
}

static char *
run_admin (const char * const *args, int *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools",
                                             "rahnuma-admin", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *out = NULL;
  int status;

  g_ptr_array_add (argv, admin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

/* The "per_@name" row of `rahnuma-admin report --db @path --json` whose
 * @name is @key, read with a JSON parser. */
static JsonObject *
report_json_row (const char *path, const char *name, const char *key)
{
  const char *args[] = { "report", "--db", path, "--json", NULL };
  g_autofree char *json = NULL;
  g_autofree char *member = g_strconcat ("per_", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  int status;

  json = run_admin (args, &status);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), member);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, name), key) == 0)
        return json_object_ref (row);
    }
  g_error ("no %s %s in %s", name, key, json);
}

static void
test_suppress_small_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rahnuma-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "one.db", NULL);
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(JsonObject) woman = NULL;

  /* One visitor: the total is shown, every breakdown hides them. */
  add_session (store, "ur", TRUE, TRUE, FALSE);
  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpint (report->sessions, ==, 1);
  for (guint i = 0; i < report->breakdowns->len; i++)
    {
      const RahnumaReportBreakdown *b = g_ptr_array_index (report->breakdowns, i);

      for (guint r = 0; r < b->rows->len; r++)
        {
          const RahnumaReportRow *row = g_ptr_array_index (b->rows, r);

          g_assert_cmpint (row->count, ==, RAHNUMA_REPORT_SUPPRESSED);
          g_assert_cmpint (row->part, ==, RAHNUMA_REPORT_SUPPRESSED);
        }
    }
  woman = report_json_row (path, "gender", "woman");
  g_assert_true (json_node_is_null (json_object_get_member (woman, "sessions")));
  g_assert_true (json_node_is_null (json_object_get_member (woman, "completed")));
  g_assert_true (json_node_is_null (json_object_get_member (woman, "rate")));

  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

static const char json_check[] =
  "import json, sys\n"
  "r = json.load(sys.stdin)\n"
  "assert r['sessions'] == 37, r['sessions']\n"
  "langs = {row['language']: row for row in r['per_language']}\n"
  "assert langs['ps']['sessions'] is None\n"
  "assert langs['ur']['sessions'] == 20\n"
  "assert abs(r['pass_rate'] - 27 / 37) < 1e-3\n"
  "print('ok')\n";

static void
test_cli_json (Fixture *f, gconstpointer data)
{
  const char *args[] = { "report", "--db", f->path, "--json", NULL };
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *json = NULL;
  g_autofree char *checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) check = NULL;
  int status;

  json = run_admin (args, &status);
  g_assert_cmpint (status, ==, 0);
  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  check = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            python, "-c", json_check, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (check, json, NULL, &checked, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (checked, ==, "ok\n");
}

static void
test_cli_text (Fixture *f, gconstpointer data)
{
  const char *args[] = { "report", "--db", f->path, NULL };
  g_autofree char *text = NULL;
  int status;

  text = run_admin (args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "Sessions:        37"));
  g_assert_nonnull (strstr (text, "<5"));
  g_assert_nonnull (strstr (text, "Urdu"));
  g_assert_null (strstr (text, "DEMO"));
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autoptr(RahnumaReport) report = NULL;
  const char *args[] = { "report", "--db", f->path, NULL };
  g_autofree char *text = NULL;
  int status;

  add_session (store, "ur", TRUE, FALSE, TRUE);
  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpint (report->demo_sessions, ==, 1);
  text = run_admin (args, &status);
  g_assert_nonnull (strstr (text, "DEMO DATA"));
}

static char *
simulate_languages (Fixture *f, const char *name, guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  RahnumaSimulateOptions options = { 300, "DEMO", "K9", seed, T0, 10 };
  g_autoptr(RahnumaReport) report = NULL;
  const RahnumaReportBreakdown *languages_seen;
  GString *summary = g_string_new (NULL);

  g_assert_true (rahnuma_simulate_run (store, &options, NULL, &error));
  g_assert_no_error (error);
  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_cmpint (report->sessions, ==, 300);
  g_assert_cmpint (report->demo_sessions, ==, 300);
  g_assert_cmpint (report->active, ==, 0);
  g_assert_cmpint (report->completed + report->abandoned, ==, 300);
  /* Some stop part-way, most finish; all four languages appear. */
  g_assert_cmpint (report->abandoned, >, 0);
  g_assert_cmpint (report->completed, >, report->abandoned);
  languages_seen = find_breakdown (report, "language");
  g_assert_cmpuint (languages_seen->rows->len, ==, 4);
  for (guint i = 0; i < languages_seen->rows->len; i++)
    {
      const RahnumaReportRow *row = g_ptr_array_index (languages_seen->rows, i);
      g_string_append_printf (summary, "%s=%" G_GINT64_FORMAT ";", row->key, row->count);
    }
  return g_string_free (summary, FALSE);
}

static void
test_simulate (Fixture *f, gconstpointer data)
{
  g_autofree char *a = simulate_languages (f, "a.db", 42);
  g_autofree char *b = simulate_languages (f, "b.db", 42);

  /* The same seed gives the same pattern of visits. */
  g_assert_cmpstr (a, ==, b);
}

/* Visits per path for a period: exact for real visits (the fixture's are
 * all on the full path until some are noted short), demo ones apart, the
 * period's ends respected; simulate puts a realistic share on the short
 * path; the report's "path" breakdown and its JSON say the same (issue 20). */
static void
test_paths (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  RahnumaSimulateOptions options = { 300, "DEMO", "K9", 42, T0 + 30 * 86400, 10 };
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(JsonObject) short_row = NULL;
  gint64 real[RAHNUMA_N_PATHS], demo[RAHNUMA_N_PATHS], before[RAHNUMA_N_PATHS];

  g_assert_true (rahnuma_report_count_paths (store, G_MININT64, G_MAXINT64, FALSE, real, &error));
  g_assert_no_error (error);
  g_assert_cmpint (real[RAHNUMA_PATH_SHORT], ==, 0);
  g_assert_cmpint (real[RAHNUMA_PATH_FULL], >, 0);
  for (guint i = 0; i < 6; i++)
    {
      RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", T0, FALSE, RAHNUMA_PATH_SHORT };
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);

      g_assert_nonnull (id);
    }
  g_assert_true (rahnuma_simulate_run (store, &options, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (rahnuma_report_count_paths (store, G_MININT64, G_MAXINT64, FALSE, before, &error));
  g_assert_cmpint (before[RAHNUMA_PATH_SHORT], ==, 6);
  g_assert_cmpint (before[RAHNUMA_PATH_FULL], ==, real[RAHNUMA_PATH_FULL]);
  g_assert_true (rahnuma_report_count_paths (store, T0 + 900, G_MAXINT64, FALSE, before, &error));
  g_assert_cmpint (before[RAHNUMA_PATH_SHORT] + before[RAHNUMA_PATH_FULL], ==, 0);
  g_assert_true (rahnuma_report_count_paths (store, G_MININT64, G_MAXINT64, TRUE, demo, &error));
  g_assert_cmpint (demo[RAHNUMA_PATH_SHORT] + demo[RAHNUMA_PATH_FULL], ==, 300);
  g_assert_cmpint (demo[RAHNUMA_PATH_SHORT], >, 135);
  g_assert_cmpint (demo[RAHNUMA_PATH_SHORT], <, 225);

  report = rahnuma_report_new (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_row (report, "path", "short")->count, ==, 6 + demo[RAHNUMA_PATH_SHORT]);
  short_row = report_json_row (f->path, "path", "short");
  g_assert_cmpint (json_object_get_int_member (short_row, "sessions"), ==, 6 + demo[RAHNUMA_PATH_SHORT]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/report/totals", test_totals);
  ADD ("/rahnuma/report/suppression", test_suppression);
  ADD ("/rahnuma/report/survey-categories", test_survey_categories);
  ADD ("/rahnuma/report/cli-json", test_cli_json);
  ADD ("/rahnuma/report/cli-text", test_cli_text);
  ADD ("/rahnuma/report/demo", test_demo);
  ADD ("/rahnuma/report/simulate", test_simulate);
  ADD ("/rahnuma/report/paths", test_paths);
#undef ADD
  g_test_add_func ("/rahnuma/report/one-visitor", test_suppress_small_file);
  g_test_add_func ("/rahnuma/report/suppress-cells", test_suppress_cells);

  return g_test_run ();
}
