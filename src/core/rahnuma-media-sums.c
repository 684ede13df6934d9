/* rahnuma-media-sums.c — which text each picture and narration clip was made
 * from, so that a changed caption does not go on with an old picture or voice
 *
 * media.sums sits beside module.ini. Each line is
 *
 *   FILE-SHA256 TEXT-SHA256 PATH
 *
 * where PATH is the media file relative to the package, FILE-SHA256 the
 * SHA-256 of its bytes when it was made, and TEXT-SHA256 the SHA-256 of the
 * UTF-8 text it was made from (rahnuma_media_dup_source_text()), or
 * "placeholder". Lines starting with '#' are comments. The file hash lets a
 * picture a trainer drew by hand, copied over the generated one, count as
 * theirs rather than stale. media/make-media, `module new` and
 * `module record` write it; the validator reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-media-sums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-media-sums.h"

struct _RahnumaMediaSums
{
  char *dir;
  GHashTable *entries; /* relative path → "FILEHASH TEXTHASH" */
};

/* Hashes ----------------------------------------------------------------- */

/**
 * rahnuma_media_sums_hash_text:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): the SHA-256 of @text's bytes, in lower-case hex
 */
char *
rahnuma_media_sums_hash_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static char *
hash_file (const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[16384];
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Source texts ------------------------------------------------------------ */

static char *
dup_text (GKeyFile *key_file, const char *group, const char *key, const char *lang)
{
  g_autofree char *full = lang == NULL || g_str_equal (lang, "en")
                            ? g_strdup (key) : g_strdup_printf ("%s[%s]", key, lang);

  return g_key_file_get_string (key_file, group, full, NULL);
}

/* The question and its choices, one a line, as the narration reads them. */
static char *
dup_question_text (GKeyFile *key_file, const char *group, const char *lang)
{
  g_autofree char *text = dup_text (key_file, group, "Text", lang);
  GString *all;

  if (text == NULL)
    return NULL;
  all = g_string_new (text);
  for (guint n = 1; n <= 16; n++)
    {
      g_autofree char *key = g_strdup_printf ("Choice%u", n);
      g_autofree char *choice = dup_text (key_file, group, key, lang);

      if (choice == NULL)
        break;
      g_string_append_printf (all, "\n%s", choice);
    }
  return g_string_free (all, FALSE);
}

/**
 * rahnuma_media_dup_source_text:
 * @key_file: a loaded module.ini
 * @group: "Scene N" or "Question N"
 * @media_key: the key naming the file, e.g. "Picture[ur]", "Narration[ps]"
 *
 * The text a picture or narration was made from: a scene's Caption in the
 * key's language (English for a key without one); a question's Text and
 * choices, one a line, for its Narration; its Explanation for
 * ExplanationNarration. media/make-media computes the same.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the key has none
 */
char *
rahnuma_media_dup_source_text (GKeyFile   *key_file,
                               const char *group,
                               const char *media_key)
{
  const char *open;
  g_autofree char *base = NULL;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (key_file != NULL && group != NULL && media_key != NULL, NULL);

  open = strchr (media_key, '[');
  base = open != NULL ? g_strndup (media_key, open - media_key) : g_strdup (media_key);
  if (open != NULL && g_str_has_suffix (open, "]"))
    lang = g_strndup (open + 1, strlen (open) - 2);

  if (g_str_has_prefix (group, "Scene "))
    return dup_text (key_file, group, "Caption", lang);
  if (!g_str_has_prefix (group, "Question "))
    return NULL;
  if (g_str_equal (base, "ExplanationNarration"))
    return dup_text (key_file, group, "Explanation", lang);
  if (g_str_equal (base, "Narration"))
    return dup_question_text (key_file, group, lang);
  return dup_text (key_file, group, "Text", lang);
}

/* The file ---------------------------------------------------------------- */

static void
parse_line (RahnumaMediaSums *sums, const char *line)
{
  g_auto(GStrv) fields = NULL;

  if (*line == '\0' || *line == '#')
    return;
  fields = g_strsplit (line, " ", 3);
  if (g_strv_length (fields) != 3 || strlen (fields[0]) != 64 || *fields[2] == '\0')
    {
      g_debug ("media.sums: skipping a line that is not FILE TEXT PATH");
      return;
    }
  g_hash_table_insert (sums->entries, g_strdup (fields[2]),
                       g_strdup_printf ("%s %s", fields[0], fields[1]));
}

/**
 * rahnuma_media_sums_new:
 * @package_dir: a module package folder
 *
 * Returns: (transfer full): empty sums for @package_dir, as if it had no media.sums
 */
RahnumaMediaSums *
rahnuma_media_sums_new (const char *package_dir)
{
  RahnumaMediaSums *sums = g_new0 (RahnumaMediaSums, 1);

  g_return_val_if_fail (package_dir != NULL, NULL);

  sums->dir = g_strdup (package_dir);
  sums->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return sums;
}

/**
 * rahnuma_media_sums_load:
 * @package_dir: a module package folder
 * @error: a #GFileError when media.sums exists but cannot be read
 *
 * A missing media.sums is an empty one.
 *
 * Returns: (transfer full) (nullable): the sums; free with rahnuma_media_sums_free()
 */
RahnumaMediaSums *
rahnuma_media_sums_load (const char *package_dir, GError **error)
{
  g_autoptr(RahnumaMediaSums) sums = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (package_dir != NULL, NULL);

  sums = rahnuma_media_sums_new (package_dir);
  path = g_build_filename (package_dir, RAHNUMA_MEDIA_SUMS_FILE, NULL);
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&sums);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  {
    g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      parse_line (sums, g_strchomp (lines[i]));
  }
  return g_steal_pointer (&sums);
}

