/* rahnuma-card-pictures.c — the five rules' pictures, as line drawings
 *
 * Black lines on white: a thermal printer has one colour, and a line
 * drawing stays clear at 14 mm. Each picture is drawn in a square of side
 * @size whose top-left corner is the current origin, in the spirit of the
 * lessons' pictograms (media/make-media: pict_passport, pict_receipt,
 * pict_blank, pict_language, pict_office), simplified for one ink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "rahnuma-card-private.h"

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc (cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path (cr);
}

static void
line (cairo_t *cr, double x1, double y1, double x2, double y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

/* Lines of writing on a page, the last of each three shorter. */
static void
writing (cairo_t *cr, double x, double y, double w, int n, double gap)
{
  for (int i = 0; i < n; i++)
    line (cr, x, y + i * gap, x + (i % 3 == 2 ? w * 0.6 : w), y + i * gap);
}

/* Keep your passport: the passport, its emblem, and a hand holding it. */
static void
draw_passport (cairo_t *cr)
{
  rounded_rect (cr, 0.28, 0.06, 0.44, 0.62, 0.05);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0.50, 0.30, 0.11, 0, 2 * M_PI);
  line (cr, 0.38, 0.50, 0.62, 0.50);
  line (cr, 0.42, 0.58, 0.58, 0.58);
  cairo_move_to (cr, 0.12, 0.96);
  cairo_curve_to (cr, 0.12, 0.70, 0.24, 0.64, 0.36, 0.68);
  cairo_line_to (cr, 0.78, 0.68);
  cairo_curve_to (cr, 0.86, 0.68, 0.86, 0.78, 0.78, 0.78);
  cairo_line_to (cr, 0.58, 0.78);
  cairo_curve_to (cr, 0.74, 0.82, 0.76, 0.96, 0.70, 0.96);
}

/* Get a receipt: a torn-off slip with writing and a tick. */
static void
draw_receipt (cairo_t *cr)
{
  cairo_move_to (cr, 0.24, 0.06);
  cairo_line_to (cr, 0.76, 0.06);
  cairo_line_to (cr, 0.76, 0.94);
  for (int i = 0; i < 6; i++)
    {
      cairo_line_to (cr, 0.76 - 0.0433 - 0.0867 * i, 0.89);
      cairo_line_to (cr, 0.76 - 0.0867 * (i + 1), 0.94);
    }
  cairo_close_path (cr);
  writing (cr, 0.33, 0.20, 0.34, 4, 0.10);
  line (cr, 0.50, 0.74, 0.56, 0.80);
  line (cr, 0.56, 0.80, 0.68, 0.64);
}

/* Never sign a blank paper: an empty page with a signing line, crossed out. */
static void
draw_blank (cairo_t *cr)
{
  rounded_rect (cr, 0.22, 0.06, 0.56, 0.80, 0.04);
  line (cr, 0.32, 0.74, 0.68, 0.74);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0.50, 0.50, 0.42, 0, 2 * M_PI);
  line (cr, 0.20, 0.20, 0.80, 0.80);
}

/* Your contract in your language: a written page and a speech bubble. */
static void
draw_language (cairo_t *cr)
{
  rounded_rect (cr, 0.08, 0.18, 0.50, 0.74, 0.04);
  writing (cr, 0.16, 0.34, 0.34, 5, 0.10);
  rounded_rect (cr, 0.48, 0.06, 0.46, 0.32, 0.08);
  cairo_move_to (cr, 0.58, 0.38);
  cairo_line_to (cr, 0.54, 0.50);
  cairo_line_to (cr, 0.68, 0.38);
  writing (cr, 0.56, 0.16, 0.30, 2, 0.11);
}

/* Where to complain: the office, with its flag. */
static void
draw_office (cairo_t *cr)
{
  rounded_rect (cr, 0.14, 0.30, 0.72, 0.64, 0.02);
  for (int row = 0; row < 2; row++)
    for (int col = 0; col < 3; col++)
      rounded_rect (cr, 0.22 + col * 0.20, 0.38 + row * 0.18, 0.14, 0.11, 0.01);
  rounded_rect (cr, 0.42, 0.76, 0.16, 0.18, 0.01);
  line (cr, 0.50, 0.30, 0.50, 0.04);
  cairo_move_to (cr, 0.50, 0.04);
  cairo_line_to (cr, 0.68, 0.09);
  cairo_line_to (cr, 0.50, 0.14);
}

/**
 * rahnuma_card_draw_picture:
 * @cr: where to draw; the origin is the picture's top-left corner
 * @picture: which rule's picture
 * @size: the side of its square, in the units of @cr
 *
 * Strokes one picture in black. The state of @cr is kept.
 */
void
rahnuma_card_draw_picture (cairo_t *cr, RahnumaCardPicture picture, double size)
{
  static void (* const draw[]) (cairo_t *) = {
    draw_passport, draw_receipt, draw_blank, draw_language, draw_office,
  };

  g_return_if_fail ((guint) picture < G_N_ELEMENTS (draw));

  cairo_save (cr);
  cairo_scale (cr, size, size);
  cairo_new_path (cr);
  draw[picture] (cr);
  cairo_restore (cr);
  /* The line width is set once the scale is gone, so it is the same on
   * every picture whatever its path. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, MAX (size / 22.0, 0.8));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}
