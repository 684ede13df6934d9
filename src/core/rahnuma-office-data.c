/* rahnuma-office-data.c — an officers' file by centre, by kiosk and by sync
 *
 * What the office PC shows beside the dashboard: every kiosk whose records
 * reached the officers' file, and each kiosk journal's last sync. Records
 * carry their centre and kiosk, not the journal they came from, so the two
 * lists stand side by side; a kiosk's backlog is known only to its own
 * journal and is not in the officers' file. Only reads: the file may be
 * opened with RAHNUMA_STORE_READ_ONLY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-office"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-office-data.h"
#include "rahnuma-store-private.h"

#define BY_KIOSK_SQL \
  "SELECT centre, kiosk, count (*), sum (state = 'completed'), sum (state = 'abandoned')," \
  " max (started_at) FROM session GROUP BY centre, kiosk ORDER BY centre, kiosk"
#define BY_CENTRE_SQL \
  "SELECT centre, NULL, count (*), sum (state = 'completed'), sum (state = 'abandoned')," \
  " max (started_at) FROM session GROUP BY centre ORDER BY centre"
#define SOURCES_SQL \
  "SELECT journal_id, synced_at," \
  " (SELECT coalesce (sum (n_rows), 0) FROM sync_rejected r WHERE r.journal_id = s.journal_id)" \
  " FROM sync_source s ORDER BY synced_at DESC, journal_id"

/**
 * rahnuma_kiosk_totals_free:
 * @totals: (nullable) (transfer full): a row of rahnuma_office_data_by_kiosk()
 */
void
rahnuma_kiosk_totals_free (RahnumaKioskTotals *totals)
{
  if (totals == NULL)
    return;
  g_free (totals->centre);
  g_free (totals->kiosk);
  g_free (totals);
}

/**
 * rahnuma_sync_source_free:
 * @source: (nullable) (transfer full): a row of rahnuma_office_data_sources()
 */
void
rahnuma_sync_source_free (RahnumaSyncSource *source)
{
  if (source == NULL)
    return;
  g_free (source->journal_id);
  g_free (source);
}

static gpointer
kiosk_row (sqlite3_stmt *stmt)
{
  RahnumaKioskTotals *totals = g_new0 (RahnumaKioskTotals, 1);

  totals->centre = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  totals->kiosk = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  totals->sessions = sqlite3_column_int64 (stmt, 2);
  totals->completed = sqlite3_column_int64 (stmt, 3);
  totals->abandoned = sqlite3_column_int64 (stmt, 4);
  totals->newest = sqlite3_column_int64 (stmt, 5);
  return totals;
}

static gpointer
source_row (sqlite3_stmt *stmt)
{
  RahnumaSyncSource *source = g_new0 (RahnumaSyncSource, 1);

  source->journal_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  source->synced_at = sqlite3_column_int64 (stmt, 1);
  source->n_rejected = sqlite3_column_int64 (stmt, 2);
  return source;
}

static GPtrArray *
read_rows (RahnumaStore *store, const char *sql, gpointer (*row) (sqlite3_stmt *), GDestroyNotify free_row,
           GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_DONE;

  rahnuma_store_lock (store);
  db = rahnuma_store_get_db (store);
  stmt = rahnuma_store_prepare (db, sql, error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, row (stmt));
      if (rc != SQLITE_DONE)
        /* Translators: the officers' file could not be read; SQLite's reason follows */
        rahnuma_store_set_error (error, db, rc, _("Cannot read the kiosks in the officers’ file"));
    }
  rahnuma_store_unlock (store);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * rahnuma_office_data_by_kiosk:
 * @store: an officers' file (or a kiosk journal)
 * @by_centre: %TRUE for one row per centre (kiosk %NULL), %FALSE for one
 *   per centre and kiosk
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Every visit in the file, demo data and visits recorded with a wrong clock
 * included (the whole file, not a range of days: this answers "which kiosks
 * reached this file, and when last").
 *
 * Returns: (transfer full) (element-type RahnumaKioskTotals) (nullable): the
 *   rows, sorted by centre then kiosk
 */
GPtrArray *
rahnuma_office_data_by_kiosk (RahnumaStore *store, gboolean by_centre, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  return read_rows (store, by_centre ? BY_CENTRE_SQL : BY_KIOSK_SQL, kiosk_row,
                    (GDestroyNotify) rahnuma_kiosk_totals_free, error);
}

/**
 * rahnuma_office_data_sources:
 * @store: an officers' file
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * The kiosk journals synced into @store (rahnuma-sync.c's sync_source), the
 * most recently synced first, with the records each had refused.
 *
 * Returns: (transfer full) (element-type RahnumaSyncSource) (nullable): the rows
 */
GPtrArray *
rahnuma_office_data_sources (RahnumaStore *store, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  return read_rows (store, SOURCES_SQL, source_row, (GDestroyNotify) rahnuma_sync_source_free, error);
}
