/* rahnuma-validator.c — every problem a trainer should fix in a module package
 *
 * The loader (rahnuma-module.c) stops at the first thing that would break the
 * kiosk; the validator goes on and reports everything, each problem with the
 * line of module.ini to edit and a hint. GKeyFile keeps no line numbers, so
 * they come from scanning module.ini's text the way GKeyFile reads it.
 *
 * Media are checked for presence here, and pictures for a size within the
 * kiosk's limits, read from their headers; whether they play is asked of a
 * RahnumaMediaProbeFunc, because core has no GStreamer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rahnuma-language.h"
#include "rahnuma-media-sums.h"
#include "rahnuma-picture-header.h"
#include "rahnuma-validator.h"
#include "rahnuma-validator-private.h"

struct _RahnumaValidation
{
  RahnumaMediaProbeFunc probe_func;
  gpointer probe_data;
  GPtrArray *problems; /* of RahnumaProblem */
  GHashTable *ids;     /* module id → module.ini path of its first package */
  GHashTable *probed;  /* media path → NULL when playable, else the GError saying why not */
  RahnumaAudioMeterFunc meter_func;
  gpointer meter_data;
  GHashTable *measured; /* narration path → RahnumaAudioLevels, or NULL when it could not be measured */
};

/* One package being checked. */
typedef struct
{
  RahnumaValidation *validation;
  const char *dir;
  char *ini_path;
  GKeyFile *key_file;
  GHashTable *lines;   /* "group\nkey" and "group\n" → line number */
  GPtrArray *problems; /* this package's, sorted by line before they are kept */
  GPtrArray *fallbacks; /* of Fallback: narrations a fallback voice stands in for */
  GHashTable *voiced;   /* language code → narrations recorded in it, as a count */
  RahnumaMediaSums *sums; /* which text each picture and clip was made from */
} Package;

typedef struct
{
  const RahnumaLanguage *language;
  char *group;
  char *key;
} Fallback;

#define MODULE_GROUP "Module"

static void
fallback_free (Fallback *fallback)
{
  g_free (fallback->group);
  g_free (fallback->key);
  g_free (fallback);
}

static void
problem_free (RahnumaProblem *problem)
{
  g_free (problem->file);
  g_free (problem->group);
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem->hint);
  g_free (problem);
}

/* Lines: mirror GKeyFile's reading. Blank lines and '#' comments are skipped;
 * "[group]" opens a group; anything else must be key=value inside a group. */
static char *
line_key (const char *group, const char *key)
{
  return g_strconcat (group, "\n", key != NULL ? key : "", NULL);
}

static gboolean
scan_line (GHashTable *lines, char **group, const char *text, guint number)
{
  g_autofree char *line = g_strstrip (g_strdup (text));
  const char *equals;

  if (*line == '\0' || *line == '#')
    return TRUE;
  if (*line == '[')
    {
      char *end = strchr (line, ']');
      char *header;

      if (end == NULL || end[1] != '\0' || end == line + 1)
        return FALSE;
      g_free (*group);
      *group = g_strndup (line + 1, end - line - 1);
      header = line_key (*group, NULL);
      /* A group written twice is merged by GKeyFile; point at its first header. */
      if (g_hash_table_contains (lines, header))
        g_free (header);
      else
        g_hash_table_insert (lines, header, GUINT_TO_POINTER (number));
      return TRUE;
    }
  equals = strchr (line, '=');
  if (*group == NULL || equals == NULL || equals == line)
    return FALSE;
  {
    g_autofree char *key = g_strstrip (g_strndup (line, equals - line));

    /* GKeyFile keeps the last of two equal keys; so does the index. */
    g_hash_table_insert (lines, line_key (*group, key), GUINT_TO_POINTER (number));
  }
  return TRUE;
}

/* Returns the first line GKeyFile cannot read, or 0. */
static guint
index_lines (GHashTable *lines, const char *contents)
{
  g_auto(GStrv) text_lines = g_strsplit (contents, "\n", -1);
  g_autofree char *group = NULL;
  guint bad_line = 0;

  for (guint i = 0; text_lines[i] != NULL; i++)
    if (!scan_line (lines, &group, text_lines[i], i + 1) && bad_line == 0)
      bad_line = i + 1;
  return bad_line;
}

static guint
find_line (Package *pkg, const char *group, const char *key)
{
  gpointer value;

  if (group == NULL)
    return 0;
  if (key != NULL)
    {
      g_autofree char *with_key = line_key (group, key);

      if (g_hash_table_lookup_extended (pkg->lines, with_key, NULL, &value))
        return GPOINTER_TO_UINT (value);
    }
  {
    g_autofree char *header = line_key (group, NULL);

    if (g_hash_table_lookup_extended (pkg->lines, header, NULL, &value))
      return GPOINTER_TO_UINT (value);
  }
  return 0;
}

static RahnumaProblem * G_GNUC_PRINTF (7, 8)
report (Package            *pkg,
        RahnumaSeverity     severity,
        RahnumaProblemCode  code,
        const char         *group,
        const char         *key,
        const char         *hint,
        const char         *format,
        ...)
{
  RahnumaProblem *problem = g_new0 (RahnumaProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  problem->severity = severity;
  problem->code = code;
  problem->file = g_strdup (pkg->ini_path);
  problem->line = find_line (pkg, group, key);
  problem->group = g_strdup (group);
  problem->key = g_strdup (key);
  problem->hint = g_strdup (hint);
  g_ptr_array_add (pkg->problems, problem);
  return problem;
}

char *
rahnuma_validator_localized_key (const char *key, const char *lang)
{
  return g_strdup_printf ("%s[%s]", key, lang);
}

/* The exact value of a key, or NULL when it is missing or empty. */
char *
rahnuma_validator_dup_value (GKeyFile *key_file, const char *group, const char *key)
{
  char *value = g_key_file_get_string (key_file, group, key, NULL);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* Texts ---------------------------------------------------------------- */

static void check_words (Package *pkg, const char *group, const char *key, const char *value);

static void
check_text_value (Package *pkg, const char *group, const char *key, guint limit)
{
  g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, group, key);
  glong length;

  if (value == NULL)
    return;
  /* A warning, so that a new package validates; install refuses it all the same. */
  if (strstr (value, RAHNUMA_PLACEHOLDER_MARK) != NULL)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_PLACEHOLDER, group, key,
            _("write the real text in place of the TODO marker"),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] %s is still a placeholder"), group, key);
  length = g_utf8_strlen (value, -1);
  if (length > (glong) limit)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_TEXT_TOO_LONG, group, key,
            _("shorten it, or move part of it to another scene"),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] %s is too long for its screen: %ld characters, at most %u"),
            group, key, length, limit);
  check_words (pkg, group, key, value);
}

static void
check_text (Package *pkg, const char *group, const char *key, guint limit)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  g_autofree char *english = rahnuma_validator_dup_value (pkg->key_file, group, key);

  if (english == NULL)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_KEY, group, key,
            _("add the English text as the key without a language, e.g. Title=…"),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] has no %s= (the English text)"), group, key);
  else
    check_text_value (pkg, group, key, limit);

  for (gsize i = 0; i < n_languages; i++)
    {
      g_autofree char *full_key = rahnuma_validator_localized_key (key, languages[i].code);
      g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, group, full_key);

      /* English lives in the untranslated key; every other language needs its own. */
      if (value != NULL)
        check_text_value (pkg, group, full_key, limit);
      else if (!g_str_equal (languages[i].code, "en"))
        report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_TRANSLATION, group, full_key,
                _("add the translation; mark machine translations in MachineTranslated="),
                /* Translators: the part in brackets is a group of the package’s module.ini,
                 * as written there (“Scene 2”, “Question 1”); key names before = and
                 * [Module] stay in English */
                _("[%s] has no %s translation: %s= is missing"),
                group, languages[i].english_name, full_key);
    }
}

