/* rahnuma-officer-data.c — everything one dashboard view or printed report shows
 *
 * Read in one go, on a worker thread for the dashboard, so that a year of a
 * busy centre's records never freezes the screen; and the same numbers go
 * into the PDF report. Labels turn stored keys (language codes, module ids,
 * category values) into words in the officer's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-officer-data.h"

static void
officer_data_clear (RahnumaOfficerData *data)
{
  for (guint i = 0; i < RAHNUMA_DASHBOARD_N_CHARTS; i++)
    g_clear_pointer (&data->charts[i], g_ptr_array_unref);
  g_clear_pointer (&data->survey, rahnuma_survey_report_free);
  g_clear_pointer (&data->rates_problem, g_free);
}

/**
 * rahnuma_officer_data_ref:
 * @data: the numbers of one view
 *
 * The numbers never change once read: a report written on a worker thread
 * keeps them while the dashboard moves on to another range.
 *
 * Returns: (transfer full): @data, with one more reference
 */
RahnumaOfficerData *
rahnuma_officer_data_ref (RahnumaOfficerData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_atomic_rc_box_acquire (data);
}

/**
 * rahnuma_officer_data_free:
 * @data: (nullable) (transfer full): the numbers of one view
 *
 * Releases a reference to @data (the last one frees it); any thread.
 */
void
rahnuma_officer_data_free (RahnumaOfficerData *data)
{
  if (data == NULL)
    return;
  g_atomic_rc_box_release_full (data, (GDestroyNotify) officer_data_clear);
}

/* The statistics office's exchange rates (docs/survey-data.md), or NULL
 * with why not in @problem: the survey still shows without them. */
static RahnumaSurveyRates *
load_rates (const char *rates_path, char **problem)
{
  g_autoptr(GError) error = NULL;
  RahnumaSurveyRates *rates;

  if (rates_path == NULL)
    {
      /* Translators: on the officers' dashboard and printed report, when no exchange-rate file is set */
      *problem = g_strdup (_("No exchange-rate file is set. Put rates.ini beside the officers’ file, start "
                             "rahnuma-officer with --rates FILE, or set the kiosk’s rates-file setting."));
      return NULL;
    }
  rates = rahnuma_survey_rates_load (rates_path, &error);
  if (rates == NULL && error->domain == G_FILE_ERROR)
    /* Translators: on the officers' dashboard and printed report; the first %s is a file path, the
     * second why it cannot be read (a system message) */
    *problem = g_strdup_printf (_("The exchange-rate file %s cannot be read: %s. Check its name, and that it "
                                  "is there."), rates_path, error->message);
  else if (rates == NULL)
    *problem = g_strdup (error->message); /* names the file and what to fix in it */
  return rates;
}

/**
 * rahnuma_officer_data_new:
 * @store: a journal or officers' file
 * @from: start of the first local day to show
 * @to: start of the day after the last one
 * @now: the current unix time, for "today"
 * @utc_offset: the local offset from UTC in seconds
 * @rates_path: (nullable): the exchange-rate file for the survey's cost ÷
 *   wage figure (docs/survey-data.md), or %NULL for none
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * A missing or broken rates file is no error: the survey is then read
 * without rates and #RahnumaOfficerData's rates_problem says why.
 *
 * Returns: (transfer full) (nullable): the numbers
 */
