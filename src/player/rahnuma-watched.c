/* rahnuma-watched.c — which parts of a scene were actually played
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-player"

#include "rahnuma-watched.h"

typedef struct
{
  gint64 start;
  gint64 end;
} Interval;

struct _RahnumaWatched
{
  GArray *intervals; /* of Interval: sorted by start, disjoint, not touching */
};

/**
 * rahnuma_watched_new:
 *
 * Returns: (transfer full): an empty record of played intervals
 */
RahnumaWatched *
rahnuma_watched_new (void)
{
  RahnumaWatched *watched = g_new0 (RahnumaWatched, 1);

  watched->intervals = g_array_new (FALSE, FALSE, sizeof (Interval));
  return watched;
}

/**
 * rahnuma_watched_free:
 * @watched: (nullable) (transfer full): from rahnuma_watched_new()
 *
 * Frees @watched; %NULL is allowed.
 */
void
rahnuma_watched_free (RahnumaWatched *watched)
{
  if (watched == NULL)
    return;
  g_array_unref (watched->intervals);
  g_free (watched);
}

/**
 * rahnuma_watched_clear:
 * @watched: a #RahnumaWatched
 *
 * Forgets every part watched: a new scene starts.
 */
void
rahnuma_watched_clear (RahnumaWatched *watched)
{
  g_return_if_fail (watched != NULL);

  g_array_set_size (watched->intervals, 0);
}

/**
 * rahnuma_watched_add:
 * @watched: a #RahnumaWatched
 * @start: where the played part starts, in nanoseconds
 * @end: where it ends
 *
 * Records [@start, @end) as played, merging it with the parts it overlaps
 * or touches.
 */
void
rahnuma_watched_add (RahnumaWatched *watched,
                     gint64          start,
                     gint64          end)
{
  GArray *intervals;
  Interval merged = { start, end };
  guint i = 0;

  g_return_if_fail (watched != NULL);

  if (start < 0 || end <= start)
    return;
  intervals = watched->intervals;
  while (i < intervals->len && g_array_index (intervals, Interval, i).end < start)
    i++;
  while (i < intervals->len && g_array_index (intervals, Interval, i).start <= end)
    {
      Interval *old = &g_array_index (intervals, Interval, i);

      merged.start = MIN (merged.start, old->start);
      merged.end = MAX (merged.end, old->end);
      g_array_remove_index (intervals, i);
    }
  g_array_insert_val (intervals, i, merged);
}

/**
 * rahnuma_watched_total:
 * @watched: a #RahnumaWatched
 *
 * Returns: nanoseconds played, each part of the timeline counted once
 */
gint64
rahnuma_watched_total (RahnumaWatched *watched)
{
  gint64 total = 0;

  g_return_val_if_fail (watched != NULL, 0);

  for (guint i = 0; i < watched->intervals->len; i++)
    {
      Interval *part = &g_array_index (watched->intervals, Interval, i);

      total += part->end - part->start;
    }
  return total;
}
