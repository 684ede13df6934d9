/* rahnuma-office-window.c — the officers' file on the office PC, read-only
 *
 * The file every kiosk syncs into, opened with RAHNUMA_STORE_READ_ONLY: no
 * byte of it is ever written (an older file is read through a private
 * migrated copy, rahnuma-store-schema.c). The kiosk's dashboard shows it, in
 * office mode (rahnuma_officer_dashboard_set_office()), with one more tab:
 * the file's centres, kiosks and syncs (rahnuma-office-data.c). Its per-day
 * sums (rahnuma-dashboard.c) cannot be written to a read-only file, so the
 * views read the records themselves: slower on a big file, never stale.
 *
 * The window is shown once the first numbers are in, or with the reason
 * the file could not be opened: a damaged, newer or busy file is named in
 * words, and nothing is changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-office"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-office-kiosks.h"
#include "rahnuma-office-window.h"
#include "rahnuma-officer-dashboard.h"
#include "rahnuma-store.h"

struct _RahnumaOfficeWindow
{
  AdwApplicationWindow parent_instance;

  RahnumaStore *store;
  GtkStack *stack;
  AdwStatusPage *status;
  RahnumaOfficerDashboard *dashboard; /* nullable: none while no file is open */
  RahnumaOfficeKiosks *kiosks;        /* its Kiosks tab; read once the first view is in */
  char *trust_file; /* nullable: --trust; signed proofs are checked against it */
  char *rates_file; /* nullable: --rates; the survey's exchange rates */
};

G_DEFINE_FINAL_TYPE (RahnumaOfficeWindow, rahnuma_office_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- the last file ------------------------------------------------------- */

static char *
last_file_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "rahnuma-officer", "last-file", NULL);
}

/**
 * rahnuma_office_dup_last_file:
 *
 * The officers' file opened last on this computer, kept in
 * $XDG_CONFIG_HOME/rahnuma-officer/last-file.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL if none
 */
char *
rahnuma_office_dup_last_file (void)
{
  g_autofree char *state = last_file_path ();
  g_autofree char *path = NULL;

  if (!g_file_get_contents (state, &path, NULL, NULL))
    return NULL;
  g_strchomp (path);
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

static void
remember_file (const char *path)
{
  g_autofree char *state = last_file_path ();
  g_autofree char *folder = g_path_get_dirname (state);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0 || !g_file_set_contents (state, path, -1, &error))
    g_message ("Cannot remember the officers' file: %s", error != NULL ? error->message : g_strerror (errno));
}

/* ---- opening ------------------------------------------------------------- */

/**
 * rahnuma_office_describe_open_error:
 * @path: the file that was opened
 * @error: why rahnuma_store_new_full() failed
 *
 * Returns: (transfer full): what happened and what to do, in words
 */
char *
rahnuma_office_describe_open_error (const char *path, const GError *error)
{
  if (error->domain == RAHNUMA_STORE_ERROR)
    switch ((RahnumaStoreError) error->code)
      {
      case RAHNUMA_STORE_ERROR_DAMAGED:
        /* Translators: %s is a file name */
        return g_strdup_printf (_("“%s” is damaged and cannot be read. Nothing in it was changed. Sync the "
                                  "kiosks into a new officers’ file, or ask the technician for a backup."), path);
      case RAHNUMA_STORE_ERROR_FUTURE_VERSION:
        /* Translators: %s is a file name */
        return g_strdup_printf (_("“%s” was made by a newer version of Rahnuma. Nothing in it was changed. "
                                  "Update Rahnuma on this computer to open it."), path);
      case RAHNUMA_STORE_ERROR_BUSY:
        /* Translators: %s is a file name */
        return g_strdup_printf (_("A kiosk is copying its records into “%s” right now. Nothing in it was "
                                  "changed. Wait a minute, then open it again."), path);
      case RAHNUMA_STORE_ERROR_NOT_FOUND:
        /* Translators: %s is a file name */
        return g_strdup_printf (_("There is no officers’ file at “%s”. Choose it with “Open…”."), path);
      case RAHNUMA_STORE_ERROR_EMPTY:
        /* Translators: %s is a file name */
        return g_strdup_printf (_("“%s” holds no records yet. Sync a kiosk into it first."), path);
      case RAHNUMA_STORE_ERROR_FAILED:
      case RAHNUMA_STORE_ERROR_FULL:
      case RAHNUMA_STORE_ERROR_READ_ONLY:
      case RAHNUMA_STORE_ERROR_WRONG_PATH:
      case RAHNUMA_STORE_ERROR_MISSING:
      default:
        break;
      }
  /* Translators: %s is a file name, then the technical reason */
  return g_strdup_printf (_("“%s” could not be opened. Nothing in it was changed. (%s)"), path, error->message);
}

