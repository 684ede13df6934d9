/* rahnuma-about-choice.h — one answer button of the "about you" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_ABOUT_CHOICE (rahnuma_about_choice_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaAboutChoice, rahnuma_about_choice, RAHNUMA, ABOUT_CHOICE, GtkButton)

GtkWidget *rahnuma_about_choice_new (const char *picture,
                                     const char *label,
                                     const char *value);
void       rahnuma_about_choice_make_wide (RahnumaAboutChoice *self);

G_END_DECLS
