/* rahnuma-application.h — the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-auto-sync.h"
#include "rahnuma-card-printer.h"
#include "rahnuma-catalog.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-settings.h"
#include "rahnuma-sound.h"
#include "rahnuma-store.h"
#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_APPLICATION (rahnuma_application_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaApplication, rahnuma_application, RAHNUMA, APPLICATION, AdwApplication)

RahnumaApplication *rahnuma_application_new            (void);
RahnumaCatalog     *rahnuma_application_get_catalog    (RahnumaApplication *self);
void                rahnuma_application_refresh_catalog (RahnumaApplication *self);
RahnumaStore       *rahnuma_application_get_store      (RahnumaApplication *self);
RahnumaSound       *rahnuma_application_get_sound      (RahnumaApplication *self);
RahnumaSettings    *rahnuma_application_get_settings   (RahnumaApplication *self);
RahnumaContacts    *rahnuma_application_get_contacts   (RahnumaApplication *self);
RahnumaContactsWatch *rahnuma_application_get_contacts_watch (RahnumaApplication *self);
RahnumaAutoSync    *rahnuma_application_get_auto_sync  (RahnumaApplication *self);
RahnumaCardPrinter *rahnuma_application_get_card_printer (RahnumaApplication *self);
const char         *rahnuma_application_get_set_aside_journal (RahnumaApplication *self);
const char         *rahnuma_application_get_centre     (RahnumaApplication *self);
const char         *rahnuma_application_get_kiosk_id   (RahnumaApplication *self);
gboolean            rahnuma_application_is_preview     (RahnumaApplication *self);
char               *rahnuma_application_dup_proof      (RahnumaApplication *self,
                                                        RahnumaVisit       *visit);
char               *rahnuma_application_dup_prompt_path (RahnumaApplication *self,
                                                        const char         *prompt,
                                                        const char         *lang);
char               *rahnuma_application_dup_prompt_text (RahnumaApplication *self,
                                                        const char         *prompt,
                                                        const char         *lang);

void                rahnuma_application_leave_kiosk     (RahnumaApplication *self);

int                 rahnuma_application_get_exit_status (RahnumaApplication *self);

G_END_DECLS
