/* rahnuma-hall-sizes.h — hall mode's size rule (rahnuma-hall-window.c, "size rule")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The texts the hall's screen shows, each sized from the screen's height. */
typedef enum
{
  RAHNUMA_HALL_TEXT_CAPTION,
  RAHNUMA_HALL_TEXT_QUESTION,
  RAHNUMA_HALL_TEXT_ANSWER,
  RAHNUMA_HALL_TEXT_TITLE,
} RahnumaHallText;

int rahnuma_hall_text_px (RahnumaHallText text,
                          int             screen_height);

G_END_DECLS
