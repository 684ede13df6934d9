/* rahnuma-store.c — the kiosk's anonymised SQLite journal
 *
 * One row per visit (session), one per module a visitor reached
 * (module_progress), one per quiz answer (answer). The tables are STRICT and
 * every text column is limited by a CHECK to an id, a code or a value from a
 * fixed list, so no column can hold a name, a CNIC, a phone number or free
 * text. tests/test-store.c compares every table's columns with an allow-list.
 *
 * Every write is one transaction, committed and synced to disk before the
 * call returns: a power cut loses at most the step in flight.
 *
 * Each session carries a revision (rev), the journal-wide counter at its last
 * change; sync copies the finished sessions whose rev is past what the target
 * has already seen (rahnuma-sync.c).
 *
 * A visit recorded while the kiosk's clock is impossible (before this
 * release was built, or years past the newest record) is kept, with
 * clock_suspect = 1: reports leave it out and count it apart.
 *
 * Threads: the kiosk writes from a GTask worker while the main thread reads,
 * so the connection is opened with SQLITE_OPEN_FULLMUTEX and the cached
 * statements are used under self->lock.
 *
 * This file holds the store object and its reads and writes. The schema,
 * its migrations and opening a file are in rahnuma-store-schema.c, which
 * the store calls when it is made; the SQL helpers both use (errors,
 * exec, prepare, a transaction's begin and end) are in rahnuma-store-sql.c.
 * Calls go down only: store → schema → sql, and store → sql.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-store-private.h"
#include "rahnuma-code.h"
#include "rahnuma-survey-answers.h"

#include <string.h>

struct _RahnumaStore
{
  GObject parent_instance;

  char *path;
  RahnumaStoreFlags flags;
  char *journal_id;
  sqlite3 *db;
  GHashTable *statements; /* SQL text (static) → sqlite3_stmt, under lock */
  GMutex lock;
  gboolean in_batch;
  gint64 newest_good;     /* latest start with a good clock, under lock; -1 until read */
  char *copy_path;        /* read-only open of an older file: the migrated copy read instead */
  gboolean unchecked;     /* opened after a clean stop without quick_check (rahnuma-store-health.c) */
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RahnumaStore, rahnuma_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, initable_iface_init))

/* A cached statement is reset, not finalized, when it goes out of scope. */
typedef sqlite3_stmt RahnumaCachedStmt;

static void
reset_cached_stmt (RahnumaCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaCachedStmt, reset_cached_stmt)

static const char * const genders[] = { "woman", "man", "other", "unsaid", NULL };
static const char * const destinations[] = {
  "SA", "AE", "OM", "QA", "KW", "BH", "MY", "GB", "other", "unsaid", NULL
};
static const char * const sectors[] = {
  "construction", "driving", "domestic", "hospitality", "manufacturing",
  "agriculture", "healthcare", "security", "other", "unsaid", NULL
};

/* ---- statements ------------------------------------------------------ */

