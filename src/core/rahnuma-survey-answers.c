/* rahnuma-survey-answers.c — the rules the survey's answers are stored by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-survey-answers.h"

/**
 * rahnuma_survey_round_pkr:
 * @rupees: an amount in rupees
 *
 * Rounds to the nearest 1,000 rupees, halves up, as the survey stores
 * costs (issue 19): exact amounts could single someone out. A negative or
 * absurd amount is returned as it is, for the schema to refuse.
 *
 * Returns: the rounded amount
 */
gint64
rahnuma_survey_round_pkr (gint64 rupees)
{
  if (rupees < 0 || rupees > G_MAXINT64 - 500)
    return rupees;
  return (rupees + 500) / 1000 * 1000;
}

/**
 * rahnuma_survey_week:
 * @unix_seconds: a time
 *
 * The ISO 8601 week of @unix_seconds in UTC, as the survey stores it
 * instead of the day.
 *
 * Returns: (transfer full): "YYYY-Www", e.g. "2026-W48"
 */
char *
rahnuma_survey_week (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (time),
                          g_date_time_get_week_of_year (time));
}
