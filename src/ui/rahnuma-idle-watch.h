/* rahnuma-idle-watch.h — how long nobody has touched a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_IDLE_WATCH (rahnuma_idle_watch_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaIdleWatch, rahnuma_idle_watch, RAHNUMA, IDLE_WATCH, GObject)

RahnumaIdleWatch *rahnuma_idle_watch_new           (GtkWidget        *widget);
void              rahnuma_idle_watch_start         (RahnumaIdleWatch *self,
                                                    guint             timeout_s);
void              rahnuma_idle_watch_stop          (RahnumaIdleWatch *self);
gboolean          rahnuma_idle_watch_is_running    (RahnumaIdleWatch *self);
void              rahnuma_idle_watch_note_activity (RahnumaIdleWatch *self);

G_END_DECLS
