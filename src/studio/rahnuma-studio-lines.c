/* rahnuma-studio-lines.c — which narrations a language still lacks: the
 * same keys `rahnuma-admin module record` writes and `module list` counts
 * (rahnuma_module_has_narration(), rahnuma_module_count_narration()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rahnuma-media-sums.h"
#include "rahnuma-narration.h"
#include "rahnuma-studio-lines.h"
#include "rahnuma-validator.h"

/**
 * rahnuma_studio_line_free:
 *
 * Frees @line and its strings.
 */
void
rahnuma_studio_line_free (RahnumaStudioLine *line)
{
  g_free (line->module_dir);
  g_free (line->title);
  g_free (line->group);
  g_free (line->key);
  g_free (line->relative);
  g_free (line->text);
  g_free (line);
}

static void
add_if_missing (GPtrArray *lines, RahnumaModule *module, const char *group, const char *base_key,
                const char *lang)
{
  GKeyFile *key_file = rahnuma_module_get_key_file (module);
  RahnumaStudioLine *line;

  if (rahnuma_module_has_narration (module, group, base_key, lang))
    return;
  line = g_new0 (RahnumaStudioLine, 1);
  line->module_dir = g_strdup (rahnuma_module_get_dir (module));
  line->title = rahnuma_module_dup_title (module, lang);
  line->group = g_strdup (group);
  line->key = g_strdup_printf ("%s[%s]", base_key, lang);
  line->relative = rahnuma_narration_dup_relative_path (key_file, group, line->key, lang);
  line->text = rahnuma_media_dup_source_text (key_file, group, line->key);
  if (line->text == NULL)
    line->text = g_strdup ("");
  g_ptr_array_add (lines, line);
}

static void
add_module (GPtrArray *lines, RahnumaModule *module, const char *lang)
{
  guint n_scenes = rahnuma_module_get_n_scenes (module);
  guint n_questions = rahnuma_module_get_n_questions (module);

  for (guint i = 0; i < n_scenes; i++)
    add_if_missing (lines, module, rahnuma_scene_get_group (rahnuma_module_get_scene (module, i)), "Narration",
                    lang);
  for (guint i = 0; i < n_questions; i++)
    {
      const char *group = rahnuma_question_get_group (rahnuma_module_get_question (module, i));

      add_if_missing (lines, module, group, "Narration", lang);
      add_if_missing (lines, module, group, "ExplanationNarration", lang);
    }
}

/**
 * rahnuma_studio_lines_missing:
 * @modules: (element-type RahnumaModule): loaded modules
 * @lang: a language code
 * @n_recorded: (out): narrations @modules have in @lang
 * @n_needed: (out): narrations @modules need: one per scene, two per question
 *
 * Every scene caption, question with its choices and explanation that has
 * no recording of its own in @lang, in the order a visitor meets them.
 *
 * Returns: (transfer full) (element-type RahnumaStudioLine): the lines
 */
GPtrArray *
rahnuma_studio_lines_missing (GPtrArray *modules, const char *lang, guint *n_recorded, guint *n_needed)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_studio_line_free);

  *n_recorded = *n_needed = 0;
  for (guint i = 0; i < modules->len; i++)
    {
      guint recorded, needed;

      rahnuma_module_count_narration (modules->pdata[i], lang, &recorded, &needed);
      *n_recorded += recorded;
      *n_needed += needed;
      add_module (lines, modules->pdata[i], lang);
    }
  return lines;
}
