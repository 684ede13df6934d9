/* rahnuma-quiz-page.c — a lesson's questions, one per screen
 *
 * The question is read aloud when it appears and whenever the visitor asks.
 * Answers are big numbered buttons. A touch sends "kiosk.answer" to the
 * window, which commits it to the journal and then calls
 * rahnuma_quiz_page_show_feedback(): right or wrong is shown by colour, icon,
 * words and voice, with the explanation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-quiz"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-quiz-page.h"
#include "rahnuma-widget-util.h"

#define N_CHOICE_BUTTONS RAHNUMA_MODULE_MAX_CHOICES

struct _RahnumaQuizPage
{
  GtkWidget parent_instance;

  RahnumaVisit *visit;
  RahnumaModule *module;
  guint position;  /* among the questions asked (rahnuma_quiz_get_asked()) */
  guint question;  /* the module's question at @position */
  gboolean answered;

  GtkWidget *lessons_button;
  GtkLabel *counter_label;
  GtkLabel *question_label;
  GtkButton *choice_buttons[N_CHOICE_BUTTONS];
  GtkLabel *choice_labels[N_CHOICE_BUTTONS];
  GtkImage *choice_icons[N_CHOICE_BUTTONS];
  GtkRevealer *feedback_revealer;
  GtkWidget *feedback_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkLabel *explanation_label;
  GtkButton *next_button;
  GtkLabel *next_label;
};

G_DEFINE_FINAL_TYPE (RahnumaQuizPage, rahnuma_quiz_page, GTK_TYPE_WIDGET)

static RahnumaQuiz *
quiz (RahnumaQuizPage *self)
{
  return rahnuma_visit_get_quiz (self->visit, self->module);
}

static RahnumaQuestion *
current_question (RahnumaQuizPage *self)
{
  return rahnuma_module_get_question (self->module, self->question);
}

static const char *
language (RahnumaQuizPage *self)
{
  return rahnuma_visit_get_language (self->visit);
}

static gboolean
is_short_path (RahnumaQuizPage *self)
{
  return rahnuma_visit_get_path (self->visit) == RAHNUMA_PATH_SHORT;
}

static void
play_files (RahnumaQuizPage *self, const char * const *paths)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play",
                                      g_variant_new_strv (paths, -1));
}

/* The question aloud; first, on the first question and whenever the
 * visitor asks to hear it again, what to do (the "quiz" prompt). */
static void
speak_question (RahnumaQuizPage *self, gboolean with_prompt)
{
  g_autofree char *path = rahnuma_question_dup_narration_path (current_question (self),
                                                               language (self), NULL);
  const char *paths[] = { with_prompt ? "prompt:quiz" : "", path != NULL ? path : "", NULL };

  play_files (self, paths);
}

static void
style_choice (RahnumaQuizPage *self, guint i, const char *css_class, const char *icon_name)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->choice_buttons[i]), "right-answer");
  gtk_widget_remove_css_class (GTK_WIDGET (self->choice_buttons[i]), "wrong-answer");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->choice_buttons[i]), css_class);
  gtk_image_set_from_icon_name (self->choice_icons[i], icon_name);
}

/* The lesson's place in the visit's catalogue, from 1. */
static guint
lesson_number (RahnumaQuizPage *self, guint *n_lessons)
{
  GListModel *catalog = G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit));
  guint number = 0;

  *n_lessons = g_list_model_get_n_items (catalog);
  for (guint i = 0; i < *n_lessons && number == 0; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (catalog, i);

      if (g_strcmp0 (rahnuma_module_get_id (module), rahnuma_module_get_id (self->module)) == 0)
        number = i + 1;
    }
  return number;
}

/* Above the question: "Question 2 of 5". The short path has no list of
 * lessons, so there it says which lesson of how many, and its title (the
 * question count only when the lesson asks more than one). */
