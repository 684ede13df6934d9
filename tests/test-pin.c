/* test-pin.c — the officers' PIN: hash, first run, wrong tries and delays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-pin.h"
#include "rahnuma-store-private.h"

#define T0 1764000000

typedef struct
{
  char *dir;
  char *path;
  RahnumaStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rahnuma-pin-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (f->store);
  f->store = rahnuma_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
}

static void
test_well_formed (void)
{
  g_assert_true (rahnuma_pin_is_well_formed ("1234"));
  g_assert_true (rahnuma_pin_is_well_formed ("12345678"));
  g_assert_false (rahnuma_pin_is_well_formed ("123"));
  g_assert_false (rahnuma_pin_is_well_formed ("123456789"));
  g_assert_false (rahnuma_pin_is_well_formed ("12a4"));
  g_assert_false (rahnuma_pin_is_well_formed ("12 34"));
  g_assert_false (rahnuma_pin_is_well_formed ("١٢٣٤")); /* Arabic-Indic digits: not ASCII */
  g_assert_false (rahnuma_pin_is_well_formed (""));
}

static void
test_delays (void)
{
  g_assert_cmpuint (rahnuma_pin_delay_for_failures (0), ==, 0);
  g_assert_cmpuint (rahnuma_pin_delay_for_failures (3), ==, 0);
  g_assert_cmpuint (rahnuma_pin_delay_for_failures (4), ==, 5);
  for (guint n = 1; n < 20; n++)
    g_assert_cmpuint (rahnuma_pin_delay_for_failures (n), >=, rahnuma_pin_delay_for_failures (n - 1));
  g_assert_cmpuint (rahnuma_pin_delay_for_failures (1000), ==, rahnuma_pin_delay_for_failures (20));
}

