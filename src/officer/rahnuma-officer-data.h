/* rahnuma-officer-data.h — everything one dashboard view or printed report shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-catalog.h"
#include "rahnuma-dashboard.h"
#include "rahnuma-report.h"
#include "rahnuma-hall-session.h"
#include "rahnuma-survey.h"

G_BEGIN_DECLS


typedef struct
{
  gint64         from;       /* first local day shown, unix time of its start */
  gint64         to;         /* start of the day after the last one */
  int            utc_offset;
  RahnumaDashboardTotals today; /* today's totals */
  RahnumaDashboardTotals range; /* totals over [from, to) */
  GPtrArray     *charts[RAHNUMA_DASHBOARD_N_CHARTS]; /* by RahnumaDashboardChart, over [from, to) */
  RahnumaSurveyReport *survey; /* the anonymous survey over the weeks of [from, to) */
  char          *rates_problem; /* nullable: why the survey was read without exchange rates, translated */
  gint64         paths[RAHNUMA_N_PATHS]; /* visits over [from, to) by RahnumaVisitPath, demo ones too */
  RahnumaHallTotals hall;     /* hall sessions on the days of [from, to), and the people in them */
} RahnumaOfficerData;

RahnumaOfficerData *rahnuma_officer_data_new         (RahnumaStore        *store,
                                                      gint64               from,
                                                      gint64               to,
                                                      gint64               now,
                                                      int                  utc_offset,
                                                      const char          *rates_path,
                                                      GError             **error);
RahnumaOfficerData *rahnuma_officer_data_ref         (RahnumaOfficerData  *data);
void                rahnuma_officer_data_free        (RahnumaOfficerData  *data);
void                rahnuma_officer_data_new_async   (RahnumaStore        *store,
                                                      gint64               from,
                                                      gint64               to,
                                                      const char          *rates_path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
RahnumaOfficerData *rahnuma_officer_data_new_finish  (GAsyncResult        *result,
                                                      GError             **error);

int                 rahnuma_officer_utc_offset       (void);
const char         *rahnuma_officer_ui_language      (void);
char               *rahnuma_officer_label            (const char          *kind,
                                                      const char          *key,
                                                      RahnumaCatalog      *catalog);
/* What rahnuma_officer_chart_label() needs: the kind of the chart's keys. */
typedef struct
{
  const char     *kind;
  RahnumaCatalog *catalog;
} RahnumaOfficerLabels;

char               *rahnuma_officer_chart_label      (const char          *key,
                                                      gpointer             labels);
char               *rahnuma_officer_format_rate      (gint64               part,
                                                      gint64               whole);
char               *rahnuma_officer_format_wrong_clock (gint64             n_sessions);
char               *rahnuma_officer_format_paths     (const gint64        *paths);
char               *rahnuma_officer_format_survey_cell (const RahnumaSurveyCell   *c,
                                                        const char                *name,
                                                        gboolean                   have_rates);
char               *rahnuma_officer_format_survey    (const RahnumaSurveyReport *survey,
                                                      gboolean                   have_rates);
char               *rahnuma_officer_format_rupees    (double               rupees);
char               *rahnuma_officer_format_survey_ratio (const RahnumaSurveyCell *c,
                                                         gboolean                 have_rates);
char               *rahnuma_officer_format_survey_notes (const RahnumaOfficerData *data);

/* Why a group's cost ÷ wage shows no figure (rahnuma_officer_survey_ratio_gap()). */
typedef enum
{
  RAHNUMA_SURVEY_RATIO_SHOWN,       /* a figure, or "fewer than 5" */
  RAHNUMA_SURVEY_RATIO_NEEDS_RATES, /* wages in other currencies, no exchange-rate file */
  RAHNUMA_SURVEY_RATIO_NO_ANSWER,   /* no answer with both the cost and a wage that has a rate */
} RahnumaSurveyRatioGap;

RahnumaSurveyRatioGap rahnuma_officer_survey_ratio_gap (const RahnumaSurveyCell *c,
                                                        gboolean                 have_rates);
char               *rahnuma_officer_format_survey_key (const RahnumaOfficerData *data);
const char         *rahnuma_officer_survey_group_name (const char          *column,
                                                       const char          *key);
char               *rahnuma_officer_format_hall      (const RahnumaHallTotals   *hall,
                                                       const gint64        *paths);
char               *rahnuma_officer_format_day       (gint64               day_start,
                                                      int                  utc_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaOfficerData, rahnuma_officer_data_free)

const char *rahnuma_officer_category_label (const char *key);
char       *rahnuma_officer_dup_time_zone  (void);

G_END_DECLS
