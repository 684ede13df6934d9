/* rahnuma-catalog.h — the modules a kiosk offers, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-module.h"

G_BEGIN_DECLS

typedef enum
{
  RAHNUMA_CATALOG_NONE = 0,
  RAHNUMA_CATALOG_VALIDATE = 1 << 0, /* leave out packages the validator finds errors in */
} RahnumaCatalogFlags;

#define RAHNUMA_TYPE_CATALOG (rahnuma_catalog_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaCatalog, rahnuma_catalog, RAHNUMA, CATALOG, GObject)

RahnumaCatalog *rahnuma_catalog_new          (const char      *dir,
                                              GError         **error);
RahnumaCatalog *rahnuma_catalog_new_full     (const char          *dir,
                                              RahnumaCatalogFlags  flags,
                                              GError             **error);
void            rahnuma_catalog_new_async    (const char          *dir,
                                              RahnumaCatalogFlags  flags,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
RahnumaCatalog *rahnuma_catalog_new_finish   (GAsyncResult        *result,
                                              GError             **error);
RahnumaCatalog *rahnuma_catalog_new_for_module (RahnumaModule *module);
const char     *rahnuma_catalog_get_dir      (RahnumaCatalog  *self);
const char     *rahnuma_catalog_get_version  (RahnumaCatalog  *self);
RahnumaModule  *rahnuma_catalog_lookup       (RahnumaCatalog  *self,
                                              const char      *module_id);
GPtrArray      *rahnuma_catalog_get_problems (RahnumaCatalog  *self);
gboolean        rahnuma_catalog_is_outdated  (RahnumaCatalog  *self);

G_END_DECLS