RahnumaOfficerData *
rahnuma_officer_data_new (RahnumaStore *store, gint64 from, gint64 to, gint64 now, int utc_offset,
                          const char *rates_path, GError **error)
{
  g_autoptr(RahnumaOfficerData) data = g_atomic_rc_box_new0 (RahnumaOfficerData);
  g_autoptr(RahnumaSurveyRates) rates = NULL;
  gint64 today = rahnuma_dashboard_day_start (now, utc_offset);

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  data->from = from;
  data->to = to;
  data->utc_offset = utc_offset;
  if (!rahnuma_dashboard_prepare (store, utc_offset, error) ||
      !rahnuma_dashboard_totals (store, today, today + 86400, utc_offset, &data->today, error) ||
      !rahnuma_dashboard_totals (store, from, to, utc_offset, &data->range, error))
    return NULL;
  /* Real and demo visits together, as in the range's totals (issue 20). */
  memcpy (data->paths, data->range.paths, sizeof data->paths);
  for (guint i = 0; i < RAHNUMA_DASHBOARD_N_CHARTS; i++)
    if ((data->charts[i] = rahnuma_dashboard_chart (store, i, from, to, utc_offset, error)) == NULL)
      return NULL;
  rates = load_rates (rates_path, &data->rates_problem);
  if ((data->survey = rahnuma_survey_report_new (store, from, to, rates, error)) == NULL)
    return NULL;
  /* By the centre's days of [from, to), as the hall PC wrote them. */
  if (!rahnuma_hall_session_totals (store, from, to, utc_offset, &data->hall, error))
    return NULL;
  return g_steal_pointer (&data);
}

typedef struct
{
  RahnumaStore *store;
  gint64 from;
  gint64 to;
  char *rates_path;
} DataTask;

static void
data_task_free (DataTask *task_data)
{
  g_clear_object (&task_data->store);
  g_free (task_data->rates_path);
  g_free (task_data);
}

static void
data_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DataTask *d = task_data;
  GError *error = NULL;
  RahnumaOfficerData *data = rahnuma_officer_data_new (d->store, d->from, d->to,
                                                       g_get_real_time () / G_USEC_PER_SEC,
                                                       rahnuma_officer_utc_offset (), d->rates_path, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify) rahnuma_officer_data_free);
}

/**
 * rahnuma_officer_data_new_async:
 *
 * rahnuma_officer_data_new() for now, on a worker thread; @rates_path
 * (nullable) is copied.
 */
void
rahnuma_officer_data_new_async (RahnumaStore *store, gint64 from, gint64 to, const char *rates_path,
                                GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DataTask *d = g_new0 (DataTask, 1);

  g_return_if_fail (RAHNUMA_IS_STORE (store));

  d->store = g_object_ref (store);
  d->from = from;
  d->to = to;
  d->rates_path = g_strdup (rates_path);
  g_task_set_source_tag (task, rahnuma_officer_data_new_async);
  g_task_set_task_data (task, d, (GDestroyNotify) data_task_free);
  g_task_run_in_thread (task, data_thread);
}

/**
 * rahnuma_officer_data_new_finish:
 *
 * Returns: (transfer full) (nullable): the numbers
 */
RahnumaOfficerData *
rahnuma_officer_data_new_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Without the kiosk's settings schema (a bare office PC), the default of
 * its time-zone key: the centres are in Pakistan. */

/**
 * rahnuma_officer_dup_time_zone:
 *
 * The centre's time zone: the kiosk's "time-zone" setting
 * (org.rahnuma.Kiosk), or Asia/Karachi without its schema.
 *
 * Returns: (transfer full): a tz database name
 */
char *
rahnuma_officer_dup_time_zone (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *id = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "time-zone"))
    return g_strdup (RAHNUMA_DEFAULT_TIME_ZONE);
  settings = g_settings_new_full (schema, NULL, NULL);
  id = g_settings_get_string (settings, "time-zone");
  return id[0] != '\0' ? g_steal_pointer (&id) : g_strdup (RAHNUMA_DEFAULT_TIME_ZONE);
}

/**
 * rahnuma_officer_utc_offset:
 *
 * Days and hours on the dashboard and in reports are the centre's
 * (rahnuma_officer_dup_time_zone()), not the computer's: a kiosk's clock
 * zone is often left at UTC. One offset serves the whole range, the one in
 * force now; Pakistan keeps no daylight saving time.
 *
 * Returns: the centre's offset from UTC now, in seconds; the computer's
 *   when the zone's name is unknown
 */
