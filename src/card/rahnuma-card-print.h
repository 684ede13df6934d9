/* rahnuma-card-print.h — printing the card with no dialog (GtkPrintOperation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-card.h"

G_BEGIN_DECLS

#define RAHNUMA_CARD_PRINT_ERROR (rahnuma_card_print_error_quark ())

typedef enum
{
  RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER, /* no such printer, or none at all */
  RAHNUMA_CARD_PRINT_ERROR_STOPPED,    /* the printer stopped: out of paper, cover open, jammed */
  RAHNUMA_CARD_PRINT_ERROR_FAILED,     /* the job was refused or aborted */
} RahnumaCardPrintError;

/* The `printer` setting's value that means "no printer: no Print button". */
#define RAHNUMA_CARD_PRINTER_NONE "none"

GQuark   rahnuma_card_print_error_quark (void);

void     rahnuma_card_print_async       (const RahnumaCard    *card,
                                         RahnumaCardLayout     layout,
                                         GtkPrintSettings     *settings,
                                         GtkWindow            *parent,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean rahnuma_card_print_finish      (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
