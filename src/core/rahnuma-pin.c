/* rahnuma-pin.c — the officers' PIN: a slow salted hash and growing delays
 *
 * The PIN is kept only as libsodium's crypto_pwhash_str (Argon2id, a random
 * salt, the cost inside the string), never as digits. It lives in the kiosk
 * journal, in a small key/value table of its own (kiosk_setting), so that it
 * is committed and crash-safe like every record, travels with the journal's
 * backups, and needs no second file beside it. Sync copies sessions only, so
 * the hash never reaches the officers' file.
 *
 * Wrong tries are counted in the same table, with the earliest time the next
 * try is allowed: a restart does not reset them. A try is counted *before*
 * the slow check runs and forgiven after it passes, so killing the kiosk in
 * the middle of a check does not give a free try.
 *
 * The stored time comes from a clock that may be wrong: one that fell back
 * 26 years would make a 5-second delay last 26 years. So no delay may end
 * later than its own length from now (issue 13); a stored time beyond that is
 * brought back, and kept, so the delay then runs out as it should.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-pin"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "rahnuma-pin.h"
#include "rahnuma-store-private.h"

/* kiosk_setting is the schema's, since version 4 (rahnuma-store-schema.c): a key
 * is one of these three, a value a hash string or a whole number. */
#define KEY_HASH     "pin_hash"
#define KEY_FAILURES "pin_failures"
#define KEY_NEXT_TRY "pin_next_try"

G_DEFINE_QUARK (rahnuma-pin-error-quark, rahnuma_pin_error)

/* Seconds to wait after n wrong tries in a row: three free tries, then longer. */
static const guint delays[] = { 0, 0, 0, 0, 5, 15, 60, 300, 900 };

typedef struct
{
  char   *hash;       /* nullable */
  guint   n_failures;
  gint64  next_try;
} PinRow;

static gboolean
init_sodium (GError **error)
{
  static int status = 1;

  /* sodium_init is thread-safe and returns 1 once already done. */
  if (g_atomic_int_get (&status) != 0)
    g_atomic_int_set (&status, sodium_init () < 0 ? -1 : 0);
  if (g_atomic_int_get (&status) == 0)
    return TRUE;
  g_set_error_literal (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_FAILED,
                       _("Cannot start the cryptography library"));
  return FALSE;
}

/**
 * rahnuma_pin_is_well_formed:
 * @pin: digits as entered
 *
 * Returns: whether @pin is 4 to 8 ASCII digits
 */
