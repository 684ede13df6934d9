/* rahnuma-officer.h — the one entry the kiosk needs: open the officers' dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-card-printer.h"
#include "rahnuma-catalog.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

void rahnuma_officer_present (GtkWindow      *parent,
                              RahnumaStore   *store,
                              RahnumaCatalog *catalog);

void rahnuma_officer_set_auto_sync (GObject *auto_sync);
void rahnuma_officer_set_contacts_watch (RahnumaContactsWatch *watch);
void rahnuma_officer_set_card_printer (RahnumaCardPrinter *printer);
void rahnuma_officer_set_journal_set_aside (const char *path);

G_END_DECLS
