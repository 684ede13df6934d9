/* rahnuma-survey.c — the anonymous "about you" answers and their figures
 *
 * A visitor may say, after choosing a language, where they are going, in
 * what kind of job, how they found it, what they paid for it, whether they
 * got a receipt or borrowed, and the monthly wage in their contract. The
 * answers are stored apart from the visit (rahnuma_store_add_survey(), the
 * survey table): nothing ties what someone paid to the completion code
 * they show an officer.
 *
 * The report turns them into the figures behind SDG indicator 10.7.1
 * ("recruitment cost borne by employee as a proportion of monthly income
 * earned in country of destination", ILO and World Bank): here a
 * pre-departure estimate, the cost paid so far over the wage written in
 * the contract, in months of wages, not the survey-based SDG figure. Wages
 * in other currencies are turned into rupees with the rates file the
 * statistics office keeps; the program holds no rate of its own.
 *
 * Every group (all answers, each destination, each sector) with fewer than
 * RAHNUMA_SURVEY_MIN_CELL answers is hidden, and when a breakdown hides
 * exactly one group, the next smallest is hidden too, so that the hidden
 * one cannot be worked out from the whole. Within a group shown, a figure
 * that rests on fewer than RAHNUMA_SURVEY_MIN_CELL answers (a median of
 * three costs, the share of two who borrowed) is hidden too
 * (hide_small_figures()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-survey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rahnuma-survey.h"
#include "rahnuma-store-private.h"

static const char * const found_via_values[] = {
  "promoter", "sub-agent", "relative", "direct", "other", RAHNUMA_CATEGORY_UNSAID, NULL
};
static const char * const yes_no_values[] = { "yes", "no", RAHNUMA_CATEGORY_UNSAID, NULL };
static const char * const currency_values[] = {
  "SAR", "AED", "OMR", "QAR", "KWD", "BHD", "MYR", "GBP", "USD", "EUR", "PKR", NULL
};

/* The destination's own currency, offered first on the kiosk. */
static const struct
{
  const char *destination;
  const char *currency;
} destination_currencies[] = {
  { "SA", "SAR" }, { "AE", "AED" }, { "OM", "OMR" }, { "QA", "QAR" },
  { "KW", "KWD" }, { "BH", "BHD" }, { "MY", "MYR" }, { "GB", "GBP" },
};

/**
 * rahnuma_survey_get_values:
 * @column: a survey column: "destination", "sector", "found_via", "receipt",
 *   "borrowed" or "wage_currency"
 *
 * The values the schema allows in @column, in the order the kiosk offers
 * them; the lists in the schema (rahnuma-store-schema.c) must agree, and
 * tests/test-survey.c tries every value.
 *
 * Returns: (transfer none) (nullable): a %NULL-terminated list, or %NULL
 *   for an unknown column
 */
const char * const *
rahnuma_survey_get_values (const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (g_str_equal (column, "destination") || g_str_equal (column, "sector"))
    return rahnuma_store_get_categories (column);
  if (g_str_equal (column, "found_via"))
    return found_via_values;
  if (g_str_equal (column, "receipt") || g_str_equal (column, "borrowed"))
    return yes_no_values;
  if (g_str_equal (column, "wage_currency"))
    return currency_values;
  return NULL;
}

/**
 * rahnuma_survey_currency_for:
 * @destination: (nullable): a destination country code
 *
 * Returns: (transfer none) (nullable): the ISO 4217 code of the currency
 *   wages are paid in there, or %NULL for "other", "unsaid" or %NULL
 */
const char *
rahnuma_survey_currency_for (const char *destination)
{
  for (guint i = 0; destination != NULL && i < G_N_ELEMENTS (destination_currencies); i++)
    if (g_str_equal (destination, destination_currencies[i].destination))
      return destination_currencies[i].currency;
  return NULL;
}

