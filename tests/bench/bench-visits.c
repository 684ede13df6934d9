/* bench-visits.c — memory over hundreds of visits through the real window,
 * and a soak test that fails on a leaked visit object
 *
 * Runs the real kiosk application in-process (the kiosk library,
 * --windowed, a fresh journal, the given modules) and walks N visits
 * through the window's own actions, as the pages' buttons do: "kiosk.start",
 * "kiosk.choose-language" (the four languages in turn), "kiosk.choose-path"
 * "full" (the choice after the language, issue 20), the "about you"
 * step (issue 19; the "about-you" setting, on by default) left by its page's
 * "about.skip-all", as its "Skip all" button does, "kiosk.open-lesson"
 * (the first lesson: its page and player are built, its first scene starts),
 * "kiosk.lessons", then "kiosk.end-visit" (the visit recorded abandoned, the
 * kiosk ready for the next visitor). Each step waits for its page and for
 * the journal's commit, like a visitor who taps once the screen is ready.
 * The step's page is built and dropped in every visit, as on a real kiosk,
 * so memory-after-300-real-visits counts it since the step is on by default.
 *
 * Each visit's GObjects (its RahnumaVisit, from rahnuma_window_get_visit(),
 * and the about, lessons and lesson pages it showed) are followed with
 * g_object_weak_ref(): once the welcome screen is back, none may be alive.
 * (GObject's instance counters would do, but Debian's GLib is built
 * without them.)
 *
 * Usage:
 *   bench-visits [--visits N] MODULES_DIR
 *     prints  memory-after-300-real-visits  <RSS after N> MiB  <RSS after 30> MiB  <ratio>x
 *     (the row is named after N) and fails if a visit object leaked;
 *   bench-visits --soak N MODULES_DIR
 *     the soak test (tests/meson.build): N visits, fails on a leaked
 *     visit object, prints nothing but TAP-less progress.
 * Needs a display (Xvfb in tests/bench/run-all and the ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-kiosk.h"
#include "bench-util.h"
#include "rahnuma-about-page.h"
#include "rahnuma-application.h"
#include "rahnuma-choice-page.h"
#include "rahnuma-i18n.h"
#include "rahnuma-lesson-page.h"
#include "rahnuma-lessons-page.h"
#include "rahnuma-welcome-page.h"
#include "rahnuma-window.h"

#define EARLY_VISITS 30

static guint n_visits = 300;
static gboolean soak;
static double rss_early, rss_late;
static guint n_leaked;
static guint n_done;

/* The page of @type on screen, touchable (no step in flight), settled. */
typedef struct
{
  GtkStack *stack;
  GType type;
} PageWait;

static gboolean
shows_ready (gpointer data)
{
  PageWait *wait = data;
  GtkWidget *child = gtk_stack_get_visible_child (wait->stack);

  return child != NULL && G_TYPE_CHECK_INSTANCE_TYPE (child, wait->type) &&
         gtk_widget_get_sensitive (GTK_WIDGET (wait->stack)) &&
         !gtk_stack_get_transition_running (wait->stack);
}

