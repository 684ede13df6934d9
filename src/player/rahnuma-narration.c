/* rahnuma-narration.c — check a recorded narration and save it into a
 * package: the clip renamed into place, module.ini's Narration key and
 * media.sums. Shared by `rahnuma-admin module record` and rahnuma-studio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rahnuma-ini-edit.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-media-sums.h"
#include "rahnuma-module.h"
#include "rahnuma-narration.h"

/**
 * rahnuma_narration_note_text:
 * @module_dir: the package
 * @ini_path: its module.ini
 * @group: e.g. "Scene 1"
 * @key: e.g. "Narration[ps]"
 * @relative: the clip, relative to @module_dir
 * @error: a #GFileError or #GKeyFileError
 *
 * Notes in media.sums that the clip says the text module.ini has now, so
 * `validate` can tell when that text changes (issue 16 item 2).
 *
 * Returns: %TRUE when media.sums was saved
 */
gboolean
rahnuma_narration_note_text (const char *module_dir, const char *ini_path, const char *group,
                             const char *key, const char *relative, GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RahnumaMediaSums) sums = rahnuma_media_sums_load (module_dir, error);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  const char *start;
  gsize length;

  if (sums == NULL || !g_file_get_contents (ini_path, &contents, &length, error))
    return FALSE;
  start = rahnuma_module_skip_bom (contents, &length);
  if (!g_key_file_load_from_data (key_file, start, length, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  text = rahnuma_media_dup_source_text (key_file, group, key);
  return rahnuma_media_sums_record (sums, relative, text != NULL ? text : "", error) &&
         rahnuma_media_sums_save (sums, error);
}

/**
 * rahnuma_narration_check_levels:
 * @path: a recorded clip
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR saying what was measured and what to do
 *
 * A visitor must hear the words: silence (no microphone; peak below
 * %RAHNUMA_AUDIO_SILENT_PEAK_DB) or clipping (more than
 * %RAHNUMA_AUDIO_MAX_CLIPPED_S at full scale) is refused before anything is
 * saved, with the measured figure. Measures with rahnuma_media_measure_audio(),
 * which runs its own pipeline: safe in a worker thread.
 *
 * Returns: %TRUE when the clip may be saved
 */
gboolean
rahnuma_narration_check_levels (const char *path, GError **error)
{
  RahnumaAudioLevels levels;

  if (!rahnuma_media_measure_audio (path, &levels, NULL, error))
    return FALSE;
  if (levels.peak_db < RAHNUMA_AUDIO_SILENT_PEAK_DB)
    {
      g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                   /* Translators: %.0f is a level in dBFS (decibels below full scale), e.g. -62 */
                   _("The recording is silent (its loudest moment is %.0f dBFS), so nothing was saved. "
                     "Check that the microphone is connected and not muted, then record again."),
                   MAX (levels.peak_db, -120.0));
      return FALSE;
    }
  if (levels.clipped_seconds > RAHNUMA_AUDIO_MAX_CLIPPED_S)
    {
      g_set_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_FAILED,
                   /* Translators: %.1f is a time in seconds */
                   _("The recording is clipped (%.1f s of it at full volume), so nothing was saved. "
                     "Speak a little further from the microphone, or turn its volume down, and record again."),
                   levels.clipped_seconds);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_playable (const char *temp_path, GError **error)
{
  g_autoptr(RahnumaMediaProbe) probe = rahnuma_media_probe_new (error);

  return probe != NULL && rahnuma_media_probe_check (temp_path, RAHNUMA_MEDIA_AUDIO, probe, error);
}

/**
 * rahnuma_narration_save:
 * @module_dir: the package
 * @temp_path: the finished recording, in the same folder as its destination
 * @group: e.g. "Question 2"
 * @key: e.g. "ExplanationNarration[ps]"
 * @relative: where the clip goes, relative to @module_dir (e.g. audio/ps/explanation-2.ogg)
 * @error: a #RAHNUMA_MEDIA_PROBE_ERROR (unplayable, silent, clipped), #GFileError
 *   or #GKeyFileError
 *
 * Checks that @temp_path plays and is neither silent nor clipped
 * (rahnuma_narration_check_levels()), renames it over @relative (atomic:
 * a kiosk never reads half a clip), sets [@group] @key=@relative in
 * module.ini (rahnuma_ini_save_key()) and notes the text in media.sums.
 * @temp_path is deleted when the clip is refused. Blocking: call it from a
 * worker thread in a GUI.
 *
 * Returns: %TRUE when the clip, module.ini and media.sums are saved
 */
gboolean
rahnuma_narration_save (const char *module_dir, const char *temp_path, const char *group,
                        const char *key, const char *relative, GError **error)
{
  g_autofree char *path = g_build_filename (module_dir, relative, NULL);
  g_autofree char *ini_path = g_build_filename (module_dir, RAHNUMA_MODULE_FILE, NULL);

  if (!check_playable (temp_path, error) || !rahnuma_narration_check_levels (temp_path, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_chmod (temp_path, 0644) != 0 || g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      g_unlink (temp_path);
      return FALSE;
    }
  return rahnuma_ini_save_key (ini_path, group, key, relative, error) &&
         rahnuma_narration_note_text (module_dir, ini_path, group, key, relative, error);
}

/**
 * rahnuma_narration_make_temp:
 * @path: where the clip will go
 * @error: a #GFileError
 *
 * Creates an empty hidden file beside @path (".scene-1.ogg.XXXXXX") to
 * record into, so the final rename stays on one file system.
 *
 * Returns: (transfer full) (nullable): the temporary file's path
 */
char *
rahnuma_narration_make_temp (const char *path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  int fd;

  if (g_mkdir_with_parents (folder, 0755) != 0 || (fd = g_mkstemp (temp_path)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp_path);
}

/**
 * rahnuma_narration_dup_relative_path:
 * @key_file: the package's module.ini
 * @group: "Scene N" or "Question N"
 * @key: "Narration[LANG]" or "ExplanationNarration[LANG]"
 * @lang: LANG
 *
 * Where a recording for @key goes: the Ogg file @key names already, if it
 * is inside the package (a re-recording replaces it), else
 * audio/LANG/scene-N.ogg, question-N.ogg or explanation-N.ogg.
 *
 * Returns: (transfer full): a path relative to the package
 */
char *
rahnuma_narration_dup_relative_path (GKeyFile *key_file, const char *group, const char *key,
                                     const char *lang)
{
  g_autofree char *current = g_key_file_get_string (key_file, group, key, NULL);
  gboolean scene = g_str_has_prefix (group, "Scene ");
  const char *number = strchr (group, ' ');

  if (current != NULL && g_str_has_suffix (current, ".ogg") && !g_path_is_absolute (current) &&
      strstr (current, "..") == NULL)
    return g_steal_pointer (&current);
  return g_strdup_printf ("audio/%s/%s-%s.ogg", lang,
                          scene ? "scene" : g_str_has_prefix (key, "Explanation") ? "explanation" : "question",
                          number != NULL ? number + 1 : "1");
}
