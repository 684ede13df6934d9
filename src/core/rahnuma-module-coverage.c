/* rahnuma-module-coverage.c — how far a module is written and recorded in each language
 *
 * What `rahnuma-admin module list`, `module po` and the studio show: which
 * texts a package has in a language (reviewed, machine-made or missing) and
 * which narrations are recorded in it. Reads module.ini the way the
 * validator (rahnuma-validator.c) does, through its helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-validator"

#include "config.h"

#include <string.h>

#include "rahnuma-validator.h"
#include "rahnuma-validator-private.h"

#define MODULE_GROUP "Module"

/* Coverage, for “rahnuma-admin module list” ------------------------------ */

static gboolean
has_text (GKeyFile *key_file, const char *group, const char *key, const char *lang)
{
  g_autofree char *full_key = g_str_equal (lang, "en") ? g_strdup (key) : rahnuma_validator_localized_key (key, lang);
  g_autofree char *value = rahnuma_validator_dup_value (key_file, group, full_key);

  return value != NULL && strstr (value, RAHNUMA_PLACEHOLDER_MARK) == NULL;
}

static gboolean
question_has_texts (GKeyFile *key_file, RahnumaQuestion *question, const char *lang)
{
  const char *group = rahnuma_question_get_group (question);

  if (!has_text (key_file, group, "Text", lang) || !has_text (key_file, group, "Explanation", lang))
    return FALSE;
  for (guint c = 0; c < rahnuma_question_get_n_choices (question); c++)
    {
      g_autofree char *key = g_strdup_printf ("Choice%u", c + 1);

      if (!has_text (key_file, group, key, lang))
        return FALSE;
    }
  return TRUE;
}

/**
 * rahnuma_module_has_all_texts:
 * @lang: a language code
 *
 * Returns: whether every text of @module is written (not a placeholder) in @lang
 */
gboolean
rahnuma_module_has_all_texts (RahnumaModule *module,
                              const char    *lang)
{
  GKeyFile *key_file;

  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  key_file = rahnuma_module_get_key_file (module);
  if (!has_text (key_file, MODULE_GROUP, "Title", lang) || !has_text (key_file, MODULE_GROUP, "Summary", lang))
    return FALSE;
  for (guint i = 0; i < rahnuma_module_get_n_scenes (module); i++)
    if (!has_text (key_file, rahnuma_scene_get_group (rahnuma_module_get_scene (module, i)), "Caption", lang))
      return FALSE;
  for (guint i = 0; i < rahnuma_module_get_n_questions (module); i++)
    if (!question_has_texts (key_file, rahnuma_module_get_question (module, i), lang))
      return FALSE;
  return TRUE;
}

static guint
count_recorded (RahnumaModule *module, const char *group, const char *key, const char *lang)
{
  g_autofree char *full_key = rahnuma_validator_localized_key (key, lang);
  g_autofree char *value = rahnuma_validator_dup_value (rahnuma_module_get_key_file (module), group, full_key);
  g_autofree char *path = NULL;

  if (value == NULL || !rahnuma_validator_stays_inside (value))
    return 0;
  path = g_build_filename (rahnuma_module_get_dir (module), value, NULL);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? 1 : 0;
}

/**
 * rahnuma_module_has_narration:
 * @group: "Scene N" or "Question N"
 * @key: "Narration" or "ExplanationNarration", without a language
 * @lang: a language code
 *
 * Whether @group has its own recording in @lang (not a fallback's): the key
 * names a file inside the package that exists. rahnuma_module_count_narration()
 * counts the same.
 */
gboolean
rahnuma_module_has_narration (RahnumaModule *module, const char *group, const char *key, const char *lang)
{
  g_return_val_if_fail (RAHNUMA_IS_MODULE (module), FALSE);
  return count_recorded (module, group, key, lang) == 1;
}

/**
 * rahnuma_module_count_narration:
 * @lang: a language code
 * @n_recorded: (out): narrations present in @lang itself, not through a fallback
 * @n_needed: (out): narrations a module has: one per scene, two per question
 */
