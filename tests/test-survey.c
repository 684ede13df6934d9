/* test-survey.c — the "about you" answers: constraints, rounding, weeks,
 * no link to a session, and the figures on a hand-computed fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rahnuma-code.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-report.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
  RahnumaStore *store;
} Fixture;

#define WEEK48 1795564800 /* 2026-11-25 00:00 UTC, a Wednesday in 2026-W48 */
#define WEEK02 1767744000 /* 2026-01-07 00:00 UTC, in 2026-W02 */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rahnuma_test_make_tmpdir ("rahnuma-survey-XXXXXX");
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  rahnuma_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
query_int (RahnumaStore *store, const char *sql)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
raw_exec (RahnumaStore *store, const char *sql)
{
  return sqlite3_exec (rahnuma_store_get_db (store), sql, NULL, NULL, NULL);
}

static gboolean
add (RahnumaStore *store, const RahnumaSurveyAnswers *answers, GError **error)
{
  return rahnuma_store_add_survey (store, answers, WEEK48, error);
}

/* ---- constraints ----------------------------------------------------- */

/* Every listed value goes in, through the API, for every text column. */
static void
test_values_accepted (Fixture *f, gconstpointer data)
{
  static const char * const columns[] = { "destination", "sector", "found_via", "receipt", "borrowed",
                                          "wage_currency" };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      const char * const *values = rahnuma_survey_get_values (columns[c]);

      g_assert_nonnull (values);
      for (guint v = 0; values[v] != NULL; v++, n++)
        {
          RahnumaSurveyAnswers a = { .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = 1000,
                                     .wage_currency = "SAR" };
          const char **slots[] = { &a.destination, &a.sector, &a.found_via, &a.receipt, &a.borrowed,
                                   &a.wage_currency };

          *slots[c] = values[v];
          g_assert_true (add (f->store, &a, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), ==, n);
  g_assert_null (rahnuma_survey_get_values ("code"));
}

/* What the schema refuses, each alone, through the API. */
static void
test_values_refused (Fixture *f, gconstpointer data)
{
  RahnumaSurveyAnswers cases[] = {
    { .destination = "Riyadh" },
    { .destination = "sa" },
    { .sector = "Ayesha Bibi" },
    { .found_via = "agent Rashid, 0300-1234567" },
    { .receipt = "maybe" },
    { .borrowed = "1" },
    { .cost_answer = RAHNUMA_SURVEY_AMOUNT, .cost_pkr = -1000 },
    { .cost_answer = RAHNUMA_SURVEY_AMOUNT, .cost_pkr = RAHNUMA_SURVEY_MAX_COST_PKR + 1000 },
    { .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = 0, .wage_currency = "SAR" },
    { .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = RAHNUMA_SURVEY_MAX_WAGE + 1, .wage_currency = "SAR" },
    { .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = 1500, .wage_currency = "XYZ" },
    { .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = 1500, .wage_currency = NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (add (f->store, &cases[i], &error));
      g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED);
    }
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), ==, 0);
}

/* Written around the API: an amount with its answer, none without, whole
 * thousands of rupees, integers only, a week and not a day. */