/* A statement kept for the store's lifetime; call with self->lock held. */
static sqlite3_stmt *
get_cached (RahnumaStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rahnuma_store_set_error (error, self->db, rc, _("Cannot prepare SQL"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows (or ignores them). */
static gboolean
step_done (RahnumaStore *self, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, self->db, rc, what);
  return TRUE;
}

/* ---- transactions ---------------------------------------------------- */

/* Takes the lock and, outside a batch, starts a write transaction
 * (rahnuma_store_begin_immediate() says why IMMEDIATE). */
static gboolean
begin_write (RahnumaStore *self, GError **error)
{
  g_mutex_lock (&self->lock);
  if (self->in_batch || rahnuma_store_begin_immediate (self->db, error))
    return TRUE;
  g_mutex_unlock (&self->lock);
  return FALSE;
}

/* Commits if @ok (rolls back if not, or if the commit fails) and unlocks. */
static gboolean
end_write (RahnumaStore *self, gboolean ok, GError **error)
{
  if (!self->in_batch)
    ok = rahnuma_store_commit_or_rollback (self->db, ok, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * rahnuma_store_begin_batch:
 * @self: a #RahnumaStore
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Opens one transaction for many writes (simulate); end it with
 * rahnuma_store_end_batch(). A second begin before the end is a programming
 * error.
 *
 * Returns: %TRUE if the transaction is open
 */
gboolean
rahnuma_store_begin_batch (RahnumaStore *self, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!self->in_batch)
    self->in_batch = rahnuma_store_begin_immediate (self->db, error);
  else
    g_critical ("%s: a batch is already open", G_STRFUNC);
  g_mutex_unlock (&self->lock);
  return self->in_batch;
}

/**
 * rahnuma_store_end_batch:
 * @self: a #RahnumaStore with a batch open
 * @commit: %TRUE to commit the batch, %FALSE to roll it back
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if the batch was committed, or rolled back as asked
 */
gboolean
rahnuma_store_end_batch (RahnumaStore *self, gboolean commit, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!self->in_batch)
    g_critical ("%s: no batch is open", G_STRFUNC);
  self->in_batch = FALSE;
  ok = rahnuma_store_commit_or_rollback (self->db, commit, error);
  g_mutex_unlock (&self->lock);
  return ok || !commit;
}

/* ---- opening ---------------------------------------------------------- */

static gboolean
rahnuma_store_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  RahnumaStore *self = RAHNUMA_STORE (initable);

  g_return_val_if_fail (self->path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return rahnuma_store_schema_open (self->path, self->flags, &self->db, &self->copy_path,
                                    &self->journal_id, error);
}

static void
initable_iface_init (GInitableIface *iface)
{
  iface->init = rahnuma_store_initable_init;
}

/* ---- GObject --------------------------------------------------------- */

static void
rahnuma_store_finalize (GObject *object)
{
  RahnumaStore *self = RAHNUMA_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  rahnuma_store_schema_close (self->db, self->copy_path);
  g_free (self->copy_path);
  g_free (self->path);
  g_free (self->journal_id);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rahnuma_store_parent_class)->finalize (object);
}

static void
rahnuma_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RahnumaStore *self = RAHNUMA_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RahnumaStore *self = RAHNUMA_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_store_class_init (RahnumaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rahnuma_store_finalize;
  object_class->get_property = rahnuma_store_get_property;
  object_class->set_property = rahnuma_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rahnuma_store_init (RahnumaStore *self)
{
  g_mutex_init (&self->lock);
  self->newest_good = -1;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
}

/* ---- public API: opening --------------------------------------------- */

/**
 * rahnuma_store_new_full:
 * @path: the journal file
 * @flags: how to open it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Opens (or creates) a journal and brings its schema up to date. A file that
 * is not a Rahnuma journal fails with %RAHNUMA_STORE_ERROR_DAMAGED, one from
 * a newer build with %RAHNUMA_STORE_ERROR_FUTURE_VERSION; neither is changed.
 * With %RAHNUMA_STORE_READ_ONLY the file is opened with SQLITE_OPEN_READONLY:
 * never created, migrated or switched to another journal mode; an empty file
 * fails with %RAHNUMA_STORE_ERROR_EMPTY. (SQLite may still make empty -wal
 * and -shm files beside a journal that is in WAL mode: reading one needs them.)
 *
 * Returns: (transfer full) (nullable): the store
 */
RahnumaStore *
rahnuma_store_new_full (const char *path, RahnumaStoreFlags flags,
                        GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (RAHNUMA_TYPE_STORE, cancellable, error,
                         "path", path, "flags", (guint) flags, NULL);
}

/**
 * rahnuma_store_new:
 * @path: the journal file; created if missing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the store
 */
RahnumaStore *
rahnuma_store_new (const char *path, GCancellable *cancellable, GError **error)
{
  return rahnuma_store_new_full (path, RAHNUMA_STORE_FLAGS_NONE, cancellable, error);
}

/**
 * rahnuma_store_needs_check:
 * @self: a store
 *
 * Returns: %TRUE if rahnuma_store_open_or_recover() opened it after a clean
 *   stop without checking it: run rahnuma_store_check_async()
 */
gboolean
rahnuma_store_needs_check (RahnumaStore *self)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  return self->unchecked;
}

/**
 * rahnuma_store_set_unchecked:
 * @self: a #RahnumaStore
 *
 * For rahnuma-store-health.c: opened after a clean stop without the
 * integrity check; rahnuma_store_needs_check() says so from now on.
 */
void
rahnuma_store_set_unchecked (RahnumaStore *self)
{
  g_return_if_fail (RAHNUMA_IS_STORE (self));
  self->unchecked = TRUE;
}

/* ---- public API: accessors ------------------------------------------- */

/**
 * rahnuma_store_get_path:
 * @self: a #RahnumaStore
 *
 * Returns: (transfer none): the path it was opened with (for a read-only
 *   open of an older file, the original, not the copy read:
 *   rahnuma_store_get_read_path())
 */
const char *
rahnuma_store_get_path (RahnumaStore *self)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  return self->path;
}

/**
 * rahnuma_store_get_read_path:
 * @self: a #RahnumaStore
 *
 * The file whose records this store reads: its path, or, for an older file
 * opened with %RAHNUMA_STORE_READ_ONLY, the private migrated copy read in
 * its place (removed when the store is finalized). Sync attaches this one.
 *
 * Returns: (transfer none): a file path
 */
const char *
rahnuma_store_get_read_path (RahnumaStore *self)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  return self->copy_path != NULL ? self->copy_path : self->path;
}

/**
 * rahnuma_store_get_journal_id:
 *
 * Returns: (transfer none): the random id of this file, which sync uses to
 *   remember how far it has copied from it
 */
const char *
rahnuma_store_get_journal_id (RahnumaStore *self)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  return self->journal_id;
}

/**
 * rahnuma_store_get_db: (skip)
 *
 * Returns: (transfer none): the connection; use it with rahnuma_store_lock()
 *   held if other threads may use the store
 */
sqlite3 *
rahnuma_store_get_db (RahnumaStore *self)
{
  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  return self->db;
}

/**
 * rahnuma_store_lock:
 * @self: a #RahnumaStore
 *
 * Takes the store's lock, for code that uses rahnuma_store_get_db()
 * directly (sync, dashboard, PIN): one statement sequence at a time on the
 * connection. Not recursive.
 */
void
rahnuma_store_lock (RahnumaStore *self)
{
  g_mutex_lock (&self->lock);
}

/**
 * rahnuma_store_unlock:
 * @self: a #RahnumaStore locked with rahnuma_store_lock()
 */
void
rahnuma_store_unlock (RahnumaStore *self)
{
  g_mutex_unlock (&self->lock);
}

