/* rahnuma-about-choice.c — one answer button of the "about you" step
 *
 * A picture first, its words below, the whole a button that activates
 * "about.answer" with the answer's value. The words are the button's
 * accessible name (rahnuma_widget_set_label()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-about-choice.h"
#include "rahnuma-about-picture.h"
#include "rahnuma-widget-util.h"

struct _RahnumaAboutChoice
{
  GtkButton parent_instance;

  RahnumaAboutPicture *picture;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (RahnumaAboutChoice, rahnuma_about_choice, GTK_TYPE_BUTTON)

static void
rahnuma_about_choice_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RAHNUMA_TYPE_ABOUT_CHOICE);
  G_OBJECT_CLASS (rahnuma_about_choice_parent_class)->dispose (object);
}

static void
rahnuma_about_choice_class_init (RahnumaAboutChoiceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rahnuma_about_choice_dispose;
  g_type_ensure (RAHNUMA_TYPE_ABOUT_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rahnuma/Kiosk/rahnuma-about-choice.ui");
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutChoice, picture);
  gtk_widget_class_bind_template_child (widget_class, RahnumaAboutChoice, label);
}

static void
rahnuma_about_choice_init (RahnumaAboutChoice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rahnuma_about_choice_new:
 * @picture: what rahnuma_about_picture_new() draws, e.g. "destination:SA"
 * @label: the answer's words, already translated
 * @value: the "about.answer" target, e.g. "SA"
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
rahnuma_about_choice_new (const char *picture, const char *label, const char *value)
{
  RahnumaAboutChoice *self = g_object_new (RAHNUMA_TYPE_ABOUT_CHOICE, "action-target",
                                           g_variant_new_string (value), NULL);

  g_object_set (self->picture, "name", picture, NULL);
  rahnuma_widget_set_label (GTK_WIDGET (self), self->label, label);
  return GTK_WIDGET (self);
}

/**
 * rahnuma_about_choice_make_wide:
 * @self: a #RahnumaAboutChoice
 *
 * For a page of two large choices with longer words (the path after the
 * hall briefing, RahnumaChoicePage): a larger picture, the words on wider
 * lines.
 */
void
rahnuma_about_choice_make_wide (RahnumaAboutChoice *self)
{
  g_return_if_fail (RAHNUMA_IS_ABOUT_CHOICE (self));

  gtk_widget_set_size_request (GTK_WIDGET (self->picture), 128, 128);
  gtk_label_set_max_width_chars (self->label, 26);
}
