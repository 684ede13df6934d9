/* rahnuma-sync.c — copy new records from a kiosk journal into the officers' file
 *
 * The officers' file (the target) is a store like any kiosk journal. The
 * kiosk journal (the source) is attached to the target's connection and the
 * finished sessions past the target's mark for that journal are copied with
 * three INSERT … SELECT upserts, in one transaction with the new mark:
 *
 *  - idempotent: rows are keyed by the session's random id, so copying a
 *    session twice updates it in place;
 *  - atomic: the rows and the mark (sync_source) commit together, so a sync
 *    killed mid-way leaves all or none of it;
 *  - incremental: only sessions whose rev is past the mark are read;
 *  - several kiosks at once: writers take turns on the target's lock; a sync
 *    that finds it busy rolls back, waits a little and tries again, for up
 *    to a minute, and then fails with RAHNUMA_STORE_ERROR_BUSY, leaving
 *    everything queued in the journal for next time.
 *
 * A row the target refuses (it breaks a CHECK, NOT NULL or column type:
 * edited by hand, or written by a damaged disk) must not hold back the rest
 * for ever. The bulk copy runs under a savepoint; if it meets such a row, it
 * is undone and the copy runs again row by row in the same transaction:
 * every valid row is copied, each refused one is left in the journal and
 * counted in the target's sync_rejected by kind and rule, and the mark moves
 * past them, so a repeated sync neither retries nor recounts them. A session
 * left out takes its module and answer rows with it (the foreign key).
 *
 * Sessions still active are left for a later sync: the kiosk abandons them
 * at start-up after a crash, which changes their rev, so they follow.
 *
 * The transaction is DEFERRED and writes the target first: BEGIN IMMEDIATE
 * would take a write lock on the attached journal too, and block the kiosk
 * while it syncs. Only the target is written: the journal is attached
 * read-only. The kiosk's own syncs then note the target in the journal, for
 * its backlog; `rahnuma-admin sync` (RAHNUMA_SYNC_SOURCE_READ_ONLY) opens the
 * journal read-only and writes nothing to it, so a file that is not a
 * journal stays as it was, and no sync_source row is added for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rahnuma-sync.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-store-private.h"

#include <string.h>

#define PATIENCE_US       (60 * G_USEC_PER_SEC)
#define CACHE_SIZE_PRAGMA "PRAGMA cache_size = -65536" /* 64 MiB: a million-session copy stays in memory */

typedef struct
{
  RahnumaSyncFlags flags;
  RahnumaStore *source;
  RahnumaStore *target;
  sqlite3 *db; /* the target's connection, with the source attached as "kiosk" */
  char *target_key;
  GCancellable *cancellable;
  gint64 last_rev; /* the target's mark for this journal */
  gint64 max_rev;  /* the journal's newest rev, in this transaction's snapshot */
  gint64 next_rev; /* the target's rev for the rows this sync writes */
  int last_rc;     /* SQLite's code for the last failure */
  GHashTable *rejected; /* "kind\nreason" → rows left out, row by row only */
  RahnumaSyncStats stats;
} SyncJob;

/* Every statement binds the same numbered parameters. */
#define BIND_LAST_REV   1
#define BIND_MAX_REV    2
#define BIND_NEXT_REV   3
#define BIND_JOURNAL_ID 4
#define BIND_NOW        5

/* First, so that the transaction's first step is a write to the target. */
#define CLAIM_SQL \
  "INSERT INTO main.sync_source VALUES (?4, 0, ?5) ON CONFLICT (journal_id) DO NOTHING"

#define READ_MARKS_SQL \
  "SELECT (SELECT last_rev FROM main.sync_source WHERE journal_id = ?4)," \
  " (SELECT coalesce (max (rev), 0) FROM kiosk.session)," \
  " (SELECT coalesce (max (rev), 0) + 1 FROM main.session)"

/* The sessions to copy. IN (…) makes SQLite walk them in id order, so the
 * module and answer rows arrive in their primary-key order. */
#define PENDING_WHERE "rev > ?1 AND rev <= ?2 AND state != 'active'"
#define PENDING       "(SELECT id FROM kiosk.session WHERE " PENDING_WHERE ")"

/* Each table's columns and upsert, shared by the bulk copy (INSERT … SELECT)
 * and the row-by-row one (INSERT … VALUES), so that the two cannot drift. */
#define SESSION_COLUMNS \
  "id, centre, kiosk, language, started_at, ended_at, state, catalog_version, code," \
  " gender, demo, clock_suspect, path"