/**
 * rahnuma_store_coarsen_time:
 * @unix_seconds: a time, unix seconds
 *
 * Rounds down to a quarter of an hour, as the schema's CHECK on started_at
 * and ended_at requires (docs/ARCHITECTURE.md, "Privacy").
 *
 * Returns: @unix_seconds rounded down to a multiple of 900 s
 */
gint64
rahnuma_store_coarsen_time (gint64 unix_seconds)
{
  /* Fifteen minutes: enough for attendance by hour, too coarse to match a
   * record to a face on a queue ticket or a camera. */
  return unix_seconds - (((unix_seconds % 900) + 900) % 900);
}

static const char * const state_names[] = {
  [RAHNUMA_SESSION_ACTIVE] = "active",
  [RAHNUMA_SESSION_COMPLETED] = "completed",
  [RAHNUMA_SESSION_ABANDONED] = "abandoned",
};

/**
 * rahnuma_session_state_to_string:
 * @state: a #RahnumaSessionState
 *
 * Returns: (transfer none): its name as stored in session.state
 *   ("active", "completed", "abandoned")
 */
const char *
rahnuma_session_state_to_string (RahnumaSessionState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

/**
 * rahnuma_session_state_from_string:
 * @text: (nullable): a session.state value
 * @state: (out): the state, when @text names one
 *
 * Returns: %TRUE if @text is one of the stored names
 */
gboolean
rahnuma_session_state_from_string (const char *text, RahnumaSessionState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (RahnumaSessionState) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rahnuma_store_get_categories:
 * @column: "gender" (a session column), "destination" or "sector" (survey
 *   columns since schema 6)
 *
 * Returns: (transfer none) (nullable): the values @column allows, ending
 *   with "unsaid", or %NULL if @column is not a category
 */
const char * const *
rahnuma_store_get_categories (const char *column)
{
  if (g_strcmp0 (column, "gender") == 0)
    return genders;
  if (g_strcmp0 (column, "destination") == 0)
    return destinations;
  if (g_strcmp0 (column, "sector") == 0)
    return sectors;
  return NULL;
}

/* ---- the rules of the session's columns ------------------------------ */

/* The schema's CHECK on session.centre and session.kiosk (schema 1):
 * length (x) BETWEEN 1 AND 32 AND x NOT GLOB '*[^A-Za-z0-9_-]*'. */
#define PLACE_ID_MAX 32

static const char * const session_languages[] = { "ur", "ps", "pa_PK", "en", NULL };

static gboolean
is_place_id (const char *value)
{
  gsize length = 0;

  for (const char *p = value; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return length >= 1 && length <= PLACE_ID_MAX;
}

/**
 * rahnuma_store_is_valid_centre:
 * @centre: a centre code, as the settings or `--centre` give it
 *
 * Whether the journal accepts @centre in a visit's record: the rule of the
 * schema's CHECK on session.centre (1 to 32 ASCII letters, digits, "_" and
 * "-"; no space). The kiosk checks its settings with this at start-up, so
 * a typing mistake stops it there instead of failing every visit; a test
 * (tests/test-store.c) holds it to the schema's own CHECK.
 *
 * Returns: %TRUE if a session may be recorded with @centre
 */
gboolean
rahnuma_store_is_valid_centre (const char *centre)
{
  g_return_val_if_fail (centre != NULL, FALSE);
  return is_place_id (centre);
}

/**
 * rahnuma_store_is_valid_kiosk:
 * @kiosk: a kiosk id, as the settings or `--kiosk-id` give it
 *
 * Whether the journal accepts @kiosk in a visit's record: the rule of the
 * schema's CHECK on session.kiosk, the same as the centre's (see
 * rahnuma_store_is_valid_centre()).
 *
 * Returns: %TRUE if a session may be recorded with @kiosk
 */
gboolean
rahnuma_store_is_valid_kiosk (const char *kiosk)
{
  g_return_val_if_fail (kiosk != NULL, FALSE);
  return is_place_id (kiosk);
}

/**
 * rahnuma_store_is_valid_language:
 * @code: a language code
 *
 * Whether the journal accepts @code as a visit's language: the schema's
 * CHECK on session.language ("ur", "ps", "pa_PK" or "en").
 *
 * Returns: %TRUE if a session may be recorded in @code
 */
gboolean
rahnuma_store_is_valid_language (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);
  return g_strv_contains (session_languages, code);
}

/* ---- the clock -------------------------------------------------------- */

/**
 * rahnuma_store_clock_is_wrong:
 * @now: what the kiosk's clock says, unix seconds
 * @newest_record: start of the newest session recorded with a good clock,
 *   unix seconds, or 0 if there is none
 *
 * Whether no kiosk could truly be at @now: before this release was built
 * (RAHNUMA_BUILD_TIME in config.h: SOURCE_DATE_EPOCH or the last commit's
 * date), or more than %RAHNUMA_STORE_CLOCK_AHEAD seconds past both the build
 * date and @newest_record. A flat clock battery gives 1970 or 2000, a
 * mistyped year 2099 (issue 13); such visits are recorded, flagged.
 *
 * Returns: %TRUE if @now is impossible
 */
gboolean
rahnuma_store_clock_is_wrong (gint64 now, gint64 newest_record)
{
  gint64 reference = MAX ((gint64) RAHNUMA_BUILD_TIME, newest_record);

  return now < (gint64) RAHNUMA_BUILD_TIME || now - reference > RAHNUMA_STORE_CLOCK_AHEAD;
}

/* The technician log says it once per run, not once per visit. */
static void
warn_clock_once (gint64 now)
{
  static gsize warned = 0;

  if (g_once_init_enter (&warned))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now);
      g_autofree char *text = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M UTC")
                                           : g_strdup_printf ("%" G_GINT64_FORMAT, now);

      /* Translators: in the technician log; %s is a date and time, "2099-03-01 10:00 UTC" */
      g_warning (_("The kiosk’s clock is wrong: it says %s. Visits are still recorded, but flagged "
                   "and left out of reports. Set the date and time."), text);
      g_once_init_leave (&warned, 1);
    }
}

