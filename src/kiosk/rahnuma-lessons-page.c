/* rahnuma-lessons-page.c — the list of lessons with the visitor's progress
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

/* Brings every row, the count and the finish button up to date. */
void
rahnuma_lessons_page_refresh (RahnumaLessonsPage *self)
{
  guint n_modules, n_done;
  g_autofree char *progress = NULL;

  g_return_if_fail (RAHNUMA_IS_LESSONS_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rahnuma_lesson_row_refresh (RAHNUMA_LESSON_ROW (row));

  n_modules = g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (self->visit)));
  n_done = rahnuma_visit_get_n_modules_done (self->visit);
  /* Translators: progress through the briefing, e.g. "2 of 7 lessons done" */
  progress = g_strdup_printf (ngettext ("%u of %u lesson done", "%u of %u lessons done", n_modules),
                              n_done, n_modules);
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_button), rahnuma_visit_is_complete (self->visit));
}

void
rahnuma_lessons_page_speak (RahnumaLessonsPage *self)
{
  g_return_if_fail (RAHNUMA_IS_LESSONS_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.speak", "s", "lessons");
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
  gtk_widget_class_bind_template_child (widget_class, RahnumaLessonsPage, finish_button);
}

static void
rahnuma_lessons_page_init (RahnumaLessonsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

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
