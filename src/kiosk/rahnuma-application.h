/* rahnuma-application.h — the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rahnuma-catalog.h"
#include "rahnuma-types.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_APPLICATION (rahnuma_application_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaApplication, rahnuma_application, RAHNUMA, APPLICATION, AdwApplication)

RahnumaApplication  *rahnuma_application_new             (void);
RahnumaKioskContext *rahnuma_application_get_context     (RahnumaApplication *self);
RahnumaCatalog      *rahnuma_application_get_catalog     (RahnumaApplication *self);
void                 rahnuma_application_refresh_catalog (RahnumaApplication *self);
void                 rahnuma_application_leave_kiosk     (RahnumaApplication *self);
int                  rahnuma_application_get_exit_status (RahnumaApplication *self);

G_END_DECLS
