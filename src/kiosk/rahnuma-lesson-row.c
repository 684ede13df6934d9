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

static void
set_status (RahnumaLessonRow *self, const char *icon_name, const char *css_class, const char *text)
{
  static const char *const classes[] = { "lesson-new", "lesson-watched", "lesson-passed",
                                         "lesson-failed" };

  for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), css_class);
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_label (self->status_label, text);
}

/* Brings the row up to date with the visit. */
void
rahnuma_lesson_row_refresh (RahnumaLessonRow *self)
{
  RahnumaQuiz *quiz;
  g_autofree char *score = NULL;

  g_return_if_fail (RAHNUMA_IS_LESSON_ROW (self));

  quiz = rahnuma_visit_get_quiz (self->visit, self->module);
  if (rahnuma_visit_is_module_done (self->visit, self->module))
    {
      gboolean passed = rahnuma_quiz_is_passed (quiz);

      /* Translators: a lesson's quiz result, e.g. "Done: 4 of 5 answers right" */
      score = g_strdup_printf (_("Done: %u of %u answers right"), rahnuma_quiz_get_n_correct (quiz),
                               rahnuma_quiz_get_n_questions (quiz));
      set_status (self, passed ? "emblem-ok-symbolic" : "view-refresh-symbolic",
                  passed ? "lesson-passed" : "lesson-failed", score);
    }
  else if (rahnuma_visit_is_module_watched (self->visit, self->module))
    set_status (self, "media-playback-start-symbolic", "lesson-watched",
                _("Watched. Answer the questions to finish."));
  else
    set_status (self, "media-playback-start-symbolic", "lesson-new", _("Not started yet"));
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
