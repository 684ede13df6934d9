/* rahnuma-store-schema.c — the journal's schema, its migrations, and opening a file
 *
 * migrations[v] takes a file from schema version v to v + 1, each step in
 * its own transaction. rahnuma_store_schema_open() opens a file, refuses
 * (before anything is written) one this build must not touch, sets the
 * pragmas, migrates it (or, read-only, a private copy of it) and reads its
 * journal id. The store (rahnuma-store.c) calls it when it is made; this
 * file calls nothing of the store, only the SQL helpers below both
 * (rahnuma-store-sql.c), so the two never call each other.
 * docs/ARCHITECTURE.md lists the steps; HACKING.md says how to add one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-file.h"
#include "rahnuma-store-schema-private.h"
#include "rahnuma-store-sql-private.h"

/* A file being opened: what rahnuma_store_schema_open() was given and what
 * it hands back. */
typedef struct
{
  const char *path;
  RahnumaStoreFlags flags;
  sqlite3 *db;
  char *copy_path;  /* read-only open of an older file: the migrated copy read instead */
  char *journal_id;
} RahnumaStoreOpening;

#define BUSY_TIMEOUT_MS 5000


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

/* 5 → 6: destination and sector leave the session, so that a survey row
 * shares nothing with a visit but the time (its week; the visit's quarter
 * hour): before, a rare (week, destination, sector) joined the two and tied
 * what someone paid to their visit and completion code. Those answers now
 * live only in the survey row (rahnuma_visit_about_async() writes one
 * whenever destination, sector or a cost question was said), and the
 * charts by destination and sector count survey answers.
 *
 * So that the officers' file loses no figure, each visit it holds that said
 * a destination or sector and wrote no survey row (the old rule wrote one
 * only if a cost question was answered) becomes a survey row with only those
 * two said: per ISO week (UTC), destination, sector and demo, as many rows
 * as such visits outnumber the survey rows already there. A kiosk journal
 * (no sync_source row) gets none: its visits already synced are counted in
 * the officers' file, and a journal read read-only is migrated afresh in a
 * copy at every sync, whose new random ids would be counted again each time.
 * The per-day visit sums by destination go with the column. secure_delete
 * zeroes the dropped values instead of leaving them in free pages (Debian's
 * SQLite already defaults to it). DROP COLUMN is allowed: only the columns'
 * own CHECKs name them (no index, view, trigger or table CHECK does). */
#define UNLINK_MIGRATION \
  "PRAGMA secure_delete = ON;" \
  "INSERT INTO survey (id, week, destination, sector, found_via, cost_answer, receipt, borrowed," \
  "  wage_answer, demo)" \
  " WITH thursday AS (SELECT date (started_at, 'unixepoch', '-3 days', 'weekday 4') AS day," \
  "    destination, sector, demo FROM session" \
  "    WHERE (destination != 'unsaid' OR sector != 'unsaid') AND EXISTS (SELECT 1 FROM sync_source))," \
  "  said AS (SELECT strftime ('%Y', day) || '-W' ||" \
  "    printf ('%02d', (CAST (strftime ('%j', day) AS INTEGER) - 1) / 7 + 1) AS week," \
  "    destination, sector, demo FROM thursday)," \
  "  visits AS (SELECT week, destination, sector, demo, count(*) AS n FROM said GROUP BY 1, 2, 3, 4)," \
  "  answers AS (SELECT week, destination, sector, demo, count(*) AS n FROM survey GROUP BY 1, 2, 3, 4)," \
  "  missing AS (SELECT week, destination, sector, demo, visits.n - coalesce (answers.n, 0) AS n" \
  "    FROM visits LEFT JOIN answers USING (week, destination, sector, demo))," \
  "  seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < (SELECT max (n) FROM missing))" \
  " SELECT lower (hex (randomblob (16))), week, destination, sector, 'unsaid', 'unsaid', 'unsaid'," \
  "  'unsaid', 'unsaid', demo FROM missing JOIN seq ON seq.i <= missing.n;" \
  "DELETE FROM dashboard_category WHERE category = 'destination';" \
  "ALTER TABLE session DROP COLUMN destination;" \
  "ALTER TABLE session DROP COLUMN sector;"

