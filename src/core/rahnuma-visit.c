/* rahnuma-visit.c — one visitor's journey and its record
 *
 * The visit keeps what the kiosk needs to show progress (watched fractions,
 * quiz answers) and writes every step to the journal. Writes run on a
 * worker thread through GTask so the screen never waits on the disk; the
 * kiosk waits for each step's callback before it moves on, so steps reach
 * the journal in order and a committed step is never lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-visit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-visit.h"
#include "rahnuma-code.h"

typedef struct
{
  double watched;
  RahnumaQuiz *quiz;
} Progress;

G_DEFINE_QUARK (rahnuma-visit-error-quark, rahnuma_visit_error)

struct _RahnumaVisit
{
  GObject parent_instance;

  RahnumaStore *store;
  RahnumaCatalog *catalog;
  char *language;
  char *centre;
  char *kiosk;
  char *session_id;
  char *code;
  RahnumaSessionState state;
  char *destination;    /* said in the "about you" step; in memory only, never logged */
  int pass_mark_percent; /* 0 to 100, or -1: each module's own */
  RahnumaVisitPath path; /* full until the visitor chooses the short one */
  guint short_path_questions; /* asked per lesson on the short path; 0: all */
  GRand *rand;           /* this visit's draw of short-path questions */
  GHashTable *progress; /* module id → Progress */
};

G_DEFINE_FINAL_TYPE (RahnumaVisit, rahnuma_visit, G_TYPE_OBJECT)

typedef enum
{
  STEP_BEGIN,
  STEP_MODULE,
  STEP_ANSWER,
  STEP_FINISH,
  STEP_ABOUT,
  STEP_PATH,
} StepKind;

/* Everything a worker thread needs, copied so it shares nothing mutable. */
typedef struct
{
  StepKind kind;
  char *session_id;
  RahnumaSessionStart start;
  char *catalog_version;
  RahnumaModuleResult module;  /* STEP_MODULE, STEP_ANSWER: the lesson's row as it now stands */
  guint question;
  guint choice;
  gboolean correct;
  RahnumaSessionState state;
  char *code;
  char *gender;                /* STEP_ABOUT: the session's categories… */
  RahnumaSurveyAnswers survey; /* …and the survey row; its strings are owned below */
  char *survey_strings[6];
  gboolean has_survey;
  RahnumaVisitPath path;       /* STEP_PATH */
} Step;

static void
step_free (Step *step)
{
  g_free (step->session_id);
  g_free (step->catalog_version);
  g_free (step->module.module_id);
  g_free (step->code);
  g_free (step->gender);
  for (guint i = 0; i < G_N_ELEMENTS (step->survey_strings); i++)
    g_free (step->survey_strings[i]);
  g_free (step);
}

static void
progress_free (Progress *progress)
{
  g_clear_pointer (&progress->quiz, rahnuma_quiz_free);
  g_free (progress);
}

static Progress *
lookup_progress (RahnumaVisit *self, RahnumaModule *module)
{
  const char *id = rahnuma_module_get_id (module);
  Progress *progress = g_hash_table_lookup (self->progress, id);

  if (progress == NULL)
    {
      progress = g_new0 (Progress, 1);
      progress->quiz = rahnuma_quiz_new (module);
      if (self->pass_mark_percent >= 0)
        rahnuma_quiz_set_pass_mark_percent (progress->quiz, (guint) self->pass_mark_percent);
      if (self->path == RAHNUMA_PATH_SHORT)
        rahnuma_quiz_draw (progress->quiz, self->short_path_questions, self->rand);
      g_hash_table_insert (self->progress, g_strdup (id), progress);
    }
  return progress;
}

static Step *
step_new (RahnumaVisit *self, StepKind kind)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->session_id = g_strdup (self->session_id);
  return step;
}

static Step *
module_step_new (RahnumaVisit *self, RahnumaModule *module, StepKind kind)
{
  Progress *progress = lookup_progress (self, module);
  Step *step = step_new (self, kind);

  step->module.module_id = g_strdup (rahnuma_module_get_id (module));
  step->module.module_version = rahnuma_module_get_version (module);
  step->module.watched = progress->watched;
  step->module.n_correct = rahnuma_quiz_get_n_correct (progress->quiz);
  step->module.n_questions = rahnuma_quiz_get_n_questions (progress->quiz);
  step->module.passed = rahnuma_quiz_is_passed (progress->quiz);
  return step;
}

