/* rahnuma-about-page.h — the optional, anonymous "about you" step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-survey.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_ABOUT_PAGE (rahnuma_about_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaAboutPage, rahnuma_about_page, RAHNUMA, ABOUT_PAGE, GtkWidget)

RahnumaAboutPage *rahnuma_about_page_new          (void);
void              rahnuma_about_page_speak        (RahnumaAboutPage     *self);
const char       *rahnuma_about_page_get_gender   (RahnumaAboutPage     *self);
void              rahnuma_about_page_get_answers  (RahnumaAboutPage     *self,
                                                   RahnumaSurveyAnswers *answers);

G_END_DECLS
