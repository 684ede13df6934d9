/* rahnuma-office-data.h — an officers' file by centre, by kiosk and by sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rahnuma-store.h"

G_BEGIN_DECLS

/* One kiosk's visits in an officers' file (or one centre's: kiosk NULL). */
typedef struct
{
  char   *centre;
  char   *kiosk;      /* NULL for a centre's row */
  gint64  sessions;
  gint64  completed;
  gint64  abandoned;
  gint64  newest;     /* unix seconds of the newest visit's start; 0 if none */
} RahnumaKioskTotals;

/* One kiosk journal copied into an officers' file (its sync_source row). */
typedef struct
{
  char   *journal_id; /* 32 hex digits, the journal's random id */
  gint64  synced_at;  /* unix seconds of its last sync */
  gint64  n_rejected; /* records it sent that broke the rules (sync_rejected) */
} RahnumaSyncSource;

void       rahnuma_kiosk_totals_free      (RahnumaKioskTotals *totals);
void       rahnuma_sync_source_free       (RahnumaSyncSource  *source);
GPtrArray *rahnuma_office_data_by_kiosk   (RahnumaStore       *store,
                                           gboolean            by_centre,
                                           GError            **error);
GPtrArray *rahnuma_office_data_sources    (RahnumaStore       *store,
                                           GError            **error);

G_END_DECLS
