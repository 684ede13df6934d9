/* rahnuma-still-there.h — "Are you still there?", with a countdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAHNUMA_TYPE_STILL_THERE (rahnuma_still_there_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaStillThere, rahnuma_still_there, RAHNUMA, STILL_THERE, GtkWidget)

RahnumaStillThere *rahnuma_still_there_new         (const char        *question);
void               rahnuma_still_there_set_seconds (RahnumaStillThere *self,
                                                    guint              seconds);

G_END_DECLS