/**
 * rahnuma_survey_group_digits:
 * @value: a whole number, such as rupees
 *
 * Writes @value grouped in threes with commas and Western digits, as on
 * Pakistani receipts and in the kiosk's number pad: 547000 is "547,000".
 * The same in every language, so that an amount reads alike on the
 * kiosk, the dashboard and the printed report.
 *
 * Returns: (transfer full): the digits, "-" first if @value is negative
 */
char *
rahnuma_survey_group_digits (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? -(guint64) value : (guint64) value);
  GString *out = g_string_new (value < 0 ? "-" : NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* ---- rates ----------------------------------------------------------- */

struct _RahnumaSurveyRates
{
  GHashTable *rupees; /* currency → double*, rupees for one unit */
  char *date;
  char *source;
};

void
rahnuma_survey_rates_free (RahnumaSurveyRates *rates)
{
  if (rates == NULL)
    return;
  g_hash_table_unref (rates->rupees);
  g_free (rates->date);
  g_free (rates->source);
  g_free (rates);
}

static gboolean G_GNUC_PRINTF (3, 4)
rates_error (GError **error, const char *path, const char *format, ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the first %s is the rates file, the second what is wrong in it */
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               _("The exchange rates file %s cannot be used: %s. Fix it as docs/survey-data.md says"),
               path, detail);
  return FALSE;
}

static gboolean
read_rate (RahnumaSurveyRates *rates, GKeyFile *file, const char *path, const char *currency, GError **error)
{
  g_autofree char *text = g_key_file_get_string (file, "rates", currency, NULL);
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE; /* no rate: answers in this currency are left out and counted */
  value = g_ascii_strtod (g_strstrip (text), &end);
  if (end == text || *end != '\0' || !isfinite (value) || value <= 0)
    return rates_error (error, path, _("the rate for %s is not a positive number"), currency);
  g_hash_table_insert (rates->rupees, (gpointer) currency, g_memdup2 (&value, sizeof value));
  return TRUE;
}

static gboolean
read_rates_header (RahnumaSurveyRates *rates, GKeyFile *file, const char *path, GError **error)
{
  GDate date;

  rates->date = g_key_file_get_string (file, "rates", "date", NULL);
  rates->source = g_key_file_get_string (file, "rates", "source", NULL);
  if (rates->date != NULL)
    g_date_set_parse (&date, rates->date);
  if (rates->date == NULL || strlen (rates->date) != 10 || !g_date_valid (&date))
    return rates_error (error, path, _("it has no date=YYYY-MM-DD saying when the rates applied"));
  if (rates->source == NULL || *g_strstrip (rates->source) == '\0')
    return rates_error (error, path, _("it has no source= saying where the rates come from"));
  return TRUE;
}

/**
 * rahnuma_survey_rates_load:
 * @path: a key file with a [rates] group: date=YYYY-MM-DD, source=…, and
 *   one line per currency, CODE=rupees for one unit (docs/survey-data.md)
 * @error: return location for a #G_FILE_ERROR or #G_KEY_FILE_ERROR
 *
 * Reads the exchange rates the statistics office keeps. A currency without
 * a line has no rate; rupees are always 1.
 *
 * Returns: (transfer full) (nullable): the rates, or %NULL with @error set
 */
RahnumaSurveyRates *
rahnuma_survey_rates_load (const char *path, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  RahnumaSurveyRates *rates;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    return NULL;
  rates = g_new0 (RahnumaSurveyRates, 1);
  rates->rupees = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!read_rates_header (rates, file, path, error))
    goto fail;
  for (guint i = 0; currency_values[i] != NULL; i++)
    if (!g_str_equal (currency_values[i], "PKR") && !read_rate (rates, file, path, currency_values[i], error))
      goto fail;
  return rates;
fail:
  rahnuma_survey_rates_free (rates);
  return NULL;
}

/**
 * rahnuma_survey_rates_lookup:
 * @rates: (nullable): the rates, or %NULL for none
 * @currency: an ISO 4217 code
 *
 * Returns: rupees for one unit of @currency; 1 for "PKR"; 0 if the rates
 *   have none
 */
