/* test-module.c — loading module packages and catalogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-catalog.h"
#include "rahnuma-module.h"
#include "test-util.h"

static const char *good_ini =
  "[Module]\n"
  "Id=contract\n"
  "Version=3\n"
  "Order=2\n"
  "Title=Your contract\n"
  "Title[ur]=آپ کا معاہدہ\n"
  "Title[pa_PK]=تہاڈا معاہدہ\n"
  "MinWatched=0.75\n"
  "Sources=ILO 2019;BE&OE\n"
  "MachineTranslated=ur;pa_PK\n"
  "\n"
  "[Scene 1]\n"
  "Picture=pictures/one.png\n"
  "Picture[ur]=pictures/ur/one.png\n"
  "Caption=Read it.\n"
  "Caption[ur]=اسے پڑھیں۔\n"
  "Narration[ur]=audio/ur/one.ogg\n"
  "Narration[en]=audio/en/one.ogg\n"
  "\n"
  "[Scene 2]\n"
  "Video=video/two.webm\n"
  "Caption=Keep a copy.\n"
  "\n"
  "[Question 1]\n"
  "Text=In which language?\n"
  "Choice1=Any\n"
  "Choice2=One you understand\n"
  "Choice3=English\n"
  "Correct=2\n"
  "Explanation=You must understand it.\n"
  "Narration[ur]=audio/ur/q1.ogg\n";

static char *
write_package (const char *parent, const char *name, const char *ini)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_build_filename (parent, name, NULL);
  g_autofree char *path = g_build_filename (dir, "module.ini", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, ini, -1, &error);
  g_assert_no_error (error);
  return dir;
}

static void
test_module_load (void)
{
  g_autofree char *tmp = rahnuma_test_make_tmpdir ("rahnuma-module-XXXXXX");
  g_autofree char *dir = write_package (tmp, "contract", good_ini);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir (dir, &error);
  g_autofree char *title_ur = NULL, *title_ps = NULL, *title_pa = NULL;
  g_autofree char *picture_ur = NULL, *picture_ps = NULL, *narration = NULL, *caption = NULL;
  g_auto(GStrv) sources = NULL;
  const char *narration_lang = NULL;
  RahnumaQuestion *question;

  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_module_get_id (module), ==, "contract");
  g_assert_cmpuint (rahnuma_module_get_version (module), ==, 3);
  g_assert_cmpint (rahnuma_module_get_order (module), ==, 2);
  g_assert_cmpfloat_with_epsilon (rahnuma_module_get_min_watched (module), 0.75, 1e-9);
  g_assert_cmpuint (rahnuma_module_get_pass_mark_percent (module), ==, 60);

  title_ur = rahnuma_module_dup_title (module, "ur");
  title_ps = rahnuma_module_dup_title (module, "ps");
  title_pa = rahnuma_module_dup_title (module, "pa_PK");
  g_assert_cmpstr (title_ur, ==, "آپ کا معاہدہ");
  g_assert_cmpstr (title_ps, ==, "Your contract"); /* untranslated falls back to English */
  g_assert_cmpstr (title_pa, ==, "تہاڈا معاہدہ");

  sources = rahnuma_module_dup_sources (module);
  g_assert_cmpuint (g_strv_length (sources), ==, 2);
  g_assert_true (rahnuma_module_is_machine_translated (module, "ur"));
  g_assert_false (rahnuma_module_is_machine_translated (module, "ps"));

  g_assert_cmpuint (rahnuma_module_get_n_scenes (module), ==, 2);
  g_assert_cmpint (rahnuma_scene_get_kind (rahnuma_module_get_scene (module, 0)), ==, RAHNUMA_SCENE_PICTURE);
  g_assert_cmpint (rahnuma_scene_get_kind (rahnuma_module_get_scene (module, 1)), ==, RAHNUMA_SCENE_VIDEO);
  picture_ur = rahnuma_scene_dup_media_path (rahnuma_module_get_scene (module, 0), "ur");
  picture_ps = rahnuma_scene_dup_media_path (rahnuma_module_get_scene (module, 0), "ps");
  g_assert_true (g_str_has_suffix (picture_ur, "/contract/pictures/ur/one.png"));
  g_assert_true (g_str_has_suffix (picture_ps, "/contract/pictures/one.png"));
  caption = rahnuma_scene_dup_caption (rahnuma_module_get_scene (module, 0), "ur");
  g_assert_cmpstr (caption, ==, "اسے پڑھیں۔");

  /* Pashto has no voice: it hears Urdu, and is told so. */
  narration = rahnuma_scene_dup_narration_path (rahnuma_module_get_scene (module, 0), "ps", &narration_lang);
  g_assert_true (g_str_has_suffix (narration, "/audio/ur/one.ogg"));
  g_assert_cmpstr (narration_lang, ==, "ur");
  g_clear_pointer (&narration, g_free);
  narration = rahnuma_scene_dup_narration_path (rahnuma_module_get_scene (module, 0), "en", &narration_lang);
  g_assert_cmpstr (narration_lang, ==, "en");
  g_clear_pointer (&narration, g_free);
  /* English has no fallback: a scene without English narration is silent, not Urdu. */
  narration = rahnuma_scene_dup_narration_path (rahnuma_module_get_scene (module, 1), "en", &narration_lang);
  g_assert_null (narration);
  g_assert_null (narration_lang);

  g_assert_cmpuint (rahnuma_module_get_n_questions (module), ==, 1);
  question = rahnuma_module_get_question (module, 0);
  g_assert_cmpuint (rahnuma_question_get_n_choices (question), ==, 3);
  g_assert_cmpuint (rahnuma_question_get_correct (question), ==, 1);

  g_clear_object (&module);
  rahnuma_test_remove_tree (tmp);
}

