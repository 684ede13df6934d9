/* test-visit.c — quiz scoring, and a whole visit written to a real journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rahnuma-code.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-quiz.h"
#include "rahnuma-report.h"
#include "rahnuma-visit.h"
#include "test-util.h"

typedef struct
{
  char *tmp;
  RahnumaCatalog *catalog;
  RahnumaStore *store;
  char *db_path;
} Fixture;

/* Two modules; in both, choice 2 is right for every question. */
static void
write_module (const char *root, const char *id, int order, guint n_questions)
{
  g_autoptr(GString) ini = g_string_new (NULL);
  g_autofree char *dir = g_build_filename (root, id, NULL);
  g_autofree char *path = g_build_filename (dir, "module.ini", NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (ini, "[Module]\nId=%s\nVersion=1\nOrder=%d\nTitle=%s\nPassMark=0.6\n\n"
                               "[Scene 1]\nPicture=p.png\nCaption=c\n\n", id, order, id);
  for (guint q = 1; q <= n_questions; q++)
    g_string_append_printf (ini, "[Question %u]\nText=q%u\nChoice1=a\nChoice2=b\nChoice3=c\nCorrect=2\n\n",
                            q, q);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, ini->str, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("rahnuma-visit-XXXXXX", &error);
  g_assert_no_error (error);
  write_module (f->tmp, "contract", 1, 5);
  write_module (f->tmp, "fees", 2, 3);
  f->catalog = rahnuma_catalog_new (f->tmp, &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->tmp, "journal.db", NULL);
  f->store = rahnuma_store_new (f->db_path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->catalog);
  rahnuma_test_remove_tree (f->tmp);
  g_free (f->db_path);
  g_free (f->tmp);
}

static void
test_quiz_scoring (Fixture *f, gconstpointer data)
{
  RahnumaModule *module = rahnuma_catalog_lookup (f->catalog, "contract");
  g_autoptr(RahnumaQuiz) quiz = rahnuma_quiz_new (module);

  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 5);
  g_assert_false (rahnuma_quiz_is_finished (quiz));
  g_assert_true (rahnuma_quiz_answer (quiz, 0, 1));
  g_assert_false (rahnuma_quiz_answer (quiz, 1, 0));
  g_assert_true (rahnuma_quiz_answer (quiz, 2, 1));
  g_assert_false (rahnuma_quiz_answer (quiz, 3, 2));
  g_assert_cmpuint (rahnuma_quiz_get_n_answered (quiz), ==, 4);
  g_assert_false (rahnuma_quiz_is_passed (quiz)); /* not finished yet */

  /* 2 of 5 right is below a 60% pass mark (3 of 5)… */
  g_assert_false (rahnuma_quiz_answer (quiz, 4, 0));
  g_assert_true (rahnuma_quiz_is_finished (quiz));
  g_assert_cmpuint (rahnuma_quiz_get_n_correct (quiz), ==, 2);
  g_assert_false (rahnuma_quiz_is_passed (quiz));

  /* …3 of 5 is exactly the pass mark; answering again replaces an answer. */
  g_assert_true (rahnuma_quiz_answer (quiz, 4, 1));
  g_assert_cmpuint (rahnuma_quiz_get_n_correct (quiz), ==, 3);
  g_assert_true (rahnuma_quiz_is_passed (quiz));
  g_assert_cmpint (rahnuma_quiz_get_answer (quiz, 4), ==, 1);

  /* A centre's stricter pass mark: 3 of 5 is no longer enough. */
  rahnuma_quiz_set_pass_mark_percent (quiz, 80);
  g_assert_false (rahnuma_quiz_is_passed (quiz));
  g_assert_true (rahnuma_quiz_answer (quiz, 3, 1));
  g_assert_true (rahnuma_quiz_is_passed (quiz));

  rahnuma_quiz_reset (quiz);
  g_assert_cmpuint (rahnuma_quiz_get_n_answered (quiz), ==, 0);
  g_assert_cmpint (rahnuma_quiz_get_answer (quiz, 0), ==, RAHNUMA_QUIZ_NO_ANSWER);
}

/* Answers @quiz's questions with the first @n_right right and the rest
 * wrong. */
