/* test-store.c — the journal: schema, durability of each step, damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rahnuma-code.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-pin.h"
#include "rahnuma-store-private.h"
#include "rahnuma-sync.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.db", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static const RahnumaSessionStart start_ur = {
  .centre = "LHE-POE",
  .kiosk = "K1",
  .language = "ur",
  .catalog_version = "0a1b2c3d4e5f",
  .started_at = 1764000000 + 123, /* 2025-11-24 16:00 UTC, plus two minutes */
};

static char *
begin (RahnumaStore *store)
{
  g_autoptr(GError) error = NULL;
  char *id = rahnuma_store_begin_session (store, &start_ur, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A raw connection, to look at the file the way another program would. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_write_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = NULL;
  g_autofree char *code = rahnuma_code_generate ();
  g_autoptr(RahnumaSessionInfo) info = NULL;
  RahnumaModuleResult *result;

  g_assert_no_error (error);
  id = begin (store);
  g_assert_cmpuint (strlen (id), ==, 32);

  g_assert_true (rahnuma_store_record_module (store, id, "fees", 2, 0.5, 1, 3, FALSE, &error));
  g_assert_true (rahnuma_store_record_answer (store, id, "fees", 0, 2, FALSE, &error));
  /* A retake replaces the first attempt rather than adding to it. */
  g_assert_true (rahnuma_store_record_module (store, id, "fees", 2, 1.0, 3, 3, TRUE, &error));
  g_assert_true (rahnuma_store_record_answer (store, id, "fees", 0, 1, TRUE, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 0.9, 2, 2, TRUE, &error));
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               start_ur.started_at + 1800, &error));
  g_assert_no_error (error);

  /* A second finish is refused: the session is no longer active. */
  g_assert_false (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_ABANDONED, NULL,
                                                start_ur.started_at + 3600, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  info = rahnuma_store_lookup_code (store, code, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->code, ==, code);
  g_assert_cmpstr (info->language, ==, "ur");
  g_assert_cmpstr (info->centre, ==, "LHE-POE");
  g_assert_cmpint (info->state, ==, RAHNUMA_SESSION_COMPLETED);
  g_assert_cmpint (info->started_at, ==, 1764000000);
  g_assert_cmpint (info->ended_at, ==, 1764001800);
  g_assert_false (info->demo);
  g_assert_cmpuint (info->modules->len, ==, 2);
  result = g_ptr_array_index (info->modules, 1);
  g_assert_cmpstr (result->module_id, ==, "fees");
  g_assert_cmpuint (result->n_correct, ==, 3);
  g_assert_true (result->passed);
  g_assert_cmpfloat (result->watched, ==, 1.0);

  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_COMPLETED, &error), ==, 1);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 0);
  g_clear_object (&store);

  /* Everything is in the file, committed: another connection sees it. */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM answer"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT choice FROM answer"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM module_progress"), ==, 2);
}

static char *
title_of (const char *module_id, gpointer user_data)
{
  return g_strcmp0 (module_id, "fees") == 0 ? g_strdup ("Fees and costs") : NULL;
}

/* What a code check says of a visit: lessons passed of lessons, the path it
 * took (session.path), and the lessons to go over, by title where known. */
static void
test_describe_outcome (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = NULL;
  g_autofree char *code = rahnuma_code_generate ();
  g_autoptr(RahnumaSessionInfo) info = NULL;
  g_autofree char *full = NULL;
  g_autofree char *text = NULL;

  id = begin (store);
  g_assert_true (rahnuma_store_set_path (store, id, RAHNUMA_PATH_SHORT, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "fees", 2, 0.0, 0, 1, FALSE, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 0.0, 0, 1, FALSE, &error));
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               start_ur.started_at + 1800, &error));
  g_assert_no_error (error);

  info = rahnuma_store_lookup_code (store, code, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->path, ==, RAHNUMA_PATH_SHORT);
  text = rahnuma_session_info_describe_outcome (info, title_of, NULL);
  g_assert_cmpstr (text, ==, "0 of 2 lessons passed. After the hall briefing: each lesson’s questions only. "
                             "To go over with the visitor: contract, Fees and costs.");

  /* All passed on the full path: nothing to go over. */
  ((RahnumaModuleResult *) g_ptr_array_index (info->modules, 0))->passed = TRUE;
  ((RahnumaModuleResult *) g_ptr_array_index (info->modules, 1))->passed = TRUE;
  info->path = RAHNUMA_PATH_FULL;
  full = rahnuma_session_info_describe_outcome (info, NULL, NULL);
  g_assert_cmpstr (full, ==, "2 of 2 lessons passed. Full path: every lesson watched on the kiosk.");
}

