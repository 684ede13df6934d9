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

/* A button whose content is an icon and a label: the label's words are
 * also the button's accessible name, for screen readers and UI tests. */
static inline void
rahnuma_widget_set_label (GtkWidget *button, GtkLabel *label, const char *text)
{
  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

G_END_DECLS
