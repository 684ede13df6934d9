/* rahnuma-report.h — the summary an officer needs, with small cells suppressed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-hall-session.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

/* Cells counting fewer people than this are not shown. */
#define RAHNUMA_REPORT_MIN_CELL   5
#define RAHNUMA_REPORT_SUPPRESSED (-1)

typedef struct
{
  char   *key;      /* language code, module id or category value */
  gint64  count;    /* sessions (for modules, quizzes taken; for destination and sector, survey
                     * answers), or RAHNUMA_REPORT_SUPPRESSED */
  gint64  part;     /* of those, completed (for modules, passed), or RAHNUMA_REPORT_SUPPRESSED;
                     * -1 for destination and sector */
  double  watched;  /* modules only: mean fraction watched; otherwise, or suppressed, -1 */
} RahnumaReportRow;

typedef struct
{
  const char *name;      /* "language", "module", "gender", "destination", "sector" */
  const char *count_key; /* "sessions", "taken" or (destination, sector) "answers" */
  const char *part_key;  /* "completed", "passed", or NULL when there is no part */
  GPtrArray  *rows;      /* of RahnumaReportRow, largest first */
} RahnumaReportBreakdown;

typedef struct
{
  gint64     sessions;
  gint64     completed;
  gint64     abandoned;
  gint64     active;
  gint64     demo_sessions;
  gint64     wrong_clock_sessions; /* in the whole file, recorded with a wrong clock: in no range */
  gint64     quizzes_taken;
  gint64     quizzes_passed;
  RahnumaHallTotals hall; /* hall sessions on the days of the range, and the people in them (not hidden: counts an officer typed) */
  GPtrArray *breakdowns; /* of RahnumaReportBreakdown */
} RahnumaReport;

RahnumaReport *rahnuma_report_new      (RahnumaStore   *store,
                                        gint64          from,
                                        gint64          to,
                                        GError        **error);
void           rahnuma_report_free     (RahnumaReport  *report);

guint          rahnuma_report_suppress_cells (gint64 * const *cells,
                                              guint           n_cells);
gboolean       rahnuma_report_count_paths (RahnumaStore *store,
                                           gint64        from,
                                           gint64        to,
                                           gboolean      demo,
                                           gint64        counts[RAHNUMA_N_PATHS],
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaReport, rahnuma_report_free)

G_END_DECLS
