/* fuzz-module.c — libFuzzer target: any bytes as a trainer's module.ini
 *
 * Writes the input as module.ini in a scratch package folder, loads it with
 * rahnuma_module_new_from_dir(), reads back everything the kiosk reads
 * (titles, scenes, questions, choices in every language) and runs the
 * validator over the folder without probing media. A crash, a sanitizer
 * report or a GLib critical is a finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-validator.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *package_dir;
static char *module_path;

static void
remove_package_dir (void)
{
  g_unlink (module_path);
  g_rmdir (package_dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  package_dir = g_dir_make_tmp ("rahnuma-fuzz-module-XXXXXX", &error);
  g_assert_no_error (error);
  module_path = g_build_filename (package_dir, RAHNUMA_MODULE_FILE, NULL);
  atexit (remove_package_dir);
  return 0;
}

static void
read_question (RahnumaQuestion *question, const char *lang)
{
  const char *narration_lang = NULL;
  guint n_choices = rahnuma_question_get_n_choices (question);

  g_free (rahnuma_question_dup_text (question, lang));
  g_free (rahnuma_question_dup_explanation (question, lang));
  g_free (rahnuma_question_dup_picture_path (question));
  g_free (rahnuma_question_dup_narration_path (question, lang, &narration_lang));
  g_free (rahnuma_question_dup_explanation_narration_path (question, lang, &narration_lang));
  for (guint i = 0; i < n_choices; i++)
    g_free (rahnuma_question_dup_choice (question, i, lang));
  (void) rahnuma_question_get_correct (question);
}

static void
read_scene (RahnumaScene *scene, const char *lang)
{
  const char *narration_lang = NULL;

  (void) rahnuma_scene_get_kind (scene);
  g_free (rahnuma_scene_dup_media_path (scene, lang));
  g_free (rahnuma_scene_dup_caption (scene, lang));
  g_free (rahnuma_scene_dup_narration_path (scene, lang, &narration_lang));
}

/* Everything the kiosk and `rahnuma-admin module list` read from a module. */
static void
read_module (RahnumaModule *module)
{
  const RahnumaLanguage *languages;
  gsize n_languages;

  g_strfreev (rahnuma_module_dup_sources (module));
  (void) rahnuma_module_get_version (module);
  (void) rahnuma_module_get_min_watched (module);
  (void) rahnuma_module_get_pass_mark_percent (module);
  languages = rahnuma_languages (&n_languages);
  for (gsize l = 0; l < n_languages; l++)
    {
      const char *lang = languages[l].code;
      guint recorded, needed;

      g_free (rahnuma_module_dup_title (module, lang));
      g_free (rahnuma_module_dup_summary (module, lang));
      (void) rahnuma_module_is_machine_translated (module, lang);
      (void) rahnuma_module_has_all_texts (module, lang);
      rahnuma_module_count_narration (module, lang, &recorded, &needed);
      for (guint i = 0; i < rahnuma_module_get_n_scenes (module); i++)
        read_scene (rahnuma_module_get_scene (module, i), lang);
      for (guint i = 0; i < rahnuma_module_get_n_questions (module); i++)
        read_question (rahnuma_module_get_question (module, i), lang);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;

  if (!g_file_set_contents (module_path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  module = rahnuma_module_new_from_dir (package_dir, &error);
  if (module != NULL)
    read_module (module);
  else
    g_assert_true (error != NULL);

  validation = rahnuma_validate_module (package_dir, NULL, NULL);
  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    {
      const RahnumaProblem *problem = rahnuma_validation_get_problem (validation, i);

      g_assert_nonnull (problem->message);
      (void) rahnuma_problem_code_to_string (problem->code);
    }
  /* A module the loader accepts with no validator error must be one the
   * kiosk can show; one the loader refuses must have a validator error. */
  if (module == NULL)
    g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), >, 0);
  return 0;
}
