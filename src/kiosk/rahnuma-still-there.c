/* rahnuma-still-there.c — "Are you still there?", with a countdown
 *
 * A page of its own: while it is up, nothing of the visit shows behind it.
 * It only shows and emits "continued"; RahnumaIdle decides when it comes
 * and what happens when nobody answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-idle"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-still-there.h"
#include "rahnuma-widget-util.h"

struct _RahnumaStillThere
{
  GtkWidget parent_instance;

  GtkLabel *question_label;
  GtkLabel *countdown_label;
};

enum {
  SIGNAL_CONTINUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RahnumaStillThere, rahnuma_still_there, GTK_TYPE_WIDGET)

static void
still_there_continue (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CONTINUED], 0);
}

static void
rahnuma_still_there_dispose (GObject *object)
{
  rahnuma_widget_dispose_page (GTK_WIDGET (object), RAHNUMA_TYPE_STILL_THERE);
  G_OBJECT_CLASS (rahnuma_still_there_parent_class)->dispose (object);
}

static void
rahnuma_still_there_class_init (RahnumaStillThereClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_still_there_dispose;

  /**
   * RahnumaStillThere::continued:
   *
   * The visitor answered: the visit goes on.
   */
  signals[SIGNAL_CONTINUED] = g_signal_new ("continued", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rahnuma/Kiosk/rahnuma-still-there.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RahnumaStillThere, question_label);
  gtk_widget_class_bind_template_child (widget_class, RahnumaStillThere, countdown_label);
  gtk_widget_class_install_action (widget_class, "still-there.continue", NULL,
                                   still_there_continue);
}

static void
rahnuma_still_there_init (RahnumaStillThere *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_still_there_new:
 * @question: the question, in the visitor's language
 *
 * Returns: (transfer floating): a new page
 */
RahnumaStillThere *
rahnuma_still_there_new (const char *question)
{
  RahnumaStillThere *self;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (RAHNUMA_TYPE_STILL_THERE, NULL);
  gtk_label_set_label (self->question_label, question);
  return self;
}

/**
 * rahnuma_still_there_set_seconds:
 * @self: a #RahnumaStillThere
 * @seconds: seconds left before the visit ends
 *
 * Shows the seconds left, large, and tells screen readers too.
 */
void
rahnuma_still_there_set_seconds (RahnumaStillThere *self, guint seconds)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (RAHNUMA_IS_STILL_THERE (self));

  text = g_strdup_printf ("%u", seconds);
  /* Translators: read by screen readers on the "Are you still there?" screen */
  spoken = g_strdup_printf (ngettext ("%u second left", "%u seconds left", seconds), seconds);
  gtk_label_set_label (self->countdown_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}
