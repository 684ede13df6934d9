/* test-util.h — what many tests need: a temporary folder, its removal, and
 * a column-by-column comparison of synced rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* SQL that puts back the session columns schema 6 took away (destination
 * and sector, as schema 1 made them), to turn a file this build made into
 * one as an older version left it. */
#define RAHNUMA_TEST_SESSION_CATEGORIES \
  " ALTER TABLE session ADD COLUMN destination TEXT NOT NULL DEFAULT 'unsaid' CHECK (destination IN" \
  "  ('SA', 'AE', 'OM', 'QA', 'KW', 'BH', 'MY', 'GB', 'other', 'unsaid'));" \
  " ALTER TABLE session ADD COLUMN sector TEXT NOT NULL DEFAULT 'unsaid' CHECK (sector IN ('construction'," \
  "  'driving', 'domestic', 'hospitality', 'manufacturing', 'agriculture', 'healthcare', 'security'," \
  "  'other', 'unsaid'));"

/* A file this build made, as version 5 would hold it: before hall_session
 * (schema 8) and session.path (schema 7), with the categories schema 6
 * took away. */
#define RAHNUMA_TEST_TO_VERSION_5 \
  " DROP TABLE hall_session; ALTER TABLE session DROP COLUMN path;" RAHNUMA_TEST_SESSION_CATEGORIES \
  " PRAGMA user_version = 5;"

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
