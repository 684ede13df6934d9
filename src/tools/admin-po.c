/* admin-po.c — rahnuma-admin module po export|import: translators work in
 * PO files (Poedit, Weblate), module.ini keeps the translations
 *
 * One entry per text a visitor reads (rahnuma_module_dup_text_keys()):
 * msgctxt "Scene 2/Caption", msgid the English, msgstr the translation,
 * "#." lines the comments above the English key in module.ini. Texts of a
 * language listed in MachineTranslated= are exported "fuzzy": a reviewer
 * removes the mark. Import writes back the entries without it, each by
 * editing its own line, so everything else in module.ini stays byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rahnuma-admin.h"
#include "rahnuma-ini-edit.h"
#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-validator.h"

#define EXIT_OK       0
#define EXIT_PROBLEMS 1
#define EXIT_NOT_RUN  2

static GKeyFile *
load_ini (const char *dir, GError **error)
{
  g_autofree char *path = g_build_filename (dir, RAHNUMA_MODULE_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char *text;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  text = rahnuma_module_skip_bom (contents, &length);
  if (!g_key_file_load_from_data (key_file, text, length, G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                  error))
    return NULL;
  return g_steal_pointer (&key_file);
}

/* export ------------------------------------------------------------------ */

static void
append_po_string (GString *out, const char *keyword, const char *text)
{
  g_string_append_printf (out, "%s \"", keyword);
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append (out, "\"\n");
}