static char *
dup_counter (RahnumaQuizPage *self, guint n_questions)
{
  g_autofree char *title = NULL;
  g_autofree char *lesson = NULL;
  g_autofree char *question = NULL;
  guint n_lessons, number;

  /* Translators: e.g. "Question 2 of 5" */
  question = g_strdup_printf (_("Question %u of %u"), self->position + 1, n_questions);
  if (!is_short_path (self))
    return g_steal_pointer (&question);
  number = lesson_number (self, &n_lessons);
  title = rahnuma_module_dup_title (self->module, language (self));
  /* Translators: above a question on the short path (no list of lessons
   * there), e.g. "Lesson 2 of 7: Your contract"; %s is the lesson's title */
  lesson = g_strdup_printf (_("Lesson %u of %u: %s"), number, n_lessons, title);
  if (n_questions < 2)
    return g_steal_pointer (&lesson);
  return g_strdup_printf ("%s\n%s", lesson, question);
}

static void
show_question (RahnumaQuizPage *self)
{
  RahnumaQuestion *question = current_question (self);
  guint n_choices = rahnuma_question_get_n_choices (question);
  /* The questions asked on this path: on the short path, only those drawn. */
  guint n_questions = rahnuma_quiz_get_n_questions (quiz (self));
  g_autofree char *text = rahnuma_question_dup_text (question, language (self));
  g_autofree char *counter = NULL;

  self->answered = FALSE;
  counter = dup_counter (self, n_questions);
  gtk_label_set_label (self->counter_label, counter);
  gtk_label_set_label (self->question_label, text);

  for (guint i = 0; i < N_CHOICE_BUTTONS; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->choice_buttons[i]), i < n_choices);
      gtk_widget_set_sensitive (GTK_WIDGET (self->choice_buttons[i]), TRUE);
      style_choice (self, i, NULL, NULL);
      if (i < n_choices)
        {
          g_autofree char *choice = rahnuma_question_dup_choice (question, i, language (self));

          gtk_label_set_label (self->choice_labels[i], choice);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->choice_buttons[i]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, choice, -1);
        }
    }

  gtk_revealer_set_reveal_child (self->feedback_revealer, FALSE);
  /* The short path (after the hall briefing) has no list of lessons: the
   * last question goes on to what comes next. */
  rahnuma_widget_set_label (GTK_WIDGET (self->next_button), self->next_label,
                            /* Translators: button: the next question of the quiz */
                            self->position + 1 < n_questions || is_short_path (self) ? _("Next")
                                                                                     : _("Back to the lessons"));
  speak_question (self, self->position == 0);
}

/**
 * rahnuma_quiz_page_show_feedback:
 *
 * Shows, and says, whether the answer just committed was right, and why.
 */
void
rahnuma_quiz_page_show_feedback (RahnumaQuizPage *self)
{
  RahnumaQuestion *question;
  guint correct;
  int chosen;
  gboolean right;
  g_autofree char *explanation = NULL;
  g_autofree char *explanation_audio = NULL;
  g_autofree char *verdict_audio = NULL;

  g_return_if_fail (RAHNUMA_IS_QUIZ_PAGE (self));

  question = current_question (self);
  correct = rahnuma_question_get_correct (question);
  chosen = rahnuma_quiz_get_answer (quiz (self), self->question);
  right = chosen == (int) correct;

  for (guint i = 0; i < rahnuma_question_get_n_choices (question); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->choice_buttons[i]), i == correct || (int) i == chosen);
  style_choice (self, correct, "right-answer", "emblem-ok-symbolic");
  if (!right && chosen >= 0)
    style_choice (self, (guint) chosen, "wrong-answer", "window-close-symbolic");

  explanation = rahnuma_question_dup_explanation (question, language (self));
  gtk_image_set_from_icon_name (self->verdict_icon, right ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  gtk_label_set_label (self->verdict_label,
                       /* Translators: shown after a right answer in the quiz */
                       right ? _("Correct!") : _("Not quite. The right answer is shown in green."));
  gtk_label_set_label (self->explanation_label, explanation);
  gtk_widget_remove_css_class (self->feedback_box, right ? "wrong" : "right");
  gtk_widget_add_css_class (self->feedback_box, right ? "right" : "wrong");
  gtk_revealer_set_reveal_child (self->feedback_revealer, TRUE);

  verdict_audio = g_strdup (right ? "prompt:correct" : "prompt:wrong");
  /* On the short path the hall discussed every question: a right answer
   * is only said right; its explanation stays on screen, unspoken. */
  if (!right || !is_short_path (self))
    explanation_audio = rahnuma_question_dup_explanation_narration_path (question, language (self), NULL);
  {
    const char *paths[] = { verdict_audio, explanation_audio, NULL };
    play_files (self, paths);
  }
}

