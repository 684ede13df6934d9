/* rahnuma-hall-count.h — the head count, typed on a large number pad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_HALL_COUNT (rahnuma_hall_count_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallCount, rahnuma_hall_count, RAHNUMA, HALL_COUNT, GtkWidget)

GtkWidget *rahnuma_hall_count_new         (void);
guint      rahnuma_hall_count_get_value   (RahnumaHallCount *self);
void       rahnuma_hall_count_clear       (RahnumaHallCount *self);
gboolean   rahnuma_hall_count_handle_key  (RahnumaHallCount *self,
                                           guint             keyval);
void       rahnuma_hall_count_set_problem (RahnumaHallCount *self,
                                           const char       *text);
const char *rahnuma_hall_count_get_problem (RahnumaHallCount *self);
void       rahnuma_hall_count_set_note    (RahnumaHallCount *self,
                                           const char       *text);
const char *rahnuma_hall_count_get_note   (RahnumaHallCount *self);

G_END_DECLS
