/* rahnuma-quiz-page.h — a lesson's questions, one per screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_QUIZ_PAGE (rahnuma_quiz_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaQuizPage, rahnuma_quiz_page, RAHNUMA, QUIZ_PAGE, GtkWidget)

RahnumaQuizPage *rahnuma_quiz_page_new           (RahnumaVisit    *visit,
                                                  RahnumaModule   *module);
guint            rahnuma_quiz_page_get_question  (RahnumaQuizPage *self);
void             rahnuma_quiz_page_show_feedback (RahnumaQuizPage *self);

void             rahnuma_quiz_page_remind        (RahnumaQuizPage *self);

G_END_DECLS