#define SESSION_UPSERT \
  " ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, state = excluded.state," \
  " code = excluded.code, gender = excluded.gender, demo = excluded.demo," \
  " clock_suspect = excluded.clock_suspect, path = excluded.path, rev = excluded.rev"
#define MODULE_COLUMNS "session_id, module_id, module_version, watched, n_correct, n_questions, passed"
#define MODULE_UPSERT \
  " ON CONFLICT (session_id, module_id) DO UPDATE SET module_version = excluded.module_version," \
  " watched = excluded.watched, n_correct = excluded.n_correct," \
  " n_questions = excluded.n_questions, passed = excluded.passed"
#define ANSWER_COLUMNS "session_id, module_id, question, choice, correct"
#define ANSWER_UPSERT \
  " ON CONFLICT (session_id, module_id, question) DO UPDATE SET choice = excluded.choice," \
  " correct = excluded.correct"

#define COPY_SESSIONS_SQL \
  "INSERT INTO main.session (" SESSION_COLUMNS ", rev) SELECT " SESSION_COLUMNS ", ?3" \
  " FROM kiosk.session WHERE " PENDING_WHERE SESSION_UPSERT

#define COPY_MODULES_SQL \
  "INSERT INTO main.module_progress (" MODULE_COLUMNS ") SELECT " MODULE_COLUMNS \
  " FROM kiosk.module_progress WHERE session_id IN " PENDING MODULE_UPSERT

#define COPY_ANSWERS_SQL \
  "INSERT INTO main.answer (" ANSWER_COLUMNS ") SELECT " ANSWER_COLUMNS \
  " FROM kiosk.answer WHERE session_id IN " PENDING ANSWER_UPSERT

/* Row by row, when the bulk copy met a row that breaks the target's rules. */
#define ROW_SESSIONS_SQL "SELECT " SESSION_COLUMNS " FROM kiosk.session WHERE " PENDING_WHERE
#define ROW_MODULES_SQL \
  "SELECT " MODULE_COLUMNS " FROM kiosk.module_progress WHERE session_id IN " PENDING
#define ROW_ANSWERS_SQL "SELECT " ANSWER_COLUMNS " FROM kiosk.answer WHERE session_id IN " PENDING
#define INSERT_SESSION_SQL \
  "INSERT INTO main.session (" SESSION_COLUMNS ", rev)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" SESSION_UPSERT
#define INSERT_MODULE_SQL \
  "INSERT INTO main.module_progress (" MODULE_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" MODULE_UPSERT
#define INSERT_ANSWER_SQL \
  "INSERT INTO main.answer (" ANSWER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5)" ANSWER_UPSERT

/* Survey answers (rahnuma-survey.h) carry no rev, so that nothing orders
 * them against the sessions: they never change once written and are keyed
 * by their own random id, so each sync copies those the target lacks, and
 * a copied row is never copied again. A row the target refuses stays out,
 * and is counted again by each later sync that meets it. */
#define SURVEY_COLUMNS \
  "id, week, destination, sector, found_via, cost_answer, cost_pkr, receipt, borrowed," \
  " wage_answer, wage_amount, wage_currency, demo"
#define COPY_SURVEY_SQL \
  "INSERT INTO main.survey (" SURVEY_COLUMNS ") SELECT " SURVEY_COLUMNS \
  " FROM kiosk.survey WHERE true ON CONFLICT (id) DO NOTHING"
#define ROW_SURVEY_SQL \
  "SELECT " SURVEY_COLUMNS " FROM kiosk.survey WHERE id NOT IN (SELECT id FROM main.survey)"
#define INSERT_SURVEY_SQL \
  "INSERT INTO main.survey (" SURVEY_COLUMNS ")" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (id) DO NOTHING"

/* Hall sessions (rahnuma-hall-session.h) are copied as survey rows are:
 * written once, never changed, no rev, keyed by their random id. */
#define HALL_COLUMNS "id, centre, kiosk, day, modules, narration, subtitles, head_count"
#define COPY_HALL_SQL \
  "INSERT INTO main.hall_session (" HALL_COLUMNS ") SELECT " HALL_COLUMNS \
  " FROM kiosk.hall_session WHERE true ON CONFLICT (id) DO NOTHING"
#define ROW_HALL_SQL \
  "SELECT " HALL_COLUMNS " FROM kiosk.hall_session WHERE id NOT IN (SELECT id FROM main.hall_session)"