void
rahnuma_module_count_narration (RahnumaModule *module,
                                const char    *lang,
                                guint         *n_recorded,
                                guint         *n_needed)
{
  guint recorded = 0;
  guint n_scenes, n_questions;

  g_return_if_fail (RAHNUMA_IS_MODULE (module));
  g_return_if_fail (lang != NULL);

  n_scenes = rahnuma_module_get_n_scenes (module);
  n_questions = rahnuma_module_get_n_questions (module);
  for (guint i = 0; i < n_scenes; i++)
    recorded += count_recorded (module, rahnuma_scene_get_group (rahnuma_module_get_scene (module, i)),
                                "Narration", lang);
  for (guint i = 0; i < n_questions; i++)
    {
      const char *group = rahnuma_question_get_group (rahnuma_module_get_question (module, i));

      recorded += count_recorded (module, group, "Narration", lang);
      recorded += count_recorded (module, group, "ExplanationNarration", lang);
    }
  if (n_recorded != NULL)
    *n_recorded = recorded;
  if (n_needed != NULL)
    *n_needed = n_scenes + 2 * n_questions;
}

/* Texts and their translations ------------------------------------------- */

static void
add_text_key (GPtrArray *keys, GKeyFile *key_file, const char *group, const char *key)
{
  if (g_key_file_has_key (key_file, group, key, NULL))
    g_ptr_array_add (keys, g_strdup_printf ("%s/%s", group, key));
}

/**
 * rahnuma_module_dup_text_keys:
 * @key_file: a loaded module.ini
 *
 * Every text a visitor reads, as "Group/Key" of its English key, in the
 * file's order: [Module] Title and Summary, each scene's Caption, each
 * question's Text, ChoiceN and Explanation. (The PO files of
 * `rahnuma-admin module po` use these as msgctxt.)
 *
 * Returns: (transfer full) (element-type utf8): the keys
 */
GPtrArray *
rahnuma_module_dup_text_keys (GKeyFile *key_file)
{
  g_auto(GStrv) groups = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (key_file != NULL, keys);

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];

      if (g_str_equal (group, MODULE_GROUP))
        {
          add_text_key (keys, key_file, group, "Title");
          add_text_key (keys, key_file, group, "Summary");
        }
      else if (rahnuma_validator_group_number (group, "Scene") > 0)
        add_text_key (keys, key_file, group, "Caption");
      else if (rahnuma_validator_group_number (group, "Question") > 0)
        {
          add_text_key (keys, key_file, group, "Text");
          for (guint n = 1; n <= 16; n++)
            {
              g_autofree char *choice = g_strdup_printf ("Choice%u", n);

              add_text_key (keys, key_file, group, choice);
            }
          add_text_key (keys, key_file, group, "Explanation");
        }
    }
  return keys;
}

/**
 * rahnuma_key_file_is_machine_translated:
 * @key_file: a loaded module.ini
 * @lang: a language code
 *
 * Returns: whether [Module] MachineTranslated= lists @lang: its texts are
 *   machine-made, not yet checked by a native speaker
 */
gboolean
rahnuma_key_file_is_machine_translated (GKeyFile *key_file, const char *lang)
{
  g_auto(GStrv) machine = g_key_file_get_string_list (key_file, MODULE_GROUP, "MachineTranslated", NULL, NULL);

  for (guint i = 0; machine != NULL && machine[i] != NULL; i++)
    if (g_str_equal (g_strstrip (machine[i]), lang))
      return TRUE;
  return FALSE;
}

/**
 * rahnuma_module_count_texts:
 * @key_file: a loaded module.ini
 * @lang: a language code
 * @n_reviewed: (out): texts written in @lang and checked
 * @n_machine: (out): texts written in @lang by a machine (MachineTranslated=)
 * @n_missing: (out): texts with no @lang version, or a TODO one
 */
void
rahnuma_module_count_texts (GKeyFile   *key_file,
                            const char *lang,
                            guint      *n_reviewed,
                            guint      *n_machine,
                            guint      *n_missing)
{
  g_autoptr(GPtrArray) keys = rahnuma_module_dup_text_keys (key_file);
  gboolean machine = rahnuma_key_file_is_machine_translated (key_file, lang);
  guint written = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *slash = strchr (keys->pdata[i], '/');
      g_autofree char *group = g_strndup (keys->pdata[i], slash - (char *) keys->pdata[i]);

      written += has_text (key_file, group, slash + 1, lang);
    }
  *n_reviewed = machine ? 0 : written;
  *n_machine = machine ? written : 0;
  *n_missing = keys->len - written;
}