static void
test_lookup_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *code = rahnuma_code_generate ();
  RahnumaSessionInfo *info;

  info = rahnuma_store_lookup_code (store, code, &error);
  g_assert_null (info);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND);
}

static void
test_missing_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  store = rahnuma_store_new_full (f->path, RAHNUMA_STORE_MUST_EXIST, NULL, &error);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (strlen (rahnuma_store_get_journal_id (store)), ==, 32);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session"), ==, 0);
}

static void
test_empty_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *id = NULL;

  /* A kiosk that lost power just after creating its journal leaves 0 bytes:
   * that is an empty database, not a damaged one. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0); /* as the kiosk made it */
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  id = begin (store);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 1);
}

static void
assert_set_aside (Fixture *f, const char *aside, const char *contents, gsize length)
{
  g_autofree char *base = g_path_get_basename (aside);
  g_autofree char *read = NULL;
  gsize read_length;

  g_assert_true (g_str_has_prefix (base, "journal.db.damaged-"));
  g_assert_true (g_file_get_contents (aside, &read, &read_length, NULL));
  g_assert_cmpmem (read, read_length, contents, length);
}

static void
test_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside2 = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  char garbage[8192];

  for (gsize i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (f->path, garbage, sizeof garbage, NULL));

  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  g_assert_null (store);
  g_clear_error (&error);

  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  assert_set_aside (f, aside, garbage, sizeof garbage);
  id = begin (store);
  g_clear_object (&store);

  /* Damaged again within the same second: the first one set aside stays. */
  g_assert_true (g_file_set_contents (f->path, garbage, 100, NULL));
  store = rahnuma_store_open_or_recover (f->path, &aside2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aside, !=, aside2);
  assert_set_aside (f, aside, garbage, sizeof garbage);
  assert_set_aside (f, aside2, garbage, 100);
}

static void
test_not_ours (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;

  raw_exec (f->path, "CREATE TABLE contacts (name TEXT, phone TEXT)");
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_master"), ==, 1);
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = begin (store);
      g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 1.0, 3, 3, TRUE, &error));
    }
  g_clear_object (&store); /* the last close checkpoints the WAL into the file */

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  g_assert_true (g_file_set_contents (f->path, contents, length / 2, NULL));

  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 0);
}

static void
test_future_version (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *aside = NULL;

  g_clear_object (&store);
  raw_exec (f->path, "PRAGMA user_version = 99");

  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION);
  g_assert_null (store);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 99);

  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (aside, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
}

static void
test_recover_healthy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *aside = NULL;
  g_autofree char *id = begin (store);

  g_clear_object (&store);
  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (aside);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 1);
}

static void
on_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;

  if (!rahnuma_store_check_finish (RAHNUMA_STORE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "sound"); /* done, and sound */
}

/* Runs the background check to its end; NULL if the journal is sound. */
static GError *
check_in_background (RahnumaStore *store)
{
  GError *error = NULL;

  rahnuma_store_check_async (store, NULL, on_checked, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

static void
fill_and_stop_cleanly (Fixture *f, guint n_sessions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autofree char *id = begin (store);
      g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 1.0, 3, 3, TRUE, &error));
    }
  g_assert_true (rahnuma_store_mark_clean_stop (store, &error));
  g_assert_no_error (error);
}

/* After a clean stop the journal opens unchecked, the note is used up, and
 * a sound journal passes the check in the background. Without the note (a
 * crash in the run that follows) the next open checks it first. */
static void
test_clean_stop (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *note = g_strconcat (f->path, ".clean-stop", NULL);
  g_autofree char *aside = NULL;

  fill_and_stop_cleanly (f, 10);
  g_assert_true (g_file_test (note, G_FILE_TEST_IS_REGULAR));
  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (aside);
  g_assert_true (rahnuma_store_needs_check (store));
  g_assert_false (g_file_test (note, G_FILE_TEST_EXISTS));
  error = check_in_background (store);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rahnuma_store_needs_check (store));
  g_clear_object (&store);

  /* A note beside another journal (this one replaced) counts for nothing. */
  g_assert_true (g_file_set_contents (note, "0123456789abcdef0123456789abcdef", -1, NULL));
  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_false (rahnuma_store_needs_check (store));
}

