/* rahnuma-survey-answers.h — one visitor's anonymous "about you" answers
 *
 * What the journal stores of them (rahnuma_store_add_survey()) and the two
 * rules it stores them by; the figures are in rahnuma-survey.h. Apart from
 * both so that the store and the survey figures need not include each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bounds the schema enforces (rahnuma-store-schema.c, SURVEY_MIGRATION). */
#define RAHNUMA_SURVEY_MAX_COST_PKR 10000000
#define RAHNUMA_SURVEY_MAX_WAGE     10000000

typedef enum
{
  RAHNUMA_SURVEY_UNSAID,  /* "prefer not to say", or skipped */
  RAHNUMA_SURVEY_UNKNOWN, /* "I don't know" */
  RAHNUMA_SURVEY_AMOUNT,  /* a number was given */
} RahnumaSurveyAmountKind;

/* What one visitor chose to say. Every text is a value from
 * rahnuma_survey_get_values() or %NULL for "unsaid". */
typedef struct
{
  const char              *destination;   /* as rahnuma_store_get_categories ("destination") */
  const char              *sector;        /* as rahnuma_store_get_categories ("sector") */
  const char              *found_via;     /* "promoter", "sub-agent", "relative", "direct", "other" */
  RahnumaSurveyAmountKind  cost_answer;
  gint64                   cost_pkr;      /* rupees, as entered; stored rounded to 1,000 */
  const char              *receipt;       /* "yes", "no" */
  const char              *borrowed;      /* "yes", "no" */
  RahnumaSurveyAmountKind  wage_answer;
  gint64                   wage_amount;   /* whole units of wage_currency, a month */
  const char              *wage_currency; /* ISO 4217, as rahnuma_survey_get_values ("wage_currency") */
  gboolean                 demo;          /* synthetic (simulate) */
} RahnumaSurveyAnswers;

gint64              rahnuma_survey_round_pkr             (gint64        rupees);
char               *rahnuma_survey_week                  (gint64        unix_seconds);

G_END_DECLS
