/* rahnuma-store-sql.c — SQLite helpers below the store and its schema
 *
 * The store's error domain, the one place SQLite result codes become its
 * codes (as TinySPARQL keeps one), running and preparing SQL, reading one
 * integer or text column, and a write transaction's begin and end. The
 * store's reads and writes (rahnuma-store.c) and its opening and migrations
 * (rahnuma-store-schema.c) both call down into this file, which calls
 * neither, so the two never call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-store-sql-private.h"

G_DEFINE_QUARK (rahnuma-store-error-quark, rahnuma_store_error)

/* ---- errors ---------------------------------------------------------- */

static RahnumaStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return RAHNUMA_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return RAHNUMA_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return RAHNUMA_STORE_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return RAHNUMA_STORE_ERROR_DAMAGED;
    case SQLITE_NOTFOUND:
      return RAHNUMA_STORE_ERROR_NOT_FOUND;
    case SQLITE_IOERR:
      /* A write that fails for lack of space can surface as an I/O error. */
      return rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC
               ? RAHNUMA_STORE_ERROR_FULL : RAHNUMA_STORE_ERROR_FAILED;
    default:
      return RAHNUMA_STORE_ERROR_FAILED;
    }
}

/**
 * rahnuma_store_set_error:
 * @error: (nullable): where to put the error
 * @db: (nullable): the connection, for its message
 * @rc: an SQLite result code, not SQLITE_OK
 * @what: what was being done, for the message
 *
 * The one place SQLite result codes become #RahnumaStoreError codes.
 *
 * Returns: %FALSE, so callers can `return rahnuma_store_set_error (…)`
 */
gboolean
rahnuma_store_set_error (GError **error, sqlite3 *db, int rc, const char *what)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, RAHNUMA_STORE_ERROR, error_code_from_sqlite (rc),
               "%s: %s", what, message);
  return FALSE;
}

/* Our SQL is fixed and valid: once the file is open, a plain failure to
 * read, check or migrate it ("unsupported file format" from a garbage
 * header, an unknown function in a damaged CHECK) means the schema in the
 * file is not one this program wrote, so the file counts as damaged. */
/**
 * rahnuma_store_failure_is_damage:
 * @error: (inout) (nullable): a failure to open or read a file, or %NULL
 *
 * Turns a plain %RAHNUMA_STORE_ERROR_FAILED into
 * %RAHNUMA_STORE_ERROR_DAMAGED: a file SQLite cannot make sense of is
 * damaged. Shared by the store's opening (rahnuma-store-schema.c) and
 * rahnuma-store-health.c.
 *
 * Returns: %FALSE, always, to end the caller's failure path
 */
gboolean
rahnuma_store_failure_is_damage (GError **error)
{
  if (error != NULL && g_error_matches (*error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED))
    (*error)->code = RAHNUMA_STORE_ERROR_DAMAGED;
  return FALSE;
}

/* ---- statements ------------------------------------------------------ */

/**
 * rahnuma_store_exec:
 * @db: a connection (rahnuma_store_get_db(), with the store's lock held)
 * @sql: one or more statements with no parameters (never built from data)
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if every statement ran
 */
gboolean
rahnuma_store_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rahnuma_store_set_error (error, db, rc, _("Cannot run SQL"));
  return TRUE;
}

/**
 * rahnuma_store_prepare:
 * @db: a connection
 * @sql: one statement, with `?` for every value (never built from data)
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): a one-off statement; use
 *   g_autoptr(sqlite3_stmt)
 */
sqlite3_stmt *
rahnuma_store_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      rahnuma_store_set_error (error, db, rc, _("Cannot prepare SQL"));
      return NULL;
    }
  return stmt;
}

/**
 * rahnuma_store_read_row:
 * @db: a connection
 * @sql: a statement with no parameters (never built from data)
 * @what: what was being done, for the message
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Prepares @sql and steps it once, for a query whose answer is one row.
 *
 * Returns: (transfer full) (nullable): the statement on its first row (use
 *   g_autoptr(sqlite3_stmt)), or %NULL on error; no row at all counts as
 *   damage (%RAHNUMA_STORE_ERROR_DAMAGED)
 */
sqlite3_stmt *
rahnuma_store_read_row (sqlite3 *db, const char *sql, const char *what, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rahnuma_store_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

/**
 * rahnuma_store_read_int:
 * @db: a connection
 * @sql: a statement with no parameters whose first row's first column is
 *   the integer wanted
 * @what: what was being done, for the message
 * @value: (out): the integer
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if @sql gave a row; no row at all counts as damage
 *   (%RAHNUMA_STORE_ERROR_DAMAGED)
 */
gboolean
rahnuma_store_read_int (sqlite3 *db, const char *sql, const char *what, gint64 *value, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_read_row (db, sql, what, error);

  if (stmt == NULL)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * rahnuma_store_column_dup:
 * @stmt: a statement on a row
 * @column: a column index, from 0
 *
 * Returns: (transfer full) (nullable): the column's text, %NULL for NULL
 */
char *
rahnuma_store_column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* ---- transactions ---------------------------------------------------- */

/**
 * rahnuma_store_begin_immediate:
 * @db: a connection, outside a transaction
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Starts a write transaction. IMMEDIATE takes the write lock now, so a busy
 * file fails here (after the busy timeout) rather than half-way through.
 * End it with rahnuma_store_commit_or_rollback().
 *
 * Returns: %TRUE if the transaction is open
 */
gboolean
rahnuma_store_begin_immediate (sqlite3 *db, GError **error)
{
  return rahnuma_store_exec (db, "BEGIN IMMEDIATE", error);
}

/**
 * rahnuma_store_commit_or_rollback:
 * @db: a connection in a transaction
 * @ok: %TRUE to commit, %FALSE to roll back
 * @error: return location for a #RAHNUMA_STORE_ERROR, set if the commit fails
 *
 * Commits if @ok; rolls back if not, or if the commit fails (a failed
 * COMMIT can leave the transaction open), so the connection is never left
 * in a transaction.
 *
 * Returns: %TRUE if @ok and the commit succeeded
 */
gboolean
rahnuma_store_commit_or_rollback (sqlite3 *db, gboolean ok, GError **error)
{
  if (ok)
    ok = rahnuma_store_exec (db, "COMMIT", error);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}
