/* rahnuma-contact-row.h — one place to get help, on the result page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rahnuma-contacts.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_CONTACT_ROW (rahnuma_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaContactRow, rahnuma_contact_row, RAHNUMA, CONTACT_ROW, GtkWidget)

RahnumaContactRow *rahnuma_contact_row_new (const RahnumaContact *contact);

G_END_DECLS