/* Media ---------------------------------------------------------------- */

gboolean
rahnuma_validator_stays_inside (const char *relative)
{
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (relative))
    return FALSE;
  parts = g_strsplit (relative, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static void
clear_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* Before anything decodes a picture, its header must give a size within the
 * kiosk's limits (rahnuma-picture-header.c): this holds without a prober
 * too, so a kiosk's catalogue leaves out what it could never show. */
static GError *
check_picture_header (const char *path)
{
  GError *error = NULL;

  rahnuma_picture_check_file (path, &error);
  return error;
}

/* Returns NULL when @path plays, else why not (owned by @validation).
 * Each file is checked once. */
static const GError *
probe_media (RahnumaValidation *validation, const char *path, RahnumaMediaKind kind)
{
  GError *error = NULL;
  gpointer known;

  if (g_hash_table_lookup_extended (validation->probed, path, NULL, &known))
    return known;
  if (kind == RAHNUMA_MEDIA_PICTURE)
    error = check_picture_header (path);
  if (error == NULL && validation->probe_func != NULL
      && !validation->probe_func (path, kind, validation->probe_data, &error) && error == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("it cannot be decoded"));
  g_hash_table_insert (validation->probed, g_strdup (path), error);
  return error;
}

/* "rahnuma-admin module record --module DIR --scene 2 --lang ur" for a
 * narration key, so the trainer can copy the command as it stands. */
static char *
dup_record_command (Package *pkg, const char *group, const char *key)
{
  const char *space = strchr (group, ' ');
  const char *open = strchr (key, '[');
  g_autofree char *lang = open != NULL ? g_strndup (open + 1, strlen (open) - 2) : g_strdup ("en");
  const char *what = g_str_has_prefix (group, "Scene") ? "scene"
                     : g_str_has_prefix (key, "Explanation") ? "explanation" : "question";

  return g_strdup_printf ("rahnuma-admin module record --module %s --%s %s --lang %s",
                          pkg->dir, what, space != NULL ? space + 1 : "1", lang);
}

/* media.sums says which text a file was made from: a placeholder wants
 * replacing, and a file made from an older text says the old words. */
static void
check_origin (Package *pkg, const char *group, const char *key, const char *relative,
              RahnumaMediaKind kind)
{
  g_autofree char *text = rahnuma_media_dup_source_text (pkg->key_file, group, key);
  g_autofree char *hint = NULL;

  switch (rahnuma_media_sums_check (pkg->sums, relative, text))
    {
    case RAHNUMA_MEDIA_ORIGIN_PLACEHOLDER:
      report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_PLACEHOLDER, group, key,
              _("put the real picture in its place, with the same name (PNG, at most 1920 × 1080)"),
              /* Translators: %s is a file name, e.g. pictures/scene-1.png */
              _("%s is a placeholder picture"), relative);
      break;
    case RAHNUMA_MEDIA_ORIGIN_STALE:
      if (kind == RAHNUMA_MEDIA_AUDIO)
        {
          g_autofree char *command = dup_record_command (pkg, group, key);

          /* Translators: %s is a command to run; media/make-media is a script's name */
          hint = g_strdup_printf (_("record it again: %s (or run media/make-media for a generated voice)"),
                                  command);
        }
      else
        hint = g_strdup (_("make the picture again (media/make-media for generated ones), "
                           "or draw a new one and copy it over the old file"));
      report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_STALE_MEDIA, group, key, hint,
              /* Translators: %s is a file name; [%s] a group such as [Scene 2] */
              _("%s was made from an older text of [%s]: the text has changed since"), relative, group);
      break;
    case RAHNUMA_MEDIA_ORIGIN_UNKNOWN:
    case RAHNUMA_MEDIA_ORIGIN_CURRENT:
    default:
      break;
    }
}

/* The entry of @folder that is @name but for case, or NULL. */
static char *
dup_case_match (const char *folder, const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folded = g_utf8_casefold (entry, -1);

      if (g_str_equal (folded, wanted))
        return g_strdup (entry);
    }
  return NULL;
}

/* "pictures/scene-1.png" when module.ini says "Pictures/Scene-1.PNG" and
 * only the case differs: Windows and macOS ignore case, a kiosk does not. */
static char *
dup_case_suggestion (const char *package_dir, const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autofree char *folder = g_strdup (package_dir);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *match = dup_case_match (folder, parts[i]);
      char *next;

      if (match == NULL)
        return NULL;
      g_ptr_array_add (found, match);
      next = g_build_filename (folder, match, NULL);
      g_free (folder);
      folder = next;
    }
  g_ptr_array_add (found, NULL);
  return g_strjoinv ("/", (char **) found->pdata);
}

static void
report_missing_media (Package *pkg, const char *group, const char *key, const char *relative)
{
  g_autofree char *suggestion = dup_case_suggestion (pkg->dir, relative);
  g_autofree char *hint = NULL;

  if (suggestion != NULL)
    /* Translators: %s is the file's real name, e.g. pictures/Scene-1.PNG */
    hint = g_strdup_printf (_("the folder has %s: names are case-sensitive on the kiosk, "
                              "so write the name exactly as the file has it"), suggestion);
  report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_MEDIA, group, key,
          hint != NULL ? hint : _("add the file, or correct its name (names are case-sensitive)"),
          /* Translators: %s is a file or folder path */
          _("%s does not exist"), relative);
}

/* In module.ini a backslash starts an escape (\s is a space), so a Windows
 * path "pictures\en\scene-1.png" cannot be read as one. */
static gboolean
check_backslashes (Package *pkg, const char *group, const char *key)
{
  g_autofree char *raw = g_key_file_get_value (pkg->key_file, group, key, NULL);
  g_autofree char *fixed = NULL;
  g_autofree char *hint = NULL;

  if (raw == NULL || strchr (raw, '\\') == NULL)
    return TRUE;
  fixed = g_strdelimit (g_strdup (raw), "\\", '/');
  /* Translators: %s is the corrected path, e.g. pictures/en/scene-1.png */
  hint = g_strdup_printf (_("write paths with forward slashes: %s"), fixed);
  report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_VALUE, group, key, hint,
          /* Translators: %s is a path as written in module.ini */
          _("%s uses backslashes; in module.ini a backslash starts an escape such as \\s"), raw);
  return FALSE;
}

/* Each clip is measured once, however many keys name it. */
static const RahnumaAudioLevels *
measure_audio (RahnumaValidation *validation, const char *path)
{
  g_autofree RahnumaAudioLevels *levels = g_new0 (RahnumaAudioLevels, 1);
  g_autoptr(GError) error = NULL;
  gpointer known;

  if (g_hash_table_lookup_extended (validation->measured, path, NULL, &known))
    return known;
  if (!validation->meter_func (path, levels, validation->meter_data, &error))
    {
      g_debug ("Cannot measure %s: %s", path, error != NULL ? error->message : "?");
      g_clear_pointer (&levels, g_free);
    }
  g_hash_table_insert (validation->measured, g_strdup (path), levels);
  return g_steal_pointer (&levels);
}

/* Silence or clipping is an error: a visitor would hear nothing, or noise.
 * Too quiet or much longer than its text is a warning. */
