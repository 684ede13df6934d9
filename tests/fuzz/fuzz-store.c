/* fuzz-store.c — libFuzzer target: any bytes as a foreign kiosk journal
 *
 * An officer plugs in a USB drive and syncs whatever journal is on it, and
 * the kiosk opens whatever file is at its journal path at start-up. This
 * writes the input as a journal file, then
 *
 *  - opens it with rahnuma_store_new() (and, if that works, counts its
 *    sessions and backlog),
 *  - syncs it into a fresh officers' file with rahnuma_sync_run(),
 *  - opens a second copy with rahnuma_store_open_or_recover(), which must
 *    always end with a usable journal: a damaged file is set aside, never
 *    overwritten.
 *
 * A crash, a sanitizer report or a GLib critical is a finding; an error
 * returned through GError is the expected answer to a bad file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "rahnuma-store.h"
#include "rahnuma-sync.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *scratch_dir;

/* Messages the store logs on purpose ("Setting the journal aside") are not
 * findings; only criticals and errors are. Keep the fuzzer's output quiet. */
static void
quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_log_default_handler (domain, level, message, data);
}

static void empty_scratch_dir (void);

static void
remove_scratch_dir (void)
{
  empty_scratch_dir ();
  g_rmdir (scratch_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  g_log_set_default_handler (quiet_log, NULL);
  /* In memory where there is a tmpfs: the store fsyncs every commit. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    scratch_dir = g_mkdtemp (g_strdup ("/dev/shm/rahnuma-fuzz-store-XXXXXX"));
  if (scratch_dir == NULL)
    scratch_dir = g_dir_make_tmp ("rahnuma-fuzz-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (scratch_dir);
  atexit (remove_scratch_dir);
  return 0;
}

static void
empty_scratch_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      g_unlink (path);
    }
}

static void
write_file (const char *path, const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);
}

static void
open_and_count (const char *path, const char *officers)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rahnuma_store_new_full (path, RAHNUMA_STORE_MUST_EXIST, NULL, &error);
  if (store == NULL)
    {
      g_assert_true (error != NULL);
      return;
    }
  (void) rahnuma_store_count_sessions (store, RAHNUMA_SESSION_COMPLETED, NULL);
  (void) rahnuma_store_count_backlog (store, officers, NULL);
}

static void
sync_into_fresh (const char *path, const char *officers)
{
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats = { 0 };

  if (!rahnuma_sync_run (path, officers, &stats, NULL, &error))
    g_assert_true (error != NULL);
}

static void
open_or_recover (const char *path)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  store = rahnuma_store_open_or_recover (path, &aside, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  /* The journal we get back takes a visit. */
  g_assert_cmpint (rahnuma_store_count_sessions (store, RAHNUMA_SESSION_ACTIVE, &error), >=, 0);
  g_assert_no_error (error);
  if (aside != NULL)
    g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *journal = g_build_filename (scratch_dir, "kiosk.db", NULL);
  g_autofree char *copy = g_build_filename (scratch_dir, "kiosk-copy.db", NULL);
  g_autofree char *officers = g_build_filename (scratch_dir, "officers.db", NULL);

  empty_scratch_dir ();
  write_file (journal, data, size);
  write_file (copy, data, size);

  open_and_count (journal, officers);
  sync_into_fresh (journal, officers);
  open_or_recover (copy);
  return 0;
}
