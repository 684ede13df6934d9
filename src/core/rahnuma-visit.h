/* rahnuma-visit.h — one visitor's journey and its record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-catalog.h"
#include "rahnuma-quiz.h"
#include "rahnuma-store.h"
#include "rahnuma-survey.h"

G_BEGIN_DECLS

#define RAHNUMA_VISIT_ERROR (rahnuma_visit_error_quark ())

typedef enum
{
  RAHNUMA_VISIT_ERROR_NO_LESSONS, /* the catalogue offered none: nothing to complete */
  RAHNUMA_VISIT_ERROR_INCOMPLETE, /* a lesson on offer is not yet watched and answered */
} RahnumaVisitError;

GQuark          rahnuma_visit_error_quark           (void);

/**
 * RahnumaLessonState:
 * @RAHNUMA_LESSON_NOT_STARTED: nothing watched, no answer given
 * @RAHNUMA_LESSON_STARTED: part of it watched (less than the module's
 *   minimum) or some questions answered, and the quiz not finished
 * @RAHNUMA_LESSON_WATCHED: watched enough; the quiz not finished
 * @RAHNUMA_LESSON_SKIPPED_FAILED: every question answered, below the pass
 *   mark, and the lesson not watched enough
 * @RAHNUMA_LESSON_SKIPPED_PASSED: every question answered and passed, but
 *   the lesson not watched enough: not done until it is watched
 * @RAHNUMA_LESSON_FAILED: watched and answered, below the pass mark (done,
 *   to review)
 * @RAHNUMA_LESSON_PASSED: watched and passed
 *
 * Where one visitor stands with one lesson, as the journal holds it.
 */
typedef enum
{
  RAHNUMA_LESSON_NOT_STARTED,
  RAHNUMA_LESSON_STARTED,
  RAHNUMA_LESSON_WATCHED,
  RAHNUMA_LESSON_SKIPPED_FAILED,
  RAHNUMA_LESSON_SKIPPED_PASSED,
  RAHNUMA_LESSON_FAILED,
  RAHNUMA_LESSON_PASSED,
} RahnumaLessonState;

RahnumaLessonState rahnuma_lesson_state_derive      (double               watched,
                                                     double               min_watched,
                                                     guint                n_answered,
                                                     gboolean             finished,
                                                     gboolean             passed);

#define RAHNUMA_TYPE_VISIT (rahnuma_visit_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaVisit, rahnuma_visit, RAHNUMA, VISIT, GObject)

RahnumaVisit   *rahnuma_visit_new                   (RahnumaStore        *store,
                                                     RahnumaCatalog      *catalog,
                                                     const char          *language,
                                                     const char          *centre,
                                                     const char          *kiosk);
void            rahnuma_visit_set_pass_mark_percent (RahnumaVisit        *self,
                                                     guint                percent);
void            rahnuma_visit_set_short_path_questions (RahnumaVisit   *self,
                                                     guint                n_questions,
                                                     guint32              seed);
void            rahnuma_visit_draw_questions        (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
const char     *rahnuma_visit_get_language          (RahnumaVisit        *self);
RahnumaCatalog *rahnuma_visit_get_catalog           (RahnumaVisit        *self);
RahnumaSessionState rahnuma_visit_get_state         (RahnumaVisit        *self);
const char     *rahnuma_visit_get_code              (RahnumaVisit        *self);

double          rahnuma_visit_get_watched           (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
RahnumaQuiz    *rahnuma_visit_get_quiz              (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
gboolean        rahnuma_visit_is_module_watched     (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
gboolean        rahnuma_visit_is_module_done        (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
guint           rahnuma_visit_get_n_modules_done    (RahnumaVisit        *self);
guint           rahnuma_visit_get_n_modules_passed  (RahnumaVisit        *self);
gboolean        rahnuma_visit_is_complete           (RahnumaVisit        *self);
RahnumaLessonState rahnuma_visit_get_lesson_state   (RahnumaVisit        *self,
                                                     RahnumaModule       *module);
RahnumaModule  *rahnuma_visit_dup_next_module       (RahnumaVisit        *self);

/* Every step is committed to the journal (on a worker thread) before its
 * callback runs; the kiosk moves to the next screen only from the callback. */
void            rahnuma_visit_begin_async           (RahnumaVisit        *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void            rahnuma_visit_watched_async         (RahnumaVisit        *self,
                                                     RahnumaModule       *module,
                                                     double               fraction,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void            rahnuma_visit_answer_async          (RahnumaVisit        *self,
                                                     RahnumaModule       *module,
                                                     guint                question,
                                                     guint                choice,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void            rahnuma_visit_complete_async        (RahnumaVisit        *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void            rahnuma_visit_abandon_async         (RahnumaVisit        *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void            rahnuma_visit_about_async           (RahnumaVisit              *self,
                                                     const char                *gender,
                                                     const RahnumaSurveyAnswers *answers,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
const char     *rahnuma_visit_get_destination       (RahnumaVisit        *self);
void            rahnuma_visit_set_path_async        (RahnumaVisit        *self,
                                                     RahnumaVisitPath     path,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
RahnumaVisitPath rahnuma_visit_get_path             (RahnumaVisit        *self);
gboolean        rahnuma_visit_step_finish           (RahnumaVisit        *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