static void
test_raw_refused (Fixture *f, gconstpointer data)
{
  static const char * const rows[] = {
    /* week, cost_answer, cost_pkr, wage_answer, wage_amount, wage_currency */
    "'2026-11-25', 'unsaid', NULL, 'unsaid', NULL, NULL",
    "'2026-W54', 'unsaid', NULL, 'unsaid', NULL, NULL",
    "'2026-W00', 'unsaid', NULL, 'unsaid', NULL, NULL",
    "'2026-W48', 'amount', 123456, 'unsaid', NULL, NULL",
    "'2026-W48', 'amount', 120000.5, 'unsaid', NULL, NULL",
    "'2026-W48', 'amount', NULL, 'unsaid', NULL, NULL",
    "'2026-W48', 'unknown', 5000, 'unsaid', NULL, NULL",
    "'2026-W48', 'unsaid', NULL, 'unknown', 1200, 'SAR'",
    "'2026-W48', 'unsaid', NULL, 'unsaid', NULL, 'SAR'",
    "'2026-W48', 'unsaid', NULL, 'amount', 1200, NULL",
    "'2026-W48', 'unsaid', NULL, 'amount', '1200 SAR', 'SAR'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], ", ", 6);
      g_autofree char *filled = NULL;

      filled = g_strdup_printf ("INSERT INTO survey VALUES (lower (hex (randomblob (16))), %s,"
                                " 'SA', 'driving', 'direct', %s, %s, 'yes', 'no', %s, %s, %s, 0)",
                                parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
      g_test_message ("%s", filled);
      g_assert_cmpint (raw_exec (f->store, filled) & 0xff, ==, SQLITE_CONSTRAINT);
    }
  /* The same statement with good values goes in: the cases above fail for their one fault. */
  g_assert_cmpint (raw_exec (f->store, "INSERT INTO survey VALUES (lower (hex (randomblob (16))), '2026-W48',"
                                       " 'SA', 'driving', 'direct', 'amount', 123000, 'yes', 'no', 'amount',"
                                       " 1200, 'SAR', 0)"), ==, SQLITE_OK);
}

/* ---- rounding and weeks ---------------------------------------------- */

static void
test_round (Fixture *f, gconstpointer data)
{
  static const gint64 cases[][2] = {
    { 0, 0 }, { 499, 0 }, { 500, 1000 }, { 1499, 1000 }, { 1500, 2000 },
    { 749600, 750000 }, { 250000, 250000 }, { -1000, -1000 },
  };
  g_autoptr(GError) error = NULL;
  RahnumaSurveyAnswers a = { .cost_answer = RAHNUMA_SURVEY_AMOUNT, .cost_pkr = 123456 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rahnuma_survey_round_pkr (cases[i][0]), ==, cases[i][1]);
  g_assert_true (add (f->store, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT cost_pkr FROM survey"), ==, 123000);
}

static void
test_week (Fixture *f, gconstpointer data)
{
  static const struct { gint64 time; const char *week; } cases[] = {
    { WEEK48, "2026-W48" },
    { WEEK02, "2026-W02" },
    { 1767225600, "2026-W01" }, /* Thu 2026-01-01 */
    { 1798761600, "2026-W53" }, /* Fri 2027-01-01: still the last week of 2026 */
    { 1735516800, "2025-W01" }, /* Mon 2024-12-30: already the first week of 2025 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *week = rahnuma_survey_week (cases[i].time);

      g_assert_cmpstr (week, ==, cases[i].week);
    }
}

static void
test_currency_for (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (rahnuma_survey_currency_for ("SA"), ==, "SAR");
  g_assert_cmpstr (rahnuma_survey_currency_for ("GB"), ==, "GBP");
  g_assert_null (rahnuma_survey_currency_for ("other"));
  g_assert_null (rahnuma_survey_currency_for (NULL));
}

/* ---- no link to a session -------------------------------------------- */

/* A visit with a completion code and survey answers: no column of the
 * survey table names, and no value in it repeats, anything of the session;
 * there is no foreign key and no rowid. */
static void
test_unlinkable_columns (Fixture *f, gconstpointer data)
{
  static const char * const forbidden[] = {
    "session_id", "session", "code", "centre", "kiosk", "language", "started_at", "ended_at", "rev",
    "gender", "rowid", NULL
  };
  RahnumaSessionStart start = { "LHE-POE", "K7", "ur", "v1", WEEK48 + 3600, FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rahnuma_store_begin_session (f->store, &start, &error);
  g_autofree char *code = rahnuma_code_generate ();
  RahnumaSurveyAnswers a = { "SA", "driving", "promoter", RAHNUMA_SURVEY_AMOUNT, 450000, "yes", "no",
                             RAHNUMA_SURVEY_AMOUNT, 1500, "SAR", FALSE };
  sqlite3 *db = rahnuma_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_true (rahnuma_store_set_gender (f->store, id, "woman", &error));
  g_assert_true (rahnuma_store_add_survey (f->store, &a, WEEK48 + 3600, &error));
  g_assert_true (rahnuma_store_finish_session (f->store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               WEEK48 + 5400, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pragma_foreign_key_list ('survey')"), ==, 0);
  for (guint i = 0; forbidden[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('survey')"
                                              " WHERE name = '%s'", forbidden[i]);

      g_assert_cmpint (query_int (f->store, sql), ==, 0);
    }
  /* WITHOUT ROWID: no hidden insertion counter to order rows by. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM survey", -1, &stmt, NULL), ==, SQLITE_ERROR);
  sqlite3_finalize (stmt);

  /* No value of the survey row is one of the session's. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM survey", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, c);
      g_autofree char *started = g_strdup_printf ("%d", WEEK48 + 3600);

      if (value == NULL)
        continue;
      g_assert_cmpstr (value, !=, id);
      g_assert_cmpstr (value, !=, code);
      g_assert_null (strstr (value, "LHE"));
      g_assert_cmpstr (value, !=, "K7");
      g_assert_cmpstr (value, !=, started);
    }
  sqlite3_finalize (stmt);
}

/* The names the session and survey tables share, as "a b". */
static char *
shared_columns (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *names;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (name, ' ') FROM (SELECT v.name"
                                           " FROM pragma_table_info ('session') s"
                                           " JOIN pragma_table_info ('survey') v ON v.name = s.name"
                                           " ORDER BY v.name)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  names = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return names;
}

/* The session and the survey share no column but the time (the survey's
 * week, the session's quarter hour, which no name can match) and two names
 * whose values tie nothing: "id", each table's own random key (no value in
 * both), and "demo", 1 only on rahnuma-admin simulate's made-up rows and 0
 * for every real visitor. In particular no destination, sector or gender
 * on both sides, so (week, destination, sector) joins nothing. */
static void
assert_shares_only_the_time (RahnumaStore *store)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  g_autofree char *shared = shared_columns (db);

  g_assert_cmpstr (shared, ==, "demo id");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM session s JOIN survey v ON v.id = s.id"), ==, 0);
}

/* A visit with its code, its gender, and answers naming a rare
 * destination and sector: fresh and used, the two tables share nothing
 * that links them. */
static void
test_shares_only_the_time (Fixture *f, gconstpointer data)
{
  RahnumaSessionStart start = { "LHE-POE", "K7", "ur", "v1", WEEK48 + 3600, FALSE };
  RahnumaSurveyAnswers a = { "GB", "healthcare", .cost_answer = RAHNUMA_SURVEY_UNKNOWN };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = rahnuma_code_generate ();

  assert_shares_only_the_time (f->store);
  id = rahnuma_store_begin_session (f->store, &start, &error);
  g_assert_true (rahnuma_store_set_gender (f->store, id, "woman", &error));
  g_assert_true (rahnuma_store_add_survey (f->store, &a, WEEK48 + 3600, &error));
  g_assert_true (rahnuma_store_finish_session (f->store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               WEEK48 + 5400, &error));
  g_assert_no_error (error);
  assert_shares_only_the_time (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE destination = 'GB'"), ==, 1);
}

/* A visit as version 5 kept it: destination and sector on the session. */
static void
add_old_visit (RahnumaStore *store, gint64 when, const char *destination, const char *sector, gboolean demo)
{
  RahnumaSessionStart start = { "LHE-POE", "K7", "ur", "v1", when, demo };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
  g_autofree char *sql = g_strdup_printf ("UPDATE session SET destination = '%s', sector = '%s' WHERE id = '%s'",
                                          destination, sector, id);

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, NULL, when + 900, &error));
  g_assert_cmpint (raw_exec (store, sql), ==, SQLITE_OK);
}

/* A version 5 file with the visits below; an officers' file (it has
 * received a sync) unless @journal. Week 48: six visits to Saudi Arabia
 * in driving, two of them also answered the cost questions; three said
 * only the sector; two said nothing; one demo visit to Qatar. Week 2: one
 * visit to Oman whose survey row is there. */
static void
make_version_5 (Fixture *f, gboolean journal)
{
  RahnumaSurveyAnswers paid = { "SA", "driving", "promoter", RAHNUMA_SURVEY_AMOUNT, 300000 };
  RahnumaSurveyAnswers oman = { "OM", "security", "relative" };
  g_autoptr(GError) error = NULL;

  /* The categories back first, so that this build's store can still write
   * the visits (with their path); then the path goes, as version 5 had none. */
  g_assert_cmpint (raw_exec (f->store, RAHNUMA_TEST_SESSION_CATEGORIES), ==, SQLITE_OK);
  for (guint i = 0; i < 6; i++)
    add_old_visit (f->store, WEEK48 + 900 * i, "SA", "driving", FALSE);
  for (guint i = 0; i < 3; i++)
    add_old_visit (f->store, WEEK48 + 3600, "unsaid", "construction", FALSE);
  for (guint i = 0; i < 2; i++)
    add_old_visit (f->store, WEEK48 + 7200, "unsaid", "unsaid", FALSE);
  add_old_visit (f->store, WEEK48, "QA", "domestic", TRUE);
  add_old_visit (f->store, WEEK02, "OM", "security", FALSE);
  for (guint i = 0; i < 2; i++)
    g_assert_true (rahnuma_store_add_survey (f->store, &paid, WEEK48 + 1800, &error));
  g_assert_true (rahnuma_store_add_survey (f->store, &oman, WEEK02, &error));
  g_assert_no_error (error);
  if (!journal)
    g_assert_cmpint (raw_exec (f->store, "INSERT INTO sync_source VALUES ('0123456789abcdef0123456789abcdef', 1, 0)"),
                     ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f->store, "DROP TABLE hall_session; ALTER TABLE session DROP COLUMN path;"
                                     " PRAGMA user_version = 5"), ==,
                   SQLITE_OK);
  g_clear_object (&f->store);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
}

/* An officers' file migrated from version 5 keeps every visitor's
 * destination and sector as a survey row (the ones that wrote none before
 * get one with only those two said), so the charts by destination and
 * sector show the same counts; the session then shares nothing with the
 * survey but the time. */
static void
test_migrated_keeps_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(RahnumaReport) report = NULL;
  RahnumaDashboardBar *bar;

  make_version_5 (f, FALSE);
  reopen (f);
  assert_shares_only_the_time (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE week = '2026-W48'"
                                        " AND destination = 'SA' AND sector = 'driving' AND demo = 0"), ==, 6);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE destination = 'SA'"
                                        " AND cost_answer = 'amount'"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE week = '2026-W48'"
                                        " AND destination = 'unsaid' AND sector = 'construction'"
                                        " AND found_via = 'unsaid' AND cost_answer = 'unsaid'"
                                        " AND receipt = 'unsaid' AND borrowed = 'unsaid'"
                                        " AND wage_answer = 'unsaid'"), ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE destination = 'QA' AND demo = 1"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE week = '2026-W02'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), ==, 11);

  bars = rahnuma_dashboard_chart (f->store, RAHNUMA_DASHBOARD_BY_DESTINATION, WEEK48 - 86400, WEEK48 + 86400,
                                  0, &error);
  g_assert_no_error (error);
  bar = g_ptr_array_index (bars, 0);
  g_assert_cmpstr (bar->key, ==, "SA");
  g_assert_cmpint (bar->count, ==, 6);
  report = rahnuma_report_new (f->store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->breakdowns->len; i++)
    {
      const RahnumaReportBreakdown *b = g_ptr_array_index (report->breakdowns, i);

      if (g_str_equal (b->name, "sector"))
        for (guint r = 0; r < b->rows->len; r++)
          {
            const RahnumaReportRow *row = g_ptr_array_index (b->rows, r);

            if (g_str_equal (row->key, "driving"))
              g_assert_cmpint (row->count, ==, 6);
          }
    }
}

/* A kiosk journal migrated from version 5 makes no survey rows of its
 * visits: those synced are counted in the officers' file, and a journal
 * read read-only is migrated afresh in a copy at every sync, whose new
 * random ids would be counted each time (docs/survey-data.md). */
static void
test_migrated_journal (Fixture *f, gconstpointer data)
{
  make_version_5 (f, TRUE);
  reopen (f);
  assert_shares_only_the_time (f->store);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), ==, 3);
}

/* The file's own order is the random id's, not the order answers came in:
 * an officer cannot line survey rows up with visits by position. */
static void
test_unlinkable_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) natural = g_string_new (NULL);
  g_autoptr(GString) by_id = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);
  sqlite3 *db = rahnuma_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  for (guint i = 1; i <= 40; i++)
    {
      RahnumaSurveyAnswers a = { .cost_answer = RAHNUMA_SURVEY_AMOUNT, .cost_pkr = i * 1000 };

      g_assert_true (add (f->store, &a, &error));
      g_string_append_printf (inserted, "%u ", i * 1000);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT cost_pkr FROM survey", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (natural, "%lld ", (long long) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT cost_pkr FROM survey ORDER BY id", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (by_id, "%lld ", (long long) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  g_assert_cmpstr (natural->str, ==, by_id->str);
  /* 40 random ids in insertion order: one chance in 40!. */
  g_assert_cmpstr (natural->str, !=, inserted->str);
}

/* ---- the figures ----------------------------------------------------- */

typedef struct
{
  const char *destination, *sector;
  RahnumaSurveyAmountKind cost_answer;
  gint64 cost;
  const char *receipt, *borrowed;
  RahnumaSurveyAmountKind wage_answer;
  gint64 wage;
  const char *currency;
} Row;

#define A RAHNUMA_SURVEY_AMOUNT
#define DK RAHNUMA_SURVEY_UNKNOWN
#define NS RAHNUMA_SURVEY_UNSAID

/* Worked by hand in the comments of test_report; rates SAR 75, AED 76, no OMR. */
static const Row fixture_rows[] = {
  { "SA", "construction", A, 500000, "yes", "yes", A, 1500, "SAR" }, /* 500000 / 112500 = 4.4444 */
  { "SA", "construction", A, 300000, "no", "yes", A, 1000, "SAR" },  /* 300000 / 75000 = 4 */
  { "SA", "construction", A, 0, NULL, "no", A, 1200, "SAR" },        /* 0 */
  { "SA", "construction", A, 749600, "yes", "yes", A, 2000, "SAR" }, /* 750000 / 150000 = 5 */
  { "SA", "construction", DK, 0, "no", NULL, A, 1000, "SAR" },       /* no cost */
  { "SA", "construction", A, 200000, "yes", NULL, DK, 0, NULL },     /* no wage */
  { "AE", "driving", A, 400000, NULL, NULL, A, 2000, "AED" },        /* 400000 / 152000 = 2.6316 */
  { "AE", "driving", A, 400000, NULL, NULL, A, 100000, "PKR" },      /* 4 */
  { "AE", "driving", A, 600000, NULL, NULL, A, 2500, "AED" },        /* 600000 / 190000 = 3.1579 */
  { "AE", "driving", A, 100000, NULL, NULL, A, 1000, "OMR" },        /* no rate */
  { "AE", "driving", NS, 0, NULL, NULL, NS, 0, NULL },               /* no cost */
  { "OM", "construction", A, 250000, NULL, NULL, A, 300, "OMR" },    /* no rate */
  { "OM", "construction", DK, 0, NULL, NULL, DK, 0, NULL },          /* no cost */
};

static void
add_rows (RahnumaStore *store, const Row *rows, guint n_rows, gint64 when, gboolean demo)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    {
      const Row *r = &rows[i];
      RahnumaSurveyAnswers a = { r->destination, r->sector, "promoter", r->cost_answer, r->cost, r->receipt,
                                 r->borrowed, r->wage_answer, r->wage, r->currency, demo };

      g_assert_true (rahnuma_store_add_survey (store, &a, when, &error));
      g_assert_no_error (error);
    }
}

