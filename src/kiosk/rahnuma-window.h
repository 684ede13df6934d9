/* rahnuma-window.h — the kiosk window: one visitor's journey after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-types.h"
#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_WINDOW (rahnuma_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaWindow, rahnuma_window, RAHNUMA, WINDOW, AdwApplicationWindow)

RahnumaWindow *rahnuma_window_new                     (GtkApplication      *application,
                                                       RahnumaKioskContext *context);
RahnumaVisit  *rahnuma_window_get_visit              (RahnumaWindow       *self);

G_END_DECLS