static void
append_header (GString *out, GKeyFile *key_file, const char *lang)
{
  g_autofree char *id = g_key_file_get_string (key_file, "Module", "Id", NULL);
  g_autofree char *version = g_key_file_get_string (key_file, "Module", "Version", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M+0000");
  g_autofree char *header = NULL;
  g_auto(GStrv) fields = NULL;

  header = g_strdup_printf (
    "Project-Id-Version: %s %s\nReport-Msgid-Bugs-To: \nPO-Revision-Date: %s\n"
    "Last-Translator: \nLanguage-Team: \nLanguage: %s\nMIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n",
    id != NULL ? id : "module", version != NULL ? version : "1", date, lang);

  g_string_append_printf (out, "# Texts of the Rahnuma lesson %s, for translating into %s.\n"
                               "# Merge back with: rahnuma-admin module po import DIR FILE.po\n",
                          id != NULL ? id : "", lang);
  append_po_string (out, "msgid", "");
  g_string_append (out, "msgstr \"\"\n");
  /* One header field a line, as gettext's tools write them. */
  fields = g_strsplit (header, "\n", -1);
  for (guint i = 0; fields[i] != NULL && *fields[i] != '\0'; i++)
    g_string_append_printf (out, "\"%s\\n\"\n", fields[i]);
}

static void
append_entry (GString *out, GKeyFile *key_file, const char *context, const char *lang, gboolean machine)
{
  const char *slash = strchr (context, '/');
  g_autofree char *group = g_strndup (context, slash - context);
  g_autofree char *localized = g_strdup_printf ("%s[%s]", slash + 1, lang);
  g_autofree char *english = g_key_file_get_string (key_file, group, slash + 1, NULL);
  g_autofree char *translation = g_key_file_get_string (key_file, group, localized, NULL);
  g_autofree char *comment = g_key_file_get_comment (key_file, group, slash + 1, NULL);

  if (english == NULL || *english == '\0')
    return;
  if (translation != NULL && strstr (translation, RAHNUMA_PLACEHOLDER_MARK) != NULL)
    g_clear_pointer (&translation, g_free);
  g_string_append_c (out, '\n');
  if (comment != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (g_strchomp (comment), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (out, "#. %s\n", g_strstrip (lines[i]));
    }
  if (machine && translation != NULL)
    g_string_append (out, "#, fuzzy\n");
  append_po_string (out, "msgctxt", context);
  append_po_string (out, "msgid", english);
  append_po_string (out, "msgstr", translation != NULL ? translation : "");
}

static int
run_export (int argc, char **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The language to translate into: ur, ps or pa_PK"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DIR"));
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write a package's texts as a PO file for translators; "
                                           "machine translations are marked fuzzy."));
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || lang == NULL ||
      !rahnuma_language_is_valid (lang) || g_str_equal (lang, "en"))
    {
      /* Translators: a usage error of rahnuma-admin module po export; keep --lang and the codes */
      g_printerr ("%s\n", error != NULL ? error->message : _("Give one package folder and --lang ur, ps or pa_PK."));
      return EXIT_NOT_RUN;
    }
  if ((key_file = load_ini (argv[1], &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_NOT_RUN;
    }
  append_header (out, key_file, lang);
  keys = rahnuma_module_dup_text_keys (key_file);
  for (guint i = 0; i < keys->len; i++)
    append_entry (out, key_file, keys->pdata[i], lang, rahnuma_key_file_is_machine_translated (key_file, lang));
  if (output == NULL)
    fputs (out->str, stdout);
  else if (!g_file_set_contents (output, out->str, out->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_NOT_RUN;
    }
  return EXIT_OK;
}

/* import ------------------------------------------------------------------ */

typedef struct
{
  char *context;
  GString *msgid;
  GString *msgstr;
  gboolean fuzzy;
  GString **target; /* the string a continuation line adds to */
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->context, g_free);
  if (entry->msgid != NULL)
    g_string_free (entry->msgid, TRUE);
  if (entry->msgstr != NULL)
    g_string_free (entry->msgstr, TRUE);
  memset (entry, 0, sizeof *entry);
}

/* The text of a "…" PO string, unescaped; NULL if @quoted is not one. */
static char *
unquote (const char *quoted)
{
  g_autofree char *inner = NULL;
  gsize length = strlen (quoted);

  if (length < 2 || quoted[0] != '"' || quoted[length - 1] != '"')
    return NULL;
  inner = g_strndup (quoted + 1, length - 2);
  return g_strcompress (inner);
}

typedef struct
{
  char *ini_path;
  GKeyFile *key_file;
  const char *lang;
  guint n_written;
  guint n_fuzzy;
  guint n_empty;
  GError *error;
} Import;

static void
merge_entry (Import *import, Entry *entry)
{
  const char *slash;
  g_autofree char *group = NULL;
  g_autofree char *key = NULL;
  g_autofree char *current = NULL;

  if (entry->context == NULL || entry->msgstr == NULL || import->error != NULL ||
      (slash = strchr (entry->context, '/')) == NULL)
    return;
  if (entry->msgstr->len == 0 || entry->fuzzy)
    {
      import->n_empty += entry->msgstr->len == 0;
      import->n_fuzzy += entry->msgstr->len > 0;
      return;
    }
  group = g_strndup (entry->context, slash - entry->context);
  key = g_strdup_printf ("%s[%s]", slash + 1, import->lang);
  current = g_key_file_get_string (import->key_file, group, key, NULL);
  /* An unchanged translation is not written again: its line stays as it is. */
  if (g_strcmp0 (current, entry->msgstr->str) == 0)
    return;
  if (rahnuma_ini_save_key (import->ini_path, group, key, entry->msgstr->str, &import->error))
    import->n_written++;
}

/* One line of a PO file; an entry ends at a blank line or the next comment. */
static void
read_po_line (Import *import, Entry *entry, const char *line)
{
  g_autofree char *value = NULL;
  const char *space = strchr (line, ' ');

  if (*line == '\0' || (*line == '#' && entry->msgstr != NULL))
    {
      merge_entry (import, entry);
      entry_clear (entry);
    }
  if (g_str_has_prefix (line, "#,"))
    entry->fuzzy = strstr (line, "fuzzy") != NULL;
  if (*line == '"' && entry->target != NULL && (value = unquote (line)) != NULL)
    g_string_append (*entry->target, value);
  if (*line == '#' || *line == '"' || space == NULL || (value = unquote (space + 1)) == NULL)
    return;
  if (g_str_has_prefix (line, "msgctxt "))
    {
      g_free (entry->context);
      entry->context = g_steal_pointer (&value);
      entry->target = NULL;
    }
  else if (g_str_has_prefix (line, "msgid "))
    {
      entry->msgid = g_string_new (value);
      entry->target = &entry->msgid;
    }
  else if (g_str_has_prefix (line, "msgstr "))
    {
      entry->msgstr = g_string_new (value);
      entry->target = &entry->msgstr;
    }
}

static int
run_import (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *lang = NULL;
  Import import = { 0 };
  Entry entry = { 0 };

  if (argc != 3)
    {
      /* Translators: keep the command; DIR and FILE may be translated */
      g_printerr ("%s\n", _("Usage: rahnuma-admin module po import DIR FILE.po"));
      return EXIT_NOT_RUN;
    }
  if ((import.key_file = load_ini (argv[1], &error)) == NULL || !g_file_get_contents (argv[2], &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      g_clear_pointer (&import.key_file, g_key_file_unref);
      return EXIT_NOT_RUN;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lang == NULL; i++)
    if (g_str_has_prefix (lines[i], "\"Language: "))
      lang = g_strndup (lines[i] + 11, strcspn (lines[i] + 11, "\\\""));
  if (lang == NULL || !rahnuma_language_is_valid (lang) || g_str_equal (lang, "en"))
    {
      /* Translators: "Language:" is a PO file header field; do not translate it */
      g_printerr ("%s\n", _("The PO file names no kiosk language in its Language: header (ur, ps or pa_PK)."));
      g_key_file_unref (import.key_file);
      return EXIT_NOT_RUN;
    }
  import.lang = lang;
  import.ini_path = g_build_filename (argv[1], RAHNUMA_MODULE_FILE, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    read_po_line (&import, &entry, g_strstrip (lines[i]));
  merge_entry (&import, &entry);
  entry_clear (&entry);
  g_key_file_unref (import.key_file);
  g_free (import.ini_path);
  if (import.error != NULL)
    {
      g_printerr ("%s\n", import.error->message);
      g_error_free (import.error);
      return EXIT_NOT_RUN;
    }
  /* Translators: a summary after merging a PO file; %s is a language code */
  g_print (_("%s: %u translation(s) written; %u still fuzzy and %u untranslated were left as they were.\n"),
           lang, import.n_written, import.n_fuzzy, import.n_empty);
  return EXIT_OK;
}

/**
 * rahnuma_admin_module_po:
 *
 * `rahnuma-admin module po export|import …`
 *
 * Returns: the exit status
 */
int
rahnuma_admin_module_po (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return run_export (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return run_import (argc - 1, argv + 1);
  /* Translators: keep the commands and options; DIR, LANG and FILE may be translated */
  g_printerr ("%s\n", _("Usage: rahnuma-admin module po export DIR --lang LANG [-o FILE]\n"
                        "       rahnuma-admin module po import DIR FILE.po"));
  return EXIT_NOT_RUN;
}
