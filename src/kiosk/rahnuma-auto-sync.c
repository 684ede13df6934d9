/* rahnuma-auto-sync.c — the kiosk syncs its journal to the officers' file by itself
 *
 * After every finished visit and on a timer, new records are copied into the
 * officers' SQLite file (a local path, a shared folder or a USB drive) with
 * rahnuma_sync_run_async(), off the main thread. A target that is missing,
 * locked, read-only or damaged leaves the records queued in the journal:
 * nothing is lost, the next try picks them up, and the backlog and the
 * reason are kept here for the officer to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-sync"

#include "config.h"

#include "rahnuma-auto-sync.h"
#include "rahnuma-sync.h"

struct _RahnumaAutoSync
{
  GObject parent_instance;

  RahnumaStore *store;
  char *target;
  GCancellable *cancellable;
  guint timer_id;
  gboolean running;
  gboolean again; /* a request came while a sync was running */
  gint64 backlog;
  gint64 last_sync;
  GError *last_error; /* described in words when read, in the reader's language */
};

G_DEFINE_FINAL_TYPE (RahnumaAutoSync, rahnuma_auto_sync, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TARGET,
  PROP_BACKLOG,
  PROP_LAST_SYNC,
  PROP_LAST_ERROR,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_sync (RahnumaAutoSync *self);

static void
set_running (RahnumaAutoSync *self, gboolean running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Kept as the error, not as words: the officer reads it later, perhaps in
 * another language than the kiosk's when the sync failed. */
static void
set_last_error (RahnumaAutoSync *self, const GError *error)
{
  if (self->last_error == NULL && error == NULL)
    return;
  if (self->last_error != NULL && error != NULL
      && g_error_matches (self->last_error, error->domain, error->code)
      && g_str_equal (self->last_error->message, error->message))
    return;
  g_clear_error (&self->last_error);
  self->last_error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* The backlog as the journal knows it: cheap, and right even when the
 * target cannot be reached. */
static void
update_backlog (RahnumaAutoSync *self)
{
  g_autoptr(GError) error = NULL;
  gint64 backlog = -1;

  if (self->target != NULL)
    backlog = rahnuma_store_count_backlog (self->store, self->target, &error);
  if (error != NULL)
    g_debug ("Cannot count the backlog: %s", error->message);
  if (backlog == self->backlog)
    return;
  self->backlog = backlog;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKLOG]);
}

static void
on_sync_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(RahnumaAutoSync) self = user_data;
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats = { 0 };

  if (!rahnuma_sync_run_finish (result, &stats, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The records stay queued; the officer sees why on the dashboard, in words. */
      g_warning ("Sync to the officers' file failed, records stay queued: %s", error->message);
      set_last_error (self, error);
    }
  else
    {
      g_message ("Synced to the officers' file: %" G_GUINT64_FORMAT " sessions, %"
                 G_GUINT64_FORMAT " module rows, %" G_GUINT64_FORMAT " answers; %"
                 G_GUINT64_FORMAT " rows broke its rules and were left out (%" G_GUINT64_FORMAT " so far)",
                 stats.n_sessions, stats.n_modules, stats.n_answers,
                 stats.n_rejected_sessions + stats.n_rejected_modules + stats.n_rejected_answers +
                 stats.n_rejected_survey + stats.n_rejected_hall,
                 stats.n_rejected_total);
      self->last_sync = g_get_real_time () / G_USEC_PER_SEC;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      set_last_error (self, NULL);
    }

  set_running (self, FALSE);
  update_backlog (self);
  if (self->again)
    start_sync (self);
}

static void
start_sync (RahnumaAutoSync *self)
{
  self->again = FALSE;
  if (self->target == NULL)
    return;
  set_running (self, TRUE);
  rahnuma_sync_run_async (rahnuma_store_get_path (self->store), self->target, self->cancellable,
                          on_sync_done, g_object_ref (self));
}

static gboolean
on_timer (gpointer user_data)
{
  rahnuma_auto_sync_request (user_data);
  return G_SOURCE_CONTINUE;
}

static void
rahnuma_auto_sync_dispose (GObject *object)
{
  RahnumaAutoSync *self = (RahnumaAutoSync *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rahnuma_auto_sync_parent_class)->dispose (object);
}

static void
rahnuma_auto_sync_finalize (GObject *object)
{
  RahnumaAutoSync *self = (RahnumaAutoSync *) object;

  g_clear_object (&self->cancellable);
  g_free (self->target);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (rahnuma_auto_sync_parent_class)->finalize (object);
}

static void
rahnuma_auto_sync_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RahnumaAutoSync *self = RAHNUMA_AUTO_SYNC (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_BACKLOG:
      g_value_set_int64 (value, self->backlog);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync);
      break;
    case PROP_LAST_ERROR:
      g_value_take_string (value, self->last_error != NULL
                                    ? rahnuma_sync_describe_error (self->last_error) : NULL);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_auto_sync_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  RahnumaAutoSync *self = RAHNUMA_AUTO_SYNC (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      rahnuma_auto_sync_set_target (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rahnuma_auto_sync_class_init (RahnumaAutoSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rahnuma_auto_sync_dispose;
  object_class->finalize = rahnuma_auto_sync_finalize;
  object_class->get_property = rahnuma_auto_sync_get_property;
  object_class->set_property = rahnuma_auto_sync_set_property;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKLOG] = g_param_spec_int64 ("backlog", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_LAST_SYNC] = g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rahnuma_auto_sync_init (RahnumaAutoSync *self)
{
  self->cancellable = g_cancellable_new ();
  self->backlog = -1;
}

/**
 * rahnuma_auto_sync_new:
 * @store: the kiosk's journal
 * @interval_seconds: how often to try on its own; 0 for only on request
 *
 * Returns: (transfer full): an auto-sync with no target yet
 */
RahnumaAutoSync *
rahnuma_auto_sync_new (RahnumaStore *store, guint interval_seconds)
{
  RahnumaAutoSync *self;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  self = g_object_new (RAHNUMA_TYPE_AUTO_SYNC, NULL);
  self->store = g_object_ref (store);
  if (interval_seconds > 0)
    self->timer_id = g_timeout_add_seconds (interval_seconds, on_timer, self);
  return self;
}

/**
 * rahnuma_auto_sync_set_target:
 * @officer_file: (nullable): the officers' SQLite file; %NULL or "" to stop syncing
 *
 * A new target is tried at once.
 */
void
rahnuma_auto_sync_set_target (RahnumaAutoSync *self, const char *officer_file)
{
  g_return_if_fail (RAHNUMA_IS_AUTO_SYNC (self));

  if (officer_file != NULL && *officer_file == '\0')
    officer_file = NULL;
  if (g_strcmp0 (self->target, officer_file) == 0)
    return;
  g_free (self->target);
  self->target = g_strdup (officer_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
  set_last_error (self, NULL);
  update_backlog (self);
  rahnuma_auto_sync_request (self);
}

/**
 * rahnuma_auto_sync_get_target:
 * @self: a #RahnumaAutoSync
 *
 * Returns: (transfer none) (nullable): the officers' file synced into, or
 *   %NULL when none is set
 */
const char *
rahnuma_auto_sync_get_target (RahnumaAutoSync *self)
{
  g_return_val_if_fail (RAHNUMA_IS_AUTO_SYNC (self), NULL);
  return self->target;
}

/**
 * rahnuma_auto_sync_request:
 *
 * Syncs now, or as soon as the sync in progress ends.
 */
void
rahnuma_auto_sync_request (RahnumaAutoSync *self)
{
  g_return_if_fail (RAHNUMA_IS_AUTO_SYNC (self));

  if (self->running)
    self->again = TRUE;
  else
    start_sync (self);
}

/**
 * rahnuma_auto_sync_get_backlog:
 *
 * Returns: finished sessions not yet in the officers' file, or -1 if unknown
 */
gint64
rahnuma_auto_sync_get_backlog (RahnumaAutoSync *self)
{
  g_return_val_if_fail (RAHNUMA_IS_AUTO_SYNC (self), -1);
  return self->backlog;
}

/**
 * rahnuma_auto_sync_get_last_sync:
 *
 * Returns: unix time of the last successful sync, or 0
 */
gint64
rahnuma_auto_sync_get_last_sync (RahnumaAutoSync *self)
{
  g_return_val_if_fail (RAHNUMA_IS_AUTO_SYNC (self), 0);
  return self->last_sync;
}

/**
 * rahnuma_auto_sync_dup_last_error:
 * @self: a #RahnumaAutoSync
 *
 * Why the last sync failed, in words for the officer
 * (rahnuma_sync_describe_error()), in the language in force now.
 *
 * Returns: (transfer full) (nullable): the reason, or %NULL if the last
 *   sync did not fail
 */
char *
rahnuma_auto_sync_dup_last_error (RahnumaAutoSync *self)
{
  g_return_val_if_fail (RAHNUMA_IS_AUTO_SYNC (self), NULL);
  return self->last_error != NULL ? rahnuma_sync_describe_error (self->last_error) : NULL;
}

/**
 * rahnuma_auto_sync_is_running:
 * @self: a #RahnumaAutoSync
 *
 * Returns: whether a sync is under way on its worker thread
 */
gboolean
rahnuma_auto_sync_is_running (RahnumaAutoSync *self)
{
  g_return_val_if_fail (RAHNUMA_IS_AUTO_SYNC (self), FALSE);
  return self->running;
}