static void
show_error (RahnumaOfficeWindow *self, const char *message)
{
  /* Translators: heading above why the officers' file did not open */
  adw_status_page_set_title (self->status, _("The officers’ file could not be opened"));
  adw_status_page_set_description (self->status, message);
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_dashboard_loaded (RahnumaOfficerDashboard *dashboard, RahnumaOfficeWindow *self)
{
  gtk_window_present (GTK_WINDOW (self));
  if (self->kiosks != NULL)
    rahnuma_office_kiosks_load (g_steal_pointer (&self->kiosks), self->store);
}

static void
show_dashboard (RahnumaOfficeWindow *self, const char *path)
{
  GtkWidget *old = gtk_stack_get_child_by_name (self->stack, "dashboard");
  g_autofree char *base = g_path_get_basename (path);

  if (old != NULL)
    gtk_stack_remove (self->stack, old);
  self->dashboard = g_object_new (RAHNUMA_TYPE_OFFICER_DASHBOARD, NULL);
  rahnuma_officer_dashboard_set_office (self->dashboard);
  rahnuma_officer_dashboard_set_trust_file (self->dashboard, self->trust_file);
  rahnuma_officer_dashboard_set_rates_file (self->dashboard, self->rates_file);
  rahnuma_officer_dashboard_set_sources (self->dashboard, self->store, NULL);
  self->kiosks = rahnuma_office_kiosks_new (path);
  rahnuma_officer_dashboard_add_page (self->dashboard, GTK_WIDGET (self->kiosks),
                                      /* Translators: a tab of the office PC's dashboard: every kiosk in the officers' file */
                                      "kiosks", _("Kiosks"), "computer-symbolic");
  g_signal_connect_object (self->dashboard, "loaded", G_CALLBACK (on_dashboard_loaded), self, G_CONNECT_DEFAULT);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->dashboard), "dashboard");
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  gtk_window_set_title (GTK_WINDOW (self), base);
  rahnuma_officer_dashboard_refresh (self->dashboard);
}

/**
 * rahnuma_office_window_open:
 * @path: an officers' file
 *
 * Opens @path read-only and shows it, or says why it cannot be; the window
 * is presented either way (the dashboard's once its numbers are in). A file
 * that opened is remembered for the next start.
 */
void
rahnuma_office_window_open (RahnumaOfficeWindow *self, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (RAHNUMA_IS_OFFICE_WINDOW (self));
  g_return_if_fail (path != NULL);

  store = rahnuma_store_new_full (path, RAHNUMA_STORE_READ_ONLY | RAHNUMA_STORE_SHARED, NULL, &error);
  if (store == NULL)
    {
      message = rahnuma_office_describe_open_error (path, error);
      g_message ("%s: %s", path, error->message);
      show_error (self, message);
      return;
    }
  g_set_object (&self->store, store);
  remember_file (path);
  show_dashboard (self, path);
}

static void
on_open_response (GtkNativeDialog *chooser, int response, RahnumaOfficeWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    rahnuma_office_window_open (self, path);
  g_object_unref (chooser);
}

/* GTK 4.8 has no GtkFileDialog: the native chooser (a portal where there is one). */
static void
office_open (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* Translators: title of the file chooser */
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open an officers’ file"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: a kind of file in the file chooser */
  gtk_file_filter_set_name (filter, _("Officers’ files"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), widget, G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ------------------------------------------------------------- */

static void
rahnuma_office_window_dispose (GObject *object)
{
  RahnumaOfficeWindow *self = RAHNUMA_OFFICE_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAHNUMA_TYPE_OFFICE_WINDOW);
  G_OBJECT_CLASS (rahnuma_office_window_parent_class)->dispose (object);
}

static void
rahnuma_office_window_finalize (GObject *object)
{
  g_free (RAHNUMA_OFFICE_WINDOW (object)->trust_file);
  g_free (RAHNUMA_OFFICE_WINDOW (object)->rates_file);
  G_OBJECT_CLASS (rahnuma_office_window_parent_class)->finalize (object);
}

static void
rahnuma_office_window_class_init (RahnumaOfficeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_office_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_office_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-office-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RahnumaOfficeWindow, status);
  gtk_widget_class_install_action (widget_class, "office.open", NULL, office_open);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "office.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
rahnuma_office_window_init (RahnumaOfficeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_office_window_new:
 * @app: the application
 *
 * Returns: (transfer full): a window with no file open, not yet shown
 */
RahnumaOfficeWindow *
rahnuma_office_window_new (AdwApplication *app)
{
  return g_object_new (RAHNUMA_TYPE_OFFICE_WINDOW, "application", app, NULL);
}

/**
 * rahnuma_office_window_set_trust_file:
 * @path: (nullable): the trust file for signed completion proofs (--trust);
 *   %NULL for trust.txt in the user's data folder (rahnuma_trust_default_path())
 *
 * In force for the next file opened.
 */
void
rahnuma_office_window_set_trust_file (RahnumaOfficeWindow *self,
                                      const char          *path)
{
  g_return_if_fail (RAHNUMA_IS_OFFICE_WINDOW (self));
  g_free (self->trust_file);
  self->trust_file = g_strdup (path);
}

/**
 * rahnuma_office_window_set_rates_file:
 * @path: (nullable): the exchange-rate file for the survey's cost ÷ wage
 *   (--rates); %NULL for rates.ini beside the officers' file, if present
 *
 * In force for the next file opened.
 */
void
rahnuma_office_window_set_rates_file (RahnumaOfficeWindow *self,
                                      const char          *path)
{
  g_return_if_fail (RAHNUMA_IS_OFFICE_WINDOW (self));
  g_free (self->rates_file);
  self->rates_file = g_strdup (path);
}