static gboolean
run_module_step (RahnumaStore *store, Step *step, GError **error)
{
  const RahnumaModuleResult *m = &step->module;

  return rahnuma_store_record_module (store, step->session_id, m->module_id, m->module_version, m->watched,
                                      m->n_correct, m->n_questions, m->passed, error);
}

static gboolean
run_answer_step (RahnumaStore *store, Step *step, GError **error)
{
  /* The answer and the module's new score go in as two commits; the second
   * only refreshes a derived row, so losing it to a power cut loses nothing
   * that the answers do not say. */
  return rahnuma_store_record_answer (store, step->session_id, step->module.module_id, step->question,
                                      step->choice, step->correct, error) &&
         run_module_step (store, step, error);
}

/* The survey row first, in a transaction of its own: it does not depend on
 * the session, and nothing in it names the session. */
static gboolean
run_about_step (RahnumaStore *store, Step *step, GError **error)
{
  if (step->has_survey &&
      !rahnuma_store_add_survey (store, &step->survey, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;
  return rahnuma_store_set_gender (store, step->session_id, step->gender, error);
}

static void
run_step (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  RahnumaVisit *self = source_object;
  Step *step = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  gboolean ok = FALSE;

  switch (step->kind)
    {
    case STEP_BEGIN:
      session_id = rahnuma_store_begin_session (self->store, &step->start, &error);
      if (session_id != NULL)
        {
          g_task_return_pointer (task, g_steal_pointer (&session_id), g_free);
          return;
        }
      break;
    case STEP_MODULE:
      ok = run_module_step (self->store, step, &error);
      break;
    case STEP_ANSWER:
      ok = run_answer_step (self->store, step, &error);
      break;
    case STEP_ABOUT:
      ok = run_about_step (self->store, step, &error);
      break;
    case STEP_PATH:
      ok = rahnuma_store_set_path (self->store, step->session_id, step->path, &error);
      break;
    case STEP_FINISH:
      ok = rahnuma_store_finish_session (self->store, step->session_id, step->state, step->code,
                                         g_get_real_time () / G_USEC_PER_SEC, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
replace_str (char **slot, const char *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
on_step_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  RahnumaVisit *self = RAHNUMA_VISIT (object);
  g_autoptr(GTask) outer = user_data;
  Step *step = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = g_task_propagate_pointer (G_TASK (result), &error);

  /* A visit that ends still ends on screen when the journal cannot take it
   * (disk full, pulled drive): the kiosk warns the officer and the next
   * visitor gets a clean screen. A failed start leaves no session id, and
   * later steps of that visit then fail the same way. */
  if (step->kind == STEP_FINISH)
    {
      self->state = step->state;
      replace_str (&self->code, step->code);
    }
  if (error != NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  if (step->kind == STEP_BEGIN)
    replace_str (&self->session_id, session_id);

  g_task_return_boolean (outer, TRUE);
}

/* Two tasks: the inner one runs on a worker thread; the outer one carries
 * the caller's callback and completes on the main thread after the visit's
 * state is updated there. */
static void
run_step_async (RahnumaVisit *self, Step *step, gpointer source_tag, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = g_task_new (self, cancellable, on_step_done, outer);

  g_task_set_source_tag (outer, source_tag);
  g_task_set_source_tag (inner, run_step);
  g_task_set_task_data (inner, step, (GDestroyNotify) step_free);
  g_task_run_in_thread (inner, run_step);
}

static void
rahnuma_visit_finalize (GObject *object)
{
  RahnumaVisit *self = (RahnumaVisit *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->centre, g_free);
  g_clear_pointer (&self->kiosk, g_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (rahnuma_visit_parent_class)->finalize (object);
}

static void
rahnuma_visit_class_init (RahnumaVisitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rahnuma_visit_finalize;
}

static void
rahnuma_visit_init (RahnumaVisit *self)
{
  self->progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) progress_free);
  self->state = RAHNUMA_SESSION_ACTIVE;
  self->pass_mark_percent = -1;
  /* Seeded from the system's entropy, a new draw per visit, so that
   * workers side by side do not all get the same question. */
  self->rand = g_rand_new ();
}

/**
 * rahnuma_visit_new:
 * @store: the kiosk's journal
 * @catalog: the modules on offer
 * @language: the visitor's language code
 * @centre: the centre code from the kiosk's settings
 * @kiosk: the kiosk id from the kiosk's settings
 *
 * Nothing is written until rahnuma_visit_begin_async().
 *
 * Returns: (transfer full): a new visit
 */
RahnumaVisit *
rahnuma_visit_new (RahnumaStore *store, RahnumaCatalog *catalog, const char *language,
                   const char *centre, const char *kiosk)
{
  RahnumaVisit *self;

  g_return_val_if_fail (RAHNUMA_IS_STORE (store), NULL);
  g_return_val_if_fail (RAHNUMA_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (language != NULL && centre != NULL && kiosk != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_VISIT, NULL);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);
  self->language = g_strdup (language);
  self->centre = g_strdup (centre);
  self->kiosk = g_strdup (kiosk);
  return self;
}

/**
 * rahnuma_visit_set_pass_mark_percent:
 * @self: a #RahnumaVisit
 * @percent: the share of each quiz's questions to get right, in percent
 *   from 0 to 100
 *
 * A centre's pass mark for every quiz of this visit, in place of each
 * module's own (the kiosk's pass-mark setting). Call it before the visitor
 * answers anything; without it, each module's own applies.
 */
void
rahnuma_visit_set_pass_mark_percent (RahnumaVisit *self, guint percent)
{
  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (percent <= 100);
  g_return_if_fail (g_hash_table_size (self->progress) == 0);

  self->pass_mark_percent = (int) percent;
}

/**
 * rahnuma_visit_set_short_path_questions:
 * @self: a #RahnumaVisit, before rahnuma_visit_set_path_async()
 * @n_questions: how many of each lesson's questions the short path asks;
 *   0 asks them all (the kiosk's short-path-questions setting)
 * @seed: the draw's seed; 0 keeps the visit's own random seed. Tests pass
 *   a fixed seed to know which questions are drawn.
 *
 * On the short path (issue 20) the hall briefing discussed every question
 * of every lesson: the kiosk checks only @n_questions of each, drawn at
 * random per visit (rahnuma_quiz_draw()). The pass rule counts only those
 * asked, with the same pass mark. The full path asks every question.
 */
void
rahnuma_visit_set_short_path_questions (RahnumaVisit *self, guint n_questions, guint32 seed)
{
  g_return_if_fail (RAHNUMA_IS_VISIT (self));

  self->short_path_questions = n_questions;
  if (seed != 0)
    g_rand_set_seed (self->rand, seed);
}

/**
 * rahnuma_visit_draw_questions:
 * @self: a #RahnumaVisit
 * @module: a module of the visit's catalogue
 *
 * Forgets @module's answers and chooses its questions again, for a visitor
 * who answers them again after watching the lesson again: on the short
 * path a new draw (it may ask another question), on the full path all of
 * them. Nothing is written until the next answer.
 */
void
rahnuma_visit_draw_questions (RahnumaVisit *self, RahnumaModule *module)
{
  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (RAHNUMA_IS_MODULE (module));

  rahnuma_quiz_draw (lookup_progress (self, module)->quiz,
                     self->path == RAHNUMA_PATH_SHORT ? self->short_path_questions : 0, self->rand);
}

/**
 * rahnuma_visit_get_language:
 * @self: a #RahnumaVisit
 *
 * Returns: (transfer none): the visitor's language, from rahnuma_languages()
 */
const char *
rahnuma_visit_get_language (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);
  return self->language;
}

/**
 * rahnuma_visit_get_catalog:
 *
 * Returns: (transfer none): the modules on offer
 */
RahnumaCatalog *
rahnuma_visit_get_catalog (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);
  return self->catalog;
}

/**
 * rahnuma_visit_get_state:
 * @self: a #RahnumaVisit
 *
 * Returns: active until the visit is finished or abandoned (as committed)
 */
RahnumaSessionState
rahnuma_visit_get_state (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), RAHNUMA_SESSION_ACTIVE);
  return self->state;
}

/**
 * rahnuma_visit_get_code:
 *
 * Returns: (nullable): the completion code, once the visit is completed
 */
const char *
rahnuma_visit_get_code (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);
  return self->code;
}

