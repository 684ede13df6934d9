/* rahnuma-lesson-row.c — one lesson in the list, with the visitor's progress
 *
 * Progress is shown three ways, for visitors who read little: an icon, a
 * colour and words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-lesson-row.h"
#include "rahnuma-widget-util.h"

struct _RahnumaLessonRow
{
  GtkWidget parent_instance;

  RahnumaVisit *visit;
  RahnumaModule *module;

  GtkButton *button;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkImage *status_icon;
};

G_DEFINE_FINAL_TYPE (RahnumaLessonRow, rahnuma_lesson_row, GTK_TYPE_WIDGET)

/* How each state looks: an icon and a colour (a CSS class of its own). */
static const struct
{
  const char *icon_name;
  const char *css_class;
} looks[] = {
  [RAHNUMA_LESSON_NOT_STARTED] = { "media-playback-start-symbolic", "lesson-new" },
  [RAHNUMA_LESSON_STARTED] = { "media-playback-pause-symbolic", "lesson-started" },
  [RAHNUMA_LESSON_WATCHED] = { "dialog-question-symbolic", "lesson-watched" },
  [RAHNUMA_LESSON_SKIPPED_FAILED] = { "view-refresh-symbolic", "lesson-failed" },
  [RAHNUMA_LESSON_SKIPPED_PASSED] = { "emblem-ok-symbolic", "lesson-skipped-passed" },
  [RAHNUMA_LESSON_FAILED] = { "view-refresh-symbolic", "lesson-failed" },
  [RAHNUMA_LESSON_PASSED] = { "emblem-ok-symbolic", "lesson-passed" },
};

/* The words for a state, shown under the title and heard as the row's
 * accessible description. */
static char *
dup_status_text (RahnumaLessonState state, RahnumaQuiz *quiz)
{
  guint right = rahnuma_quiz_get_n_correct (quiz);
  guint total = rahnuma_quiz_get_n_questions (quiz);

  switch (state)
    {
    case RAHNUMA_LESSON_STARTED:
      return g_strdup (_("Started. Watch it to the end, then answer the questions."));
    case RAHNUMA_LESSON_WATCHED:
      return g_strdup (_("Watched. Answer the questions to finish."));
    case RAHNUMA_LESSON_SKIPPED_FAILED:
      /* Translators: e.g. "Not passed: 2 of 5 answers right. Watch the whole lesson, then try again." */
      return g_strdup_printf (_("Not passed: %u of %u answers right. Watch the whole lesson, then try again."),
                              right, total);
    case RAHNUMA_LESSON_SKIPPED_PASSED:
      /* Translators: e.g. "Questions passed: 5 of 6 answers right. Watch the whole lesson to finish it." */
      return g_strdup_printf (_("Questions passed: %u of %u answers right. Watch the whole lesson to finish it."),
                              right, total);
    case RAHNUMA_LESSON_FAILED:
      /* Translators: e.g. "Not passed: 2 of 5 answers right. You can try again." */
      return g_strdup_printf (_("Not passed: %u of %u answers right. You can try again."), right, total);
    case RAHNUMA_LESSON_PASSED:
      /* Translators: e.g. "Passed: 4 of 5 answers right" */
      return g_strdup_printf (_("Passed: %u of %u answers right"), right, total);
    case RAHNUMA_LESSON_NOT_STARTED:
    default:
      return g_strdup (_("Not started yet"));
    }
}

/**
 * rahnuma_lesson_row_refresh:
 * @self: a #RahnumaLessonRow
 *
 * Brings the row up to date with the visit: icon, colour, words and what a
 * screen reader says all come from the one state the visit derives.
 */
void
rahnuma_lesson_row_refresh (RahnumaLessonRow *self)
{
  RahnumaLessonState state;
  g_autofree char *text = NULL;

  g_return_if_fail (RAHNUMA_IS_LESSON_ROW (self));

  state = rahnuma_visit_get_lesson_state (self->visit, self->module);
  text = dup_status_text (state, rahnuma_visit_get_quiz (self->visit, self->module));
  for (gsize i = 0; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), looks[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), looks[state].css_class);
  gtk_image_set_from_icon_name (self->status_icon, looks[state].icon_name);
  gtk_label_set_label (self->status_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
rahnuma_lesson_row_dispose (GObject *object)
{
  RahnumaLessonRow *self = (RahnumaLessonRow *) object;

  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_LESSON_ROW);
  g_clear_object (&self->visit);
  g_clear_object (&self->module);

  G_OBJECT_CLASS (rahnuma_lesson_row_parent_class)->dispose (object);
}

static void
rahnuma_lesson_row_class_init (RahnumaLessonRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_lesson_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-lesson-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonRow, button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonRow, status_icon);
}

static void
rahnuma_lesson_row_init (RahnumaLessonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_lesson_row_new:
 * @visit: the visit in progress
 * @module: the lesson the row stands for
 * @number: its place in the list, from 1
 *
 * Returns: (transfer floating): the row
 */
RahnumaLessonRow *
rahnuma_lesson_row_new (RahnumaVisit *visit, RahnumaModule *module, guint number)
{
  RahnumaLessonRow *self;
  g_autofree char *title = NULL;
  g_autofree char *number_text = NULL;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);
  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), NULL);

  self = g_object_new (RAHNUMA_TYPE_LESSON_ROW, NULL);
  self->visit = g_object_ref (visit);
  self->module = g_object_ref (module);

  title = rahnuma_module_dup_title (module, rahnuma_visit_get_language (visit));
  number_text = g_strdup_printf ("%u", number);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->number_label, number_text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s",
                                    rahnuma_module_get_id (module));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  rahnuma_lesson_row_refresh (self);
  return self;
}