gboolean
rahnuma_pin_is_well_formed (const char *pin)
{
  gsize length;

  g_return_val_if_fail (pin != NULL, FALSE);

  length = strlen (pin);
  if (length < RAHNUMA_PIN_MIN_LENGTH || length > RAHNUMA_PIN_MAX_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

/**
 * rahnuma_pin_delay_for_failures:
 * @n_failures: wrong tries in a row
 *
 * Returns: seconds to wait before the next try
 */
guint
rahnuma_pin_delay_for_failures (guint n_failures)
{
  return delays[MIN (n_failures, G_N_ELEMENTS (delays) - 1)];
}

/* ---- the kiosk_setting table (the store's lock held) ------------------- */

static gboolean
read_row (sqlite3 *db, PinRow *row, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  memset (row, 0, sizeof *row);
  stmt = rahnuma_store_prepare (db, "SELECT key, value FROM kiosk_setting", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (key, KEY_HASH))
        row->hash = g_strdup (value);
      else if (g_str_equal (key, KEY_FAILURES))
        row->n_failures = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (g_str_equal (key, KEY_NEXT_TRY))
        row->next_try = g_ascii_strtoll (value, NULL, 10);
    }
  if (rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, db, rc, _("Cannot read the PIN settings"));
  return TRUE;
}

static gboolean
write_value (sqlite3 *db, const char *key, const char *value, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    rahnuma_store_prepare (db, "INSERT OR REPLACE INTO kiosk_setting (key, value) VALUES (?1, ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return rahnuma_store_set_error (error, db, rc, _("Cannot save the PIN settings"));
  return TRUE;
}

static gboolean
write_failures (sqlite3 *db, guint n_failures, gint64 next_try, GError **error)
{
  g_autofree char *failures = g_strdup_printf ("%u", n_failures);
  g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, next_try);

  return write_value (db, KEY_FAILURES, failures, error) &&
         write_value (db, KEY_NEXT_TRY, next, error);
}

/* Brings a next try set by a clock that has since fallen back to at most one
 * delay from @now, in @row and (when @db is not NULL) in the table. */
static gboolean
clamp_next_try (sqlite3 *db, PinRow *row, gint64 now, GError **error)
{
  guint delay = rahnuma_pin_delay_for_failures (row->n_failures);
  g_autofree char *value = NULL;

  if (row->next_try <= now + (gint64) delay)
    return TRUE;
  /* For the technician: no PIN or try count, only that the clock moved. */
  g_warning ("The next PIN try was set for more than %u s from now: the clock has gone back; "
             "the delay now ends in %u s", delay, delay);
  row->next_try = now + delay;
  value = g_strdup_printf ("%" G_GINT64_FORMAT, row->next_try);
  return db == NULL || write_value (db, KEY_NEXT_TRY, value, error);
}

static gint64
wait_from (const PinRow *row, gint64 now)
{
  return row->next_try > now ? row->next_try - now : 0; /* no overflow once clamped */
}

static gboolean
commit_or_rollback (sqlite3 *db, gboolean ok, GError **error)
{
  if (ok)
    ok = rahnuma_store_exec (db, "COMMIT", error);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

/* ---- public API ------------------------------------------------------ */

/**
 * rahnuma_pin_get_state:
 * @store: the kiosk journal
 * @now: the current unix time
 * @state: (out caller-allocates): what the PIN pad should show
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * Returns: %TRUE if @state was filled
 */
gboolean
rahnuma_pin_get_state (RahnumaStore *store, gint64 now, RahnumaPinState *state, GError **error)
{
  PinRow row;
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  rahnuma_store_lock (store);
  ok = read_row (rahnuma_store_get_db (store), &row, error);
  /* Keeping the clamped time is best-effort here (the journal may be read-only):
   * the wait shown is right either way, and a try clamps it again. */
  if (ok)
    clamp_next_try (rahnuma_store_get_db (store), &row, now, NULL);
  rahnuma_store_unlock (store);
  if (!ok)
    return FALSE;
  state->is_set = row.hash != NULL;
  state->n_failures = row.n_failures;
  state->wait = wait_from (&row, now);
  g_free (row.hash);
  return TRUE;
}

static gboolean
store_hash (RahnumaStore *store, const char *hash, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  gboolean ok;

  rahnuma_store_lock (store);
  ok = rahnuma_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = write_value (db, KEY_HASH, hash, error) && write_failures (db, 0, 0, error);
      ok = commit_or_rollback (db, ok, error);
    }
  rahnuma_store_unlock (store);
  return ok;
}

/**
 * rahnuma_pin_set:
 * @store: the kiosk journal
 * @pin: the new PIN, 4 to 8 digits
 * @error: return location for a #RAHNUMA_PIN_ERROR or #RAHNUMA_STORE_ERROR
 *
 * Replaces the PIN (or sets the first one) and forgives past wrong tries.
 * Slow on purpose (a memory-hard hash): call it off the main loop.
 *
 * Returns: %TRUE if the new PIN is committed
 */
gboolean
rahnuma_pin_set (RahnumaStore *store, const char *pin, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (!rahnuma_pin_is_well_formed (pin))
    {
      g_set_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_INVALID,
                   /* Translators: the two %d are the fewest and the most digits (4 and 8) */
                   _("A PIN is %d to %d digits."), RAHNUMA_PIN_MIN_LENGTH, RAHNUMA_PIN_MAX_LENGTH);
      return FALSE;
    }
  if (!init_sodium (error))
    return FALSE;
  if (crypto_pwhash_str (hash, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_FAILED,
                           _("Not enough memory to protect the PIN"));
      return FALSE;
    }
  return store_hash (store, hash, error);
}

/* Decides whether a try may go ahead; if so, counts it (in the open transaction). */
static gboolean
admit_try (sqlite3 *db, PinRow *row, gint64 now, guint *n_failures, gint64 *wait, GError **error)
{
  if (row->hash == NULL)
    {
      g_set_error_literal (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_NOT_SET, _("No PIN has been set yet"));
      return FALSE;
    }
  if (!clamp_next_try (db, row, now, error))
    return FALSE;
  if (row->next_try > now)
    {
      /* Committed although refused (finish_try): the clamp must outlive it. */
      *wait = wait_from (row, now);
      g_set_error (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_LOCKED,
                   /* Translators: %u is a number of seconds */
                   _("Too many wrong tries. Try again in %u seconds."), (guint) *wait);
      return FALSE;
    }
  *n_failures = row->n_failures + 1;
  return write_failures (db, *n_failures, now + rahnuma_pin_delay_for_failures (*n_failures), error);
}

/* Commits a counted try, and a refused one too when it was refused for a
 * running delay, so that a clamped next try (clamp_next_try) is kept. */
static gboolean
finish_try (sqlite3 *db, gboolean admitted, GError **refused, GError **error)
{
  gboolean keep = admitted || g_error_matches (*refused, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_LOCKED);

  if (!commit_or_rollback (db, keep, keep ? error : NULL))
    {
      if (!keep)
        g_propagate_error (error, g_steal_pointer (refused));
      return FALSE;
    }
  if (!admitted)
    g_propagate_error (error, g_steal_pointer (refused));
  return admitted;
}