static void
assert_invalid (const char *ini, int code)
{
  g_autofree char *tmp = rahnuma_test_make_tmpdir ("rahnuma-module-XXXXXX");
  g_autofree char *dir = write_package (tmp, "broken", ini);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir (dir, &error);

  g_assert_null (module);
  g_assert_error (error, RAHNUMA_MODULE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "module.ini"));
  rahnuma_test_remove_tree (tmp);
}

static char *
replace (const char *text, const char *old, const char *new)
{
  g_autoptr(GString) s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, old, new, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* PassMark= is a fraction in module.ini and a whole percent in the code,
 * rounded once where the file is read: 0.57 × 100 is 56.99999999999999 in
 * binary, which a cast would make 56. */
static void
test_module_pass_mark_percent (void)
{
  static const struct { const char *line; guint percent; } cases[] = {
    { "", 60 },                    /* absent: the default */
    { "PassMark=0.6\n", 60 },
    { "PassMark=0.57\n", 57 },
    { "PassMark=0.29\n", 29 },
    { "PassMark=0.655\n", 66 },    /* the nearest whole percent */
    { "PassMark=0\n", 0 },
    { "PassMark=1\n", 100 },
  };
  g_autofree char *tmp = rahnuma_test_make_tmpdir ("rahnuma-module-XXXXXX");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) ini = g_string_new (good_ini);
      g_autofree char *name = g_strdup_printf ("contract-%u", i);
      g_autofree char *dir = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RahnumaModule) module = NULL;

      g_string_insert (ini, strstr (ini->str, "MinWatched=") - ini->str, cases[i].line);
      dir = write_package (tmp, name, ini->str);
      module = rahnuma_module_new_from_dir (dir, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rahnuma_module_get_pass_mark_percent (module), ==, cases[i].percent);
    }
  rahnuma_test_remove_tree (tmp);
}