static void
answer_right (RahnumaQuiz *quiz, RahnumaModule *module, guint n_right)
{
  for (guint q = 0; q < rahnuma_quiz_get_n_questions (quiz); q++)
    {
      guint correct = rahnuma_question_get_correct (rahnuma_module_get_question (module, q));

      rahnuma_quiz_answer (quiz, q, q < n_right ? correct : (correct + 1) % 2);
    }
  g_assert_cmpuint (rahnuma_quiz_get_n_correct (quiz), ==, n_right);
}

/* Every pass mark from 0% to 100% on @module's quiz: exactly the mark
 * passes, one right answer fewer does not. */
static void
check_pass_mark_boundaries (RahnumaModule *module)
{
  g_autoptr(RahnumaQuiz) quiz = rahnuma_quiz_new (module);
  guint n = rahnuma_quiz_get_n_questions (quiz);

  g_assert_cmpuint (rahnuma_quiz_get_pass_mark_percent (quiz), ==, rahnuma_module_get_pass_mark_percent (module));
  for (guint percent = 0; percent <= 100; percent++)
    {
      /* The fewest right answers at or above the mark: ceil (n × percent / 100). */
      guint needed = (n * percent + 99) / 100;

      rahnuma_quiz_set_pass_mark_percent (quiz, percent);
      g_assert_cmpuint (rahnuma_quiz_get_pass_mark_percent (quiz), ==, percent);
      answer_right (quiz, module, needed);
      if (!rahnuma_quiz_is_passed (quiz))
        g_error ("%u of %u right fails a %u%% pass mark", needed, n, percent);
      if (needed == 0)
        continue;
      answer_right (quiz, module, needed - 1);
      if (rahnuma_quiz_is_passed (quiz))
        g_error ("%u of %u right passes a %u%% pass mark", needed - 1, n, percent);
    }
}

/* The pass mark at its boundary, in whole numbers: on five questions 60%
 * is 3 right and 61% is 4; on 25, 28% is exactly 7, where a fraction
 * (0.28 × 25 = 7.000000000000001 in binary) would ask for 8. */
static void
test_quiz_pass_mark_boundary (Fixture *f, gconstpointer data)
{
  RahnumaModule *five = rahnuma_catalog_lookup (f->catalog, "contract");
  g_autofree char *root = g_build_filename (f->tmp, "long", NULL);
  g_autofree char *dir = g_build_filename (root, "long", NULL);
  g_autoptr(RahnumaModule) twenty_five = NULL;
  g_autoptr(RahnumaQuiz) quiz = rahnuma_quiz_new (five);
  g_autoptr(GError) error = NULL;

  write_module (root, "long", 3, 25);
  twenty_five = rahnuma_module_new_from_dir (dir, &error);
  g_assert_no_error (error);
  check_pass_mark_boundaries (five);
  check_pass_mark_boundaries (twenty_five);

  rahnuma_quiz_set_pass_mark_percent (quiz, 60);
  answer_right (quiz, five, 3);
  g_assert_true (rahnuma_quiz_is_passed (quiz));
  rahnuma_quiz_set_pass_mark_percent (quiz, 61);
  g_assert_false (rahnuma_quiz_is_passed (quiz));
  rahnuma_quiz_set_pass_mark_percent (quiz, 100);
  answer_right (quiz, five, 4);
  g_assert_false (rahnuma_quiz_is_passed (quiz));
  answer_right (quiz, five, 5);
  g_assert_true (rahnuma_quiz_is_passed (quiz));
}