int
rahnuma_officer_utc_offset (void)
{
  g_autofree char *id = rahnuma_officer_dup_time_zone ();

  return rahnuma_dashboard_zone_offset (id, g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * rahnuma_officer_ui_language:
 *
 * Returns: the interface's language among ur, ps, pa_PK and en, for module titles
 */
const char *
rahnuma_officer_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "pa"))
        return "pa_PK";
      if (rahnuma_language_is_valid (names[i]))
        return rahnuma_language_lookup (names[i])->code;
      if (g_str_has_prefix (names[i], "ur") || g_str_has_prefix (names[i], "ps"))
        return g_str_has_prefix (names[i], "ur") ? "ur" : "ps";
    }
  return "en";
}

/* The English name from core's list (rahnuma-language.c marks it), translated. */
static const char *
language_label (const char *code)
{
  const RahnumaLanguage *language = rahnuma_language_lookup (code);

  return language != NULL ? _(language->english_name) : code;
}

/**
 * rahnuma_officer_category_label:
 * @key: a self-reported category as stored ("woman", "SA", "unsaid"…)
 *
 * Returns: (transfer none): its name in the reader's language, or @key
 *   when it has none (job sectors are stored as words)
 */
const char *
rahnuma_officer_category_label (const char *key)
{
  static const struct { const char *key; const char *name; } names[] = {
    /* Translators: a bar of the chart of visitors by gender */
    { "woman", N_("Women") }, { "man", N_("Men") }, { "other", N_("Other") },
    { RAHNUMA_CATEGORY_UNSAID, N_("Prefer not to say") },
    /* Translators: a bar of the chart of survey answers by destination country */
    { "SA", N_("Saudi Arabia") }, { "AE", N_("United Arab Emirates") }, { "OM", N_("Oman") },
    /* Translators: a bar of the chart of survey answers by destination country */
    { "QA", N_("Qatar") }, { "KW", N_("Kuwait") }, { "BH", N_("Bahrain") }, { "MY", N_("Malaysia") },
    /* Translators: a bar of the chart of survey answers by destination country */
    { "GB", N_("United Kingdom") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key, names[i].key))
      return _(names[i].name);
  return key;
}

static char *
module_label (const char *module_id, RahnumaCatalog *catalog)
{
  RahnumaModule *module = catalog != NULL ? rahnuma_catalog_lookup (catalog, module_id) : NULL;

  if (module == NULL)
    return g_strdup (module_id);
  return rahnuma_module_dup_title (module, rahnuma_officer_ui_language ());
}

/* The start of a question's text, in the officer's language: a number
 * alone means nothing to whoever reads the chart. */
#define QUESTION_START_CHARS 36

