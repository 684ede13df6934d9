/* rahnuma-welcome-page.c — the attract screen: touch anywhere to start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-officer-corner.h"
#include "rahnuma-welcome-page.h"
#include "rahnuma-widget-util.h"

struct _RahnumaWelcomePage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (RahnumaWelcomePage, rahnuma_welcome_page, GTK_TYPE_WIDGET)

static void
rahnuma_welcome_page_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (rahnuma_welcome_page_parent_class)->dispose (object);
}

static void
rahnuma_welcome_page_class_init (RahnumaWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_welcome_page_dispose;
  g_type_ensure (RAHNUMA_TYPE_OFFICER_CORNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-welcome-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rahnuma_welcome_page_init (RahnumaWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
