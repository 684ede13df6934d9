/* rahnuma-contacts-watch.h — the contacts in force, kept while the file changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-contacts.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_CONTACTS_WATCH (rahnuma_contacts_watch_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaContactsWatch, rahnuma_contacts_watch, RAHNUMA, CONTACTS_WATCH, GObject)

RahnumaContactsWatch *rahnuma_contacts_watch_new          (const char           *path,
                                                           const char           *fallback);
const char           *rahnuma_contacts_watch_get_path     (RahnumaContactsWatch *self);
RahnumaContacts      *rahnuma_contacts_watch_get_contacts (RahnumaContactsWatch *self);
const char           *rahnuma_contacts_watch_get_problem  (RahnumaContactsWatch *self);
gboolean              rahnuma_contacts_watch_reload       (RahnumaContactsWatch *self);

G_END_DECLS