static RahnumaSurveyRates *
write_rates (Fixture *f, const char *contents, GError **error)
{
  g_autofree char *path = g_build_filename (f->dir, "rates.ini", NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return rahnuma_survey_rates_load (path, error);
}

static RahnumaSurveyRates *
fixture_rates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RahnumaSurveyRates *rates = write_rates (f, "[rates]\ndate=2026-11-01\nsource=test fixture, not real rates\n"
                                              "SAR=75\nAED=76\n", &error);

  g_assert_no_error (error);
  return rates;
}

static const RahnumaSurveyCell *
find_cell (GPtrArray *cells, const char *key)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const RahnumaSurveyCell *cell = g_ptr_array_index (cells, i);

      if (g_str_equal (cell->key, key))
        return cell;
    }
  return NULL;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-4)

static void
assert_ratio (const RahnumaSurveyCell *c, guint64 n, double q1, double median, double q3)
{
  g_assert_false (c->suppressed);
  g_assert_cmpuint (c->n_ratio, ==, n);
  assert_near (c->ratio_q1, q1);
  assert_near (c->ratio_median, median);
  assert_near (c->ratio_q3, q3);
}

static void
assert_left_out (const RahnumaSurveyCell *c, guint64 no_cost, guint64 no_wage, guint64 no_rate)
{
  g_assert_cmpuint (c->n_no_cost, ==, no_cost);
  g_assert_cmpuint (c->n_no_wage, ==, no_wage);
  g_assert_cmpuint (c->n_no_rate, ==, no_rate);
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaSurveyRates) rates = fixture_rates (f);
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaSurveyCell *c;

  add_rows (f->store, fixture_rows, G_N_ELEMENTS (fixture_rows), WEEK48, FALSE);
  report = rahnuma_survey_report_new (f->store, 0, 0, rates, &error);
  g_assert_no_error (error);

  /* All 13: costs 0, 100k, 200k, 250k, 300k, 400k, 400k, 500k, 600k, 750k. */
  c = report->all;
  g_assert_cmpuint (c->n, ==, 13);
  g_assert_cmpuint (c->n_cost, ==, 10);
  g_assert_cmpuint (c->n_paid, ==, 9);
  assert_near (c->cost_median, 350000);
  assert_near (c->cost_mean, 350000);
  g_assert_cmpuint (c->n_receipt_said, ==, 5);
  g_assert_cmpuint (c->n_receipt_yes, ==, 3);
  /* Four said whether they borrowed: a share of fewer than 5 is hidden. */
  g_assert_cmpuint (c->n_borrowed_said, ==, 0);
  g_assert_cmpuint (c->n_borrowed_yes, ==, 0);
  /* Ratios 0, 2.6316, 3.1579, 4, 4, 4.4444, 5 (type 7 quartiles). */
  assert_ratio (c, 7, (400000.0 / 152000 + 600000.0 / 190000) / 2, 4, (4 + 500000.0 / 112500) / 2);
  assert_left_out (c, 3, 1, 2);
  g_assert_cmpstr (report->rates_source, ==, "test fixture, not real rates");

  /* SA: costs 0, 200k, 300k, 500k, 750k; ratios 0, 4, 4.4444, 5: four, so
   * the ratio's quartiles are hidden though the group (6) is shown. */
  c = find_cell (report->by_destination, "SA");
  g_assert_cmpuint (c->n, ==, 6);
  assert_near (c->cost_median, 300000);
  assert_near (c->cost_mean, 350000);
  assert_ratio (c, 4, -1, -1, -1);
  assert_left_out (c, 1, 1, 0);
  /* OM has 2 answers: hidden. AE is then the only other group shown beside
   * SA, and all minus SA would give OM away: hidden too. */
  g_assert_true (find_cell (report->by_destination, "OM")->suppressed);
  c = find_cell (report->by_destination, "AE");
  g_assert_true (c->suppressed);
  g_assert_cmpuint (c->n, ==, 0);
  g_assert_cmpfloat (c->ratio_median, ==, -1);
  g_assert_null (find_cell (report->by_destination, "QA"));

  /* Sectors: construction (SA and OM) 8, driving (AE) 5, none hidden. */
  c = find_cell (report->by_sector, "construction");
  g_assert_cmpuint (c->n, ==, 8);
  assert_near (c->cost_median, 275000);
  assert_near (c->cost_mean, 2000000.0 / 6);
  /* Driving: five answers, but four costs and three ratios: each figure
   * resting on fewer than 5 answers is hidden (no median of four costs,
   * no share of four who paid, no quartiles of three). */
  c = find_cell (report->by_sector, "driving");
  g_assert_cmpuint (c->n, ==, 5);
  g_assert_false (c->suppressed);
  assert_near (c->cost_median, -1);
  assert_near (c->cost_mean, -1);
  g_assert_cmpuint (c->n_cost, ==, 0);
  g_assert_cmpuint (c->n_paid, ==, 0);
  assert_ratio (c, 3, -1, -1, -1);
  assert_left_out (c, 1, 0, 1);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Type 7 on a sorted copy: what the report's selection must agree with. */
