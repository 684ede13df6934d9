/* rahnuma-card-private.h — shared within src/card/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-card.h"

G_BEGIN_DECLS

/* The five rules, in the order the card lists them. */
typedef enum
{
  RAHNUMA_CARD_PICTURE_PASSPORT,
  RAHNUMA_CARD_PICTURE_RECEIPT,
  RAHNUMA_CARD_PICTURE_BLANK_PAPER,
  RAHNUMA_CARD_PICTURE_LANGUAGE,
  RAHNUMA_CARD_PICTURE_COMPLAIN,
  RAHNUMA_CARD_N_PICTURES,
} RahnumaCardPicture;

void rahnuma_card_draw_picture (cairo_t            *cr,
                                RahnumaCardPicture  picture,
                                double              size);

void rahnuma_card_draw_qr      (cairo_t            *cr,
                                const char         *text,
                                double              size);

G_END_DECLS
