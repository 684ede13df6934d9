/* rahnuma-contacts-watch.c — the contacts in force, kept while the file changes
 *
 * The kiosk reads contacts.ini at start and again whenever a GFileMonitor
 * says it changed. A file that is broken or removed never replaces the last
 * good one: the visitor keeps seeing contacts that were once valid, and the
 * problem is kept for the log and the officers' dashboard until the file is
 * fixed. A monitor event is only a hint to reload; reload() is the real work
 * (and what the tests call, so that no test waits on the file system).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-contacts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-contacts-watch.h"

struct _RahnumaContactsWatch
{
  GObject parent_instance;

  char *path;
  RahnumaContacts *contacts; /* nullable: the last good file, if any was ever good */
  char *problem;             /* nullable: why the file on disk is not in force */
  GFileMonitor *monitor;     /* nullable: the file system cannot be watched */
};

G_DEFINE_FINAL_TYPE (RahnumaContactsWatch, rahnuma_contacts_watch, G_TYPE_OBJECT)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_problem (RahnumaContactsWatch *self, const GError *error)
{
  g_free (self->problem);
  if (g_error_matches (error, RAHNUMA_CONTACTS_ERROR, RAHNUMA_CONTACTS_ERROR_NOT_FOUND))
    /* Translators: %s is the path of the contacts file (contacts.ini). */
    self->problem = g_strdup_printf (_("The contacts file %s is missing. Visitors see the last good contacts; "
                                       "put the file back or change the contacts-file setting."), self->path);
  else
    /* Translators: the first %s is a file:line and the fault found there, in English. */
    self->problem = g_strdup_printf (_("The contacts file has an error and was not used: %s. Visitors see "
                                       "the last good contacts until the file is fixed."), error->message);
}

static void
load_fallback (RahnumaContactsWatch *self, const char *fallback)
{
  g_autoptr(GError) error = NULL;

  self->contacts = rahnuma_contacts_new_from_file (fallback, &error);
  if (self->contacts == NULL)
    g_warning ("The bundled contacts file cannot be used either: %s", error->message);
  else
    g_message ("Showing the contacts of %s until %s is fixed", fallback, self->path);
}

static void
on_monitor_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                    RahnumaContactsWatch *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_RENAMED)
    rahnuma_contacts_watch_reload (self);
}

static void
rahnuma_contacts_watch_dispose (GObject *object)
{
  RahnumaContactsWatch *self = (RahnumaContactsWatch *) object;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->contacts);
  G_OBJECT_CLASS (rahnuma_contacts_watch_parent_class)->dispose (object);
}

static void
rahnuma_contacts_watch_finalize (GObject *object)
{
  RahnumaContactsWatch *self = (RahnumaContactsWatch *) object;

  g_free (self->path);
  g_free (self->problem);
  G_OBJECT_CLASS (rahnuma_contacts_watch_parent_class)->finalize (object);
}

static void
rahnuma_contacts_watch_class_init (RahnumaContactsWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rahnuma_contacts_watch_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_contacts_watch_finalize;

  /**
   * RahnumaContactsWatch::changed:
   *
   * The contacts in force or the problem with the file changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
}

static void
rahnuma_contacts_watch_init (RahnumaContactsWatch *self)
{
}

/**
 * rahnuma_contacts_watch_new:
 * @path: the contacts.ini to follow
 * @fallback: (nullable): a file to use while @path has never been good
 *   (the bundled contacts.ini), or %NULL
 *
 * Loads @path at once and follows its changes with a GFileMonitor (on the
 * thread-default main context of the caller). When @path is broken or
 * missing at start, @fallback is the "last good" file until @path is fixed.
 *
 * Returns: (transfer full): the watch; check rahnuma_contacts_watch_get_problem()
 */
RahnumaContactsWatch *
rahnuma_contacts_watch_new (const char *path, const char *fallback)
{
  RahnumaContactsWatch *self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_CONTACTS_WATCH, NULL);
  self->path = g_strdup (path);
  if (!rahnuma_contacts_watch_reload (self) && fallback != NULL && g_strcmp0 (fallback, path) != 0)
    load_fallback (self, fallback);
  file = g_file_new_for_path (path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);
  else
    g_message ("Not watching %s for changes: %s", path, error->message);
  return self;
}

/**
 * rahnuma_contacts_watch_reload:
 *
 * Reads the file again. A good file replaces the contacts in force; a
 * broken or missing one leaves them and sets the problem. Emits "changed"
 * when either changed.
 *
 * Returns: %TRUE if the file on disk is now in force
 */
gboolean
rahnuma_contacts_watch_reload (RahnumaContactsWatch *self)
{
  g_autoptr(GError) error = NULL;
  RahnumaContacts *fresh;

  g_return_val_if_fail (RAHNUMA_IS_CONTACTS_WATCH (self), FALSE);

  fresh = rahnuma_contacts_new_from_file (self->path, &error);
  if (fresh == NULL)
    {
      g_autofree char *before = g_strdup (self->problem);

      set_problem (self, error);
      /* One save makes several monitor events: say each new problem once. */
      if (g_strcmp0 (before, self->problem) == 0)
        return FALSE;
      g_warning ("%s", self->problem);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return FALSE;
    }
  g_set_object (&self->contacts, fresh);
  g_object_unref (fresh);
  g_clear_pointer (&self->problem, g_free);
  g_message ("Contacts from %s in force: %u entries", self->path, rahnuma_contacts_get_n_entries (fresh));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

const char *
rahnuma_contacts_watch_get_path (RahnumaContactsWatch *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CONTACTS_WATCH (self), NULL);
  return self->path;
}

/* Returns: (transfer none) (nullable): the last good contacts, %NULL if no good file was ever read */
RahnumaContacts *
rahnuma_contacts_watch_get_contacts (RahnumaContactsWatch *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CONTACTS_WATCH (self), NULL);
  return self->contacts;
}

/* Returns: (transfer none) (nullable): a translated message saying why the
 * file on disk is not in force and what to do, or %NULL when it is */
const char *
rahnuma_contacts_watch_get_problem (RahnumaContactsWatch *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CONTACTS_WATCH (self), NULL);
  return self->problem;
}