static char *
question_start (const char *module_id, guint64 number, RahnumaCatalog *catalog)
{
  RahnumaModule *module = catalog != NULL ? rahnuma_catalog_lookup (catalog, module_id) : NULL;
  RahnumaQuestion *question;
  g_autofree char *text = NULL;
  g_autofree char *start = NULL;

  if (module == NULL || number < 1 || number > rahnuma_module_get_n_questions (module))
    return NULL;
  question = rahnuma_module_get_question (module, (guint) number - 1);
  text = rahnuma_question_dup_text (question, rahnuma_officer_ui_language ());
  if (text == NULL || g_utf8_strlen (text, -1) <= QUESTION_START_CHARS)
    return g_steal_pointer (&text);
  start = g_utf8_substring (text, 0, QUESTION_START_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static char *
question_label (const char *key, const char *hash, RahnumaCatalog *catalog)
{
  g_autofree char *module_id = g_strndup (key, hash - key);
  g_autofree char *title = module_label (module_id, catalog);
  g_autofree char *start = question_start (module_id, g_ascii_strtoull (hash + 1, NULL, 10), catalog);

  if (start != NULL)
    /* Translators: a quiz question in a chart: the module title, the question
     * number, then the start of the question's text */
    return g_strdup_printf (_("%s, question %s: %s"), title, hash + 1, start);
  /* Translators: a quiz question in a chart: "%s" is the module title, "%s" the question number */
  return g_strdup_printf (_("%s, question %s"), title, hash + 1);
}

/**
 * rahnuma_officer_label:
 * @kind: "day", "hour", "language", "module", "missed", or another breakdown's name
 * @key: the stored key ("ur", "contract", "contract#4", "SA")
 * @catalog: (nullable): for module titles; without it, module ids are shown
 *
 * Returns: (transfer full): the words to show for @key
 */
char *
rahnuma_officer_label (const char *kind, const char *key, RahnumaCatalog *catalog)
{
  const char *hash;

  g_return_val_if_fail (kind != NULL && key != NULL, NULL);

  /* Days as MM-DD: the range above the chart gives the year. */
  if (g_str_equal (kind, "day"))
    return g_strdup (strlen (key) == 10 ? key + 5 : key);
  if (g_str_equal (kind, "hour"))
    return g_strdup (key);
  if (g_str_equal (kind, "language"))
    return g_strdup (language_label (key));
  if (g_str_equal (kind, "module"))
    return module_label (key, catalog);
  if (g_str_equal (kind, "missed") && (hash = strchr (key, '#')) != NULL)
    return question_label (key, hash, catalog);
  return g_strdup (rahnuma_officer_category_label (key));
}

/**
 * rahnuma_officer_chart_label:
 * @key: a bar's key
 * @labels: a #RahnumaOfficerLabels
 *
 * A #RahnumaChartLabelFunc for the dashboard and the PDF report alike.
 *
 * Returns: (transfer full): the words under the bar
 */
char *
rahnuma_officer_chart_label (const char *key, gpointer labels)
{
  RahnumaOfficerLabels *l = labels;

  return rahnuma_officer_label (l->kind, key, l->catalog);
}

/**
 * rahnuma_officer_format_rate:
 *
 * Returns: (transfer full): "87%", or "—" when @whole is 0
 */
char *
rahnuma_officer_format_rate (gint64 part, gint64 whole)
{
  if (whole <= 0 || part < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", 100.0 * part / whole);
}

/**
 * rahnuma_officer_format_wrong_clock:
 * @n_sessions: visits recorded while the kiosk's clock was wrong
 *
 * What the dashboard and the printed report say when the file holds
 * visits with a wrong clock (rahnuma_store_clock_is_wrong()).
 *
 * Returns: (transfer full) (nullable): the warning, or %NULL if @n_sessions is 0
 */
char *
rahnuma_officer_format_wrong_clock (gint64 n_sessions)
{
  if (n_sessions <= 0)
    return NULL;
  /* Translators: %lld is a number of visits */
  return g_strdup_printf (ngettext ("The kiosk’s clock is wrong: %lld visit was recorded with an impossible "
                                    "date and is counted in no day. Set the kiosk’s date and time.",
                                    "The kiosk’s clock is wrong: %lld visits were recorded with an impossible "
                                    "date and are counted in no day. Set the kiosk’s date and time.",
                                    (gulong) MIN (n_sessions, (gint64) G_MAXINT)),
                          (long long) n_sessions);
}

/**
 * rahnuma_officer_format_paths:
 * @paths: (array fixed-size=2): visits by #RahnumaVisitPath
 *   (#RahnumaOfficerData's paths)
 *
 * The line the dashboard and the printed report give the paths visits
 * took (issue 20): the full one, or the short one after the hall briefing.
 * Totals, not a breakdown of visitors, so no count is hidden.
 *
 * Returns: (transfer full): the line
 */
char *
rahnuma_officer_format_paths (const gint64 *paths)
{
  g_return_val_if_fail (paths != NULL, NULL);
  /* Translators: on the officers' dashboard and printed report; the first %lld
   * is a count of visits that watched every lesson, the second of visits that
   * answered only the questions after the group briefing in the hall */
  return g_strdup_printf (_("By path: %lld full, %lld short (after the hall briefing)."),
                          (long long) paths[RAHNUMA_PATH_FULL], (long long) paths[RAHNUMA_PATH_SHORT]);
}

/**
 * rahnuma_officer_format_hall:
 * @hall: hall sessions over the days shown
 * @paths: (array fixed-size=2): visits over the same days by
 *   #RahnumaVisitPath (#RahnumaOfficerData's paths)
 *
 * What the dashboard and the printed report say about hall briefings
 * (rahnuma --hall): how many, the sum of their head counts, and beside it
 * the kiosks' short-path visits (issue 20: "reports compare hall head
 * counts with short-path visits"), as a share of those head counts when
 * there were any. A share over 100% means people came to a kiosk's short
 * path without a hall session being recorded, or a head count was low.
 * With no one counted in a hall, the share is left out: it would mean
 * nothing (tester's report: "1692 (— of them)").
 *
 * Returns: (transfer full): three lines
 */
char *
rahnuma_officer_format_hall (const RahnumaHallTotals *hall, const gint64 *paths)
{
  g_autofree char *share = NULL;

  g_return_val_if_fail (hall != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (hall->people <= 0)
    /* Translators: dashboard and printed report, when no one was counted in a hall over the days shown;
     * the %lld are counts: group briefings given in a hall, the sum of the head counts the officers
     * entered after each, and kiosk visits that took the short path (questions only, after the hall) */
    return g_strdup_printf (_("Hall sessions: %lld\nPeople briefed in the hall: %lld\n"
                              "Short-path visits on the kiosks: %lld"),
                            (long long) hall->sessions, (long long) hall->people,
                            (long long) paths[RAHNUMA_PATH_SHORT]);
  share = rahnuma_officer_format_rate (paths[RAHNUMA_PATH_SHORT], hall->people);
  /* Translators: dashboard and printed report; the first two %lld are counts: group
   * briefings given in a hall, and the sum of the head counts the officers entered after
   * each; the third a count of kiosk visits that took the short path (questions only, after
   * the hall), and %s that count as a percentage of the people in the halls, e.g. "87%" */
  return g_strdup_printf (_("Hall sessions: %lld\nPeople briefed in the hall: %lld\n"
                            "Short-path visits on the kiosks: %lld (%s of them)"),
                          (long long) hall->sessions, (long long) hall->people,
                          (long long) paths[RAHNUMA_PATH_SHORT], share);
}

/**
 * rahnuma_officer_format_day:
 *
 * Returns: (transfer full): the local day starting at @day_start, "2026-11-24"
 */
char *
rahnuma_officer_format_day (gint64 day_start, int utc_offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day_start + utc_offset);

  return g_date_time_format (utc, "%Y-%m-%d");
}

/**
 * rahnuma_officer_survey_group_name:
 * @column: "destination" or "sector", or %NULL for all answers
 * @key: the group's key as stored in that column
 *
 * The name of a survey group in the reader's language, as the kiosk
 * offered it to the visitor (rahnuma-about-page.c), so that "other" reads
 * "Another country" or "Other work".
 *
 * Returns: (transfer none): the name
 */
const char *
rahnuma_officer_survey_group_name (const char *column, const char *key)
{
  static const struct { const char *key; const char *name; } sectors[] = {
    { "construction", N_("Construction") }, { "driving", N_("Driving") },
    { "domestic", N_("Work in a home") }, { "hospitality", N_("Hotels and restaurants") },
    { "manufacturing", N_("Factory work") }, { "agriculture", N_("Farming") },
    { "healthcare", N_("Health care") }, { "security", N_("Security guard") }, { "other", N_("Other work") },
  };

  if (column == NULL)
    /* Translators: the row of the survey's figures that counts every answer */
    return _("All answers");
  if (g_str_equal (key, "other"))
    return g_str_equal (column, "sector") ? _("Other work") : _("Another country");
  for (guint i = 0; g_str_equal (column, "sector") && i < G_N_ELEMENTS (sectors); i++)
    if (g_str_equal (key, sectors[i].key))
      return _(sectors[i].name);
  return rahnuma_officer_category_label (key);
}

/**
 * rahnuma_officer_format_rupees:
 * @rupees: an amount in Pakistani rupees, or < 0 for none
 *
 * Returns: (transfer full): "Rs 547,000", grouped in threes and rounded to
 *   the rupee, or "—" for none
 */
char *
rahnuma_officer_format_rupees (double rupees)
{
  g_autofree char *digits = NULL;

  if (rupees < 0)
    return g_strdup ("—");
  digits = rahnuma_survey_group_digits ((gint64) (rupees + 0.5));
  /* Translators: an amount in Pakistani rupees; %s is the number, grouped "547,000" */
  return g_strdup_printf (_("Rs %s"), digits);
}

/**
 * rahnuma_officer_survey_ratio_gap:
 * @c: a group of the survey report, not hidden
 * @have_rates: whether the report was read with an exchange-rate file
 *
 * Whether @c's cost ÷ wage has a figure, and if not, why: without rates,
 * a group with wages in other currencies than rupees needs the file
 * (docs/survey-data.md); otherwise no answer may have both figures.
 *
 * Returns: the reason, or %RAHNUMA_SURVEY_RATIO_SHOWN for a figure or
 *   "fewer than 5"
 */
RahnumaSurveyRatioGap
rahnuma_officer_survey_ratio_gap (const RahnumaSurveyCell *c, gboolean have_rates)
{
  g_return_val_if_fail (c != NULL, RAHNUMA_SURVEY_RATIO_NO_ANSWER);

  if (!have_rates && c->n_no_rate > 0)
    return RAHNUMA_SURVEY_RATIO_NEEDS_RATES;
  if (c->n_ratio > 0 && c->n_ratio < RAHNUMA_SURVEY_MIN_CELL)
    return RAHNUMA_SURVEY_RATIO_SHOWN;
  if (c->n_ratio == 0 || c->ratio_median < 0)
    return RAHNUMA_SURVEY_RATIO_NO_ANSWER;
  return RAHNUMA_SURVEY_RATIO_SHOWN;
}

/**
 * rahnuma_officer_format_survey_ratio:
 * @c: a group of the survey report, not hidden
 * @have_rates: whether the report was read with an exchange-rate file
 *
 * The prospective recruitment cost indicator of @c: cost paid ÷ monthly
 * wage in the contract, its median and quartiles in months of wages
 * (docs/survey-data.md). Without rates, a group that has wages in other
 * currencies than rupees says it needs the rates file rather than show a
 * figure from its rupee wages alone.
 *
 * Returns: (transfer full): "2.1 (1.4–3.0)" (months of wages), "needs the
 *   exchange-rate file", or "—" when no answer has both figures
 */
char *
rahnuma_officer_format_survey_ratio (const RahnumaSurveyCell *c, gboolean have_rates)
{
  g_return_val_if_fail (c != NULL, NULL);

  switch (rahnuma_officer_survey_ratio_gap (c, have_rates))
    {
    case RAHNUMA_SURVEY_RATIO_NEEDS_RATES:
      /* Translators: in the survey's cost ÷ wage column, when no exchange-rate file is in force */
      return g_strdup (_("needs the exchange-rate file"));
    case RAHNUMA_SURVEY_RATIO_NO_ANSWER:
      return g_strdup ("—");
    case RAHNUMA_SURVEY_RATIO_SHOWN:
    default:
      break;
    }
  if (c->n_ratio < RAHNUMA_SURVEY_MIN_CELL)
    /* Translators: in the survey's cost ÷ wage column, when the figure would rest on fewer than 5
     * answers and is hidden, as a small group is */
    return g_strdup (_("fewer than 5"));
  /* Translators: the survey's cost ÷ monthly wage: the median in months of wages, then the first and
   * third quartiles (Q1–Q3) */
  return g_strdup_printf (_("%.1f (%.1f–%.1f)"), c->ratio_median, c->ratio_q1, c->ratio_q3);
}

/**
 * rahnuma_officer_format_survey_cell:
 * @c: a group of the survey report
 * @name: the group's name, for the reader
 * @have_rates: whether the report was read with an exchange-rate file
 *
 * One line for the PDF: how many answered, the share who paid anything,
 * the median paid, the shares given a receipt and who borrowed, and cost
 * ÷ wage (rahnuma_officer_format_survey_ratio()); for a hidden group, only
 * that it has fewer than 5 answers.
 *
 * Returns: (transfer full): the line
 */
char *
rahnuma_officer_format_survey_cell (const RahnumaSurveyCell *c, const char *name, gboolean have_rates)
{
  g_autofree char *paid = NULL, *receipt = NULL, *borrowed = NULL, *median = NULL, *ratio = NULL;

  if (c->suppressed)
    /* Translators: a group of the survey with fewer than 5 answers, in the PDF report */
    return g_strdup_printf (_("%s: fewer than 5 answers, not shown"), name);
  paid = rahnuma_officer_format_rate ((gint64) c->n_paid, (gint64) c->n_cost);
  receipt = rahnuma_officer_format_rate ((gint64) c->n_receipt_yes, (gint64) c->n_receipt_said);
  borrowed = rahnuma_officer_format_rate ((gint64) c->n_borrowed_yes, (gint64) c->n_borrowed_said);
  median = rahnuma_officer_format_rupees (c->n_cost > 0 ? c->cost_median : -1);
  ratio = rahnuma_officer_format_survey_ratio (c, have_rates);
  /* Translators: one line of the survey section of the PDF report: a group's name, how many answered,
   * the share who paid anything, the median paid ("Rs 547,000"), the shares given a receipt and who
   * borrowed, and the cost ÷ monthly wage in months ("2.1 (1.4–3.0)": median (Q1–Q3)) */
  return g_strdup_printf (_("%s: %llu answers · paid anything %s · median paid %s · receipt %s · "
                            "borrowed %s · cost ÷ wage in months %s"),
                          name, (unsigned long long) c->n, paid, median, receipt, borrowed, ratio);
}

static void
append_cells (GString *text, GPtrArray *cells, const char *column, gboolean have_rates)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const RahnumaSurveyCell *c = g_ptr_array_index (cells, i);
      g_autofree char *line = rahnuma_officer_format_survey_cell (c, rahnuma_officer_survey_group_name (column, c->key),
                                                                  have_rates);

      g_string_append_printf (text, "\n%s", line);
    }
}

/**
 * rahnuma_officer_format_survey:
 * @survey: (nullable): the survey report
 * @have_rates: whether it was read with an exchange-rate file
 *
 * The survey as lines: all answers, then each destination, then each
 * sector, each breakdown under its heading.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nobody answered
 */
char *
rahnuma_officer_format_survey (const RahnumaSurveyReport *survey, gboolean have_rates)
{
  g_autofree char *all = NULL;
  GString *text;

  if (survey == NULL || (survey->all->n == 0 && !survey->all->suppressed))
    return NULL;
  all = rahnuma_officer_format_survey_cell (survey->all, rahnuma_officer_survey_group_name (NULL, NULL),
                                            have_rates);
  text = g_string_new (all);
  /* Translators: a heading in the survey's figures */
  g_string_append_printf (text, "\n%s", _("By destination country"));
  append_cells (text, survey->by_destination, "destination", have_rates);
  /* Translators: a heading in the survey's figures */
  g_string_append_printf (text, "\n%s", _("By job sector"));
  append_cells (text, survey->by_sector, "sector", have_rates);
  return g_string_free (text, FALSE);
}

/**
 * rahnuma_officer_format_survey_notes:
 * @data: the numbers of one view, with its survey
 *
 * What the survey's figures rest on, under them on the dashboard and in
 * the PDF: that cost ÷ wage is a pre-departure estimate and not the SDG
 * 10.7.1 figure (issue 19), the exchange rates' date and source or why
 * there are none, and how many answers had no rate for their currency
 * (none said when all answers are hidden).
 *
 * Returns: (transfer full): the lines
 */
char *
rahnuma_officer_format_survey_notes (const RahnumaOfficerData *data)
{
  const RahnumaSurveyReport *survey = data->survey;
  /* Translators: the caption of the survey's cost ÷ wage figure on the dashboard and printed report */
  GString *text = g_string_new (_("Pre-departure estimate: cost paid so far ÷ monthly wage in the contract, "
                                  "in months of wages (median, and Q1–Q3), not the SDG 10.7.1 survey figure."));

  if (data->rates_problem != NULL)
    g_string_append_printf (text, "\n%s", data->rates_problem);
  else
    /* Translators: the first %s is the day the exchange rates applied (YYYY-MM-DD), the second their source */
    g_string_append_printf (text, _("\nExchange rates of %s (%s)."), survey->rates_date, survey->rates_source);
  if (data->rates_problem == NULL && !survey->all->suppressed && survey->all->n_no_rate > 0)
    /* Translators: %llu is a number of survey answers left out of cost ÷ wage */
    g_string_append_printf (text, ngettext ("\n%llu answer left out: no rate for its currency.",
                                            "\n%llu answers left out: no rate for their currency.",
                                            (gulong) MIN (survey->all->n_no_rate, (guint64) G_MAXINT)),
                            (unsigned long long) survey->all->n_no_rate);
  return g_string_free (text, FALSE);
}

/* Whether any group of @cells shown shows no figure for @gap's reason. */
static gboolean
any_gap (GPtrArray *cells, gboolean have_rates, RahnumaSurveyRatioGap gap)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const RahnumaSurveyCell *c = g_ptr_array_index (cells, i);

      if (!c->suppressed && rahnuma_officer_survey_ratio_gap (c, have_rates) == gap)
        return TRUE;
    }
  return FALSE;
}

