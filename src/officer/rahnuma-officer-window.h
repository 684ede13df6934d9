/* rahnuma-officer-window.h — the PIN pad, then the dashboard; locks itself when left alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-card-printer.h"

#include "rahnuma-catalog.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_OFFICER_WINDOW (rahnuma_officer_window_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaOfficerWindow, rahnuma_officer_window, RAHNUMA, OFFICER_WINDOW, AdwWindow)

RahnumaOfficerWindow *rahnuma_officer_window_new  (RahnumaStore         *store,
                                                   RahnumaCatalog       *catalog);
void                  rahnuma_officer_window_lock (RahnumaOfficerWindow *self);

void                  rahnuma_officer_window_set_auto_sync (RahnumaOfficerWindow *self,
                                                            GObject              *auto_sync);
void                  rahnuma_officer_window_set_contacts_watch (RahnumaOfficerWindow *self,
                                                                 RahnumaContactsWatch *watch);

void                  rahnuma_officer_window_set_card_printer (RahnumaOfficerWindow *self,
                                                               RahnumaCardPrinter   *printer);
void                  rahnuma_officer_window_set_journal_set_aside (RahnumaOfficerWindow *self,
                                                                    const char           *path);

G_END_DECLS
