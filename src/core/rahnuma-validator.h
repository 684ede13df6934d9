/* rahnuma-validator.h — every problem a trainer should fix in a module package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rahnuma-module.h"
#include "rahnuma-picture-header.h"

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
  /* Content rules (issue 14): warnings about how well a lesson teaches. */
  RAHNUMA_PROBLEM_CAPTION_WORDS,   /* a caption over RAHNUMA_LIMIT_CAPTION_WORDS words */
  RAHNUMA_PROBLEM_SENTENCE_WORDS,  /* a sentence over RAHNUMA_LIMIT_SENTENCE_WORDS words */
  RAHNUMA_PROBLEM_FEW_CHOICES,     /* a question with only two choices */
  RAHNUMA_PROBLEM_LONGEST_ANSWER,  /* the right answer is too often the longest choice */
  RAHNUMA_PROBLEM_ANSWER_POSITION, /* one position holds the right answer too often */
  RAHNUMA_PROBLEM_SHORTEST_ANSWER, /* the right answer is too often the shortest choice */
  RAHNUMA_PROBLEM_STALE_MEDIA,     /* made from a text that changed since (media.sums) */
  RAHNUMA_PROBLEM_AUDIO_LEVEL,     /* a narration silent, clipped, too quiet or too long */
} RahnumaProblemCode;

/* Screen limits, in characters (not bytes: Urdu letters take two bytes). */
#define RAHNUMA_LIMIT_TITLE       60
#define RAHNUMA_LIMIT_SUMMARY     200
#define RAHNUMA_LIMIT_CAPTION     240
#define RAHNUMA_LIMIT_QUESTION    160
#define RAHNUMA_LIMIT_CHOICE      80
#define RAHNUMA_LIMIT_EXPLANATION 300

/* Plain words for listeners who read little (issue 14): words are counted
 * by whitespace, the same way in every language. */
#define RAHNUMA_LIMIT_CAPTION_WORDS  20
#define RAHNUMA_LIMIT_SENTENCE_WORDS 12

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

/**
 * RahnumaAudioLevels:
 * @seconds: how long the clip plays
 * @peak_db: its loudest sample, in dB below full scale (0 dBFS; -inf for digital silence)
 * @loudness_db: the RMS level of its voiced part (10 ms blocks above -50 dBFS), in dBFS;
 *   -inf when no block is voiced
 * @clipped_seconds: time in 10 ms blocks whose peak reached full scale
 *
 * What GStreamer's `level` element measured in a narration clip.
 */
typedef struct
{
  double seconds;
  double peak_db;
  double loudness_db;
  double clipped_seconds;
} RahnumaAudioLevels;

/* Limits for narration, in dBFS and seconds (docs/module-format.md,
 * "Audio checks"): below the first a clip is silence (a microphone not
 * connected); speech whose RMS is below the second is hard to hear in a busy
 * hall (speech is usually recorded around -20 dBFS); clipping for longer than
 * the third is heard as distortion. A clip may last 5 s plus a quarter of a
 * second per character of its text (4 characters a second is slow speech)
 * before it counts as much longer than its text. */
#define RAHNUMA_AUDIO_SILENT_PEAK_DB    (-45.0)
#define RAHNUMA_AUDIO_QUIET_LOUDNESS_DB (-35.0)
#define RAHNUMA_AUDIO_MAX_CLIPPED_S     0.1
#define RAHNUMA_AUDIO_SLACK_S           5.0
#define RAHNUMA_AUDIO_S_PER_CHARACTER   0.25

/**
 * RahnumaAudioMeterFunc:
 * @path: a narration clip that plays
 * @levels: (out caller-allocates): what was measured
 * @user_data: the meter's data
 * @error: set when the clip could not be measured
 *
 * Measures a clip (rahnuma_media_measure_audio() in the player library).
 *
 * Returns: %TRUE if @levels was filled
 */
typedef gboolean (*RahnumaAudioMeterFunc) (const char          *path,
                                           RahnumaAudioLevels  *levels,
                                           gpointer             user_data,
                                           GError             **error);

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
void                  rahnuma_validation_set_audio_meter  (RahnumaValidation     *validation,
                                                           RahnumaAudioMeterFunc  meter_func,
                                                           gpointer               meter_data);
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

guint                 rahnuma_text_count_words            (const char            *text);
guint                 rahnuma_text_longest_sentence       (const char            *text,
                                                           guint                 *index);
gboolean              rahnuma_question_is_longest_right   (RahnumaQuestion       *question,
                                                           const char            *lang);
gboolean              rahnuma_question_is_shortest_right  (RahnumaQuestion       *question,
                                                           const char            *lang);

const char           *rahnuma_problem_code_to_string      (RahnumaProblemCode     code);
const char           *rahnuma_severity_to_string          (RahnumaSeverity        severity);

GPtrArray            *rahnuma_module_dup_text_keys        (GKeyFile              *key_file);
gboolean              rahnuma_key_file_is_machine_translated (GKeyFile           *key_file,
                                                             const char          *lang);
void                  rahnuma_module_count_texts          (GKeyFile              *key_file,
                                                           const char            *lang,
                                                           guint                 *n_reviewed,
                                                           guint                 *n_machine,
                                                           guint                 *n_missing);
gboolean              rahnuma_module_has_all_texts        (RahnumaModule         *module,
                                                           const char            *lang);
gboolean              rahnuma_module_has_narration        (RahnumaModule         *module,
                                                           const char            *group,
                                                           const char            *key,
                                                           const char            *lang);
void                  rahnuma_module_count_narration      (RahnumaModule         *module,
                                                           const char            *lang,
                                                           guint                 *n_recorded,
                                                           guint                 *n_needed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaValidation, rahnuma_validation_free)

G_END_DECLS
