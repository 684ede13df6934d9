/* rahnuma-store.h — the kiosk's anonymised SQLite journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAHNUMA_STORE_ERROR (rahnuma_store_error_quark ())

typedef enum
{
  RAHNUMA_STORE_ERROR_FAILED,
  RAHNUMA_STORE_ERROR_DAMAGED,        /* not SQLite, truncated, malformed */
  RAHNUMA_STORE_ERROR_FUTURE_VERSION, /* user_version newer than this build knows */
  RAHNUMA_STORE_ERROR_BUSY,           /* locked by another writer: try later */
  RAHNUMA_STORE_ERROR_FULL,           /* disk full */
  RAHNUMA_STORE_ERROR_READ_ONLY,
  RAHNUMA_STORE_ERROR_NOT_FOUND,
} RahnumaStoreError;

typedef enum
{
  RAHNUMA_SESSION_ACTIVE,
  RAHNUMA_SESSION_COMPLETED,
  RAHNUMA_SESSION_ABANDONED,
} RahnumaSessionState;

/* What the kiosk knows when a visit starts. Nothing here identifies a visitor. */
typedef struct
{
  const char *centre;          /* centre code from settings, e.g. "LHE-POE" */
  const char *kiosk;           /* kiosk id from settings */
  const char *language;        /* "ur", "ps", "pa_PK", "en" */
  const char *catalog_version; /* rahnuma_catalog_get_version() */
  gint64      started_at;      /* unix seconds; the store coarsens it */
  gboolean    demo;            /* synthetic data from `rahnuma-admin simulate` */
} RahnumaSessionStart;

#define RAHNUMA_TYPE_STORE (rahnuma_store_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaStore, rahnuma_store, RAHNUMA, STORE, GObject)

GQuark        rahnuma_store_error_quark     (void);

RahnumaStore *rahnuma_store_new             (const char                *path,
                                             GCancellable              *cancellable,
                                             GError                   **error);
const char   *rahnuma_store_get_path        (RahnumaStore              *self);

char         *rahnuma_store_begin_session   (RahnumaStore              *self,
                                             const RahnumaSessionStart *start,
                                             GError                   **error);
gboolean      rahnuma_store_record_module   (RahnumaStore              *self,
                                             const char                *session_id,
                                             const char                *module_id,
                                             guint                      module_version,
                                             double                     watched,
                                             guint                      n_correct,
                                             guint                      n_questions,
                                             gboolean                   passed,
                                             GError                   **error);
gboolean      rahnuma_store_record_answer   (RahnumaStore              *self,
                                             const char                *session_id,
                                             const char                *module_id,
                                             guint                      question,
                                             guint                      choice,
                                             gboolean                   correct,
                                             GError                   **error);
gboolean      rahnuma_store_finish_session  (RahnumaStore              *self,
                                             const char                *session_id,
                                             RahnumaSessionState        state,
                                             const char                *completion_code,
                                             gint64                     ended_at,
                                             GError                   **error);

G_END_DECLS