/* Damage the background check finds: the journal opened after a clean stop
 * (the start did not look), the worker finds it damaged, and once the store
 * is closed it is set aside, byte for byte, and a fresh journal starts. */
static void
test_damage_found_in_background (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  gint64 root, page_size;

  fill_and_stop_cleanly (f, 300);
  root = raw_int (f->path, "SELECT rootpage FROM sqlite_master WHERE name = 'module_progress'");
  page_size = raw_int (f->path, "PRAGMA page_size");
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, root * page_size);
  /* The lessons' records (their b-tree's root page) overwritten: the
   * header, the schema and the journal id still read, so opening succeeds. */
  memset (contents + (root - 1) * page_size, 0xa5, page_size);
  g_assert_true (g_file_set_contents_full (f->path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  store = rahnuma_store_open_or_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (aside);
  g_assert_true (rahnuma_store_needs_check (store));
  error = check_in_background (store);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_clear_object (&store);

  store = rahnuma_store_recover (f->path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  assert_set_aside (f, aside, contents, length);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 0);
  g_assert_false (rahnuma_store_needs_check (store));
}

/* Every column of every table. A new column (or table) must be added here
 * on purpose, after asking whether it could identify a visitor. */
static const char * const allowed_schema[] = {
  "answer: session_id module_id question choice correct",
  "dashboard_category: day category value sessions completed",
  "dashboard_hour: day hour sessions completed abandoned demo",
  "dashboard_mark: one last_rev utc_offset",
  "dashboard_module: day module_id taken passed score",
  "dashboard_question: day module_id question asked missed",
  "hall_session: id centre kiosk day modules narration subtitles head_count",
  "journal: one journal_id",
  "kiosk_setting: key value",
  "module_progress: session_id module_id module_version watched n_correct n_questions passed",
  "session: id centre kiosk language started_at ended_at state catalog_version code gender "
    "demo rev clock_suspect path",
  "survey: id week destination sector found_via cost_answer cost_pkr receipt borrowed wage_answer "
    "wage_amount wage_currency demo",
  "sync_rejected: journal_id kind reason n_rows synced_at",
  "sync_source: journal_id last_rev synced_at",
  "sync_target: target last_rev synced_at n_rejected",
  NULL
};

static char *
describe_table (sqlite3 *db, const char *table)
{
  GString *line = g_string_new (table);
  sqlite3_stmt *stmt = NULL;

  g_string_append (line, ":");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (line, " %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (line, FALSE);
}

/* The file at @path holds exactly the allowed tables and columns, each table
 * STRICT, at this build's schema version. */
static void
assert_schema_allowed (const char *path)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  guint i;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                                       " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Every table is STRICT: a column holds only its declared type. */
      g_assert_true (strstr ((const char *) sqlite3_column_text (stmt, 1), "STRICT") != NULL);
      g_ptr_array_add (found, describe_table (db, (const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (i = 0; i < found->len && allowed_schema[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, allowed_schema[i]);
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **) allowed_schema));
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
}

/* A visit that touches every table a visit writes, at a time the clock
 * check accepts (so the dashboard sums hold it). */
static void
use_for_a_visit (RahnumaStore *store)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = start_ur;
  g_autofree char *id = NULL;

  start.started_at = g_get_real_time () / G_USEC_PER_SEC;
  id = rahnuma_store_begin_session (store, &start, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_store_set_gender (store, id, "woman", &error));
  g_assert_true (rahnuma_store_record_answer (store, id, "contract", 0, 1, TRUE, &error));
  g_assert_true (rahnuma_store_record_module (store, id, "contract", 1, 1.0, 1, 1, TRUE, &error));
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, NULL,
                                               start.started_at + 600, &error));
  g_assert_no_error (error);
}

/* Every feature that writes a journal or an officers' file has run: visits,
 * the PIN and its tries, the dashboard's sums, a sync. */
