/* test-ui-helpers.c — src/ui: the language switch and the idle watch, in process
 *
 * Needs a display: run by meson under xvfb-run (tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rahnuma-i18n.h"
#include "rahnuma-idle-watch.h"

/* A msgid that po/ur.po translates. */
#define QUESTION "Are you still there?"

/* The language changes while the program runs, without a restart, and the
 * catalogue gettext had cached for the previous one is not used. */
static void
test_switch_language (void)
{
  g_autofree char *english = NULL;
  g_autofree char *urdu = NULL;

  rahnuma_i18n_set_language ("en");
  english = g_strdup (_(QUESTION));
  g_assert_cmpstr (english, ==, QUESTION);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);

  rahnuma_i18n_set_language ("ur");
  urdu = g_strdup (_(QUESTION));
  g_assert_cmpstr (urdu, !=, QUESTION);
  g_assert_cmpstr (rahnuma_i18n_get_language (), ==, "ur");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ur");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  rahnuma_i18n_set_language ("en");
  g_assert_cmpstr (_(QUESTION), ==, QUESTION);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
}

static void
test_style_widget (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("x"));

  rahnuma_i18n_style_widget (label, "ur");
  g_assert_true (gtk_widget_has_css_class (label, "lang-ur"));
  rahnuma_i18n_style_widget (label, "ps");
  g_assert_false (gtk_widget_has_css_class (label, "lang-ur"));
  g_assert_true (gtk_widget_has_css_class (label, "lang-ps"));
  rahnuma_i18n_style_widget (label, NULL);
  g_assert_false (gtk_widget_has_css_class (label, "lang-ps"));
  g_assert_finalize_object (label);
}

typedef struct
{
  GMainLoop *loop;
  RahnumaIdleWatch *watch;
  gint64 started;   /* monotonic µs */
  gint64 timed_out; /* monotonic µs, 0 until then */
} IdleRun;

static void
on_timed_out (RahnumaIdleWatch *watch, IdleRun *run)
{
  run->timed_out = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static gboolean
on_note (gpointer user_data)
{
  IdleRun *run = user_data;

  rahnuma_idle_watch_note_activity (run->watch);
  return G_SOURCE_REMOVE;
}

static gboolean
on_give_up (gpointer user_data)
{
  g_main_loop_quit (((IdleRun *) user_data)->loop);
  return G_SOURCE_REMOVE;
}

static void
run_watch (IdleRun *run, guint note_after_ms, gboolean stop)
{
  GtkWidget *window = gtk_window_new ();

  run->loop = g_main_loop_new (NULL, FALSE);
  run->watch = rahnuma_idle_watch_new (window);
  g_signal_connect (run->watch, "timed-out", G_CALLBACK (on_timed_out), run);
  run->started = g_get_monotonic_time ();
  rahnuma_idle_watch_start (run->watch, 1);
  g_assert_true (rahnuma_idle_watch_is_running (run->watch));
  if (note_after_ms > 0)
    g_timeout_add (note_after_ms, on_note, run);
  if (stop)
    {
      rahnuma_idle_watch_stop (run->watch);
      g_timeout_add (2500, on_give_up, run);
    }
  g_main_loop_run (run->loop);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (run->watch);
  g_main_loop_unref (run->loop);
}

/* Nobody touches the window: timed out, not before the timeout, once. */
static void
test_idle_times_out (void)
{
  IdleRun run = { 0 };

  run_watch (&run, 0, FALSE);
  g_assert_cmpint (run.timed_out - run.started, >=, G_USEC_PER_SEC);
}

/* Activity half-way through counts from then: the timeout is a full one
 * after it. */
static void
test_idle_activity_postpones (void)
{
  IdleRun run = { 0 };

  run_watch (&run, 600, FALSE);
  g_assert_cmpint (run.timed_out - run.started, >=, 1600 * 1000);
}

/* A stopped watch never times out. */
static void
test_idle_stop (void)
{
  IdleRun run = { 0 };

  run_watch (&run, 0, TRUE);
  g_assert_cmpint (run.timed_out, ==, 0);
}

int
main (int argc, char **argv)
{
  rahnuma_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/ui/switch-language", test_switch_language);
  g_test_add_func ("/rahnuma/ui/style-widget", test_style_widget);
  g_test_add_func ("/rahnuma/ui/idle-times-out", test_idle_times_out);
  g_test_add_func ("/rahnuma/ui/idle-activity-postpones", test_idle_activity_postpones);
  g_test_add_func ("/rahnuma/ui/idle-stop", test_idle_stop);
  return g_test_run ();
}