static double
sorted_quantile (GArray *sorted, double p)
{
  double h = (sorted->len - 1) * p;
  guint i = (guint) h;
  double low = g_array_index (sorted, double, i);

  return i + 1 < sorted->len ? low + (h - i) * (g_array_index (sorted, double, i + 1) - low) : low;
}

/* Adds answers (costs in steps of 25,000 rupees, so many are equal) until
 * there are @n, and checks the report's median and quartiles, picked out
 * without sorting, against those of a sorted copy. */
static void
check_quantiles (Fixture *f, GRand *rand, GArray *costs, guint n)
{
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  while (costs->len < n)
    {
      RahnumaSurveyAnswers a = { .cost_answer = RAHNUMA_SURVEY_AMOUNT,
                                 .cost_pkr = g_rand_int_range (rand, 0, 20) * 25000,
                                 .wage_answer = RAHNUMA_SURVEY_AMOUNT, .wage_amount = 50000,
                                 .wage_currency = "PKR" };
      double cost = a.cost_pkr;

      g_assert_true (add (f->store, &a, &error));
      g_array_append_val (costs, cost);
    }
  report = rahnuma_survey_report_new (f->store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_array_sort (costs, compare_doubles);
  if (n < RAHNUMA_SURVEY_MIN_CELL)
    return; /* hidden */
  assert_near (report->all->cost_median, sorted_quantile (costs, 0.5));
  assert_ratio (report->all, n, sorted_quantile (costs, 0.25) / 50000, sorted_quantile (costs, 0.5) / 50000,
                sorted_quantile (costs, 0.75) / 50000);
}

/* Every count from 1 to 60 (odd and even, each rank's neighbour equal or
 * not), and 1001. */
static void
test_report_quantiles_many (Fixture *f, gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10701);
  g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (double));

  /* A thousand commits, each waiting for the disk, would be most of the
   * test: what is checked is the figures, not the durability. */
  g_assert_cmpint (raw_exec (f->store, "PRAGMA synchronous = OFF"), ==, SQLITE_OK);
  for (guint n = 1; n <= 60; n++)
    check_quantiles (f, rand, costs, n);
  check_quantiles (f, rand, costs, 1001);
}

