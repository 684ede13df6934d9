/* bench-journal.c — a year of visits for the benchmarks that read records
 *
 * bench-sync and bench-dashboard each need a journal of up to a million
 * sessions. rahnuma_simulate_run() writes a realistic base (a thousand
 * visits over a year); the rest is that base copied under fresh random
 * ids with raw SQL, which takes seconds instead of hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-journal.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store-private.h"

#define END_TIME 1764000000 /* 2025-11-24: the simulated year ends here */

/**
 * bench_exec_or_die:
 * @db: a connection
 * @sql: statements without parameters
 *
 * Runs @sql; a failure ends the benchmark (g_error()).
 */
void
bench_exec_or_die (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/**
 * bench_count_sessions:
 * @db: a journal or officers' file
 *
 * Returns: how many sessions it holds
 */
gint64
bench_count_sessions (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM session", -1, &stmt, NULL);
  sqlite3_step (stmt);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * bench_exec_int:
 * @db: a connection
 * @sql: one statement with one parameter, ?1
 * @value: what ?1 is
 *
 * Runs @sql once; a failure ends the benchmark (g_error()).
 */
void
bench_exec_int (sqlite3 *db, const char *sql, gint64 value)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}

/* Every column of session but id, by name: a new column is copied too, or
 * fails here loudly, instead of shifting the others. */
#define SESSION_COPY \
  "centre, kiosk, language, started_at, ended_at, state, catalog_version, code, gender," \
  " demo, rev, clock_suspect"

/**
 * bench_replicate:
 * @path: a journal with at least one session, not open elsewhere
 * @n_sessions: how many it should hold
 *
 * Doubles the file's sessions, with their module results and answers, under
 * new random ids (and later revs), until it holds @n_sessions.
 */
void
bench_replicate (const char *path, gint64 n_sessions)
{
  sqlite3 *db = NULL;
  gint64 have;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  bench_exec_or_die (db, "PRAGMA synchronous = OFF"); /* building test data, not a record */
  bench_exec_or_die (db, "PRAGMA cache_size = -262144");
  while ((have = bench_count_sessions (db)) < n_sessions)
    {
      bench_exec_or_die (db, "BEGIN");
      bench_exec_int (db, "CREATE TEMP TABLE map AS SELECT id AS old, lower (hex (randomblob (16))) AS new"
                    " FROM session LIMIT ?1", MIN (have, n_sessions - have));
      bench_exec_int (db, "INSERT INTO session (id, " SESSION_COPY ") SELECT map.new,"
                    " centre, kiosk, language, started_at, ended_at, state, catalog_version, code, gender,"
                    " demo, rev + ?1, clock_suspect"
                    " FROM session JOIN map ON id = map.old", have);
      bench_exec_or_die (db, "INSERT INTO module_progress SELECT map.new, module_id, module_version, watched,"
                             " n_correct, n_questions, passed FROM module_progress JOIN map ON session_id = map.old");
      bench_exec_or_die (db, "INSERT INTO answer SELECT map.new, module_id, question, choice, correct"
                             " FROM answer JOIN map ON session_id = map.old");
      bench_exec_or_die (db, "DROP TABLE map");
      bench_exec_or_die (db, "COMMIT");
    }
  sqlite3_close (db);
}

/**
 * bench_build_journal:
 * @path: where the journal is (kept if it already holds @n_sessions)
 * @n_sessions: how many sessions it should hold
 * @base_visits: how many of them rahnuma_simulate_run() writes, over the
 *   year before 2025-11-24; the rest are copies (bench_replicate())
 */
void
bench_build_journal (const char *path, gint64 n_sessions, guint base_visits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (path, NULL, &error);
  RahnumaSimulateOptions options = { MIN (n_sessions, base_visits), "LHE-POE", "K1", 1, END_TIME, 365 };
  sqlite3 *db = rahnuma_store_get_db (store);

  g_assert_no_error (error);
  if (bench_count_sessions (db) >= n_sessions)
    return;
  if (bench_count_sessions (db) == 0 && !rahnuma_simulate_run (store, &options, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&store);
  bench_replicate (path, n_sessions);
}
