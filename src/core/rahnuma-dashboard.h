/* rahnuma-dashboard.h — the numbers behind the officers' dashboard charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-report.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

/* One bar of a chart. A count under RAHNUMA_REPORT_MIN_CELL (but not 0) is
 * RAHNUMA_REPORT_SUPPRESSED, and so is everything derived from it. */
typedef struct
{
  char   *key;   /* "2026-11-24", "09", a module id, "contract#3" */
  gint64  count; /* visitors, quizzes taken, or times a question was asked */
  gint64  part;  /* completed, passed, or times it was missed */
  double  score; /* modules: mean share of questions right (0–1); else -1 */
} RahnumaDashboardBar;

typedef enum
{
  RAHNUMA_DASHBOARD_PER_DAY,    /* visitors and completed, per local day */
  RAHNUMA_DASHBOARD_PER_HOUR,   /* visitors and completed, per local hour of day (24 bars) */
  RAHNUMA_DASHBOARD_PER_MODULE, /* quizzes taken, passed and mean score, per module */
  RAHNUMA_DASHBOARD_MISSED,     /* the questions most often answered wrong, worst first */
  RAHNUMA_DASHBOARD_BY_LANGUAGE, /* visitors and completed, largest first */
  RAHNUMA_DASHBOARD_BY_GENDER,
  RAHNUMA_DASHBOARD_BY_DESTINATION, /* survey answers (not visits) in the ISO weeks the range
                                     * touches, largest first; part -1 (no completion) */
} RahnumaDashboardChart;

#define RAHNUMA_DASHBOARD_N_CHARTS (RAHNUMA_DASHBOARD_BY_DESTINATION + 1)

/* The centre's time zone when none is set: Pakistan Standard Time, with no
 * daylight saving time (tz database, Asia/Karachi). */
#define RAHNUMA_DEFAULT_TIME_ZONE "Asia/Karachi"

/* Totals over a range: not suppressed (they are not a breakdown). */
typedef struct
{
  gint64 sessions;
  gint64 completed;
  gint64 abandoned;
  gint64 demo_sessions;
  gint64 quizzes_taken;
  gint64 quizzes_passed;
  gint64 wrong_clock_sessions; /* recorded with a wrong clock, in the whole file: in no range */
  gint64 paths[RAHNUMA_N_PATHS]; /* visits by RahnumaVisitPath, demo ones too (issue 20) */
} RahnumaDashboardTotals;

gboolean   rahnuma_dashboard_prepare   (RahnumaStore          *store,
                                        int                    utc_offset,
                                        GError               **error);
gboolean   rahnuma_dashboard_keep_current (RahnumaStore       *store,
                                           GError            **error);
int        rahnuma_dashboard_zone_offset  (const char         *zone_id,
                                           gint64              unix_seconds);
gboolean   rahnuma_dashboard_totals    (RahnumaStore          *store,
                                        gint64                 from,
                                        gint64                 to,
                                        int                    utc_offset,
                                        RahnumaDashboardTotals *totals,
                                        GError               **error);
GPtrArray *rahnuma_dashboard_chart     (RahnumaStore          *store,
                                        RahnumaDashboardChart  chart,
                                        gint64                 from,
                                        gint64                 to,
                                        int                    utc_offset,
                                        GError               **error);
gboolean   rahnuma_dashboard_last_sync (RahnumaStore          *store,
                                        const char            *target_path,
                                        gint64                *synced_at,
                                        GError               **error);
gboolean   rahnuma_dashboard_count_rejected (RahnumaStore     *store,
                                        const char            *target_path,
                                        gint64                *n_rejected,
                                        GError               **error);
gboolean   rahnuma_dashboard_get_span  (RahnumaStore          *store,
                                        gint64                 from,
                                        gint64                 to,
                                        gint64                *first,
                                        gint64                *last,
                                        GError               **error);
gint64     rahnuma_dashboard_day_start (gint64                 unix_seconds,
                                        int                    utc_offset);

G_END_DECLS
