/* rahnuma-office-kiosks.h — the office PC's Kiosks tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_OFFICE_KIOSKS (rahnuma_office_kiosks_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaOfficeKiosks, rahnuma_office_kiosks, RAHNUMA, OFFICE_KIOSKS, GtkWidget)

RahnumaOfficeKiosks *rahnuma_office_kiosks_new  (const char          *path);
void                 rahnuma_office_kiosks_load (RahnumaOfficeKiosks *self,
                                                 RahnumaStore        *store);

G_END_DECLS
