/* bench-kiosk.h — driving the kiosk window in process, for bench-language
 * and bench-visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      bench_iterate_until (gboolean   (*done) (gpointer data),
                               gpointer     data,
                               const char  *what);
GtkStack *bench_find_stack    (GtkWidget   *widget);

G_END_DECLS
