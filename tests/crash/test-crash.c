/* test-crash.c — kill -9 a kiosk writing its journal and a sync copying it,
 * at random moments, over and over; the files must stay sound
 *
 * Each round starts two processes: this program as a kiosk writing visits
 * step by step (--crash-writer), printing a line after each step commits,
 * and `rahnuma-admin sync` copying that journal into an officers' file. Both
 * are killed with SIGKILL at random moments. Then:
 *
 *  - both files pass PRAGMA integrity_check;
 *  - the journal holds every step the writer reported, and at most one more
 *    (the one in flight when it died);
 *  - the officers' file has no duplicates and no active sessions, every
 *    session in it has exactly the kiosk's module and answer rows (all or
 *    nothing) with the kiosk's values in every column (a digest per table),
 *    and every finished session up to its sync mark is there;
 *  - every survey answer and hall session in the officers' file is the
 *    kiosk's, value for value, once (they are keyed by their random id and
 *    have no mark).
 *
 * Every third round starts a fresh officers' file, so that many kills land
 * in the middle of a large first copy. Every other round aims its kill: it
 * waits for the sync's own progress mark (its rollback journal appears when
 * a transaction starts writing) and kills a moment later; the others kill at
 * a random moment within the time an undisturbed sync takes, measured at the
 * start (so a slow sanitizer build gets a wider window). At least a quarter
 * of all kills must land inside a sync transaction, or the test fails: a
 * crash test whose kills all miss proves nothing.
 *
 * RAHNUMA_CRASH_ROUNDS sets the number of rounds (default 40; the issue's
 * "hundreds" is a run with 300).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "rahnuma-code.h"
#include "rahnuma-store-private.h"
#include "rahnuma-hall-session.h"
#include "rahnuma-survey.h"
#include "rahnuma-sync.h"
#include "test-util.h"

#define T0 1764000000

/* ---- the child: a kiosk writing visits until it is killed ------------ */

static void
report_step (guint64 *steps)
{
  printf ("%" G_GUINT64_FORMAT "\n", ++*steps);
  fflush (stdout);
}

/* Varied by @n, so a column mixed up shows. */
static gboolean
add_survey (RahnumaStore *store, guint64 n, GError **error)
{
  RahnumaSurveyAnswers a = { n % 2 ? "SA" : "AE", n % 3 ? "driving" : "construction", "promoter",
                             RAHNUMA_SURVEY_AMOUNT, (gint64) (n % 900) * 1000, n % 2 ? "yes" : "no", NULL,
                             n % 5 ? RAHNUMA_SURVEY_AMOUNT : RAHNUMA_SURVEY_UNKNOWN, 1000 + (gint64) (n % 977),
                             "SAR", FALSE };

  return rahnuma_store_add_survey (store, &a, T0, error);
}

/* A hall session (rahnuma-hall-session.h), varied by @n likewise. */
static gboolean
add_hall (RahnumaStore *store, guint64 n, GError **error)
{
  static const char * const one[] = { "contract", NULL };
  static const char * const two[] = { "contract", "fees", NULL };
  RahnumaHallSession hall = { "LHE-POE", "K1", n % 2 ? one : two, n % 3 ? "ur" : "ps", n % 2 ? "ps" : "ur",
                              1 + (guint) (n % 1000) };

  return rahnuma_hall_session_record (store, &hall, T0 + (gint64) (n % 30) * 86400, error);
}

G_GNUC_NORETURN static void
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", T0, FALSE };
  guint64 steps = 0;

  if (store == NULL)
    g_error ("writer: %s", error->message);
  for (;;)
    {
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
      g_autofree char *code = rahnuma_code_generate ();

      if (id == NULL)
        g_error ("writer: %s", error->message);
      report_step (&steps);
      for (guint m = 0; m < 2; m++)
        {
          const char *module = m == 0 ? "contract" : "fees";

          for (guint q = 0; q < 3; q++)
            {
              guint choice = (guint) (steps + q) % 4; /* varied, so a column mixed up shows */

              if (!rahnuma_store_record_answer (store, id, module, q, choice, choice == q, &error))
                g_error ("writer: %s", error->message);
              report_step (&steps);
            }
          if (!rahnuma_store_record_module (store, id, module, 1, 1.0, 3, 3, TRUE, &error))
            g_error ("writer: %s", error->message);
          report_step (&steps);
        }
      if (!rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code, T0 + 1800, &error))
        g_error ("writer: %s", error->message);
      report_step (&steps);
      if (!add_survey (store, steps, &error))
        g_error ("writer: %s", error->message);
      report_step (&steps);
      if (!add_hall (store, steps, &error))
        g_error ("writer: %s", error->message);
      report_step (&steps);
    }
}

