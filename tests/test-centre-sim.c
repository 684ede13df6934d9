/* test-centre-sim.c — the centre-day benchmark's queues
 * (tests/bench/centre-sim.c), on days small enough to work out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "bench/centre-sim.h"

/* One kiosk, a worker every minute, 2 minutes each: the k-th (from 0)
 * starts at 2k and came at k, so waits k minutes. */
static void
test_one_kiosk_by_hand (void)
{
  const double arrive[] = { 0, 1, 2, 3, 4 };
  const double waited[] = { 0, 0, 0, 0, 10 };

  g_assert_cmpfloat_with_epsilon (centre_sim_max_wait (arrive, NULL, 5, 2, 1), 4, 1e-9);
  /* Two kiosks: 0 and 1 at once, 2 at 2 (free from 2), 3 at 3, 4 at 4. */
  g_assert_cmpfloat_with_epsilon (centre_sim_max_wait (arrive, NULL, 5, 2, 2), 0, 1e-9);
  /* 1.5 minutes on one kiosk: starts 0, 1.5, 3, 4.5, 6; waits 0 … 2. */
  g_assert_cmpfloat_with_epsilon (centre_sim_max_wait (arrive, NULL, 5, 1.5, 1), 2, 1e-9);
  /* A wait before the kiosks counts too: the last waited 10, then 4. */
  g_assert_cmpfloat_with_epsilon (centre_sim_max_wait (arrive, waited, 5, 2, 1), 14, 1e-9);
}

/* Everyone at once on 3 kiosks, 10 minutes each: waves of 3. */
static void
test_batch_by_hand (void)
{
  double arrive[7] = { 0 };

  g_assert_cmpfloat_with_epsilon (centre_sim_max_wait (arrive, NULL, 7, 10, 3), 20, 1e-9);
  g_assert_cmpuint (centre_sim_min_servers (arrive, NULL, 7, 10, 20, 50), ==, 3);
  g_assert_cmpuint (centre_sim_min_servers (arrive, NULL, 7, 10, 19.9, 50), ==, 4);
  g_assert_cmpuint (centre_sim_min_servers (arrive, NULL, 7, 10, 0, 50), ==, 7);
  g_assert_cmpuint (centre_sim_min_servers (arrive, NULL, 7, 10, 0, 6), ==, 0);
}

static double *
random_day (guint32 seed, guint n)
{
  static const double weights[] = { 3, 2, 1, 1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double *arrive = g_new (double, n);

  centre_sim_arrivals (rand, weights, G_N_ELEMENTS (weights), 60, arrive, n);
  return arrive;
}

/* On random days, a kiosk more never makes the longest wait longer, and
 * the search's answer is enough while one fewer is not. */
static void
test_more_kiosks_never_worse (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree double *arrive = random_day (seed, 300);
      double before = INFINITY;
      guint k;

      for (k = 1; k <= 40; k++)
        {
          double wait = centre_sim_max_wait (arrive, NULL, 300, 7.5, k);

          g_assert_cmpfloat (wait, <=, before);
          before = wait;
        }
      k = centre_sim_min_servers (arrive, NULL, 300, 7.5, 15, 100);
      g_assert_cmpuint (k, >, 1);
      g_assert_cmpfloat (centre_sim_max_wait (arrive, NULL, 300, 7.5, k), <=, 15);
      g_assert_cmpfloat (centre_sim_max_wait (arrive, NULL, 300, 7.5, k - 1), >, 15);
    }
}

/* The same seed gives the same sorted day within the opening hours; the
 * weights shape it (3 of 7 in the first of 4 hours). */
static void
test_arrivals (void)
{
  g_autofree double *a = random_day (7, 7000);
  g_autofree double *b = random_day (7, 7000);
  guint first_hour = 0;

  for (guint i = 0; i < 7000; i++)
    {
      g_assert_cmpfloat (a[i], ==, b[i]);
      g_assert_cmpfloat (a[i], >=, 0);
      g_assert_cmpfloat (a[i], <, 240);
      if (i > 0)
        g_assert_cmpfloat (a[i - 1], <=, a[i]);
      first_hour += a[i] < 60;
    }
  g_assert_cmpuint (first_hour, >, 2800);
  g_assert_cmpuint (first_hour, <, 3200);
}

/* One hall of 2 seats every 10 minutes; then two halls take turns (a
 * session every 5 minutes). */
static void
test_hall_by_hand (void)
{
  const double arrive[] = { 0, 0, 0, 5, 12, 12.5 };
  double start[6];

  g_assert_cmpfloat_with_epsilon (centre_sim_hall_seat (arrive, 6, 1, 2, 10, start), 10, 1e-9);
  g_assert_cmpfloat (start[0], ==, 0);
  g_assert_cmpfloat (start[1], ==, 0);
  g_assert_cmpfloat (start[2], ==, 10);
  g_assert_cmpfloat (start[3], ==, 10);
  g_assert_cmpfloat (start[4], ==, 20);
  g_assert_cmpfloat (start[5], ==, 20);

  g_assert_cmpfloat_with_epsilon (centre_sim_hall_seat (arrive, 6, 2, 2, 10, start), 5, 1e-9);
  g_assert_cmpfloat (start[2], ==, 5);
  g_assert_cmpfloat (start[3], ==, 5);
  g_assert_cmpfloat (start[4], ==, 15);
  g_assert_cmpfloat (start[5], ==, 15);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/centre-sim/one-kiosk", test_one_kiosk_by_hand);
  g_test_add_func ("/centre-sim/batch", test_batch_by_hand);
  g_test_add_func ("/centre-sim/more-kiosks", test_more_kiosks_never_worse);
  g_test_add_func ("/centre-sim/arrivals", test_arrivals);
  g_test_add_func ("/centre-sim/hall", test_hall_by_hand);
  return g_test_run ();
}
