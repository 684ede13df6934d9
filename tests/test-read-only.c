/* test-read-only.c — report, verify, export and sync --from only read: an
 * empty file stays empty, an officers' file and a kiosk journal keep their
 * bytes, time and journal mode, and a sync from a file that is not a journal
 * adds nothing to the officers' file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rahnuma-code.h"
#include "rahnuma-store.h"
#include "test-util.h"

#define T0 1764000000

typedef struct
{
  char *dir;
  char *kiosk;    /* a WAL journal with three finished visits */
  char *officers; /* a rollback-journal officers' file, synced from kiosk */
  char *empty;    /* a file of no bytes */
  char *code;     /* a completion code in both */
} Fixture;

/* What must not change: the bytes, the modification time, the files beside it. */
typedef struct
{
  GBytes *bytes;
  struct timespec mtime;
} Fingerprint;

static char *
run_admin (int *status, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error));
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

static void
fill_kiosk (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = rahnuma_store_new (f->kiosk, NULL, &error);
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", T0, FALSE };

  g_assert_no_error (error);
  f->code = rahnuma_code_generate ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);
      g_autofree char *code = i == 0 ? g_strdup (f->code) : rahnuma_code_generate ();

      /* A completed visit watched and answered its lessons. */
      g_assert_true (rahnuma_store_record_module (store, id, "fees", 1, 1.0, 3, 3, TRUE, &error));
      g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                                   T0 + 1800, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  int status;
  g_autofree char *out = NULL;

  f->dir = rahnuma_test_make_tmpdir ("rahnuma-read-only-XXXXXX");
  f->kiosk = g_build_filename (f->dir, "kiosk.db", NULL);
  f->officers = g_build_filename (f->dir, "officers.db", NULL);
  f->empty = g_build_filename (f->dir, "empty.db", NULL);
  fill_kiosk (f);
  out = run_admin (&status, NULL, "sync", "--from", f->kiosk, "--to", f->officers, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_set_contents (f->empty, "", 0, NULL));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->kiosk);
  g_free (f->officers);
  g_free (f->empty);
  g_free (f->code);
}

static Fingerprint
fingerprint (const char *path)
{
  Fingerprint print;
  char *contents = NULL;
  gsize length;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  print.bytes = g_bytes_new_take (contents, length);
  g_assert_cmpint (stat (path, &st), ==, 0);
  print.mtime = st.st_mtim;
  return print;
}

static void
assert_unchanged (const char *path, Fingerprint *before)
{
  Fingerprint after = fingerprint (path);

  g_assert_true (g_bytes_equal (before->bytes, after.bytes));
  g_assert_cmpint (before->mtime.tv_sec, ==, after.mtime.tv_sec);
  g_assert_cmpint (before->mtime.tv_nsec, ==, after.mtime.tv_nsec);
  g_bytes_unref (after.bytes);
}

/* The size of the file beside @path with @suffix (-wal, -shm, -journal), or -1. */
static gint64
sidecar_size (const char *path, const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);
  struct stat st;

  return stat (sidecar, &st) == 0 ? st.st_size : -1;
}

static char *
query_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Runs each read-only command on @path; returns how many succeeded. */
static guint
read_everything (Fixture *f, const char *path, const char *expect_error)
{
  g_autofree char *export_path = g_build_filename (f->dir, "export.csv", NULL);
  const char *commands[][6] = {
    { "report", "--db", path, NULL },
    { "report", "--json", "--db", path, NULL },
    { "verify", "--db", path, f->code, NULL },
    { "export", "--db", path, "--output", export_path, NULL },
  };
  guint n_ok = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      out = run_admin (&status, &err, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                       commands[i][4], NULL);
      g_test_message ("%s on %s: %d %s", commands[i][0], path, status, err);
      n_ok += status == 0;
      if (expect_error != NULL)
        g_assert_nonnull (strstr (err, expect_error));
    }
  return n_ok;
}

/* An empty file: each command says so and fails; the file stays empty. */
static void
test_empty_file (Fixture *f, gconstpointer data)
{
  Fingerprint before = fingerprint (f->empty);
  g_autofree char *expected = g_strdup_printf ("%s is empty", f->empty);

  g_assert_cmpuint (read_everything (f, f->empty, expected), ==, 0);
  assert_unchanged (f->empty, &before);
  g_assert_cmpint (sidecar_size (f->empty, "-wal"), ==, -1);
  g_assert_cmpint (sidecar_size (f->empty, "-shm"), ==, -1);
  g_assert_cmpint (sidecar_size (f->empty, "-journal"), ==, -1);
  g_bytes_unref (before.bytes);
}

/* sync --from a file that is not a journal: a clear message, nothing copied,
 * no sync_source row, neither file touched. */
static void
test_sync_from_empty (Fixture *f, gconstpointer data)
{
  Fingerprint empty_before = fingerprint (f->empty);
  Fingerprint officers_before = fingerprint (f->officers);
  g_autofree char *expected = g_strdup_printf ("%s is empty", f->empty);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *n_sources = NULL;
  int status;

  out = run_admin (&status, &err, "sync", "--from", f->empty, "--to", f->officers, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, expected));
  assert_unchanged (f->empty, &empty_before);
  assert_unchanged (f->officers, &officers_before);
  g_assert_cmpint (sidecar_size (f->empty, "-wal"), ==, -1);
  n_sources = query_text (f->officers, "SELECT count(*) FROM sync_source");
  g_assert_cmpstr (n_sources, ==, "1");
  g_bytes_unref (empty_before.bytes);
  g_bytes_unref (officers_before.bytes);
}

/* The officers' file keeps its rollback journal mode and every byte. */
static void
test_officers_file (Fixture *f, gconstpointer data)
{
  Fingerprint before = fingerprint (f->officers);
  g_autofree char *mode = NULL;

  g_assert_cmpuint (read_everything (f, f->officers, NULL), ==, 4);
  assert_unchanged (f->officers, &before);
  g_assert_cmpint (sidecar_size (f->officers, "-wal"), ==, -1);
  g_assert_cmpint (sidecar_size (f->officers, "-journal"), ==, -1);
  mode = query_text (f->officers, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_bytes_unref (before.bytes);
}

/* A kiosk journal read by report, verify, export and synced from with
 * rahnuma-admin: its bytes and time stay, and no sync is noted in it. */
static void
test_kiosk_journal (Fixture *f, gconstpointer data)
{
  Fingerprint before = fingerprint (f->kiosk);
  g_autofree char *other = g_build_filename (f->dir, "other-officers.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *n_noted = NULL;
  int status;

  g_assert_cmpuint (read_everything (f, f->kiosk, NULL), ==, 4);
  out = run_admin (&status, NULL, "sync", "--from", f->kiosk, "--to", other, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Copied 3 sessions"));
  assert_unchanged (f->kiosk, &before);
  /* SQLite's read-only WAL protocol may leave an empty -wal; never one with pages. */
  g_assert_cmpint (sidecar_size (f->kiosk, "-wal"), <=, 0);
  mode = query_text (f->kiosk, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  n_noted = query_text (f->kiosk, "SELECT count(*) FROM sync_target");
  g_assert_cmpstr (n_noted, ==, "0");
  g_bytes_unref (before.bytes);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rahnuma/read-only/empty-file", test_empty_file);
  ADD ("/rahnuma/read-only/sync-from-empty", test_sync_from_empty);
  ADD ("/rahnuma/read-only/officers-file", test_officers_file);
  ADD ("/rahnuma/read-only/kiosk-journal", test_kiosk_journal);
#undef ADD

  return g_test_run ();
}
