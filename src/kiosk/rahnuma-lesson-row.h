/* rahnuma-lesson-row.h — one lesson in the list, with the visitor's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_LESSON_ROW (rahnuma_lesson_row_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaLessonRow, rahnuma_lesson_row, RAHNUMA, LESSON_ROW, GtkWidget)

RahnumaLessonRow *rahnuma_lesson_row_new     (RahnumaVisit     *visit,
                                              RahnumaModule    *module,
                                              guint             number);
void              rahnuma_lesson_row_refresh (RahnumaLessonRow *self);

G_END_DECLS
