/* rahnuma-store.h — the kiosk's anonymised SQLite journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-store-schema.h"
#include "rahnuma-store-sql.h"
#include "rahnuma-survey-answers.h"

G_BEGIN_DECLS

typedef enum
{
  RAHNUMA_SESSION_ACTIVE,
  RAHNUMA_SESSION_COMPLETED,
  RAHNUMA_SESSION_ABANDONED,
} RahnumaSessionState;

/**
 * RahnumaVisitPath:
 * @RAHNUMA_PATH_FULL: every lesson's scenes, then its questions (the
 *   default, and what every visit before schema version 6 took)
 * @RAHNUMA_PATH_SHORT: the visitor was in the hall briefing today: each
 *   lesson's questions directly, its scenes again only when a lesson is
 *   answered wrongly (issue 20)
 *
 * Which path a visit took (`session.path`).
 */
typedef enum
{
  RAHNUMA_PATH_FULL,
  RAHNUMA_PATH_SHORT,
} RahnumaVisitPath;

#define RAHNUMA_N_PATHS 2

/* What the kiosk knows when a visit starts. Nothing here identifies a visitor. */
typedef struct
{
  const char *centre;          /* centre code from settings, e.g. "LHE-POE" */
  const char *kiosk;           /* kiosk id from settings */
  const char *language;        /* "ur", "ps", "pa_PK", "en" */
  const char *catalog_version; /* rahnuma_catalog_get_version() */
  gint64      started_at;      /* unix seconds; the store coarsens it */
  gboolean    demo;            /* synthetic data from `rahnuma-admin simulate` */
  RahnumaVisitPath path;       /* full unless known at the start (simulate) */
} RahnumaSessionStart;

/* Self-reported categories: always optional, "unsaid" when not given. */
#define RAHNUMA_CATEGORY_UNSAID "unsaid"

typedef struct
{
  char    *module_id;
  guint    module_version;
  double   watched;
  guint    n_correct;
  guint    n_questions;
  gboolean passed;
} RahnumaModuleResult;

/* What a record says about one visit; never who the visitor was. */
typedef struct
{
  char               *centre;
  char               *kiosk;
  char               *language;
  char               *catalog_version;
  char               *code;          /* nullable */
  gint64              started_at;    /* coarsened to 15 minutes */
  gint64              ended_at;      /* 0 while active */
  RahnumaSessionState state;
  gboolean            demo;
  gboolean            clock_suspect; /* recorded while the kiosk's clock was wrong: times untrue */
  RahnumaVisitPath    path;          /* session.path: full, or after the hall briefing */
  GPtrArray          *modules;       /* of RahnumaModuleResult, by module id */
} RahnumaSessionInfo;

#define RAHNUMA_TYPE_STORE (rahnuma_store_get_type ())
G_DECLARE_FINAL_TYPE (RahnumaStore, rahnuma_store, RAHNUMA, STORE, GObject)

gboolean      rahnuma_store_is_valid_site_id (const char               *id);
RahnumaStore *rahnuma_store_new             (const char                *path,
                                             GCancellable              *cancellable,
                                             GError                   **error);
const char   *rahnuma_store_get_path        (RahnumaStore              *self);
const char   *rahnuma_store_get_read_path   (RahnumaStore              *self);

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

RahnumaStore *rahnuma_store_new_full        (const char                *path,
                                             RahnumaStoreFlags          flags,
                                             GCancellable              *cancellable,
                                             GError                   **error);
RahnumaStore *rahnuma_store_open_or_recover (const char                *path,
                                             char                     **set_aside_path,
                                             GCancellable              *cancellable,
                                             GError                   **error);
RahnumaStore *rahnuma_store_recover         (const char                *path,
                                             char                     **set_aside_path,
                                             GCancellable              *cancellable,
                                             GError                   **error);
gboolean      rahnuma_store_needs_check     (RahnumaStore              *self);
void          rahnuma_store_check_async     (RahnumaStore              *self,
                                             GCancellable              *cancellable,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data);