static void
check_levels (Package *pkg, const char *group, const char *key, const char *relative,
              const char *path)
{
  const RahnumaAudioLevels *levels;
  g_autofree char *text = NULL;
  double longest;

  if (pkg->validation->meter_func == NULL || (levels = measure_audio (pkg->validation, path)) == NULL)
    return;
  text = rahnuma_media_dup_source_text (pkg->key_file, group, key);
  longest = RAHNUMA_AUDIO_SLACK_S + RAHNUMA_AUDIO_S_PER_CHARACTER * (text != NULL ? g_utf8_strlen (text, -1) : 0);
  g_debug ("%s: %.1f s (at most %.0f), peak %.1f dBFS, speech %.1f dBFS, clipped %.2f s", relative,
           levels->seconds, longest, levels->peak_db, levels->loudness_db, levels->clipped_seconds);

  if (levels->peak_db < RAHNUMA_AUDIO_SILENT_PEAK_DB)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_AUDIO_LEVEL, group, key,
            _("check the microphone is connected and not muted, then record it again"),
            /* Translators: %s is a file; %.0f a level in dBFS (decibels below full scale), e.g. -62 */
            _("%s is silent: its loudest moment is %.0f dBFS"), relative, MAX (levels->peak_db, -120.0));
  else if (levels->clipped_seconds > RAHNUMA_AUDIO_MAX_CLIPPED_S)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_AUDIO_LEVEL, group, key,
            _("record it again a little further from the microphone, or with its volume lower"),
            /* Translators: %s is a file; %.1f a time in seconds */
            _("%s is clipped (distorted): %.1f s of it is at full volume"), relative, levels->clipped_seconds);
  else if (levels->loudness_db < RAHNUMA_AUDIO_QUIET_LOUDNESS_DB)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_AUDIO_LEVEL, group, key,
            _("record it again closer to the microphone, or import it with "
              "“rahnuma-admin module import-media”, which evens out the loudness"),
            /* Translators: %s is a file; %.0f a level in dBFS, e.g. -41; -20 is the usual level */
            _("%s is too quiet: speech at %.0f dBFS, where about -20 dBFS is usual"), relative,
            MAX (levels->loudness_db, -120.0));
  if (levels->seconds > longest)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_AUDIO_LEVEL, group, key,
            _("cut the silence at its end, or record it again and stop when the text is read"),
            /* Translators: %s is a file; %.0f are seconds */
            _("%s lasts %.0f s, much longer than its text needs (at most %.0f s)"), relative,
            levels->seconds, longest);
}

static void
check_media (Package *pkg, const char *group, const char *key, RahnumaMediaKind kind)
{
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  const GError *reason;

  if (!check_backslashes (pkg, group, key))
    return;
  relative = rahnuma_validator_dup_value (pkg->key_file, group, key);
  if (relative == NULL)
    return;
  if (!rahnuma_validator_stays_inside (relative))
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MEDIA_OUTSIDE, group, key,
              _("put the file inside the package folder and name it relative to module.ini"),
              /* Translators: %s is a file or folder path */
              _("%s is outside the package"), relative);
      return;
    }
  path = g_build_filename (pkg->dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      report_missing_media (pkg, group, key, relative);
      return;
    }
  reason = probe_media (pkg->validation, path, kind);
  if (g_error_matches (reason, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE))
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MEDIA_TOO_LARGE, group, key,
            /* Translators: a hint for trainers; 1920 × 1080 is a size in pixels */
            _("scale it down (1920 × 1080 is plenty for a kiosk screen) and export it again"),
            /* Translators: %s is a file name, then a reason giving its size and the limit */
            _("%s is too large: %s"), relative, reason->message);
  else if (reason != NULL)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_UNPLAYABLE_MEDIA, group, key,
            _("export it again as PNG, WebM (VP8/VP9 + Opus) or Ogg Opus"),
            /* Translators: %s is a media file path, then why */
            _("%s cannot be played: %s"), relative, reason->message);
  else
    {
      check_origin (pkg, group, key, relative, kind);
      if (kind == RAHNUMA_MEDIA_AUDIO)
        check_levels (pkg, group, key, relative, path);
    }
}

/* Until its text is written, a narration cannot be recorded: a warning then. */
static void
report_missing_narration (Package *pkg, const char *group, const char *key,
                          const RahnumaLanguage *language)
{
  g_autofree char *text = rahnuma_media_dup_source_text (pkg->key_file, group, key);
  gboolean placeholder = text == NULL || strstr (text, RAHNUMA_PLACEHOLDER_MARK) != NULL;

  report (pkg, placeholder ? RAHNUMA_SEVERITY_WARNING : RAHNUMA_SEVERITY_ERROR,
          RAHNUMA_PROBLEM_MISSING_NARRATION, group, key,
          placeholder ? _("write the text first, then record it with “rahnuma-admin module record”")
                      : _("record it with “rahnuma-admin module record”, or add the audio file"),
          /* Translators: the part in brackets is a group of the package’s module.ini, as
           * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
           * in English */
          _("[%s] has no %s narration: %s= is missing"), group, language->english_name, key);
}

/* Narration is looked up by exact language, as the kiosk does: a language
 * with a fallback voice (Pashto, Punjabi) only loses its own voice. */
static void
check_narration (Package *pkg, const char *group, const char *key)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  /* The kiosk never plays a voice of unknown language: say so, not silently skip it. */
  if (g_key_file_has_key (pkg->key_file, group, key, NULL))
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE, group, key,
            _("name the language of the voice, e.g. Narration[ur]="),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] %s= names no language, so it is never played"), group, key);

  for (gsize i = 0; i < n_languages; i++)
    {
      const RahnumaLanguage *language = &languages[i];
      g_autofree char *full_key = rahnuma_validator_localized_key (key, language->code);
      g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, group, full_key);

      if (value != NULL)
        {
          gpointer count = g_hash_table_lookup (pkg->voiced, language->code);

          g_hash_table_insert (pkg->voiced, (gpointer) language->code,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
          check_media (pkg, group, full_key, RAHNUMA_MEDIA_AUDIO);
        }
      else if (language->narration_fallback != NULL)
        {
          Fallback *fallback = g_new0 (Fallback, 1);

          fallback->language = language;
          fallback->group = g_strdup (group);
          fallback->key = g_steal_pointer (&full_key);
          g_ptr_array_add (pkg->fallbacks, fallback);
        }
      else
        report_missing_narration (pkg, group, full_key, language);
    }
}

/* A language nobody has recorded yet gets one warning, not one per scene;
 * a language partly recorded gets one per gap, since those look like slips. */
static void
report_fallbacks (Package *pkg)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  for (gsize i = 0; i < n_languages; i++)
    {
      const RahnumaLanguage *language = &languages[i];
      const char *fallback_name = NULL;
      guint n_missing = 0;
      gboolean none_voiced = !g_hash_table_contains (pkg->voiced, language->code);

      for (guint f = 0; f < pkg->fallbacks->len; f++)
        {
          Fallback *fallback = g_ptr_array_index (pkg->fallbacks, f);

          if (fallback->language != language)
            continue;
          n_missing++;
          fallback_name = rahnuma_language_lookup (language->narration_fallback)->english_name;
          if (!none_voiced)
            report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_NARRATION_FALLBACK,
                    fallback->group, fallback->key,
                    _("record it with “rahnuma-admin module record”"),
                    /* Translators: the part in brackets is a group of the package’s
                     * module.ini, as written there (“Scene 2”, “Question 1”); key names
                     * before = and [Module] stay in English */
                    _("[%s] %s is missing: %s narration falls back to %s"), fallback->group,
                    fallback->key, language->english_name, fallback_name);
        }
      if (none_voiced && n_missing > 0)
        report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_NARRATION_FALLBACK, MODULE_GROUP, NULL,
                _("record it with “rahnuma-admin module record”"),
                /* Translators: the first %s is a language name, %u a count, the last %s the
                 * fallback language */
                _("no %s narration is recorded: all %u narrations fall back to %s"),
                language->english_name, n_missing, fallback_name);
    }
}

/* Scenes and questions --------------------------------------------------- */

