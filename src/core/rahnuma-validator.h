/* rahnuma-validator.h — every problem a trainer should fix in a module package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-module.h"

G_BEGIN_DECLS

typedef enum
{
  RAHNUMA_SEVERITY_ERROR,   /* the kiosk must not offer the package */
  RAHNUMA_SEVERITY_WARNING, /* the package works, but a visitor gets less */
} RahnumaSeverity;

/* One code per kind of problem, so scripts and tests need not read messages. */
typedef enum
{
  RAHNUMA_PROBLEM_NO_MODULE_FILE,
  RAHNUMA_PROBLEM_PARSE,
  RAHNUMA_PROBLEM_MISSING_KEY,
  RAHNUMA_PROBLEM_BAD_VALUE,
  RAHNUMA_PROBLEM_MISSING_TRANSLATION,
  RAHNUMA_PROBLEM_PLACEHOLDER,
  RAHNUMA_PROBLEM_TEXT_TOO_LONG,
  RAHNUMA_PROBLEM_MISSING_NARRATION,
  RAHNUMA_PROBLEM_NARRATION_FALLBACK,
  RAHNUMA_PROBLEM_SCENE_MEDIA,
  RAHNUMA_PROBLEM_MEDIA_OUTSIDE,
  RAHNUMA_PROBLEM_MISSING_MEDIA,
  RAHNUMA_PROBLEM_UNPLAYABLE_MEDIA,
  RAHNUMA_PROBLEM_DUPLICATE_ID,
  RAHNUMA_PROBLEM_GROUP_GAP,
  RAHNUMA_PROBLEM_UNKNOWN_GROUP,
  RAHNUMA_PROBLEM_BAD_CORRECT,
  RAHNUMA_PROBLEM_CHOICE_COUNT,
  RAHNUMA_PROBLEM_NO_SOURCES,
  RAHNUMA_PROBLEM_SCENE_COUNT,
  RAHNUMA_PROBLEM_QUESTION_COUNT,
  RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE,
  RAHNUMA_PROBLEM_SPECIAL_FILE, /* a link, device, fifo or socket: a package holds none */
  RAHNUMA_PROBLEM_NOT_UTF8,     /* module.ini is not UTF-8 text */
  RAHNUMA_PROBLEM_MEDIA_TOO_LARGE, /* beyond rahnuma-picture-header.h's limits */
  RAHNUMA_PROBLEM_STALE_MEDIA,     /* made from a text that changed since (media.sums) */
} RahnumaProblemCode;

typedef enum
{
  RAHNUMA_MEDIA_PICTURE,
  RAHNUMA_MEDIA_VIDEO,
  RAHNUMA_MEDIA_AUDIO,
} RahnumaMediaKind;

/* Screen limits, in characters (not bytes: Urdu letters take two bytes). */
#define RAHNUMA_LIMIT_TITLE       60
#define RAHNUMA_LIMIT_SUMMARY     200
#define RAHNUMA_LIMIT_CAPTION     240
#define RAHNUMA_LIMIT_QUESTION    160
#define RAHNUMA_LIMIT_CHOICE      80
#define RAHNUMA_LIMIT_EXPLANATION 300

#define RAHNUMA_MODULE_MIN_SCENES    3
#define RAHNUMA_MODULE_MAX_SCENES    6
#define RAHNUMA_MODULE_MIN_QUESTIONS 5

/* The text a skeleton package carries until a trainer writes the real one. */
#define RAHNUMA_PLACEHOLDER_MARK "TODO"

/**
 * RahnumaMediaProbeFunc:
 * @path: an existing media file
 * @kind: what the package uses it as
 * @user_data: the prober's data
 * @error: set to a short reason when the file cannot be played;
 *   %RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE (rahnuma-picture-header.h) when
 *   it is larger than a kiosk may decode
 *
 * Decides whether the kiosk could play @path. Core has no GStreamer, so the
 * caller passes one (rahnuma_media_probe_check() in the player library).
 *
 * Returns: %TRUE if @path decodes as @kind
 */
typedef gboolean (*RahnumaMediaProbeFunc) (const char        *path,
                                           RahnumaMediaKind   kind,
                                           gpointer           user_data,
                                           GError           **error);

typedef struct
{
  RahnumaSeverity    severity;
  RahnumaProblemCode code;
  char              *file;    /* the file to edit, usually module.ini */
  guint              line;    /* 1-based; 0 when no line applies */
  char              *group;   /* nullable */
  char              *key;     /* nullable */
  char              *message;
  char              *hint;    /* nullable: how to fix it */
} RahnumaProblem;

typedef struct _RahnumaValidation RahnumaValidation;

RahnumaValidation    *rahnuma_validation_new              (RahnumaMediaProbeFunc  probe_func,
                                                           gpointer               probe_data);
void                  rahnuma_validation_free             (RahnumaValidation     *validation);
void                  rahnuma_validation_add_package      (RahnumaValidation     *validation,
                                                           const char            *dir);
guint                 rahnuma_validation_get_n_problems   (RahnumaValidation     *validation);
const RahnumaProblem *rahnuma_validation_get_problem      (RahnumaValidation     *validation,
                                                           guint                  index);
guint                 rahnuma_validation_count            (RahnumaValidation     *validation,
                                                           RahnumaSeverity        severity);
guint                 rahnuma_validation_count_code       (RahnumaValidation     *validation,
                                                           RahnumaProblemCode     code);

RahnumaValidation    *rahnuma_validate_module             (const char            *dir,
                                                           RahnumaMediaProbeFunc  probe_func,
                                                           gpointer               probe_data);

gboolean              rahnuma_validator_is_valid_id       (const char            *id);

const char           *rahnuma_problem_code_to_string      (RahnumaProblemCode     code);
const char           *rahnuma_severity_to_string          (RahnumaSeverity        severity);

gboolean              rahnuma_module_has_all_texts        (RahnumaModule         *module,
                                                           const char            *lang);
void                  rahnuma_module_count_narration      (RahnumaModule         *module,
                                                           const char            *lang,
                                                           guint                 *n_recorded,
                                                           guint                 *n_needed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaValidation, rahnuma_validation_free)

G_END_DECLS