/* Judges the clock now against this journal; call with self->lock held. */
static gboolean
check_clock_locked (RahnumaStore *self, gboolean *wrong, GError **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->newest_good < 0 &&
      !rahnuma_store_read_int (self->db, "SELECT coalesce (max (started_at), 0) FROM session WHERE clock_suspect = 0",
                 _("Cannot read the newest record"), &self->newest_good, error))
    return FALSE;
  *wrong = rahnuma_store_clock_is_wrong (now, self->newest_good);
  if (*wrong)
    warn_clock_once (now);
  return TRUE;
}

/* ---- public API: writing --------------------------------------------- */

#define NEXT_REV "(SELECT coalesce (max (rev), 0) + 1 FROM session)"

static gboolean
bump_rev (RahnumaStore *self, const char *session_id, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self, "UPDATE session SET rev = " NEXT_REV " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  return step_done (self, stmt, _("Cannot update the session"), error);
}

static char *
insert_session (RahnumaStore *self, const RahnumaSessionStart *start, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "INSERT INTO session (id, centre, kiosk, language, started_at, catalog_version, demo,"
                " clock_suspect, path, rev)"
                " VALUES (lower (hex (randomblob (16))), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " NEXT_REV ")"
                " RETURNING id",
                error);
  gboolean clock_wrong = FALSE;
  char *id;
  int rc;

  if (stmt == NULL || !check_clock_locked (self, &clock_wrong, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, start->centre, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, start->kiosk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, start->language, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rahnuma_store_coarsen_time (start->started_at));
  sqlite3_bind_text (stmt, 5, start->catalog_version, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, start->demo ? 1 : 0);
  sqlite3_bind_int (stmt, 7, clock_wrong ? 1 : 0);
  sqlite3_bind_text (stmt, 8, rahnuma_visit_path_to_string (start->path), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rahnuma_store_set_error (error, self->db, rc, _("Cannot start a session"));
      return NULL;
    }
  id = rahnuma_store_column_dup (stmt, 0);
  if (!step_done (self, stmt, _("Cannot start a session"), error))
    g_clear_pointer (&id, g_free);
  if (id != NULL && !clock_wrong)
    self->newest_good = MAX (self->newest_good, rahnuma_store_coarsen_time (start->started_at));
  return id;
}

/**
 * rahnuma_store_begin_session:
 * @self: a #RahnumaStore
 * @start: what the kiosk knows as the visit starts
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records a new, active session, committed before this returns.
 *
 * Returns: (transfer full) (nullable): the session's random id
 */
char *
rahnuma_store_begin_session (RahnumaStore *self, const RahnumaSessionStart *start, GError **error)
{
  char *id = NULL;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (start->centre != NULL && start->kiosk != NULL, NULL);
  g_return_val_if_fail (start->language != NULL && start->catalog_version != NULL, NULL);

  if (!begin_write (self, error))
    return NULL;
  id = insert_session (self, start, error);
  if (!end_write (self, id != NULL, error))
    g_clear_pointer (&id, g_free);
  return id;
}

static gboolean
upsert_module (RahnumaStore *self, const char *session_id, const char *module_id,
               guint module_version, double watched, guint n_correct, guint n_questions,
               gboolean passed, GError **error)
{
  /* A visitor may retake a quiz: the latest attempt is what counts. */
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "INSERT INTO module_progress VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                " ON CONFLICT (session_id, module_id) DO UPDATE SET"
                " module_version = excluded.module_version, watched = excluded.watched,"
                " n_correct = excluded.n_correct, n_questions = excluded.n_questions,"
                " passed = excluded.passed",
                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, module_version);
  sqlite3_bind_double (stmt, 4, CLAMP (watched, 0.0, 1.0));
  sqlite3_bind_int64 (stmt, 5, n_correct);
  sqlite3_bind_int64 (stmt, 6, n_questions);
  sqlite3_bind_int (stmt, 7, passed ? 1 : 0);
  return step_done (self, stmt, _("Cannot record the module"), error);
}

/**
 * rahnuma_store_record_module:
 * @self: a #RahnumaStore
 * @session_id: from rahnuma_store_begin_session()
 * @module_id: the module's id
 * @module_version: the module's version
 * @watched: fraction of the module watched, 0 to 1
 * @n_correct: right answers in its quiz
 * @n_questions: questions in its quiz
 * @passed: whether the quiz was passed
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records (or, on a retake, replaces) a module's result; committed before
 * this returns.
 *
 * Returns: whether it was recorded
 */