/* `rahnuma-admin survey report --db JOURNAL --rates rates.ini --json` on the
 * fixture's journal, parsed. */
static JsonObject *
survey_report_json (Fixture *f)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin",
                                             NULL);
  g_autofree char *rates = g_build_filename (f->dir, "rates.ini", NULL);
  const char *argv[] = { admin, "survey", "report", "--db", f->path, "--rates", rates, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The cell of @array in @root whose @name is @key. */
static JsonObject *
json_cell (JsonObject *root, const char *array, const char *name, const char *key)
{
  JsonArray *cells = json_object_get_array_member (root, array);

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = json_array_get_object_element (cells, i);

      if (g_strcmp0 (json_object_get_string_member (cell, name), key) == 0)
        return cell;
    }
  g_error ("no %s %s in %s", name, key, array);
}

/* Every figure of every hidden cell of @array is null: only its key and
 * "suppressed" say anything (docs/survey-data.md). */
static void
assert_hidden_null (JsonObject *root, const char *array)
{
  JsonArray *cells = json_object_get_array_member (root, array);
  guint n_hidden = 0;

  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = json_array_get_object_element (cells, i);
      g_autoptr(GList) members = NULL;

      if (!json_object_get_boolean_member (cell, "suppressed"))
        continue;
      n_hidden++;
      members = json_object_get_members (cell);
      /* The first member is the key, then "suppressed". */
      for (GList *m = members->next->next; m != NULL; m = m->next)
        if (!json_node_is_null (json_object_get_member (cell, m->data)))
          g_error ("%s: a hidden cell shows %s", array, (const char *) m->data);
    }
  g_assert_cmpuint (n_hidden, >, 0);
}

