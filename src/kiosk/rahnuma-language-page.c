/* rahnuma-language-page.c — the four languages, each in its own script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-language-page.h"
#include "rahnuma-widget-util.h"

struct _RahnumaLanguagePage
{
  GtkWidget parent_instance;

  GtkWidget *grid;
};

G_DEFINE_FINAL_TYPE (RahnumaLanguagePage, rahnuma_language_page, GTK_TYPE_WIDGET)

static void
rahnuma_language_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_LANGUAGE_PAGE);
  G_OBJECT_CLASS (rahnuma_language_page_parent_class)->dispose (object);
}

static void
rahnuma_language_page_class_init (RahnumaLanguagePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_language_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-language-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaLanguagePage, grid);
}

static void
rahnuma_language_page_init (RahnumaLanguagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Most visitors read right to left: Urdu comes first, at the top right,
   * whatever language the last visitor chose. (A widget's direction is not
   * inherited, so it is set on the grid that lays the languages out.) */
  gtk_widget_set_direction (self->grid, GTK_TEXT_DIR_RTL);
}

/* Asks the question aloud in Urdu, the language most visitors share. */
void
rahnuma_language_page_speak (RahnumaLanguagePage *self)
{
  g_return_if_fail (RAHNUMA_IS_LANGUAGE_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.speak", "s", "ur/language");
}
