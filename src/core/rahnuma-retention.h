/* rahnuma-retention.h — old records that the officers' file already holds leave the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-store.h"

G_BEGIN_DECLS

/* Sessions deleted per transaction: each batch holds the store's lock for
 * a few milliseconds, so a visit's next write never waits long. */
#define RAHNUMA_PRUNE_BATCH 200

gint64   rahnuma_store_prune        (RahnumaStore        *self,
                                     const char          *target,
                                     guint                keep_days,
                                     gint64               now,
                                     GCancellable        *cancellable,
                                     GError             **error);
void     rahnuma_store_prune_async  (RahnumaStore        *self,
                                     const char          *target,
                                     guint                keep_days,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gint64   rahnuma_store_prune_finish (RahnumaStore        *self,
                                     GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
