/* rahnuma-ini-edit.c — set one key of a trainer's module.ini, keeping every
 * other byte (comments, order, a byte order mark) as the trainer wrote it.
 * Used by `rahnuma-admin module record|import-media|po import` and the
 * narration studio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-ini-edit.h"
#include "rahnuma-module.h"

/* Sets Group's Key=value by editing module.ini's text, so everything else
 * (comments, blank lines, key order) stays byte for byte: the key's line
 * if there is one, else a commented-out "#Key=" line, else after the
 * group's last key. */
/**
 * rahnuma_ini_dup_line_key:
 * @stripped: one line of module.ini, without surrounding white space
 *
 * "Key[ur] = value" → "Key[ur]".
 *
 * Returns: (transfer full) (nullable): the key, or %NULL for a group
 *   header, a comment or a blank line
 */
char *
rahnuma_ini_dup_line_key (const char *stripped)
{
  const char *equals = strchr (stripped, '=');

  if (stripped[0] == '[' || stripped[0] == '#' || equals == NULL)
    return NULL;
  return g_strstrip (g_strndup (stripped, equals - stripped));
}

static char *
set_key_in_text (const char *contents, const char *group, const char *key, const char *value)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", group);
  g_autofree char *commented = g_strdup_printf ("#%s=", key);
  g_autoptr(GString) out = g_string_new (NULL);
  int key_line = -1, comment_line = -1, last_line = -1, replace;
  gboolean in_group = FALSE;

  for (int i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));
      g_autofree char *line_key = rahnuma_ini_dup_line_key (stripped);

      if (stripped[0] == '[')
        in_group = g_str_equal (stripped, header);
      if (!in_group)
        continue;
      if (stripped[0] == '[' || line_key != NULL)
        last_line = i;
      if (g_strcmp0 (line_key, key) == 0)
        key_line = i;
      else if (comment_line < 0 && g_str_has_prefix (stripped, commented))
        comment_line = i;
    }

  replace = key_line >= 0 ? key_line : comment_line;
  for (int i = 0; lines[i] != NULL; i++)
    {
      if (i == replace)
        g_string_append_printf (out, "%s=%s", key, value);
      else
        g_string_append (out, lines[i]);
      if (replace < 0 && i == last_line)
        g_string_append_printf (out, "\n%s=%s", key, value);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rahnuma_ini_save_key:
 * @ini_path: a module.ini
 * @group: the group, e.g. "Scene 1"
 * @key: the key, e.g. "Narration[ps]"
 * @value: the text to set, unescaped
 * @error: a #GFileError or #GKeyFileError
 *
 * Sets [@group] @key=@value by editing the line (see set_key_in_text()), so
 * comments and other keys stay byte for byte; replaces the file atomically.
 *
 * Returns: %TRUE when module.ini now reads @value there
 */
gboolean
rahnuma_ini_save_key (const char *ini_path, const char *group, const char *key, const char *value,
                        GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char *text;
  gsize length;

  if (!g_file_get_contents (ini_path, &contents, &length, error))
    return FALSE;
  /* A byte order mark Notepad wrote stays where it was. */
  text = rahnuma_module_skip_bom (contents, &length);
  {
    /* As GKeyFile writes it: a newline as \n, a leading space as \s. */
    g_autoptr(GKeyFile) escaper = g_key_file_new ();
    g_autofree char *raw = NULL;

    g_key_file_set_string (escaper, "G", "K", value);
    raw = g_key_file_get_value (escaper, "G", "K", NULL);
    updated = set_key_in_text (text, group, key, raw);
  }
  /* Never write a file the kiosk would read differently from what we meant. */
  if (!g_key_file_load_from_data (key_file, updated, -1, G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  check = g_key_file_get_string (key_file, group, key, NULL);
  if (g_strcmp0 (check, value) != 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   /* Translators: e.g. "Cannot set Narration[ps] in [Scene 1]" */
                   _("Cannot set %s in [%s]"), key, group);
      return FALSE;
    }
  if (text != contents)
    {
      char *marked = g_strconcat ("\xef\xbb\xbf", updated, NULL);

      g_free (updated);
      updated = marked;
    }
  /* g_file_set_contents writes a new file and renames it over the old one. */
  return g_file_set_contents (ini_path, updated, -1, error);
}