double
rahnuma_survey_rates_lookup (RahnumaSurveyRates *rates, const char *currency)
{
  double *value;

  g_return_val_if_fail (currency != NULL, 0);

  if (g_str_equal (currency, "PKR"))
    return 1;
  value = rates != NULL ? g_hash_table_lookup (rates->rupees, currency) : NULL;
  return value != NULL ? *value : 0;
}

/**
 * rahnuma_survey_rates_get_date:
 *
 * Returns: (transfer none): the day the rates applied, "YYYY-MM-DD"
 */
const char *
rahnuma_survey_rates_get_date (RahnumaSurveyRates *rates)
{
  g_return_val_if_fail (rates != NULL, NULL);
  return rates->date;
}

/**
 * rahnuma_survey_rates_get_source:
 *
 * Returns: (transfer none): where the rates come from, as the file says
 */
const char *
rahnuma_survey_rates_get_source (RahnumaSurveyRates *rates)
{
  g_return_val_if_fail (rates != NULL, NULL);
  return rates->source;
}

/* ---- the report ------------------------------------------------------ */

typedef struct
{
  RahnumaSurveyCell *cell;
  GArray *costs;  /* of double, rupees */
  GArray *ratios; /* of double, months of wages */
} Group;

/* The answers' categories are read as small integers the SQL works out
 * (one column call and no string comparison each, for a million rows); the
 * schema's CHECKs keep cost_pkr and wage_amount set exactly when their
 * answer is "amount". */
enum { COL_DESTINATION, COL_SECTOR, COL_HAS_COST, COL_COST, COL_RECEIPT, COL_BORROWED,
       COL_HAS_WAGE, COL_WAGE, COL_CURRENCY, COL_DEMO };

#define REPORT_SQL \
  "SELECT destination, sector, cost_answer = 'amount', cost_pkr," \
  " CASE receipt WHEN 'yes' THEN 1 WHEN 'no' THEN 0 ELSE -1 END," \
  " CASE borrowed WHEN 'yes' THEN 1 WHEN 'no' THEN 0 ELSE -1 END," \
  " wage_answer = 'amount', wage_amount, wage_currency, demo" \
  " FROM survey WHERE week >= ?1 AND week <= ?2"

/* Where an answer stands in the cost / monthly wage figure. */
typedef enum
{
  RATIO_IN,
  RATIO_NO_COST,
  RATIO_NO_WAGE,
  RATIO_NO_RATE,
} RatioState;

/* One row, read once and added to every group it belongs to. */
typedef struct
{
  const char *destination; /* the row's text: valid until the next step */
  const char *sector;
  gboolean has_cost;
  double cost;             /* rupees */
  int receipt;             /* 1 yes, 0 no, -1 not said */
  int borrowed;
  RatioState ratio_state;
  double ratio;            /* months of wages, when RATIO_IN */
} Answer;

static void
cell_free (RahnumaSurveyCell *cell)
{
  g_free (cell->key);
  g_free (cell);
}

/**
 * rahnuma_survey_report_free:
 * @report: (transfer full) (nullable): a report
 */
void
rahnuma_survey_report_free (RahnumaSurveyReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->all, cell_free);
  g_clear_pointer (&report->by_destination, g_ptr_array_unref);
  g_clear_pointer (&report->by_sector, g_ptr_array_unref);
  g_free (report->week_from);
  g_free (report->week_to);
  g_free (report->rates_date);
  g_free (report->rates_source);
  g_free (report);
}

static void
group_free (Group *group)
{
  g_array_unref (group->costs);
  g_array_unref (group->ratios);
  g_free (group);
}

static Group *
group_new (const char *key)
{
  Group *group = g_new0 (Group, 1);

  group->cell = g_new0 (RahnumaSurveyCell, 1);
  group->cell->key = g_strdup (key);
  group->costs = g_array_new (FALSE, FALSE, sizeof (double));
  group->ratios = g_array_new (FALSE, FALSE, sizeof (double));
  return group;
}

