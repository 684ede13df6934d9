/* rahnuma-lesson-page.h — one lesson playing, scene after scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-player.h"
#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_LESSON_PAGE (rahnuma_lesson_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaLessonPage, rahnuma_lesson_page, RAHNUMA, LESSON_PAGE, GtkWidget)

RahnumaLessonPage *rahnuma_lesson_page_new (RahnumaVisit  *visit,
                                            RahnumaModule *module);
RahnumaPlayer     *rahnuma_lesson_page_get_player (RahnumaLessonPage *self);

G_END_DECLS
