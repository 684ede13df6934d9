/* rahnuma-simulate.c — synthetic visits for training, demos and benchmarks
 *
 * Visits look like a busy centre's: mostly Urdu, then Punjabi, Pashto and
 * English; office hours, Monday to Saturday, spread over some days; some
 * visitors stop part-way; some fail a quiz and retake it; about a third do
 * not say their gender, destination or sector. The modules are the sample
 * ones in media/modules (seven, six questions each, pass mark four).
 *
 * Of those who say something, the gender goes on the visit and the
 * destination and sector in a survey row (rahnuma-survey.h), as on the
 * kiosk; about two in three also answer the cost questions: found through a promoter or a sub-agent
 * mostly; paid a few hundred thousand rupees (a skewed spread around
 * 400,000, about one in seven nothing, some not knowing); wages in the destination's
 * currency spread around a typical contract. These shapes are invented to
 * make charts look lived-in, not statistics: every row is marked demo.
 *
 * Every record is written through the store's own API, so it passes the same
 * schema checks as a real one, and is marked demo = 1: export, report and
 * verify show it as demo data. A seed makes the pattern of visits
 * repeatable; session ids and completion codes are always random.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-simulate"

#include "rahnuma-simulate.h"
#include "rahnuma-code.h"
#include "rahnuma-store-private.h"
#include "rahnuma-survey.h"

#define N_QUESTIONS   6
#define N_CHOICES     4
#define PASS_CORRECT  4
#define BATCH_SIZE    1000
#define DAY           (24 * 60 * 60)

typedef struct
{
  const char *value;
  guint weight;
} Weighted;

static const char * const module_ids[] = {
  "before-you-fly", "contract", "documents", "fees", "help", "money", "rights",
};

static const Weighted languages[] = {
  { "ur", 55 }, { "pa_PK", 20 }, { "ps", 15 }, { "en", 10 },
};
static const Weighted genders[] = {
  { "man", 80 }, { "woman", 8 }, { "other", 1 }, { "unsaid", 11 },
};
static const Weighted destinations[] = {
  { "SA", 40 }, { "AE", 22 }, { "OM", 7 }, { "QA", 7 }, { "KW", 3 }, { "BH", 2 },
  { "MY", 3 }, { "GB", 1 }, { "other", 3 }, { "unsaid", 12 },
};
static const Weighted sectors[] = {
  { "construction", 30 }, { "driving", 15 }, { "domestic", 5 }, { "hospitality", 8 },
  { "manufacturing", 10 }, { "agriculture", 5 }, { "healthcare", 3 }, { "security", 6 },
  { "other", 6 }, { "unsaid", 12 },
};

static const Weighted found_via[] = {
  { "promoter", 45 }, { "sub-agent", 30 }, { "relative", 12 }, { "direct", 5 }, { "other", 3 }, { "unsaid", 5 },
};
static const Weighted yes_no[] = { { "yes", 45 }, { "no", 45 }, { "unsaid", 10 } };

/* A typical monthly contract wage, in the destination's own currency. */
static const struct
{
  const char *destination;
  guint low, high;
} wages[] = {
  { "SA", 1000, 2500 }, { "AE", 1000, 3000 }, { "OM", 100, 300 }, { "QA", 1000, 3000 },
  { "KW", 100, 300 }, { "BH", 100, 300 }, { "MY", 1200, 2500 }, { "GB", 1800, 2600 },
};

#define PICK(rand, table) pick (rand, table, G_N_ELEMENTS (table))