/**
 * rahnuma_quiz_page_get_question:
 * @self: a #RahnumaQuizPage
 *
 * Returns: the module's question on screen, from 0 (on the short path
 *   not necessarily the first asked)
 */
guint
rahnuma_quiz_page_get_question (RahnumaQuizPage *self)
{
  g_return_val_if_fail (RAHNUMA_IS_QUIZ_PAGE (self), 0);
  return self->question;
}

static void
quiz_answer (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaQuizPage *self = RAHNUMA_QUIZ_PAGE (widget);
  guint choice = g_variant_get_uint32 (parameter);

  if (self->answered || choice >= rahnuma_question_get_n_choices (current_question (self)))
    return;
  self->answered = TRUE;
  gtk_widget_activate_action (widget, "kiosk.answer", "(uu)", self->question, choice);
}

static void
quiz_next (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RahnumaQuizPage *self = RAHNUMA_QUIZ_PAGE (widget);

  if (!self->answered)
    return;
  if (self->position + 1 < rahnuma_quiz_get_n_questions (quiz (self)))
    {
      self->position++;
      self->question = rahnuma_quiz_get_asked (quiz (self), self->position);
      show_question (self);
    }
  else
    gtk_widget_activate_action (widget, "kiosk.lessons", NULL);
}

static void
quiz_listen (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  speak_question (RAHNUMA_QUIZ_PAGE (widget), TRUE);
}

static void
rahnuma_quiz_page_dispose (GObject *object)
{
  RahnumaQuizPage *self = (RahnumaQuizPage *) object;

  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_QUIZ_PAGE);
  g_clear_object (&self->visit);
  g_clear_object (&self->module);

  G_OBJECT_CLASS (rahnuma_quiz_page_parent_class)->dispose (object);
}

static void
rahnuma_quiz_page_class_init (RahnumaQuizPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_quiz_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-quiz-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, lessons_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, counter_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, question_label);
  gtk_widget_class_bind_template_child_full (widget_class, "choice_button_1", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_button_2", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_button_3", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_button_4", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_label_1", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_labels[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_label_2", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_labels[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_label_3", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_labels[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_label_4", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_labels[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_icon_1", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_icons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_icon_2", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_icons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_icon_3", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_icons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "choice_icon_4", FALSE, G_STRUCT_OFFSET (RahnumaQuizPage, choice_icons[3]));
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, feedback_revealer);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaQuizPage, next_label);

  gtk_widget_class_install_action (widget_class, "quiz.answer", "u", quiz_answer);
  gtk_widget_class_install_action (widget_class, "quiz.next", NULL, quiz_next);
  gtk_widget_class_install_action (widget_class, "quiz.listen", NULL, quiz_listen);
}

static void
rahnuma_quiz_page_init (RahnumaQuizPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_quiz_page_new:
 * @visit: the visit in progress
 * @module: the module whose quiz to ask, from the visit's catalogue
 *
 * Returns: (transfer floating): the page, at the first question the
 *   visit asks of @module (rahnuma_visit_get_quiz())
 */
RahnumaQuizPage *
rahnuma_quiz_page_new (RahnumaVisit *visit, RahnumaModule *module)
{
  RahnumaQuizPage *self;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);
  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), NULL);

  self = g_object_new (RAHNUMA_TYPE_QUIZ_PAGE, NULL);
  self->visit = g_object_ref (visit);
  self->module = g_object_ref (module);
  gtk_widget_set_visible (self->lessons_button, !is_short_path (self));
  g_return_val_if_fail (rahnuma_quiz_get_n_questions (quiz (self)) > 0, self);
  self->question = rahnuma_quiz_get_asked (quiz (self), 0);
  show_question (self);
  return self;
}

/**
 * rahnuma_quiz_page_remind:
 *
 * Says what to do: how to answer, and the question, until it is answered
 * (then the feedback has said it). For the first question once the page is
 * in the window, and again after a pause without a touch.
 */
void
rahnuma_quiz_page_remind (RahnumaQuizPage *self)
{
  g_return_if_fail (RAHNUMA_IS_QUIZ_PAGE (self));
  if (!self->answered)
    speak_question (self, TRUE);
}
