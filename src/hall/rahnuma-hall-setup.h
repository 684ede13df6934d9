/* rahnuma-hall-setup.h — the officer's choices before a hall briefing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-catalog.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_HALL_SETUP (rahnuma_hall_setup_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallSetup, rahnuma_hall_setup, RAHNUMA, HALL_SETUP, GtkWidget)

GtkWidget  *rahnuma_hall_setup_new            (RahnumaCatalog   *catalog);
const char *rahnuma_hall_setup_get_narration  (RahnumaHallSetup *self);
const char *rahnuma_hall_setup_get_subtitles  (RahnumaHallSetup *self);
GPtrArray  *rahnuma_hall_setup_dup_modules    (RahnumaHallSetup *self);
void        rahnuma_hall_setup_set_problem    (RahnumaHallSetup *self,
                                               const char       *text);

void        rahnuma_hall_setup_set_status     (RahnumaHallSetup *self,
                                               const char       *text,
                                               gboolean          saved);

G_END_DECLS
