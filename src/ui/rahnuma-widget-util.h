/* rahnuma-widget-util.h — small helpers shared by the kiosk's and the officers' widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Unparents every child of @widget: for the dispose of a widget that
 * parents children itself (a GtkWidget subclass, not a container). */
static inline void
rahnuma_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* For a page's dispose: gtk_widget_dispose_template() (GTK 4.8) unparents
 * only template children that have an id, so the page's own box goes here. */
static inline void
rahnuma_widget_dispose_page (GtkWidget *page, GType type)
{
  gtk_widget_dispose_template (page, type);
  rahnuma_widget_unparent_children (page);
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
