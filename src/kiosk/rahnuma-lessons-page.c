/* rahnuma-lessons-page.c — the list of lessons with the visitor's progress
 *
 * The page never looks finished before the briefing is: it always says how
 * many lessons are done and how many are left, with a bar; "More lessons
 * below" shows while rows are hidden under the fold; and one large button
 * is the next step (the first lesson not done, or the code once all are).
 * What it says aloud follows the same progress (rahnuma_lessons_page_get_prompt()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-lesson-row.h"
#include "rahnuma-widget-util.h"
#include "rahnuma-lessons-page.h"

struct _RahnumaLessonsPage
{
  GtkWidget parent_instance;

  RahnumaVisit *visit;

  GtkBox *rows_box;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkScrolledWindow *scrolled_window;
  GtkButton *more_button;
  GtkButton *next_button;
  GtkLabel *next_label;
  GtkButton *listen_button;
  GtkButton *finish_button;
};

G_DEFINE_FINAL_TYPE (RahnumaLessonsPage, rahnuma_lessons_page, GTK_TYPE_WIDGET)

static void
populate (RahnumaLessonsPage *self)
{
  GListModel *catalog = G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit));
  guint n_items = g_list_model_get_n_items (catalog);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (catalog, i);

      gtk_box_append (self->rows_box, GTK_WIDGET (rahnuma_lesson_row_new (self->visit, module, i + 1)));
    }
}

/* Rows hidden below the fold: "More lessons below" says so. */
static void
update_more_button (RahnumaLessonsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double bottom = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          bottom + 1.0 < gtk_adjustment_get_upper (adjustment));
}

static void
on_more_button_clicked (RahnumaLessonsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          gtk_adjustment_get_page_size (adjustment) * 0.8);
}

static void
on_adjustment_changed (GtkAdjustment *adjustment, RahnumaLessonsPage *self)
{
  update_more_button (self);
}

/* The one large next step: the first lesson not done, or the code. */
static void
update_next_step (RahnumaLessonsPage *self)
{
  g_autoptr(RahnumaModule) next = rahnuma_visit_dup_next_module (self->visit);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), next != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_button), next == NULL &&
                                                            rahnuma_visit_is_complete (self->visit));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->listen_button), "s",
                                    rahnuma_lessons_page_get_prompt (self));
  if (next == NULL)
    return;

  title = rahnuma_module_dup_title (next, rahnuma_visit_get_language (self->visit));
  /* Translators: the large button to the next lesson to do; %s is its title */
  label = g_strdup_printf (_("Next lesson: %s"), title);
  gtk_label_set_label (self->next_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_button), "s",
                                    rahnuma_module_get_id (next));
}

static void
update_progress (RahnumaLessonsPage *self)
{
  guint n_modules = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit)));
  guint n_done = rahnuma_visit_get_n_modules_done (self->visit);
  g_autofree char *done = NULL;
  g_autofree char *progress = NULL;

  /* Translators: progress through the briefing, e.g. "2 of 7 lessons done" */
  done = g_strdup_printf (ngettext ("%u of %u lesson done", "%u of %u lessons done", n_modules),
                          n_done, n_modules);
  if (n_done < n_modules)
    /* Translators: %s is "2 of 7 lessons done"; %u how many are left, e.g. "2 of 7 lessons done. 5 left." */
    progress = g_strdup_printf (ngettext ("%s. %u left.", "%s. %u left.", n_modules - n_done), done,
                                n_modules - n_done);
  else
    /* Translators: %s is "7 of 7 lessons done" */
    progress = g_strdup_printf (_("%s. Every lesson is done."), done);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, n_modules > 0 ? (double) n_done / n_modules : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);
}

/**
 * rahnuma_lessons_page_refresh:
 * @self: a #RahnumaLessonsPage
 *
 * Brings every row, the count and the next step up to date.
 */
void
rahnuma_lessons_page_refresh (RahnumaLessonsPage *self)
{
  g_return_if_fail (RAHNUMA_IS_LESSONS_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rahnuma_lesson_row_refresh (RAHNUMA_LESSON_ROW (row));
  update_progress (self);
  update_next_step (self);
}

/* Whether the visitor has begun any lesson: watched some of it, or
 * answered its questions (passed or not, scenes skipped or not). */
static gboolean
any_lesson_begun (RahnumaVisit *visit)
{
  GListModel *catalog = G_LIST_MODEL (rahnuma_visit_get_catalog (visit));

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(RahnumaModule) module = g_list_model_get_item (catalog, i);

      if (rahnuma_visit_get_lesson_state (visit, module) != RAHNUMA_LESSON_NOT_STARTED)
        return TRUE;
    }
  return FALSE;
}

/**
 * rahnuma_lessons_page_get_prompt:
 *
 * The spoken prompt (a media/prompts id) for where the visitor stands:
 * "lessons" ("Choose a lesson. Watch it, then answer the questions.")
 * before any lesson is begun, "lessons-next" (the big button for the next
 * lesson) once one is, even if none is done yet: after questions answered
 * wrongly, or with the scenes skipped, the big button leads back to that
 * lesson; "lessons-done" once the code can be had.
 *
 * Returns: (transfer none): the prompt's id
 */
const char *
rahnuma_lessons_page_get_prompt (RahnumaLessonsPage *self)
{
  g_return_val_if_fail (RAHNUMA_IS_LESSONS_PAGE (self), "lessons");

  if (rahnuma_visit_is_complete (self->visit))
    return "lessons-done";
  return any_lesson_begun (self->visit) ? "lessons-next" : "lessons";
}

/**
 * rahnuma_lessons_page_speak:
 * @self: a #RahnumaLessonsPage
 *
 * Says the page's prompt for where the visitor is (the window's
 * "kiosk.speak").
 */
void
rahnuma_lessons_page_speak (RahnumaLessonsPage *self)
{
  g_return_if_fail (RAHNUMA_IS_LESSONS_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.speak", "s",
                              rahnuma_lessons_page_get_prompt (self));
}

static void
rahnuma_lessons_page_dispose (GObject *object)
{
  RahnumaLessonsPage *self = (RahnumaLessonsPage *) object;

  rahnuma_widget_dispose_page (GTK_WIDGET (self), RAHNUMA_TYPE_LESSONS_PAGE);
  g_clear_object (&self->visit);

  G_OBJECT_CLASS (rahnuma_lessons_page_parent_class)->dispose (object);
}

static void
rahnuma_lessons_page_class_init (RahnumaLessonsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_lessons_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-lessons-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, rows_box);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, listen_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_button_clicked);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, finish_button);
}

static void
rahnuma_lessons_page_init (RahnumaLessonsPage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed), self, 0);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self, 0);
}

/**
 * rahnuma_lessons_page_new:
 * @visit: the visit in progress
 *
 * Returns: (transfer floating): the list of lessons for @visit
 */
RahnumaLessonsPage *
rahnuma_lessons_page_new (RahnumaVisit *visit)
{
  RahnumaLessonsPage *self;

  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);

  self = g_object_new (RAHNUMA_TYPE_LESSONS_PAGE, NULL);
  self->visit = g_object_ref (visit);
  populate (self);
  rahnuma_lessons_page_refresh (self);
  return self;
}