gboolean      rahnuma_store_check_finish    (RahnumaStore              *self,
                                             GAsyncResult              *result,
                                             GError                   **error);
gboolean      rahnuma_store_mark_clean_stop (RahnumaStore              *self,
                                             GError                   **error);
const char   *rahnuma_store_get_journal_id  (RahnumaStore              *self);
gboolean      rahnuma_store_set_gender      (RahnumaStore              *self,
                                             const char                *session_id,
                                             const char                *gender,
                                             GError                   **error);
gboolean      rahnuma_store_set_path        (RahnumaStore              *self,
                                             const char                *session_id,
                                             RahnumaVisitPath           path,
                                             GError                   **error);
const char   *rahnuma_visit_path_to_string  (RahnumaVisitPath           path);
gboolean      rahnuma_visit_path_from_string (const char               *text,
                                              RahnumaVisitPath         *path);
gboolean      rahnuma_store_abandon_active  (RahnumaStore              *self,
                                             gint64                     ended_at,
                                             GError                   **error);
gint64        rahnuma_store_count_sessions  (RahnumaStore              *self,
                                             RahnumaSessionState        state,
                                             GError                   **error);
gint64        rahnuma_store_count_backlog   (RahnumaStore              *self,
                                             const char                *target_path,
                                             GError                   **error);
RahnumaSessionInfo *
              rahnuma_store_lookup_code     (RahnumaStore              *self,
                                             const char                *code,
                                             GError                   **error);

const char   *rahnuma_session_state_to_string (RahnumaSessionState      state);
gboolean      rahnuma_session_state_from_string (const char            *text,
                                                 RahnumaSessionState   *state);
const char * const *
              rahnuma_store_get_categories  (const char                *column);
gboolean      rahnuma_store_is_valid_centre (const char                *centre);
gboolean      rahnuma_store_is_valid_kiosk  (const char                *kiosk);
gboolean      rahnuma_store_is_valid_language (const char              *code);
void          rahnuma_session_info_free     (RahnumaSessionInfo        *info);

/**
 * RahnumaCodeStanding:
 * @RAHNUMA_CODE_PROVES_VISIT: a real visit's code, with its lessons
 * @RAHNUMA_CODE_DEMO: synthetic data from `rahnuma-admin simulate`: no visit
 *   took place
 * @RAHNUMA_CODE_NO_LESSONS: given for a visit with no lesson on offer (older
 *   kiosks did, with an empty modules folder): a briefing of no lessons is none
 *
 * What a looked-up code proves (rahnuma_session_info_get_standing()).
 */
typedef enum
{
  RAHNUMA_CODE_PROVES_VISIT,
  RAHNUMA_CODE_DEMO,
  RAHNUMA_CODE_NO_LESSONS,
} RahnumaCodeStanding;

RahnumaCodeStanding
              rahnuma_session_info_get_standing (const RahnumaSessionInfo *info);

/* Returns (transfer full, nullable) a module's title for a reader. */
typedef char *(*RahnumaModuleTitleFunc) (const char *module_id,
                                         gpointer    user_data);

char         *rahnuma_session_info_describe_outcome (const RahnumaSessionInfo *info,
                                                     RahnumaModuleTitleFunc    title_func,
                                                     gpointer                  user_data);

/* How far past the build date and the newest record a clock may be: three years. */
#define RAHNUMA_STORE_CLOCK_AHEAD (G_GINT64_CONSTANT (3) * 366 * 24 * 3600)

gboolean      rahnuma_store_clock_is_wrong  (gint64                     now,
                                             gint64                     newest_record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaSessionInfo, rahnuma_session_info_free)

gboolean      rahnuma_store_add_survey (RahnumaStore               *store,
                                        const RahnumaSurveyAnswers *answers,
                                        gint64                      answered_at,
                                        GError                    **error);

G_END_DECLS