/* Two hidden groups cannot be told apart from the whole: AE shows again. */
static void
test_report_two_hidden (Fixture *f, gconstpointer data)
{
  static const Row others[] = {
    { "other", "domestic", DK, 0, NULL, NULL, DK, 0, NULL },
    { "other", "domestic", DK, 0, NULL, NULL, DK, 0, NULL },
    { "other", "domestic", DK, 0, NULL, NULL, DK, 0, NULL },
  };
  g_autoptr(RahnumaSurveyRates) rates = fixture_rates (f);
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *cell;
  const RahnumaSurveyCell *c;

  add_rows (f->store, fixture_rows, G_N_ELEMENTS (fixture_rows), WEEK48, FALSE);
  add_rows (f->store, others, G_N_ELEMENTS (others), WEEK48, FALSE);
  report = rahnuma_survey_report_new (f->store, 0, 0, rates, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (report->all->n, ==, 16);
  g_assert_true (find_cell (report->by_destination, "OM")->suppressed);
  g_assert_true (find_cell (report->by_destination, "other")->suppressed);
  c = find_cell (report->by_destination, "AE");
  g_assert_false (c->suppressed);
  g_assert_cmpuint (c->n, ==, 5);
  /* Shown, but its median paid would rest on four costs: hidden. */
  assert_near (c->cost_median, -1);
  /* Sectors: domestic (3) alone hidden, so driving (5, the smallest shown) too. */
  g_assert_true (find_cell (report->by_sector, "domestic")->suppressed);
  g_assert_true (find_cell (report->by_sector, "driving")->suppressed);
  g_assert_false (find_cell (report->by_sector, "construction")->suppressed);

  /* The same figures from `rahnuma-admin survey report --json`, read with a
   * JSON parser: a hidden group's figures are null, a shown one's numbers. */
  root = survey_report_json (f);
  g_assert_cmpstr (json_object_get_string_member (root, "rates_date"), ==, "2026-11-01");
  cell = json_cell (root, "by_destination", "destination", "OM");
  g_assert_true (json_object_get_boolean_member (cell, "suppressed"));
  g_assert_true (json_node_is_null (json_object_get_member (cell, "answers")));
  g_assert_true (json_node_is_null (json_object_get_member (cell, "cost_median_pkr")));
  assert_hidden_null (root, "by_destination");
  assert_hidden_null (root, "by_sector");
  cell = json_cell (root, "by_destination", "destination", "AE");
  g_assert_false (json_object_get_boolean_member (cell, "suppressed"));
  g_assert_cmpint (json_object_get_int_member (cell, "answers"), ==, 5);
  g_assert_true (json_node_is_null (json_object_get_member (cell, "cost_median_pkr")));
}

/* Without rates only rupee wages count; weeks outside the range are out. */
static void
test_report_rates_and_range (Fixture *f, gconstpointer data)
{
  static const Row early[] = { { "SA", "construction", DK, 0, NULL, NULL, DK, 0, NULL } };
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  add_rows (f->store, fixture_rows, G_N_ELEMENTS (fixture_rows), WEEK48, FALSE);
  add_rows (f->store, early, 1, WEEK02, TRUE);

  report = rahnuma_survey_report_new (f->store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->all->n, ==, 14);
  g_assert_cmpuint (report->n_demo, ==, 1);
  g_assert_cmpuint (report->all->n_ratio, ==, 1);
  /* One answer's cost ÷ wage is that person's: hidden (hide_small_figures()). */
  assert_near (report->all->ratio_median, -1);
  assert_left_out (report->all, 4, 1, 8);
  g_assert_null (report->rates_date);
  g_clear_pointer (&report, rahnuma_survey_report_free);

  /* From Monday of week 48: the week 2 answer is out. */
  report = rahnuma_survey_report_new (f->store, WEEK48 - 2 * 86400, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->all->n, ==, 13);
  g_assert_cmpuint (report->n_demo, ==, 0);
  g_assert_cmpstr (report->week_from, ==, "2026-W48");
  g_clear_pointer (&report, rahnuma_survey_report_free);

  /* Up to (not including) Monday of week 48: only week 2. */
  report = rahnuma_survey_report_new (f->store, 0, WEEK48 - 2 * 86400, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->all->suppressed); /* one answer: its count hidden too */
  g_assert_cmpuint (report->all->n, ==, 0);
  g_assert_cmpuint (report->n_demo, ==, 1);
  g_assert_cmpstr (report->week_to, ==, "2026-W47");
}

static void
test_rates_file (Fixture *f, gconstpointer data)
{
  static const char * const bad[] = {
    "[rates]\nsource=x\nSAR=75\n",                       /* no date */
    "[rates]\ndate=1 Nov\nsource=x\nSAR=75\n",           /* not YYYY-MM-DD */
    "[rates]\ndate=2026-11-01\nSAR=75\n",                /* no source */
    "[rates]\ndate=2026-11-01\nsource=x\nSAR=-75\n",     /* not positive */
    "[rates]\ndate=2026-11-01\nsource=x\nSAR=75 rupees\n",
  };
  g_autoptr(RahnumaSurveyRates) rates = fixture_rates (f);

  assert_near (rahnuma_survey_rates_lookup (rates, "SAR"), 75);
  assert_near (rahnuma_survey_rates_lookup (rates, "PKR"), 1);
  assert_near (rahnuma_survey_rates_lookup (NULL, "PKR"), 1);
  g_assert_cmpfloat (rahnuma_survey_rates_lookup (rates, "OMR"), ==, 0);
  g_assert_cmpstr (rahnuma_survey_rates_get_date (rates), ==, "2026-11-01");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RahnumaSurveyRates) wrong = write_rates (f, bad[i], &error);

      g_assert_null (wrong);
      g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
    }
}

