/* rahnuma-hall-session.h — the record of one briefing in a hall, anonymous by design
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-export.h"
#include "rahnuma-store.h"

G_BEGIN_DECLS

/* hall_session.head_count's CHECK: at least one person, at most a room of
 * 1,000 (a centre briefs 2,000–2,500 a day in several sessions; more in
 * one room is a slip on the pad). */
#define RAHNUMA_HALL_MIN_HEAD_COUNT 1
#define RAHNUMA_HALL_MAX_HEAD_COUNT 1000

/* What one hall session records: nothing more (docs/ARCHITECTURE.md,
 * "Hall mode"). Strings are borrowed by the functions below. */
typedef struct
{
  const char         *centre;     /* as the kiosk's sessions: [A-Za-z0-9_-]{1,32} */
  const char         *kiosk;      /* this PC's id, likewise */
  const char * const *modules;    /* module ids shown, in order; at least one */
  const char         *narration;  /* "ur", "ps", "pa_PK" or "en" */
  const char         *subtitles;  /* likewise */
  guint               head_count; /* people in the hall, RAHNUMA_HALL_MIN_HEAD_COUNT..MAX */
} RahnumaHallSession;

/* Hall sessions and people briefed in them, over a range of days. */
typedef struct
{
  gint64 sessions;
  gint64 people;
} RahnumaHallTotals;

char     *rahnuma_hall_session_day       (gint64                     unix_seconds);
gboolean  rahnuma_hall_session_record    (RahnumaStore              *store,
                                          const RahnumaHallSession  *session,
                                          gint64                     held_at,
                                          GError                   **error);
void      rahnuma_hall_session_record_async  (RahnumaStore              *store,
                                              const RahnumaHallSession  *session,
                                              gint64                     held_at,
                                              GCancellable              *cancellable,
                                              GAsyncReadyCallback        callback,
                                              gpointer                   user_data);
gboolean  rahnuma_hall_session_record_finish (RahnumaStore              *store,
                                              GAsyncResult              *result,
                                              GError                   **error);
gboolean  rahnuma_hall_session_check     (RahnumaStore              *store,
                                          gint64                    *newest_good,
                                          GError                   **error);
gboolean  rahnuma_hall_session_totals    (RahnumaStore              *store,
                                          gint64                     from,
                                          gint64                     to,
                                          int                        utc_offset,
                                          RahnumaHallTotals         *totals,
                                          GError                   **error);

gint64    rahnuma_hall_session_export_write (RahnumaStore              *store,
                                             RahnumaExportFormat        format,
                                             gint64                     from,
                                             gint64                     to,
                                             GOutputStream             *stream,
                                             GCancellable              *cancellable,
                                             GError                   **error);

G_END_DECLS
