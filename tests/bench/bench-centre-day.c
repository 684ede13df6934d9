/* bench-centre-day.c — a briefing centre's day, simulated: how many kiosks
 * for 2,500 workers with nobody waiting over 30 minutes, each worker on
 * the full individual path, against a hall briefing followed by the
 * kiosk's short path (issue 20)
 *
 * Nothing is typed in that can be measured:
 *
 *  - durations are the bundled media's, read with GstDiscoverer: each
 *    lesson's scene narration and its questions' narration and
 *    explanations (the modules loaded by rahnuma_catalog_new(), as the
 *    kiosk loads them), and the kiosk's prompts, in one language (Urdu by
 *    default: the other languages fall back to its voice);
 *  - taps are counted from a UI test's run (TAPS_TSV, made from
 *    tests/ui/journey.py with RAHNUMA_TAP_LOG): per question on the quiz
 *    page, per lesson on the lessons and lesson pages, per visit elsewhere;
 *  - the short path's check questions per lesson: the kiosk setting
 *    short-path-questions' default, read from the compiled schema of the
 *    build tree (data/gschemas.compiled), or --short-questions.
 *
 * Assumed, and stated in README (Benchmarks):
 *
 *  - a person's time per tap (--tap-seconds, 4 s): the keystroke-level
 *    model's mental preparation (M, 1.35 s), taken twice for a first-time
 *    visitor who cannot read the screen, plus pointing (P, 1.1 s) (Card,
 *    Moran and Newell, "The keystroke-level model for user performance
 *    time with interactive systems", CACM 23(7), 1980); the doubling is an
 *    assumption, not a measurement. Narration is heard to its end;
 *  - arrivals: a Poisson day with a morning peak (hour_weights);
 *  - halls: sessions on a fixed schedule, the halls taking turns, 80 seats,
 *    10 minutes' change-over; a hall session is the lessons' narration;
 *  - the short path, as the kiosk walks it: the visit's pages, one more
 *    tap for "I was in the hall", no list of lessons (it goes straight
 *    through), each lesson's N drawn questions said and answered, a right
 *    answer said "correct" without its explanation (the hall discussed
 *    it); a share of the answers (--wrong-share, 20 %: assumed, not
 *    measured) is wrong, said "wrong" with its explanation, and then
 *    "Watch this lesson again?" is answered "go on" with one tap: the
 *    scenes watched again are not counted (the minutes they would add are
 *    printed). Question times are each lesson's mean.
 *
 * centre-sim.c holds the queues. GstDiscoverer, not
 * rahnuma-media-probe.c, because the probe gives no durations.
 *
 * Prints per-path minutes as comments, then:
 *   centre-day-kiosks-needed  <hall + short> kiosks  <full path> kiosks  <ratio>x
 * Usage: bench-centre-day [--lang L] [--workers N] [--halls N] [--seats N]
 *          [--tap-seconds S] [--seed N] [--short-questions N] [--wrong-share F]
 *          MODULES_DIR TAPS_TSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gst/pbutils/pbutils.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "centre-sim.h"
#include "rahnuma-catalog.h"

#define DAY_HOURS      8
#define MAX_WAIT_MIN   30.0
#define MAX_KIOSKS     1000
#define AIM_KIOSKS     25   /* issue 20's aim, with 4 halls */
#define CHANGE_OVER    10.0 /* minutes between two sessions of one hall */
#define CODE_SYMBOLS   10   /* spoken on the result page, one clip each */

/* The share of the day's arrivals in each hour from opening: a morning
 * peak (assumed: no Protector's office publishes its hourly counts). */
static const double hour_weights[DAY_HOURS] = { 16, 20, 17, 13, 10, 10, 8, 6 };

typedef struct
{
  char *id;
  double scenes;    /* minutes of scene narration */
  double questions; /* minutes of question and explanation narration */
  double explained; /* of which the explanations */
  guint n_questions;
} Lesson;

typedef struct
{
  double per_visit;    /* taps on the welcome, language, about-you and result pages */
  double per_list;     /* on the lessons page, per lesson */
  double per_watch;    /* on a lesson's page, per lesson */
  double per_question; /* on the quiz page */
} Taps;

static GstDiscoverer *discoverer;
static const char *lang = "ur";

