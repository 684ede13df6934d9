/* rahnuma-hall-question.h — a question on the hall's screen, fitted to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-module.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_HALL_QUESTION (rahnuma_hall_question_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallQuestion, rahnuma_hall_question, RAHNUMA, HALL_QUESTION, GtkWidget)

GtkWidget *rahnuma_hall_question_new       (void);
void       rahnuma_hall_question_set       (RahnumaHallQuestion *self,
                                            RahnumaQuestion     *question,
                                            const char          *subtitles,
                                            gboolean             reveal);
gboolean   rahnuma_hall_question_get_fits  (RahnumaHallQuestion *self,
                                            int                 *question_px,
                                            gboolean            *side_by_side);

G_END_DECLS
