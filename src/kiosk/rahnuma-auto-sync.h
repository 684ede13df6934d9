/* rahnuma-auto-sync.h — the kiosk syncs its journal to the officers' file by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

#define RAHNUMA_TYPE_AUTO_SYNC (rahnuma_auto_sync_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaAutoSync, rahnuma_auto_sync, RAHNUMA, AUTO_SYNC, GObject)

RahnumaAutoSync *rahnuma_auto_sync_new            (RahnumaStore    *store,
                                                   guint            interval_seconds);
void             rahnuma_auto_sync_set_target     (RahnumaAutoSync *self,
                                                   const char      *officer_file);
const char      *rahnuma_auto_sync_get_target     (RahnumaAutoSync *self);
void             rahnuma_auto_sync_request        (RahnumaAutoSync *self);
gint64           rahnuma_auto_sync_get_backlog    (RahnumaAutoSync *self);
gint64           rahnuma_auto_sync_get_last_sync  (RahnumaAutoSync *self);
char            *rahnuma_auto_sync_dup_last_error (RahnumaAutoSync *self);
gboolean         rahnuma_auto_sync_is_running     (RahnumaAutoSync *self);

G_END_DECLS