/**
 * rahnuma_visit_get_watched:
 * @self: a #RahnumaVisit
 * @module: a module of the visit's catalogue
 *
 * Returns: the part of @module's lesson watched so far, a fraction from 0
 *   to 1 (each part counted once)
 */
double
rahnuma_visit_get_watched (RahnumaVisit *self, RahnumaModule *module)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), 0.0);
  return lookup_progress (self, module)->watched;
}

/**
 * rahnuma_visit_get_quiz:
 *
 * Returns: (transfer none): @module's quiz for this visitor
 */
RahnumaQuiz *
rahnuma_visit_get_quiz (RahnumaVisit *self, RahnumaModule *module)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);
  return lookup_progress (self, module)->quiz;
}

/**
 * rahnuma_visit_is_module_watched:
 * @self: a #RahnumaVisit
 * @module: a module of the visit's catalogue
 *
 * On the short path the visitor saw every lesson's scenes in the hall
 * briefing today (issue 20), so each counts as watched there: the same
 * rule then gives the same code for the same answers.
 *
 * Returns: whether enough was watched for the quiz to open
 *   (rahnuma_module_get_min_watched()), or the visit is on the short path
 */
gboolean
rahnuma_visit_is_module_watched (RahnumaVisit *self, RahnumaModule *module)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), FALSE);
  if (self->path == RAHNUMA_PATH_SHORT)
    return TRUE;
  /* The same epsilon as the quiz: 0.8 must accept a fraction printed as 0.8. */
  return lookup_progress (self, module)->watched + 1e-9 >= rahnuma_module_get_min_watched (module);
}

