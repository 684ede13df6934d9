/* test-util.c — what many tests need: a temporary folder, its removal, and
 * a column-by-column comparison of synced rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"

/* A new folder under the system's temporary folder, e.g. "rahnuma-store-XXXXXX". */
char *
rahnuma_test_make_tmpdir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything below it; symbolic links are not followed. */
void
rahnuma_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rahnuma_test_remove_tree (child);
        }
    }
  g_remove (path);
}

/* The columns of @table compared between two files: all but rev, which each
 * file numbers for itself. Read from the schema, so a column added later and
 * left out of the sync fails the comparison rather than escaping it. */
static char *
compared_columns (sqlite3 *db, const char *table)
{
  sqlite3_stmt *stmt = NULL;
  GString *columns = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM main.pragma_table_info (?1) ORDER BY cid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_equal (name, "rev"))
        continue;
      g_string_append_printf (columns, "%s\"%s\"", columns->len > 0 ? ", " : "", name);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (columns->len, >, 0);
  return g_string_free (columns, FALSE);
}

/* One value into the digest, with its type, so 1, 1.0, '1' and NULL differ. */
static void
digest_value (GChecksum *checksum, sqlite3_stmt *stmt, int i)
{
  int type = sqlite3_column_type (stmt, i);
  g_autofree char *text = NULL;

  switch (type)
    {
    case SQLITE_NULL:
      text = g_strdup ("N");
      break;
    case SQLITE_INTEGER:
      text = g_strdup_printf ("I%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
      break;
    case SQLITE_FLOAT:
      text = g_strdup_printf ("F%.17g", sqlite3_column_double (stmt, i));
      break;
    default:
      text = g_strdup_printf ("T%d:%s", sqlite3_column_bytes (stmt, i),
                              (const char *) sqlite3_column_text (stmt, i));
      break;
    }
  g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
}

/**
 * rahnuma_test_table_digest:
 * @db: a connection with the officers' file as main and a journal attached
 * @schema: "main" or the attached journal's name
 * @table: "session", "module_progress" or "answer"
 * @sessions: a fixed SELECT of the session ids to cover (test code, not data)
 * @n_rows: (out): how many rows went into the digest
 *
 * Returns: (transfer full): the SHA-256 of every compared column of every row
 *   of @schema.@table whose session is in @sessions, in primary-key order
 */
char *
rahnuma_test_table_digest (sqlite3 *db, const char *schema, const char *table,
                           const char *sessions, guint64 *n_rows)
{
  g_autofree char *columns = compared_columns (db, table);
  const char *id = g_str_equal (table, "session") ? "id" : "session_id";
  /* Every table's primary key is a prefix of its columns in schema order. */
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\".\"%s\" WHERE %s IN (%s) ORDER BY %s",
                                          columns, schema, table, id, sessions, columns);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  *n_rows = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        digest_value (checksum, stmt, i);
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
      ++*n_rows;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * rahnuma_test_assert_same_rows:
 * @db: a connection with the officers' file as main and a journal attached
 * @journal: the attached journal's schema name
 * @sessions: a fixed SELECT of the session ids to compare
 *
 * Asserts that, for the sessions in @sessions, the session, module_progress
 * and answer rows of main and @journal are equal, column by column.
 *
 * Returns: the number of session rows compared
 */
guint64
rahnuma_test_assert_same_rows (sqlite3 *db, const char *journal, const char *sessions)
{
  static const char * const tables[] = { "session", "module_progress", "answer" };
  guint64 n_sessions = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      guint64 n_main, n_journal;
      g_autofree char *in_main = rahnuma_test_table_digest (db, "main", tables[t], sessions, &n_main);
      g_autofree char *in_journal = rahnuma_test_table_digest (db, journal, tables[t], sessions,
                                                               &n_journal);

      g_test_message ("%s: %" G_GUINT64_FORMAT " rows in the officers' file, %" G_GUINT64_FORMAT
                      " in the journal", tables[t], n_main, n_journal);
      g_assert_cmpuint (n_main, ==, n_journal);
      g_assert_cmpstr (in_main, ==, in_journal);
      if (t == 0)
        n_sessions = n_main;
    }
  return n_sessions;
}

/**
 * rahnuma_test_assert_synced:
 * @officers: path of an officers' file
 * @kiosk: path of a kiosk journal synced into it
 *
 * Asserts that every finished session of @kiosk is in @officers with the
 * same values in every column of its session, module and answer rows.
 *
 * Returns: the number of sessions compared
 */
guint64
rahnuma_test_assert_synced (const char *officers, const char *kiosk)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 n;

  g_assert_cmpint (sqlite3_open_v2 (officers, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "ATTACH ?1 AS k", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kiosk, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  n = rahnuma_test_assert_same_rows (db, "k", "SELECT id FROM k.session WHERE state != 'active'");
  sqlite3_close (db);
  return n;
}
