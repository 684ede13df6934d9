/* rahnuma-card-printer.h — the kiosk's card printer and its last fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-card.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_CARD_PRINTER (rahnuma_card_printer_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaCardPrinter, rahnuma_card_printer, RAHNUMA, CARD_PRINTER, GObject)

/**
 * RahnumaCardSignFunc:
 * @code: the test card's fresh code
 * @n_passed: lessons passed (all, on a test card)
 * @n_total: lessons on offer
 * @user_data: what was given with the function
 *
 * Signs a test card's completion proof, marked demo.
 *
 * Returns: (transfer full) (nullable): the proof's text, or %NULL to put
 *   the bare code in the QR code
 */
typedef char *(*RahnumaCardSignFunc) (const char *code, guint n_passed, guint n_total, gpointer user_data);

RahnumaCardPrinter *rahnuma_card_printer_new            (const char          *name,
                                                         RahnumaCardLayout    layout);
const char         *rahnuma_card_printer_get_name       (RahnumaCardPrinter  *self);
RahnumaCardLayout   rahnuma_card_printer_get_layout     (RahnumaCardPrinter  *self);
const char         *rahnuma_card_printer_get_last_error (RahnumaCardPrinter  *self);
void                rahnuma_card_printer_print_async    (RahnumaCardPrinter  *self,
                                                         const RahnumaCard   *card,
                                                         GtkWindow           *parent,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean            rahnuma_card_printer_print_finish   (RahnumaCardPrinter  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void                rahnuma_card_printer_set_test_signer (RahnumaCardPrinter *self,
                                                         RahnumaCardSignFunc  sign,
                                                         gpointer             user_data);
void                rahnuma_card_printer_print_test_card (RahnumaCardPrinter *self,
                                                         const char          *language,
                                                         GtkWindow           *parent);

G_END_DECLS
