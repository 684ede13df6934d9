/* rahnuma-kiosk-context.h — what the kiosk window needs, in one object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rahnuma-auto-sync.h"
#include "rahnuma-card-printer.h"
#include "rahnuma-catalog.h"
#include "rahnuma-contacts-watch.h"
#include "rahnuma-proof.h"
#include "rahnuma-settings.h"
#include "rahnuma-sound.h"
#include "rahnuma-store.h"
#include "rahnuma-types.h"
#include "rahnuma-visit.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_KIOSK_CONTEXT (rahnuma_kiosk_context_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaKioskContext, rahnuma_kiosk_context, RAHNUMA, KIOSK_CONTEXT, GObject)

RahnumaKioskContext *rahnuma_kiosk_context_new          (const char          *media_dir,
                                                         RahnumaSound        *sound,
                                                         RahnumaSettings     *settings,
                                                         gboolean             preview);

/* Set by the application, which owns the services; each may change while
 * the kiosk runs (a new catalogue after an install, a fresh journal after
 * damage, the automatic sync once the journal is open). */
void                 rahnuma_kiosk_context_set_store    (RahnumaKioskContext *self,
                                                         RahnumaStore        *store);
void                 rahnuma_kiosk_context_set_catalog  (RahnumaKioskContext *self,
                                                         RahnumaCatalog      *catalog);
void                 rahnuma_kiosk_context_set_auto_sync (RahnumaKioskContext *self,
                                                         RahnumaAutoSync     *auto_sync);
void                 rahnuma_kiosk_context_set_set_aside_journal (RahnumaKioskContext *self,
                                                                  const char          *path);

RahnumaStore        *rahnuma_kiosk_context_get_store    (RahnumaKioskContext *self);
RahnumaCatalog      *rahnuma_kiosk_context_get_catalog  (RahnumaKioskContext *self);
void                 rahnuma_kiosk_context_refresh_catalog (RahnumaKioskContext *self);
RahnumaSound        *rahnuma_kiosk_context_get_sound    (RahnumaKioskContext *self);
RahnumaSettings     *rahnuma_kiosk_context_get_settings (RahnumaKioskContext *self);
RahnumaAutoSync     *rahnuma_kiosk_context_get_auto_sync (RahnumaKioskContext *self);
const char          *rahnuma_kiosk_context_get_set_aside_journal (RahnumaKioskContext *self);
const char          *rahnuma_kiosk_context_get_centre   (RahnumaKioskContext *self);
const char          *rahnuma_kiosk_context_get_kiosk_id (RahnumaKioskContext *self);
gboolean             rahnuma_kiosk_context_is_preview   (RahnumaKioskContext *self);
char                *rahnuma_kiosk_context_dup_prompt_path (RahnumaKioskContext *self,
                                                            const char          *prompt,
                                                            const char          *lang);
char                *rahnuma_kiosk_context_dup_prompt_text (RahnumaKioskContext *self,
                                                            const char          *prompt,
                                                            const char          *lang);

void                 rahnuma_kiosk_context_set_contacts_watch (RahnumaKioskContext  *self,
                                                               RahnumaContactsWatch *watch);
RahnumaContactsWatch *rahnuma_kiosk_context_get_contacts_watch (RahnumaKioskContext *self);
RahnumaContacts     *rahnuma_kiosk_context_get_contacts (RahnumaKioskContext *self);
void                 rahnuma_kiosk_context_set_keys     (RahnumaKioskContext *self,
                                                         RahnumaKeys         *keys);
gboolean             rahnuma_kiosk_context_has_keys     (RahnumaKioskContext *self);
char                *rahnuma_kiosk_context_dup_proof    (RahnumaKioskContext *self,
                                                         RahnumaVisit        *visit);
RahnumaCardPrinter  *rahnuma_kiosk_context_get_card_printer (RahnumaKioskContext *self);

G_END_DECLS