static void
use_every_feature (const char *journal, const char *officers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (journal, NULL, &error);
  g_autoptr(RahnumaStore) target = NULL;
  gint64 wait = 0;

  g_assert_no_error (error);
  use_for_a_visit (store);
  g_assert_true (rahnuma_pin_set (store, "4321", &error));
  g_assert_false (rahnuma_pin_check (store, "1111", g_get_real_time () / G_USEC_PER_SEC, &wait, &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_true (rahnuma_dashboard_prepare (store, 5 * 3600, &error));
  g_assert_cmpint (raw_int (journal, "SELECT count(*) FROM dashboard_category"), ==, 3); /* language, gender, path */
  g_assert_true (rahnuma_sync_run (journal, officers, NULL, NULL, &error));
  g_assert_no_error (error);
  target = rahnuma_store_new_full (officers, RAHNUMA_STORE_SHARED | RAHNUMA_STORE_MUST_EXIST, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_dashboard_prepare (target, 5 * 3600, &error));
  g_assert_cmpint (raw_int (officers, "SELECT count(*) FROM dashboard_hour"), ==, 1);
}

static void
test_schema_allow_list (Fixture *f, gconstpointer data)
{
  g_autofree char *officers = g_build_filename (f->dir, "officers.db", NULL);

  use_every_feature (f->path, officers);
  assert_schema_allowed (f->path);
  assert_schema_allowed (officers);
}

/* A journal as version 1 left it, with the tables that versions 1 to 3 made
 * outside the migrations (the PIN's, with a PIN set, and the dashboard's,
 * with a stale sum): what a kiosk updated from 0.1 holds. */
static void
make_version_1 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rahnuma_pin_set (store, "4321", &error));
  g_clear_object (&store);
  raw_exec (path,
            "DROP TABLE dashboard_mark; DROP TABLE dashboard_hour; DROP TABLE dashboard_category;"
            " DROP TABLE dashboard_module; DROP TABLE dashboard_question;"
            " CREATE TABLE dashboard_category (day INTEGER NOT NULL, category TEXT NOT NULL,"
            "  value TEXT NOT NULL, sessions INTEGER NOT NULL, completed INTEGER NOT NULL,"
            "  PRIMARY KEY (day, category, value)) STRICT, WITHOUT ROWID;"
            " INSERT INTO dashboard_category VALUES (20000, 'gender', 'Ayesha Bibi', 1, 1);"
            " CREATE TABLE old_setting (key TEXT PRIMARY KEY NOT NULL CHECK (key IN"
            "  ('pin_hash', 'pin_failures', 'pin_next_try')), value TEXT NOT NULL) STRICT;"
            " INSERT INTO old_setting SELECT * FROM kiosk_setting;"
            " INSERT OR REPLACE INTO old_setting VALUES ('pin_failures', 'two');"
            " DROP TABLE kiosk_setting; ALTER TABLE old_setting RENAME TO kiosk_setting;"
            " DROP TABLE hall_session; DROP TABLE survey; DROP TABLE sync_rejected;"
            " ALTER TABLE sync_target DROP COLUMN n_rejected;"
            " ALTER TABLE session DROP COLUMN clock_suspect; ALTER TABLE session DROP COLUMN path;" RAHNUMA_TEST_SESSION_CATEGORIES
            " PRAGMA user_version = 1");
}

/* Opened read-only (the office program, `rahnuma-admin report`), an older
 * file is left exactly as it was; the migrated copy read instead holds the
 * allowed schema. */
static void
test_schema_allow_list_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  RahnumaPinState state;

  make_version_1 (f->path);
  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));
  store = rahnuma_store_new_full (f->path, RAHNUMA_STORE_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_store_get_read_path (store), !=, f->path);
  assert_schema_allowed (rahnuma_store_get_read_path (store));
  g_assert_true (rahnuma_pin_get_state (store, g_get_real_time () / G_USEC_PER_SEC, &state, &error));
  g_assert_true (state.is_set);
  g_assert_true (rahnuma_dashboard_prepare (store, 0, &error));
  g_assert_true (g_file_get_contents (f->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 1);
}

/* A used version 1 journal, migrated in place: the allowed schema; the PIN
 * kept, the hand-edited count of tries dropped; the stale sum with a value
 * no session column allows gone, and such a value refused from now on. */
