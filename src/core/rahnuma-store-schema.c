/* rahnuma-store-schema.c — the journal's schema and its migrations
 *
 * migrations[v] takes a file from schema version v to v + 1, each step in
 * its own transaction; rahnuma_store_check_version() refuses, before
 * anything is written, a file this build must not touch. The store
 * (rahnuma-store.c) opens the file and calls both; docs/ARCHITECTURE.md
 * lists the steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-store-private.h"

/* 3 → 4: the two kinds of table that were made outside the migrations, by
 * "CREATE TABLE IF NOT EXISTS" where they were first used, now belong to the
 * schema, with every column checked (issue 11).
 *
 * The dashboard's per-day sums (rahnuma-dashboard.c) are a cache: the old
 * ones, if any, are dropped, and the next rahnuma_dashboard_prepare() sums
 * again. A category's value is one the session column allows.
 *
 * kiosk_setting (rahnuma-pin.c) holds the officers' PIN: its rows are kept.
 * A value is an Argon2id hash string (libsodium's crypto_pwhash_str, shorter
 * than crypto_pwhash_STRBYTES) or a whole number written as rahnuma-pin.c
 * writes it; a row that is neither (a hand edit) is dropped rather than stop
 * the kiosk: a hash that is not Argon2id never matched, and a lost count of
 * tries starts again at none. An officers' file gets the table too, empty:
 * sync never copies it. */
#define MIGRATE_3_TO_4 \
  "DROP TABLE IF EXISTS dashboard_mark; DROP TABLE IF EXISTS dashboard_hour;" \
  "DROP TABLE IF EXISTS dashboard_category; DROP TABLE IF EXISTS dashboard_module;" \
  "DROP TABLE IF EXISTS dashboard_question;" \
  "CREATE INDEX IF NOT EXISTS dashboard_session_started ON session (started_at, state);" \
  "CREATE TABLE dashboard_mark (" \
  "  one INTEGER PRIMARY KEY CHECK (one = 1)," \
  "  last_rev INTEGER NOT NULL CHECK (last_rev >= 0)," \
  "  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -50400 AND 50400)" \
  ") STRICT;" \
  "CREATE TABLE dashboard_hour (" \
  "  day INTEGER NOT NULL CHECK (day >= 0)," \
  "  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23)," \
  "  sessions INTEGER NOT NULL CHECK (sessions >= 1)," \
  "  completed INTEGER NOT NULL CHECK (completed BETWEEN 0 AND sessions)," \
  "  abandoned INTEGER NOT NULL CHECK (abandoned BETWEEN 0 AND sessions - completed)," \
  "  demo INTEGER NOT NULL CHECK (demo BETWEEN 0 AND sessions)," \
  "  PRIMARY KEY (day, hour)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE dashboard_category (" \
  "  day INTEGER NOT NULL CHECK (day >= 0)," \
  "  category TEXT NOT NULL CHECK (category IN ('language', 'gender', 'destination'))," \
  "  value TEXT NOT NULL CHECK (CASE category" \
  "    WHEN 'language' THEN value IN ('ur', 'ps', 'pa_PK', 'en')" \
  "    WHEN 'gender' THEN value IN ('woman', 'man', 'other', 'unsaid')" \
  "    ELSE value IN ('SA', 'AE', 'OM', 'QA', 'KW', 'BH', 'MY', 'GB', 'other', 'unsaid') END)," \
  "  sessions INTEGER NOT NULL CHECK (sessions >= 1)," \
  "  completed INTEGER NOT NULL CHECK (completed BETWEEN 0 AND sessions)," \
  "  PRIMARY KEY (day, category, value)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE dashboard_module (" \
  "  day INTEGER NOT NULL CHECK (day >= 0)," \
  "  module_id TEXT NOT NULL CHECK (length (module_id) BETWEEN 1 AND 64 AND module_id NOT GLOB '*[^a-z0-9-]*')," \
  "  taken INTEGER NOT NULL CHECK (taken >= 1)," \
  "  passed INTEGER NOT NULL CHECK (passed BETWEEN 0 AND taken)," \
  "  score REAL NOT NULL CHECK (score BETWEEN 0 AND taken)," \
  "  PRIMARY KEY (day, module_id)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE dashboard_question (" \
  "  day INTEGER NOT NULL CHECK (day >= 0)," \
  "  module_id TEXT NOT NULL CHECK (length (module_id) BETWEEN 1 AND 64 AND module_id NOT GLOB '*[^a-z0-9-]*')," \
  "  question INTEGER NOT NULL CHECK (question BETWEEN 0 AND 99)," \
  "  asked INTEGER NOT NULL CHECK (asked >= 1)," \
  "  missed INTEGER NOT NULL CHECK (missed BETWEEN 0 AND asked)," \
  "  PRIMARY KEY (day, module_id, question)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE IF NOT EXISTS kiosk_setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;" \
  "CREATE TABLE kiosk_setting_4 (" \
  "  key TEXT PRIMARY KEY NOT NULL CHECK (key IN ('pin_hash', 'pin_failures', 'pin_next_try'))," \
  "  value TEXT NOT NULL CHECK (CASE key" \
  "    WHEN 'pin_hash' THEN value GLOB '$argon2id$*' AND length (value) < 128" \
  "    ELSE length (value) BETWEEN 1 AND 20 AND CAST (CAST (value AS INTEGER) AS TEXT) = value END)" \
  ") STRICT;" \
  "INSERT OR IGNORE INTO kiosk_setting_4 SELECT key, value FROM kiosk_setting;" \
  "DROP TABLE kiosk_setting;" \
  "ALTER TABLE kiosk_setting_4 RENAME TO kiosk_setting;"