/**
 * rahnuma_visit_is_module_done:
 * @self: a #RahnumaVisit
 * @module: a module of the visit's catalogue
 *
 * Returns: whether @module was watched and its quiz answered in full
 */
gboolean
rahnuma_visit_is_module_done (RahnumaVisit *self, RahnumaModule *module)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), FALSE);
  return rahnuma_visit_is_module_watched (self, module) &&
         rahnuma_quiz_is_finished (lookup_progress (self, module)->quiz);
}

static guint
count_modules (RahnumaVisit *self, gboolean passed_only)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  guint n = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      if (!rahnuma_visit_is_module_done (self, module))
        continue;
      if (!passed_only || rahnuma_quiz_is_passed (lookup_progress (self, module)->quiz))
        n++;
    }
  return n;
}

/**
 * rahnuma_visit_get_n_modules_done:
 * @self: a #RahnumaVisit
 *
 * Returns: how many modules are done (rahnuma_visit_is_module_done())
 */
guint
rahnuma_visit_get_n_modules_done (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), 0);
  return count_modules (self, FALSE);
}

/**
 * rahnuma_visit_get_n_modules_passed:
 * @self: a #RahnumaVisit
 *
 * Returns: how many modules are done with a quiz passed
 */
guint
rahnuma_visit_get_n_modules_passed (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), 0);
  return count_modules (self, TRUE);
}

/**
 * rahnuma_visit_is_complete:
 *
 * Returns: whether at least one module was on offer, and every module
 *   on offer is watched and its quiz answered
 */
gboolean
rahnuma_visit_is_complete (RahnumaVisit *self)
{
  guint n_offered;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), FALSE);
  /* 0 of 0 lessons is not a briefing: no code may say it was given. */
  n_offered = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  return n_offered > 0 && rahnuma_visit_get_n_modules_done (self) == n_offered;
}

/**
 * rahnuma_lesson_state_derive:
 * @watched: the largest fraction of the lesson watched, 0 to 1
 * @min_watched: the module's minimum watched fraction (MinWatched=)
 * @n_answered: how many of its questions have an answer
 * @finished: whether every question has an answer
 * @passed: whether the answers reach the pass mark (meaningful when @finished)
 *
 * The one rule for what a lesson row tells the visitor. A lesson is done
 * (rahnuma_visit_is_module_done()) when it is watched to the module's
 * minimum and every question answered; answers alone, however good, do not
 * make a skipped lesson done, but the row must still say they passed.
 *
 * Returns: the lesson's state
 */