static G_NORETURN void
die (const char *what, const GError *error)
{
  g_printerr ("bench-centre-day: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* The length of the media file at @path, in minutes. */
static double
media_minutes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, &error);
  g_autoptr(GstDiscovererInfo) info = NULL;
  GstClockTime ns;

  if (uri == NULL)
    die (path, error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  if (info == NULL)
    die (path, error);
  ns = gst_discoverer_info_get_duration (info);
  if (!GST_CLOCK_TIME_IS_VALID (ns) || ns == 0)
    die (path, NULL);
  return (double) ns / GST_SECOND / 60.0;
}

/* A kiosk prompt (media/prompts/LANG/NAME.ogg) in minutes. */
static double
prompt_minutes (const char *prompts, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".ogg", NULL);
  g_autofree char *path = g_build_filename (prompts, lang, file, NULL);

  return media_minutes (path);
}

static double
scene_minutes (RahnumaScene *scene)
{
  g_autofree char *narration = rahnuma_scene_dup_narration_path (scene, lang, NULL);
  g_autofree char *media = NULL;

  if (narration != NULL)
    return media_minutes (narration);
  if (rahnuma_scene_get_kind (scene) == RAHNUMA_SCENE_VIDEO)
    {
      media = rahnuma_scene_dup_media_path (scene, lang);
      return media_minutes (media);
    }
  die ("a picture scene has no narration to time", NULL);
}

/* A question's narration and its explanation's, in minutes; the latter
 * also added to @explained. */
static double
question_minutes (RahnumaQuestion *question, double *explained)
{
  g_autofree char *asked = rahnuma_question_dup_narration_path (question, lang, NULL);
  g_autofree char *explanation = rahnuma_question_dup_explanation_narration_path (question, lang, NULL);
  double explanation_minutes;

  if (asked == NULL || explanation == NULL)
    die ("a question has no narration to time", NULL);
  explanation_minutes = media_minutes (explanation);
  *explained += explanation_minutes;
  return media_minutes (asked) + explanation_minutes;
}

static Lesson
measure_lesson (RahnumaModule *module)
{
  Lesson lesson = { g_strdup (rahnuma_module_get_id (module)), 0, 0, 0, 0 };

  for (guint i = 0; i < rahnuma_module_get_n_scenes (module); i++)
    lesson.scenes += scene_minutes (rahnuma_module_get_scene (module, i));
  lesson.n_questions = rahnuma_module_get_n_questions (module);
  for (guint i = 0; i < lesson.n_questions; i++)
    lesson.questions += question_minutes (rahnuma_module_get_question (module, i), &lesson.explained);
  return lesson;
}

static void
clear_lesson (gpointer lesson)
{
  g_free (((Lesson *) lesson)->id);
}

/* Every module of @dir, timed; prints one comment line each. */
static GArray *
measure_lessons (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) catalog = rahnuma_catalog_new (dir, &error);
  GArray *lessons = g_array_new (FALSE, FALSE, sizeof (Lesson));

  g_array_set_clear_func (lessons, clear_lesson);

  if (catalog == NULL)
    die (dir, error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      Lesson lesson = measure_lesson (module);

      printf ("# lesson %-16s %5.2f min scenes, %5.2f min for its %u questions (%s narration)\n",
              lesson.id, lesson.scenes, lesson.questions, lesson.n_questions, lang);
      g_array_append_val (lessons, lesson);
    }
  if (lessons->len == 0)
    die (dir, NULL);
  return lessons;
}

/* Adds one "page NAME COUNT" line of the taps file to @taps (as counts;
 * divided by the walk's units afterwards). */
static void
add_page_taps (Taps *taps, const char *page, double count)
{
  if (g_str_equal (page, "RahnumaQuizPage"))
    taps->per_question += count;
  else if (g_str_equal (page, "RahnumaLessonsPage"))
    taps->per_list += count;
  else if (g_str_equal (page, "RahnumaLessonPage"))
    taps->per_watch += count;
  else
    taps->per_visit += count;
}

/* Reads TAPS_TSV: "page NAME COUNT" and "walked UNIT COUNT" lines (tab-
 * separated; # starts a comment), and gives taps per visit, per lesson and
 * per question of the walk. */
static Taps
read_taps (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  double visits = 0, lessons = 0, questions = 0;
  Taps taps = { 0 };

  if (!g_file_get_contents (path, &contents, NULL, &error))
    die (path, error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      double count;

      if (lines[i][0] == '#' || g_strv_length (f) != 3)
        continue;
      count = g_ascii_strtod (f[2], NULL);
      if (g_str_equal (f[0], "page"))
        add_page_taps (&taps, f[1], count);
      else if (g_str_equal (f[0], "walked"))
        *(g_str_equal (f[1], "visit") ? &visits : g_str_equal (f[1], "lesson") ? &lessons : &questions) = count;
    }
  if (visits <= 0 || lessons <= 0 || questions <= 0)
    die (path, NULL);
  taps.per_visit /= visits, taps.per_question /= questions;
  taps.per_list /= lessons, taps.per_watch /= lessons;
  return taps;
}

