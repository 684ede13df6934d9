/* rahnuma-quiz.c — one module's quiz: answers and score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-quiz.h"

struct _RahnumaQuiz
{
  RahnumaModule *module; /* owned */
  GArray *answers;       /* of int: the choice per question, or RAHNUMA_QUIZ_NO_ANSWER */
  GArray *asked;         /* of guint: the module's questions asked, in the module's order */
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
  quiz->asked = g_array_new (FALSE, FALSE, sizeof (guint));
  rahnuma_quiz_draw (quiz, 0, NULL);
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
  g_array_unref (quiz->asked);
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
 * rahnuma_quiz_draw:
 * @quiz: a #RahnumaQuiz
 * @n_asked: how many of the module's questions to ask; 0, or as many as
 *   the module has or more, asks them all
 * @rand: (nullable): where the draw comes from; %NULL only when every
 *   question is asked
 *
 * Forgets every answer (rahnuma_quiz_reset()) and chooses which questions
 * are asked: all of them, or @n_asked distinct ones drawn from @rand, each
 * question as likely as another, asked in the module's order. The score,
 * the pass rule and rahnuma_quiz_is_finished() count only the questions
 * asked (issue 20's short path: the hall discussed them all).
 */
void
rahnuma_quiz_draw (RahnumaQuiz *quiz, guint n_asked, GRand *rand)
{
  guint n_all;
  g_autofree guint *order = NULL;

  g_return_if_fail (quiz != NULL);

  n_all = quiz->answers->len;
  if (n_asked == 0 || n_asked > n_all)
    n_asked = n_all;
  g_return_if_fail (n_asked == n_all || rand != NULL);

  rahnuma_quiz_reset (quiz);
  order = g_new (guint, MAX (n_all, 1));
  for (guint i = 0; i < n_all; i++)
    order[i] = i;
  /* The first n_asked steps of a Fisher-Yates shuffle: a uniform draw. */
  for (guint i = 0; i < n_asked && n_asked < n_all; i++)
    {
      guint j = (guint) g_rand_int_range (rand, (gint32) i, (gint32) n_all);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
  g_array_set_size (quiz->asked, 0);
  for (guint q = 0; q < n_all; q++)
    for (guint i = 0; i < n_asked; i++)
      if (order[i] == q)
        g_array_append_val (quiz->asked, q);
}

/**
 * rahnuma_quiz_get_asked:
 * @quiz: a #RahnumaQuiz
 * @position: 0-based, below rahnuma_quiz_get_n_questions()
 *
 * Returns: the module's question (0-based) asked at @position
 */
guint
rahnuma_quiz_get_asked (RahnumaQuiz *quiz, guint position)
{
  g_return_val_if_fail (quiz != NULL, 0);
  g_return_val_if_fail (position < quiz->asked->len, 0);
  return g_array_index (quiz->asked, guint, position);
}

/**
 * rahnuma_quiz_is_asked:
 * @quiz: a #RahnumaQuiz
 * @question: 0-based question of the module
 *
 * Returns: whether @question is among those asked (rahnuma_quiz_draw())
 */
gboolean
rahnuma_quiz_is_asked (RahnumaQuiz *quiz, guint question)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  for (guint i = 0; i < quiz->asked->len; i++)
    if (g_array_index (quiz->asked, guint, i) == question)
      return TRUE;
  return FALSE;
}

/**
 * rahnuma_quiz_answer:
 * @question: 0-based question
 * @choice: 0-based choice
 *
 * Records (or replaces) the answer to @question, which must be one of
 * those asked (rahnuma_quiz_is_asked()).
 *
 * Returns: whether @choice is the right one
 */
gboolean
rahnuma_quiz_answer (RahnumaQuiz *quiz, guint question, guint choice)
{
  RahnumaQuestion *q;

  g_return_val_if_fail (quiz != NULL, FALSE);
  g_return_val_if_fail (question < quiz->answers->len, FALSE);
  g_return_val_if_fail (rahnuma_quiz_is_asked (quiz, question), FALSE);

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
 * Returns: how many questions the quiz asks (all the module's, or those
 *   rahnuma_quiz_draw() chose)
 */
guint
rahnuma_quiz_get_n_questions (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->asked->len;
}

/**
 * rahnuma_quiz_get_n_answered:
 * @quiz: a #RahnumaQuiz
 *
 * Returns: how many questions asked have an answer, right or wrong
 */
guint
rahnuma_quiz_get_n_answered (RahnumaQuiz *quiz)
{
  guint n = 0;

  g_return_val_if_fail (quiz != NULL, 0);
  /* Only asked questions ever get an answer (rahnuma_quiz_answer()). */
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
  return rahnuma_quiz_get_n_answered (quiz) == quiz->asked->len;
}

/**
 * rahnuma_quiz_is_passed:
 *
 * The pass mark is a percent of the questions; a visitor needs at least
 * that share right: right × 100 ≥ questions × percent, so 60% of 5 means 3.
 * Whole numbers only, so exactly the pass mark passes.
 *
 * Only the questions asked count (rahnuma_quiz_draw()): right × 100 ≥
 * asked × percent, the same pass mark.
 *
 * Returns: whether every question asked is answered and enough are right
 */
gboolean
rahnuma_quiz_is_passed (RahnumaQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, FALSE);

  if (!rahnuma_quiz_is_finished (quiz))
    return FALSE;
  /* At most 100 questions (the journal's CHECK): no overflow. */
  return rahnuma_quiz_get_n_correct (quiz) * 100 >= quiz->asked->len * quiz->pass_mark_percent;
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
