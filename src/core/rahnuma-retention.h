/* rahnuma-retention.h — old records that the officers' file already holds leave the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-store.h"

G_BEGIN_DECLS

/* Sessions deleted per transaction. A visit's next write may wait for one
 * batch (on its worker thread, never the main loop): about 0.1–0.2 s on a
 * year-old journal (tests/bench/bench-prune.c). Smaller batches rewrite
 * the same session and index pages more often: 200 made the prune 6× a
 * raw DELETE on that journal. */
#define RAHNUMA_PRUNE_BATCH 1000

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
