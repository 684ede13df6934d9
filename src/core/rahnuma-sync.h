/* rahnuma-sync.h — copy new records from a kiosk journal into the officers' file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one sync did. Counts are rows written (new or updated) in the target. */
typedef struct
{
  guint64 n_sessions;
  guint64 n_modules;
  guint64 n_answers;
  guint   n_busy;    /* times the target was busy and the sync waited and retried */
} RahnumaSyncStats;

typedef enum
{
  RAHNUMA_SYNC_FLAGS_NONE       = 0,
  RAHNUMA_SYNC_SOURCE_READ_ONLY = 1 << 0, /* open the journal read-only; note nothing in it */
} RahnumaSyncFlags;

gboolean rahnuma_sync_run_full   (const char           *from_path,
                                  const char           *to_path,
                                  RahnumaSyncFlags      flags,
                                  RahnumaSyncStats     *stats,
                                  GCancellable         *cancellable,
                                  GError              **error);
gboolean rahnuma_sync_run        (const char           *from_path,
                                  const char           *to_path,
                                  RahnumaSyncStats     *stats,
                                  GCancellable         *cancellable,
                                  GError              **error);
void     rahnuma_sync_run_async  (const char           *from_path,
                                  const char           *to_path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean rahnuma_sync_run_finish (GAsyncResult         *result,
                                  RahnumaSyncStats     *stats,
                                  GError              **error);

G_END_DECLS
