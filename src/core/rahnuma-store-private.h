/* rahnuma-store-private.h — what sync, export, report and simulate share with the store
 *
 * It brings the SQL helpers (rahnuma-store-sql-private.h) and the schema's
 * version (rahnuma-store-schema-private.h) along, so those files include
 * this one header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rahnuma-store-schema-private.h"
#include "rahnuma-store-sql-private.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

sqlite3  *rahnuma_store_get_db           (RahnumaStore  *self);
void      rahnuma_store_lock             (RahnumaStore  *self);
void      rahnuma_store_unlock           (RahnumaStore  *self);

/* Many writes in one transaction, for simulate: each call's own commit
 * (and fsync) would make a million synthetic visits take hours. */
gboolean  rahnuma_store_begin_batch      (RahnumaStore  *self,
                                          GError       **error);
gboolean  rahnuma_store_end_batch        (RahnumaStore  *self,
                                          gboolean       commit,
                                          GError       **error);

/* For rahnuma-store-health.c, which opens with recovery on top of the store
 * (rahnuma_store_failure_is_damage() is in rahnuma-store-sql-private.h). */
void      rahnuma_store_set_unchecked    (RahnumaStore  *self);

gint64    rahnuma_store_coarsen_time     (gint64         unix_seconds);

G_END_DECLS
