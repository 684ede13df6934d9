/* rahnuma-card-qr.c — the card's QR code, as vector squares
 *
 * libqrencode makes the matrix (as the result page does); each row's runs of
 * dark modules become rectangles in one path, filled once, so no hairline
 * seams show between neighbours when the page is rasterised (by a printer
 * driver, or pdftoppm before zbarimg in the tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <qrencode.h>

#include "rahnuma-card-private.h"

/* The light margin scanners need around the code, in modules (ISO/IEC 18004). */
#define QUIET_MODULES 4

static void
add_row (cairo_t *cr, const QRcode *qr, int y, double module)
{
  int x = 0;

  while (x < qr->width)
    {
      int start;

      if (!(qr->data[y * qr->width + x] & 1))
        {
          x++;
          continue;
        }
      start = x;
      while (x < qr->width && (qr->data[y * qr->width + x] & 1))
        x++;
      cairo_rectangle (cr, (start + QUIET_MODULES) * module, (y + QUIET_MODULES) * module,
                       (x - start) * module, module);
    }
}

/**
 * rahnuma_card_draw_qr:
 * @cr: where to draw; the origin is the top-left corner of the quiet zone
 * @text: what the code carries (UTF-8, 8-bit mode)
 * @size: the side of the whole square, quiet zone included
 *
 * Fills the dark modules in black, error correction level M. Draws nothing
 * if @text cannot be encoded (rahnuma_card_check() refuses such a card).
 */
void
rahnuma_card_draw_qr (cairo_t *cr, const char *text, double size)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (qr == NULL)
    return;
  module = size / (qr->width + 2 * QUIET_MODULES);
  cairo_save (cr);
  cairo_new_path (cr);
  for (int y = 0; y < qr->width; y++)
    add_row (cr, qr, y, module);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (qr);
}