/* The "about you" answers, apart from the visits: a random id, the ISO
 * week (never the day), no column naming a session, a code, a centre or a
 * kiosk, and WITHOUT ROWID, so the file's order is the random id's, not the
 * order of insertion. Every column is a value from a fixed list or an
 * integer within bounds; rupees are stored rounded to the nearest 1,000.
 * "amount" answers carry their number, "unknown" (I don't know) and
 * "unsaid" (prefer not to say) carry none. sync_rejected is rebuilt to
 * count survey rows a sync leaves out. docs/survey-data.md describes every
 * column. */
#define SURVEY_MIGRATION \
  "CREATE TABLE survey (" \
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length (id) = 32 AND id NOT GLOB '*[^0-9a-f]*')," \
  "  week TEXT NOT NULL CHECK (week GLOB '[12][0-9][0-9][0-9]-W[0-5][0-9]'" \
  "    AND substr (week, 7) BETWEEN '01' AND '53')," \
  "  destination TEXT NOT NULL CHECK (destination IN" \
  "    ('SA', 'AE', 'OM', 'QA', 'KW', 'BH', 'MY', 'GB', 'other', 'unsaid'))," \
  "  sector TEXT NOT NULL CHECK (sector IN ('construction', 'driving', 'domestic'," \
  "    'hospitality', 'manufacturing', 'agriculture', 'healthcare', 'security', 'other', 'unsaid'))," \
  "  found_via TEXT NOT NULL CHECK (found_via IN" \
  "    ('promoter', 'sub-agent', 'relative', 'direct', 'other', 'unsaid'))," \
  "  cost_answer TEXT NOT NULL CHECK (cost_answer IN ('amount', 'unknown', 'unsaid'))," \
  "  cost_pkr INTEGER CHECK (cost_pkr BETWEEN 0 AND 10000000 AND cost_pkr % 1000 = 0)," \
  "  receipt TEXT NOT NULL CHECK (receipt IN ('yes', 'no', 'unsaid'))," \
  "  borrowed TEXT NOT NULL CHECK (borrowed IN ('yes', 'no', 'unsaid'))," \
  "  wage_answer TEXT NOT NULL CHECK (wage_answer IN ('amount', 'unknown', 'unsaid'))," \
  "  wage_amount INTEGER CHECK (wage_amount BETWEEN 1 AND 10000000)," \
  "  wage_currency TEXT CHECK (wage_currency IN" \
  "    ('SAR', 'AED', 'OMR', 'QAR', 'KWD', 'BHD', 'MYR', 'GBP', 'USD', 'EUR', 'PKR'))," \
  "  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))," \
  "  CHECK ((cost_answer = 'amount') = (cost_pkr IS NOT NULL))," \
  "  CHECK ((wage_answer = 'amount') = (wage_amount IS NOT NULL))," \
  "  CHECK ((wage_amount IS NULL) = (wage_currency IS NULL))" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE sync_rejected_5 (" \
  "  journal_id TEXT NOT NULL CHECK (length (journal_id) = 32 AND journal_id NOT GLOB '*[^0-9a-f]*')," \
  "  kind TEXT NOT NULL CHECK (kind IN ('session', 'module', 'answer', 'survey'))," \
  "  reason TEXT NOT NULL CHECK (length (reason) BETWEEN 1 AND 300)," \
  "  n_rows INTEGER NOT NULL CHECK (n_rows >= 1)," \
  "  synced_at INTEGER NOT NULL," \
  "  PRIMARY KEY (journal_id, kind, reason)" \
  ") STRICT;" \
  "INSERT INTO sync_rejected_5 SELECT * FROM sync_rejected;" \
  "DROP TABLE sync_rejected;" \
  "ALTER TABLE sync_rejected_5 RENAME TO sync_rejected;"