/* Which path a visit took (issue 20): 'full' (every lesson's scenes, then
 * its questions) or 'short' (the visitor was in the hall briefing today:
 * the questions directly). Every visit before this step took the full
 * path, so existing rows get 'full'. It says nothing of the visitor, only
 * which screens they went through. Self-contained so that it can be moved
 * to another version number when branches are merged. */
#define PATH_MIGRATION \
  "ALTER TABLE session ADD COLUMN path TEXT NOT NULL DEFAULT 'full'" \
  "  CHECK (path IN ('full', 'short'));"

/* 7 → 8: hall sessions (src/hall/, rahnuma-hall-session.h). A briefing in a
 * hall records only what the officer can see from the front: its own random
 * id, the centre and the PC (as a kiosk's sessions do), the day (local,
 * YYYY-MM-DD, a real date), the lessons shown (module ids, comma-separated,
 * in the order shown), the narration and subtitle languages and the head
 * count the officer typed. No time of day, no visitor, no answer. The head
 * count is at least 1 (an empty hall is not a briefing) and at most 1,000:
 * a centre briefs 2,000–2,500 people a day in several sessions, so a bigger
 * number in one room is a slip on the pad, refused rather than counted.
 * STRICT, WITHOUT ROWID: rows sit in the order of their random id, as
 * survey rows do; no rev (synced by id, like survey). sync_rejected is
 * rebuilt so its kind may be 'hall'. */
#define HALL_MIGRATION \
  "CREATE TABLE hall_session (" \
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length (id) = 32 AND id NOT GLOB '*[^0-9a-f]*')," \
  "  centre TEXT NOT NULL CHECK (length (centre) BETWEEN 1 AND 32 AND centre NOT GLOB '*[^A-Za-z0-9_-]*')," \
  "  kiosk TEXT NOT NULL CHECK (length (kiosk) BETWEEN 1 AND 32 AND kiosk NOT GLOB '*[^A-Za-z0-9_-]*')," \
  "  day TEXT NOT NULL CHECK (day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date (day, '+0 days') IS day)," \
  "  modules TEXT NOT NULL CHECK (length (modules) BETWEEN 1 AND 1024" \
  "    AND modules NOT GLOB '*[^a-z0-9,-]*' AND modules NOT GLOB ',*'" \
  "    AND modules NOT GLOB '*,' AND modules NOT GLOB '*,,*')," \
  "  narration TEXT NOT NULL CHECK (narration IN ('ur', 'ps', 'pa_PK', 'en'))," \
  "  subtitles TEXT NOT NULL CHECK (subtitles IN ('ur', 'ps', 'pa_PK', 'en'))," \
  "  head_count INTEGER NOT NULL CHECK (head_count BETWEEN 1 AND 1000)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE TABLE sync_rejected_8 (" \
  "  journal_id TEXT NOT NULL CHECK (length (journal_id) = 32 AND journal_id NOT GLOB '*[^0-9a-f]*')," \
  "  kind TEXT NOT NULL CHECK (kind IN ('session', 'module', 'answer', 'survey', 'hall'))," \
  "  reason TEXT NOT NULL CHECK (length (reason) BETWEEN 1 AND 300)," \
  "  n_rows INTEGER NOT NULL CHECK (n_rows >= 1)," \
  "  synced_at INTEGER NOT NULL," \
  "  PRIMARY KEY (journal_id, kind, reason)" \
  ") STRICT;" \
  "INSERT INTO sync_rejected_8 SELECT * FROM sync_rejected;" \
  "DROP TABLE sync_rejected;" \
  "ALTER TABLE sync_rejected_8 RENAME TO sync_rejected;"

/* 8 → 9: the per-day sums also count visits by path (issue 20), so that the
 * dashboard's "By path" and the hall comparison read them, as every other
 * figure of a long range does, instead of every visit of the range (a year
 * of a 100,000-visit file: 190 ms, against 18 ms before the path was
 * shown); 'destination' leaves the categories (schema 6 took it off the
 * visit). The sums are a cache (MIGRATE_3_TO_4): the table is made again,
 * the others emptied, and the mark set back to rev 0 with its time zone
 * kept, so that every day is summed again when the dashboard next opens or
 * the next sync writes the file (rahnuma_dashboard_prepare()). */