/* Picture= and Video= may be localized (Picture[ur]=): check every variant. */
static void
check_localized_media (Package *pkg, const char *group, const char *key, RahnumaMediaKind kind)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  check_media (pkg, group, key, kind);
  for (gsize i = 0; i < n_languages; i++)
    {
      g_autofree char *full_key = rahnuma_validator_localized_key (key, languages[i].code);

      check_media (pkg, group, full_key, kind);
    }
}

static void
check_scene (Package *pkg, const char *group)
{
  gboolean has_picture = g_key_file_has_key (pkg->key_file, group, "Picture", NULL);
  gboolean has_video = g_key_file_has_key (pkg->key_file, group, "Video", NULL);

  if (has_picture == has_video)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_SCENE_MEDIA, group,
            has_video ? "Video" : NULL,
            _("give the scene one Picture= or one Video="),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            has_video ? _("[%s] has both a picture and a video") : _("[%s] has no picture or video"),
            group);
  check_localized_media (pkg, group, "Picture", RAHNUMA_MEDIA_PICTURE);
  check_localized_media (pkg, group, "Video", RAHNUMA_MEDIA_VIDEO);
  check_text (pkg, group, "Caption", RAHNUMA_LIMIT_CAPTION);
  check_narration (pkg, group, "Narration");
}

/* Returns the highest ChoiceN= present, reporting gaps and bad counts. */
static guint
check_choices (Package *pkg, const char *group)
{
  guint n_present = 0, highest = 0;

  for (guint n = 1; n <= 16; n++)
    {
      g_autofree char *key = g_strdup_printf ("Choice%u", n);

      if (!g_key_file_has_key (pkg->key_file, group, key, NULL))
        continue;
      if (n != highest + 1)
        report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_CHOICE_COUNT, group, key,
                _("number the choices Choice1=, Choice2=, … without gaps"),
                /* Translators: the part in brackets is a group of the package’s module.ini,
                 * as written there (“Scene 2”, “Question 1”); key names before = and
                 * [Module] stay in English */
                _("[%s] %s follows a gap: the kiosk stops at the missing choice"), group, key);
      n_present++;
      highest = n;
      check_text (pkg, group, key, RAHNUMA_LIMIT_CHOICE);
    }

  if (n_present < RAHNUMA_MODULE_MIN_CHOICES)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_CHOICE_COUNT, group, NULL,
            _("give every question 2 to 4 choices"),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] has too few choices: %u, at least %u"), group, n_present,
            RAHNUMA_MODULE_MIN_CHOICES);
  else if (n_present > RAHNUMA_MODULE_MAX_CHOICES)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_CHOICE_COUNT, group, NULL,
            _("give every question 2 to 4 choices"),
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] has too many choices: %u, at most %u"), group, n_present,
            RAHNUMA_MODULE_MAX_CHOICES);
  else if (n_present < 3)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_FEW_CHOICES, group, NULL,
            _("add a third choice: a mistake a real worker might make"),
            /* Translators: %s is a group such as “Question 2” */
            _("[%s] has only 2 choices: a guess is right half the time"), group);
  return highest;
}

static void
check_correct (Package *pkg, const char *group, guint n_choices)
{
  g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, group, "Correct");
  const char *hint = _("set Correct= to the number of the one right choice, e.g. Correct=2");
  guint64 correct;

  if (value == NULL)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_CORRECT, group, "Correct", hint,
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] has no correct answer"), group);
  else if (strpbrk (value, ";, ") != NULL)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_CORRECT, group, "Correct", hint,
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] has more than one correct answer: Correct=%s"), group, value);
  else if (!g_ascii_string_to_unsigned (value, 10, 1, MAX (n_choices, 1), &correct, NULL))
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_CORRECT, group, "Correct", hint,
            /* Translators: the part in brackets is a group of the package’s module.ini, as
             * written there (“Scene 2”, “Question 1”); key names before = and [Module] stay
             * in English */
            _("[%s] Correct=%s names no choice: the choices are 1 to %u"), group, value,
            n_choices);
}

static void
check_question (Package *pkg, const char *group)
{
  guint n_choices;

  check_text (pkg, group, "Text", RAHNUMA_LIMIT_QUESTION);
  n_choices = check_choices (pkg, group);
  check_correct (pkg, group, n_choices);
  check_text (pkg, group, "Explanation", RAHNUMA_LIMIT_EXPLANATION);
  check_media (pkg, group, "Picture", RAHNUMA_MEDIA_PICTURE);
  check_narration (pkg, group, "Narration");
  check_narration (pkg, group, "ExplanationNarration");
}

/* [Module] ---------------------------------------------------------------- */

static void
check_id (Package *pkg)
{
  g_autofree char *id = rahnuma_validator_dup_value (pkg->key_file, MODULE_GROUP, "Id");
  const char *other;

  if (id == NULL)
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_KEY, MODULE_GROUP, "Id",
              _("add Id=, a short name such as contract-basics"),
              _("[Module] has no Id="));
      return;
    }
  if (!rahnuma_module_id_is_valid (id))
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_VALUE, MODULE_GROUP, "Id",
              _("use only lower-case English letters, digits and '-', at most 64"),
              /* Translators: key names before = stay in English; %s are a key and its value
               * as written, or a package folder */
              _("Id=%s is not a valid id"), id);
      return;
    }
  other = g_hash_table_lookup (pkg->validation->ids, id);
  if (other != NULL)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_DUPLICATE_ID, MODULE_GROUP, "Id",
            _("every module needs its own Id; change one of them"),
            /* Translators: key names before = stay in English; %s are a key and its value
             * as written, or a package folder */
            _("Id=%s is also used by %s"), id, other);
  else
    g_hash_table_insert (pkg->validation->ids, g_strdup (id), g_strdup (pkg->ini_path));
}

static void
check_number (Package *pkg, const char *key, gboolean required, gint64 min, gint64 max,
              const char *hint)
{
  g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, MODULE_GROUP, key);

  if (value == NULL)
    {
      if (required)
        report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_KEY, MODULE_GROUP, key, hint,
                /* Translators: key names before = stay in English; %s are a key and its
                 * value as written, or a package folder */
                _("[Module] has no %s="), key);
      return;
    }
  if (!g_ascii_string_to_signed (value, 10, min, max, NULL, NULL))
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_VALUE, MODULE_GROUP, key, hint,
            /* %lld, not G_GINT64_FORMAT: xgettext cannot read a macro inside a message */
            /* Translators: key names before = stay in English; %s are a key and its value
             * as written, or a package folder */
            _("%s=%s is not a whole number from %lld"), key, value, (long long) min);
}

static void
check_fraction (Package *pkg, const char *key)
{
  g_autofree char *value = rahnuma_validator_dup_value (pkg->key_file, MODULE_GROUP, key);
  char *end = NULL;
  double fraction;

  if (value == NULL)
    return;
  fraction = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0' || !(fraction >= 0.0 && fraction <= 1.0))
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_VALUE, MODULE_GROUP, key,
            /* Translators: a hint after a wrong value; keep 0.8 and 80% */
            _("write a fraction from 0 to 1 with a dot, e.g. 0.8 for 80%"),
            /* Translators: key names before = stay in English; %s are a key and its value
             * as written, or a package folder */
            _("%s=%s is not a number from 0 to 1"), key, value);
}

