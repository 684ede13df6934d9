/* rahnuma-sync.h — copy new records from a kiosk journal into the officers' file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store.h"

G_BEGIN_DECLS

/* What one sync did. Counts are rows written (new or updated) in the target. */
typedef struct
{
  guint64 n_sessions;
  guint64 n_modules;
  guint64 n_answers;
  guint64 n_survey;  /* survey answers the target did not have */
  guint64 n_hall;    /* hall sessions the target did not have */
  guint   n_busy;    /* times the target was busy and the sync waited and retried */
  /* Rows this sync left out because they break the target's rules (left in
   * the journal, counted in the target's sync_rejected). A session left out
   * takes its module and answer rows with it, and they are counted too. */
  guint64 n_rejected_sessions;
  guint64 n_rejected_modules;
  guint64 n_rejected_answers;
  guint64 n_rejected_survey; /* survey answers left out (counted again by each sync that meets them) */
  guint64 n_rejected_hall;   /* hall sessions left out (likewise) */
  guint64 n_rejected_total; /* left out of the target from this journal, by every sync so far */
  char    journal_id[33];   /* the journal's id, for rahnuma_sync_list_rejected() */
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

/* One group of rows sync left out: same kind, same broken rule. */
typedef struct
{
  char   *kind;      /* "session", "module", "answer", "survey" or "hall" */
  char   *reason;    /* SQLite's message: the rule, never a row's values */
  gint64  n_rows;
  gint64  synced_at; /* unix seconds of the last sync that left one out */
} RahnumaSyncRejection;

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


GPtrArray *rahnuma_sync_list_rejected (RahnumaStore       *officers,
                                       const char         *journal_id,
                                       GError            **error);
char      *rahnuma_sync_describe_error (const GError *error);
void       rahnuma_sync_rejection_free (RahnumaSyncRejection *rejection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaSyncRejection, rahnuma_sync_rejection_free)

G_END_DECLS
