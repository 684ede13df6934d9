/* bench-language.c — the language switch, against a bare label text change
 *
 * Runs the real kiosk application in-process (linking the kiosk library,
 * --windowed, with the given modules and a fresh journal) and, N times,
 * goes from the language screen to a language: the time from activating
 * "kiosk.choose-language" to the first frame painted with the page that
 * follows the language, the choice of path after the hall briefing (issue
 * 20), as the stack's visible child (the whole window switches language and
 * direction, that page is built; the visit's start is committed on
 * a worker thread meanwhile, and the page takes touches once it is). The
 * window's 150 ms crossfade starts at that frame.
 * Then "kiosk.end-visit" (Home answered yes) for the next visitor, and the next language.
 *
 * The optional "about you" step (issue 19), which the "about-you" setting
 * puts between the language and the lessons on a real kiosk, is turned off
 * here, in the process's own memory settings backend: "language-switch"
 * and the language-to-lessons change below measure what they always have
 * (the whole window switching language, the lessons page built), not the
 * step's page and then a skip. (bench-visits goes through the step.)
 *
 * Baseline, in the same process and run: gtk_label_set_text() on a label in
 * a plain GtkWindow, to the first frame painted after it.
 *
 * Then, at each common kiosk screen size (1024x768, 1280x800, 1366x768,
 * 1920x1080, 1080x1920), the slowest screen change of a visit: language to
 * the choice of path, the full path to the lessons, lessons to a lesson, the lesson back to the lessons (each from
 * the action to the first frame painted with the new page), the median of
 * N rounds, against the same label change at that size.
 *
 * Prints the medians:
 *   language-switch  <switch> ms  <label change> ms  <ratio>x
 *   screen-change-<W>x<H>  <slowest change> ms  <label change> ms  <ratio>x
 *
 * Usage: bench-language [--runs N] MODULES_DIR   (needs a display)
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
#include "rahnuma-application.h"
#include "rahnuma-choice-page.h"
#include "rahnuma-i18n.h"
#include "rahnuma-language-page.h"
#include "rahnuma-lesson-page.h"
#include "rahnuma-lessons-page.h"
#include "rahnuma-welcome-page.h"
#include "rahnuma-window.h"


static int n_runs = 15;
static GArray *switch_ms;
static GArray *label_ms;
static const struct { int width, height; } sizes[] = {
  { 1024, 768 }, { 1280, 800 }, { 1366, 768 }, { 1920, 1080 }, { 1080, 1920 },
};
static GArray *change_ms[G_N_ELEMENTS (sizes)];
static GArray *change_label_ms[G_N_ELEMENTS (sizes)];
static guint kiosk_paints; /* frames painted, per window */
static guint bare_paints;

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  guint *n_paints = user_data;

  (*n_paints)++;
}

typedef struct
{
  guint *n_paints;
  guint before;
} PaintWait;

static gboolean
painted (gpointer data)
{
  PaintWait *wait = data;

  return *wait->n_paints > wait->before;
}

/* Waits for the next frame a window paints after this call. */
static void
wait_for_paint (guint *n_paints)
{
  PaintWait wait = { n_paints, *n_paints };

  bench_iterate_until (painted, &wait, "a frame");
}

static gboolean
shows_lessons (gpointer stack)
{
  return RAHNUMA_IS_LESSONS_PAGE (gtk_stack_get_visible_child (stack));
}

static gboolean
shows_path_choice (gpointer stack)
{
  return RAHNUMA_IS_CHOICE_PAGE (gtk_stack_get_visible_child (stack));
}

static gboolean
shows_language_page (gpointer stack)
{
  return RAHNUMA_IS_LANGUAGE_PAGE (gtk_stack_get_visible_child (stack)) &&
         gtk_widget_get_sensitive (GTK_WIDGET (stack)) &&
         !gtk_stack_get_transition_running (stack);
}

static gboolean
shows_welcome (gpointer stack)
{
  return RAHNUMA_IS_WELCOME_PAGE (gtk_stack_get_visible_child (stack)) &&
         gtk_widget_get_sensitive (GTK_WIDGET (stack)) &&
         !gtk_stack_get_transition_running (stack);
}

