/* rahnuma-quiz.c — one module's quiz: answers and score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-quiz.h"

struct _RahnumaQuiz
{
  RahnumaModule *module; /* owned */
  GArray *answers;       /* of int: the choice per question, or RAHNUMA_QUIZ_NO_ANSWER */
  guint pass_mark_percent; /* the module's, unless the kiosk's settings say otherwise */
};

/**
 * rahnuma_quiz_new:
 *
 * Returns: (transfer full): an unanswered quiz for @module's questions
 */
RahnumaQuiz *
rahnuma_quiz_new (RahnumaModule *module)
{
  RahnumaQuiz *quiz;

  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), NULL);

  quiz = g_new0 (RahnumaQuiz, 1);
  quiz->module = g_object_ref (module);
  quiz->pass_mark_percent = rahnuma_module_get_pass_mark_percent (module);
  quiz->answers = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_set_size (quiz->answers, rahnuma_module_get_n_questions (module));
  rahnuma_quiz_reset (quiz);
  return quiz;
}

/**
 * rahnuma_quiz_free:
 * @quiz: (nullable) (transfer full): a quiz from rahnuma_quiz_new()
 *
 * Frees @quiz and drops its reference on the module; %NULL is allowed.
 */
void
rahnuma_quiz_free (RahnumaQuiz *quiz)
{
  if (quiz == NULL)
    return;
  g_object_unref (quiz->module);
  g_array_unref (quiz->answers);
  g_free (quiz);
}

/**
 * rahnuma_quiz_reset:
 * @quiz: a #RahnumaQuiz
 *
 * Forgets every answer: the visitor takes the quiz again.
 */
void
rahnuma_quiz_reset (RahnumaQuiz *quiz)
{
  g_return_if_fail (quiz != NULL);

  for (guint i = 0; i < quiz->answers->len; i++)
    g_array_index (quiz->answers, int, i) = RAHNUMA_QUIZ_NO_ANSWER;
}

/**
 * rahnuma_quiz_answer:
 * @question: 0-based question
 * @choice: 0-based choice
 *
 * Records (or replaces) the answer to @question.
 *
 * Returns: whether @choice is the right one
 */
gboolean
rahnuma_quiz_answer (RahnumaQuiz *quiz, guint question, guint choice)
{
  RahnumaQuestion *q;

  g_return_val_if_fail (quiz != NULL, FALSE);
  g_return_val_if_fail (question < quiz->answers->len, FALSE);

  q = rahnuma_module_get_question (quiz->module, question);
  g_return_val_if_fail (choice < rahnuma_question_get_n_choices (q), FALSE);

  g_array_index (quiz->answers, int, question) = (int) choice;
  return choice == rahnuma_question_get_correct (q);
}

/**
 * rahnuma_quiz_get_answer:
 * @quiz: a #RahnumaQuiz
 * @question: a question's index, from 0
 *
 * Returns: the index of the choice given, or %RAHNUMA_QUIZ_NO_ANSWER
 */
int
rahnuma_quiz_get_answer (RahnumaQuiz *quiz, guint question)
{
  g_return_val_if_fail (quiz != NULL, RAHNUMA_QUIZ_NO_ANSWER);
  g_return_val_if_fail (question < quiz->answers->len, RAHNUMA_QUIZ_NO_ANSWER);
  return g_array_index (quiz->answers, int, question);
}

/**
 * rahnuma_quiz_get_n_questions:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: how many questions the quiz asks
 */
guint
rahnuma_quiz_get_n_questions (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->answers->len;
}

/**
 * rahnuma_quiz_get_n_answered:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: how many questions have an answer, right or wrong
 */
guint
rahnuma_quiz_get_n_answered (RahnumaQuiz *quiz)
{
  guint n = 0;

  g_return_val_if_fail (quiz != NULL, 0);
  for (guint i = 0; i < quiz->answers->len; i++)
    if (g_array_index (quiz->answers, int, i) != RAHNUMA_QUIZ_NO_ANSWER)
      n++;
  return n;
}

/**
 * rahnuma_quiz_get_n_correct:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: how many answers given are right
 */
guint
rahnuma_quiz_get_n_correct (RahnumaQuiz *quiz)
{
  guint n = 0;

  g_return_val_if_fail (quiz != NULL, 0);
  for (guint i = 0; i < quiz->answers->len; i++)
    {
      RahnumaQuestion *q = rahnuma_module_get_question (quiz->module, i);

      if (g_array_index (quiz->answers, int, i) == (int) rahnuma_question_get_correct (q))
        n++;
    }
  return n;
}

/**
 * rahnuma_quiz_is_finished:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: whether every question has an answer
 */
gboolean
rahnuma_quiz_is_finished (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  return rahnuma_quiz_get_n_answered (quiz) == quiz->answers->len;
}

/**
 * rahnuma_quiz_is_passed:
 *
 * The pass mark is a percent of the questions; a visitor needs at least
 * that share right: right × 100 ≥ questions × percent, so 60% of 5 means 3.
 * Whole numbers only, so exactly the pass mark passes.
 *
 * Returns: whether every question is answered and enough are right
 */
gboolean
rahnuma_quiz_is_passed (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, FALSE);

  if (!rahnuma_quiz_is_finished (quiz))
    return FALSE;
  /* At most 100 questions (the journal's CHECK): no overflow. */
  return rahnuma_quiz_get_n_correct (quiz) * 100 >= quiz->answers->len * quiz->pass_mark_percent;
}

/**
 * rahnuma_quiz_set_pass_mark_percent:
 * @quiz: a #RahnumaQuiz
 * @percent: the share of questions to get right, in percent from 0 to 100
 *
 * Overrides the module's own pass mark (a centre's setting).
 */
void
rahnuma_quiz_set_pass_mark_percent (RahnumaQuiz *quiz, guint percent)
{
  g_return_if_fail (quiz != NULL);
  g_return_if_fail (percent <= 100);

  quiz->pass_mark_percent = percent;
}

/**
 * rahnuma_quiz_get_pass_mark_percent:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: the share of right answers that passes, in percent from 0 to
 *   100 (the module's, or the kiosk setting's)
 */
guint
rahnuma_quiz_get_pass_mark_percent (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->pass_mark_percent;
}
