/* rahnuma-lessons-page.h — the list of lessons with the visitor's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_LESSONS_PAGE (rahnuma_lessons_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaLessonsPage, rahnuma_lessons_page, RAHNUMA, LESSONS_PAGE, GtkWidget)

RahnumaLessonsPage *rahnuma_lessons_page_new     (RahnumaVisit       *visit);
void                rahnuma_lessons_page_refresh (RahnumaLessonsPage *self);
void                rahnuma_lessons_page_speak   (RahnumaLessonsPage *self);
const char         *rahnuma_lessons_page_get_prompt (RahnumaLessonsPage *self);

G_END_DECLS
