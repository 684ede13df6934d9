/* rahnuma-idle.h — a visitor who walks away: "Are you still there?", then
 * the visit ends as abandoned and the kiosk waits for the next visitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-types.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_IDLE (rahnuma_idle_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaIdle, rahnuma_idle, RAHNUMA, IDLE, GObject)

void rahnuma_idle_attach (GtkWindow           *window,
                          GtkStack            *stack,
                          RahnumaKioskContext *context,
                          guint                timeout_s,
                          guint                countdown_s,
                          guint                result_timeout_s);

void rahnuma_idle_set_timeouts (GtkWindow *window,
                                guint      timeout_s,
                                guint      countdown_s);

G_END_DECLS