static void
check_lists (Package *pkg)
{
  g_auto(GStrv) sources = g_key_file_get_string_list (pkg->key_file, MODULE_GROUP, "Sources", NULL, NULL);
  g_auto(GStrv) machine = g_key_file_get_string_list (pkg->key_file, MODULE_GROUP, "MachineTranslated",
                                                      NULL, NULL);
  gboolean any_source = FALSE;

  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    {
      any_source |= *g_strstrip (sources[i]) != '\0';
      if (strstr (sources[i], RAHNUMA_PLACEHOLDER_MARK) != NULL)
        report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_PLACEHOLDER, MODULE_GROUP, "Sources",
                _("name the real source of each fact"), _("Sources= is still a placeholder"));
    }
  if (!any_source)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_NO_SOURCES, MODULE_GROUP, "Sources",
            _("name where each fact comes from, e.g. Sources=Emigration Ordinance 1979;"),
            _("[Module] names no Sources="));

  for (guint i = 0; machine != NULL && machine[i] != NULL; i++)
    if (*g_strstrip (machine[i]) != '\0' && !rahnuma_language_is_valid (machine[i]))
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE, MODULE_GROUP,
              "MachineTranslated", _("use the kiosk's codes: ur, ps, pa_PK, en"),
              /* Translators: key names before = stay in English; %s are a key and its value
               * as written, or a package folder */
              _("MachineTranslated= lists “%s”, which is not a kiosk language"), machine[i]);
}

static void
check_header (Package *pkg)
{
  if (!g_key_file_has_group (pkg->key_file, MODULE_GROUP))
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_MISSING_KEY, NULL, NULL,
              _("start module.ini with a [Module] group (see docs/module-format.md)"),
              _("there is no [Module] group"));
      return;
    }
  check_id (pkg);
  check_number (pkg, "Version", TRUE, 1, G_MAXINT,
                _("raise Version= by one each time you change the module, e.g. Version=2"));
  check_number (pkg, "Order", FALSE, G_MININT, G_MAXINT,
                _("Order= places the module in the list, e.g. Order=3"));
  check_fraction (pkg, "MinWatched");
  check_fraction (pkg, "PassMark");
  check_text (pkg, MODULE_GROUP, "Title", RAHNUMA_LIMIT_TITLE);
  check_text (pkg, MODULE_GROUP, "Summary", RAHNUMA_LIMIT_SUMMARY);
  check_lists (pkg);
}

/* Groups ----------------------------------------------------------------- */

/* "Scene 3" → 3; 0 when @group is not @kind followed by a plain number. */
guint
rahnuma_validator_group_number (const char *group, const char *kind)
{
  gsize len = strlen (kind);
  guint64 number;
  g_autofree char *canonical = NULL;

  if (!g_str_has_prefix (group, kind) || group[len] != ' ')
    return 0;
  if (!g_ascii_string_to_unsigned (group + len + 1, 10, 1, 999, &number, NULL))
    return 0;
  canonical = g_strdup_printf ("%s %u", kind, (guint) number);
  return g_str_equal (canonical, group) ? (guint) number : 0;
}

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static void
check_numbering (Package *pkg, const char *kind, GArray *numbers)
{
  g_array_sort (numbers, compare_uints);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint number = g_array_index (numbers, guint, i);
      guint previous = i == 0 ? 0 : g_array_index (numbers, guint, i - 1);
      g_autofree char *group = NULL;

      if (number == previous + 1)
        continue;
      group = g_strdup_printf ("%s %u", kind, number);
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_GROUP_GAP, group, NULL,
              _("number the groups 1, 2, 3, … without gaps"),
              /* Translators: the part in brackets is a group of the package’s module.ini,
               * as written there (“Scene 2”, “Question 1”); key names before = and [Module]
               * stay in English */
              _("[%s] follows a gap: there is no [%s %u], and the kiosk stops there"),
              group, kind, number - 1);
    }
}

static void
check_counts (Package *pkg, guint n_scenes, guint n_questions)
{
  const char *scene_hint = _("a module has 3 to 6 scenes");

  if (n_scenes == 0)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_SCENE_COUNT, NULL, NULL, scene_hint,
            _("the module has no [Scene 1]"));
  else if (n_scenes < RAHNUMA_MODULE_MIN_SCENES || n_scenes > RAHNUMA_MODULE_MAX_SCENES)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_SCENE_COUNT, MODULE_GROUP, NULL,
            /* Translators: %u is a count */
            scene_hint, _("the module has %u scenes"), n_scenes);

  if (n_questions == 0)
    report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_QUESTION_COUNT, NULL, NULL,
            _("a module asks at least 5 questions"), _("the module has no [Question 1]"));
  else if (n_questions < RAHNUMA_MODULE_MIN_QUESTIONS)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_QUESTION_COUNT, MODULE_GROUP, NULL,
            _("a module asks at least 5 questions"),
            /* Translators: %u is a count */
            _("the module has only %u questions"), n_questions);
}

/* A key for a language the kiosk does not offer is never shown: say so. */
static void
check_key_languages (Package *pkg, const char *group)
{
  g_auto(GStrv) keys = g_key_file_get_keys (pkg->key_file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *open = strchr (keys[i], '[');
      g_autofree char *lang = NULL;

      if (open == NULL || !g_str_has_suffix (open, "]"))
        continue;
      lang = g_strndup (open + 1, strlen (open) - 2);
      if (!rahnuma_language_is_valid (lang))
        report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE, group, keys[i],
                _("use the kiosk's codes: ur, ps, pa_PK (Punjabi in Shahmukhi), en"),
                /* Translators: the part in brackets is a group of the package’s module.ini,
                 * as written there (“Scene 2”, “Question 1”); key names before = and
                 * [Module] stay in English */
                _("[%s] %s is for “%s”, which is not a kiosk language"), group, keys[i], lang);
    }
}

static void
check_groups (Package *pkg)
{
  g_auto(GStrv) groups = g_key_file_get_groups (pkg->key_file, NULL);
  g_autoptr(GArray) scenes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint scene = rahnuma_validator_group_number (groups[i], "Scene");
      guint question = rahnuma_validator_group_number (groups[i], "Question");

      check_key_languages (pkg, groups[i]);
      if (scene > 0)
        {
          g_array_append_val (scenes, scene);
          check_scene (pkg, groups[i]);
        }
      else if (question > 0)
        {
          g_array_append_val (questions, question);
          check_question (pkg, groups[i]);
        }
      else if (!g_str_equal (groups[i], MODULE_GROUP))
        report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_UNKNOWN_GROUP, groups[i], NULL,
                _("name groups [Module], [Scene 1], [Question 1], …"),
                /* Translators: the part in brackets is a group of the package’s module.ini,
                 * as written there (“Scene 2”, “Question 1”); key names before = and
                 * [Module] stay in English */
                _("[%s] is not a group the kiosk knows: it is ignored"), groups[i]);
    }
  check_numbering (pkg, "Scene", scenes);
  check_numbering (pkg, "Question", questions);
  check_counts (pkg, scenes->len, questions->len);
}

/* Content rules (issue 14) ---------------------------------------------
 *
 * Warnings, not errors: a lesson that breaks them still plays, but teaches
 * less. Plain words: a listener who reads little follows short sentences.
 * A fair quiz: neither "always the longest answer" nor "always the same
 * position" should pass it. */

/* A trailing quote or bracket does not hide a full stop: “… receipt.”) */
static gboolean
token_ends_sentence (const char *start, const char *end)
{
  const char *p = end;

  while (p > start)
    {
      gunichar c;

      p = g_utf8_find_prev_char (start, p);
      c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?' || c == 0x061F /* ؟ */ || c == 0x06D4 /* ۔ */)
        return TRUE;
      if (!(c == '\'' || c == '"' || c == ')' || c == 0x2019 || c == 0x201D || c == 0x00BB))
        return FALSE;
    }
  return FALSE;
}

static gboolean
token_is_word (const char *start, const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Calls @func on each whitespace-separated token of @text. */
static void
foreach_token (const char *text, void (*func) (const char *, const char *, gpointer), gpointer data)
{
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (start != NULL)
            func (start, p, data);
          start = NULL;
          if (c == 0)
            break;
        }
      else if (start == NULL)
        start = p;
    }
}

typedef struct
{
  guint words;         /* in the whole text */
  guint in_sentence;   /* in the sentence being read */
  guint sentence;      /* 1-based number of the sentence being read */
  guint longest;       /* words in the longest sentence so far */
  guint longest_index; /* its number */
} WordCount;

