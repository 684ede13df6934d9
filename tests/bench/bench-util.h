/* bench-util.h — what every benchmark of tests/bench needs: medians,
 * memory, a scratch folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_median      (GArray     *values);
double bench_rss_mib     (void);
void   bench_remove_dir  (const char *dir);

G_END_DECLS
