/* bench-startup.c — start to welcome screen, and memory at idle, against a
 * bare GTK 4 window, measured the same way in the same run
 *
 * Runs the real kiosk (--windowed, with the given modules and a fresh
 * journal) and tests/bench/bare-window alternately, each RUNS times, and
 * watches the X server (Xvfb in tests/bench/run-all) from outside:
 *
 *  - start: from the exec to the first paint of a mapped top-level window
 *    (the first XDamage report on it), i.e. the welcome screen on screen;
 *  - idle memory: VmRSS of the process IDLE_MS after that first paint.
 *
 * Prints the medians, one row each:
 *   start-to-welcome  <kiosk> ms  <bare window> ms  <ratio>x
 *   memory-idle       <kiosk> MiB <bare window> MiB <ratio>x
 *
 * Usage: bench-startup [--runs N] [--journal FILE [--unclean]] KIOSK BARE_WINDOW MODULES_DIR
 *
 * With --journal the kiosk opens FILE (a year-old journal made by
 * `rahnuma-admin simulate` in tests/bench/run-all) instead of a fresh one,
 * and the row is start-to-welcome-year-old-journal; with --unclean too, the
 * note of a clean stop is removed before each start, as after a power cut
 * (the integrity check then runs before the welcome screen), and the row is
 * start-to-welcome-after-power-cut (same journal). Memory is printed for
 * a fresh journal only.
 *
 * With --officer FILE, the program is rahnuma-officer (given in place of
 * KIOSK) on the officers' file FILE, and the row is officer-start-1M: from
 * the exec to the first paint of its window, which rahnuma-officer shows
 * only once the dashboard's first numbers are in (rahnuma-office-window.c).
 * Its remembered last file goes to a temporary XDG_CONFIG_HOME.
 *   officer-start-1M  <officer> ms  <bare window> ms  <ratio>x
 *   officer-memory-idle <officer> MiB <bare window> MiB <ratio>x
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bench-util.h"

#define RUN_TIMEOUT_US (60 * G_USEC_PER_SEC)
#define IDLE_MS        1500

typedef struct
{
  double start_ms;
  double rss_mib;
} Sample;

static Display *dpy;
static int damage_event_base;

/* Windows vanish between the event and our request: not an error here. */
static int
ignore_x_error (Display *display, XErrorEvent *event)
{
  return 0;
}

/* Waits for the next X event until @deadline (monotonic µs). */
static gboolean
next_event (XEvent *event, gint64 deadline)
{
  while (!XPending (dpy))
    {
      gint64 left = deadline - g_get_monotonic_time ();
      struct pollfd fd = { ConnectionNumber (dpy), POLLIN, 0 };

      if (left <= 0)
        return FALSE;
      poll (&fd, 1, (int) (left / 1000) + 1);
    }
  XNextEvent (dpy, event);
  return TRUE;
}