static void
count_token (const char *start, const char *end, gpointer data)
{
  WordCount *count = data;

  if (token_is_word (start, end))
    {
      count->words++;
      count->in_sentence++;
    }
  if (count->in_sentence > count->longest)
    {
      count->longest = count->in_sentence;
      count->longest_index = count->sentence;
    }
  if (token_ends_sentence (start, end) && count->in_sentence > 0)
    {
      count->in_sentence = 0;
      count->sentence++;
    }
}

static WordCount
count_words (const char *text)
{
  WordCount count = { 0, 0, 1, 0, 0 };

  foreach_token (text, count_token, &count);
  return count;
}

/**
 * rahnuma_text_count_words:
 * @text: UTF-8 text in any kiosk language
 *
 * Counts words the same way in every language (issue 14): runs of
 * characters between whitespace that hold at least one letter or digit, so
 * a lone dash or “۔” is no word.
 *
 * Returns: the number of words in @text
 */
guint
rahnuma_text_count_words (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return count_words (text).words;
}

/**
 * rahnuma_text_longest_sentence:
 * @text: UTF-8 text in any kiosk language
 * @index: (out) (optional): the 1-based number of that sentence, 0 if none
 *
 * A sentence ends at a word ending in “.”, “!”, “?”, the Urdu full stop “۔”
 * or the Arabic question mark “؟” (a closing quote or bracket after it is
 * allowed); a dot inside a word (“0.8”) ends none.
 *
 * Returns: the number of words in @text's longest sentence
 */
guint
rahnuma_text_longest_sentence (const char *text, guint *index)
{
  WordCount count;

  g_return_val_if_fail (text != NULL, 0);
  count = count_words (text);
  if (index != NULL)
    *index = count.longest_index;
  return count.longest;
}

static void
check_words (Package *pkg, const char *group, const char *key, const char *value)
{
  WordCount count = count_words (value);

  if (g_str_has_prefix (key, "Caption") && count.words > RAHNUMA_LIMIT_CAPTION_WORDS)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_CAPTION_WORDS, group, key,
            _("say less in the scene, or split it into two scenes"),
            /* Translators: “[Scene 2] Caption[ur] has 24 words, at most 20” */
            _("[%s] %s has %u words, at most %u"), group, key, count.words,
            RAHNUMA_LIMIT_CAPTION_WORDS);
  if (count.longest > RAHNUMA_LIMIT_SENTENCE_WORDS)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_SENTENCE_WORDS, group, key,
            _("split the sentence in two: a listener follows short sentences"),
            /* Translators: “[Scene 2] Caption[ur]: sentence 1 has 15 words, at most 12” */
            _("[%s] %s: sentence %u has %u words, at most %u"), group, key,
            count.longest_index, count.longest, RAHNUMA_LIMIT_SENTENCE_WORDS);
}

/* Whether no choice is longer (@longest) or shorter (!@longest) than the
 * right one, in characters as seen on screen in @lang. */
static gboolean
is_right_extreme (RahnumaQuestion *question, const char *lang, gboolean longest)
{
  guint correct = rahnuma_question_get_correct (question);
  guint n_choices = rahnuma_question_get_n_choices (question);
  g_autofree char *right_text = rahnuma_question_dup_choice (question, correct, lang);
  glong right = g_utf8_strlen (right_text != NULL ? right_text : "", -1);

  for (guint i = 0; i < n_choices; i++)
    {
      g_autofree char *text = i == correct ? NULL : rahnuma_question_dup_choice (question, i, lang);
      glong length = text != NULL ? g_utf8_strlen (text, -1) : right;

      if (longest ? length > right : length < right)
        return FALSE;
    }
  return TRUE;
}

/**
 * rahnuma_question_is_longest_right:
 * @question: a loaded question
 * @lang: a kiosk language code ("en" for the untranslated text)
 *
 * Whether a visitor who always picks the longest choice (in characters, as
 * seen on screen in @lang) gets @question right. A tie for longest counts as
 * right: such a visitor may well pick it.
 *
 * Returns: %TRUE if no other choice is longer than the right one
 */
gboolean
rahnuma_question_is_longest_right (RahnumaQuestion *question, const char *lang)
{
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);
  return is_right_extreme (question, lang, TRUE);
}

/**
 * rahnuma_question_is_shortest_right:
 * @question: a loaded question
 * @lang: a kiosk language code ("en" for the untranslated text)
 *
 * The same for a visitor who always picks the shortest choice: a quiz whose
 * right answers are the plain short ones is as easy to guess (issue 14,
 * "length balanced"). A tie for shortest counts as right.
 *
 * Returns: %TRUE if no other choice is shorter than the right one
 */
gboolean
rahnuma_question_is_shortest_right (RahnumaQuestion *question, const char *lang)
{
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);
  return is_right_extreme (question, lang, FALSE);
}

static void
report_extreme_answers (Package *pkg, const RahnumaLanguage *language, gboolean longest,
                        guint n_extreme, guint n_questions)
{
  if (longest)
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_LONGEST_ANSWER, MODULE_GROUP, NULL,
            _("make a wrong choice the longest in some questions, or say the right one shorter"),
            /* Translators: “In Urdu, the right answer is the longest choice in 3 of 6 questions …” */
            _("In %s, the right answer is the longest choice in %u of %u questions: "
              "more than one in three, so always picking the longest answer scores too well"),
            language->english_name, n_extreme, n_questions);
  else
    report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_SHORTEST_ANSWER, MODULE_GROUP, NULL,
            _("make a wrong choice the shortest in some questions, or say the right one more fully"),
            /* Translators: “In Urdu, the right answer is the shortest choice in 3 of 6 questions …” */
            _("In %s, the right answer is the shortest choice in %u of %u questions: "
              "more than one in three, so always picking the shortest answer scores too well"),
            language->english_name, n_extreme, n_questions);
}

/* Warn above one in three: then neither "always the longest" nor "always the
 * shortest" reaches a pass mark of 0.6 (issue 14). One warning per language
 * and kind, with its figures. */
static void
check_answer_lengths (Package *pkg, RahnumaModule *module)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  guint n_questions = rahnuma_module_get_n_questions (module);

  for (gsize l = 0; l < n_languages; l++)
    {
      guint n_longest = 0, n_shortest = 0;

      for (guint i = 0; i < n_questions; i++)
        {
          RahnumaQuestion *question = rahnuma_module_get_question (module, i);

          n_longest += is_right_extreme (question, languages[l].code, TRUE);
          n_shortest += is_right_extreme (question, languages[l].code, FALSE);
        }
      if (n_longest * 3 > n_questions)
        report_extreme_answers (pkg, &languages[l], TRUE, n_longest, n_questions);
      if (n_shortest * 3 > n_questions)
        report_extreme_answers (pkg, &languages[l], FALSE, n_shortest, n_questions);
    }
}

/* Warn when one position holds more than half of the right answers. */
static void
check_answer_positions (Package *pkg, RahnumaModule *module)
{
  guint counts[RAHNUMA_MODULE_MAX_CHOICES] = { 0 };
  guint n_questions = rahnuma_module_get_n_questions (module);

  for (guint i = 0; i < n_questions; i++)
    {
      guint correct = rahnuma_question_get_correct (rahnuma_module_get_question (module, i));

      if (correct < G_N_ELEMENTS (counts))
        counts[correct]++;
    }
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    if (counts[c] * 2 > n_questions)
      report (pkg, RAHNUMA_SEVERITY_WARNING, RAHNUMA_PROBLEM_ANSWER_POSITION, MODULE_GROUP, NULL,
              _("put the right answer in other places too: change the order of the choices and Correct="),
              /* Translators: “Choice 1 is the right answer in 4 of 6 questions: more than half” */
              _("Choice %u is the right answer in %u of %u questions: more than half"),
              c + 1, counts[c], n_questions);
}

