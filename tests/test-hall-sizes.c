/* test-hall-sizes.c — hall mode's size rule (rahnuma_hall_text_px()): every text for
 * the room at least 1/20 of the screen's height, captions and questions 1/15
 *
 * A pure function of the height: no display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-hall-window.h"

static void
test_full_hd_and_720 (void)
{
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_CAPTION, 1080), ==, 72);
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_QUESTION, 1080), ==, 72);
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, 1080), ==, 54);
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_TITLE, 1080), ==, 54);
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_CAPTION, 720), ==, 48);
  g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, 720), ==, 36);
}

/* Rounded up: never under the rule, at any height. */
static void
test_never_under (void)
{
  for (int h = 1; h <= 4320; h++)
    {
      g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_ANSWER, h) * 20, >=, h);
      g_assert_cmpint (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_TITLE, h) * 20, >=, h);
      /* A caption line, 1.25 × the font size, is at least 8% of the height. */
      g_assert_cmpfloat (rahnuma_hall_text_px (RAHNUMA_HALL_TEXT_CAPTION, h) * 1.25, >=, h * 0.08);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/hall/sizes/full-hd-and-720", test_full_hd_and_720);
  g_test_add_func ("/rahnuma/hall/sizes/never-under", test_never_under);
  return g_test_run ();
}