#define PATH_SUMS_MIGRATION \
  "DROP TABLE dashboard_category;" \
  "CREATE TABLE dashboard_category (" \
  "  day INTEGER NOT NULL CHECK (day >= 0)," \
  "  category TEXT NOT NULL CHECK (category IN ('language', 'gender', 'path'))," \
  "  value TEXT NOT NULL CHECK (CASE category" \
  "    WHEN 'language' THEN value IN ('ur', 'ps', 'pa_PK', 'en')" \
  "    WHEN 'gender' THEN value IN ('woman', 'man', 'other', 'unsaid')" \
  "    ELSE value IN ('full', 'short') END)," \
  "  sessions INTEGER NOT NULL CHECK (sessions >= 1)," \
  "  completed INTEGER NOT NULL CHECK (completed BETWEEN 0 AND sessions)," \
  "  PRIMARY KEY (day, category, value)" \
  ") STRICT, WITHOUT ROWID;" \
  "DELETE FROM dashboard_hour; DELETE FROM dashboard_module; DELETE FROM dashboard_question;" \
  "UPDATE dashboard_mark SET last_rev = 0;"

/* One entry per schema version: migrations[v] takes a file from v to v + 1.
 * Never edit a released step; add a new one. The CHECK lists above and here
 * must agree (tests/test-store.c tries every value). */
/* One entry per schema version: migrations[v] takes a file from v to v + 1.
 * Never edit a released step; add a new one. The CHECK lists above and here
 * must agree (tests/test-store.c tries every value). */
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
  /* 5 → 6: destination and sector only in survey rows. */
  UNLINK_MIGRATION,
  /* 6 → 7: session.path, the full or the short path (rahnuma_store_set_path()). */
  PATH_MIGRATION,
  /* 7 → 8: hall sessions (HALL_MIGRATION above). */
  HALL_MIGRATION,
  /* 8 → 9: the per-day sums by path (PATH_SUMS_MIGRATION above). */
  PATH_SUMS_MIGRATION,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAHNUMA_STORE_VERSION);

/* ---- checking and migrating ----------------------------------------- */

static gboolean
read_version_objects (sqlite3 *db, const char *what, gint64 *version, gint64 *n_objects, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    rahnuma_store_read_row (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                " (SELECT count(*) FROM sqlite_master)", what, error);

  if (stmt == NULL)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  *n_objects = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Refuses, before anything is written, a file this build must not touch. */
static gboolean
check_version (RahnumaStoreOpening *self, gint64 *version, GError **error)
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
migrate_step (RahnumaStoreOpening *self, gint64 from, GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, from + 1);
  gint64 current;
  gboolean ok;

  if (!rahnuma_store_begin_immediate (self->db, error))
    return FALSE;
  ok = rahnuma_store_read_int (self->db, "PRAGMA user_version", "Cannot migrate", &current, error);
  if (ok && current == from)
    ok = rahnuma_store_exec (self->db, migrations[from], error) &&
         rahnuma_store_exec (self->db, set_version, error);
  ok = rahnuma_store_commit_or_rollback (self->db, ok, error);
  if (ok && current == from)
    g_debug ("Migrated %s to schema version %" G_GINT64_FORMAT, self->path, from + 1);
  return ok;
}