gboolean
rahnuma_store_record_module (RahnumaStore *self, const char *session_id, const char *module_id,
                             guint module_version, double watched, guint n_correct,
                             guint n_questions, gboolean passed, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL && module_id != NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = upsert_module (self, session_id, module_id, module_version, watched,
                      n_correct, n_questions, passed, error) &&
       bump_rev (self, session_id, error);
  return end_write (self, ok, error);
}

static gboolean
upsert_answer (RahnumaStore *self, const char *session_id, const char *module_id,
               guint question, guint choice, gboolean correct, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "INSERT INTO answer VALUES (?1, ?2, ?3, ?4, ?5)"
                " ON CONFLICT (session_id, module_id, question) DO UPDATE SET"
                " choice = excluded.choice, correct = excluded.correct",
                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, module_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, question);
  sqlite3_bind_int64 (stmt, 4, choice);
  sqlite3_bind_int (stmt, 5, correct ? 1 : 0);
  return step_done (self, stmt, _("Cannot record the answer"), error);
}

/**
 * rahnuma_store_record_answer:
 * @self: a #RahnumaStore
 * @session_id: from rahnuma_store_begin_session()
 * @module_id: the module's id
 * @question: 0-based question
 * @choice: 0-based choice
 * @correct: whether @choice is right
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records (or, on a retake, replaces) one answer; committed before this
 * returns.
 *
 * Returns: whether it was recorded
 */
gboolean
rahnuma_store_record_answer (RahnumaStore *self, const char *session_id, const char *module_id,
                             guint question, guint choice, gboolean correct, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL && module_id != NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = upsert_answer (self, session_id, module_id, question, choice, correct, error) &&
       bump_rev (self, session_id, error);
  return end_write (self, ok, error);
}

static gboolean
check_changed (RahnumaStore *self, const char *what, GError **error)
{
  if (sqlite3_changes (self->db) > 0)
    return TRUE;
  g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a visit’s random id (32 hexadecimal digits) */
               _("%s: no such active session"), what);
  return FALSE;
}