static gboolean
survey_has_gap (const RahnumaSurveyReport *survey, gboolean have_rates, RahnumaSurveyRatioGap gap)
{
  return (!survey->all->suppressed && rahnuma_officer_survey_ratio_gap (survey->all, have_rates) == gap)
         || any_gap (survey->by_destination, have_rates, gap) || any_gap (survey->by_sector, have_rates, gap);
}

/**
 * rahnuma_officer_format_survey_key:
 * @data: the numbers of one view, with its survey
 *
 * What "—" in the dashboard's cost ÷ wage column stands for, said once
 * above the table rather than in every row (tester's report: "needs the
 * exchange-rate file" over three lines in each row): that the figure
 * needs the exchange-rate file, and that no answer of a group had both
 * figures, each only when some row shows it. What to do about the file
 * is in rahnuma_officer_format_survey_notes().
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL when every
 *   row has a figure
 */
char *
rahnuma_officer_format_survey_key (const RahnumaOfficerData *data)
{
  gboolean have_rates;
  GString *text;

  g_return_val_if_fail (data != NULL && data->survey != NULL, NULL);

  have_rates = data->rates_problem == NULL;
  text = g_string_new (NULL);
  if (survey_has_gap (data->survey, have_rates, RAHNUMA_SURVEY_RATIO_NEEDS_RATES))
    /* Translators: above the survey's table on the officers' dashboard; the last column is "Cost ÷ wage,
     * in months"; how to give the file is said in the next lines */
    g_string_append (text, _("— in the last column: the figure needs the exchange-rate file, as wages were "
                             "given in other currencies than rupees."));
  if (survey_has_gap (data->survey, have_rates, RAHNUMA_SURVEY_RATIO_NO_ANSWER))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            /* Translators: above the survey's table on the officers' dashboard */
                            _("— in the last column: no answer in the group gave both what was paid and a "
                              "wage that can be compared."));
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}
