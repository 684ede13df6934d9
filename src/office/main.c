/* main.c — rahnuma-officer, the officers' file on the office PC
 *
 * rahnuma-officer [--trust FILE] [--rates FILE] [FILE]: opens FILE, or the officers' file opened last,
 * read-only (rahnuma-office-window.c). One window per run; a second
 * `rahnuma-officer FILE` while one runs opens FILE in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-office"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>

#include "rahnuma-i18n.h"
#include "rahnuma-office-window.h"
#include "rahnuma-officer-data.h"

/* The computer's language (LANGUAGE, LANG), unlike the kiosk's visitors'. */
static void
init_i18n (void)
{
  const char *messages = setlocale (LC_ALL, "");

  /* Without a UTF-8 locale, gettext ignores LANGUAGE. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  rahnuma_i18n_bind ();
  if (rahnuma_i18n_running_uninstalled () && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT G_DIR_SEPARATOR_S "data", TRUE);
}

static char *trust_file; /* --trust */
static char *rates_file; /* --rates */

static RahnumaOfficeWindow *
get_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const char *code = rahnuma_officer_ui_language ();

  if (window != NULL)
    return RAHNUMA_OFFICE_WINDOW (window);
  /* The kiosk's style sheet gives each script its font through lang-<code>. */
  rahnuma_i18n_set_direction (code);
  window = GTK_WINDOW (rahnuma_office_window_new (ADW_APPLICATION (app)));
  rahnuma_office_window_set_trust_file (RAHNUMA_OFFICE_WINDOW (window), trust_file);
  rahnuma_office_window_set_rates_file (RAHNUMA_OFFICE_WINDOW (window), rates_file);
  rahnuma_i18n_style_widget (GTK_WIDGET (window), code);
  return RAHNUMA_OFFICE_WINDOW (window);
}

static void
on_activate (GApplication *app)
{
  RahnumaOfficeWindow *window = get_window (app);
  g_autofree char *last = rahnuma_office_dup_last_file ();

  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (GTK_WINDOW (window));
  else if (last != NULL)
    rahnuma_office_window_open (window, last);
  else
    gtk_window_present (GTK_WINDOW (window));
}

static void
on_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  g_autofree char *path = g_file_get_path (files[0]);

  rahnuma_office_window_open (get_window (app), path != NULL ? path : g_file_peek_path (files[0]));
}

/* SIGTERM (a session ending, a test) closes the window and exits with 0. */
static gboolean
on_sigterm (gpointer app)
{
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static int
on_handle_local_options (GApplication *app, GVariantDict *options)
{
  g_variant_dict_lookup (options, "trust", "^ay", &trust_file);
  g_variant_dict_lookup (options, "rates", "^ay", &rates_file);
  return -1;
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    /* Translators: --trust FILE of rahnuma-officer */
    { "trust", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Trust file of kiosk public keys, to check signed completion proofs (default: trust.txt in "
         "~/.local/share/rahnuma)"), N_("FILE") },
    /* Translators: --rates FILE of rahnuma-officer */
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Exchange-rate file for the survey’s cost ÷ wage (default: rates.ini beside the officers’ file, "
         "if there is one)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(AdwApplication) app = NULL;
  int status;

  init_i18n ();
  /* Translators: the office PC program's name, in window lists */
  g_set_application_name (_("Rahnuma officers’ file"));
  app = adw_application_new (OFFICER_APP_ID, G_APPLICATION_HANDLES_OPEN);
  /* The kiosk's resources hold the dashboard and its style sheet (style.css, loaded by AdwApplication). */
  g_application_set_resource_base_path (G_APPLICATION (app), "/org/rahnuma/Kiosk");
  g_application_add_main_option_entries (G_APPLICATION (app), entries);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_signal_connect (app, "open", G_CALLBACK (on_open), NULL);
  g_unix_signal_add (SIGTERM, on_sigterm, app);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_clear_pointer (&trust_file, g_free);
  g_clear_pointer (&rates_file, g_free);
  return status;
}