static gboolean
update_finish (RahnumaStore *self, const char *session_id, RahnumaSessionState state,
               const char *code, gint64 ended_at, GError **error)
{
  /* A clock that goes wrong during a visit flags it too. */
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "UPDATE session SET state = ?2, code = ?3, ended_at = ?4,"
                " clock_suspect = max (clock_suspect, ?5), rev = " NEXT_REV
                " WHERE id = ?1 AND state = 'active'",
                error);
  gboolean clock_wrong = FALSE;

  if (stmt == NULL || !check_clock_locked (self, &clock_wrong, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rahnuma_session_state_to_string (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rahnuma_store_coarsen_time (ended_at));
  sqlite3_bind_int (stmt, 5, clock_wrong ? 1 : 0);
  return step_done (self, stmt, _("Cannot finish the session"), error) &&
         check_changed (self, _("Cannot finish the session"), error);
}

/**
 * rahnuma_store_finish_session:
 * @self: a #RahnumaStore
 * @session_id: an active session
 * @state: %RAHNUMA_SESSION_COMPLETED or %RAHNUMA_SESSION_ABANDONED
 * @completion_code: (nullable): the code shown to the visitor
 * @ended_at: unix seconds; coarsened like the start
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Ends a session; committed before this returns. Fails with
 * %RAHNUMA_STORE_ERROR_NOT_FOUND if the session is not active.
 *
 * Returns: whether the session was ended
 */
gboolean
rahnuma_store_finish_session (RahnumaStore *self, const char *session_id, RahnumaSessionState state,
                              const char *completion_code, gint64 ended_at, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (state == RAHNUMA_SESSION_COMPLETED || state == RAHNUMA_SESSION_ABANDONED, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = update_finish (self, session_id, state, completion_code, ended_at, error);
  return end_write (self, ok, error);
}

static gboolean
update_gender (RahnumaStore *self, const char *session_id, const char *gender, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self, "UPDATE session SET gender = ?2, rev = " NEXT_REV " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gender ? gender : RAHNUMA_CATEGORY_UNSAID, -1, SQLITE_STATIC);
  return step_done (self, stmt, _("Cannot record the categories"), error) &&
         check_changed (self, _("Cannot record the categories"), error);
}

/**
 * rahnuma_store_set_gender:
 * @self: a #RahnumaStore
 * @session_id: a session
 * @gender: (nullable): one of rahnuma_store_get_categories ("gender"), %NULL for "unsaid"
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records the gender a visitor chose to say, the only thing about
 * themselves the visit keeps: destination and sector go only in the
 * survey row (rahnuma_store_add_survey()), which has no gender, so that
 * the two share nothing but the time (docs/ARCHITECTURE.md, "The survey
 * table and the session's categories"). A value outside the fixed list is
 * refused by the schema.
 *
 * Returns: whether it was recorded
 */
gboolean
rahnuma_store_set_gender (RahnumaStore *self, const char *session_id, const char *gender, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = update_gender (self, session_id, gender, error);
  return end_write (self, ok, error);
}

static gboolean
update_path (RahnumaStore *self, const char *session_id, RahnumaVisitPath path, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self, "UPDATE session SET path = ?2, rev = " NEXT_REV " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rahnuma_visit_path_to_string (path), -1, SQLITE_STATIC);
  /* Translators: an error when the kiosk cannot note that a visit took the
   * full or the short path; shown to the officer in a log */
  return step_done (self, stmt, _("Cannot record the visit’s path"), error) &&
         check_changed (self, _("Cannot record the visit’s path"), error);
}

/**
 * rahnuma_store_set_path:
 * @self: a #RahnumaStore
 * @session_id: a session from rahnuma_store_begin_session()
 * @path: the path the visitor chose after the language
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records which path the visit takes (`session.path`, schema version 6;
 * issue 20), committed before this returns. A session starts on the full
 * path; the kiosk calls this when the visitor chooses.
 *
 * Returns: whether it was recorded; %RAHNUMA_STORE_ERROR_NOT_FOUND when
 *   there is no such session
 */
gboolean
rahnuma_store_set_path (RahnumaStore *self, const char *session_id, RahnumaVisitPath path,
                        GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);
  g_return_val_if_fail (path == RAHNUMA_PATH_FULL || path == RAHNUMA_PATH_SHORT, FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = update_path (self, session_id, path, error);
  return end_write (self, ok, error);
}

/**
 * rahnuma_visit_path_to_string:
 * @path: a #RahnumaVisitPath
 *
 * Returns: (transfer none): "full" or "short", as `session.path` holds it
 */
const char *
rahnuma_visit_path_to_string (RahnumaVisitPath path)
{
  return path == RAHNUMA_PATH_SHORT ? "short" : "full";
}

/**
 * rahnuma_visit_path_from_string:
 * @text: "full" or "short"
 * @path: (out): the path
 *
 * Returns: whether @text names a path (anything else is left unset)
 */
gboolean
rahnuma_visit_path_from_string (const char *text, RahnumaVisitPath *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (text, "full") == 0)
    *path = RAHNUMA_PATH_FULL;
  else if (g_strcmp0 (text, "short") == 0)
    *path = RAHNUMA_PATH_SHORT;
  else
    return FALSE;
  return TRUE;
}

static const char *
survey_kind_name (RahnumaSurveyAmountKind kind)
{
  return kind == RAHNUMA_SURVEY_AMOUNT ? "amount" : kind == RAHNUMA_SURVEY_UNKNOWN ? "unknown" : "unsaid";
}

static const char *
or_unsaid (const char *value)
{
  return value != NULL ? value : RAHNUMA_CATEGORY_UNSAID;
}

static void
bind_survey_amount (sqlite3_stmt *stmt, int column, RahnumaSurveyAmountKind kind, gint64 amount)
{
  if (kind == RAHNUMA_SURVEY_AMOUNT)
    sqlite3_bind_int64 (stmt, column, amount);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
insert_survey (RahnumaStore *self, const RahnumaSurveyAnswers *a, const char *week, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "INSERT INTO survey VALUES (lower (hex (randomblob (16))), ?1, ?2, ?3, ?4, ?5, ?6,"
                " ?7, ?8, ?9, ?10, ?11, ?12)",
                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, week, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, or_unsaid (a->destination), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, or_unsaid (a->sector), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, or_unsaid (a->found_via), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, survey_kind_name (a->cost_answer), -1, SQLITE_STATIC);
  bind_survey_amount (stmt, 6, a->cost_answer, rahnuma_survey_round_pkr (a->cost_pkr));
  sqlite3_bind_text (stmt, 7, or_unsaid (a->receipt), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, or_unsaid (a->borrowed), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, survey_kind_name (a->wage_answer), -1, SQLITE_STATIC);
  bind_survey_amount (stmt, 10, a->wage_answer, a->wage_amount);
  if (a->wage_answer == RAHNUMA_SURVEY_AMOUNT)
    sqlite3_bind_text (stmt, 11, a->wage_currency, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_int (stmt, 12, a->demo ? 1 : 0);
  return step_done (self, stmt, _("Cannot record the survey answers"), error);
}

/**
 * rahnuma_store_add_survey:
 * @store: a #RahnumaStore
 * @answers: what the visitor chose to say
 * @answered_at: unix seconds; only its ISO week (UTC) is stored
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Records one visitor's "about you" answers as a row of their own, with a
 * random id and no link to any session, committed before this returns. The
 * cost is stored rounded to the nearest 1,000 rupees. A value outside the
 * fixed lists or bounds is refused by the schema
 * (RAHNUMA_STORE_ERROR_FAILED, nothing written).
 *
 * Returns: whether it was recorded
 */
gboolean
rahnuma_store_add_survey (RahnumaStore *store, const RahnumaSurveyAnswers *answers, gint64 answered_at,
                          GError **error)
{
  g_autofree char *week = NULL;
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  week = rahnuma_survey_week (answered_at);
  if (!begin_write (store, error))
    return FALSE;
  ok = insert_survey (store, answers, week, error);
  return end_write (store, ok, error);
}

static gboolean
update_abandon (RahnumaStore *self, gint64 ended_at, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "UPDATE session SET state = 'abandoned', ended_at = max (?1, started_at),"
                " rev = " NEXT_REV " WHERE state = 'active'",
                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rahnuma_store_coarsen_time (ended_at));
  if (!step_done (self, stmt, _("Cannot close unfinished sessions"), error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    g_debug ("Marked %d unfinished sessions abandoned", sqlite3_changes (self->db));
  return TRUE;
}

/**
 * rahnuma_store_abandon_active:
 * @self: a #RahnumaStore
 * @ended_at: unix seconds to record as their end
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Marks every session still active (left so by a crash or power cut) as
 * abandoned. The kiosk calls it at start-up, before any visit begins.
 *
 * Returns: whether it worked
 */
gboolean
rahnuma_store_abandon_active (RahnumaStore *self, gint64 ended_at, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), FALSE);

  if (!begin_write (self, error))
    return FALSE;
  ok = update_abandon (self, ended_at, error);
  return end_write (self, ok, error);
}

/* ---- public API: reading --------------------------------------------- */

static gint64
count_locked (RahnumaStore *self, const char *sql, const char *text, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt = get_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rahnuma_store_set_error (error, self->db, rc, _("Cannot count sessions"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * rahnuma_store_count_sessions:
 * @self: a #RahnumaStore
 * @state: which sessions
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: how many sessions are in @state, or -1 on error
 */
gint64
rahnuma_store_count_sessions (RahnumaStore *self, RahnumaSessionState state, GError **error)
{
  gint64 n;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), -1);

  g_mutex_lock (&self->lock);
  n = count_locked (self, "SELECT count(*) FROM session WHERE state = ?1",
                    rahnuma_session_state_to_string (state), error);
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * rahnuma_store_count_backlog:
 * @self: a kiosk's #RahnumaStore
 * @target_path: an officers' file this journal syncs to
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: how many finished sessions have not yet reached @target_path
 *   (as far as this journal knows), or -1 on error
 */
gint64
rahnuma_store_count_backlog (RahnumaStore *self, const char *target_path, GError **error)
{
  g_autofree char *key = NULL;
  gint64 n;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), -1);
  g_return_val_if_fail (target_path != NULL, -1);

  key = g_canonicalize_filename (target_path, NULL);
  g_mutex_lock (&self->lock);
  n = count_locked (self,
                    "SELECT count(*) FROM session WHERE state != 'active' AND rev >"
                    " coalesce ((SELECT last_rev FROM sync_target WHERE target = ?1), 0)",
                    key, error);
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * rahnuma_session_info_free:
 * @info: (nullable) (transfer full): from rahnuma_store_lookup_code()
 *
 * Frees @info and its modules; %NULL is allowed.
 */
void
rahnuma_session_info_free (RahnumaSessionInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->centre);
  g_free (info->kiosk);
  g_free (info->language);
  g_free (info->catalog_version);
  g_free (info->code);
  g_clear_pointer (&info->modules, g_ptr_array_unref);
  g_free (info);
}

static void
module_result_free (RahnumaModuleResult *result)
{
  g_free (result->module_id);
  g_free (result);
}

static RahnumaSessionInfo *
session_info_from_row (sqlite3_stmt *stmt)
{
  RahnumaSessionInfo *info = g_new0 (RahnumaSessionInfo, 1);

  info->centre = rahnuma_store_column_dup (stmt, 1);
  info->kiosk = rahnuma_store_column_dup (stmt, 2);
  info->language = rahnuma_store_column_dup (stmt, 3);
  info->catalog_version = rahnuma_store_column_dup (stmt, 4);
  info->code = rahnuma_store_column_dup (stmt, 5);
  info->started_at = sqlite3_column_int64 (stmt, 6);
  info->ended_at = sqlite3_column_int64 (stmt, 7);
  rahnuma_session_state_from_string ((const char *) sqlite3_column_text (stmt, 8), &info->state);
  info->demo = sqlite3_column_int (stmt, 9) != 0;
  info->clock_suspect = sqlite3_column_int (stmt, 10) != 0;
  /* The schema's CHECK allows only these two; "full" is its default. */
  if (!rahnuma_visit_path_from_string ((const char *) sqlite3_column_text (stmt, 11), &info->path))
    info->path = RAHNUMA_PATH_FULL;
  info->modules = g_ptr_array_new_with_free_func ((GDestroyNotify) module_result_free);
  return info;
}

static gboolean
load_modules (RahnumaStore *self, const char *session_id, GPtrArray *modules, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "SELECT module_id, module_version, watched, n_correct, n_questions, passed"
                " FROM module_progress WHERE session_id = ?1 ORDER BY module_id",
                error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RahnumaModuleResult *result = g_new0 (RahnumaModuleResult, 1);

      result->module_id = rahnuma_store_column_dup (stmt, 0);
      result->module_version = sqlite3_column_int (stmt, 1);
      result->watched = sqlite3_column_double (stmt, 2);
      result->n_correct = sqlite3_column_int (stmt, 3);
      result->n_questions = sqlite3_column_int (stmt, 4);
      result->passed = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (modules, result);
    }
  if (rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, self->db, rc, _("Cannot read module results"));
  return TRUE;
}

