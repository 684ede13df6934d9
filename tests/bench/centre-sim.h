/* centre-sim.h — the queues of a briefing centre's day, as pure functions:
 * arrivals, hall seats, kiosks (tests/bench/bench-centre-day.c uses them,
 * tests/test-centre-sim.c checks them)
 *
 * Times are in minutes from the centre's opening.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   centre_sim_arrivals        (GRand        *rand,
                                   const double *weights,
                                   guint         n_periods,
                                   double        period,
                                   double       *arrive,
                                   guint         n);
double centre_sim_hall_seat       (const double *arrive,
                                   guint         n,
                                   guint         n_halls,
                                   guint         seats,
                                   double        period,
                                   double       *start);
double centre_sim_max_wait        (const double *arrive,
                                   const double *waited,
                                   guint         n,
                                   double        service,
                                   guint         n_servers);
guint  centre_sim_min_servers     (const double *arrive,
                                   const double *waited,
                                   guint         n,
                                   double        service,
                                   double        max_wait,
                                   guint         max_servers);

G_END_DECLS