static void
test_schema_allow_list_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *officers = g_build_filename (f->dir, "officers.db", NULL);
  gint64 wait = 0;
  sqlite3 *db;

  make_version_1 (f->path);
  make_version_1 (officers);
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM kiosk_setting"), ==, 2);
  g_assert_true (rahnuma_pin_check (store, "4321", g_get_real_time () / G_USEC_PER_SEC, &wait, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dashboard_category"), ==, 0);
  g_clear_object (&store);

  use_every_feature (f->path, officers);
  assert_schema_allowed (f->path);
  assert_schema_allowed (officers);
  db = open_raw (f->path);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO dashboard_category VALUES (20000, 'gender', 'Ayesha Bibi', 1, 1)",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE kiosk_setting SET value = '3 tries' WHERE key = 'pin_failures'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE kiosk_setting SET value = 'secret' WHERE key = 'pin_hash'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A version 1 file (before clock_suspect) gains the column, its rows 0, and
 * the column takes only 0 and 1. */
static void
test_migrate_clock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = begin (store);
  sqlite3 *db;

  g_clear_object (&store);
  raw_exec (f->path, "DROP TABLE hall_session; DROP TABLE survey; DROP TABLE sync_rejected;"
                    " ALTER TABLE sync_target DROP COLUMN n_rejected;"
                    " ALTER TABLE session DROP COLUMN clock_suspect; ALTER TABLE session DROP COLUMN path;" RAHNUMA_TEST_SESSION_CATEGORIES
                    " PRAGMA user_version = 1");
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE clock_suspect = 0"), ==, 1);
  db = open_raw (f->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE session SET clock_suspect = 2", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Every visit starts on the full path; the kiosk notes the short one when
 * the visitor chooses it (with a new rev, so a sync copies it); the column
 * takes nothing but 'full' and 'short' (issue 20). */
static void
test_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = begin (store);
  g_autofree char *other = begin (store);
  RahnumaVisitPath path = RAHNUMA_PATH_FULL;
  gint64 rev;
  sqlite3 *db;

  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE path = 'full'"), ==, 2);
  rev = raw_int (f->path, "SELECT max (rev) FROM session");
  g_assert_true (rahnuma_store_set_path (store, id, RAHNUMA_PATH_SHORT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE path = 'short'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM session WHERE path = 'short'"), ==, rev + 1);
  g_assert_false (rahnuma_store_set_path (store, "0123456789abcdef0123456789abcdef", RAHNUMA_PATH_SHORT,
                                          &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rahnuma_visit_path_from_string ("short", &path));
  g_assert_cmpint (path, ==, RAHNUMA_PATH_SHORT);
  g_assert_false (rahnuma_visit_path_from_string ("hall", &path));
  g_assert_cmpstr (rahnuma_visit_path_to_string (RAHNUMA_PATH_FULL), ==, "full");

  db = open_raw (f->path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE session SET path = 'hall'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE session SET path = NULL", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE session SET path = 'Full'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A version 6 file (before session.path) gains the column with every old
 * visit on the full path, which is the only one there was. */
static void
test_migrate_path (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = begin (store);
  g_autofree char *done = begin (store);

  g_assert_true (rahnuma_store_finish_session (store, done, RAHNUMA_SESSION_ABANDONED, NULL,
                                               start_ur.started_at + 900, &error));
  g_clear_object (&store);
  raw_exec (f->path, "DROP TABLE hall_session; ALTER TABLE session DROP COLUMN path; PRAGMA user_version = 6");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM pragma_table_info ('session') WHERE name = 'path'"),
                   ==, 0);
  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, RAHNUMA_STORE_VERSION);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE path = 'full'"), ==, 2);
  g_assert_true (rahnuma_store_set_path (store, id, RAHNUMA_PATH_SHORT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE path = 'short'"), ==, 1);
}

/* The session keeps only the gender: every value of its list goes in,
 * free text does not. */
static void
test_categories (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = begin (store);
  const char * const *values = rahnuma_store_get_categories ("gender");

  g_assert_nonnull (values);
  g_assert_cmpstr (values[g_strv_length ((char **) values) - 1], ==, RAHNUMA_CATEGORY_UNSAID);
  for (guint v = 0; values[v] != NULL; v++)
    {
      g_assert_true (rahnuma_store_set_gender (store, id, values[v], &error));
      g_assert_no_error (error);
    }
  g_assert_true (rahnuma_store_set_gender (store, id, NULL, &error));
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE gender = 'unsaid'"), ==, 1);

  /* Free text is refused by the schema itself. */
  g_assert_false (rahnuma_store_set_gender (store, id, "Ayesha Bibi", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The survey's lists are still served from here. */
  g_assert_nonnull (rahnuma_store_get_categories ("destination"));
  g_assert_nonnull (rahnuma_store_get_categories ("sector"));
  g_assert_null (rahnuma_store_get_categories ("name"));
}

static void
test_no_free_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *id = begin (store);
  RahnumaSessionStart start = start_ur;
  char *bad_id;

  start.kiosk = "Muhammad Ali 35202-1234567-1";
  bad_id = rahnuma_store_begin_session (store, &start, &error);
  g_assert_null (bad_id);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED,
                                                "call me on 0300", 1764003600, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The refused finish left the session as it was. */
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 1);
}

/* The rules the kiosk checks its settings with at start-up are the schema's
 * own: each value is accepted by the function exactly when the journal's
 * CHECK accepts a visit with it. */
static gboolean
journal_accepts (RahnumaStore *store, const RahnumaSessionStart *start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rahnuma_store_begin_session (store, start, &error);

  if (id == NULL)
    g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED);
  return id != NULL;
}

static void
test_column_rules (Fixture *f, gconstpointer data)
{
  static const char * const places[] = {
    "LHE-PROTECTOR", "LHE PROTECTOR", "K1", "kiosk_2", "", "x", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "LHE/1", "LHE.1", "لاہور", "LHE\tPOE", "a*b", "[x]", NULL
  };
  static const char * const languages[] = { "ur", "ps", "pa_PK", "en", "pa", "UR", "ar", "", "ur ", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; places[i] != NULL; i++)
    {
      RahnumaSessionStart start = start_ur;

      start.centre = places[i];
      g_assert_cmpint (rahnuma_store_is_valid_centre (places[i]), ==, journal_accepts (store, &start));
      start = start_ur;
      start.kiosk = places[i];
      g_assert_cmpint (rahnuma_store_is_valid_kiosk (places[i]), ==, journal_accepts (store, &start));
    }
  for (guint i = 0; languages[i] != NULL; i++)
    {
      RahnumaSessionStart start = start_ur;

      start.language = languages[i];
      g_assert_cmpint (rahnuma_store_is_valid_language (languages[i]), ==, journal_accepts (store, &start));
    }
  g_assert_false (rahnuma_store_is_valid_centre ("LHE PROTECTOR"));
  g_assert_true (rahnuma_store_is_valid_centre ("LHE-PROTECTOR"));
}

static void
test_abandon_active (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  g_autofree char *a = begin (store);
  g_autofree char *b = begin (store);
  g_autofree char *c = begin (store);
  g_autofree char *code = rahnuma_code_generate ();

  g_assert_true (rahnuma_store_finish_session (store, c, RAHNUMA_SESSION_COMPLETED, code,
                                               start_ur.started_at + 1200, &error));
  g_clear_object (&store); /* the kiosk lost power */

  store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_true (rahnuma_store_abandon_active (store, start_ur.started_at + 7200, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), ==, 0);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ABANDONED, &error), ==, 2);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_COMPLETED, &error), ==, 1);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE ended_at IS NULL"), ==, 0);
}

/* The disk fills up mid-visit: the step fails with FULL, what was committed
 * stays, and writing goes on once there is room. max_page_count stands in
 * for a full disk: SQLite reports both as SQLITE_FULL. */
static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  sqlite3 *db = rahnuma_store_get_db (store);
  g_autofree char *id = begin (store);
  g_autofree char *code = rahnuma_code_generate ();
  guint committed = 0;
  gboolean ok = TRUE;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 12", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint q = 0; ok && q < 100; q++)
    {
      g_autofree char *module = g_strdup_printf ("module-%u-with-a-long-id-to-fill-pages-sooner-%u", q, q);

      ok = rahnuma_store_record_module (store, id, module, 1, 1.0, 1, 1, TRUE, &error);
      committed += ok;
    }
  g_assert_false (ok);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpuint (committed, >, 0);

  /* Room again (the officer freed space): the visit goes on. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                               start_ur.started_at + 1800, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM module_progress"), ==, committed);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM session WHERE state = 'completed'"), ==, 1);
}

/* A one-row query: its row, or, with no row, damage (a version or a
 * count that is not there is a broken file, not zero). */
static void
test_read_row (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  sqlite3 *db = rahnuma_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = -1;

  g_assert_no_error (error);
  stmt = rahnuma_store_read_row (db, "SELECT 7, 'seven'", "Cannot read", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 7);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "seven");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = rahnuma_store_read_row (db, "SELECT 1 WHERE 0", "Cannot read", &error);
  g_assert_null (stmt);
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (rahnuma_store_read_int (db, "SELECT 1 WHERE 0", "Cannot read", &value, &error));
  g_assert_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED);
  g_assert_cmpint (value, ==, -1);
}