static void
on_step (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  rahnuma_visit_step_finish (RAHNUMA_VISIT (object), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (object, "done") = TRUE;
}

/* Runs one async step to its end, as the kiosk's main loop would. */
#define RUN_STEP(visit, call, ...)                                                  \
  G_STMT_START {                                                                    \
    gboolean done = FALSE;                                                          \
    g_autoptr(GError) step_error = NULL;                                            \
    g_object_set_data (G_OBJECT (visit), "done", &done);                            \
    call (visit, ##__VA_ARGS__, NULL, on_step, &step_error);                        \
    while (!done)                                                                   \
      g_main_context_iteration (NULL, TRUE);                                        \
    g_assert_no_error (step_error);                                                 \
  } G_STMT_END

static sqlite3 *
open_journal (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Each step is in the file when its callback runs, read by a second
 * connection, as a power cut right after it would leave it. */
static void
test_visit_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "pa_PK", "LHE", "k7");
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  RahnumaModule *fees = rahnuma_catalog_lookup (f->catalog, "fees");
  sqlite3 *db;
  g_autofree char *state = NULL, *code = NULL, *language = NULL;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE state = 'active'"), ==, 1);
  language = query_text (db, "SELECT language FROM session");
  g_assert_cmpstr (language, ==, "pa_PK");

  /* Watching below the module's minimum does not make it watched. */
  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 0.5);
  g_assert_false (rahnuma_visit_is_module_watched (visit, contract));
  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 0.9);
  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 0.3); /* never lowers it */
  g_assert_true (rahnuma_visit_is_module_watched (visit, contract));
  g_assert_cmpfloat_with_epsilon (query_int (db, "SELECT round(watched * 10) FROM module_progress"), 9, 1e-9);

  for (guint q = 0; q < 5; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, contract, q, q == 0 ? 0 : 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM answer"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT sum(correct) FROM answer"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT n_correct FROM module_progress WHERE module_id = 'contract'"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT passed FROM module_progress WHERE module_id = 'contract'"), ==, 1);
  g_assert_true (rahnuma_visit_is_module_done (visit, contract));
  g_assert_false (rahnuma_visit_is_complete (visit));

  RUN_STEP (visit, rahnuma_visit_watched_async, fees, 1.0);
  for (guint q = 0; q < 3; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, fees, q, 0);
  g_assert_true (rahnuma_visit_is_complete (visit));
  g_assert_cmpuint (rahnuma_visit_get_n_modules_passed (visit), ==, 1);

  RUN_STEP (visit, rahnuma_visit_complete_async);
  g_assert_cmpint (rahnuma_visit_get_state (visit), ==, RAHNUMA_SESSION_COMPLETED);
  g_assert_true (rahnuma_code_is_valid (rahnuma_visit_get_code (visit)));
  state = query_text (db, "SELECT state FROM session");
  code = query_text (db, "SELECT code FROM session");
  g_assert_cmpstr (state, ==, "completed");
  g_assert_cmpstr (code, ==, rahnuma_visit_get_code (visit));
  g_assert_cmpint (query_int (db, "SELECT ended_at IS NOT NULL FROM session"), ==, 1);
  sqlite3_close (db);
}

static void
test_visit_abandon (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  sqlite3 *db;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  RUN_STEP (visit, rahnuma_visit_watched_async, rahnuma_catalog_lookup (f->catalog, "fees"), 0.2);
  RUN_STEP (visit, rahnuma_visit_abandon_async);
  g_assert_cmpint (rahnuma_visit_get_state (visit), ==, RAHNUMA_SESSION_ABANDONED);
  g_assert_null (rahnuma_visit_get_code (visit));

  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE state = 'abandoned' AND code IS NULL"), ==, 1);
  sqlite3_close (db);
}