/* One entry per schema version: migrations[v] takes a file from v to v + 1.
 * Never edit a released step; add a new one. The CHECK lists above and here
 * must agree (tests/test-store.c tries every value). */
static const char * const migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE journal ("
  "  one INTEGER PRIMARY KEY CHECK (one = 1),"
  "  journal_id TEXT NOT NULL CHECK (length (journal_id) = 32 AND journal_id NOT GLOB '*[^0-9a-f]*')"
  ") STRICT;"
  "INSERT INTO journal VALUES (1, lower (hex (randomblob (16))));"
  "CREATE TABLE session ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length (id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),"
  "  centre TEXT NOT NULL CHECK (length (centre) BETWEEN 1 AND 32 AND centre NOT GLOB '*[^A-Za-z0-9_-]*'),"
  "  kiosk TEXT NOT NULL CHECK (length (kiosk) BETWEEN 1 AND 32 AND kiosk NOT GLOB '*[^A-Za-z0-9_-]*'),"
  "  language TEXT NOT NULL CHECK (language IN ('ur', 'ps', 'pa_PK', 'en')),"
  "  started_at INTEGER NOT NULL CHECK (started_at % 900 = 0),"
  "  ended_at INTEGER CHECK (ended_at % 900 = 0),"
  "  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'completed', 'abandoned')),"
  "  catalog_version TEXT NOT NULL CHECK (length (catalog_version) <= 64 AND catalog_version NOT GLOB '*[^A-Za-z0-9._-]*'),"
  "  code TEXT CHECK (code GLOB '[2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z]-[2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z][2-9A-Z]'),"
  "  gender TEXT NOT NULL DEFAULT 'unsaid' CHECK (gender IN ('woman', 'man', 'other', 'unsaid')),"
  "  destination TEXT NOT NULL DEFAULT 'unsaid' CHECK (destination IN"
  "    ('SA', 'AE', 'OM', 'QA', 'KW', 'BH', 'MY', 'GB', 'other', 'unsaid')),"
  "  sector TEXT NOT NULL DEFAULT 'unsaid' CHECK (sector IN ('construction', 'driving', 'domestic',"
  "    'hospitality', 'manufacturing', 'agriculture', 'healthcare', 'security', 'other', 'unsaid')),"
  "  demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),"
  "  rev INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX session_rev ON session (rev);"
  /* Not UNIQUE: codes come from several kiosks, and a one-in-billions clash
   * must never make a sync fail. verify shows every match. */
  "CREATE INDEX session_code ON session (code) WHERE code IS NOT NULL;"
  "CREATE TABLE module_progress ("
  "  session_id TEXT NOT NULL REFERENCES session (id),"
  "  module_id TEXT NOT NULL CHECK (length (module_id) BETWEEN 1 AND 64 AND module_id NOT GLOB '*[^a-z0-9-]*'),"
  "  module_version INTEGER NOT NULL CHECK (module_version >= 1),"
  "  watched REAL NOT NULL CHECK (watched BETWEEN 0 AND 1),"
  "  n_correct INTEGER NOT NULL CHECK (n_correct BETWEEN 0 AND n_questions),"
  "  n_questions INTEGER NOT NULL CHECK (n_questions BETWEEN 0 AND 100),"
  "  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),"
  "  PRIMARY KEY (session_id, module_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE answer ("
  "  session_id TEXT NOT NULL REFERENCES session (id),"
  "  module_id TEXT NOT NULL CHECK (length (module_id) BETWEEN 1 AND 64 AND module_id NOT GLOB '*[^a-z0-9-]*'),"
  "  question INTEGER NOT NULL CHECK (question BETWEEN 0 AND 99),"
  "  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 9),"
  "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  PRIMARY KEY (session_id, module_id, question)"
  ") STRICT, WITHOUT ROWID;"
  /* Kiosk side: how far each officers' file has been synced, for the backlog.
   * The authoritative mark is sync_source, in the target itself. */
  "CREATE TABLE sync_target ("
  "  target TEXT PRIMARY KEY NOT NULL,"
  "  last_rev INTEGER NOT NULL,"
  "  synced_at INTEGER NOT NULL"
  ") STRICT;"
  /* Officer side: the last rev of each kiosk journal copied in, written in
   * the same transaction as the rows, so a sync is all or nothing. */
  "CREATE TABLE sync_source ("
  "  journal_id TEXT PRIMARY KEY NOT NULL CHECK (length (journal_id) = 32 AND journal_id NOT GLOB '*[^0-9a-f]*'),"
  "  last_rev INTEGER NOT NULL,"
  "  synced_at INTEGER NOT NULL"
  ") STRICT;",
  /* 1 → 2: a session recorded while the kiosk's clock was impossible
   * (rahnuma_store_clock_is_wrong()). Its times are what the wrong clock
   * said; reports leave it out and count it apart. Rows already stored
   * were judged by no one, so they stay 0. */
  "ALTER TABLE session ADD COLUMN clock_suspect INTEGER NOT NULL DEFAULT 0"
  "  CHECK (clock_suspect IN (0, 1));",
  /* 2 → 3: rows a sync left out because they break this schema's rules
   * (hand-edited, or written by a damaged disk). Officer side: how many of
   * each kind, from which journal, and SQLite's message naming the broken
   * rule (it names columns and schema expressions, never a row's values), in
   * the same transaction as the mark. Kiosk side: the total for each target,
   * for the officer dashboard. */
  "CREATE TABLE sync_rejected ("
  "  journal_id TEXT NOT NULL CHECK (length (journal_id) = 32 AND journal_id NOT GLOB '*[^0-9a-f]*'),"
  "  kind TEXT NOT NULL CHECK (kind IN ('session', 'module', 'answer')),"
  "  reason TEXT NOT NULL CHECK (length (reason) BETWEEN 1 AND 300),"
  "  n_rows INTEGER NOT NULL CHECK (n_rows >= 1),"
  "  synced_at INTEGER NOT NULL,"
  "  PRIMARY KEY (journal_id, kind, reason)"
  ") STRICT;"
  "ALTER TABLE sync_target ADD COLUMN n_rejected INTEGER NOT NULL DEFAULT 0 CHECK (n_rejected >= 0);",
  MIGRATE_3_TO_4,
  /* 4 → 5: the "about you" survey (rahnuma-survey.h). */
  SURVEY_MIGRATION,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAHNUMA_STORE_VERSION);