/* ---- the checks ------------------------------------------------------ */

typedef struct
{
  char *dir;
  char *kiosk;
  char *officers;
  char *self;
  char *admin;
} Files;

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* Each writer step adds one row (a survey answer or a hall session too) or finishes one session. */
static gint64
count_steps (const char *kiosk)
{
  sqlite3 *db = open_raw (kiosk);
  gint64 steps;

  assert_integrity (db);
  steps = query_int (db, "SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM module_progress)"
                         " + (SELECT count(*) FROM answer) + (SELECT count(*) FROM survey)"
                         " + (SELECT count(*) FROM hall_session)"
                         " + (SELECT count(*) FROM session WHERE state != 'active')");
  sqlite3_close (db);
  return steps;
}

static void
attach_kiosk (sqlite3 *db, const char *kiosk)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH ?1 AS k", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kiosk, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
check_officers (Files *files)
{
  sqlite3 *db;

  if (!g_file_test (files->officers, G_FILE_TEST_EXISTS))
    return;
  db = open_raw (files->officers);
  assert_integrity (db);
  if (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'session'") == 0)
    {
      /* Killed before its first transaction committed: no tables yet. */
      sqlite3_close (db);
      return;
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) - count(DISTINCT id) FROM session"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE state = 'active'"), ==, 0);

  attach_kiosk (db, files->kiosk);
  /* All or nothing: a session came with all its rows. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.session s WHERE"
                                  " (SELECT count(*) FROM main.answer WHERE session_id = s.id) !="
                                  " (SELECT count(*) FROM k.answer WHERE session_id = s.id) OR"
                                  " (SELECT count(*) FROM main.module_progress WHERE session_id = s.id) !="
                                  " (SELECT count(*) FROM k.module_progress WHERE session_id = s.id)"),
                   ==, 0);
  /* And with the kiosk's values: every column of every row of every session
   * copied so far, compared by digest (finished sessions never change). */
  rahnuma_test_assert_same_rows (db, "k", "SELECT id FROM main.session");
  /* A kill between two schema steps (each its own transaction) leaves a
   * file at version 3, without the survey table until its next open. */
  if (query_int (db, "SELECT count(*) FROM main.sqlite_master WHERE name = 'survey'") == 1)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM"
                                    " (SELECT * FROM main.survey EXCEPT SELECT * FROM k.survey)"), ==, 0);
  if (query_int (db, "SELECT count(*) FROM main.sqlite_master WHERE name = 'hall_session'") == 1)
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM"
                                    " (SELECT * FROM main.hall_session EXCEPT SELECT * FROM k.hall_session)"), ==, 0);
  /* Nothing lost: every finished session up to the mark arrived. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM k.session ks WHERE ks.state != 'active'"
                                  " AND ks.rev <= coalesce ((SELECT last_rev FROM main.sync_source), 0)"
                                  " AND NOT EXISTS (SELECT 1 FROM main.session WHERE id = ks.id)"),
                   ==, 0);
  sqlite3_close (db);
}

/* What the kiosk does at start-up after a power cut. */
static void
restart_kiosk (Files *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (files->kiosk, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rahnuma_store_abandon_active (store, T0 + 3600, &error));
  g_assert_no_error (error);
}

static guint64
last_reported (GIOChannel *channel)
{
  g_autofree char *all = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_io_channel_read_to_end (channel, &all, NULL, NULL);
  if (all == NULL)
    return 0;
  lines = g_strsplit (all, "\n", -1);
  n = g_strv_length (lines);
  /* The last line may be cut off mid-number; the one before is whole. */
  for (int i = (int) n - 1; i >= 0; i--)
    if (lines[i][0] != '\0' && (i < (int) n - 1 || g_str_has_suffix (all, "\n")))
      return g_ascii_strtoull (lines[i], NULL, 10);
  return 0;
}