typedef struct
{
  RahnumaStore *store;
  guint n;
} WriterData;

static gpointer
write_sessions (gpointer user_data)
{
  WriterData *w = user_data;

  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = rahnuma_store_begin_session (w->store, &start_ur, &error);

      g_assert_no_error (error);
      g_assert_true (rahnuma_store_record_module (w->store, id, "fees", 1, 1.0, 1, 1, TRUE, &error));
      g_assert_true (rahnuma_store_finish_session (w->store, id, RAHNUMA_SESSION_ABANDONED, NULL,
                                                   start_ur.started_at, &error));
    }
  return NULL;
}

/* The kiosk writes from a worker thread while the main thread reads. */
static void
test_threads (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->path, NULL, &error);
  WriterData w = { store, 100 };
  GThread *thread = g_thread_new ("writer", write_sessions, &w);
  gint64 seen = 0;

  while (seen < 100)
    {
      gint64 n = rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ABANDONED, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >=, seen);
      seen = n;
    }
  g_thread_join (thread);
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ABANDONED, &error), ==, 100);
}

/* The kiosk's --windowed development mode keeps no file. */
static void
test_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (":memory:", NULL, &error);
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  id = begin (store);
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_ABANDONED, NULL,
                                               start_ur.started_at, &error));
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ABANDONED, &error), ==, 1);
}