#define INSERT_HALL_SQL \
  "INSERT INTO main.hall_session (" HALL_COLUMNS ")" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING"

/* Counted per journal, kind and rule, in the same transaction as the mark:
 * a repeated sync neither counts them again nor copies them. */
#define NOTE_REJECTED_SQL \
  "INSERT INTO main.sync_rejected VALUES (?1, ?2, ?3, ?4, ?5)" \
  " ON CONFLICT (journal_id, kind, reason) DO UPDATE SET n_rows = n_rows + excluded.n_rows," \
  " synced_at = excluded.synced_at"

#define READ_REJECTED_SQL \
  "SELECT coalesce (sum (n_rows), 0) FROM main.sync_rejected WHERE journal_id = ?4"

#define SET_MARK_SQL \
  "UPDATE main.sync_source SET last_rev = ?2, synced_at = ?5 WHERE journal_id = ?4"

/* Kiosk side, after the commit: how far this target has got, for the backlog. */
#define NOTE_TARGET_SQL \
  "INSERT INTO sync_target (target, last_rev, synced_at, n_rejected) VALUES (?1, ?2, ?3, ?4)" \
  " ON CONFLICT (target) DO UPDATE SET last_rev = max (last_rev, excluded.last_rev)," \
  " synced_at = excluded.synced_at, n_rejected = excluded.n_rejected"

/* Closing the target's connection also detaches the journal. */
static void
sync_job_clear (SyncJob *job)
{
  g_clear_object (&job->source);
  g_clear_object (&job->target);
  g_clear_pointer (&job->target_key, g_free);
  g_clear_pointer (&job->rejected, g_hash_table_unref);
  job->db = NULL;
}

/* Lets a cancelled GCancellable interrupt a long statement. */
static int
on_progress (gpointer user_data)
{
  SyncJob *job = user_data;

  return g_cancellable_is_cancelled (job->cancellable);
}

static gboolean
fail (SyncJob *job, int rc, const char *what, GError **error)
{
  job->last_rc = rc;
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  return rahnuma_store_set_error (error, job->db, rc, what);
}

static gboolean
run (SyncJob *job, const char *sql, guint64 *changes, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, sql, error);
  int n_params, rc;

  if (stmt == NULL)
    return FALSE;
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= BIND_LAST_REV)
    sqlite3_bind_int64 (stmt, BIND_LAST_REV, job->last_rev);
  if (n_params >= BIND_MAX_REV)
    sqlite3_bind_int64 (stmt, BIND_MAX_REV, job->max_rev);
  if (n_params >= BIND_NEXT_REV)
    sqlite3_bind_int64 (stmt, BIND_NEXT_REV, job->next_rev);
  if (n_params >= BIND_JOURNAL_ID)
    sqlite3_bind_text (stmt, BIND_JOURNAL_ID, rahnuma_store_get_journal_id (job->source), -1, SQLITE_STATIC);
  if (n_params >= BIND_NOW)
    sqlite3_bind_int64 (stmt, BIND_NOW, g_get_real_time () / G_USEC_PER_SEC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot copy records"), error);
  if (changes != NULL)
    *changes = sqlite3_changes64 (job->db);
  return TRUE;
}

/* Runs @sql, a one-row query about this journal (?BIND_JOURNAL_ID), and
 * returns it on its row; %NULL with @error set, @what saying what failed. */
static sqlite3_stmt *
step_journal_row (SyncJob *job, const char *sql, const char *what, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, BIND_JOURNAL_ID, rahnuma_store_get_journal_id (job->source), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fail (job, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&stmt);
}