RahnumaLessonState
rahnuma_lesson_state_derive (double watched, double min_watched, guint n_answered,
                             gboolean finished, gboolean passed)
{
  /* The same epsilon as rahnuma_visit_is_module_watched(). */
  gboolean watched_enough = watched + 1e-9 >= min_watched;

  if (finished && watched_enough)
    return passed ? RAHNUMA_LESSON_PASSED : RAHNUMA_LESSON_FAILED;
  if (finished)
    return passed ? RAHNUMA_LESSON_SKIPPED_PASSED : RAHNUMA_LESSON_SKIPPED_FAILED;
  if (watched_enough && watched > 0.0)
    return RAHNUMA_LESSON_WATCHED;
  if (watched > 0.0 || n_answered > 0)
    return RAHNUMA_LESSON_STARTED;
  return RAHNUMA_LESSON_NOT_STARTED;
}

/**
 * rahnuma_visit_get_lesson_state:
 *
 * Returns: where the visitor stands with @module, from what this visit has
 *   written to the journal (rahnuma_lesson_state_derive())
 */
RahnumaLessonState
rahnuma_visit_get_lesson_state (RahnumaVisit *self, RahnumaModule *module)
{
  Progress *progress;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), RAHNUMA_LESSON_NOT_STARTED);
  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), RAHNUMA_LESSON_NOT_STARTED);

  progress = lookup_progress (self, module);
  /* On the short path the hall showed the scenes: nothing more to watch. */
  return rahnuma_lesson_state_derive (progress->watched,
                                      self->path == RAHNUMA_PATH_SHORT ? 0.0
                                                                       : rahnuma_module_get_min_watched (module),
                                      rahnuma_quiz_get_n_answered (progress->quiz),
                                      rahnuma_quiz_is_finished (progress->quiz),
                                      rahnuma_quiz_is_passed (progress->quiz));
}

/**
 * rahnuma_visit_dup_next_module:
 *
 * The visitor's next step: the first lesson on offer, in the catalogue's
 * order, that is not yet done.
 *
 * Returns: (transfer full) (nullable): that lesson, or %NULL when every
 *   lesson is done
 */
RahnumaModule *
rahnuma_visit_dup_next_module (RahnumaVisit *self)
{
  guint n_items;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      if (!rahnuma_visit_is_module_done (self, module))
        return g_steal_pointer (&module);
    }
  return NULL;
}

/**
 * rahnuma_visit_begin_async:
 *
 * Writes the session's first row: language, centre, kiosk, coarse time.
 */
void
rahnuma_visit_begin_async (RahnumaVisit *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  Step *step;

  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (self->session_id == NULL);

  step = step_new (self, STEP_BEGIN);
  step->catalog_version = g_strdup (rahnuma_catalog_get_version (self->catalog));
  step->start.centre = self->centre;
  step->start.kiosk = self->kiosk;
  step->start.language = self->language;
  step->start.catalog_version = step->catalog_version;
  step->start.started_at = g_get_real_time () / G_USEC_PER_SEC;
  run_step_async (self, step, rahnuma_visit_begin_async, cancellable, callback, user_data);
}

/**
 * rahnuma_visit_watched_async:
 * @fraction: how much of @module was actually watched, 0 to 1
 *
 * Keeps the largest fraction seen: watching again never lowers it.
 */
void
rahnuma_visit_watched_async (RahnumaVisit *self, RahnumaModule *module, double fraction,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  Progress *progress;

  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (RAHNUMA_IS_MODULE (module));

  progress = lookup_progress (self, module);
  progress->watched = MAX (progress->watched, CLAMP (fraction, 0.0, 1.0));
  run_step_async (self, module_step_new (self, module, STEP_MODULE), rahnuma_visit_watched_async,
                  cancellable, callback, user_data);
}

/**
 * rahnuma_visit_answer_async:
 * @question: 0-based question of @module
 * @choice: 0-based choice
 *
 * The quiz is updated at once (rahnuma_visit_get_quiz() tells whether the
 * answer was right); the callback runs once the answer is in the journal.
 */