/* simulate answers the survey for some of its visitors: demo, with a
 * destination, wages in that destination's currency, and enough
 * answers for every figure. */
static void
test_simulate (Fixture *f, gconstpointer data)
{
  RahnumaSimulateOptions options = { 600, "DEMO", "K1", 7, WEEK48, 7 };
  g_autoptr(RahnumaSurveyReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_simulate_run (f->store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), >, 150);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE demo = 0"), ==, 0);
  /* At most one answer per visit; some say only where and what work, as
   * on the kiosk, so the charts by destination count them too. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey"), <=, 600);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE cost_answer = 'unsaid'"
                                        " AND found_via = 'unsaid' AND wage_answer = 'unsaid'"
                                        " AND destination != 'unsaid'"), >, 20);
  g_assert_cmpint (query_int (f->store, "SELECT count(DISTINCT destination) FROM survey"), >=, 8);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey WHERE destination = 'SA'"
                                        " AND wage_currency != 'SAR'"), ==, 0);
  report = rahnuma_survey_report_new (f->store, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_demo, ==, report->all->n);
  g_assert_cmpfloat (report->all->cost_median, >, 100000);
  g_assert_cmpuint (report->all->n_paid, <, report->all->n_cost);
  /* Paid nothing: about one in seven of those who gave a cost (PAID_NOTHING_SHARE), enough that
   * the demo's groups do not all read "paid anything 100%". */
  g_assert_cmpuint (report->all->n_cost - report->all->n_paid, >, report->all->n_cost / 12);
  g_assert_cmpuint (report->all->n_cost - report->all->n_paid, <, report->all->n_cost / 4);
}