static double
read_rss_mib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
stop_child (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 50; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (100 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

/* Every new top-level window gets a damage watch as soon as it is created,
 * so its first paint cannot slip by before we look. Returns the time from
 * exec to the first paint of a mapped one, in ms, or -1 on timeout. */
static double
time_first_paint (const char * const *argv, GPid *pid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL);
  Window root = DefaultRootWindow (dpy);
  gint64 start, deadline;
  XEvent event;

  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSync (dpy, True);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  deadline = start + RUN_TIMEOUT_US;

  while (next_event (&event, deadline))
    {
      if (event.type == CreateNotify)
        XDamageCreate (dpy, event.xcreatewindow.window, XDamageReportNonEmpty);
      else if (event.type == MapNotify)
        g_hash_table_add (mapped, GSIZE_TO_POINTER (event.xmap.window));
      else if (event.type == damage_event_base + XDamageNotify)
        {
          XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;

          XDamageSubtract (dpy, damage->damage, None, None);
          if (g_hash_table_contains (mapped, GSIZE_TO_POINTER (damage->drawable)))
            return (g_get_monotonic_time () - start) / 1000.0;
        }
    }
  return -1;
}

static const char *unclean_note; /* removed before each start of the kiosk */

static Sample
run_once (const char * const *argv)
{
  Sample sample = { 0 };
  GPid pid = 0;
  gint64 idle_until;
  XEvent event;

  if (unclean_note != NULL && strstr (argv[0], "bare-window") == NULL)
    g_unlink (unclean_note);
  sample.start_ms = time_first_paint (argv, &pid);
  if (sample.start_ms < 0)
    {
      stop_child (pid);
      g_error ("%s: no window painted within %d s", argv[0], (int) (RUN_TIMEOUT_US / G_USEC_PER_SEC));
    }
  /* Idle: let it settle, draining events so the X connection keeps up. */
  idle_until = g_get_monotonic_time () + IDLE_MS * 1000;
  while (next_event (&event, idle_until))
    ;
  sample.rss_mib = read_rss_mib (pid);
  stop_child (pid);
  XSelectInput (dpy, DefaultRootWindow (dpy), NoEventMask);
  XSync (dpy, True);
  return sample;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GArray) kiosk_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) kiosk_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mib = g_array_new (FALSE, FALSE, sizeof (double));
  int runs = 9, first = 1, error_base;
  const char *officer_file = NULL;
  const char *journal = NULL;
  g_autofree char *note = NULL;
  gboolean unclean = FALSE;
  const char *row;
  double k, b;

  /* [--runs N] [--journal FILE [--unclean] | --officer FILE] */
  while (argc - first > 2 && g_str_has_prefix (argv[first], "--"))
    {
      if (strcmp (argv[first], "--unclean") == 0 && journal != NULL)
        {
          unclean = TRUE;
          first += 1;
          continue;
        }
      if (strcmp (argv[first], "--runs") == 0)
        runs = MAX (1, atoi (argv[first + 1]));
      else if (strcmp (argv[first], "--officer") == 0)
        officer_file = argv[first + 1];
      else if (strcmp (argv[first], "--journal") == 0)
        journal = argv[first + 1];
      else
        break;
      first += 2;
    }
  if (argc - first != (officer_file != NULL ? 2 : 3))
    {
      fprintf (stderr, "usage: %s [--runs N] [--journal FILE [--unclean]] KIOSK BARE_WINDOW MODULES_DIR\n"
                       "       %s [--runs N] --officer FILE RAHNUMA_OFFICER BARE_WINDOW\n", argv[0], argv[0]);
      return 2;
    }
  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    g_error ("cannot open the X display (run under Xvfb: tests/bench/run-all does)");
  if (!XDamageQueryExtension (dpy, &damage_event_base, &error_base))
    g_error ("the X server has no DAMAGE extension");
  XSetErrorHandler (ignore_x_error);

  dir = g_dir_make_tmp ("rahnuma-bench-startup-XXXXXX", NULL);
  db = journal != NULL ? g_strdup (journal) : g_build_filename (dir, "journal.db", NULL);
  note = g_strconcat (db, ".clean-stop", NULL);
  if (unclean)
    unclean_note = note;
  {
    const char *kiosk_argv[] = { argv[first], "--windowed", "--modules", argv[first + 2], "--db", db,
                                 "--centre", "BENCH", "--kiosk-id", "bench", NULL };
    const char *officer_argv[] = { argv[first], officer_file, NULL };
    const char * const *kiosk = officer_file != NULL ? officer_argv : kiosk_argv;
    const char *bare[] = { argv[first + 1], NULL };

    if (officer_file != NULL)
      g_setenv ("XDG_CONFIG_HOME", dir, TRUE);

    /* One unmeasured start of each, so both find the page cache warm. */
    run_once (kiosk);
    run_once (bare);
    for (int i = 0; i < runs; i++)
      {
        Sample s = run_once (kiosk);
        Sample t = run_once (bare);

        g_array_append_val (kiosk_ms, s.start_ms);
        g_array_append_val (kiosk_mib, s.rss_mib);
        g_array_append_val (bare_ms, t.start_ms);
        g_array_append_val (bare_mib, t.rss_mib);
      }
  }

  k = bench_median (kiosk_ms);
  b = bench_median (bare_ms);
  row = officer_file != NULL ? "officer-start-1M"
        : journal == NULL ? "start-to-welcome"
        : unclean ? "start-to-welcome-after-power-cut" : "start-to-welcome-year-old-journal";
  printf ("%-26s %8.1f ms %8.1f ms  %.2fx\n", row, k, b, k / b);
  k = bench_median (kiosk_mib);
  b = bench_median (bare_mib);
  if (officer_file != NULL)
    printf ("%-26s %8.1f MiB %7.1f MiB  %.2fx\n", "officer-memory-idle", k, b, k / b);
  else if (journal == NULL)
    printf ("%-26s %8.1f MiB %7.1f MiB  %.2fx\n", "memory-idle", k, b, k / b);

  bench_remove_dir (dir);
  XCloseDisplay (dpy);
  return 0;
}