/* Runs rahnuma_visit_complete_async() to its end; returns its error. */
static GError *
try_complete (RahnumaVisit *visit)
{
  gboolean done = FALSE;
  GError *error = NULL;

  g_object_set_data (G_OBJECT (visit), "done", &done);
  rahnuma_visit_complete_async (visit, NULL, on_step, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

/* A kiosk with no lesson on offer: 0 of 0 lessons is not a briefing, so
 * no completion code is made or written, whatever the caller asks. */
static void
test_visit_no_lessons (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (f->tmp, "empty-modules", NULL);
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(RahnumaVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0755), ==, 0);
  catalog = rahnuma_catalog_new (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  visit = rahnuma_visit_new (f->store, catalog, "ur", "LHE", "k7");
  RUN_STEP (visit, rahnuma_visit_begin_async);

  g_assert_false (rahnuma_visit_is_complete (visit));
  error = try_complete (visit);
  g_assert_error (error, RAHNUMA_VISIT_ERROR, RAHNUMA_VISIT_ERROR_NO_LESSONS);
  g_assert_null (rahnuma_visit_get_code (visit));
  g_assert_cmpint (rahnuma_visit_get_state (visit), !=, RAHNUMA_SESSION_COMPLETED);

  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE code IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE state = 'completed'"), ==, 0);
  sqlite3_close (db);
}

/* With lessons on offer, finishing before they are done gives no code either. */
static void
test_visit_incomplete (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "en", "LHE", "k7");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  RUN_STEP (visit, rahnuma_visit_watched_async, rahnuma_catalog_lookup (f->catalog, "fees"), 1.0);
  error = try_complete (visit);
  g_assert_error (error, RAHNUMA_VISIT_ERROR, RAHNUMA_VISIT_ERROR_INCOMPLETE);
  g_assert_null (rahnuma_visit_get_code (visit));
  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE code IS NOT NULL"), ==, 0);
  sqlite3_close (db);
}

/* Every state a lesson row can show, from the numbers the journal holds. */
static void
test_lesson_state_derive (Fixture *f, gconstpointer data)
{
  static const struct
  {
    double watched;
    guint n_answered;
    gboolean finished, passed;
    RahnumaLessonState state;
  } cases[] = {
    { 0.0, 0, FALSE, FALSE, RAHNUMA_LESSON_NOT_STARTED },
    { 0.2, 0, FALSE, FALSE, RAHNUMA_LESSON_STARTED },
    { 0.0, 2, FALSE, FALSE, RAHNUMA_LESSON_STARTED },
    { 0.8, 0, FALSE, FALSE, RAHNUMA_LESSON_WATCHED }, /* exactly the minimum */
    { 0.9, 3, FALSE, FALSE, RAHNUMA_LESSON_WATCHED },
    { 0.2, 6, TRUE, TRUE, RAHNUMA_LESSON_SKIPPED_PASSED }, /* issue 12: skipped, 5 of 6 */
    { 0.2, 6, TRUE, FALSE, RAHNUMA_LESSON_SKIPPED_FAILED },
    { 0.0, 6, TRUE, TRUE, RAHNUMA_LESSON_SKIPPED_PASSED },
    { 1.0, 6, TRUE, FALSE, RAHNUMA_LESSON_FAILED },
    { 0.8, 6, TRUE, TRUE, RAHNUMA_LESSON_PASSED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (rahnuma_lesson_state_derive (cases[i].watched, 0.8, cases[i].n_answered,
                                                    cases[i].finished, cases[i].passed),
                       ==, cases[i].state);
    }
}

/* A visitor who skips a lesson and answers its quiz: the state follows the
 * visit step by step, and the next step is the first lesson not done. */
static void
test_visit_lesson_state (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  RahnumaModule *fees = rahnuma_catalog_lookup (f->catalog, "fees");
  g_autoptr(RahnumaModule) next = NULL;
  g_autoptr(RahnumaModule) after = NULL;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_NOT_STARTED);
  next = rahnuma_visit_dup_next_module (visit);
  g_assert_true (next == contract);

  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 0.2); /* "Next" through the scenes */
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_STARTED);
  for (guint q = 0; q < 5; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, contract, q, q == 0 ? 0 : 1);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_SKIPPED_PASSED);
  g_assert_false (rahnuma_visit_is_module_done (visit, contract));

  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 1.0);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_PASSED);
  after = rahnuma_visit_dup_next_module (visit);
  g_assert_true (after == fees);

  RUN_STEP (visit, rahnuma_visit_watched_async, fees, 1.0);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, fees), ==, RAHNUMA_LESSON_WATCHED);
  for (guint q = 0; q < 3; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, fees, q, 0);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, fees), ==, RAHNUMA_LESSON_FAILED);
  g_assert_null (rahnuma_visit_dup_next_module (visit));
}

/* The "about you" step: the gender on the session, destination, sector and
 * the cost answers in a survey row of their own (rounded), the destination
 * kept for the visit's screens; the answers passed in may go away at once.
 * A visitor who gives only a destination and a sector still leaves a survey
 * row (the charts by destination count them); one who says nothing, or
 * only "prefer not to say", leaves none. */