static void
count_yes_no (int answer, guint64 *n_said, guint64 *n_yes)
{
  if (answer >= 0)
    (*n_said)++;
  if (answer > 0)
    (*n_yes)++;
}

/* The cost over the wage in rupees, or why this answer is left out of it. */
static void
read_ratio (Answer *answer, sqlite3_stmt *stmt, RahnumaSurveyRates *rates)
{
  double rate;

  answer->ratio_state = RATIO_IN;
  if (!answer->has_cost)
    answer->ratio_state = RATIO_NO_COST;
  else if (!sqlite3_column_int (stmt, COL_HAS_WAGE))
    answer->ratio_state = RATIO_NO_WAGE;
  else if ((rate = rahnuma_survey_rates_lookup (rates, (const char *) sqlite3_column_text (stmt, COL_CURRENCY))) <= 0)
    answer->ratio_state = RATIO_NO_RATE;
  else
    answer->ratio = answer->cost / ((double) sqlite3_column_int64 (stmt, COL_WAGE) * rate);
}

static void
read_answer (Answer *answer, sqlite3_stmt *stmt, RahnumaSurveyRates *rates)
{
  answer->destination = (const char *) sqlite3_column_text (stmt, COL_DESTINATION);
  answer->sector = (const char *) sqlite3_column_text (stmt, COL_SECTOR);
  answer->has_cost = sqlite3_column_int (stmt, COL_HAS_COST);
  answer->cost = answer->has_cost ? (double) sqlite3_column_int64 (stmt, COL_COST) : 0;
  answer->receipt = sqlite3_column_int (stmt, COL_RECEIPT);
  answer->borrowed = sqlite3_column_int (stmt, COL_BORROWED);
  read_ratio (answer, stmt, rates);
}