static const char *
pick (GRand *rand, const Weighted *items, gsize n_items)
{
  guint total = 0, r;

  for (gsize i = 0; i < n_items; i++)
    total += items[i].weight;
  r = g_rand_int_range (rand, 0, (gint32) total);
  for (gsize i = 0; i < n_items; i++)
    {
      if (r < items[i].weight)
        return items[i].value;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
}

/* Office hours in Pakistan (09:00–16:00 PKT, 04:00–11:00 UTC), not Sundays. */
static gint64
pick_start (GRand *rand, const RahnumaSimulateOptions *options)
{
  guint n_days = MAX (options->n_days, 1);
  gint64 first_day = (options->end_time / DAY - n_days) * DAY;

  for (;;)
    {
      gint64 day = first_day + (gint64) g_rand_int_range (rand, 0, (gint32) n_days) * DAY;

      /* 1 January 1970 was a Thursday: (days + 3) % 7 is 0 on Mondays.
       * Centres close on Sundays, unless the range is that one Sunday. */
      if (n_days == 1 || (day / DAY + 3) % 7 != 6)
        return day + 4 * 3600 + g_rand_int_range (rand, 0, 7 * 3600);
    }
}

typedef struct
{
  RahnumaStore *store;
  GRand *rand;
  const char *session_id;
  double skill; /* chance of answering a question right */
  gboolean short_path; /* was in the hall briefing: the questions first */
} Visit;

/* The share of visits on the short path, after the hall briefing: a centre
 * with halls briefs most workers there (issue 20). Drawn from a generator
 * of its own, so the other draws stay what a seed gave before. */
#define SHORT_PATH_SHARE 0.6

static gboolean
take_quiz (Visit *v, guint module, guint *n_correct, GError **error)
{
  *n_correct = 0;
  for (guint q = 0; q < N_QUESTIONS; q++)
    {
      guint right = (q * 7 + module) % N_CHOICES;
      gboolean correct = g_rand_double (v->rand) < v->skill;
      guint choice = correct ? right : (right + (guint) g_rand_int_range (v->rand, 1, N_CHOICES)) % N_CHOICES;

      if (!rahnuma_store_record_answer (v->store, v->session_id, module_ids[module], q, choice,
                                        correct, error))
        return FALSE;
      *n_correct += correct;
    }
  return TRUE;
}

/* Watches a module and takes its quiz, retaking it half the time on a fail.
 * On the short path the scenes are watched only after a failed quiz (the
 * kiosk offers them again). */
static gboolean
do_module (Visit *v, guint module, GError **error)
{
  double watched = g_rand_double (v->rand) < 0.85 ? 1.0 : g_rand_double_range (v->rand, 0.7, 1.0);
  guint n_correct;

  if (!take_quiz (v, module, &n_correct, error))
    return FALSE;
  if (v->short_path && n_correct >= PASS_CORRECT)
    watched = 0.0;
  if (n_correct < PASS_CORRECT && g_rand_boolean (v->rand) && !take_quiz (v, module, &n_correct, error))
    return FALSE;
  return rahnuma_store_record_module (v->store, v->session_id, module_ids[module], 1, watched,
                                      n_correct, N_QUESTIONS, n_correct >= PASS_CORRECT, error);
}

/* Of those who give a cost, the share who paid nothing (a job through a
 * relative, or an employer who paid everything). Invented, like every
 * shape here, and not a statistic: large enough that a demo's groups of a
 * dozen answers do not all read "paid anything 100%". */
#define PAID_NOTHING_SHARE 0.15

static void
pick_cost (GRand *rand, RahnumaSurveyAnswers *a)
{
  double r = g_rand_double (rand);

  a->cost_answer = r < 0.1 ? RAHNUMA_SURVEY_UNKNOWN : r < 0.15 ? RAHNUMA_SURVEY_UNSAID : RAHNUMA_SURVEY_AMOUNT;
  /* Skewed: the product of two uniform draws, most near the low end. */
  if (a->cost_answer == RAHNUMA_SURVEY_AMOUNT && g_rand_double (rand) >= PAID_NOTHING_SHARE)
    a->cost_pkr = (gint64) (100000 + 1400000 * g_rand_double (rand) * g_rand_double (rand));
}

static void
pick_wage (GRand *rand, RahnumaSurveyAnswers *a)
{
  double r = g_rand_double (rand);

  a->wage_answer = r < 0.2 ? RAHNUMA_SURVEY_UNKNOWN : r < 0.25 ? RAHNUMA_SURVEY_UNSAID : RAHNUMA_SURVEY_AMOUNT;
  for (guint i = 0; a->wage_answer == RAHNUMA_SURVEY_AMOUNT && i < G_N_ELEMENTS (wages); i++)
    if (g_strcmp0 (a->destination, wages[i].destination) == 0)
      {
        a->wage_amount = g_rand_int_range (rand, (gint32) wages[i].low, (gint32) wages[i].high + 1);
        a->wage_currency = rahnuma_survey_currency_for (a->destination);
        return;
      }
  if (a->wage_answer == RAHNUMA_SURVEY_AMOUNT)
    a->wage_answer = RAHNUMA_SURVEY_UNKNOWN; /* "other" and unsaid destinations */
}

/* The survey row: destination and sector, and the cost questions unless
 * the visitor skipped them (then the row holds those two alone, as the
 * kiosk writes it, or is not written if neither was said either). */
static gboolean
answer_survey (Visit *v, const char *destination, const char *sector, gint64 when, GError **error)
{
  RahnumaSurveyAnswers a = { .destination = destination, .sector = sector, .demo = TRUE };

  if (g_rand_double (v->rand) < 0.35)
    {
      if (g_str_equal (destination, RAHNUMA_CATEGORY_UNSAID) && g_str_equal (sector, RAHNUMA_CATEGORY_UNSAID))
        return TRUE;
      return rahnuma_store_add_survey (v->store, &a, when, error);
    }
  a.found_via = PICK (v->rand, found_via);
  a.receipt = PICK (v->rand, yes_no);
  a.borrowed = PICK (v->rand, yes_no);
  pick_cost (v->rand, &a);
  pick_wage (v->rand, &a);
  return rahnuma_store_add_survey (v->store, &a, when, error);
}

static gboolean
say_categories (Visit *v, gint64 when, GError **error)
{
  const char *destination, *sector;

  if (g_rand_double (v->rand) < 0.3)
    return TRUE; /* left them all unsaid */
  destination = PICK (v->rand, destinations);
  sector = PICK (v->rand, sectors);
  return rahnuma_store_set_gender (v->store, v->session_id, PICK (v->rand, genders), error) &&
         answer_survey (v, destination, sector, when, error);
}

static gboolean
simulate_visit (RahnumaStore *store, GRand *rand, GRand *path_rand, const RahnumaSimulateOptions *options,
                GError **error)
{
  RahnumaSessionStart start = {
    options->centre, options->kiosk, PICK (rand, languages), "demo", pick_start (rand, options), TRUE,
    g_rand_double (path_rand) < SHORT_PATH_SHARE ? RAHNUMA_PATH_SHORT : RAHNUMA_PATH_FULL
  };
  g_autofree char *id = rahnuma_store_begin_session (store, &start, error);
  g_autofree char *code = NULL;
  Visit v = { store, rand, id, g_rand_double_range (rand, 0.5, 0.97), start.path == RAHNUMA_PATH_SHORT };
  int stop_at = g_rand_double (rand) < 0.12 ? g_rand_int_range (rand, 0, G_N_ELEMENTS (module_ids)) : -1;
  guint minutes = 3;

  if (id == NULL || !say_categories (&v, start.started_at, error))
    return FALSE;
  for (guint m = 0; m < G_N_ELEMENTS (module_ids) && (int) m != stop_at; m++, minutes += 4)
    if (!do_module (&v, m, error))
      return FALSE;
  if (stop_at >= 0)
    return rahnuma_store_record_module (store, id, module_ids[stop_at], 1, g_rand_double_range (rand, 0.1, 0.7),
                                        0, 0, FALSE, error) && /* left before the quiz */
           rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_ABANDONED, NULL,
                                         start.started_at + minutes * 60, error);
  code = rahnuma_code_generate ();
  return rahnuma_store_finish_session (store, id, RAHNUMA_SESSION_COMPLETED, code,
                                       start.started_at + minutes * 60, error);
}

