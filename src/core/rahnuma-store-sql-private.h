/* rahnuma-store-sql-private.h — SQLite helpers below the store and its schema
 *
 * Both rahnuma-store.c (reads and writes) and rahnuma-store-schema.c
 * (opening and migrating) call these; these call neither. Everything that
 * includes rahnuma-store-private.h sees them too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-store-sql.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

gboolean  rahnuma_store_set_error        (GError       **error,
                                          sqlite3       *db,
                                          int            rc,
                                          const char    *what);
gboolean  rahnuma_store_failure_is_damage (GError      **error);

gboolean  rahnuma_store_exec             (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *
          rahnuma_store_prepare          (sqlite3       *db,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *
          rahnuma_store_read_row         (sqlite3       *db,
                                          const char    *sql,
                                          const char    *what,
                                          GError       **error);
gboolean  rahnuma_store_read_int         (sqlite3       *db,
                                          const char    *sql,
                                          const char    *what,
                                          gint64        *value,
                                          GError       **error);
char     *rahnuma_store_column_dup       (sqlite3_stmt  *stmt,
                                          int            column);

gboolean  rahnuma_store_begin_immediate  (sqlite3       *db,
                                          GError       **error);
gboolean  rahnuma_store_commit_or_rollback (sqlite3     *db,
                                          gboolean       ok,
                                          GError       **error);

G_END_DECLS
