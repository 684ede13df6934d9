/* test-util.h — what many tests need: a temporary folder, its removal, and
 * a column-by-column comparison of synced rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char *rahnuma_test_make_tmpdir  (const char *name_template);
void  rahnuma_test_remove_tree  (const char *path);

char    *rahnuma_test_table_digest     (sqlite3    *db,
                                        const char *schema,
                                        const char *table,
                                        const char *sessions,
                                        guint64    *n_rows);
guint64  rahnuma_test_assert_same_rows (sqlite3    *db,
                                        const char *journal,
                                        const char *sessions);
guint64  rahnuma_test_assert_synced    (const char *officers,
                                        const char *kiosk);

G_END_DECLS