/* Counts the try before the slow check; returns the hash to check against. */
static char *
begin_try (RahnumaStore *store, gint64 now, guint *n_failures, gint64 *wait, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  PinRow row = { NULL, 0, 0 };
  g_autoptr(GError) refused = NULL;
  gboolean ok;

  rahnuma_store_lock (store);
  ok = read_row (db, &row, error) && rahnuma_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok)
    ok = finish_try (db, admit_try (db, &row, now, n_failures, wait, &refused), &refused, error);
  rahnuma_store_unlock (store);
  if (!ok)
    g_clear_pointer (&row.hash, g_free);
  return row.hash;
}

static gboolean
forgive_tries (RahnumaStore *store, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  gboolean ok;

  rahnuma_store_lock (store);
  ok = rahnuma_store_exec (db, "BEGIN IMMEDIATE", error);
  if (ok)
    ok = commit_or_rollback (db, write_failures (db, 0, 0, error), error);
  rahnuma_store_unlock (store);
  return ok;
}

/**
 * rahnuma_pin_check:
 * @store: the kiosk journal
 * @pin: the PIN as entered
 * @now: the current unix time
 * @wait: (out) (optional): seconds before another try is allowed
 * @error: return location for a #RAHNUMA_PIN_ERROR (WRONG, LOCKED, NOT_SET)
 *   or #RAHNUMA_STORE_ERROR
 *
 * Checks @pin against the stored hash. A wrong PIN adds to the wrong tries
 * in a row and may start a delay; a right one forgives them. While a delay
 * runs, every try fails with LOCKED without being checked.
 * Slow on purpose: call it off the main loop.
 *
 * Returns: %TRUE if @pin is the PIN
 */
gboolean
rahnuma_pin_check (RahnumaStore *store, const char *pin, gint64 now, gint64 *wait, GError **error)
{
  g_autofree char *hash = NULL;
  guint n_failures = 0;
  gint64 unused_wait = 0;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (wait == NULL)
    wait = &unused_wait;
  *wait = 0;
  if (!init_sodium (error))
    return FALSE;
  hash = begin_try (store, now, &n_failures, wait, error);
  if (hash == NULL)
    return FALSE;
  if (crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0)
    return forgive_tries (store, error);

  *wait = rahnuma_pin_delay_for_failures (n_failures);
  /* Translators: the officers’ PIN pad, after a wrong PIN */
  g_set_error_literal (error, RAHNUMA_PIN_ERROR, RAHNUMA_PIN_ERROR_WRONG, _("Wrong PIN"));
  return FALSE;
}

/* ---- async, for the PIN pad ------------------------------------------ */

typedef struct
{
  RahnumaStore *store;
  char         *pin;
  gint64        wait;
} PinTask;

static void
pin_task_free (PinTask *data)
{
  g_clear_object (&data->store);
  if (data->pin != NULL)
    sodium_memzero (data->pin, strlen (data->pin));
  g_free (data->pin);
  g_free (data);
}

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PinTask *data = task_data;
  GError *error = NULL;

  if (rahnuma_pin_check (data->store, data->pin, g_get_real_time () / G_USEC_PER_SEC, &data->wait, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PinTask *data = task_data;
  GError *error = NULL;

  if (rahnuma_pin_set (data->store, data->pin, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_pin_task (RahnumaStore *store, const char *pin, gpointer source_tag, GTaskThreadFunc func,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PinTask *data = g_new0 (PinTask, 1);

  data->store = g_object_ref (store);
  data->pin = g_strdup (pin);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) pin_task_free);
  g_task_run_in_thread (task, func);
}

/**
 * rahnuma_pin_check_async:
 *
 * rahnuma_pin_check() on a worker thread, at the current time.
 */
void
rahnuma_pin_check_async (RahnumaStore *store, const char *pin, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (RAHNUMA_IS_STORE (store));
  g_return_if_fail (pin != NULL);

  run_pin_task (store, pin, rahnuma_pin_check_async, check_thread, cancellable, callback, user_data);
}

/**
 * rahnuma_pin_check_finish:
 * @wait: (out) (optional): seconds before another try is allowed
 *
 * Returns: %TRUE if the PIN was right
 */
gboolean
rahnuma_pin_check_finish (GAsyncResult *result, gint64 *wait, GError **error)
{
  PinTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (wait != NULL)
    *wait = data->wait;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rahnuma_pin_set_async:
 *
 * rahnuma_pin_set() on a worker thread.
 */
void
rahnuma_pin_set_async (RahnumaStore *store, const char *pin, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (RAHNUMA_IS_STORE (store));
  g_return_if_fail (pin != NULL);

  run_pin_task (store, pin, rahnuma_pin_set_async, set_thread, cancellable, callback, user_data);
}

/**
 * rahnuma_pin_set_finish:
 *
 * Returns: %TRUE if the new PIN is committed
 */
gboolean
rahnuma_pin_set_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