/* Files ------------------------------------------------------------------ */

/* A problem with a file in the package rather than a line of module.ini. */
static void
report_file (Package *pkg, GFile *file, const char *hint, const char *message)
{
  RahnumaProblem *problem = report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_SPECIAL_FILE,
                                    NULL, NULL, hint, "%s", message);

  g_free (problem->file);
  problem->file = g_file_get_path (file);
}

static void
report_special (Package *pkg, GFile *root, GFile *file, GFileType type)
{
  g_autofree char *relative = g_file_get_relative_path (root, file);
  g_autofree char *message = NULL;

  if (type == G_FILE_TYPE_SYMBOLIC_LINK || type == G_FILE_TYPE_SHORTCUT)
    {
      /* Translators: %s is a path inside a lesson package, e.g. pictures/loop */
      message = g_strdup_printf (_("%s is a link; a package holds only ordinary files and folders"), relative);
      report_file (pkg, file, _("copy the file itself into the package in place of the link"), message);
      return;
    }
  /* Translators: %s is a path inside a lesson package */
  message = g_strdup_printf (_("%s is a device, fifo or socket; a package holds only ordinary files and folders"),
                             relative);
  report_file (pkg, file, _("remove it from the package"), message);
}

/* Every entry under @folder, never following a link, so neither a link out of
 * the package nor a loop (pictures/loop -> ..) is ever entered. Hidden
 * entries are skipped: an install never copies them. */
static void
check_folder (Package *pkg, GFile *root, GFile *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, &error)
         && info != NULL)
    {
      GFileType type = g_file_info_get_file_type (info);

      if (g_file_info_get_name (info)[0] == '.')
        continue;
      if (type == G_FILE_TYPE_DIRECTORY)
        check_folder (pkg, root, child);
      else if (type != G_FILE_TYPE_REGULAR)
        report_special (pkg, root, child, type);
    }
  /* A missing package is reported once, by load_package. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      report_file (pkg, folder, _("check the folder's permissions"), error->message);
    }
}

static void
check_files (Package *pkg)
{
  g_autoptr(GFile) root = g_file_new_for_path (pkg->dir);

  check_folder (pkg, root, root);
}

/* Packages --------------------------------------------------------------- */

static gboolean
load_package (Package *pkg)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;
  guint bad_line;
  GStatBuf st;

  /* A link or fifo in its place is reported by check_files; never read through it. */
  if (g_lstat (pkg->ini_path, &st) == 0 && !S_ISREG (st.st_mode))
    return FALSE;
  if (!g_file_get_contents (pkg->ini_path, &contents, &length, &error))
    {
      gboolean missing = g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      report (pkg, RAHNUMA_SEVERITY_ERROR,
              missing ? RAHNUMA_PROBLEM_NO_MODULE_FILE : RAHNUMA_PROBLEM_PARSE, NULL, NULL,
              missing ? _("a package is a folder holding module.ini; “rahnuma-admin module new” makes one")
                      : _("check the file's permissions"),
              "%s", error->message);
      return FALSE;
    }

  if (rahnuma_module_is_utf16 (contents, length))
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_NOT_UTF8, NULL, NULL,
              /* Translators: "Unicode" and "UTF-8" as Windows Notepad's Save As names them */
              _("open it in Notepad, choose File ▸ Save As, set Encoding to UTF-8 and save"),
              /* Translators: Windows editors call UTF-16 "Unicode" */
              _("module.ini is saved as UTF-16 (“Unicode”); the kiosk reads only UTF-8"));
      return FALSE;
    }
  /* Notepad's UTF-8 byte order mark is only a mark: read the text after it. */
  text = rahnuma_module_skip_bom (contents, &length);
  /* Otherwise every text in a bad line would be reported as missing. */
  bad_line = rahnuma_module_find_bad_utf8_line (text, length);
  if (bad_line > 0)
    {
      RahnumaProblem *problem =
        report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_NOT_UTF8, NULL, NULL,
                _("save it again with the encoding UTF-8 (in most editors: Save As, then Encoding)"),
                /* Translators: %u is a line number in module.ini */
                _("module.ini is not UTF-8 text: line %u has bytes in another encoding"), bad_line);

      problem->line = bad_line;
      return FALSE;
    }
  bad_line = index_lines (pkg->lines, text);
  if (!g_key_file_load_from_data (pkg->key_file, text, length, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    {
      RahnumaProblem *problem =
        report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_PARSE, NULL, NULL,
                _("every line must be a [Group], a Key=value, a # comment or empty"),
                /* Translators: %s is why (an error message) */
                _("module.ini cannot be read: %s"), error->message);

      problem->line = bad_line;
      return FALSE;
    }
  return TRUE;
}

/* The loader is what the kiosk runs: never pass a package it would refuse. */
static void
check_loads (Package *pkg)
{
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < pkg->problems->len; i++)
    if (((RahnumaProblem *) g_ptr_array_index (pkg->problems, i))->severity == RAHNUMA_SEVERITY_ERROR)
      return;
  module = rahnuma_module_new_from_dir (pkg->dir, &error);
  if (module == NULL)
    {
      report (pkg, RAHNUMA_SEVERITY_ERROR, RAHNUMA_PROBLEM_BAD_VALUE, NULL, NULL,
              /* Translators: %s is why (an error message) */
              _("see docs/module-format.md"), _("the kiosk cannot load the module: %s"),
              error->message);
      return;
    }
  check_answer_lengths (pkg, module);
  check_answer_positions (pkg, module);
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const RahnumaProblem *pa = *(RahnumaProblem **) a;
  const RahnumaProblem *pb = *(RahnumaProblem **) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

/**
 * rahnuma_validation_new:
 * @probe_func: (nullable) (scope notified): decides whether media play; %NULL checks presence only
 * @probe_data: (closure): data for @probe_func
 *
 * Returns: (transfer full): an empty validation; add packages to it
 */
RahnumaValidation *
rahnuma_validation_new (RahnumaMediaProbeFunc probe_func,
                        gpointer              probe_data)
{
  RahnumaValidation *validation = g_new0 (RahnumaValidation, 1);

  validation->probe_func = probe_func;
  validation->probe_data = probe_data;
  validation->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  validation->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  validation->probed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_error);
  validation->measured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return validation;
}

/**
 * rahnuma_validation_set_audio_meter:
 * @meter_func: (nullable) (scope notified): measures narration clips; %NULL measures none
 * @meter_data: (closure): data for @meter_func
 *
 * With a meter, packages added afterwards have every narration clip measured:
 * silent or clipped is an error, too quiet or much longer than its text a
 * warning (the limits are in rahnuma-validator.h).
 */
void
rahnuma_validation_set_audio_meter (RahnumaValidation     *validation,
                                    RahnumaAudioMeterFunc  meter_func,
                                    gpointer               meter_data)
{
  g_return_if_fail (validation != NULL);

  validation->meter_func = meter_func;
  validation->meter_data = meter_data;
}

/**
 * rahnuma_validation_free:
 * @validation: (nullable) (transfer full): a #RahnumaValidation
 *
 * Frees @validation and its problems; %NULL is allowed.
 */
void
rahnuma_validation_free (RahnumaValidation *validation)
{
  if (validation == NULL)
    return;
  g_ptr_array_unref (validation->problems);
  g_hash_table_unref (validation->ids);
  g_hash_table_unref (validation->probed);
  g_hash_table_unref (validation->measured);
  g_free (validation);
}

/**
 * rahnuma_validation_add_package:
 * @dir: a module package folder
 *
 * Checks @dir and adds its problems, sorted by line. Packages added to one
 * validation are checked together: an id used twice is an error.
 */
