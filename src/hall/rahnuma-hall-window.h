/* rahnuma-hall-window.h — hall mode: one screen for a group briefing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-catalog.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

/* The texts the hall's screen shows, each sized from the screen's height. */
typedef enum
{
  RAHNUMA_HALL_TEXT_CAPTION,
  RAHNUMA_HALL_TEXT_QUESTION,
  RAHNUMA_HALL_TEXT_ANSWER,
  RAHNUMA_HALL_TEXT_TITLE,
} RahnumaHallText;

#define RAHNUMA_TYPE_HALL_WINDOW (rahnuma_hall_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaHallWindow, rahnuma_hall_window, RAHNUMA, HALL_WINDOW, AdwApplicationWindow)

int                rahnuma_hall_text_px     (RahnumaHallText  text,
                                             int              screen_height);
RahnumaHallWindow *rahnuma_hall_window_new  (GtkApplication  *application,
                                             RahnumaCatalog  *catalog,
                                             RahnumaStore    *store,
                                             const char      *centre,
                                             const char      *kiosk);

G_END_DECLS