static gboolean
migrate (RahnumaStoreOpening *self, gint64 version, GError **error)
{
  for (gint64 v = version; v < RAHNUMA_STORE_VERSION; v++)
    if (!migrate_step (self, v, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_pragmas (RahnumaStoreOpening *self, gint64 version, GError **error)
{
  /* A kiosk journal is on the kiosk's own disk: WAL lets the main thread
   * read while the worker writes, and commits append instead of rewriting.
   * An officers' file may sit on a shared folder, where WAL's shared memory
   * does not work, so it keeps a rollback journal. The mode is stored in the
   * file, so it is chosen once, when the file is new: export or report on a
   * running kiosk's journal must not try to switch it. */
  const char *journal_mode = (self->flags & RAHNUMA_STORE_SHARED)
                               ? "PRAGMA journal_mode = DELETE"
                               : "PRAGMA journal_mode = WAL";

  /* Set before the first table, so the file can shrink after old records
   * are deleted (rahnuma-retention.c); on an older file it only takes
   * effect with a VACUUM, which the first prune does. */
  if (version == 0 && !(self->flags & RAHNUMA_STORE_SHARED) &&
      !rahnuma_store_exec (self->db, "PRAGMA auto_vacuum = INCREMENTAL", error))
    return FALSE;
  if (version == 0 && !rahnuma_store_exec (self->db, journal_mode, error))
    return FALSE;
  /* FULL: each commit is on disk before the screen moves on; NORMAL could
   * lose the last visits to a power cut, which is what the kiosk must not do. */
  return rahnuma_store_exec (self->db, "PRAGMA synchronous = FULL", error);
}

/* A read-only open cannot migrate in place. An older file is copied with
 * SQLite's online backup (safe while a kiosk writes it) into a private
 * temporary file, which is migrated and read instead; the original is never
 * written. The copy goes with the store (rahnuma_store_finalize). */
static gboolean
read_through_copy (RahnumaStoreOpening *self, gint64 version, GError **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  fd = g_file_open_tmp ("rahnuma-read-XXXXXX.db", &self->copy_path, error);
  if (fd < 0)
    return FALSE;
  g_close (fd, NULL);
  rc = sqlite3_open_v2 (self->copy_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  backup = rc == SQLITE_OK ? sqlite3_backup_init (copy, "main", self->db, "main") : NULL;
  if (backup != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  if (backup == NULL || rc != SQLITE_DONE)
    {
      /* Translators: %s is a file path */
      g_autofree char *what = g_strdup_printf (_("Cannot read %s"), self->path);

      rahnuma_store_set_error (error, copy, backup == NULL ? sqlite3_errcode (copy) : rc, what);
      sqlite3_close_v2 (copy);
      return FALSE;
    }
  sqlite3_close_v2 (self->db);
  self->db = copy;
  sqlite3_extended_result_codes (self->db, 1);
  return rahnuma_store_exec (self->db, "PRAGMA journal_mode = DELETE", error) &&
         rahnuma_store_exec (self->db, "PRAGMA foreign_keys = ON", error) &&
         migrate (self, version, error);
}

static gboolean
check_readable (RahnumaStoreOpening *self, gint64 version, GError **error)
{
  if (version == RAHNUMA_STORE_VERSION)
    return TRUE;
  if (version > 0)
    return read_through_copy (self, version, error);
  g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_EMPTY,
               /* Translators: %s is a file's path */
               _("%s is empty: it holds no Rahnuma records"), self->path);
  return FALSE;
}

static void
remove_copy (const char *copy_path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (copy_path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
check_exists (RahnumaStoreOpening *self, GError **error)
{
  if (!(self->flags & (RAHNUMA_STORE_MUST_EXIST | RAHNUMA_STORE_READ_ONLY)) ||
      g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a file or folder path */
               _("%s does not exist"), self->path);
  return FALSE;
}

static gboolean
is_in_memory (const char *path)
{
  return *path == '\0' || g_str_equal (path, ":memory:");
}

static gboolean
open_db (RahnumaStoreOpening *self, GError **error)
{
  gboolean read_only = (self->flags & RAHNUMA_STORE_READ_ONLY) != 0;
  /* URI names let sync attach a journal read-only ("file:…?mode=ro"). A
   * plain path is still a plain path, unless it starts with "file:". */
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
              SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI;
  g_autofree char *name = g_str_has_prefix (self->path, "file:")
                            ? g_strconcat ("./", self->path, NULL) : g_strdup (self->path);
  int rc;

  if (!check_exists (self, error))
    return FALSE;
  if (!(self->flags & (RAHNUMA_STORE_MUST_EXIST | RAHNUMA_STORE_READ_ONLY)))
    {
      flags |= SQLITE_OPEN_CREATE;
      /* Owner-only from the start, whatever the umask; SQLite gives -wal and
       * -shm the same mode. If this fails, SQLite's open says why. */
      if (!is_in_memory (self->path))
        rahnuma_file_create_private (self->path, NULL);
    }

  rc = sqlite3_open_v2 (name, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      /* Translators: %s is a file path */
      g_autofree char *what = g_strdup_printf (_("Cannot open %s"), self->path);
      return rahnuma_store_set_error (error, self->db, rc, what);
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another kiosk's sync or the officer dashboard may hold the file for a
   * moment: wait rather than fail at once. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Off by default in SQLite; answers must never outlive their session. */
  return rahnuma_store_exec (self->db, "PRAGMA foreign_keys = ON", error);
}

static gboolean
load_journal_id (RahnumaStoreOpening *self, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (self->db, "SELECT journal_id FROM journal", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rahnuma_store_set_error (error, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                                    _("Cannot read the journal id"));
  self->journal_id = rahnuma_store_column_dup (stmt, 0);
  /* The schema's CHECK holds for what SQLite wrote, not for damaged bytes. */
  if (self->journal_id == NULL || strlen (self->journal_id) != 32)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file or folder path */
                   _("%s has no valid journal id"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* ---- opening ---------------------------------------------------------- */

static gboolean
open_and_migrate (RahnumaStoreOpening *self, GError **error)
{
  gint64 version = 0;

  if (!open_db (self, error))
    return FALSE;
  return check_version (self, &version, error) &&
         ((self->flags & RAHNUMA_STORE_READ_ONLY)
            ? check_readable (self, version, error)
            : apply_pragmas (self, version, error) && migrate (self, version, error)) &&
         load_journal_id (self, error);
}

/**
 * rahnuma_store_schema_open:
 * @path: the journal file, or ":memory:"
 * @flags: how to open it
 * @db: (out) (transfer full): the connection, for sqlite3_close_v2()
 * @copy_path: (out) (transfer full) (nullable): for a read-only open of an
 *   older file, the private migrated copy read in its place, else %NULL
 * @journal_id: (out) (transfer full): the file's random id
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Opens (or creates) a journal and brings its schema up to date, as
 * rahnuma_store_new_full() documents: the store's GInitable calls it. On
 * failure nothing is left open or on disk and the out values are %NULL; a
 * file SQLite cannot make sense of fails with %RAHNUMA_STORE_ERROR_DAMAGED.
 * Close with rahnuma_store_schema_close().
 *
 * Returns: %TRUE if the file is open at %RAHNUMA_STORE_VERSION
 */
gboolean
rahnuma_store_schema_open (const char *path, RahnumaStoreFlags flags, sqlite3 **db,
                           char **copy_path, char **journal_id, GError **error)
{
  RahnumaStoreOpening opening = { .path = path, .flags = flags };

  g_return_val_if_fail (path != NULL, FALSE);

  if (open_and_migrate (&opening, error))
    {
      if (!is_in_memory (path))
        rahnuma_file_warn_if_exposed (path);
      *db = opening.db;
      *copy_path = opening.copy_path;
      *journal_id = opening.journal_id;
      return TRUE;
    }
  rahnuma_store_schema_close (opening.db, opening.copy_path);
  g_free (opening.copy_path);
  g_free (opening.journal_id);
  *db = NULL;
  *copy_path = *journal_id = NULL;
  return rahnuma_store_failure_is_damage (error);
}

/**
 * rahnuma_store_schema_close:
 * @db: (nullable) (transfer full): a connection from rahnuma_store_schema_open()
 * @copy_path: (nullable): its private copy, removed with its -journal, -wal
 *   and -shm files
 *
 * Closes the connection and removes the copy; frees neither string.
 */
void
rahnuma_store_schema_close (sqlite3 *db, const char *copy_path)
{
  sqlite3_close_v2 (db);
  if (copy_path != NULL)
    remove_copy (copy_path);
}
