/* rahnuma-hall-sizes.c — hall mode's size rule
 *
 * Why these sizes: rahnuma-hall-window.c ("the size rule") and README
 * ("Hall mode"). A pure function of the screen's height, shared by the
 * window's style sheet and the question's fitting (rahnuma-hall-question.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-hall-sizes.h"

/**
 * rahnuma_hall_text_px:
 * @text: which text of the hall's screen
 * @screen_height: the window's height in pixels (full screen: the screen's)
 *
 * The size rule of hall mode (top of rahnuma-hall-window.c): captions and
 * questions 1/15 of the height, every other text shown to the room 1/20,
 * rounded up.
 *
 * Returns: the font size in pixels
 */
int
rahnuma_hall_text_px (RahnumaHallText text, int screen_height)
{
  int divisor = text == RAHNUMA_HALL_TEXT_CAPTION || text == RAHNUMA_HALL_TEXT_QUESTION ? 15 : 20;

  g_return_val_if_fail (screen_height >= 0, 0);
  return (screen_height + divisor - 1) / divisor;
}