static double
mean_symbol_minutes (const char *prompts)
{
  const char *symbols = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  double sum = 0;

  for (const char *c = symbols; *c != '\0'; c++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "symbol-%c", *c);
      sum += prompt_minutes (prompts, name);
    }
  return sum / strlen (symbols);
}

/* What every visit hears outside the lessons: welcome, language, the
 * about-you step as the journey walks it (its first question, then "Skip
 * all"), and the result with its code and contacts. */
static double
visit_prompts (const char *prompts)
{
  const char *names[] = { "welcome", "language", "about", "about-gender", "result",
                          "result-all-passed", "code-is", "contacts" };
  double sum = CODE_SYMBOLS * mean_symbol_minutes (prompts);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sum += prompt_minutes (prompts, names[i]);
  return sum;
}

/* Per question: its narration and explanation, and "correct". */
static double
all_questions (GArray *lessons, const char *prompts, guint *n)
{
  double sum = 0;

  *n = 0;
  for (guint i = 0; i < lessons->len; i++)
    {
      Lesson *l = &g_array_index (lessons, Lesson, i);

      sum += l->questions + l->n_questions * prompt_minutes (prompts, "correct");
      *n += l->n_questions;
    }
  return sum;
}

static double
all_scenes (GArray *lessons)
{
  double sum = 0;

  for (guint i = 0; i < lessons->len; i++)
    sum += g_array_index (lessons, Lesson, i).scenes;
  return sum;
}

typedef struct
{
  double full, hall, short_path; /* minutes: on a kiosk, in the hall, on a kiosk */
} Paths;

typedef struct
{
  guint per_lesson;   /* check questions per lesson; 0: all */
  double wrong_share; /* of the answers, 0 to 1 */
} ShortPath;

/* The short path's questions (issue 20): per lesson, @s->per_lesson drawn
 * questions (a lesson's mean times), each said, answered, and said
 * "correct"; a wrong one (@s->wrong_share) said "wrong", explained, and
 * "Watch this lesson again?" said and answered "go on" (one tap, in
 * @extra_taps). Sets @n to the questions asked and @rewatch to the minutes
 * the wrong answers' lessons would add if watched again. */
static double
short_questions (GArray *lessons, const char *prompts, const ShortPath *s, double *n,
                 double *extra_taps, double *rewatch)
{
  double right = prompt_minutes (prompts, "correct");
  double wrong = prompt_minutes (prompts, "wrong") + prompt_minutes (prompts, "watch-again");
  double sum = 0;

  *n = *extra_taps = *rewatch = 0;
  for (guint i = 0; i < lessons->len; i++)
    {
      Lesson *l = &g_array_index (lessons, Lesson, i);
      double asked = s->per_lesson == 0 ? l->n_questions : MIN (s->per_lesson, l->n_questions);
      double said = (l->questions - l->explained) / l->n_questions;
      double explanation = l->explained / l->n_questions;

      sum += prompt_minutes (prompts, "quiz")
             + asked * (said + (1 - s->wrong_share) * right + s->wrong_share * (wrong + explanation));
      *n += asked;
      *extra_taps += asked * s->wrong_share;
      *rewatch += asked * s->wrong_share * l->scenes;
    }
  return sum;
}

static Paths
measure_paths (GArray *lessons, const char *prompts, Taps taps, double tap_s, const ShortPath *s)
{
  guint n_lessons = lessons->len, n_questions;
  double questions = all_questions (lessons, prompts, &n_questions);
  double visit = visit_prompts (prompts), tap = tap_s / 60.0;
  double per_lesson = prompt_minutes (prompts, "lessons-next") + prompt_minutes (prompts, "quiz");
  double full_taps = taps.per_visit + n_lessons * (taps.per_list + taps.per_watch)
                     + n_questions * taps.per_question;
  double n_short, wrong_taps, rewatch;
  double short_q = short_questions (lessons, prompts, s, &n_short, &wrong_taps, &rewatch);
  /* The short path: one more tap ("I was in the hall"), no list of lessons. */
  double short_taps = taps.per_visit + 1 + n_short * taps.per_question + wrong_taps;
  Paths p;

  p.full = visit + n_lessons * per_lesson + all_scenes (lessons) + questions + full_taps * tap;
  p.hall = all_scenes (lessons) + questions - n_questions * prompt_minutes (prompts, "correct");
  p.short_path = visit + short_q + short_taps * tap;
  printf ("# taps (journey): %.2f per visit, per lesson %.2f on the list and %.2f watching,"
          " %.2f per question; %.1f s each\n",
          taps.per_visit, taps.per_list, taps.per_watch, taps.per_question, tap_s);
  printf ("# every visit: %.1f min of prompts (welcome to result); a question: %.1f s of narration\n",
          visit, 60 * questions / n_questions);
  printf ("# full individual path: %.1f min (%.1f min media, %.0f taps)\n",
          p.full, p.full - full_taps * tap, full_taps);
  printf ("# hall session: %.1f min narration (%u lessons, %u questions) + %.0f min change-over\n",
          p.hall, n_lessons, n_questions, CHANGE_OVER);
  printf ("# short path after the hall: %.1f min (%.1f min media, %.0f taps): %.0f questions"
          " (%u per lesson, short-path-questions; 0 = all), %.0f %% answered wrongly (assumed)\n",
          p.short_path, p.short_path - short_taps * tap, short_taps, n_short, s->per_lesson,
          100 * s->wrong_share);
  printf ("# not counted: the lessons watched again after those wrong answers, %.1f min on average\n",
          rewatch);
  return p;
}

