/* bench-kiosk.c — driving the kiosk window in process, for bench-language
 * and bench-visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-kiosk.h"

/* A step that takes longer is a hang, not a slow kiosk. */
#define STEP_TIMEOUT_US (30 * G_USEC_PER_SEC)

/**
 * bench_iterate_until:
 * @done: whether the step is over
 * @data: what @done is given
 * @what: the step, for the message when it hangs
 *
 * Runs the main loop until @done says so; after 30 s without, ends the
 * benchmark (g_error()).
 */
void
bench_iterate_until (gboolean (*done) (gpointer data), gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + STEP_TIMEOUT_US;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

/**
 * bench_find_stack:
 * @widget: the kiosk window, or any widget
 *
 * Returns: (transfer none) (nullable): the first #GtkStack at or below
 *   @widget (the window's stack of pages)
 */
GtkStack *
bench_find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = bench_find_stack (child);

      if (stack != NULL)
        return stack;
    }
  return NULL;
}