static void
connect_paints (GtkWidget *window, guint *n_paints)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), n_paints);
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a quarter of a second: the last round's frames,
 * transitions and journal steps are over before the next measurement. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The visit's start is committed (the stack takes touches again): only then
 * can a visitor, or this benchmark, leave the lessons page. */
static gboolean
takes_touches (gpointer stack)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (stack));
}

static double
time_language_switch (GtkWidget *window, GtkStack *stack, const char *code)
{
  gint64 t0 = g_get_monotonic_time ();
  double elapsed;

  gtk_widget_activate_action (window, "kiosk.choose-language", "s", code);
  bench_iterate_until (shows_path_choice, stack, "the choice of path");
  wait_for_paint (&kiosk_paints);
  elapsed = (g_get_monotonic_time () - t0) / 1000.0;
  bench_iterate_until (takes_touches, stack, "the visit's start committed");
  return elapsed;
}

static double
time_label_change (GtkLabel *label, guint run)
{
  g_autofree char *text = g_strdup_printf ("Your lessons %u", run);
  gint64 t0 = g_get_monotonic_time ();

  gtk_label_set_text (label, text);
  wait_for_paint (&bare_paints);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static GtkWidget *
bare_label_window (GtkLabel **label)
{
  GtkWidget *window = gtk_window_new ();

  *label = GTK_LABEL (gtk_label_new ("Your lessons"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*label));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void run_sizes (GtkWidget *window, GtkLabel *label);

static void
run_benchmark (GtkWidget *window)
{
  static const char *codes[] = { "ur", "ps", "pa_PK", "en" };
  GtkStack *stack = bench_find_stack (window);
  GtkWidget *bare;
  GtkLabel *label;

  g_assert_nonnull (stack);
  bench_iterate_until (is_mapped, window, "the kiosk window");
  bare = bare_label_window (&label);
  bench_iterate_until (is_mapped, bare, "the bare window");
  connect_paints (window, &kiosk_paints);
  connect_paints (bare, &bare_paints);

  /* One unmeasured round first: fonts and pages are loaded once. */
  for (int run = -1; run < n_runs; run++)
    {
      const char *code = codes[(run + 4) % G_N_ELEMENTS (codes)];
      double s, b;

      /* Both measured from a quiet main loop, on the language page. */
      gtk_widget_activate_action (window, "kiosk.start", NULL);
      bench_iterate_until (shows_language_page, stack, "the language page");
      settle ();
      b = time_label_change (label, (guint) (run + 1));
      settle ();
      s = time_language_switch (window, stack, code);

      if (run >= 0)
        {
          g_array_append_val (switch_ms, s);
          g_array_append_val (label_ms, b);
        }
      gtk_widget_activate_action (window, "kiosk.end-visit", NULL);
      bench_iterate_until (shows_welcome, stack, "the welcome page");
    }
  run_sizes (window, label);
  gtk_window_destroy (GTK_WINDOW (bare));
}

static gboolean
shows_lesson (gpointer stack)
{
  return RAHNUMA_IS_LESSON_PAGE (gtk_stack_get_visible_child (stack));
}

/* From @action to the first frame painted once @done holds. */
static double
time_change (GtkWidget *window, GtkStack *stack, const char *action, GVariant *target,
             gboolean (*done) (gpointer))
{
  gint64 t0 = g_get_monotonic_time ();

  gtk_widget_activate_action_variant (window, action, target);
  bench_iterate_until (done, stack, action);
  wait_for_paint (&kiosk_paints);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* The slowest of a visit's screen changes, at the window's size now. */
static double
time_slowest_change (GtkWidget *window, GtkStack *stack)
{
  RahnumaCatalog *catalog = rahnuma_application_get_catalog (RAHNUMA_APPLICATION (g_application_get_default ()));
  g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  double slowest;

  gtk_widget_activate_action (window, "kiosk.start", NULL);
  bench_iterate_until (shows_language_page, stack, "the language page");
  settle ();
  slowest = time_change (window, stack, "kiosk.choose-language", g_variant_new_string ("ur"), shows_path_choice);
  bench_iterate_until (takes_touches, stack, "the visit's start committed");
  settle ();
  slowest = MAX (slowest, time_change (window, stack, "kiosk.choose-path", g_variant_new_string ("full"),
                                       shows_lessons));
  settle ();
  slowest = MAX (slowest, time_change (window, stack, "kiosk.open-lesson",
                                       g_variant_new_string (rahnuma_module_get_id (module)), shows_lesson));
  settle ();
  slowest = MAX (slowest, time_change (window, stack, "kiosk.lessons", NULL, shows_lessons));
  gtk_widget_activate_action (window, "kiosk.end-visit", NULL);
  bench_iterate_until (shows_welcome, stack, "the welcome page");
  return slowest;
}

typedef struct
{
  GtkWidget *window;
  int width, height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  /* Within a few pixels: a window with no window manager keeps a frame. */
  return ABS (gtk_widget_get_width (wait->window) - wait->width) <= 12 &&
         ABS (gtk_widget_get_height (wait->window) - wait->height) <= 12;
}

static void
run_sizes (GtkWidget *window, GtkLabel *label)
{
  GtkStack *stack = bench_find_stack (window);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      SizeWait wait = { window, sizes[i].width, sizes[i].height };

      /* A shown GTK 4 window keeps its size: hidden, sized, shown again,
       * as a kiosk starts on a screen of that size. */
      gtk_widget_set_visible (window, FALSE);
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      gtk_window_present (GTK_WINDOW (window));
      bench_iterate_until (has_size, &wait, "the window's new size");
      change_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
      change_label_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
      for (int run = 0; run < MAX (3, n_runs / 3); run++)
        {
          double c = time_slowest_change (window, stack);
          double b;

          settle ();
          b = time_label_change (label, (guint) run);
          g_array_append_val (change_ms[i], c);
          g_array_append_val (change_label_ms[i], b);
        }
    }
}

/* No "about you" step between the language and the lessons (see the top).
 * The settings live in this process's memory backend, never the machine's. */
static void
turn_off_about_you (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.rahnuma.Kiosk", TRUE);
  if (schema == NULL)
    return; /* no settings at all: the kiosk leaves the step off */
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_boolean (settings, "about-you", FALSE);
}

static gboolean
start_benchmark (gpointer window)
{
  run_benchmark (window);
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
      g_idle_add (start_benchmark, window);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(RahnumaApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const char *modules;
  int status;
  double s, b;

  if (argc > 2 && strcmp (argv[1], "--runs") == 0)
    {
      n_runs = MAX (1, atoi (argv[2]));
      argv += 2;
      argc -= 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-language [--runs N] MODULES_DIR\n");
      return 2;
    }
  modules = argv[1];
  dir = g_dir_make_tmp ("rahnuma-bench-language-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "journal.db", NULL);
  switch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  label_ms = g_array_new (FALSE, FALSE, sizeof (double));

  turn_off_about_you ();
  rahnuma_i18n_init ();
  gst_init (NULL, NULL);
  app = rahnuma_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  {
    const char *args[] = { "bench-language", "--windowed", "--modules", modules, "--db", db,
                           "--centre", "BENCH", "--kiosk-id", "bench", NULL };

    status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (args) - 1, (char **) args);
  }
  if (status != 0 || switch_ms->len == 0)
    g_error ("the kiosk did not run the benchmark (exit status %d)", status);

  s = bench_median (switch_ms);
  b = bench_median (label_ms);
  printf ("%-26s %8.1f ms %8.1f ms  %.2fx\n", "language-switch", s, b, s / b);
  for (guint i = 0; i < G_N_ELEMENTS (sizes) && change_ms[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("screen-change-%dx%d", sizes[i].width, sizes[i].height);

      s = bench_median (change_ms[i]);
      b = bench_median (change_label_ms[i]);
      printf ("%-26s %8.1f ms %8.1f ms  %.2fx\n", name, s, b, s / b);
      g_array_unref (change_ms[i]);
      g_array_unref (change_label_ms[i]);
    }

  g_array_unref (switch_ms);
  g_array_unref (label_ms);
  g_clear_object (&app);
  bench_remove_dir (dir);
  return 0;
}
