/* rahnuma-office-kiosks.c — the office PC's Kiosks tab
 *
 * The open file (read-only, and a button to open another), then its visits
 * by centre and by kiosk, and each kiosk journal's last sync
 * (rahnuma-office-data.c). Read on a worker thread, so a big file never
 * holds up the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-office"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-office-data.h"
#include "rahnuma-office-kiosks.h"
#include "rahnuma-officer-data.h"

struct _RahnumaOfficeKiosks
{
  GtkWidget parent_instance;

  GCancellable *cancellable;

  /* Template widgets */
  AdwActionRow *file_row;
  AdwPreferencesGroup *centres_group;
  AdwPreferencesGroup *kiosks_group;
  AdwPreferencesGroup *sources_group;
};

G_DEFINE_FINAL_TYPE (RahnumaOfficeKiosks, rahnuma_office_kiosks, GTK_TYPE_WIDGET)

typedef struct
{
  GPtrArray *centres;
  GPtrArray *kiosks;
  GPtrArray *sources;
} Lists;

static void
lists_free (Lists *lists)
{
  g_clear_pointer (&lists->centres, g_ptr_array_unref);
  g_clear_pointer (&lists->kiosks, g_ptr_array_unref);
  g_clear_pointer (&lists->sources, g_ptr_array_unref);
  g_free (lists);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RahnumaStore *store = task_data;
  Lists *lists = g_new0 (Lists, 1);
  GError *error = NULL;

  if ((lists->centres = rahnuma_office_data_by_kiosk (store, TRUE, &error)) == NULL ||
      (lists->kiosks = rahnuma_office_data_by_kiosk (store, FALSE, &error)) == NULL ||
      (lists->sources = rahnuma_office_data_sources (store, &error)) == NULL)
    {
      lists_free (lists);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, lists, (GDestroyNotify) lists_free);
}

/* In the centre's time zone, as every time on the dashboard. */
static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds + rahnuma_officer_utc_offset ());

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

static GtkWidget *
kiosk_row (const RahnumaKioskTotals *totals)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *newest = format_time (totals->newest);
  /* Translators: one kiosk's (or centre's) visits in the officers' file; the last %s is a date and time */
  g_autofree char *text = g_strdup_printf (_("%lld visitors, %lld completed, %lld left early; newest visit %s"),
                                           (long long) totals->sessions, (long long) totals->completed,
                                           (long long) totals->abandoned, newest);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 totals->kiosk != NULL ? totals->kiosk : totals->centre);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  if (totals->kiosk != NULL)
    {
      /* Translators: the title of a kiosk's row: centre code, then kiosk id */
      g_autofree char *title = g_strdup_printf (_("%s, kiosk %s"), totals->centre, totals->kiosk);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  return row;
}

static GtkWidget *
source_row (const RahnumaSyncSource *source)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_time (source->synced_at);
  /* Translators: a kiosk journal is named by the start of its random id */
  g_autofree char *title = g_strdup_printf (_("Kiosk journal %.8s"), source->journal_id);
  /* Translators: %s is a date and time */
  g_autofree char *text = g_strdup_printf (_("Last sync %s"), when);

  if (source->n_rejected > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: follows "Last sync <time>" */
                                                            "%s; %lld record broke the rules and was left out",
                                                            "%s; %lld records broke the rules and were left out",
                                                            (gulong) source->n_rejected),
                                               text, (long long) source->n_rejected);

      g_free (text);
      text = g_steal_pointer (&more);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  return row;
}

static void
fill (AdwPreferencesGroup *group, GPtrArray *rows, GtkWidget *(*make) (gconstpointer))
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_add (group, make (g_ptr_array_index (rows, i)));
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  Lists *lists = g_task_propagate_pointer (G_TASK (result), &error);
  RahnumaOfficeKiosks *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (lists == NULL)
    {
      adw_preferences_group_set_description (self->centres_group, error->message);
      return;
    }
  fill (self->centres_group, lists->centres, (gpointer) kiosk_row);
  fill (self->kiosks_group, lists->kiosks, (gpointer) kiosk_row);
  fill (self->sources_group, lists->sources, (gpointer) source_row);
  lists_free (lists);
}

static void
rahnuma_office_kiosks_dispose (GObject *object)
{
  RahnumaOfficeKiosks *self = RAHNUMA_OFFICE_KIOSKS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_OFFICE_KIOSKS);
  G_OBJECT_CLASS (rahnuma_office_kiosks_parent_class)->dispose (object);
}

static void
rahnuma_office_kiosks_class_init (RahnumaOfficeKiosksClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_office_kiosks_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-office-kiosks.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeKiosks, file_row);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeKiosks, centres_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeKiosks, kiosks_group);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeKiosks, sources_group);
}

static void
rahnuma_office_kiosks_init (RahnumaOfficeKiosks *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * rahnuma_office_kiosks_new:
 * @path: the officers' file's path, as shown
 *
 * Returns: (transfer floating): the tab, empty until rahnuma_office_kiosks_load()
 */
RahnumaOfficeKiosks *
rahnuma_office_kiosks_new (const char *path)
{
  RahnumaOfficeKiosks *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_OFFICE_KIOSKS, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), path);
  return self;
}

/**
 * rahnuma_office_kiosks_load:
 * @store: the officers' file, opened read-only
 *
 * Reads the lists on a worker thread and fills them in. The office window
 * calls it once the dashboard's first numbers are in: the two reads share
 * @store's connection, and a million sessions by centre and kiosk would
 * otherwise hold the first view back.
 */
void
rahnuma_office_kiosks_load (RahnumaOfficeKiosks *self, RahnumaStore *store)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAHNUMA_IS_OFFICE_KIOSKS (self));
  g_return_if_fail (RAHNUMA_IS_STORE (store));

  /* The task holds no reference to the widget: dispose cancels it. */
  task = g_task_new (NULL, self->cancellable, on_read, self);
  g_task_set_source_tag (task, rahnuma_office_kiosks_load);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}