static void
wait_for_page (GtkStack *stack, GType type)
{
  PageWait wait = { stack, type };

  bench_iterate_until (shows_ready, &wait, g_type_name (type));
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets idles, frames and finished tasks run their course. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint n_followed, n_finalized;

static void
on_finalized (gpointer data, GObject *where_the_object_was)
{
  n_finalized++;
}

static void
follow (gpointer object)
{
  g_assert_nonnull (object);
  g_object_weak_ref (object, on_finalized, NULL);
  n_followed++;
}

static guint
count_live (void)
{
  return n_followed - n_finalized;
}

static void
walk_visit (GtkWidget *window, GtkStack *stack, const char *language, const char *lesson)
{
  gtk_widget_activate_action (window, "kiosk.start", NULL);
  gtk_widget_activate_action (window, "kiosk.choose-language", "s", language);
  wait_for_page (stack, RAHNUMA_TYPE_CHOICE_PAGE);
  gtk_widget_activate_action (window, "kiosk.choose-path", "s", "full");
  wait_for_page (stack, RAHNUMA_TYPE_ABOUT_PAGE);
  follow (rahnuma_window_get_visit (RAHNUMA_WINDOW (window)));
  follow (gtk_stack_get_visible_child (stack));
  gtk_widget_activate_action (gtk_stack_get_visible_child (stack), "about.skip-all", NULL);
  wait_for_page (stack, RAHNUMA_TYPE_LESSONS_PAGE);
  follow (gtk_stack_get_visible_child (stack));
  gtk_widget_activate_action (window, "kiosk.open-lesson", "s", lesson);
  wait_for_page (stack, RAHNUMA_TYPE_LESSON_PAGE);
  follow (gtk_stack_get_visible_child (stack));
  settle (50); /* the first scene starts */
  gtk_widget_activate_action (window, "kiosk.lessons", NULL);
  wait_for_page (stack, RAHNUMA_TYPE_LESSONS_PAGE);
  gtk_widget_activate_action (window, "kiosk.end-visit", NULL);
  wait_for_page (stack, RAHNUMA_TYPE_WELCOME_PAGE);
  settle (20);
}

static void
run_visits (GtkWidget *window)
{
  static const char *codes[] = { "ur", "ps", "pa_PK", "en" };
  RahnumaApplication *app = RAHNUMA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr(RahnumaModule) first = g_list_model_get_item (G_LIST_MODEL (rahnuma_application_get_catalog (app)), 0);
  GtkStack *stack = bench_find_stack (window);

  g_assert_nonnull (first);
  g_assert_nonnull (stack);
  wait_for_page (stack, RAHNUMA_TYPE_WELCOME_PAGE);
  for (guint i = 1; i <= n_visits; i++)
    {
      guint live;

      walk_visit (window, stack, codes[i % G_N_ELEMENTS (codes)], rahnuma_module_get_id (first));
      live = count_live ();
      if (live > 0)
        {
          g_printerr ("visit %u: %u object(s) of finished visits still alive at the welcome screen\n", i, live);
          n_leaked = MAX (n_leaked, live);
        }
      if (i == EARLY_VISITS)
        rss_early = bench_rss_mib ();
      if (!soak && i % EARLY_VISITS == 0) /* the shape of the growth, if any */
        printf ("# RSS after %u visits: %.1f MiB\n", i, bench_rss_mib ());
      n_done = i;
    }
  rss_late = bench_rss_mib ();
}

static gboolean
start_visits (gpointer window)
{
  run_visits (window);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, gpointer user_data)
{
  static gboolean started;

  if (!started && RAHNUMA_IS_WINDOW (window))
    {
      started = TRUE;
      g_idle_add (start_visits, window);
    }
}

static int
run_kiosk (const char *modules, const char *db)
{
  g_autoptr(RahnumaApplication) app = NULL;
  const char *args[] = { "bench-visits", "--windowed", "--modules", modules, "--db", db,
                         "--centre", "BENCH", "--kiosk-id", "bench", NULL };

  rahnuma_i18n_init ();
  gst_init (NULL, NULL);
  app = rahnuma_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (args) - 1, (char **) args);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *name = NULL;
  int status;

  if (argc == 4 && (strcmp (argv[1], "--visits") == 0 || strcmp (argv[1], "--soak") == 0))
    {
      soak = strcmp (argv[1], "--soak") == 0;
      n_visits = MAX (1, atoi (argv[2]));
      argv += 2;
      argc -= 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-visits [--visits N | --soak N] MODULES_DIR\n");
      return 2;
    }
  dir = g_dir_make_tmp ("rahnuma-bench-visits-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "journal.db", NULL);
  status = run_kiosk (argv[1], db);
  bench_remove_dir (dir);
  if (status != 0 || n_done != n_visits)
    g_error ("the kiosk walked %u of %u visits (exit status %d)", n_done, n_visits, status);
  if (n_leaked > 0)
    {
      fprintf (stderr, "FAIL: visit objects outlived their visit (up to %u at once)\n", n_leaked);
      return 1;
    }
  if (soak)
    {
      printf ("%u visits through the window, no visit object left alive\n", n_visits);
      return 0;
    }
  name = g_strdup_printf ("memory-after-%u-real-visits", n_visits);
  printf ("%-26s %8.1f MiB %7.1f MiB  %.2fx\n", name, rss_late, rss_early, rss_late / rss_early);
  return 0;
}