static gboolean
simulate_batch (RahnumaStore *store, GRand *rand, GRand *path_rand, const RahnumaSimulateOptions *options,
                guint n, GError **error)
{
  gboolean ok = TRUE;

  if (!rahnuma_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; ok && i < n; i++)
    ok = simulate_visit (store, rand, path_rand, options, error);
  return rahnuma_store_end_batch (store, ok, ok ? error : NULL) && ok;
}

/**
 * rahnuma_simulate_run:
 * @store: the journal to fill
 * @options: how many visits, where, when
 * @cancellable: (nullable): a #GCancellable, checked between batches
 * @error: return location for an error
 *
 * Adds @options->n_sessions finished synthetic visits, all marked demo, in
 * batches of a thousand (one transaction each); about SHORT_PATH_SHARE of
 * them on the short path (issue 20).
 *
 * Returns: whether all were added; on failure the batches already
 *   committed stay
 */
gboolean
rahnuma_simulate_run (RahnumaStore *store, const RahnumaSimulateOptions *options,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GRand) path_rand = NULL;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->centre != NULL && options->kiosk != NULL, FALSE);

  rand = options->seed != 0 ? g_rand_new_with_seed (options->seed) : g_rand_new ();
  path_rand = options->seed != 0 ? g_rand_new_with_seed (options->seed + 1) : g_rand_new ();
  for (guint done = 0; done < options->n_sessions; done += BATCH_SIZE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !simulate_batch (store, rand, path_rand, options, MIN (BATCH_SIZE, options->n_sessions - done), error))
        return FALSE;
    }
  return TRUE;
}