static void
test_first_run (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;

  g_assert_true (rahnuma_pin_get_state (f->store, T0, &state, &error));
  g_assert_false (state.is_set);
  g_assert_false (rahnuma_pin_check (f->store, "1234", T0, NULL, &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_NOT_SET);
  g_clear_error (&error);

  g_assert_false (rahnuma_pin_set (f->store, "12", &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (rahnuma_pin_set (f->store, "2468", &error));
  g_assert_no_error (error);
  g_assert_true (rahnuma_pin_get_state (f->store, T0, &state, &error));
  g_assert_true (state.is_set);
  g_assert_true (rahnuma_pin_check (f->store, "2468", T0, NULL, &error));
  g_assert_no_error (error);
}

/* The file holds a salted Argon2id string, never the digits. */
static void
test_hash_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  gsize length;
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (rahnuma_pin_set (f->store, "97531", &error));
  db = rahnuma_store_get_db (f->store);
  stmt = rahnuma_store_prepare (db, "SELECT value FROM kiosk_setting WHERE key = 'pin_hash'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_assert_true (g_str_has_prefix (first, "$argon2id$"));
  g_assert_null (strstr (first, "97531"));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Same PIN again: a new salt, so a different string. */
  g_assert_true (rahnuma_pin_set (f->store, "97531", &error));
  stmt = rahnuma_store_prepare (db, "SELECT value FROM kiosk_setting WHERE key = 'pin_hash'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (first, !=, (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  reopen (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_null (g_strstr_len (contents, length, "97531"));
}

static void
expect_wrong (Fixture *f, gint64 now, gint64 expected_wait)
{
  g_autoptr(GError) error = NULL;
  gint64 wait = -1;

  g_assert_false (rahnuma_pin_check (f->store, "0000", now, &wait, &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG);
  g_assert_cmpint (wait, ==, expected_wait);
}

static void
expect_locked (Fixture *f, const char *pin, gint64 now, gint64 expected_wait)
{
  g_autoptr(GError) error = NULL;
  gint64 wait = -1;

  g_assert_false (rahnuma_pin_check (f->store, pin, now, &wait, &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_LOCKED);
  g_assert_cmpint (wait, ==, expected_wait);
}

/* Three free tries, then delays that grow, survive a reopen, and hold even
 * for the right PIN; the right PIN after the delay forgives them. */
static void
test_lockout (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;
  gint64 now = T0;

  g_assert_true (rahnuma_pin_set (f->store, "4321", &error));
  expect_wrong (f, now, 0);
  expect_wrong (f, now, 0);
  expect_wrong (f, now, 0);
  expect_wrong (f, now, 5);
  expect_locked (f, "4321", now + 1, 4);

  reopen (f);
  g_assert_true (rahnuma_pin_get_state (f->store, now + 2, &state, &error));
  g_assert_cmpuint (state.n_failures, ==, 4);
  g_assert_cmpint (state.wait, ==, 3);
  expect_locked (f, "0000", now + 2, 3);

  now += 5;
  expect_wrong (f, now, 15);
  expect_locked (f, "0000", now + 14, 1);
  now += 15;
  expect_wrong (f, now, 60);
  reopen (f);
  expect_locked (f, "4321", now + 59, 1);

  now += 60;
  g_assert_true (rahnuma_pin_check (f->store, "4321", now, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rahnuma_pin_get_state (f->store, now, &state, &error));
  g_assert_cmpuint (state.n_failures, ==, 0);
  g_assert_cmpint (state.wait, ==, 0);
  expect_wrong (f, now, 0);
}

#define YEARS_26 (26 * 365 * G_GINT64_CONSTANT (86400))

static void
expect_clock_warning (void)
{
  g_test_expect_message ("rahnuma-pin", G_LOG_LEVEL_WARNING, "*the clock has gone back*");
}

/* Writes the stored tries directly, as a damaged clock or hand edit left them. */
static void
write_tries (Fixture *f, guint n_failures, const char *next_try)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE kiosk_setting SET value = '%u' WHERE key = 'pin_failures';"
                                          "UPDATE kiosk_setting SET value = '%s' WHERE key = 'pin_next_try';",
                                          n_failures, next_try);

  g_assert_true (rahnuma_store_exec (rahnuma_store_get_db (f->store), sql, &error));
  g_assert_no_error (error);
  reopen (f);
}

/* One wrong try too many, then the clock falls back 26 years: the delay still
 * ends within its own length, is kept at that, and then runs out. */
static void
test_clock_fell_back (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;
  gint64 now = T0 - YEARS_26;

  g_assert_true (rahnuma_pin_set (f->store, "4321", &error));
  for (guint i = 0; i < 3; i++)
    expect_wrong (f, T0, 0);
  expect_wrong (f, T0, 5);

  expect_clock_warning ();
  g_assert_true (rahnuma_pin_get_state (f->store, now, &state, &error));
  g_test_assert_expected_messages ();
  g_assert_cmpint (state.wait, ==, 5);
  reopen (f);
  expect_locked (f, "4321", now + 1, 4); /* kept: no second warning, no new delay */
  expect_locked (f, "4321", now + 4, 1);
  g_assert_true (rahnuma_pin_check (f->store, "4321", now + 5, NULL, &error));
  g_assert_no_error (error);
}

/* Stored times far ahead (up to the largest number) and far behind: a delay
 * never exceeds its own length from now, and a past one is over. */
static void
test_stored_time_extremes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;

  g_assert_true (rahnuma_pin_set (f->store, "4321", &error));
  write_tries (f, 8, "9223372036854775807");
  expect_clock_warning ();
  expect_locked (f, "0000", T0, 900);
  g_test_assert_expected_messages ();
  g_assert_true (rahnuma_pin_get_state (f->store, T0 + 899, &state, &error));
  g_assert_cmpint (state.wait, ==, 1);
  expect_wrong (f, T0 + 900, 900);

  write_tries (f, 5, "-9223372036854775807");
  g_assert_true (rahnuma_pin_get_state (f->store, T0, &state, &error));
  g_assert_cmpint (state.wait, ==, 0);
  expect_wrong (f, T0, 60);
  expect_locked (f, "4321", T0 + 1, 59);

  /* The clock ran 70 years ahead for a while, then came right. */
  write_tries (f, 4, "4000000000");
  expect_clock_warning ();
  expect_locked (f, "4321", T0, 5);
  g_test_assert_expected_messages ();
}

/* Setting a new PIN (from rahnuma-admin) forgives past tries, and the old
 * PIN stops working. */
static void
test_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_pin_set (f->store, "1111", &error));
  for (guint i = 0; i < 5; i++)
    {
      g_clear_error (&error);
      rahnuma_pin_check (f->store, "9999", T0, NULL, &error);
    }
  g_clear_error (&error);
  g_assert_true (rahnuma_pin_set (f->store, "22223333", &error));
  expect_wrong (f, T0, 0);
  g_assert_false (rahnuma_pin_check (f->store, "1111", T0, NULL, &error));
  g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_true (rahnuma_pin_check (f->store, "22223333", T0, NULL, &error));
  g_assert_no_error (error);
}

static void
on_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  int *outcome = user_data;
  g_autoptr(GError) error = NULL;

  *outcome = rahnuma_pin_check_finish (result, NULL, &error) ? 1 : 0;
  if (*outcome == 0)
    g_assert_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  int outcome = -1;

  g_assert_true (rahnuma_pin_set (f->store, "5555", &error));
  rahnuma_pin_check_async (f->store, "5556", NULL, on_checked, &outcome);
  while (outcome < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 0);
  outcome = -1;
  rahnuma_pin_check_async (f->store, "5555", NULL, on_checked, &outcome);
  while (outcome < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (outcome, ==, 1);
}

/* rahnuma-admin pin set: the PIN from standard input, never the command line. */
static int
admin_pin_set (Fixture *f, const char *input)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL);
  const char *argv[] = { admin, "pin", "set", "--db", f->path, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, stdin_bytes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
test_admin_set (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;

  if (g_getenv ("RAHNUMA_BUILD_DIR") == NULL)
    {
      g_test_skip ("RAHNUMA_BUILD_DIR is not set");
      return;
    }
  g_assert_cmpint (admin_pin_set (f, "12\n"), ==, 1);
  g_assert_cmpint (admin_pin_set (f, "12ab\n"), ==, 1);
  g_assert_cmpint (admin_pin_set (f, ""), ==, 1);
  g_assert_true (rahnuma_pin_get_state (f->store, T0, &state, &error));
  g_assert_false (state.is_set);

  g_assert_cmpint (admin_pin_set (f, "8642\n"), ==, 0);
  g_assert_true (rahnuma_pin_check (f->store, "8642", T0, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/pin/well-formed", test_well_formed);
  g_test_add_func ("/rahnuma/pin/delays", test_delays);
  g_test_add ("/rahnuma/pin/first-run", Fixture, NULL, fixture_set_up, test_first_run, fixture_tear_down);
  g_test_add ("/rahnuma/pin/hash-only", Fixture, NULL, fixture_set_up, test_hash_only, fixture_tear_down);
  g_test_add ("/rahnuma/pin/lockout", Fixture, NULL, fixture_set_up, test_lockout, fixture_tear_down);
  g_test_add ("/rahnuma/pin/clock-fell-back", Fixture, NULL, fixture_set_up, test_clock_fell_back,
              fixture_tear_down);
  g_test_add ("/rahnuma/pin/stored-time-extremes", Fixture, NULL, fixture_set_up, test_stored_time_extremes,
              fixture_tear_down);
  g_test_add ("/rahnuma/pin/change", Fixture, NULL, fixture_set_up, test_change, fixture_tear_down);
  g_test_add ("/rahnuma/pin/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/rahnuma/pin/admin-set", Fixture, NULL, fixture_set_up, test_admin_set, fixture_tear_down);
  return g_test_run ();
}
