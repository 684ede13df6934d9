/* bench-record.c — one quiz answer written to the journal, against a raw
 * SQLite INSERT with the same durability, in the same run
 *
 * The kiosk commits every step before the screen moves on, so each answer
 * is one durable transaction. This times, interleaved one by one so both
 * see the same disk:
 *
 *  - record: rahnuma_store_record_answer() on a real journal;
 *  - baseline: a prepared INSERT of the same five values into a plain table
 *    in its own transaction, in a file with the journal's pragmas
 *    (journal_mode=WAL, synchronous=FULL).
 *
 * Prints the medians: record-answer  <record> ms  <baseline> ms  <ratio>x
 * Usage: bench-record [N] (default 300 writes of each)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "rahnuma-store.h"

#define QUESTIONS_PER_SESSION 100

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

static sqlite3 *
open_raw (const char *path, sqlite3_stmt **insert)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA journal_mode = WAL");
  exec_or_die (db, "PRAGMA synchronous = FULL");
  exec_or_die (db, "CREATE TABLE answer (session_id TEXT, module_id TEXT, question INTEGER,"
                   " choice INTEGER, correct INTEGER)");
  if (sqlite3_prepare_v2 (db, "INSERT INTO answer VALUES (?, ?, ?, ?, ?)", -1, insert, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  return db;
}

static char *
begin_session (RahnumaStore *store)
{
  g_autoptr(GError) error = NULL;
  RahnumaSessionStart start = {
    .centre = "BENCH", .kiosk = "bench", .language = "ur",
    .catalog_version = "bench", .started_at = g_get_real_time () / G_USEC_PER_SEC,
  };
  char *id = rahnuma_store_begin_session (store, &start, &error);

  g_assert_no_error (error);
  return id;
}

static double
time_record (RahnumaStore *store, const char *session, guint question)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  if (!rahnuma_store_record_answer (store, session, "contract", question, question % 4,
                                    question % 3 == 0, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
time_raw (sqlite3 *db, sqlite3_stmt *insert, const char *session, guint question)
{
  gint64 t0 = g_get_monotonic_time ();

  exec_or_die (db, "BEGIN IMMEDIATE");
  sqlite3_bind_text (insert, 1, session, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, "contract", -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 3, question);
  sqlite3_bind_int (insert, 4, question % 4);
  sqlite3_bind_int (insert, 5, question % 3 == 0);
  if (sqlite3_step (insert) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (insert);
  exec_or_die (db, "COMMIT");
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rahnuma-bench-record-XXXXXX", &error);
  g_autofree char *journal = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *session = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GArray) record_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *insert = NULL;
  sqlite3 *raw;
  guint n = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : 300;
  double r, b;

  g_assert_no_error (error);
  store = rahnuma_store_new (journal, NULL, &error);
  g_assert_no_error (error);
  raw = open_raw (raw_path, &insert);

  for (guint i = 0; i < n; i++)
    {
      guint question = i % QUESTIONS_PER_SESSION;
      double t;

      if (question == 0)
        {
          g_free (session);
          session = begin_session (store);
        }
      t = time_record (store, session, question);
      g_array_append_val (record_ms, t);
      t = time_raw (raw, insert, session, question);
      g_array_append_val (raw_ms, t);
    }

  r = bench_median (record_ms);
  b = bench_median (raw_ms);
  printf ("%-26s %8.3f ms %8.3f ms  %.2fx\n", "record-answer", r, b, r / b);

  sqlite3_finalize (insert);
  sqlite3_close (raw);
  g_clear_object (&store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (journal, suffixes[i], NULL);
        g_autofree char *c = g_strconcat (raw_path, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (c);
      }
  }
  g_rmdir (dir);
  return 0;
}