static void
test_visit_about (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  g_autoptr(RahnumaVisit) quiet = rahnuma_visit_new (f->store, f->catalog, "en", "LHE", "k7");
  g_autoptr(RahnumaVisit) brief = rahnuma_visit_new (f->store, f->catalog, "ps", "LHE", "k7");
  g_autofree char *destination = g_strdup ("QA");
  g_autofree char *row = NULL;
  RahnumaSurveyAnswers answers = { destination, "driving", "sub-agent", RAHNUMA_SURVEY_AMOUNT, 412345, "no",
                                   "yes", RAHNUMA_SURVEY_AMOUNT, 1800, "QAR", TRUE };
  RahnumaSurveyAnswers skipped = { NULL, RAHNUMA_CATEGORY_UNSAID, RAHNUMA_CATEGORY_UNSAID };
  RahnumaSurveyAnswers where_only = { "OM", "security" };
  sqlite3 *db;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  g_assert_null (rahnuma_visit_get_destination (visit));
  RUN_STEP (visit, rahnuma_visit_about_async, "woman", &answers);
  g_clear_pointer (&destination, g_free);
  g_assert_cmpstr (rahnuma_visit_get_destination (visit), ==, "QA");

  db = open_journal (f);
  row = query_text (db, "SELECT gender FROM session");
  g_assert_cmpstr (row, ==, "woman");
  g_clear_pointer (&row, g_free);
  /* demo is the kiosk's to say, and a real visit is never demo. */
  row = query_text (db, "SELECT destination || ' ' || sector || ' ' || found_via || ' ' || cost_pkr || ' ' ||"
                        " receipt || ' ' || borrowed || ' ' || wage_amount || ' ' || wage_currency || ' ' || demo"
                        " FROM survey");
  g_assert_cmpstr (row, ==, "QA driving sub-agent 412000 no yes 1800 QAR 0");

  RUN_STEP (quiet, rahnuma_visit_begin_async);
  RUN_STEP (quiet, rahnuma_visit_about_async, NULL, &skipped);
  g_assert_null (rahnuma_visit_get_destination (quiet));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survey"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE gender = 'unsaid'"), ==, 1);

  RUN_STEP (brief, rahnuma_visit_begin_async);
  RUN_STEP (brief, rahnuma_visit_about_async, "man", &where_only);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survey WHERE destination = 'OM' AND sector = 'security'"
                                  " AND found_via = 'unsaid' AND cost_answer = 'unsaid' AND receipt = 'unsaid'"
                                  " AND borrowed = 'unsaid' AND wage_answer = 'unsaid'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survey"), ==, 2);
  sqlite3_close (db);
}

/* The count of @key in @bars (dashboard bars), or -1 if it has no bar. */
static gint64
bar_count (GPtrArray *bars, const char *key)
{
  for (guint i = 0; i < bars->len; i++)
    {
      RahnumaDashboardBar *bar = g_ptr_array_index (bars, i);

      if (g_str_equal (bar->key, key))
        return bar->count;
    }
  return -1;
}

/* The sessions of @key in the report's breakdown @name, or -1. */
static gint64
report_count (RahnumaReport *report, const char *name, const char *key)
{
  for (guint b = 0; b < report->breakdowns->len; b++)
    {
      RahnumaReportBreakdown *breakdown = g_ptr_array_index (report->breakdowns, b);

      for (guint r = 0; g_str_equal (breakdown->name, name) && r < breakdown->rows->len; r++)
        {
          RahnumaReportRow *row = g_ptr_array_index (breakdown->rows, r);

          if (g_str_equal (row->key, key))
            return row->count;
        }
    }
  return -1;
}

/* What the officers' gender chart (from the per-day sums, made before the
 * answers came and kept current after), destination chart and the
 * report's sector breakdown (both from the survey rows, schema 6) show for
 * the visits in @f's journal; @destination %NULL: no survey row yet. */
static void
assert_charts (Fixture *f, const char *gender, const char *destination, const char *sector, gint64 n)
{
  g_autoptr(GPtrArray) genders = NULL;
  g_autoptr(GPtrArray) destinations = NULL;
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 to = g_get_real_time () / G_USEC_PER_SEC + 86400;

  g_assert_true (rahnuma_dashboard_prepare (f->store, 0, &error));
  genders = rahnuma_dashboard_chart (f->store, RAHNUMA_DASHBOARD_BY_GENDER, 0, to, 0, &error);
  g_assert_no_error (error);
  destinations = rahnuma_dashboard_chart (f->store, RAHNUMA_DASHBOARD_BY_DESTINATION, 0, to, 0, &error);
  g_assert_no_error (error);
  report = rahnuma_report_new (f->store, 0, to, &error);
  g_assert_no_error (error);
  g_assert_cmpint (genders->len, ==, 1);
  g_assert_cmpint (bar_count (genders, gender), ==, n);
  g_assert_cmpint (destinations->len, ==, destination ? 1 : 0);
  if (destination)
    g_assert_cmpint (bar_count (destinations, destination), ==, n);
  g_assert_cmpint (report_count (report, "sector", sector ? sector : "unsaid"), ==, sector ? n : -1);
}