void
rahnuma_visit_answer_async (RahnumaVisit *self, RahnumaModule *module, guint question,
                            guint choice, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  Progress *progress;
  gboolean correct;
  Step *step;

  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (RAHNUMA_IS_MODULE (module));

  progress = lookup_progress (self, module);
  correct = rahnuma_quiz_answer (progress->quiz, question, choice);

  step = module_step_new (self, module, STEP_ANSWER);
  step->question = question;
  step->choice = choice;
  step->correct = correct;
  run_step_async (self, step, rahnuma_visit_answer_async, cancellable, callback, user_data);
}

static void
finish_async (RahnumaVisit *self, RahnumaSessionState state, gpointer source_tag,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  Step *step = step_new (self, STEP_FINISH);

  step->state = state;
  if (state == RAHNUMA_SESSION_COMPLETED)
    step->code = rahnuma_code_generate ();
  run_step_async (self, step, source_tag, cancellable, callback, user_data);
}

/**
 * rahnuma_visit_complete_async:
 *
 * Marks the visit completed and gives it a completion code
 * (rahnuma_visit_get_code() once the callback runs). A visit that is not
 * complete gets no code and no record of completion: the callback gets
 * %RAHNUMA_VISIT_ERROR_NO_LESSONS when the catalogue offered no lesson,
 * %RAHNUMA_VISIT_ERROR_INCOMPLETE when a lesson on offer is not done.
 */
void
rahnuma_visit_complete_async (RahnumaVisit *self, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (RAHNUMA_IS_VISIT (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) == 0)
    {
      g_task_report_new_error (self, callback, user_data, rahnuma_visit_complete_async,
                               RAHNUMA_VISIT_ERROR, RAHNUMA_VISIT_ERROR_NO_LESSONS,
                               /* Translators: logged when a visit is finished on a kiosk without lessons */
                               _("No lesson was on offer, so no completion code was given"));
      return;
    }
  if (!rahnuma_visit_is_complete (self))
    {
      g_task_report_new_error (self, callback, user_data, rahnuma_visit_complete_async,
                               RAHNUMA_VISIT_ERROR, RAHNUMA_VISIT_ERROR_INCOMPLETE,
                               /* Translators: logged when a visit is finished before every lesson is done */
                               _("Not every lesson on offer was watched and answered, so no completion code was given"));
      return;
    }
  finish_async (self, RAHNUMA_SESSION_COMPLETED, rahnuma_visit_complete_async, cancellable,
                callback, user_data);
}

/**
 * rahnuma_visit_abandon_async:
 * @self: a #RahnumaVisit
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the journal holds the visit as abandoned
 * @user_data: data for @callback
 *
 * Ends the visit as abandoned (the visitor walked away), on a worker
 * thread; finish with rahnuma_visit_step_finish().
 */
void
rahnuma_visit_abandon_async (RahnumaVisit *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (RAHNUMA_IS_VISIT (self));

  finish_async (self, RAHNUMA_SESSION_ABANDONED, rahnuma_visit_abandon_async, cancellable,
                callback, user_data);
}

/**
 * rahnuma_visit_step_finish:
 *
 * Finishes any of the visit's steps.
 *
 * Returns: %TRUE once the step is committed, %FALSE with @error set
 */