static void
test_module_invalid (void)
{
  g_autofree char *bad_id = replace (good_ini, "Id=contract", "Id=Contract!");
  g_autofree char *bad_version = replace (good_ini, "Version=3", "Version=zero");
  g_autofree char *no_title = replace (good_ini, "Title=Your contract\n", "");
  g_autofree char *both_media = replace (good_ini, "Video=video/two.webm\n", "Video=a.webm\nPicture=a.png\n");
  g_autofree char *one_choice = replace (good_ini, "Choice2=One you understand\nChoice3=English\n", "");
  g_autofree char *bad_correct = replace (good_ini, "Correct=2", "Correct=7");
  g_autofree char *bad_watched = replace (good_ini, "MinWatched=0.75", "MinWatched=1.5");

  assert_invalid (bad_id, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (bad_version, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (no_title, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (both_media, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (one_choice, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (bad_correct, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid (bad_watched, RAHNUMA_MODULE_ERROR_INVALID);
  assert_invalid ("[Module\nId=x\n", RAHNUMA_MODULE_ERROR_PARSE);
}

static void
test_module_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir ("/nonexistent/rahnuma/module", &error);

  g_assert_null (module);
  g_assert_error (error, RAHNUMA_MODULE_ERROR, RAHNUMA_MODULE_ERROR_NOT_FOUND);
}

/* A broken package is left out; the others load, in order; dot-folders
 * (an install in progress) are ignored; an id used twice loads once. */
static void
test_catalog (void)
{
  g_autofree char *tmp = rahnuma_test_make_tmpdir ("rahnuma-module-XXXXXX");
  g_autofree char *second = replace (good_ini, "Id=contract", "Id=fees");
  g_autofree char *first = replace (second, "Order=2", "Order=1");
  g_autofree char *d1 = write_package (tmp, "a-contract", good_ini);
  g_autofree char *d2 = write_package (tmp, "b-fees", first);
  g_autofree char *d3 = write_package (tmp, "c-broken", "[Module]\nId=broken\n");
  g_autofree char *d4 = write_package (tmp, ".install-x", good_ini);
  g_autofree char *d5 = write_package (tmp, "d-again", good_ini);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(RahnumaModule) m0 = NULL, m1 = NULL;
  g_autofree char *version = NULL;

  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "*c-broken*");
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "*d-again*twice*");
  catalog = rahnuma_catalog_new (tmp, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 2);
  m0 = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  m1 = g_list_model_get_item (G_LIST_MODEL (catalog), 1);
  g_assert_cmpstr (rahnuma_module_get_id (m0), ==, "fees");
  g_assert_cmpstr (rahnuma_module_get_id (m1), ==, "contract");
  g_assert_true (rahnuma_catalog_lookup (catalog, "fees") == m0);
  g_assert_null (rahnuma_catalog_lookup (catalog, "nothing"));
  g_assert_cmpuint (rahnuma_catalog_get_problems (catalog)->len, ==, 2);
  g_assert_cmpuint (strlen (rahnuma_catalog_get_version (catalog)), ==, 12);

  /* The version names the set of module versions. */
  version = g_strdup (rahnuma_catalog_get_version (catalog));
  g_clear_object (&catalog);
  rahnuma_test_remove_tree (d5);
  rahnuma_test_remove_tree (d3);
  {
    g_autofree char *bumped = replace (good_ini, "Version=3", "Version=4");
    g_autofree char *ini = g_build_filename (d1, "module.ini", NULL);

    g_file_set_contents (ini, bumped, -1, &error);
    g_assert_no_error (error);
  }
  catalog = rahnuma_catalog_new (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_catalog_get_version (catalog), !=, version);

  g_clear_object (&m0);
  g_clear_object (&m1);
  g_assert_finalize_object (g_steal_pointer (&catalog));
  rahnuma_test_remove_tree (tmp);
}

/* A kiosk's catalog leaves out a package that loads but fails validation
 * (here: its media files are missing); a trainer's lenient one keeps it. */
static void
test_catalog_validate (void)
{
  g_autofree char *tmp = rahnuma_test_make_tmpdir ("rahnuma-module-XXXXXX");
  g_autofree char *dir = write_package (tmp, "contract", good_ini);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) lenient = rahnuma_catalog_new (tmp, &error);
  g_autoptr(RahnumaCatalog) strict = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lenient)), ==, 1);

  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "*contract*module.ini*");
  strict = rahnuma_catalog_new_full (tmp, RAHNUMA_CATALOG_VALIDATE, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (strict)), ==, 0);
  g_assert_cmpuint (rahnuma_catalog_get_problems (strict)->len, ==, 1);
  rahnuma_test_remove_tree (tmp);
}

static void
test_catalog_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaCatalog) catalog = rahnuma_catalog_new ("/nonexistent/rahnuma", &error);

  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The one id rule, which module.ini, `module new` and the validator share
 * with the journal's CHECK on module_progress.module_id. */
static void
test_module_id (void)
{
  static const char * const good[] = { "contract", "fees-2", "a", "0", NULL };
  static const char * const bad[] = { "", "Contract", "fees_2", "fees 2", "fées", "../x", NULL };
  g_autofree char *longest = g_strnfill (64, 'a');
  g_autofree char *too_long = g_strnfill (65, 'a');

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (rahnuma_module_id_is_valid (good[i]));
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (rahnuma_module_id_is_valid (bad[i]));
  g_assert_true (rahnuma_module_id_is_valid (longest));
  g_assert_false (rahnuma_module_id_is_valid (too_long));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/module/load", test_module_load);
  g_test_add_func ("/rahnuma/module/pass-mark-percent", test_module_pass_mark_percent);
  g_test_add_func ("/rahnuma/module/invalid", test_module_invalid);
  g_test_add_func ("/rahnuma/module/missing", test_module_missing);
  g_test_add_func ("/rahnuma/module/id", test_module_id);
  g_test_add_func ("/rahnuma/catalog/load", test_catalog);
  g_test_add_func ("/rahnuma/catalog/missing-dir", test_catalog_missing_dir);
  g_test_add_func ("/rahnuma/catalog/validate", test_catalog_validate);
  return g_test_run ();
}