/* Real visits that answer "about you" fill the officers' charts: the
 * gender reaches the session, and the dashboard's sums, made while the
 * visits were still "unsaid", are made again; destination and sector
 * reach the survey rows only, kept apart from the visits by design. */
static void
test_visit_about_charts (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  RahnumaSurveyAnswers answers = { "QA", "driving", "sub-agent", RAHNUMA_SURVEY_UNKNOWN, 0, NULL, NULL,
                                   RAHNUMA_SURVEY_UNKNOWN, 0, NULL, FALSE };

  /* Five, so no bar is hidden as a group of fewer than 5. */
  for (guint i = 0; i < 5; i++)
    {
      g_ptr_array_add (visits, rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7"));
      RUN_STEP (visits->pdata[i], rahnuma_visit_begin_async);
    }
  assert_charts (f, "unsaid", NULL, NULL, 5);
  for (guint i = 0; i < 5; i++)
    RUN_STEP (visits->pdata[i], rahnuma_visit_about_async, "woman", &answers);
  assert_charts (f, "woman", "QA", "driving", 5);
}

/* The short path (issue 20): the path is in the journal; every lesson
 * counts as watched (in the hall), so answering every question completes
 * the visit with a code, under the same pass mark; a lesson answered
 * wrongly, its scenes watched again and answered again, counts its latest
 * answers. */
static void
test_visit_short_path (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  g_autoptr(RahnumaVisit) full = rahnuma_visit_new (f->store, f->catalog, "en", "LHE", "k7");
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  RahnumaModule *fees = rahnuma_catalog_lookup (f->catalog, "fees");
  g_autoptr(RahnumaModule) next = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db;

  RUN_STEP (visit, rahnuma_visit_begin_async);
  RUN_STEP (full, rahnuma_visit_begin_async);
  g_assert_cmpint (rahnuma_visit_get_path (visit), ==, RAHNUMA_PATH_FULL);
  g_assert_false (rahnuma_visit_is_module_watched (visit, contract));
  RUN_STEP (visit, rahnuma_visit_set_path_async, RAHNUMA_PATH_SHORT);
  g_assert_cmpint (rahnuma_visit_get_path (visit), ==, RAHNUMA_PATH_SHORT);
  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE path = 'short'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE path = 'full'"), ==, 1);

  g_assert_true (rahnuma_visit_is_module_watched (visit, contract));
  g_assert_false (rahnuma_visit_is_module_watched (full, contract));
  for (guint q = 0; q < 5; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, contract, q, 0);
  g_assert_true (rahnuma_visit_is_module_done (visit, contract));
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_FAILED);
  g_assert_false (rahnuma_visit_is_complete (visit));
  next = rahnuma_visit_dup_next_module (visit);
  g_assert_true (next == fees);

  /* "Watch this lesson again?" Yes, then the questions again, right. */
  RUN_STEP (visit, rahnuma_visit_watched_async, contract, 1.0);
  for (guint q = 0; q < 5; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, contract, q, 1);
  g_assert_cmpint (query_int (db, "SELECT passed FROM module_progress WHERE module_id = 'contract'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT watched FROM module_progress WHERE module_id = 'contract'"), ==, 1);
  for (guint q = 0; q < 3; q++)
    RUN_STEP (visit, rahnuma_visit_answer_async, fees, q, q == 0 ? 0 : 1);
  g_assert_true (rahnuma_visit_is_complete (visit));
  g_assert_cmpuint (rahnuma_visit_get_n_modules_passed (visit), ==, 2);
  RUN_STEP (visit, rahnuma_visit_complete_async);
  g_assert_true (rahnuma_code_is_valid (rahnuma_visit_get_code (visit)));
  path = query_text (db, "SELECT path || ' ' || state FROM session WHERE code IS NOT NULL");
  g_assert_cmpstr (path, ==, "short completed");
  sqlite3_close (db);
}

/* The module's question asked at the quiz's only position, on a short path
 * of one question per lesson. */