/* Returns whether @pid was killed (rather than done before the kill). */
static gboolean
kill_and_reap (GPid pid)
{
  int status;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* A sync may have finished before the kill, cleanly. */
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
  return WIFSIGNALED (status);
}

static void
remove_officers (Files *files)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (files->officers, suffixes[i], NULL);
      g_unlink (path);
    }
}

/* The sync's own progress mark: the officers' file is shared, in rollback
 * journal mode, so "officers.db-journal" exists from the first write of a
 * transaction until its commit deletes it. Left behind by a kill, it says
 * the kill landed inside a transaction (the migration or the copy), the
 * moment atomicity is for. Returns the journal's first byte, or -1 if there
 * is none: SQLite writes the header's magic (non-zero) only when the commit
 * starts writing the database, so a journal starting with 0 is not "hot"
 * and SQLite leaves it in place, ignored, until the next write transaction. */
static int
journal_first_byte (Files *files)
{
  g_autofree char *journal = g_strconcat (files->officers, "-journal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (journal, &contents, &length, NULL) || length == 0)
    return -1;
  return (guchar) contents[0];
}

/* A journal a kill left before the commit began is not hot: removing it is
 * what SQLite's next transaction would do, and keeps the next round's
 * measure honest. A hot one has been rolled back by check_officers(). */
static void
clear_dead_journal (Files *files)
{
  g_autofree char *journal = g_strconcat (files->officers, "-journal", NULL);

  g_assert_cmpint (journal_first_byte (files), <=, 0);
  g_unlink (journal);
}

/* An aimed kill: polls for the journal for up to 3 × @window_us, then lets
 * the transaction run on for 0–2 ms. */
static void
wait_for_transaction (Files *files, gint64 window_us, GRand *rand)
{
  g_autofree char *journal = g_strconcat (files->officers, "-journal", NULL);
  gint64 deadline = g_get_monotonic_time () + 3 * window_us;

  while (!g_file_test (journal, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (200);
  g_usleep (g_rand_int_range (rand, 0, 2000));
}

typedef struct
{
  guint n_sync_killed; /* killed before it finished */
  guint n_inside;      /* of those, killed inside a transaction */
} Landings;

/* Notes where the kill of the sync landed. */
static void
run_round (Files *files, GRand *rand, guint round, gint64 window_us, Landings *landings)
{
  const char *writer_argv[] = { files->self, "--crash-writer", files->kiosk, NULL };
  const char *sync_argv[] = { files->admin, "sync", "--from", files->kiosk, "--to", files->officers, NULL };
  g_autoptr(GError) error = NULL;
  GPid writer, syncer;
  int writer_out;
  GIOChannel *channel;
  gboolean sync_killed, inside;
  gint64 before = count_steps (files->kiosk), after;
  guint64 reported;

  if (round % 3 == 0)
    remove_officers (files);
  clear_dead_journal (files);
  g_spawn_async_with_pipes (NULL, (char **) writer_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &writer, NULL, &writer_out, NULL, &error);
  g_assert_no_error (error);
  g_spawn_async (NULL, (char **) sync_argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &syncer, &error);
  g_assert_no_error (error);

  if (round % 2 == 0)
    wait_for_transaction (files, window_us, rand);
  else
    g_usleep (g_rand_int_range (rand, 0, (gint32) window_us));
  if (g_rand_boolean (rand))
    {
      sync_killed = kill_and_reap (syncer);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      kill_and_reap (writer);
    }
  else
    {
      kill_and_reap (writer);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      sync_killed = kill_and_reap (syncer);
    }

  inside = sync_killed && journal_first_byte (files) >= 0;
  landings->n_sync_killed += sync_killed;
  landings->n_inside += inside;

  channel = g_io_channel_unix_new (writer_out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  reported = last_reported (channel);
  g_io_channel_unref (channel);

  after = count_steps (files->kiosk);
  g_assert_cmpint (after, >=, before + (gint64) reported);
  g_assert_cmpint (after, <=, before + (gint64) reported + 1);
  check_officers (files);
  restart_kiosk (files);
}

/* How long an undisturbed `rahnuma-admin sync` takes, start to exit, in µs. */
static gint64
time_sync (Files *files)
{
  const char *argv[] = { files->admin, "sync", "--from", files->kiosk, "--to", files->officers, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_get_monotonic_time () - start;
}

static void
test_kill_writer_and_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char *rounds_text = g_getenv ("RAHNUMA_CRASH_ROUNDS");
  guint rounds = rounds_text != NULL ? (guint) g_ascii_strtoull (rounds_text, NULL, 10) : 40;
  Landings landings = { 0 };
  gint64 first_us, again_us;
  Files files = { 0 };
  RahnumaSyncStats stats;

  files.dir = g_dir_make_tmp ("rahnuma-crash-XXXXXX", &error);
  files.kiosk = g_build_filename (files.dir, "kiosk.db", NULL);
  files.officers = g_build_filename (files.dir, "officers.db", NULL);
  files.self = g_file_read_link ("/proc/self/exe", &error);
  files.admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL);
  g_assert_no_error (error);

  /* Enough visits that a first copy takes a while to kill in the middle of. */
  {
    g_autoptr(RahnumaStore) store = rahnuma_store_new (files.kiosk, NULL, &error);
    RahnumaSessionStart start = { "LHE-POE", "K0", "ur", "v1", T0, FALSE };

    g_assert_true (rahnuma_store_begin_batch (store, &error));
    for (guint i = 0; i < 2000; i++)
      {
        g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
        for (guint q = 0; q < 6; q++)
          g_assert_true (rahnuma_store_record_answer (store, id, "fees", q, (i + q) % 10, q % 2, &error));
        g_assert_true (rahnuma_store_record_module (store, id, "fees", 1 + i % 3, (i % 5) / 4.0, i % 7, 6,
                                                    i % 7 >= 4, &error));
        g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_ABANDONED, NULL, T0, &error));
        g_assert_true (add_survey (store, i, &error));
      }
    g_assert_true (rahnuma_store_end_batch (store, TRUE, &error));
  }

  /* Kill windows measured on this machine, in this build: a sanitizer build
   * is several times slower, and a fixed window would then kill the sync
   * before it started. A fresh officers' file takes the long first copy. */
  first_us = time_sync (&files);
  again_us = time_sync (&files);
  g_test_message ("an undisturbed sync took %" G_GINT64_FORMAT " ms into a fresh file, %"
                  G_GINT64_FORMAT " ms with nothing new", first_us / 1000, again_us / 1000);
  for (guint round = 0; round < rounds; round++)
    run_round (&files, rand, round, round % 3 == 0 ? first_us : again_us + 20000, &landings);

  /* Finally, undisturbed: everything arrives, once. */
  g_assert_true (rahnuma_sync_run (files.kiosk, files.officers, &stats, NULL, &error));
  g_assert_no_error (error);
  check_officers (&files);
  {
    sqlite3 *db = open_raw (files.officers);

    attach_kiosk (db, files.kiosk);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.session"), ==,
                     query_int (db, "SELECT count(*) FROM k.session"));
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.answer"), ==,
                     query_int (db, "SELECT count(*) FROM k.answer"));
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.survey"), ==,
                     query_int (db, "SELECT count(*) FROM k.survey"));
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT * FROM k.survey EXCEPT SELECT * FROM main.survey)"),
                     ==, 0);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM main.hall_session"), ==,
                     query_int (db, "SELECT count(*) FROM k.hall_session"));
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT * FROM k.hall_session"
                                    " EXCEPT SELECT * FROM main.hall_session)"), ==, 0);
    g_assert_cmpint (rahnuma_test_assert_same_rows (db, "k", "SELECT id FROM k.session"), ==,
                     query_int (db, "SELECT count(*) FROM k.session"));
    sqlite3_close (db);
  }
  g_test_message ("%u rounds; the sync was killed before it finished in %u, inside a transaction in %u",
                  rounds, landings.n_sync_killed, landings.n_inside);
  g_assert_cmpuint (landings.n_inside, >=, MAX (rounds / 4, 1));

  remove_officers (&files);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (files.kiosk, suffixes[i], NULL);
        g_unlink (path);
      }
  }
  g_rmdir (files.dir);
  g_free (files.dir);
  g_free (files.kiosk);
  g_free (files.officers);
  g_free (files.self);
  g_free (files.admin);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--crash-writer"))
    run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/crash/kill-writer-and-sync", test_kill_writer_and_sync);
  return g_test_run ();
}