gboolean
rahnuma_store_read_int (sqlite3 *db, const char *sql, const char *what, gint64 *value, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_version_objects (sqlite3 *db, const char *what, gint64 *version, gint64 *n_objects, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    rahnuma_store_prepare (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                               " (SELECT count(*) FROM sqlite_master)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rahnuma_store_set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, what);
  *version = sqlite3_column_int64 (stmt, 0);
  *n_objects = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Refuses, before anything is written, a file this build must not touch. */
gboolean
rahnuma_store_check_version (RahnumaStore *self, gint64 *version, GError **error)
{
  /* Translators: %s is a file path */
  g_autofree char *what = g_strdup_printf (_("Cannot read %s"), self->path);
  gint64 n_objects = 0;

  /* One statement, so one snapshot: read apart, another process's first
   * migration could commit in between, and a new journal would look like
   * version 0 with tables, someone else's database. Reading the schema
   * also finds a damaged header before anything is written. */
  if (!read_version_objects (self->db, what, version, &n_objects, error))
    return FALSE;
  if (*version > RAHNUMA_STORE_VERSION)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION,
                   /* Translators: the first %s is a file path; %lld is the file’s schema
                    * version, %d this program’s */
                   _("%s has schema version %lld, newer than this program knows (%d)"),
                   self->path, (long long) *version, RAHNUMA_STORE_VERSION);
      return FALSE;
    }
  if (*version > 0)
    return TRUE;
  /* Version 0 with tables in it is some other program's database. */
  if (n_objects > 0)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file or folder path */
                   _("%s is an SQLite file but not a Rahnuma journal"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* One step, in its own transaction. Re-reads the version under the write
 * lock: another process (a second sync) may have just done this step. */
static gboolean
migrate_step (RahnumaStore *self, gint64 from, GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, from + 1);
  gint64 current;
  gboolean ok;

  if (!rahnuma_store_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = rahnuma_store_read_int (self->db, "PRAGMA user_version", "Cannot migrate", &current, error);
  if (ok && current == from)
    ok = rahnuma_store_exec (self->db, migrations[from], error) &&
         rahnuma_store_exec (self->db, set_version, error);
  if (ok)
    ok = rahnuma_store_exec (self->db, "COMMIT", error);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (ok && current == from)
    g_debug ("Migrated %s to schema version %" G_GINT64_FORMAT, self->path, from + 1);
  return ok;
}

gboolean
rahnuma_store_migrate (RahnumaStore *self, gint64 version, GError **error)
{
  for (gint64 v = version; v < RAHNUMA_STORE_VERSION; v++)
    if (!migrate_step (self, v, error))
      return FALSE;
  return TRUE;
}
