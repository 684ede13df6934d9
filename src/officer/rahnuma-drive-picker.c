/* rahnuma-drive-picker.c — a touch list of the USB drives plugged in
 *
 * Replaces the desktop file chooser on the kiosk (23 px rows, English labels,
 * folders nobody needs): one large row per removable drive mounted now
 * (rahnuma_drives_list()), in the officer's language and script, or a clear
 * "no USB drive found" that turns into the list as soon as one is plugged in
 * (the volume monitor's signals). Touching a row emits "chosen" with the
 * drive's folder and closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include "rahnuma-drive-picker.h"
#include "rahnuma-drives.h"

struct _RahnumaDrivePicker
{
  AdwWindow parent_instance;

  GVolumeMonitor *monitor;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RahnumaDrivePicker, rahnuma_drive_picker, ADW_TYPE_WINDOW)

enum { SIGNAL_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (const RahnumaDrive *drive)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Isolated left to right (U+2066 … U+2069): a path reads so in every script. */
  g_autofree char *path = g_strconcat ("\u2066", drive->path, "\u2069", NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), drive->name);
  adw_action_row_set_subtitle (row, path);
  adw_action_row_set_icon_name (row, "drive-removable-media-symbolic");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (drive->path), g_free);
  return GTK_WIDGET (row);
}

static void
refresh (RahnumaDrivePicker *self)
{
  g_autoptr(GPtrArray) drives = rahnuma_drives_list (self->monitor);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < drives->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (drives, i)));
  gtk_stack_set_visible_child_name (self->stack, drives->len > 0 ? "list" : "none");
}

static void
on_mounts_changed (GVolumeMonitor *monitor, GMount *mount, RahnumaDrivePicker *self)
{
  refresh (self);
}

static void
on_list_row_activated (GtkListBox *list, GtkListBoxRow *row, RahnumaDrivePicker *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, path);
  gtk_window_close (GTK_WINDOW (self));
}

/* The officer window's script (its lang-<code> class) for the rows too. */
static void
copy_language_class (RahnumaDrivePicker *self, GtkWindow *parent)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (parent));

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "lang-"))
      gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
}

static void
rahnuma_drive_picker_dispose (GObject *object)
{
  RahnumaDrivePicker *self = RAHNUMA_DRIVE_PICKER (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_DRIVE_PICKER);
  G_OBJECT_CLASS (rahnuma_drive_picker_parent_class)->dispose (object);
}

static void
rahnuma_drive_picker_class_init (RahnumaDrivePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_drive_picker_dispose;

  /**
   * RahnumaDrivePicker::chosen:
   * @path: the chosen drive's folder (its mount point)
   */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-drive-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaDrivePicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, RahnumaDrivePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaDrivePicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated);
}

static void
rahnuma_drive_picker_init (RahnumaDrivePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->monitor = g_volume_monitor_get ();
  g_signal_connect (self->monitor, "mount-added", G_CALLBACK (on_mounts_changed), self);
  g_signal_connect (self->monitor, "mount-removed", G_CALLBACK (on_mounts_changed), self);
  g_signal_connect (self->monitor, "mount-changed", G_CALLBACK (on_mounts_changed), self);
  refresh (self);
}

/**
 * rahnuma_drive_picker_new:
 * @parent: (nullable): the officer window, over which it opens (fullscreen
 *   when that is)
 * @title: what the drive is for, e.g. "Save the spreadsheet to…"
 *
 * Returns: (transfer none): the picker, shown; it is destroyed when closed
 */
RahnumaDrivePicker *
rahnuma_drive_picker_new (GtkWindow *parent, const char *title)
{
  RahnumaDrivePicker *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_DRIVE_PICKER, "title", title, NULL);
  adw_window_title_set_title (self->window_title, title);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      copy_language_class (self, parent);
      if (gtk_window_is_fullscreen (parent))
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