static RahnumaSessionInfo *
lookup_code_locked (RahnumaStore *self, const char *code, GError **error)
{
  g_autoptr(RahnumaCachedStmt) stmt =
    get_cached (self,
                "SELECT id, centre, kiosk, language, catalog_version, code, started_at,"
                " ended_at, state, demo, clock_suspect, path FROM session WHERE code = ?1"
                " ORDER BY started_at DESC LIMIT 1",
                error);
  g_autoptr(RahnumaSessionInfo) info = NULL;
  g_autofree char *session_id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND,
                   _("No session has this code"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      rahnuma_store_set_error (error, self->db, rc, _("Cannot look up the code"));
      return NULL;
    }
  info = session_info_from_row (stmt);
  session_id = rahnuma_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (!load_modules (self, session_id, info->modules, error))
    return NULL;
  return g_steal_pointer (&info);
}

/**
 * rahnuma_store_lookup_code:
 * @self: a #RahnumaStore
 * @code: a completion code, in any form rahnuma_code_normalize() accepts
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Finds the session a completion code was given for. Fails with
 * %RAHNUMA_STORE_ERROR_NOT_FOUND if there is none.
 *
 * Returns: (transfer full) (nullable): what the record says
 */
RahnumaSessionInfo *
rahnuma_store_lookup_code (RahnumaStore *self, const char *code, GError **error)
{
  g_autofree char *normal = NULL;
  RahnumaSessionInfo *info;

  g_return_val_if_fail (RAHNUMA_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  normal = rahnuma_code_normalize (code);
  if (normal == NULL)
    {
      g_set_error (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND,
                   _("This is not a completion code"));
      return NULL;
    }
  g_mutex_lock (&self->lock);
  info = lookup_code_locked (self, normal, error);
  g_mutex_unlock (&self->lock);
  return info;
}

/**
 * rahnuma_store_is_valid_site_id:
 * @id: a centre code or kiosk id
 *
 * The rule the session table's CHECK holds every centre and kiosk to (see
 * the schema above): 1 to 32 ASCII letters, digits, "_" or "-". Checked
 * before writing, so that a person gets the rule, not SQLite's words.
 *
 * Returns: whether @id keeps the rule
 */
gboolean
rahnuma_store_is_valid_site_id (const char *id)
{
  gsize length;

  g_return_val_if_fail (id != NULL, FALSE);

  length = strlen (id);
  if (length < 1 || length > 32)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * rahnuma_session_info_get_standing:
 * @info: a visit's record, from rahnuma_store_lookup_code()
 *
 * Whether the code proves a briefing: the one rule the officers'
 * dashboard and `rahnuma-admin verify` both apply before they describe
 * the visit (rahnuma_session_info_describe_outcome()).
 *
 * Returns: what the code proves
 */
RahnumaCodeStanding
rahnuma_session_info_get_standing (const RahnumaSessionInfo *info)
{
  g_return_val_if_fail (info != NULL && info->modules != NULL, RAHNUMA_CODE_NO_LESSONS);

  if (info->demo)
    return RAHNUMA_CODE_DEMO;
  if (info->modules->len == 0)
    return RAHNUMA_CODE_NO_LESSONS;
  return RAHNUMA_CODE_PROVES_VISIT;
}

/* "A, B, C": the titles of the lessons @info did not pass, or NULL. */
static char *
join_not_passed (const RahnumaSessionInfo *info, RahnumaModuleTitleFunc title_func, gpointer user_data)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < info->modules->len; i++)
    {
      const RahnumaModuleResult *m = g_ptr_array_index (info->modules, i);
      g_autofree char *title = NULL;

      if (m->passed)
        continue;
      title = title_func != NULL ? title_func (m->module_id, user_data) : NULL;
      /* Translators: between lesson titles in a list, e.g. "Lesson 2, Lesson 3" */
      g_string_append_printf (list, "%s%s", list->len > 0 ? _(", ") : "", title != NULL ? title : m->module_id);
    }
  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/**
 * rahnuma_session_info_describe_outcome:
 * @info: a visit's record, from rahnuma_store_lookup_code()
 * @title_func: (nullable) (scope call): a lesson's title for the reader, from
 *   its module id; %NULL (or a %NULL answer) shows the module id
 * @user_data: for @title_func
 *
 * What an officer checking a code needs, in one sentence per fact: lessons
 * passed of lessons recorded, the path the visit took (`session.path`), and
 * the lessons to go over with the visitor. Only what the journal holds for
 * the visit: nothing of the survey, which is kept apart from visits on
 * purpose (docs/ARCHITECTURE.md, "The survey table and the session's
 * categories"). The kiosk's dashboard, the office's and `rahnuma-admin
 * verify` all say it with this function, so they agree.
 *
 * Returns: (transfer full): e.g. "0 of 7 lessons passed. After the hall
 *   briefing: each lesson's questions only. To go over: Lesson 1, …"
 */
char *
rahnuma_session_info_describe_outcome (const RahnumaSessionInfo *info,
                                       RahnumaModuleTitleFunc    title_func,
                                       gpointer                  user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *review = NULL;
  guint n_passed = 0;

  g_return_val_if_fail (info != NULL && info->modules != NULL, NULL);

  for (guint i = 0; i < info->modules->len; i++)
    n_passed += ((const RahnumaModuleResult *) g_ptr_array_index (info->modules, i))->passed ? 1 : 0;
  /* Translators: checking a completion code; e.g. "0 of 7 lessons passed." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson passed.", "%u of %u lessons passed.",
                                             info->modules->len),
                          n_passed, info->modules->len);
  g_string_append_c (text, ' ');
  if (info->path == RAHNUMA_PATH_SHORT)
    /* Translators: checking a completion code: the visit's path (issue 20) */
    g_string_append (text, _("After the hall briefing: each lesson’s questions only."));
  else
    /* Translators: checking a completion code: the visit's path (issue 20) */
    g_string_append (text, _("Full path: every lesson watched on the kiosk."));
  review = join_not_passed (info, title_func, user_data);
  if (review != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: checking a completion code; %s is a list of lesson titles */
      g_string_append_printf (text, _("To go over with the visitor: %s."), review);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
