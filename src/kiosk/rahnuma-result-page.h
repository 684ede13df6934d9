/* rahnuma-result-page.h — the completion code, for the Protector's officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-card-printer.h"
#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_RESULT_PAGE (rahnuma_result_page_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaResultPage, rahnuma_result_page, RAHNUMA, RESULT_PAGE, GtkWidget)

RahnumaResultPage *rahnuma_result_page_new   (RahnumaVisit      *visit,
                                              const char        *proof);
void               rahnuma_result_page_speak (RahnumaResultPage *self);
void               rahnuma_result_page_set_contacts (RahnumaResultPage *self,
                                                     GPtrArray         *entries);
void               rahnuma_result_page_set_card_printer (RahnumaResultPage  *self,
                                                         RahnumaCardPrinter *printer);

G_END_DECLS
