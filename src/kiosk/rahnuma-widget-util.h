/* rahnuma-widget-util.h — small helpers shared by the kiosk's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a page's dispose: gtk_widget_dispose_template() unparents only
 * template children that have an id, so the page's own box goes here. */
static inline void
rahnuma_widget_dispose_page (GtkWidget *page, GType type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (page, type);
  while ((child = gtk_widget_get_first_child (page)) != NULL)
    gtk_widget_unparent (child);
}

G_END_DECLS