static gboolean
read_marks (SyncJob *job, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = step_journal_row (job, READ_MARKS_SQL,
                                                   _("Cannot read how far the last sync got"), error);

  if (stmt == NULL)
    return FALSE;
  job->last_rev = sqlite3_column_int64 (stmt, 0);
  job->max_rev = sqlite3_column_int64 (stmt, 1);
  job->next_rev = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

typedef struct
{
  const char *kind;        /* as stored in sync_rejected.kind */
  const char *select_sql;  /* the pending rows, in insert_sql's column order */
  const char *insert_sql;  /* one row: ?1… the columns, then the rev if it takes one */
  gsize copied_offset;     /* where in RahnumaSyncStats to count copied rows */
  gsize rejected_offset;   /* and rows left out */
} RowKind;

static const RowKind row_kinds[] = {
  { "session", ROW_SESSIONS_SQL, INSERT_SESSION_SQL, G_STRUCT_OFFSET (RahnumaSyncStats, n_sessions),
    G_STRUCT_OFFSET (RahnumaSyncStats, n_rejected_sessions) },
  { "module", ROW_MODULES_SQL, INSERT_MODULE_SQL, G_STRUCT_OFFSET (RahnumaSyncStats, n_modules),
    G_STRUCT_OFFSET (RahnumaSyncStats, n_rejected_modules) },
  { "answer", ROW_ANSWERS_SQL, INSERT_ANSWER_SQL, G_STRUCT_OFFSET (RahnumaSyncStats, n_answers),
    G_STRUCT_OFFSET (RahnumaSyncStats, n_rejected_answers) },
  { "survey", ROW_SURVEY_SQL, INSERT_SURVEY_SQL, G_STRUCT_OFFSET (RahnumaSyncStats, n_survey),
    G_STRUCT_OFFSET (RahnumaSyncStats, n_rejected_survey) },
  { "hall", ROW_HALL_SQL, INSERT_HALL_SQL, G_STRUCT_OFFSET (RahnumaSyncStats, n_hall),
    G_STRUCT_OFFSET (RahnumaSyncStats, n_rejected_hall) },
};

#define STAT(job, offset) (G_STRUCT_MEMBER (guint64, &(job)->stats, (offset)))
#define MAX_REASON 300 /* sync_rejected.reason's CHECK */

/* Why the target refused the row just stepped. SQLite's constraint messages
 * name the column or the schema's expression, never the row's values, so
 * no visitor data reaches the officers' file this way. */
static char *
describe_rejection (sqlite3 *db)
{
  const char *message = sqlite3_errmsg (db);

  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_FOREIGNKEY)
    return g_strdup ("its session was left out (FOREIGN KEY constraint failed)");
  return g_strndup (message, MAX_REASON);
}

static void
reject_row (SyncJob *job, const RowKind *kind)
{
  g_autofree char *reason = describe_rejection (job->db);
  char *key = g_strconcat (kind->kind, "\n", reason, NULL);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (job->rejected, key));

  g_hash_table_replace (job->rejected, key, GUINT_TO_POINTER (n + 1));
  STAT (job, kind->rejected_offset)++;
}

/* Copies one row, binding the values read from the journal as they are. */
static gboolean
copy_row (SyncJob *job, const RowKind *kind, sqlite3_stmt *row, sqlite3_stmt *insert, GError **error)
{
  int n_columns = sqlite3_column_count (row);
  int rc;

  for (int i = 0; i < n_columns; i++)
    sqlite3_bind_value (insert, i + 1, sqlite3_column_value (row, i));
  if (sqlite3_bind_parameter_count (insert) > n_columns)
    sqlite3_bind_int64 (insert, n_columns + 1, job->next_rev);
  rc = sqlite3_step (insert);
  if (rc == SQLITE_DONE)
    STAT (job, kind->copied_offset) += (guint64) sqlite3_changes64 (job->db);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    reject_row (job, kind); /* the statement alone was undone; the transaction goes on */
  sqlite3_reset (insert);
  if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CONSTRAINT)
    return fail (job, rc, _("Cannot copy records"), error);
  return TRUE;
}