typedef struct
{
  int workers, halls, seats, seed; /* options: positive */
  double tap_s;
  int short_questions; /* -1: the setting's default */
  double wrong_share;
} Options;

/* short-path-questions' default, from the compiled schema of the build
 * tree: the number the kiosk asks, not typed in again here. */
static guint
default_short_questions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = g_settings_schema_source_new_from_directory (RAHNUMA_SCHEMA_DIR, NULL,
                                                                                          TRUE, &error);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) value = NULL;

  if (source == NULL)
    die (RAHNUMA_SCHEMA_DIR, error);
  schema = g_settings_schema_source_lookup (source, RAHNUMA_APP_ID, FALSE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "short-path-questions"))
    die ("the compiled schema has no short-path-questions", NULL);
  key = g_settings_schema_get_key (schema, "short-path-questions");
  value = g_settings_schema_key_get_default_value (key);
  return g_variant_get_uint32 (value);
}

/* Everyone on the full path: the fewest kiosks, and the longest wait then. */
static guint
full_day (const double *arrive, guint n, Paths p, double *wait)
{
  guint k = centre_sim_min_servers (arrive, NULL, n, p.full, MAX_WAIT_MIN, MAX_KIOSKS);

  *wait = k > 0 ? centre_sim_max_wait (arrive, NULL, n, p.full, k) : INFINITY;
  return k;
}

typedef struct
{
  double *leave;    /* when each worker leaves the hall, sorted */
  double *waited;   /* how long each waited for a seat */
  double hall_wait; /* the longest of those */
} HallExit;

