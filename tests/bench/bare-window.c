/* bare-window.c — the baseline for the kiosk's start-up and idle memory
 *
 * An empty GTK 4 window of the kiosk window's default size, and nothing
 * else: what any GTK 4 program costs before it does anything. With
 * --quit-on-map it quits as soon as the window is mapped (for timing it by
 * hand, e.g. with hyperfine); otherwise it stays until it is killed, so its
 * memory can be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

static gboolean done;

static void
on_map (GtkWidget *window, gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    done = TRUE;
}

static void
on_destroy (GtkWidget *window, gpointer user_data)
{
  done = TRUE;
}

int
main (int argc, char **argv)
{
  gboolean quit_on_map = argc > 1 && strcmp (argv[1], "--quit-on-map") == 0;
  GtkWidget *window;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "bare-window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "map", G_CALLBACK (on_map), GINT_TO_POINTER (quit_on_map));
  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
