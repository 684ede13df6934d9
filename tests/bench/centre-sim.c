/* centre-sim.c — the queues of a briefing centre's day, as pure functions
 *
 * A discrete-event model small enough to check by hand: workers arrive at
 * given times; a hall seats them in sessions that start on a fixed
 * schedule; kiosks serve them first come, first served, each worker taking
 * the kiosk that is free first. Only GLib; no clock, no files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include "centre-sim.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The period @weights picks for @r in [0, 1): weights need not sum to 1. */
static guint
pick_period (const double *weights, guint n_periods, double r)
{
  double total = 0, sum = 0;

  for (guint p = 0; p < n_periods; p++)
    total += weights[p];
  for (guint p = 0; p + 1 < n_periods; p++)
    {
      sum += weights[p];
      if (r * total < sum)
        return p;
    }
  return n_periods - 1;
}

/**
 * centre_sim_arrivals:
 * @rand: the generator; a seeded one gives the same day every run
 * @weights: (array length=n_periods): each period's share of the day's
 *   arrivals (relative; any positive numbers)
 * @n_periods: how many periods the day has, at least one
 * @period: each period's length, in minutes
 * @arrive: (out caller-allocates) (array length=n): the arrival times, in
 *   minutes from opening, sorted
 * @n: how many workers arrive
 *
 * A Poisson process whose rate is constant within each period and
 * proportional to its weight, given that @n workers come in the day: then
 * each arrival is independently in period p with probability weight p /
 * total, at a uniform time within it (the order-statistics property of the
 * Poisson process).
 */
void
centre_sim_arrivals (GRand *rand, const double *weights, guint n_periods, double period,
                     double *arrive, guint n)
{
  g_return_if_fail (rand != NULL && weights != NULL && n_periods > 0 && period > 0);
  g_return_if_fail (arrive != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      guint p = pick_period (weights, n_periods, g_rand_double (rand));

      arrive[i] = (p + g_rand_double (rand)) * period;
    }
  qsort (arrive, n, sizeof *arrive, (int (*) (const void *, const void *)) compare_doubles);
}

/**
 * centre_sim_hall_seat:
 * @arrive: (array length=n): arrival times in minutes, sorted
 * @n: how many workers
 * @n_halls: halls, at least one
 * @seats: seats per hall session, at least one
 * @period: how often each hall starts a session, in minutes (the
 *   session's length plus the change-over)
 * @start: (out caller-allocates) (array length=n): when each worker's
 *   session starts
 *
 * Seats each worker, in order of arrival, in the first session that starts
 * at or after the arrival and still has a free seat. The halls take turns:
 * a session starts somewhere every @period / @n_halls minutes from
 * opening, so session j starts at j × @period / @n_halls. Sessions go on
 * until everyone is seated.
 *
 * Returns: the longest wait for a session, in minutes
 */
double
centre_sim_hall_seat (const double *arrive, guint n, guint n_halls, guint seats, double period,
                      double *start)
{
  double gap = period / MAX (n_halls, 1), longest = 0;
  guint64 session = 0;
  guint taken = 0;

  g_return_val_if_fail (n_halls > 0 && seats > 0 && period > 0, 0);

  for (guint i = 0; i < n; i++)
    {
      guint64 first = (guint64) ceil (arrive[i] / gap);

      if (first > session)
        session = first, taken = 0;
      if (taken == seats)
        session++, taken = 0;
      taken++;
      start[i] = (double) session * gap;
      longest = MAX (longest, start[i] - arrive[i]);
    }
  return longest;
}

/**
 * centre_sim_max_wait:
 * @arrive: (array length=n): when each worker comes to the kiosks, in
 *   minutes, sorted
 * @waited: (nullable) (array length=n): minutes each has already waited
 *   before (for a hall session), added to the kiosk wait; %NULL for none
 * @n: how many workers
 * @service: minutes each worker uses a kiosk
 * @n_servers: kiosks, at least one
 *
 * First come, first served: each worker, in order of arrival, takes the
 * kiosk that is free first, as soon as it is free.
 *
 * Returns: the longest wait (kiosk wait plus @waited), in minutes
 */
double
centre_sim_max_wait (const double *arrive, const double *waited, guint n, double service,
                     guint n_servers)
{
  g_autofree double *free_at = NULL;
  double longest = 0;

  g_return_val_if_fail (n_servers > 0, INFINITY);

  free_at = g_new0 (double, n_servers);
  for (guint i = 0; i < n; i++)
    {
      guint first = 0;
      double begin;

      for (guint k = 1; k < n_servers; k++)
        if (free_at[k] < free_at[first])
          first = k;
      begin = MAX (arrive[i], free_at[first]);
      free_at[first] = begin + service;
      longest = MAX (longest, begin - arrive[i] + (waited != NULL ? waited[i] : 0));
    }
  return longest;
}

/**
 * centre_sim_min_servers:
 * @arrive: (array length=n): as for centre_sim_max_wait()
 * @waited: (nullable) (array length=n): as for centre_sim_max_wait()
 * @n: how many workers
 * @service: minutes each worker uses a kiosk
 * @max_wait: the longest wait allowed, in minutes
 * @max_servers: the most kiosks to try
 *
 * Tries 1, 2, … @max_servers kiosks in turn.
 *
 * Returns: the fewest kiosks with which nobody waits longer than
 *   @max_wait, or 0 if even @max_servers are not enough
 */
guint
centre_sim_min_servers (const double *arrive, const double *waited, guint n, double service,
                        double max_wait, guint max_servers)
{
  for (guint k = 1; k <= max_servers; k++)
    if (centre_sim_max_wait (arrive, waited, n, service, k) <= max_wait)
      return k;
  return 0;
}