static void
test_coarse_time (void)
{
  g_assert_cmpint (rahnuma_store_coarsen_time (1764000000 + 899), ==, 1764000000);
  g_assert_cmpint (rahnuma_store_coarsen_time (1764000000), ==, 1764000000);
  g_assert_cmpint (rahnuma_store_coarsen_time (-1), ==, -900);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/store/write-read", test_write_read);
  ADD ("/rahnuma/store/lookup-unknown", test_lookup_unknown);
  ADD ("/rahnuma/store/missing-path", test_missing_path);
  ADD ("/rahnuma/store/empty-file", test_empty_file);
  ADD ("/rahnuma/store/damaged", test_damaged);
  ADD ("/rahnuma/store/not-ours", test_not_ours);
  ADD ("/rahnuma/store/truncated", test_truncated);
  ADD ("/rahnuma/store/future-version", test_future_version);
  ADD ("/rahnuma/store/recover-healthy", test_recover_healthy);
  ADD ("/rahnuma/store/clean-stop", test_clean_stop);
  ADD ("/rahnuma/store/damage-found-in-background", test_damage_found_in_background);
  ADD ("/rahnuma/store/schema-allow-list", test_schema_allow_list);
  ADD ("/rahnuma/store/schema-allow-list-migrated", test_schema_allow_list_migrated);
  ADD ("/rahnuma/store/schema-allow-list-read-only", test_schema_allow_list_read_only);
  ADD ("/rahnuma/store/migrate-clock", test_migrate_clock);
  ADD ("/rahnuma/store/path", test_path);
  ADD ("/rahnuma/store/migrate-path", test_migrate_path);
  ADD ("/rahnuma/store/categories", test_categories);
  ADD ("/rahnuma/store/no-free-text", test_no_free_text);
  ADD ("/rahnuma/store/column-rules", test_column_rules);
  ADD ("/rahnuma/store/abandon-active", test_abandon_active);
  ADD ("/rahnuma/store/threads", test_threads);
  ADD ("/rahnuma/store/describe-outcome", test_describe_outcome);
  ADD ("/rahnuma/store/disk-full", test_disk_full);
  ADD ("/rahnuma/store/read-row", test_read_row);
#undef ADD
  g_test_add_func ("/rahnuma/store/coarse-time", test_coarse_time);
  g_test_add_func ("/rahnuma/store/memory", test_memory);

  return g_test_run ();
}