static guint
only_asked (RahnumaVisit *visit, RahnumaModule *module)
{
  RahnumaQuiz *quiz = rahnuma_visit_get_quiz (visit, module);

  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 1);
  return rahnuma_quiz_get_asked (quiz, 0);
}

/* Issue 20's check questions: one drawn question per lesson is asked,
 * counted and recorded; a wrong one fails the lesson at the same pass mark. */
static void
test_visit_short_path_one_question (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  RahnumaModule *fees = rahnuma_catalog_lookup (f->catalog, "fees");
  RahnumaQuiz *quiz = rahnuma_visit_get_quiz (visit, contract);
  guint asked;
  sqlite3 *db;

  rahnuma_visit_set_short_path_questions (visit, 1, 20);
  RUN_STEP (visit, rahnuma_visit_begin_async);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 5);
  RUN_STEP (visit, rahnuma_visit_set_path_async, RAHNUMA_PATH_SHORT);
  asked = only_asked (visit, contract);
  for (guint q = 0; q < 5; q++)
    g_assert_true (rahnuma_quiz_is_asked (quiz, q) == (q == asked));
  g_assert_false (rahnuma_visit_is_module_done (visit, contract));
  RUN_STEP (visit, rahnuma_visit_answer_async, contract, asked, 1);
  g_assert_true (rahnuma_visit_is_module_done (visit, contract));
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, contract), ==, RAHNUMA_LESSON_PASSED);
  /* 0 of 1 right is below 60 %. */
  RUN_STEP (visit, rahnuma_visit_answer_async, fees, only_asked (visit, fees), 0);
  g_assert_cmpint (rahnuma_visit_get_lesson_state (visit, fees), ==, RAHNUMA_LESSON_FAILED);
  g_assert_true (rahnuma_visit_is_complete (visit));
  g_assert_cmpuint (rahnuma_visit_get_n_modules_passed (visit), ==, 1);

  db = open_journal (f);
  g_assert_cmpint (query_int (db, "SELECT n_questions * 10 + n_correct FROM module_progress "
                                  "WHERE module_id = 'contract'"), ==, 11);
  g_assert_cmpint (query_int (db, "SELECT n_questions * 10 + n_correct FROM module_progress "
                                  "WHERE module_id = 'fees'"), ==, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM answer"), ==, 2);
  sqlite3_close (db);
}

/* Only the questions asked count: right × 100 ≥ asked × pass mark. */
static void
test_quiz_draw_pass_mark (Fixture *f, gconstpointer data)
{
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  g_autoptr(RahnumaQuiz) quiz = rahnuma_quiz_new (contract);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint first, second;

  rahnuma_quiz_draw (quiz, 2, rand);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 2);
  first = rahnuma_quiz_get_asked (quiz, 0);
  second = rahnuma_quiz_get_asked (quiz, 1);
  g_assert_cmpuint (first, <, second); /* in the module's order */
  rahnuma_quiz_answer (quiz, first, 1);
  g_assert_false (rahnuma_quiz_is_finished (quiz));
  rahnuma_quiz_answer (quiz, second, 0);
  g_assert_true (rahnuma_quiz_is_finished (quiz));
  g_assert_cmpuint (rahnuma_quiz_get_n_correct (quiz), ==, 1);
  rahnuma_quiz_set_pass_mark_percent (quiz, 50);
  g_assert_true (rahnuma_quiz_is_passed (quiz));
  rahnuma_quiz_set_pass_mark_percent (quiz, 51);
  g_assert_false (rahnuma_quiz_is_passed (quiz));

  /* 0 asks every question, and forgets the answers. */
  rahnuma_quiz_draw (quiz, 0, NULL);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 5);
  g_assert_cmpuint (rahnuma_quiz_get_n_answered (quiz), ==, 0);
  rahnuma_quiz_draw (quiz, 9, rand);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (quiz), ==, 5);
}

/* Answering again after watching again draws again, from every question
 * of the lesson; the same seed gives the same draw; N=0 asks all; the full
 * path asks all whatever N. */