gboolean
rahnuma_visit_step_finish (RahnumaVisit *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Copies @answers into @step, its strings owned by the step. */
static void
copy_answers (Step *step, const RahnumaSurveyAnswers *answers)
{
  const char * const *from[] = { &answers->destination, &answers->sector, &answers->found_via,
                                 &answers->receipt, &answers->borrowed, &answers->wage_currency };
  const char **to[] = { &step->survey.destination, &step->survey.sector, &step->survey.found_via,
                        &step->survey.receipt, &step->survey.borrowed, &step->survey.wage_currency };

  step->survey = *answers;
  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    *to[i] = step->survey_strings[i] = g_strdup (*from[i]);
}

static gboolean
is_said (const char *value)
{
  return value != NULL && g_strcmp0 (value, RAHNUMA_CATEGORY_UNSAID) != 0;
}

/* Whether the visitor said anything the survey row holds: only then is one
 * written. Destination or sector alone make one too, since the charts by
 * destination and sector count survey rows (the session keeps only the
 * gender); a visitor who said nothing, or only their gender, makes none. */
static gboolean
says_anything_of_job (const RahnumaSurveyAnswers *a)
{
  return is_said (a->destination) || is_said (a->sector) ||
         is_said (a->found_via) || is_said (a->receipt) || is_said (a->borrowed) ||
         a->cost_answer != RAHNUMA_SURVEY_UNSAID || a->wage_answer != RAHNUMA_SURVEY_UNSAID;
}

/**
 * rahnuma_visit_about_async:
 * @self: a #RahnumaVisit that has begun
 * @gender: (nullable): one of rahnuma_store_get_categories ("gender"), %NULL for unsaid
 * @answers: the rest of the "about you" step; %NULL values are unsaid
 *
 * Records what the visitor chose to say about themselves: the gender on
 * the session, and, when anything else was said (destination, sector or a
 * cost question), the survey row, which has no link to the session
 * (rahnuma_store_add_survey()). The destination is kept in memory
 * for this visit (rahnuma_visit_get_destination()). A value outside the
 * fixed lists fails the step with a #RAHNUMA_STORE_ERROR.
 */
void
rahnuma_visit_about_async (RahnumaVisit *self, const char *gender, const RahnumaSurveyAnswers *answers,
                           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  Step *step;

  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (answers != NULL);

  replace_str (&self->destination, answers->destination);
  step = step_new (self, STEP_ABOUT);
  step->gender = g_strdup (gender);
  copy_answers (step, answers);
  step->survey.demo = FALSE;
  step->has_survey = says_anything_of_job (answers);
  run_step_async (self, step, rahnuma_visit_about_async, cancellable, callback, user_data);
}

/**
 * rahnuma_visit_get_destination:
 * @self: a #RahnumaVisit
 *
 * The destination country the visitor chose in the "about you" step, for
 * this visit's screens (the contacts shown on the result page). Kept in
 * memory only, with the visit.
 *
 * Returns: (transfer none) (nullable): a value of
 *   rahnuma_store_get_categories ("destination"), or %NULL if not said
 */
const char *
rahnuma_visit_get_destination (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), NULL);
  return self->destination;
}

/* Each lesson's questions for the path the visit now takes. */
static void
draw_all_questions (RahnumaVisit *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->catalog));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      rahnuma_visit_draw_questions (self, module);
    }
}

/**
 * rahnuma_visit_set_path_async:
 * @self: a #RahnumaVisit that has begun
 * @path: the path the visitor chose after the language
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the journal holds the path
 * @user_data: data for @callback
 *
 * Records which path the visit takes (`session.path`; issue 20). The visit
 * follows it at once (rahnuma_visit_get_path()): on the short path every
 * lesson counts as watched, in the hall (rahnuma_visit_is_module_watched()),
 * and each lesson asks only the questions drawn for it
 * (rahnuma_visit_set_short_path_questions()); choosing a path forgets any
 * answer given before.
 * Finish with rahnuma_visit_step_finish().
 */
void
rahnuma_visit_set_path_async (RahnumaVisit *self, RahnumaVisitPath path, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  Step *step;

  g_return_if_fail (RAHNUMA_IS_VISIT (self));
  g_return_if_fail (path == RAHNUMA_PATH_FULL || path == RAHNUMA_PATH_SHORT);

  self->path = path;
  draw_all_questions (self);
  step = step_new (self, STEP_PATH);
  step->path = path;
  run_step_async (self, step, rahnuma_visit_set_path_async, cancellable, callback, user_data);
}

/**
 * rahnuma_visit_get_path:
 * @self: a #RahnumaVisit
 *
 * Returns: the path the visit takes: %RAHNUMA_PATH_FULL until
 *   rahnuma_visit_set_path_async() says otherwise
 */
RahnumaVisitPath
rahnuma_visit_get_path (RahnumaVisit *self)
{
  g_return_val_if_fail (RAHNUMA_IS_VISIT (self), RAHNUMA_PATH_FULL);
  return self->path;
}