static void
hall_exit_clear (HallExit *h)
{
  g_clear_pointer (&h->leave, g_free);
  g_clear_pointer (&h->waited, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HallExit, hall_exit_clear)

/* Everyone seated in the first hall session with a free seat. */
static HallExit
hall_exit (const double *arrive, guint n, Paths p, guint halls, guint seats)
{
  HallExit h = { g_new (double, n), g_new (double, n), 0 };

  h.hall_wait = centre_sim_hall_seat (arrive, n, halls, seats, p.hall + CHANGE_OVER, h.leave);
  for (guint i = 0; i < n; i++)
    {
      h.waited[i] = h.leave[i] - arrive[i];
      h.leave[i] += p.hall;
    }
  return h;
}

/* After the hall, the short path: the fewest kiosks with nobody waiting
 * over 30 minutes in all (hall and kiosk), and the longest wait then; 0
 * if the halls alone keep someone waiting longer. */
static guint
hall_day (const HallExit *h, guint n, double short_path, double *wait)
{
  guint k = centre_sim_min_servers (h->leave, h->waited, n, short_path, MAX_WAIT_MIN, MAX_KIOSKS);

  *wait = k > 0 ? centre_sim_max_wait (h->leave, h->waited, n, short_path, k) : INFINITY;
  return k;
}

/* The longest short path that @kiosks kiosks carry after the hall with
 * nobody waiting over 30 minutes, in minutes to a second; 0 if none. */
static double
short_path_limit (const HallExit *h, guint n, guint kiosks)
{
  double lo = 0, hi = 120;

  if (centre_sim_max_wait (h->leave, h->waited, n, lo, kiosks) > MAX_WAIT_MIN)
    return 0;
  while (hi - lo > 1 / 60.0)
    {
      double mid = (lo + hi) / 2;

      *(centre_sim_max_wait (h->leave, h->waited, n, mid, kiosks) <= MAX_WAIT_MIN ? &lo : &hi) = mid;
    }
  return lo;
}

/* The fewest halls (up to 50) in which nobody waits over 30 minutes for a
 * seat, or 0. */
static guint
fewest_halls (const double *arrive, guint n, Paths p, guint seats)
{
  g_autofree double *start = g_new (double, n);

  for (guint h = 1; h <= 50; h++)
    if (centre_sim_hall_seat (arrive, n, h, seats, p.hall + CHANGE_OVER, start) <= MAX_WAIT_MIN)
      return h;
  return 0;
}

static void
simulate (Paths p, const Options *o)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (o->seed);
  g_autofree double *arrive = g_new (double, o->workers);
  g_auto(HallExit) h = { NULL };
  double full_wait, wait;
  guint full, hall;

  centre_sim_arrivals (rand, hour_weights, DAY_HOURS, 60, arrive, o->workers);
  full = full_day (arrive, o->workers, p, &full_wait);
  h = hall_exit (arrive, o->workers, p, o->halls, o->seats);
  hall = hall_day (&h, o->workers, p.short_path, &wait);
  printf ("# %d workers over %d h (seed %d), nobody waiting over %.0f min:\n",
          o->workers, DAY_HOURS, o->seed, MAX_WAIT_MIN);
  printf ("#   full individual path: %u kiosks (longest wait %.1f min)\n", full, full_wait);
  printf ("#   hall + short path: %d halls of %d seats, %u kiosks (longest wait %.1f min,"
          " of which at most %.1f min for a hall seat)\n", o->halls, o->seats, hall, wait, h.hall_wait);
  printf ("#   fewest halls of %d seats with no wait over %.0f min for a seat: %u\n",
          o->seats, MAX_WAIT_MIN, fewest_halls (arrive, o->workers, p, o->seats));
  printf ("#   the longest short path %d kiosks carry after %d halls: %.1f min\n",
          AIM_KIOSKS, o->halls, short_path_limit (&h, o->workers, AIM_KIOSKS));
  if (h.hall_wait > MAX_WAIT_MIN)
    g_printerr ("bench-centre-day: %d halls keep workers waiting up to %.0f min for a seat\n",
                o->halls, h.hall_wait);
  else if (full == 0 || hall == 0)
    g_printerr ("bench-centre-day: more than %u kiosks would be needed\n", MAX_KIOSKS);
  if (full == 0 || hall == 0)
    exit (1);
  printf ("centre-day-kiosks-needed  %u kiosks  %u kiosks  %.2fx\n", hall, full, (double) hall / full);
}

int
main (int argc, char **argv)
{
  Options o = { 2500, 4, 80, 20, 4.0, -1, 0.2 };
  ShortPath short_path;
  g_autofree char *lang_option = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_option, "Narration language (ur)", "L" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &o.workers, "Workers a day (2500)", "N" },
    { "halls", 0, 0, G_OPTION_ARG_INT, &o.halls, "Halls (4)", "N" },
    { "seats", 0, 0, G_OPTION_ARG_INT, &o.seats, "Seats per hall session (80)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &o.seed, "Arrivals' seed (20)", "N" },
    { "tap-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &o.tap_s, "Seconds per tap (4)", "S" },
    { "short-questions", 0, 0, G_OPTION_ARG_INT, &o.short_questions,
      "Questions per lesson on the short path, 0 for all (short-path-questions' default)", "N" },
    { "wrong-share", 0, 0, G_OPTION_ARG_DOUBLE, &o.wrong_share, "Share of answers wrong (0.2)", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("MODULES_DIR TAPS_TSV");
  g_autoptr(GError) error = NULL;
  g_autofree char *prompts = NULL;
  g_autoptr(GArray) lessons = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3
      || o.workers <= 0 || o.halls <= 0 || o.seats <= 0 || o.tap_s < 0
      || o.wrong_share < 0 || o.wrong_share > 1)
    die ("usage: bench-centre-day [OPTION…] MODULES_DIR TAPS_TSV", error);
  if (lang_option != NULL)
    lang = lang_option;
  gst_init (NULL, NULL);
  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  if (discoverer == NULL)
    die ("GstDiscoverer", error);
  prompts = g_build_filename (argv[1], "..", "prompts", NULL);
  lessons = measure_lessons (argv[1]);
  short_path.per_lesson = o.short_questions >= 0 ? (guint) o.short_questions : default_short_questions ();
  short_path.wrong_share = o.wrong_share;
  simulate (measure_paths (lessons, prompts, read_taps (argv[2]), o.tap_s, &short_path), &o);
  g_object_unref (discoverer);
  return 0;
}