static void
test_visit_short_path_draw (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaVisit) visit = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  g_autoptr(RahnumaVisit) twin = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  g_autoptr(RahnumaVisit) all = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  g_autoptr(RahnumaVisit) full = rahnuma_visit_new (f->store, f->catalog, "ur", "LHE", "k7");
  RahnumaModule *contract = rahnuma_catalog_lookup (f->catalog, "contract");
  gboolean seen[5] = { FALSE };

  rahnuma_visit_set_short_path_questions (visit, 1, 42);
  rahnuma_visit_set_short_path_questions (twin, 1, 42);
  rahnuma_visit_set_short_path_questions (all, 0, 42);
  rahnuma_visit_set_short_path_questions (full, 1, 42);
  RUN_STEP (visit, rahnuma_visit_begin_async);
  RUN_STEP (twin, rahnuma_visit_begin_async);
  RUN_STEP (all, rahnuma_visit_begin_async);
  RUN_STEP (full, rahnuma_visit_begin_async);
  RUN_STEP (visit, rahnuma_visit_set_path_async, RAHNUMA_PATH_SHORT);
  RUN_STEP (twin, rahnuma_visit_set_path_async, RAHNUMA_PATH_SHORT);
  RUN_STEP (all, rahnuma_visit_set_path_async, RAHNUMA_PATH_SHORT);
  g_assert_cmpuint (only_asked (visit, contract), ==, only_asked (twin, contract));
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (rahnuma_visit_get_quiz (all, contract)), ==, 5);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (rahnuma_visit_get_quiz (full, contract)), ==, 5);
  rahnuma_visit_draw_questions (full, contract);
  g_assert_cmpuint (rahnuma_quiz_get_n_questions (rahnuma_visit_get_quiz (full, contract)), ==, 5);

  RUN_STEP (visit, rahnuma_visit_answer_async, contract, only_asked (visit, contract), 0);
  g_assert_true (rahnuma_visit_is_module_done (visit, contract));
  for (guint i = 0; i < 100; i++)
    {
      rahnuma_visit_draw_questions (visit, contract);
      g_assert_false (rahnuma_visit_is_module_done (visit, contract));
      seen[only_asked (visit, contract)] = TRUE;
    }
  for (guint q = 0; q < 5; q++)
    g_assert_true (seen[q]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/rahnuma/quiz/scoring", Fixture, NULL, fixture_set_up, test_quiz_scoring, fixture_tear_down);
  g_test_add ("/rahnuma/quiz/pass-mark-boundary", Fixture, NULL, fixture_set_up, test_quiz_pass_mark_boundary,
              fixture_tear_down);
  g_test_add ("/rahnuma/visit/complete", Fixture, NULL, fixture_set_up, test_visit_complete, fixture_tear_down);
  g_test_add ("/rahnuma/visit/abandon", Fixture, NULL, fixture_set_up, test_visit_abandon, fixture_tear_down);
  g_test_add ("/rahnuma/visit/short-path", Fixture, NULL, fixture_set_up, test_visit_short_path, fixture_tear_down);
  g_test_add ("/rahnuma/visit/short-path/one-question", Fixture, NULL, fixture_set_up,
              test_visit_short_path_one_question, fixture_tear_down);
  g_test_add ("/rahnuma/visit/short-path/draw", Fixture, NULL, fixture_set_up, test_visit_short_path_draw,
              fixture_tear_down);
  g_test_add ("/rahnuma/quiz/draw-pass-mark", Fixture, NULL, fixture_set_up, test_quiz_draw_pass_mark,
              fixture_tear_down);
  g_test_add ("/rahnuma/visit/about", Fixture, NULL, fixture_set_up, test_visit_about, fixture_tear_down);
  g_test_add ("/rahnuma/visit/about-charts", Fixture, NULL, fixture_set_up, test_visit_about_charts,
              fixture_tear_down);
  g_test_add ("/rahnuma/visit/no-lessons", Fixture, NULL, fixture_set_up, test_visit_no_lessons, fixture_tear_down);
  g_test_add ("/rahnuma/visit/lesson-state/derive", Fixture, NULL, fixture_set_up, test_lesson_state_derive,
              fixture_tear_down);
  g_test_add ("/rahnuma/visit/lesson-state/visit", Fixture, NULL, fixture_set_up, test_visit_lesson_state,
              fixture_tear_down);
  g_test_add ("/rahnuma/visit/incomplete", Fixture, NULL, fixture_set_up, test_visit_incomplete, fixture_tear_down);
  return g_test_run ();
}
