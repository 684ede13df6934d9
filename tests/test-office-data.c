/* test-office-data.c — an officers' file by centre, by kiosk and by sync
 * (rahnuma-office-data.c), read from a file opened read-only that three
 * kiosk journals were synced into, and left unchanged to the byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "config.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-office-data.h"
#include "rahnuma-simulate.h"
#include "rahnuma-sync.h"
#include "test-util.h"

typedef struct
{
  const char *centre;
  const char *kiosk;
  guint n_sessions;
} Kiosk;

static const Kiosk kiosks[] = {
  { "LHE-POE", "k-one", 40 },
  { "LHE-POE", "k-two", 25 },
  { "ISB-POE", "k-three", 30 },
};

/* Fills a journal, syncs it into @officers; returns how many it completed. */
static gint64
make_kiosk (const char *dir, const Kiosk *kiosk, const char *officers, guint32 seed)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.db", dir, kiosk->kiosk);
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaSimulateOptions options = { kiosk->n_sessions, kiosk->centre, kiosk->kiosk, seed,
                                     g_get_real_time () / G_USEC_PER_SEC, 30 };
  gint64 completed;

  store = rahnuma_store_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_simulate_run (store, &options, NULL, &error));
  g_assert_no_error (error);
  completed = rahnuma_store_count_sessions (store, RAHNUMA_SESSION_COMPLETED, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (rahnuma_sync_run (path, officers, NULL, NULL, &error));
  g_assert_no_error (error);
  return completed;
}

static char *
file_digest (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
}

static void
check_kiosks (RahnumaStore *store, const gint64 *completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rahnuma_office_data_by_kiosk (store, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (kiosks));
  /* Sorted by centre, then kiosk: ISB k-three, LHE k-one, LHE k-two. */
  for (guint i = 0; i < rows->len; i++)
    {
      const RahnumaKioskTotals *row = g_ptr_array_index (rows, i);
      guint k = i == 0 ? 2 : i - 1;

      g_assert_cmpstr (row->centre, ==, kiosks[k].centre);
      g_assert_cmpstr (row->kiosk, ==, kiosks[k].kiosk);
      g_assert_cmpint (row->sessions, ==, kiosks[k].n_sessions);
      g_assert_cmpint (row->completed, ==, completed[k]);
      g_assert_cmpint (row->abandoned, ==, row->sessions - row->completed);
      g_assert_cmpint (row->newest, >, 0);
    }
}

static void
check_centres (RahnumaStore *store, const gint64 *completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rahnuma_office_data_by_kiosk (store, TRUE, &error);
  const RahnumaKioskTotals *isb, *lhe;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  isb = g_ptr_array_index (rows, 0);
  lhe = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (isb->centre, ==, "ISB-POE");
  g_assert_null (isb->kiosk);
  g_assert_cmpint (isb->sessions, ==, 30);
  g_assert_cmpstr (lhe->centre, ==, "LHE-POE");
  g_assert_cmpint (lhe->sessions, ==, 65);
  g_assert_cmpint (lhe->completed, ==, completed[0] + completed[1]);
}

static void
test_three_kiosks (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-office-data-XXXXXX");
  g_autofree char *officers = g_build_filename (dir, "officers.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  gint64 completed[G_N_ELEMENTS (kiosks)];
  GStatBuf stat_before, stat_after;

  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    completed[i] = make_kiosk (dir, &kiosks[i], officers, i + 1);
  before = file_digest (officers);
  g_assert_cmpint (g_stat (officers, &stat_before), ==, 0);

  store = rahnuma_store_new_full (officers, RAHNUMA_STORE_READ_ONLY | RAHNUMA_STORE_SHARED, NULL, &error);
  g_assert_no_error (error);
  check_kiosks (store, completed);
  check_centres (store, completed);
  sources = rahnuma_office_data_sources (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 3);
  for (guint i = 0; i < sources->len; i++)
    {
      const RahnumaSyncSource *source = g_ptr_array_index (sources, i);

      g_assert_cmpuint (strlen (source->journal_id), ==, 32);
      g_assert_cmpint (source->synced_at, >, 0);
      g_assert_cmpint (source->n_rejected, ==, 0);
    }
  g_clear_object (&store);

  after = file_digest (officers);
  g_assert_cmpint (g_stat (officers, &stat_after), ==, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (stat_after.st_mtime, ==, stat_before.st_mtime);
  rahnuma_test_remove_tree (dir);
}

/* The sync, the file's only writer, leaves the per-day sums current for the
 * centre's default zone, so the office PC (read-only) never sums a year of
 * records itself; and a read-only dashboard then reads the same totals. */
static void
test_sums_kept_by_sync (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-office-sums-XXXXXX");
  g_autofree char *officers = g_build_filename (dir, "officers.db", NULL);
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaDashboardTotals totals = { 0 };
  gint64 completed = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int offset = rahnuma_dashboard_zone_offset (RAHNUMA_DEFAULT_TIME_ZONE, g_get_real_time () / G_USEC_PER_SEC);

  g_assert_cmpint (offset, ==, 5 * 3600); /* Pakistan Standard Time */
  for (guint i = 0; i < G_N_ELEMENTS (kiosks); i++)
    completed += make_kiosk (dir, &kiosks[i], officers, i + 1);

  g_assert_cmpint (sqlite3_open_v2 (officers, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT m.last_rev, m.utc_offset, (SELECT max (rev) FROM session),"
                                           " (SELECT sum (sessions) FROM dashboard_hour) FROM dashboard_mark m",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, sqlite3_column_int64 (stmt, 2));
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, offset);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, 40 + 25 + 30);
  sqlite3_finalize (stmt);
  /* The Kiosks tab and the wrong-clock count read an index, not a year of rows. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT centre, kiosk, count (*),"
                                           " sum (state = 'completed'), max (started_at) FROM session"
                                           " GROUP BY centre, kiosk", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "COVERING INDEX dashboard_session_kiosk"));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT count (*) FROM session WHERE clock_suspect = 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "dashboard_session_wrong_clock"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = rahnuma_store_new_full (officers, RAHNUMA_STORE_READ_ONLY | RAHNUMA_STORE_SHARED, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_dashboard_prepare (store, offset, &error));
  g_assert_true (rahnuma_dashboard_totals (store, 0, G_MAXINT64 / 2, offset, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.sessions, ==, 40 + 25 + 30);
  g_assert_cmpint (totals.completed, ==, completed);
  g_clear_object (&store);
  rahnuma_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/office-data/three-kiosks", test_three_kiosks);
  g_test_add_func ("/office-data/sums-kept-by-sync", test_sums_kept_by_sync);
  return g_test_run ();
}
