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
  g_autoptr(GtkWidget) box = user_data;
  g_autoptr(GError) error = NULL;
  Lists *lists = g_task_propagate_pointer (G_TASK (result), &error);
  AdwPreferencesGroup *centres = g_object_get_data (G_OBJECT (box), "centres");

  if (lists == NULL)
    {
      adw_preferences_group_set_description (centres, error->message);
      return;
    }
  fill (centres, lists->centres, (gpointer) kiosk_row);
  fill (g_object_get_data (G_OBJECT (box), "kiosks"), lists->kiosks, (gpointer) kiosk_row);
  fill (g_object_get_data (G_OBJECT (box), "sources"), lists->sources, (gpointer) source_row);
  lists_free (lists);
}

static GtkWidget *
file_group (const char *path)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  /* Translators: a button that opens another officers' file */
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open another…"));

  /* Translators: heading of the office PC's open file */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Officers’ file"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), path);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               /* Translators: under the officers' file's path on the office PC */
                               _("Opened for reading only: nothing here changes it. A kiosk’s records not yet "
                                 "synced are only in that kiosk."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "office.open");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static AdwPreferencesGroup *
add_group (GtkWidget *box, const char *key, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);
  g_object_set_data (G_OBJECT (box), key, group);
  return ADW_PREFERENCES_GROUP (group);
}

/**
 * rahnuma_office_kiosks_new:
 * @store: the officers' file, opened read-only
 * @path: its path, as shown
 *
 * Returns: (transfer floating): the tab; its lists fill in when read
 */
GtkWidget *
rahnuma_office_kiosks_new (RahnumaStore *store, const char *path)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_read, g_object_ref (box));

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), file_group (path));
  /* Translators: heading of the visits in the officers' file, one row per centre */
  add_group (box, "centres", _("By centre"));
  /* Translators: heading of the visits in the officers' file, one row per kiosk */
  add_group (box, "kiosks", _("By kiosk"));
  /* Translators: heading of the list of kiosk journals synced into the officers' file */
  add_group (box, "sources", _("Syncs from kiosks"));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, read_thread);
  return scrolled;
}