static gboolean
copy_kind_row_by_row (SyncJob *job, const RowKind *kind, GError **error)
{
  g_autoptr(sqlite3_stmt) rows = rahnuma_store_prepare (job->db, kind->select_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (rows == NULL)
    return FALSE;
  insert = rahnuma_store_prepare (job->db, kind->insert_sql, error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (rows, BIND_LAST_REV, job->last_rev);
  sqlite3_bind_int64 (rows, BIND_MAX_REV, job->max_rev);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    if (!copy_row (job, kind, rows, insert, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot read the kiosk journal"), error);
  return TRUE;
}

static gboolean
note_rejected (SyncJob *job, const char *key, guint n_rows, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, NOTE_REJECTED_SQL, error);
  const char *newline = strchr (key, '\n');
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rahnuma_store_get_journal_id (job->source), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, (int) (newline - key), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, newline + 1, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, n_rows);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot note the records left out"), error);
  return TRUE;
}

/* The slow path, taken only when a pending row breaks the target's rules:
 * every other row is copied, each bad one counted in sync_rejected and left
 * in the journal. A session left out takes its module and answer rows with
 * it (the foreign key refuses them). */
static gboolean
copy_row_by_row (SyncJob *job, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  job->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (row_kinds); i++)
    if (!copy_kind_row_by_row (job, &row_kinds[i], error))
      return FALSE;
  g_hash_table_iter_init (&iter, job->rejected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!note_rejected (job, key, GPOINTER_TO_UINT (value), error))
      return FALSE;
  return TRUE;
}

static gboolean
copy_bulk (SyncJob *job, GError **error)
{
  return run (job, COPY_SESSIONS_SQL, &job->stats.n_sessions, error) &&
         run (job, COPY_MODULES_SQL, &job->stats.n_modules, error) &&
         run (job, COPY_ANSWERS_SQL, &job->stats.n_answers, error) &&
         run (job, COPY_SURVEY_SQL, &job->stats.n_survey, error) &&
         run (job, COPY_HALL_SQL, &job->stats.n_hall, error);
}

/* Three statements for the whole lot, the fast path; if one meets a row the
 * target refuses, everything since the savepoint is undone and the copy
 * starts again row by row, in the same transaction and snapshot. */
static gboolean
copy_pending (SyncJob *job, GError **error)
{
  g_autoptr(GError) bulk_error = NULL;

  if (!rahnuma_store_exec (job->db, "SAVEPOINT bulk", error))
    return FALSE;
  if (!copy_bulk (job, &bulk_error))
    {
      if ((job->last_rc & 0xff) != SQLITE_CONSTRAINT)
        {
          g_propagate_error (error, g_steal_pointer (&bulk_error));
          return FALSE;
        }
      g_debug ("A record breaks the officers' file's rules, copying row by row: %s", bulk_error->message);
      job->stats.n_sessions = job->stats.n_modules = job->stats.n_answers = job->stats.n_survey = 0;
      job->stats.n_hall = 0;
      if (!rahnuma_store_exec (job->db, "ROLLBACK TO bulk", error) || !copy_row_by_row (job, error))
        return FALSE;
    }
  return rahnuma_store_exec (job->db, "RELEASE bulk", error);
}

static gboolean
read_rejected_total (SyncJob *job, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = step_journal_row (job, READ_REJECTED_SQL,
                                                   _("Cannot count the records left out"), error);

  if (stmt == NULL)
    return FALSE;
  job->stats.n_rejected_total = (guint64) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The copy itself, inside the transaction. */
static gboolean
copy_records (SyncJob *job, GError **error)
{
  g_strlcpy (job->stats.journal_id, rahnuma_store_get_journal_id (job->source),
             sizeof job->stats.journal_id);
  if (!run (job, CLAIM_SQL, NULL, error) || !read_marks (job, error))
    return FALSE;
  /* Survey answers may be new when no session is. */
  if (!copy_pending (job, error))
    return FALSE;
  if (job->max_rev > job->last_rev && !run (job, SET_MARK_SQL, NULL, error))
    return FALSE;
  return read_rejected_total (job, error);
}

static gboolean
copy_in_transaction (SyncJob *job, GError **error)
{
  gboolean ok;

  if (!rahnuma_store_exec (job->db, "BEGIN DEFERRED", error))
    return FALSE;
  ok = copy_records (job, error) && rahnuma_store_exec (job->db, "COMMIT", error);
  if (!sqlite3_get_autocommit (job->db))
    sqlite3_exec (job->db, "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    memset (&job->stats, 0, sizeof job->stats);
  return ok;
}

/* "file:///…?mode=ro": the target's connection takes URI names. */
static char *
read_only_uri (const char *path, GError **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, error);

  return uri != NULL ? g_strconcat (uri, "?mode=ro", NULL) : NULL;
}

static gboolean
attach_source (SyncJob *job, const char *read_path, const char *from_path, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (job->db, "ATTACH DATABASE ?1 AS kiosk", error);
  g_autofree char *uri = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  uri = read_only_uri (read_path, NULL);
  if (uri == NULL)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FAILED,
                   /* Translators: %s is the journal’s path */
                   _("Cannot read the kiosk journal %s: its name cannot be used"), from_path);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return fail (job, rc, _("Cannot read the kiosk journal"), error);
  sqlite3_progress_handler (job->db, 10000, on_progress, job);
  return rahnuma_store_exec (job->db, CACHE_SIZE_PRAGMA, error);
}

static gboolean G_GNUC_PRINTF (2, 3)
wrong_path (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_WRONG_PATH, message);
  return FALSE;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf st_a, st_b;

  return g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0 &&
         st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/* Mistakes in the paths themselves, each named for what it is, before any
 * file is opened: SQLite would call them all "unable to open". */
static gboolean
check_paths (const char *from_path, const char *to_path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (to_path);
  g_autofree char *example = g_build_filename (to_path, "officers.db", NULL);

  if (g_file_test (from_path, G_FILE_TEST_IS_DIR))
    /* Translators: %s is the path given as the kiosk journal */
    return wrong_path (error, _("%s is a folder, not a kiosk journal: name the journal file in it"),
                       from_path);
  if (g_file_test (to_path, G_FILE_TEST_IS_DIR))
    /* Translators: %s is the path given as the officers' file, then an example file in it */
    return wrong_path (error, _("%s is a folder, not an officers’ file: name the file in it, e.g. %s"),
                       to_path, example);
  if (same_file (from_path, to_path))
    return wrong_path (error, _("%s and %s are the same file: sync copies a kiosk journal into a "
                                "separate officers’ file"), from_path, to_path);
  if (g_file_test (to_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    /* Translators: the first %s is a folder, the second the officers' file to make in it */
    return wrong_path (error, _("the folder %s does not exist, so the officers’ file %s cannot be "
                                "made in it: check the path, or connect the drive it is on"),
                       folder, to_path);
  if (g_access (folder, W_OK) != 0)
    /* Translators: %s is a folder path */
    return wrong_path (error, _("the folder %s cannot be written (check its permissions), so the "
                                "officers’ file %s cannot be made in it"), folder, to_path);
  return TRUE;
}

/* Opens both files. The source is opened as a store first, so that a
 * damaged or too new journal is refused and an old one migrated. */
static gboolean
open_files (SyncJob *job, const char *from_path, const char *to_path, GError **error)
{
  RahnumaStoreFlags source_flags = (job->flags & RAHNUMA_SYNC_SOURCE_READ_ONLY)
                                     ? RAHNUMA_STORE_READ_ONLY : RAHNUMA_STORE_MUST_EXIST;

  job->source = rahnuma_store_new_full (from_path, source_flags, job->cancellable, error);
  if (job->source == NULL)
    return FALSE;
  job->target = rahnuma_store_new_full (to_path, RAHNUMA_STORE_SHARED, job->cancellable, error);
  if (job->target == NULL)
    return FALSE;
  if (g_str_equal (rahnuma_store_get_journal_id (job->source), rahnuma_store_get_journal_id (job->target)))
    {
      /* Translators: the second file holds the same journal id as the first */
      return wrong_path (error, _("%s is a copy of the kiosk journal %s, not an officers’ file: "
                                  "sync into a separate officers’ file"), to_path, from_path);
    }
  job->db = rahnuma_store_get_db (job->target);
  /* An older journal opened read-only is read through its migrated copy. */
  return attach_source (job, rahnuma_store_get_read_path (job->source), from_path, error);
}

/* Best effort: the authoritative mark is in the target, already committed.
 * If the journal is busy now, the backlog shown is too high until next time. */
static void
note_target (SyncJob *job)
{
  sqlite3 *db = rahnuma_store_get_db (job->source);
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, NOTE_TARGET_SQL, NULL);
  int rc;

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, job->target_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->max_rev);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 4, (gint64) job->stats.n_rejected_total);
  rahnuma_store_lock (job->source);
  rc = sqlite3_step (stmt);
  rahnuma_store_unlock (job->source);
  if (rc != SQLITE_DONE)
    g_debug ("Cannot note the sync in the journal: %s", sqlite3_errmsg (db));
}

