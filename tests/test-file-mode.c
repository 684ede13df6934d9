/* test-file-mode.c — journals (and their -wal and -shm), officers' files and
 * exports are owner-only whatever the umask, and an existing file that
 * others can read is warned about, not changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rahnuma-code.h"
#include "rahnuma-drives.h"
#include "rahnuma-file.h"
#include "rahnuma-store.h"
#include "rahnuma-sync.h"
#include "test-util.h"

#define T0 1764000000

typedef struct
{
  char *dir;
  char *kiosk;
  mode_t old_umask;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rahnuma_test_make_tmpdir ("rahnuma-file-mode-XXXXXX");
  f->kiosk = g_build_filename (f->dir, "kiosk.db", NULL);
  f->old_umask = umask ((mode_t) GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  umask (f->old_umask);
  rahnuma_test_remove_tree (f->dir);
  g_free (f->kiosk);
  g_free (f->dir);
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static guint
mode_of_sidecar (const char *path, const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);

  return mode_of (sidecar);
}

/* A journal with one finished visit; the store is returned still open. */
static RahnumaStore *
make_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  RahnumaStore *store = rahnuma_store_new (path, NULL, &error);
  RahnumaSessionStart start = { "LHE-POE", "K1", "ur", "v1", T0, FALSE };
  g_autofree char *id = NULL;
  g_autofree char *code = rahnuma_code_generate ();

  g_assert_no_error (error);
  id = rahnuma_store_begin_session (store, &start, &error);
  g_assert_true (rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code, T0 + 900, &error));
  g_assert_no_error (error);
  return store;
}

/* The journal and the -wal and -shm SQLite makes beside it while it is open. */
static void
test_journal (Fixture *f, gconstpointer data)
{
  g_autoptr(RahnumaStore) store = make_journal (f->kiosk);

  g_assert_cmpuint (mode_of (f->kiosk), ==, 0600);
  g_assert_cmpuint (mode_of_sidecar (f->kiosk, "-wal"), ==, 0600);
  g_assert_cmpuint (mode_of_sidecar (f->kiosk, "-shm"), ==, 0600);
}

static void
test_officers_file (Fixture *f, gconstpointer data)
{
  g_autofree char *officers = g_build_filename (f->dir, "officers.db", NULL);
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats;

  {
    g_autoptr(RahnumaStore) store = make_journal (f->kiosk);
  }
  g_assert_true (rahnuma_sync_run (f->kiosk, officers, &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_sessions, ==, 1);
  g_assert_cmpuint (mode_of (officers), ==, 0600);
}

static int
run_admin (char **err, gboolean quiet_warnings, ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  /* A warning must be printed, not abort the command as G_DEBUG=fatal-warnings would. */
  if (quiet_warnings)
    g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_ptr_array_add (argv, g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL));
  va_start (args, quiet_warnings);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* CSV, JSON over an older export others could read, and the PDF report. */
static void
test_exports (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "visits.csv", NULL);
  g_autofree char *json = g_build_filename (f->dir, "visits.json", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);

  {
    g_autoptr(RahnumaStore) store = make_journal (f->kiosk);
  }
  g_assert_true (g_file_set_contents (json, "old", -1, NULL));
  g_assert_cmpint (g_chmod (json, 0644), ==, 0);

  g_assert_cmpint (run_admin (NULL, FALSE, "export", "--db", f->kiosk, "--output", csv, NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, FALSE, "export", "--db", f->kiosk, "--format", "json", "--output", json,
                              NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, FALSE, "report", "--db", f->kiosk, "--pdf", pdf, NULL), ==, 0);
  g_assert_cmpuint (mode_of (csv), ==, 0600);
  g_assert_cmpuint (mode_of (json), ==, 0600);
  g_assert_cmpuint (mode_of (pdf), ==, 0600);
}

/* An existing journal others can read: a warning in the log and on
 * rahnuma-admin's stderr; the mode is the technician's to change. */
static void
test_warn_exposed (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) again = NULL;

  {
    g_autoptr(RahnumaStore) store = make_journal (f->kiosk);
  }
  g_assert_cmpint (g_chmod (f->kiosk, 0644), ==, 0);

  g_test_expect_message ("rahnuma-file", G_LOG_LEVEL_WARNING, "*can be read by other users*chmod 600*");
  again = rahnuma_store_new (f->kiosk, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_clear_object (&again);

  g_assert_cmpint (run_admin (&err, TRUE, "report", "--db", f->kiosk, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "can be read by other users"));
  g_assert_cmpuint (mode_of (f->kiosk), ==, 0644);
}