/**
 * rahnuma_media_sums_free:
 * @sums: (nullable) (transfer full): from rahnuma_media_sums_load()
 *
 * Frees @sums; %NULL is allowed.
 */
void
rahnuma_media_sums_free (RahnumaMediaSums *sums)
{
  if (sums == NULL)
    return;
  g_clear_pointer (&sums->entries, g_hash_table_unref);
  g_free (sums->dir);
  g_free (sums);
}

/**
 * rahnuma_media_sums_record:
 * @relative: the media file, relative to the package; it must exist
 * @text: (nullable): the text it was made from; %NULL for a placeholder
 * @error: a #GIOError when the file cannot be read
 *
 * Notes that @relative, as it is now, was made from @text. Call
 * rahnuma_media_sums_save() to write it down.
 *
 * Returns: %TRUE when the file could be hashed
 */
gboolean
rahnuma_media_sums_record (RahnumaMediaSums  *sums,
                           const char        *relative,
                           const char        *text,
                           GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *file_hash = NULL;
  g_autofree char *text_hash = NULL;

  g_return_val_if_fail (sums != NULL && relative != NULL, FALSE);

  path = g_build_filename (sums->dir, relative, NULL);
  if ((file_hash = hash_file (path, error)) == NULL)
    return FALSE;
  text_hash = text != NULL ? rahnuma_media_sums_hash_text (text) : g_strdup (RAHNUMA_MEDIA_SUMS_PLACEHOLDER);
  g_hash_table_insert (sums->entries, g_strdup (relative), g_strdup_printf ("%s %s", file_hash, text_hash));
  return TRUE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * rahnuma_media_sums_save:
 *
 * Writes media.sums, sorted by path, replacing the old one atomically.
 *
 * Returns: %TRUE on success, else a #GFileError
 */
gboolean
rahnuma_media_sums_save (RahnumaMediaSums *sums, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) out = g_string_new ("# Which text each picture and narration was made from "
                                         "(docs/module-format.md).\n"
                                         "# FILE-SHA256 TEXT-SHA256 PATH\n");
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (sums != NULL, FALSE);

  g_hash_table_iter_init (&iter, sums->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "%s %s\n", (char *) g_hash_table_lookup (sums->entries, keys->pdata[i]),
                            (char *) keys->pdata[i]);
  path = g_build_filename (sums->dir, RAHNUMA_MEDIA_SUMS_FILE, NULL);
  return g_file_set_contents (path, out->str, out->len, error);
}

/**
 * rahnuma_media_sums_check:
 * @relative: a media file of the package, relative to it
 * @text: (nullable): the text the file should say now
 *
 * Returns: whether @relative is a placeholder, was made from @text, from an
 *   older text, or is of unknown origin (no entry; or replaced since, e.g.
 *   by a picture drawn by hand)
 */
RahnumaMediaOrigin
rahnuma_media_sums_check (RahnumaMediaSums *sums,
                          const char       *relative,
                          const char       *text)
{
  const char *entry;
  g_autofree char *path = NULL;
  g_autofree char *file_hash = NULL;
  g_autofree char *text_hash = NULL;

  g_return_val_if_fail (sums != NULL && relative != NULL, RAHNUMA_MEDIA_ORIGIN_UNKNOWN);

  entry = g_hash_table_lookup (sums->entries, relative);
  if (entry == NULL)
    return RAHNUMA_MEDIA_ORIGIN_UNKNOWN;
  path = g_build_filename (sums->dir, relative, NULL);
  file_hash = hash_file (path, NULL);
  if (file_hash == NULL || strncmp (entry, file_hash, 64) != 0)
    return RAHNUMA_MEDIA_ORIGIN_UNKNOWN;
  if (g_str_equal (entry + 65, RAHNUMA_MEDIA_SUMS_PLACEHOLDER))
    return RAHNUMA_MEDIA_ORIGIN_PLACEHOLDER;
  if (text == NULL)
    return RAHNUMA_MEDIA_ORIGIN_STALE;
  text_hash = rahnuma_media_sums_hash_text (text);
  return g_str_equal (entry + 65, text_hash) ? RAHNUMA_MEDIA_ORIGIN_CURRENT : RAHNUMA_MEDIA_ORIGIN_STALE;
}
