/* rahnuma-choice-page.c — one spoken question with two or three picture answers
 *
 * The kiosk's questions about the way through a visit (issue 20): after
 * the language, "Were you in the hall briefing today?"; on the short path,
 * "Watch this lesson again?" and "Answer this lesson's questions again?".
 * Like the "about you" answers, each answer is a large picture with its
 * words below, and the whole page is said aloud: the question, then each
 * answer, from media/prompts (the words on screen are those prompts' text,
 * so the visitor reads what they hear). A touch activates the answer's
 * window action; the page holds nothing of the visitor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-about-choice.h"
#include "rahnuma-choice-page.h"
#include "rahnuma-widget-util.h"

struct _RahnumaChoicePage
{
  GtkWidget parent_instance;

  char *prompt;
  GStrv clips; /* "prompt:ID" for the question and each answer, in order */

  GtkLabel *question_label;
  GtkLabel *detail_label;
  GtkBox *choices_box;
};

G_DEFINE_FINAL_TYPE (RahnumaChoicePage, rahnuma_choice_page, GTK_TYPE_WIDGET)

static void
choice_listen (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rahnuma_choice_page_speak (RAHNUMA_CHOICE_PAGE (widget));
}

static void
rahnuma_choice_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_CHOICE_PAGE);
  G_OBJECT_CLASS (rahnuma_choice_page_parent_class)->dispose (object);
}

static void
rahnuma_choice_page_finalize (GObject *object)
{
  RahnumaChoicePage *self = (RahnumaChoicePage *) object;

  g_free (self->prompt);
  g_strfreev (self->clips);
  G_OBJECT_CLASS (rahnuma_choice_page_parent_class)->finalize (object);
}

static void
rahnuma_choice_page_class_init (RahnumaChoicePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_choice_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_choice_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-choice-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaChoicePage, question_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaChoicePage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaChoicePage, choices_box);
  gtk_widget_class_install_action (widget_class, "choice.listen", NULL, choice_listen);
}

static void
rahnuma_choice_page_init (RahnumaChoicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
new_choice_button (const RahnumaChoice *choice)
{
  GtkWidget *button = rahnuma_about_choice_new (choice->picture, choice->label,
                                                choice->target != NULL ? choice->target : "");

  rahnuma_about_choice_make_wide (RAHNUMA_ABOUT_CHOICE (button));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), choice->action);
  if (choice->target == NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), NULL);
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

/**
 * rahnuma_choice_page_new:
 * @prompt: the prompts.ini id of the question, said first
 * @question: its words in the visitor's language
 * @choices: (array length=n_choices): the answers, in reading order
 * @n_choices: 2 or 3 (%RAHNUMA_CHOICE_PAGE_MAX_CHOICES)
 *
 * Nothing is copied from @choices but its strings.
 *
 * Returns: (transfer floating): the page
 */
RahnumaChoicePage *
rahnuma_choice_page_new (const char *prompt, const char *question, const RahnumaChoice *choices,
                         guint n_choices)
{
  RahnumaChoicePage *self;
  GPtrArray *clips = g_ptr_array_new ();

  g_return_val_if_fail (prompt != NULL && question != NULL, NULL);
  g_return_val_if_fail (choices != NULL && n_choices >= 2 && n_choices <= RAHNUMA_CHOICE_PAGE_MAX_CHOICES, NULL);

  self = g_object_new (RAHNUMA_TYPE_CHOICE_PAGE, NULL);
  self->prompt = g_strdup (prompt);
  gtk_label_set_label (self->question_label, question);
  g_ptr_array_add (clips, g_strconcat ("prompt:", prompt, NULL));
  for (guint i = 0; i < n_choices; i++)
    {
      gtk_box_append (self->choices_box, new_choice_button (&choices[i]));
      g_ptr_array_add (clips, g_strconcat ("prompt:", choices[i].prompt, NULL));
    }
  g_ptr_array_add (clips, NULL);
  self->clips = (GStrv) g_ptr_array_free (clips, FALSE);
  return self;
}

/**
 * rahnuma_choice_page_get_prompt:
 * @self: a #RahnumaChoicePage
 *
 * Returns: (transfer none): the prompts.ini id of the page's question
 */
const char *
rahnuma_choice_page_get_prompt (RahnumaChoicePage *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CHOICE_PAGE (self), NULL);
  return self->prompt;
}

/**
 * rahnuma_choice_page_speak:
 * @self: a #RahnumaChoicePage in the window
 *
 * Says the question, then each answer, in the visitor's language (the
 * window's "kiosk.play"; Urdu audio for a language without a voice).
 */
void
rahnuma_choice_page_speak (RahnumaChoicePage *self)
{
  g_return_if_fail (RAHNUMA_IS_CHOICE_PAGE (self));
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "kiosk.play",
                                      g_variant_new_strv ((const char * const *) self->clips, -1));
}

/**
 * rahnuma_choice_page_set_detail:
 * @self: a #RahnumaChoicePage
 * @detail: (nullable): words under the question, e.g. the lesson it is
 *   about (its title); %NULL for none
 *
 * Shown, not said: the question's prompt says "this lesson".
 */
void
rahnuma_choice_page_set_detail (RahnumaChoicePage *self, const char *detail)
{
  g_return_if_fail (RAHNUMA_IS_CHOICE_PAGE (self));

  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
}