/* Even a umask that takes the owner's own bits leaves exactly 0600. */
static void
test_create_private (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "private", NULL);
  g_autoptr(GError) error = NULL;

  umask (0277);
  g_assert_true (rahnuma_file_create_private (path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_false (rahnuma_file_is_exposed (path, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (rahnuma_file_is_exposed (path, NULL));
  g_assert_true (rahnuma_file_create_private (path, &error)); /* exists: left as it is */
  g_assert_cmpuint (mode_of (path), ==, 0640);
}

/* A report on a USB drive: under ".part" until whole and flushed, then
 * renamed; a drive pulled out before the rename leaves no file by the real name. */
static void
test_partial (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) partial = rahnuma_file_dup_partial (file);
  g_autofree char *partial_path = g_file_get_path (partial);
  g_autoptr(GFileOutputStream) stream = rahnuma_file_replace_private (partial, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *gone = g_build_filename (f->dir, "pulled", "report.csv", NULL);
  g_autoptr(GFile) gone_file = g_file_new_for_path (gone);

  g_assert_cmpstr (partial_path + strlen (f->dir), ==, "/report.csv.part");
  g_assert_nonnull (stream);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (stream), "half", 4, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL));
  /* Written but not committed: nothing by the real name. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (rahnuma_file_commit_partial (file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "half");
  g_assert_false (g_file_test (partial_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (path), ==, 0600);

  /* The drive's folder is gone: an error, and no file. */
  g_assert_false (rahnuma_file_commit_partial (gone_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

/* Test builds list RAHNUMA_TEST_MOUNTS's folders that exist as drives. */
static void
test_test_mounts (Fixture *f, gconstpointer data)
{
  g_autofree char *a = g_build_filename (f->dir, "STICK-A", NULL);
  g_autofree char *b = g_build_filename (f->dir, "STICK-B", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "PULLED", NULL);
  g_autofree char *list = g_strjoin (":", a, missing, b, NULL);
  g_autoptr(GPtrArray) drives = NULL;

  g_assert_cmpint (g_mkdir (a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (b, 0700), ==, 0);
  g_setenv ("RAHNUMA_TEST_MOUNTS", list, TRUE);
  drives = rahnuma_drives_list (NULL);
  g_unsetenv ("RAHNUMA_TEST_MOUNTS");
  g_assert_cmpuint (drives->len, ==, 2);
  g_assert_cmpstr (((RahnumaDrive *) g_ptr_array_index (drives, 0))->name, ==, "STICK-A");
  g_assert_cmpstr (((RahnumaDrive *) g_ptr_array_index (drives, 0))->path, ==, a);
  g_assert_cmpstr (((RahnumaDrive *) g_ptr_array_index (drives, 1))->name, ==, "STICK-B");
}

int
main (int argc, char **argv)
{
  static const guint umasks[] = { 022, 000 };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      gconstpointer mask = GUINT_TO_POINTER (umasks[i]);
      g_autofree char *journal = g_strdup_printf ("/rahnuma/file-mode/journal/umask-%03o", umasks[i]);
      g_autofree char *officers = g_strdup_printf ("/rahnuma/file-mode/officers-file/umask-%03o", umasks[i]);
      g_autofree char *exports = g_strdup_printf ("/rahnuma/file-mode/exports/umask-%03o", umasks[i]);

      g_test_add (journal, Fixture, mask, fixture_set_up, test_journal, fixture_tear_down);
      g_test_add (officers, Fixture, mask, fixture_set_up, test_officers_file, fixture_tear_down);
      g_test_add (exports, Fixture, mask, fixture_set_up, test_exports, fixture_tear_down);
    }
  g_test_add ("/rahnuma/file-mode/warn-exposed", Fixture, GUINT_TO_POINTER (022), fixture_set_up,
              test_warn_exposed, fixture_tear_down);
  g_test_add ("/rahnuma/file-mode/create-private", Fixture, GUINT_TO_POINTER (022), fixture_set_up,
              test_create_private, fixture_tear_down);
  g_test_add ("/rahnuma/file-mode/partial-then-rename", Fixture, GUINT_TO_POINTER (000), fixture_set_up,
              test_partial, fixture_tear_down);
  g_test_add ("/rahnuma/file-mode/test-mounts", Fixture, GUINT_TO_POINTER (022), fixture_set_up,
              test_test_mounts, fixture_tear_down);

  return g_test_run ();
}
