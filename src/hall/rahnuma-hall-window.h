/* rahnuma-hall-window.h — hall mode: one screen for a group briefing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-catalog.h"
#include "rahnuma-hall-sizes.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_HALL_WINDOW (rahnuma_hall_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallWindow, rahnuma_hall_window, RAHNUMA, HALL_WINDOW, AdwApplicationWindow)

RahnumaHallWindow *rahnuma_hall_window_new  (GtkApplication  *application,
                                             RahnumaCatalog  *catalog,
                                             RahnumaStore    *store,
                                             const char      *journal_path,
                                             const GError    *journal_error,
                                             const char      *centre,
                                             const char      *kiosk);

G_END_DECLS