static void
add_answer (Group *group, const Answer *answer)
{
  RahnumaSurveyCell *cell = group->cell;

  cell->n++;
  if (answer->has_cost)
    {
      g_array_append_val (group->costs, answer->cost);
      cell->n_cost++;
      cell->n_paid += answer->cost > 0;
    }
  count_yes_no (answer->receipt, &cell->n_receipt_said, &cell->n_receipt_yes);
  count_yes_no (answer->borrowed, &cell->n_borrowed_said, &cell->n_borrowed_yes);
  switch (answer->ratio_state)
    {
    case RATIO_IN:
      g_array_append_val (group->ratios, answer->ratio);
      break;
    case RATIO_NO_COST:
      cell->n_no_cost++;
      break;
    case RATIO_NO_WAGE:
      cell->n_no_wage++;
      break;
    case RATIO_NO_RATE:
      cell->n_no_rate++;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Puts the @k-th smallest of @v[0..@n) at @v[@k], none larger before it
 * and none smaller after it (Hoare's selection, the middle value as pivot).
 * O(n) on average: sorting every group's values was most of the report's
 * time on a million answers. */
static void
select_nth (double *v, gssize n, gssize k)
{
  gssize lo = 0, hi = n - 1;

  while (lo < hi)
    {
      double pivot = v[lo + (hi - lo) / 2];
      gssize i = lo, j = hi;

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              double swap = v[i];

              v[i++] = v[j];
              v[j--] = swap;
            }
        }
      /* [lo, j] ≤ pivot ≤ [i, hi], and what lies between equals it. */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
}

/* Linear interpolation between the closest ranks (Hyndman and Fan's type 7,
 * R's and spreadsheets' default) of @values, reordered; -1 if there are
 * none. */
static double
quantile (GArray *values, double p)
{
  double *v = (double *) (void *) values->data;
  double h, low, next;
  guint i;

  if (values->len == 0)
    return -1;
  h = (values->len - 1) * p;
  low = floor (h);
  i = (guint) low;
  select_nth (v, values->len, i);
  if (i + 1 >= values->len)
    return v[i];
  /* The next rank is the smallest of those after it. */
  next = v[i + 1];
  for (guint j = i + 2; j < values->len; j++)
    next = MIN (next, v[j]);
  return v[i] + (h - low) * (next - v[i]);
}

static double
mean (GArray *values)
{
  double sum = 0;

  if (values->len == 0)
    return -1;
  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  return sum / values->len;
}

/* Hides every figure of @cell, its count included. */
static void
suppress (RahnumaSurveyCell *cell)
{
  char *key = cell->key;

  memset (cell, 0, sizeof *cell);
  cell->key = key;
  cell->suppressed = TRUE;
  cell->cost_median = cell->cost_mean = -1;
  cell->ratio_q1 = cell->ratio_median = cell->ratio_q3 = -1;
}

/* A group of enough answers can still hold a figure that rests on fewer:
 * seven answers of which one gave both a cost and a wage would show that
 * person's cost ÷ wage as the group's median. Each figure drawn from
 * fewer than RAHNUMA_SURVEY_MIN_CELL answers is hidden as a whole group
 * is: the cost's median and mean and the share who paid anything (its
 * counts set to 0), the shares given a receipt and who borrowed, the
 * ratio's quartiles (n_ratio kept: how many answers it would rest on). */
static void
hide_small_figures (RahnumaSurveyCell *cell)
{
  if (cell->n_cost < RAHNUMA_SURVEY_MIN_CELL)
    {
      cell->n_cost = cell->n_paid = 0;
      cell->cost_median = cell->cost_mean = -1;
    }
  if (cell->n_receipt_said < RAHNUMA_SURVEY_MIN_CELL)
    cell->n_receipt_said = cell->n_receipt_yes = 0;
  if (cell->n_borrowed_said < RAHNUMA_SURVEY_MIN_CELL)
    cell->n_borrowed_said = cell->n_borrowed_yes = 0;
  if (cell->n_ratio < RAHNUMA_SURVEY_MIN_CELL)
    cell->ratio_q1 = cell->ratio_median = cell->ratio_q3 = -1;
}

/* Turns the collected values into figures; takes the cell from @group. */
static RahnumaSurveyCell *
finish_group (Group *group)
{
  RahnumaSurveyCell *cell = g_steal_pointer (&group->cell);

  cell->cost_mean = mean (group->costs);
  cell->cost_median = quantile (group->costs, 0.5);
  cell->n_ratio = group->ratios->len;
  cell->ratio_q1 = quantile (group->ratios, 0.25);
  cell->ratio_median = quantile (group->ratios, 0.5);
  cell->ratio_q3 = quantile (group->ratios, 0.75);
  /* None at all singles no one out: "0 answers" is said as it is. */
  if (cell->n > 0 && cell->n < RAHNUMA_SURVEY_MIN_CELL)
    suppress (cell);
  else
    hide_small_figures (cell);
  group_free (group);
  return cell;
}

/* One group per value of a column, in the schema's order. */
typedef struct
{
  const char * const *values;
  Group **groups;
} Breakdown;

static void
breakdown_init (Breakdown *breakdown, const char *name)
{
  breakdown->values = rahnuma_survey_get_values (name);
  breakdown->groups = g_new0 (Group *, g_strv_length ((char **) breakdown->values));
  for (guint i = 0; breakdown->values[i] != NULL; i++)
    breakdown->groups[i] = group_new (breakdown->values[i]);
}

static void
breakdown_add (Breakdown *breakdown, const char *value, const Answer *answer)
{
  for (guint i = 0; value != NULL && breakdown->values[i] != NULL; i++)
    if (g_str_equal (value, breakdown->values[i]))
      {
        add_answer (breakdown->groups[i], answer);
        return;
      }
}

/* When a breakdown hides exactly one group, it could be worked out from the
 * whole minus the rest: the smallest group still shown is hidden too. */
static void
suppress_complement (GPtrArray *cells)
{
  RahnumaSurveyCell *smallest = NULL;
  guint n_hidden = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      RahnumaSurveyCell *cell = g_ptr_array_index (cells, i);

      if (cell->suppressed)
        n_hidden++;
      else if (smallest == NULL || cell->n < smallest->n)
        smallest = cell;
    }
  if (n_hidden == 1 && smallest != NULL)
    suppress (smallest);
}

/* Takes the groups; a group nobody answered for is left out. */
static GPtrArray *
breakdown_finish (Breakdown *breakdown)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);

  for (guint i = 0; breakdown->values[i] != NULL; i++)
    {
      if (breakdown->groups[i]->cell->n > 0)
        g_ptr_array_add (cells, finish_group (breakdown->groups[i]));
      else
        {
          cell_free (breakdown->groups[i]->cell);
          group_free (breakdown->groups[i]);
        }
    }
  g_free (breakdown->groups);
  suppress_complement (cells);
  return cells;
}

