/* rahnuma-quiz.h — one module's quiz: answers and score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-module.h"

G_BEGIN_DECLS

#define RAHNUMA_QUIZ_NO_ANSWER (-1)

typedef struct _RahnumaQuiz RahnumaQuiz;

RahnumaQuiz *rahnuma_quiz_new            (RahnumaModule *module);
void         rahnuma_quiz_free           (RahnumaQuiz   *quiz);
gboolean     rahnuma_quiz_answer         (RahnumaQuiz   *quiz,
                                          guint          question,
                                          guint          choice);
int          rahnuma_quiz_get_answer     (RahnumaQuiz   *quiz,
                                          guint          question);
guint        rahnuma_quiz_get_n_answered (RahnumaQuiz   *quiz);
guint        rahnuma_quiz_get_n_correct  (RahnumaQuiz   *quiz);
guint        rahnuma_quiz_get_n_questions (RahnumaQuiz  *quiz);
gboolean     rahnuma_quiz_is_finished    (RahnumaQuiz   *quiz);
gboolean     rahnuma_quiz_is_passed      (RahnumaQuiz   *quiz);
void         rahnuma_quiz_reset          (RahnumaQuiz   *quiz);
void         rahnuma_quiz_draw           (RahnumaQuiz   *quiz,
                                          guint          n_asked,
                                          GRand         *rand);
guint        rahnuma_quiz_get_asked      (RahnumaQuiz   *quiz,
                                          guint          position);
gboolean     rahnuma_quiz_is_asked       (RahnumaQuiz   *quiz,
                                          guint          question);
void         rahnuma_quiz_set_pass_mark_percent (RahnumaQuiz *quiz,
                                                 guint        percent);
guint        rahnuma_quiz_get_pass_mark_percent (RahnumaQuiz *quiz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaQuiz, rahnuma_quiz_free)

G_END_DECLS
