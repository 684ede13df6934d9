/* test-auto-sync.c — the kiosk syncs by itself; a bad target loses nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "rahnuma-auto-sync.h"
#include "test-util.h"

static void
add_finished_session (RahnumaStore *store)
{
  RahnumaSessionStart start = { "LHE", "k1", "ur", "abcdef012345", g_get_real_time () / G_USEC_PER_SEC, FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rahnuma_store_begin_session (store, &start, &error);

  g_assert_no_error (error);
  rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_ABANDONED, NULL, start.started_at, &error);
  g_assert_no_error (error);
}

static void
wait_until_idle (RahnumaAutoSync *sync)
{
  while (rahnuma_auto_sync_is_running (sync))
    g_main_context_iteration (NULL, TRUE);
}

static gint64
count_sessions (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM session", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_auto_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("rahnuma-auto-sync-XXXXXX", &error);
  g_autofree char *journal = g_build_filename (tmp, "journal.db", NULL);
  g_autofree char *officer = g_build_filename (tmp, "officer.db", NULL);
  g_autofree char *unreachable = g_build_filename (tmp, "no-such-drive", "officer.db", NULL);
  g_autoptr(RahnumaStore) store = rahnuma_store_new (journal, NULL, &error);
  g_autoptr(RahnumaAutoSync) sync = NULL;
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  add_finished_session (store);
  add_finished_session (store);

  sync = rahnuma_auto_sync_new (store, 0);
  g_assert_cmpint (rahnuma_auto_sync_get_backlog (sync), ==, -1); /* no target: unknown */

  /* Setting a target syncs at once. */
  rahnuma_auto_sync_set_target (sync, officer);
  wait_until_idle (sync);
  g_assert_null (rahnuma_auto_sync_dup_last_error (sync));
  g_assert_cmpint (rahnuma_auto_sync_get_last_sync (sync), >, 0);
  g_assert_cmpint (rahnuma_auto_sync_get_backlog (sync), ==, 0);
  g_assert_cmpint (count_sessions (officer), ==, 2);

  /* A pulled drive: the sync fails with a reason, the records stay queued. */
  g_test_expect_message ("rahnuma-sync", G_LOG_LEVEL_WARNING, "*records stay queued*");
  rahnuma_auto_sync_set_target (sync, unreachable);
  wait_until_idle (sync);
  g_test_assert_expected_messages ();
  /* …in words an officer can act on, not only SQLite's. */
  words = rahnuma_auto_sync_dup_last_error (sync);
  g_assert_nonnull (words);
  g_assert_nonnull (strstr (words, "Plug the drive in"));
  g_assert_nonnull (strstr (words, "stay on this kiosk"));
  add_finished_session (store);
  g_test_expect_message ("rahnuma-sync", G_LOG_LEVEL_WARNING, "*records stay queued*");
  rahnuma_auto_sync_request (sync);
  wait_until_idle (sync);
  g_test_assert_expected_messages ();
  g_clear_pointer (&words, g_free);
  words = rahnuma_auto_sync_dup_last_error (sync);
  g_assert_nonnull (words);
  g_assert_cmpint (count_sessions (journal), ==, 3);

  /* The drive is back: the queued visit arrives, and only it. */
  rahnuma_auto_sync_set_target (sync, officer);
  wait_until_idle (sync);
  g_assert_null (rahnuma_auto_sync_dup_last_error (sync));
  g_assert_cmpint (rahnuma_auto_sync_get_backlog (sync), ==, 0);
  g_assert_cmpint (count_sessions (officer), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&sync));
  g_clear_object (&store);
  rahnuma_test_remove_tree (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/auto-sync/target", test_auto_sync);
  return g_test_run ();
}