static void
set_weeks (RahnumaSurveyReport *report, gint64 from, gint64 to)
{
  report->week_from = from > 0 ? rahnuma_survey_week (from) : NULL;
  report->week_to = to > 0 && to < G_MAXINT64 ? rahnuma_survey_week (to - 1) : NULL;
}

static gboolean
read_answers (RahnumaStore *store, RahnumaSurveyReport *report, Group *all, Breakdown *by,
              RahnumaSurveyRates *rates, GError **error)
{
  sqlite3 *db = rahnuma_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = rahnuma_store_prepare (db, REPORT_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* ISO weeks as text sort in time order: "2026-W09" < "2026-W10". */
  sqlite3_bind_text (stmt, 1, report->week_from != NULL ? report->week_from : "0000", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, report->week_to != NULL ? report->week_to : "9999", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Answer answer;

      read_answer (&answer, stmt, rates);
      add_answer (all, &answer);
      breakdown_add (&by[0], answer.destination, &answer);
      breakdown_add (&by[1], answer.sector, &answer);
      report->n_demo += sqlite3_column_int (stmt, COL_DEMO) != 0;
    }
  if (rc != SQLITE_DONE)
    return rahnuma_store_set_error (error, db, rc, _("Cannot read the survey answers"));
  return TRUE;
}

/**
 * rahnuma_survey_report_new:
 * @store: a journal or officers' file
 * @from: unix seconds; answers from the ISO week holding it (0: from the first)
 * @to: unix seconds, excluded; answers up to the ISO week holding @to - 1
 *   (0 or %G_MAXINT64: to the last)
 * @rates: (nullable): exchange rates; without them only wages in rupees
 *   enter the cost/wage figure
 * @error: return location for a #RAHNUMA_STORE_ERROR
 *
 * The survey figures for the weeks asked, for all answers and by
 * destination and by sector, with groups under RAHNUMA_SURVEY_MIN_CELL
 * answers hidden (see the file's comment). Demo answers are included and
 * counted in n_demo. The store stays locked while the answers are read.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
RahnumaSurveyReport *
rahnuma_survey_report_new (RahnumaStore *store, gint64 from, gint64 to, RahnumaSurveyRates *rates,
                           GError **error)
{
  g_autoptr(RahnumaSurveyReport) report = g_new0 (RahnumaSurveyReport, 1);
  Group *all = group_new ("all");
  Breakdown by[2];
  gboolean ok;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);

  set_weeks (report, from, to);
  if (rates != NULL)
    {
      report->rates_date = g_strdup (rates->date);
      report->rates_source = g_strdup (rates->source);
    }
  breakdown_init (&by[0], "destination");
  breakdown_init (&by[1], "sector");
  rahnuma_store_lock (store);
  ok = read_answers (store, report, all, by, rates, error);
  rahnuma_store_unlock (store);
  report->all = finish_group (all);
  report->by_destination = breakdown_finish (&by[0]);
  report->by_sector = breakdown_finish (&by[1]);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* ---- export ---------------------------------------------------------- */

#define EXPORT_SQL \
  "SELECT id, week, destination, sector, found_via, cost_answer, cost_pkr, receipt, borrowed," \
  " wage_answer, wage_amount, wage_currency, demo FROM survey WHERE week >= ?1 AND week <= ?2" \
  " ORDER BY week, id"

/* Every value is a fixed word, a hex id or an integer (the schema's
 * CHECKs), so neither format needs quoting beyond JSON's string quotes. */
static void
append_export_row (GString *out, sqlite3_stmt *stmt, RahnumaExportFormat format, gboolean first)
{
  int n = sqlite3_column_count (stmt);

  if (format == RAHNUMA_EXPORT_JSON)
    g_string_append (out, first ? "\n  {" : ",\n  {");
  for (int c = 0; c < n; c++)
    {
      int type = sqlite3_column_type (stmt, c);
      const char *text = (const char *) sqlite3_column_text (stmt, c);

      if (format == RAHNUMA_EXPORT_JSON)
        g_string_append_printf (out, "%s\"%s\": ", c > 0 ? ", " : "", sqlite3_column_name (stmt, c));
      else if (c > 0)
        g_string_append_c (out, ',');
      if (type == SQLITE_NULL)
        g_string_append (out, format == RAHNUMA_EXPORT_JSON ? "null" : "");
      else if (type == SQLITE_TEXT && format == RAHNUMA_EXPORT_JSON)
        g_string_append_printf (out, "\"%s\"", text);
      else
        g_string_append (out, text);
    }
  g_string_append (out, format == RAHNUMA_EXPORT_JSON ? "}" : "\r\n");
}

static gboolean
write_out (GOutputStream *stream, GString *out, GCancellable *cancellable, GError **error)
{
  gboolean ok = g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);

  g_string_truncate (out, 0);
  return ok;
}