static gboolean
sync_once (SyncJob *job, const char *from_path, const char *to_path, GError **error)
{
  gboolean ok;

  job->target_key = g_canonicalize_filename (to_path, NULL);
  ok = check_paths (from_path, to_path, error) && open_files (job, from_path, to_path, error) &&
       copy_in_transaction (job, error);
  if (ok && !(job->flags & RAHNUMA_SYNC_SOURCE_READ_ONLY))
    note_target (job);
  /* The office PC reads the file read-only: keep its per-day sums current
   * here, while the file is open for writing (best effort, like the sums). */
  if (ok)
    rahnuma_dashboard_keep_current (job->target, NULL);
  return ok;
}

/* Random, growing pauses, so that kiosks that collided do not collide again. */
static void
wait_before_retry (guint attempt)
{
  guint ceiling_ms = 100 * MIN (attempt, 10u);

  g_usleep ((gulong) g_random_int_range (50, (gint32) ceiling_ms + 51) * 1000);
}

/**
 * rahnuma_sync_run_full:
 * @from_path: a kiosk journal
 * @to_path: the officers' file; created if missing
 * @flags: %RAHNUMA_SYNC_SOURCE_READ_ONLY to open @from_path read-only and
 *   write nothing to it (a journal of an older layout, or an empty file, is
 *   then refused: %RAHNUMA_STORE_ERROR_EMPTY for an empty one)
 * @stats: (out) (optional): what was copied
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Copies the finished sessions that @to_path does not have yet, in one
 * transaction. Blocks: waits and retries while @to_path is busy, for up to a
 * minute. Call it from a worker thread, or use rahnuma_sync_run_async().
 *
 * Rows that break @to_path's rules do not make it fail: they are left in
 * @from_path, counted in @stats and in @to_path (rahnuma_sync_list_rejected())
 * and the journal (rahnuma_dashboard_count_rejected()), and every other row
 * is copied.
 *
 * Returns: whether the sync completed; on failure nothing was copied and the
 *   records stay queued in @from_path
 */