void
rahnuma_validation_add_package (RahnumaValidation *validation,
                                const char        *dir)
{
  Package pkg = { validation, dir, NULL, NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_if_fail (validation != NULL);
  g_return_if_fail (dir != NULL);

  pkg.ini_path = g_build_filename (dir, RAHNUMA_MODULE_FILE, NULL);
  pkg.key_file = g_key_file_new ();
  pkg.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pkg.problems = g_ptr_array_new ();
  pkg.fallbacks = g_ptr_array_new_with_free_func ((GDestroyNotify) fallback_free);
  pkg.voiced = g_hash_table_new (g_str_hash, g_str_equal);

  pkg.sums = rahnuma_media_sums_load (dir, NULL);
  if (pkg.sums == NULL) /* unreadable: then no file's origin is known */
    pkg.sums = rahnuma_media_sums_new (dir);
  check_files (&pkg);
  if (load_package (&pkg))
    {
      check_header (&pkg);
      check_groups (&pkg);
      report_fallbacks (&pkg);
      check_loads (&pkg);
    }

  g_ptr_array_sort (pkg.problems, compare_problems); /* stable: keeps the order within a line */
  for (guint i = 0; i < pkg.problems->len; i++)
    g_ptr_array_add (validation->problems, g_ptr_array_index (pkg.problems, i));

  g_ptr_array_unref (pkg.problems);
  g_ptr_array_unref (pkg.fallbacks);
  g_hash_table_unref (pkg.voiced);
  rahnuma_media_sums_free (pkg.sums);
  g_hash_table_unref (pkg.lines);
  g_key_file_unref (pkg.key_file);
  g_free (pkg.ini_path);
}

/**
 * rahnuma_validate_module:
 * @dir: a module package folder
 * @probe_func: (nullable) (scope call): decides whether media play
 * @probe_data: (closure): data for @probe_func
 *
 * Returns: (transfer full): every problem found in @dir
 */
RahnumaValidation *
rahnuma_validate_module (const char            *dir,
                         RahnumaMediaProbeFunc  probe_func,
                         gpointer               probe_data)
{
  RahnumaValidation *validation;

  g_return_val_if_fail (dir != NULL, NULL);

  validation = rahnuma_validation_new (probe_func, probe_data);
  rahnuma_validation_add_package (validation, dir);
  return validation;
}

/**
 * rahnuma_validation_get_n_problems:
 * @validation: a #RahnumaValidation
 *
 * Returns: how many problems were found, errors and warnings
 */
guint
rahnuma_validation_get_n_problems (RahnumaValidation *validation)
{
  g_return_val_if_fail (validation != NULL, 0);
  return validation->problems->len;
}

/**
 * rahnuma_validation_get_problem:
 *
 * Returns: (transfer none): problem @index, valid as long as @validation
 */
const RahnumaProblem *
rahnuma_validation_get_problem (RahnumaValidation *validation,
                                guint              index)
{
  g_return_val_if_fail (validation != NULL, NULL);
  g_return_val_if_fail (index < validation->problems->len, NULL);
  return g_ptr_array_index (validation->problems, index);
}

/**
 * rahnuma_validation_count:
 * @validation: a #RahnumaValidation
 * @severity: errors or warnings
 *
 * Returns: how many problems of @severity were found
 */
guint
rahnuma_validation_count (RahnumaValidation *validation,
                          RahnumaSeverity    severity)
{
  guint n = 0;

  g_return_val_if_fail (validation != NULL, 0);
  for (guint i = 0; i < validation->problems->len; i++)
    n += ((RahnumaProblem *) g_ptr_array_index (validation->problems, i))->severity == severity;
  return n;
}

/**
 * rahnuma_validation_count_code:
 * @validation: a #RahnumaValidation
 * @code: a kind of problem
 *
 * Returns: how many problems of kind @code were found
 */
guint
rahnuma_validation_count_code (RahnumaValidation  *validation,
                               RahnumaProblemCode  code)
{
  guint n = 0;

  g_return_val_if_fail (validation != NULL, 0);
  for (guint i = 0; i < validation->problems->len; i++)
    n += ((RahnumaProblem *) g_ptr_array_index (validation->problems, i))->code == code;
  return n;
}

/**
 * rahnuma_problem_code_to_string:
 *
 * Returns: (transfer none): a stable, untranslated name for scripts, e.g. "missing-narration"
 */
const char *
rahnuma_problem_code_to_string (RahnumaProblemCode code)
{
  static const char * const names[] = {
    [RAHNUMA_PROBLEM_NO_MODULE_FILE] = "no-module-file",
    [RAHNUMA_PROBLEM_PARSE] = "parse",
    [RAHNUMA_PROBLEM_MISSING_KEY] = "missing-key",
    [RAHNUMA_PROBLEM_BAD_VALUE] = "bad-value",
    [RAHNUMA_PROBLEM_MISSING_TRANSLATION] = "missing-translation",
    [RAHNUMA_PROBLEM_PLACEHOLDER] = "placeholder",
    [RAHNUMA_PROBLEM_TEXT_TOO_LONG] = "text-too-long",
    [RAHNUMA_PROBLEM_MISSING_NARRATION] = "missing-narration",
    [RAHNUMA_PROBLEM_NARRATION_FALLBACK] = "narration-fallback",
    [RAHNUMA_PROBLEM_SCENE_MEDIA] = "scene-media",
    [RAHNUMA_PROBLEM_MEDIA_OUTSIDE] = "media-outside",
    [RAHNUMA_PROBLEM_MISSING_MEDIA] = "missing-media",
    [RAHNUMA_PROBLEM_UNPLAYABLE_MEDIA] = "unplayable-media",
    [RAHNUMA_PROBLEM_DUPLICATE_ID] = "duplicate-id",
    [RAHNUMA_PROBLEM_GROUP_GAP] = "group-gap",
    [RAHNUMA_PROBLEM_UNKNOWN_GROUP] = "unknown-group",
    [RAHNUMA_PROBLEM_BAD_CORRECT] = "bad-correct",
    [RAHNUMA_PROBLEM_CHOICE_COUNT] = "choice-count",
    [RAHNUMA_PROBLEM_NO_SOURCES] = "no-sources",
    [RAHNUMA_PROBLEM_SCENE_COUNT] = "scene-count",
    [RAHNUMA_PROBLEM_QUESTION_COUNT] = "question-count",
    [RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE] = "unknown-language",
    [RAHNUMA_PROBLEM_SPECIAL_FILE] = "special-file",
    [RAHNUMA_PROBLEM_NOT_UTF8] = "not-utf8",
    [RAHNUMA_PROBLEM_MEDIA_TOO_LARGE] = "media-too-large",
    [RAHNUMA_PROBLEM_CAPTION_WORDS] = "caption-words",
    [RAHNUMA_PROBLEM_SENTENCE_WORDS] = "sentence-words",
    [RAHNUMA_PROBLEM_FEW_CHOICES] = "few-choices",
    [RAHNUMA_PROBLEM_LONGEST_ANSWER] = "longest-answer",
    [RAHNUMA_PROBLEM_SHORTEST_ANSWER] = "shortest-answer",
    [RAHNUMA_PROBLEM_ANSWER_POSITION] = "answer-position",
    [RAHNUMA_PROBLEM_STALE_MEDIA] = "stale-media",
    [RAHNUMA_PROBLEM_AUDIO_LEVEL] = "audio-level",
  };

  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (names), NULL);
  return names[code];
}

/**
 * rahnuma_severity_to_string:
 * @severity: a #RahnumaSeverity
 *
 * Returns: (transfer none): "error" or "warning", untranslated (for
 *   `module validate --json`)
 */
const char *
rahnuma_severity_to_string (RahnumaSeverity severity)
{
  return severity == RAHNUMA_SEVERITY_ERROR ? "error" : "warning";
}
