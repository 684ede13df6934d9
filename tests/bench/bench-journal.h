/* bench-journal.h — a year of visits for the benchmarks that read records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

void   bench_exec_or_die     (sqlite3    *db,
                              const char *sql);
void   bench_exec_int        (sqlite3    *db,
                              const char *sql,
                              gint64      value);
gint64 bench_count_sessions  (sqlite3    *db);
void   bench_replicate       (const char *path,
                              gint64      n_sessions);
void   bench_build_journal   (const char *path,
                              gint64      n_sessions,
                              guint       base_visits);

G_END_DECLS
