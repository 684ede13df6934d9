/* test-report-pdf.c — rahnuma-admin report --pdf: a valid PDF whose figures read back
 *
 * The PDF is read back with pdftotext (poppler-utils), as an officer's PDF
 * reader or a search would: the totals, a module's figures, the note for a
 * hidden small cell, and in Urdu the module title in logical order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-code.h"
#include "rahnuma-survey.h"
#include "rahnuma-store.h"

#define T0 1763960400 /* 2025-11-24 05:00 UTC */

typedef struct
{
  char *dir;
  char *db;
  char *pdf;
  char *rates;
} Fixture;

static void
add_visit (RahnumaStore *store, gint64 started_at, gboolean completed, gboolean fees)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", started_at, FALSE };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *code = completed ? rahnuma_code_generate () : NULL;

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_record_answer (store, id, "contract", 0, 0, completed, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 1.0, completed ? 1 : 0, 1,
                                              completed, &error));
  if (fees)
    g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 1.0, 1, 1, TRUE, &error));
  g_assert_true (rahnuma_store_finish_session (store, id, completed ? RAHNUMA_SESSION_COMPLETED
                                                                    : RAHNUMA_SESSION_ABANDONED,
                                               code, started_at + 3600, &error));
  g_assert_no_error (error);
}

/* Survey answers: Saudi Arabia 6 (paid 0, 100k, 200k, 300k, 300k, 400k:
 * median 250,000; a wage of SAR 1,000 each, at the fixture's 75 rupees:
 * 0, 1.33, 2.67, 4, 4, 5.33 months, type 7 quartiles 1.67, 3.33, 4), Qatar
 * 3 and the UAE 2 (both hidden, no wage). */
static void
add_survey (RahnumaStore *store)
{
  static const struct { const char *destination; gint64 cost; } rows[] = {
    { "SA", 0 }, { "SA", 100000 }, { "SA", 200000 }, { "SA", 300000 }, { "SA", 300000 }, { "SA", 400000 },
    { "QA", 500000 }, { "QA", 500000 }, { "QA", 500000 }, { "AE", 900000 }, { "AE", 900000 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gboolean saudi = g_str_equal (rows[i].destination, "SA");
      RahnumaSurveyAnswers a = { rows[i].destination, "driving", "promoter", RAHNUMA_SURVEY_AMOUNT,
                                 rows[i].cost, i % 2 ? "yes" : "no", "no",
                                 saudi ? RAHNUMA_SURVEY_AMOUNT : RAHNUMA_SURVEY_UNKNOWN, saudi ? 1000 : 0,
                                 saudi ? "SAR" : NULL, FALSE };

      g_assert_true (rahnuma_store_add_survey (store, &a, T0, &error));
      g_assert_no_error (error);
    }
}

/* 23 visits: 17 completed, 6 left early; 3 took the fees quiz (hidden). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-report-pdf-XXXXXX", &error);
  f->db = g_build_filename (f->dir, "officers.db", NULL);
  f->pdf = g_build_filename (f->dir, "report.pdf", NULL);
  f->rates = g_build_filename (f->dir, "rates.ini", NULL);
  g_assert_true (g_file_set_contents (f->rates, "[rates]\ndate=2025-11-01\nsource=test fixture\nSAR=75\n", -1,
                                      &error));
  store = rahnuma_store_new (f->db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 23; i++)
    add_visit (store, T0 + (i % 2) * 86400, i < 17, i < 3);
  add_survey (store);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_all (f->dir);
  g_free (f->pdf);
  g_free (f->rates);
  g_free (f->db);
  g_free (f->dir);
}

/* Runs rahnuma-admin report --pdf with @language, then pdftotext on the result. */
static char *
report_text (Fixture *f, const char *language)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL);
  const char *report[] = { admin, "report", "--db", f->db, "--pdf", f->pdf, "--rates", f->rates, NULL };
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", f->pdf, "-", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", language, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  char *text = NULL;
  gsize length;
  int status;

  g_spawn_sync (NULL, (char **) report, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (f->pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Finished: the trailer is there (the body holds binary streams, so compare bytes). */
  g_assert_cmpuint (length, >, 6);
  g_assert_cmpmem (contents + length - 6, 6, "%%EOF\n", 6);
  g_spawn_sync (NULL, (char **) totext, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autofree char *text = report_text (f, "en");

  g_assert_nonnull (strstr (text, "Visitors: 23"));
  g_assert_nonnull (strstr (text, "Completed: 17"));
  g_assert_nonnull (strstr (text, "Abandoned: 6"));
  /* Urdu: 17 of 23 completed. The fees quiz, 3 taken, is hidden, and so
   * is the contract quiz beside it, which would give it away. */
  g_assert_nonnull (strstr (text, "17 / 23"));
  g_assert_nonnull (strstr (text, "fewer than 5"));
  g_assert_null (strstr (text, "3 / 3"));
  g_assert_nonnull (strstr (text, "From 2025-11-24 to 2025-11-25"));
  /* The survey: Saudi Arabia shown, Qatar and the UAE (under 5 each) hidden. */
  /* Destinations come from the survey's answers, and say so. */
  g_assert_nonnull (strstr (text, "By destination country (survey answers, by week)"));
  g_assert_null (strstr (text, "By destination country, self-reported"));
  g_assert_nonnull (strstr (text, "Recruitment costs, from the anonymous survey"));
  g_assert_nonnull (strstr (text, "All answers: 11 answers"));
  g_assert_nonnull (strstr (text, "Saudi Arabia: 6 answers"));
  g_assert_nonnull (strstr (text, "median paid Rs 250,000"));
  /* Cost ÷ wage with the rates file, and what it rests on. */
  g_assert_nonnull (strstr (text, "in months 3.3 (1.7–4.0)"));
  g_assert_nonnull (strstr (text, "Pre-departure estimate"));
  g_assert_nonnull (strstr (text, "not the SDG 10.7.1 survey figure"));
  g_assert_nonnull (strstr (text, "Exchange rates of 2025-11-01 (test fixture)."));
  g_assert_nonnull (strstr (text, "By job sector"));
  g_assert_nonnull (strstr (text, "Qatar: fewer than 5 answers, not shown"));
  g_assert_null (strstr (text, "Qatar: 3"));
  /* The most-missed question by the start of its text, not only its number. */
  g_assert_nonnull (strstr (text, "question 1: Which of these should your"));
  /* Written beside its name, then renamed: nothing half-written is left. */
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS) == FALSE);
  {
    g_autofree char *partial = g_strconcat (f->pdf, ".part", NULL);

    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }
}

/* In Urdu the page runs right to left and module titles come from the
 * catalogue in Urdu; pdftotext reads them back in logical order, which it
 * can only do if Pango shaped them as Arabic-script text. */
static void
test_urdu (Fixture *f, gconstpointer data)
{
  g_autofree char *text = report_text (f, "ur");

  g_assert_nonnull (strstr (text, "نوکری کا معاہدہ"));
  g_assert_nonnull (strstr (text, "17 / 23"));
}

int
main (int argc, char **argv)
{
  g_autofree char *pdftotext = NULL;

  g_test_init (&argc, &argv, NULL);

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return g_test_run ();
    }
  g_test_add ("/rahnuma/report-pdf/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/rahnuma/report-pdf/urdu", Fixture, NULL, fixture_set_up, test_urdu, fixture_tear_down);
  return g_test_run ();
}
