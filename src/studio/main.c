/* main.c — rahnuma-studio MODULE_DIR…, the trainers' narration studio
 * (issue 16 item 4; docs/trainers-guide.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <gst/gst.h>
#include <signal.h>

#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-studio-window.h"

static GStrv module_dirs;

/* The trainer's own language from the environment (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG) if Rahnuma speaks it, else English. */
static const char *
trainer_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (rahnuma_language_is_valid (names[i]))
      return rahnuma_language_lookup (names[i])->code;
  return "en";
}

/* SIGTERM (logging out, a test ending) closes the window, so an unsaved
 * take's temporary file is deleted. */
static gboolean
on_sigterm (gpointer app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      /* The kiosk's fonts per language (.lang-ur: Nastaliq, .lang-ps: Naskh). */
      gtk_css_provider_load_from_resource (provider, "/org/rahnuma/Kiosk/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      window = GTK_WINDOW (rahnuma_studio_window_new (ADW_APPLICATION (app), (const char * const *) module_dirs));
    }
  gtk_window_present (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  const char *language = trainer_language ();
  int status;

  rahnuma_i18n_init ();
  rahnuma_i18n_set_language (language);
  gst_init (&argc, &argv);
  if (argc < 2 || g_str_has_prefix (argv[1], "-"))
    {
      /* Translators: the usage of rahnuma-studio; MODULE_DIR is a lesson package folder */
      g_printerr (_("Usage: rahnuma-studio MODULE_DIR…\nRecord the narration of lesson packages.\n"));
      return 2;
    }
  module_dirs = g_strdupv (argv + 1);
  app = adw_application_new ("org.rahnuma.Studio", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_unix_signal_add (SIGTERM, on_sigterm, app);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_strfreev (module_dirs);
  return status;
}
