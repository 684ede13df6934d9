/* rahnuma-survey.h — the anonymous "about you" answers and their figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-export.h"
#include "rahnuma-store.h"
#include "rahnuma-survey-answers.h"

G_BEGIN_DECLS

/* Answers with fewer respondents than this are hidden in every figure. */
#define RAHNUMA_SURVEY_MIN_CELL 5


const char * const *rahnuma_survey_get_values            (const char   *column);
const char         *rahnuma_survey_currency_for          (const char   *destination);
char               *rahnuma_survey_group_digits          (gint64        value);

/* Exchange rates: rupees for one unit of each currency, from a file the
 * statistics office keeps (docs/survey-data.md). */
typedef struct _RahnumaSurveyRates RahnumaSurveyRates;

RahnumaSurveyRates *rahnuma_survey_rates_load            (const char          *path,
                                                          GError             **error);
double              rahnuma_survey_rates_lookup          (RahnumaSurveyRates  *rates,
                                                          const char          *currency);
const char         *rahnuma_survey_rates_get_date        (RahnumaSurveyRates  *rates);
const char         *rahnuma_survey_rates_get_source      (RahnumaSurveyRates  *rates);
void                rahnuma_survey_rates_free            (RahnumaSurveyRates  *rates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaSurveyRates, rahnuma_survey_rates_free)

/* The figures for one group of answers (all, or one destination or sector). */
typedef struct
{
  char    *key;             /* destination or sector value; "all" for the whole */
  guint64  n;               /* answers in the group */
  gboolean suppressed;      /* hidden: every figure below is left at 0 */
  guint64  n_cost;          /* answers with an amount paid (0 included) */
  guint64  n_paid;          /* of those, more than 0 */
  double   cost_median;     /* rupees, over n_cost; -1 if none */
  double   cost_mean;
  guint64  n_receipt_said;  /* answered yes or no */
  guint64  n_receipt_yes;
  guint64  n_borrowed_said;
  guint64  n_borrowed_yes;
  guint64  n_ratio;         /* answers in the cost / monthly wage figure */
  double   ratio_q1;        /* months of wages; -1 if none */
  double   ratio_median;
  double   ratio_q3;
  guint64  n_no_cost;       /* left out of the ratio: cost not known or not said */
  guint64  n_no_wage;       /* wage not known or not said */
  guint64  n_no_rate;       /* wage in a currency the rates file has no rate for */
} RahnumaSurveyCell;

typedef struct
{
  RahnumaSurveyCell *all;
  GPtrArray         *by_destination; /* of RahnumaSurveyCell, in the schema's order */
  GPtrArray         *by_sector;
  guint64            n_demo;         /* answers marked demo, included above */
  char              *week_from;      /* first ISO week included, or NULL */
  char              *week_to;        /* last ISO week included, or NULL */
  char              *rates_date;     /* nullable */
  char              *rates_source;   /* nullable */
} RahnumaSurveyReport;

RahnumaSurveyReport *rahnuma_survey_report_new           (RahnumaStore        *store,
                                                          gint64               from,
                                                          gint64               to,
                                                          RahnumaSurveyRates  *rates,
                                                          GError             **error);
void                 rahnuma_survey_report_free          (RahnumaSurveyReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaSurveyReport, rahnuma_survey_report_free)

gint64               rahnuma_survey_export_write         (RahnumaStore        *store,
                                                          RahnumaExportFormat  format,
                                                          gint64               from,
                                                          gint64               to,
                                                          GOutputStream       *stream,
                                                          GCancellable        *cancellable,
                                                          GError             **error);

G_END_DECLS