static gint64
export_rows (RahnumaStore *store, sqlite3_stmt *stmt, RahnumaExportFormat format, GOutputStream *stream,
             GCancellable *cancellable, GError **error)
{
  g_autoptr(GString) out = g_string_new (format == RAHNUMA_EXPORT_JSON ? "[" : NULL);
  gint64 n = 0;
  int rc;

  if (format == RAHNUMA_EXPORT_CSV)
    g_string_append (out, "id,week,destination,sector,found_via,cost_answer,cost_pkr,receipt,borrowed,"
                          "wage_answer,wage_amount,wage_currency,demo\r\n");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      append_export_row (out, stmt, format, n++ == 0);
      if (out->len > 65536 && !write_out (stream, out, cancellable, error))
        return -1;
    }
  if (rc != SQLITE_DONE)
    {
      rahnuma_store_set_error (error, rahnuma_store_get_db (store), rc, _("Cannot read the survey answers"));
      return -1;
    }
  if (format == RAHNUMA_EXPORT_JSON)
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  return write_out (stream, out, cancellable, error) ? n : -1;
}

/**
 * rahnuma_survey_export_write:
 * @store: a journal or officers' file
 * @format: CSV (RFC 4180, CRLF) or a JSON array of objects
 * @from: unix seconds: answers from the ISO week holding it (0 or less: all)
 * @to: unix seconds, excluded: up to the ISO week holding @to - 1
 *   (%G_MAXINT64: all)
 * @stream: where to write; not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #RAHNUMA_STORE_ERROR or #GIOError
 *
 * Writes one row per survey answer, by week and then by random id (never
 * in the order they were given). docs/survey-data.md is the data
 * dictionary: every column, its unit and allowed values.
 *
 * Returns: the number of answers written, or -1 on error
 */
gint64
rahnuma_survey_export_write (RahnumaStore *store, RahnumaExportFormat format, gint64 from, gint64 to,
                             GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *week_from = from > 0 ? rahnuma_survey_week (from) : g_strdup ("0000");
  g_autofree char *week_to = to > 0 && to < G_MAXINT64 ? rahnuma_survey_week (to - 1) : g_strdup ("9999");
  gint64 n;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), -1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), -1);

  stmt = rahnuma_store_prepare (rahnuma_store_get_db (store), EXPORT_SQL, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, week_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, week_to, -1, SQLITE_STATIC);
  rahnuma_store_lock (store);
  n = export_rows (store, stmt, format, stream, cancellable, error);
  rahnuma_store_unlock (store);
  return n;
}