/* The export: a header, one line per answer, earlier weeks first, nothing
 * for "no amount"; JSON with null there; the range by week. */
static void
test_export (Fixture *f, gconstpointer data)
{
  static const Row early[] = { { "SA", "construction", DK, 0, NULL, NULL, DK, 0, NULL } };
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) json = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) ranged = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *json_text = NULL;

  add_rows (f->store, fixture_rows, G_N_ELEMENTS (fixture_rows), WEEK48, FALSE);
  add_rows (f->store, early, 1, WEEK02, TRUE);
  g_assert_cmpint (rahnuma_survey_export_write (f->store, RAHNUMA_EXPORT_CSV, 0, G_MAXINT64, csv, NULL, &error),
                   ==, 14);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (csv, "", 1, NULL, NULL, NULL));
  lines = g_strsplit (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (csv)), "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 16); /* header, 14 rows, "" after the last CRLF */
  g_assert_cmpstr (lines[0], ==, "id,week,destination,sector,found_via,cost_answer,cost_pkr,receipt,borrowed,"
                                 "wage_answer,wage_amount,wage_currency,demo");
  g_assert_true (g_str_has_suffix (lines[1], ",2026-W02,SA,construction,promoter,unknown,,unsaid,unsaid,"
                                             "unknown,,,1"));
  for (guint i = 2; i < 15; i++)
    g_assert_nonnull (strstr (lines[i], ",2026-W48,"));

  g_assert_cmpint (rahnuma_survey_export_write (f->store, RAHNUMA_EXPORT_JSON, 0, G_MAXINT64, json, NULL, &error),
                   ==, 14);
  g_assert_true (g_output_stream_write_all (json, "", 1, NULL, NULL, NULL));
  json_text = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (json)));
  g_assert_true (g_str_has_prefix (json_text, "[\n  {\"id\": \""));
  g_assert_nonnull (strstr (json_text, "\"week\": \"2026-W02\", \"destination\": \"SA\", \"sector\": "
                                       "\"construction\", \"found_via\": \"promoter\", \"cost_answer\": "
                                       "\"unknown\", \"cost_pkr\": null,"));
  g_assert_nonnull (strstr (json_text, "\"cost_pkr\": 750000,"));
  g_assert_true (g_str_has_suffix (json_text, "}\n]\n"));

  g_assert_cmpint (rahnuma_survey_export_write (f->store, RAHNUMA_EXPORT_CSV, WEEK48, G_MAXINT64, ranged, NULL,
                                                &error), ==, 13);
}

#define ADD(path, test) \
  g_test_add ("/rahnuma/survey/" path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("values-accepted", test_values_accepted);
  ADD ("values-refused", test_values_refused);
  ADD ("raw-refused", test_raw_refused);
  ADD ("round", test_round);
  ADD ("week", test_week);
  ADD ("currency-for", test_currency_for);
  ADD ("unlinkable-columns", test_unlinkable_columns);
  ADD ("unlinkable-order", test_unlinkable_order);
  ADD ("shares-only-the-time", test_shares_only_the_time);
  ADD ("migrated-keeps-figures", test_migrated_keeps_figures);
  ADD ("migrated-journal", test_migrated_journal);
  ADD ("report", test_report);
  ADD ("report-quantiles-many", test_report_quantiles_many);
  ADD ("report-two-hidden", test_report_two_hidden);
  ADD ("report-rates-and-range", test_report_rates_and_range);
  ADD ("rates-file", test_rates_file);
  ADD ("simulate", test_simulate);
  ADD ("export", test_export);
  return g_test_run ();
}
