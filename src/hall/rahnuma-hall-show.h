/* rahnuma-hall-show.h — the lessons on the hall's screen, scene by scene, then their questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_HALL_SHOW (rahnuma_hall_show_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallShow, rahnuma_hall_show, RAHNUMA, HALL_SHOW, GtkWidget)

GtkWidget  *rahnuma_hall_show_new           (GPtrArray       *modules,
                                             const char      *narration,
                                             const char      *subtitles);
void        rahnuma_hall_show_next          (RahnumaHallShow *self);
void        rahnuma_hall_show_previous      (RahnumaHallShow *self);
void        rahnuma_hall_show_play_pause    (RahnumaHallShow *self);
void        rahnuma_hall_show_toggle_blank  (RahnumaHallShow *self);
gboolean    rahnuma_hall_show_is_blank      (RahnumaHallShow *self);
void        rahnuma_hall_show_stop          (RahnumaHallShow *self);
char      **rahnuma_hall_show_dup_shown_ids (RahnumaHallShow *self);

G_END_DECLS