gboolean
rahnuma_sync_run_full (const char *from_path, const char *to_path, RahnumaSyncFlags flags,
                       RahnumaSyncStats *stats, GCancellable *cancellable, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + PATIENCE_US;
  SyncJob job = { .flags = flags, .cancellable = cancellable };
  guint n_busy = 0;

  g_return_val_if_fail (from_path != NULL && to_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok = sync_once (&job, from_path, to_path, &local_error);

      if (ok || !g_error_matches (local_error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline || g_cancellable_is_cancelled (cancellable))
        {
          job.stats.n_busy = n_busy;
          if (ok && stats != NULL)
            *stats = job.stats;
          sync_job_clear (&job);
          if (!ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          return ok;
        }
      g_debug ("%s is busy, trying again: %s", to_path, local_error->message);
      sync_job_clear (&job);
      wait_before_retry (++n_busy);
    }
}

/**
 * rahnuma_sync_run:
 * @from_path: a kiosk journal; the sync is noted in it, for its backlog
 * @to_path: the officers' file; created if missing
 * @stats: (out) (optional): what was copied
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * rahnuma_sync_run_full() with no flags: what a kiosk runs on its own journal.
 *
 * Returns: whether the sync completed
 */
gboolean
rahnuma_sync_run (const char *from_path, const char *to_path, RahnumaSyncStats *stats,
                  GCancellable *cancellable, GError **error)
{
  return rahnuma_sync_run_full (from_path, to_path, RAHNUMA_SYNC_FLAGS_NONE, stats, cancellable, error);
}

typedef struct
{
  char *from_path;
  char *to_path;
} SyncPaths;

static void
sync_paths_free (SyncPaths *paths)
{
  g_free (paths->from_path);
  g_free (paths->to_path);
  g_free (paths);
}

static void
sync_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  SyncPaths *paths = task_data;
  RahnumaSyncStats stats = { 0 };
  GError *error = NULL;

  if (rahnuma_sync_run (paths->from_path, paths->to_path, &stats, cancellable, &error))
    g_task_return_pointer (task, g_memdup2 (&stats, sizeof stats), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * rahnuma_sync_run_async:
 * @from_path: a kiosk journal
 * @to_path: the officers' file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when done
 * @user_data: for @callback
 *
 * rahnuma_sync_run() in a worker thread, so the kiosk's screen never waits
 * for a slow or busy officers' file.
 */
void
rahnuma_sync_run_async (const char *from_path, const char *to_path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SyncPaths *paths = g_new0 (SyncPaths, 1);

  g_return_if_fail (from_path != NULL && to_path != NULL);

  paths->from_path = g_strdup (from_path);
  paths->to_path = g_strdup (to_path);
  g_task_set_source_tag (task, rahnuma_sync_run_async);
  g_task_set_task_data (task, paths, (GDestroyNotify) sync_paths_free);
  g_task_run_in_thread (task, sync_thread);
}

/**
 * rahnuma_sync_run_finish:
 * @result: the #GAsyncResult given to the callback
 * @stats: (out) (optional): what was copied
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: whether the sync completed
 */
gboolean
rahnuma_sync_run_finish (GAsyncResult *result, RahnumaSyncStats *stats, GError **error)
{
  g_autofree RahnumaSyncStats *done = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rahnuma_sync_run_async, FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (stats != NULL)
    *stats = *done;
  return TRUE;
}

/**
 * rahnuma_sync_rejection_free:
 * @rejection: (nullable) (transfer full): from rahnuma_sync_list_rejected()
 */
void
rahnuma_sync_rejection_free (RahnumaSyncRejection *rejection)
{
  if (rejection == NULL)
    return;
  g_free (rejection->kind);
  g_free (rejection->reason);
  g_free (rejection);
}

static RahnumaSyncRejection *
rejection_from_row (sqlite3_stmt *stmt)
{
  RahnumaSyncRejection *rejection = g_new0 (RahnumaSyncRejection, 1);

  rejection->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  rejection->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  rejection->n_rows = sqlite3_column_int64 (stmt, 2);
  rejection->synced_at = sqlite3_column_int64 (stmt, 3);
  return rejection;
}

/**
 * rahnuma_sync_list_rejected:
 * @officers: an officers' file
 * @journal_id: a kiosk journal's id (#RahnumaSyncStats.journal_id)
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * The records sync has left out of @officers so far because they break its
 * rules, grouped by kind ("session", "module", "answer", "survey") and by the rule
 * (SQLite's message naming the column or CHECK). The records themselves
 * stay in the kiosk journal, unchanged.
 *
 * Returns: (transfer full) (element-type RahnumaSyncRejection) (nullable):
 *   the groups, most rows first; %NULL on error
 */
GPtrArray *
rahnuma_sync_list_rejected (RahnumaStore *officers, const char *journal_id, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RAHNUMA_IS_STORE (officers), NULL);
  g_return_val_if_fail (journal_id != NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_sync_rejection_free);
  rahnuma_store_lock (officers);
  db = rahnuma_store_get_db (officers);
  stmt = rahnuma_store_prepare (db,
                                "SELECT kind, reason, n_rows, synced_at FROM sync_rejected"
                                " WHERE journal_id = ?1 ORDER BY n_rows DESC, kind, reason",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, journal_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (list, rejection_from_row (stmt));
      if (rc != SQLITE_DONE)
        g_clear_pointer (&list, g_ptr_array_unref);
      if (rc != SQLITE_DONE)
        rahnuma_store_set_error (error, db, rc, _("Cannot read the records left out"));
    }
  rahnuma_store_unlock (officers);
  return stmt != NULL ? g_steal_pointer (&list) : NULL;
}

static const char *
explain_store_error (int code)
{
  switch ((RahnumaStoreError) code)
    {
    case RAHNUMA_STORE_ERROR_BUSY:
      return _("Another program is using the officers’ file. The kiosk tries again by itself.");
    case RAHNUMA_STORE_ERROR_FULL:
      return _("The drive of the officers’ file is full. Free some space on it, or choose another file.");
    case RAHNUMA_STORE_ERROR_READ_ONLY:
      return _("The officers’ file cannot be written to: the drive or the file is read-only. "
               "Choose another file, or ask a technician.");
    case RAHNUMA_STORE_ERROR_NOT_FOUND:
    case RAHNUMA_STORE_ERROR_WRONG_PATH:
    case RAHNUMA_STORE_ERROR_MISSING:
      return _("The officers’ file or its drive is not there. Plug the drive in, or choose the file again "
               "on the Kiosk tab.");
    case RAHNUMA_STORE_ERROR_DAMAGED:
    case RAHNUMA_STORE_ERROR_EMPTY:
      return _("The officers’ file is damaged. Choose a new file, and ask a technician to look at the old one.");
    case RAHNUMA_STORE_ERROR_FUTURE_VERSION:
      return _("The officers’ file was made by a newer version of Rahnuma. Update this kiosk, or choose "
               "another file.");
    case RAHNUMA_STORE_ERROR_FAILED:
    default:
      return _("The records could not be copied.");
    }
}

/**
 * rahnuma_sync_describe_error:
 * @error: what rahnuma_sync_run() or its async form failed with
 *
 * Puts a failed sync in words for an officer: what happened and what to
 * do, by the error's code (RAHNUMA_STORE_ERROR), then that the records are
 * safe, then the technical detail (@error's message) for a technician.
 *
 * Returns: (transfer full): a translated sentence or three
 */
char *
rahnuma_sync_describe_error (const GError *error)
{
  const char *what;

  g_return_val_if_fail (error != NULL, NULL);

  what = error->domain == RAHNUMA_STORE_ERROR ? explain_store_error (error->code)
                                              : explain_store_error (RAHNUMA_STORE_ERROR_FAILED);
  /* Translators: first %s says what happened and what to do; the second is a
   * technical detail for a technician, untranslated */
  return g_strdup_printf (_("%s The records stay on this kiosk and are copied at the next try. (%s)"),
                          what, error->message);
}
