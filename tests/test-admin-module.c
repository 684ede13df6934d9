/* test-admin-module.c — rahnuma-admin module validate|new|list|record, run
 * as a trainer would run them, checking exit codes, output and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "media-fixtures.h"
#include "module-fixtures.h"
#include "picture-fixtures.h"
#include "rahnuma-catalog.h"
#include "rahnuma-exif.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-picture-header.h"
#include "rahnuma-module.h"
#include "rahnuma-validator.h"

/* Runs rahnuma-admin module ARGS…; returns its exit status, its stdout in @out. */
static int
run_admin (char **out, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  const char *build_dir = g_getenv ("RAHNUMA_BUILD_DIR");
  const char *arg;
  va_list args;

  g_assert_nonnull (build_dir);
  g_ptr_array_add (argv, g_build_filename (build_dir, "src", "tools", "rahnuma-admin", NULL));
  g_ptr_array_add (argv, g_strdup ("module"));
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  /* No input: stdin closes at once, as when a script runs the tool. */
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return g_subprocess_get_exit_status (process);
}

/* @text parsed as a JSON parser would; fails the test if it is not JSON. */
static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_validate_exit_codes (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *missing = rahnuma_test_prepare_package ("broken-missing-media");
  g_autofree char *warnings_only = rahnuma_test_prepare_package ("broken-few-scenes");
  g_autofree char *nowhere = g_build_filename (rahnuma_test_tmp_dir (), "no-such-folder", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = g_strdup_printf ("%s/module.ini:33: error: ", missing);

  g_assert_cmpint (run_admin (&out, "validate", good, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 error(s), 0 warning(s)"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_admin (&out, "validate", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "pictures/absent.png"));
  g_assert_nonnull (strstr (out, "1 error(s)"));

  g_assert_cmpint (run_admin (NULL, "validate", warnings_only, NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, "validate", nowhere, NULL), ==, 2);
  g_assert_cmpint (run_admin (NULL, "validate", NULL), ==, 2);
  g_assert_cmpint (run_admin (NULL, "validate", "--no-such-option", good, NULL), ==, 2);
}

/* A 30000 × 30000 PNG: validate names the line and the sizes, install
 * refuses it and leaves the modules folder without it. */
static void
test_huge_picture (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (package, "pictures", "scene.png", NULL);
  g_autofree char *modules = g_build_filename (rahnuma_test_tmp_dir (), "huge-modules", NULL);
  g_autofree char *expected = g_strdup_printf ("%s/module.ini:22: error: ", package);
  g_autofree char *out = NULL;
  g_autoptr(GDir) dir = NULL;

  rahnuma_fixture_write_huge_png (picture, 30000, 30000);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 1);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "pictures/scene.png is too large: it is 30000 × 30000 pixels"));
  g_assert_nonnull (strstr (out, "4096 × 3072"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (g_mkdir_with_parents (modules, 0755), ==, 0);
  g_assert_cmpint (run_admin (&out, "install", package, "--into", modules, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "too large"));
  dir = g_dir_open (modules, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_validate_json (void)
{
  g_autofree char *broken = rahnuma_test_prepare_package ("broken-two-correct");
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *problems;
  gboolean found = FALSE;

  g_assert_cmpint (run_admin (&out, "validate", "--json", broken, NULL), ==, 1);
  root = parse_json (out);
  problems = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      if (g_strcmp0 (json_object_get_string_member (problem, "code"), "bad-correct") == 0 &&
          json_object_get_int_member (problem, "line") == 103 &&
          g_strcmp0 (json_object_get_string_member (problem, "severity"), "error") == 0)
        found = TRUE;
    }
  g_assert_true (found);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (run_admin (&out, "validate", "--json", good, NULL), ==, 0);
  root = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

/* validate and install name a link inside the package, and install copies nothing. */
static void
test_validate_link (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *loop = g_build_filename (package, "pictures", "loop", NULL);
  g_autofree char *modules = g_build_filename (rahnuma_test_tmp_dir (), "modules-link", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: error: pictures/loop is a link", loop);
  g_autofree char *out = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 1);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "1 error(s)"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (g_mkdir (modules, 0755), ==, 0);
  g_assert_cmpint (run_admin (&out, "install", package, "--into", modules, NULL), !=, 0);
  g_assert_nonnull (strstr (out, expected));
  dir = g_dir_open (modules, 0, NULL);
  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_true (name[0] == '.'); /* the lock file at most: no module */
}

/* A folder of packages is checked as a whole: one id twice is an error. */
static void
test_validate_folder (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *twin = rahnuma_test_prepare_package ("broken-duplicate-id");
  g_autofree char *folder = g_build_filename (rahnuma_test_tmp_dir (), "folder-of-packages", NULL);
  g_autofree char *first = g_build_filename (folder, "a", NULL);
  g_autofree char *second = g_build_filename (folder, "b", NULL);
  g_autofree char *out = NULL;

  rahnuma_test_copy_tree (good, first);
  rahnuma_test_copy_tree (twin, second);
  g_assert_cmpint (run_admin (&out, "validate", folder, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "2 package(s) checked: 1 error(s)"));
  g_assert_nonnull (strstr (out, "Id=fixture-fees is also used by"));
}

static void
test_new (void)
{
  g_autofree char *parent = g_build_filename (rahnuma_test_tmp_dir (), "new", NULL);
  g_autofree char *package = g_build_filename (parent, "safe-money", NULL);
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *modules = g_build_filename (parent, "kiosk-modules", NULL);
  g_autofree char *pictures = g_build_filename (parent, "real-pictures", NULL);
  g_autofree char *scene_2 = g_build_filename (package, "pictures", "scene-2.png", NULL);
  g_autofree char *real = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (pictures, 0755), ==, 0);
  g_assert_cmpint (run_admin (NULL, "new", "safe-money", parent, NULL), ==, 0);
  module = rahnuma_module_new_from_dir (package, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_module_get_id (module), ==, "safe-money");
  g_assert_cmpuint (rahnuma_module_get_n_scenes (module), ==, 3);
  g_assert_cmpuint (rahnuma_module_get_n_questions (module), ==, 5);

  /* Every text is a placeholder, in every language, until the trainer writes
   * it, and every picture too: warnings, so the new package validates. */
  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_PLACEHOLDER), ==,
                    4 * (2 + 3 + 5 * (1 + 3 + 1)) + 1 + 3);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_MISSING_TRANSLATION), ==, 0);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), ==, 0);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "still a placeholder"));
  g_assert_nonnull (strstr (out, "pictures/scene-2.png is a placeholder picture"));
  g_assert_nonnull (strstr (out, ": 0 error(s), "));
  g_clear_pointer (&out, g_free);

  /* A placeholder never reaches a kiosk. */
  g_assert_cmpint (g_mkdir_with_parents (modules, 0755), ==, 0);
  g_assert_cmpint (run_admin (NULL, "install", package, "--into", modules, NULL), ==, 1);
  dir = g_dir_open (modules, 0, NULL);
  g_assert_null (g_dir_read_name (dir));

  /* A real picture copied over the placeholder is the trainer's own. */
  real = rahnuma_fixture_png (pictures, "real", 640, 360);
  g_assert_true (g_file_get_contents (real, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (scene_2, bytes, length, NULL));
  g_clear_pointer (&validation, rahnuma_validation_free);
  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_PLACEHOLDER), ==,
                    4 * (2 + 3 + 5 * (1 + 3 + 1)) + 1 + 2);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 0);
  g_assert_null (strstr (out, "pictures/scene-2.png is a placeholder picture"));
  g_assert_nonnull (strstr (out, "pictures/scene-3.png is a placeholder picture"));

  g_assert_cmpint (run_admin (NULL, "new", "safe-money", parent, NULL), ==, 2);
  g_assert_cmpint (run_admin (NULL, "new", "Bad_Id", parent, NULL), ==, 2);
}

static void
test_list (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *fallback = rahnuma_test_prepare_package ("broken-narration-fallback");
  g_autofree char *folder = g_build_filename (rahnuma_test_tmp_dir (), "list", NULL);
  g_autofree char *first = g_build_filename (folder, "fees", NULL);
  g_autofree char *second = g_build_filename (folder, "fees-draft", NULL);
  g_autofree char *hidden = g_build_filename (folder, ".install-fees-XYZ", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *modules;
  JsonObject *narration = NULL;

  rahnuma_test_copy_tree (good, first);
  rahnuma_test_copy_tree (fallback, second);
  rahnuma_test_copy_tree (good, hidden);
  g_assert_cmpint (run_admin (&out, "list", folder, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "texts: ur ps pa_PK en"));
  g_assert_nonnull (strstr (out, "ur 100%  ps 100%  pa_PK 100%  en 100%"));
  g_assert_nonnull (strstr (out, "pa_PK 92% (rest fallback→ur)"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_admin (&out, "list", "--json", folder, NULL), ==, 0);
  root = parse_json (out);
  modules = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (modules), ==, 2);
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *all = json_object_get_object_member (json_array_get_object_element (modules, i), "narration");

      if (json_object_get_int_member (json_object_get_object_member (all, "pa_PK"), "recorded") == 12)
        narration = all;
    }
  g_assert_nonnull (narration);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (narration, "pa_PK"), "needed"), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (narration, "pa_PK"), "fallback"),
                   ==, "ur");
  g_assert_true (json_node_is_null (json_object_get_member (json_object_get_object_member (narration, "ur"),
                                                            "fallback")));
  g_assert_null (strstr (out, ".install-"));
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Replaces the first @from in @dir's module.ini with @to. */
static void
edit_text (const char *dir, const char *from, const char *to)
{
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *contents = read_text (ini);
  g_autoptr(GString) text = g_string_new (contents);

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (ini, text->str, (gssize) text->len, NULL));
}

/* Recording fills the one missing narration and changes nothing else in module.ini. */
static void
test_record (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("broken-narration-fallback");
  g_autofree char *ini = g_build_filename (package, "module.ini", NULL);
  g_autofree char *recorded = g_build_filename (package, "audio", "pa_PK", "scene-1.ogg", NULL);
  g_autofree char *before = read_text (ini);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GString) edited = g_string_new (before);

  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--lang", "pa_PK",
                              "--seconds", "1", "--device-element", "audiotestsrc", NULL), ==, 0);
  g_assert_true (g_file_test (recorded, G_FILE_TEST_IS_REGULAR));

  after = read_text (ini);
  g_string_replace (edited, "Narration[ps]=audio/ps.ogg\n\n[Scene 2]",
                    "Narration[ps]=audio/ps.ogg\nNarration[pa_PK]=audio/pa_PK/scene-1.ogg\n\n[Scene 2]", 1);
  g_assert_cmpstr (after, ==, edited->str);

  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);

  /* No microphone: silence is refused, nothing saved, module.ini untouched. */
  g_assert_cmpint (g_unlink (recorded), ==, 0);
  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--lang", "pa_PK",
                              "--seconds", "1", "--device-element", "audiotestsrc wave=silence is-live=true",
                              NULL), ==, 2);
  g_assert_false (g_file_test (recorded, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "9", "--lang", "ur",
                              "--seconds", "1", "--device-element", "audiotestsrc", NULL), ==, 2);
  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--question", "1",
                              "--lang", "ur", NULL), ==, 2);
  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--lang", "pa", NULL), ==, 2);
  g_assert_cmpstr (read_text (ini), ==, after);
}

/* A recording notes its text in media.sums; when the caption changes,
 * validate, install and the kiosk's catalogue say the clip is stale. */
static void
test_stale_narration (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("broken-narration-fallback");
  g_autofree char *sums = g_build_filename (package, "media.sums", NULL);
  g_autofree char *modules = g_build_filename (rahnuma_test_tmp_dir (), "stale-modules", NULL);
  g_autofree char *out = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaProblem *problem;

  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--lang", "pa_PK",
                              "--seconds", "1", "--device-element", "audiotestsrc", NULL), ==, 0);
  out = read_text (sums);
  g_assert_nonnull (strstr (out, " audio/pa_PK/scene-1.ogg\n"));
  g_clear_pointer (&out, g_free);
  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_STALE_MEDIA), ==, 0);
  g_clear_pointer (&validation, rahnuma_validation_free);

  edit_text (package, "Caption[pa_PK]=", "Caption[pa_PK]=نواں: ");
  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_STALE_MEDIA), ==, 1);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), ==, 0);
  problem = rahnuma_validation_get_problem (validation, rahnuma_validation_get_n_problems (validation) - 1);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_STALE_MEDIA);
  g_assert_cmpstr (problem->key, ==, "Narration[pa_PK]");
  g_assert_nonnull (strstr (problem->message, "audio/pa_PK/scene-1.ogg was made from an older text of [Scene 1]"));
  g_assert_nonnull (strstr (problem->hint, "module record --module "));
  g_assert_nonnull (strstr (problem->hint, " --scene 1 --lang pa_PK"));

  /* Install goes ahead, and says so; so does the kiosk's catalogue log. */
  g_assert_cmpint (g_mkdir_with_parents (modules, 0755), ==, 0);
  g_assert_cmpint (run_admin (&out, "install", package, "--into", modules, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "audio/pa_PK/scene-1.ogg was made from an older text"));
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_MESSAGE, "*1 picture(s) or narration(s) were made from an older text*");
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_MESSAGE, "*machine-translated texts not yet reviewed in ps pa_PK");
  catalog = rahnuma_catalog_new_full (modules, RAHNUMA_CATALOG_VALIDATE, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);

  /* Recorded again, the clip says the new text. */
  g_assert_cmpint (run_admin (NULL, "record", "--module", package, "--scene", "1", "--lang", "pa_PK",
                              "--seconds", "1", "--device-element", "audiotestsrc", NULL), ==, 0);
  g_clear_pointer (&validation, rahnuma_validation_free);
  validation = rahnuma_validate_module (package, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_STALE_MEDIA), ==, 0);
}

/* Install measures narration as validate does: a silent clip stops it. */
static void
test_install_silent (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *audio = g_build_filename (package, "audio", NULL);
  g_autofree char *old = g_build_filename (audio, "ur.ogg", NULL);
  g_autofree char *modules = g_build_filename (rahnuma_test_tmp_dir (), "silent-modules", NULL);
  g_autofree char *clip = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_unlink (old), ==, 0);
  clip = rahnuma_fixture_tone (audio, "ur.ogg", "silence", 1.0, 1000);
  g_assert_cmpint (g_mkdir_with_parents (modules, 0755), ==, 0);
  g_assert_cmpint (run_admin (&out, "install", package, "--into", modules, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "audio/ur.ogg is silent: its loudest moment is -120 dBFS"));
  dir = g_dir_open (modules, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

/* A phone's portrait video: landscape frames and a track matrix saying
 * "turn 90°", patched into the tkhd box as phones write it (ISO 14496-12, 8.3.2). */
static char *
make_rotated_mp4 (const char *dir)
{
  char *path = g_build_filename (dir, "portrait.mp4", NULL);
  g_autofree char *description = g_strdup_printf (
    "videotestsrc num-buffers=25 ! video/x-raw,width=640,height=360,framerate=25/1 ! x264enc "
    "! mp4mux ! filesink location=\"%s\"", path);
  static const guint8 rotate_90[36] = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0,
                                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0 };
  g_autofree char *bytes = NULL;
  gsize length;
  char *tkhd;

  rahnuma_fixture_launch (description);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  tkhd = NULL;
  for (gsize i = 4; i + 4 + 48 + 36 <= length && tkhd == NULL; i++)
    if (memcmp (bytes + i, "tkhd", 4) == 0)
      tkhd = bytes + i;
  g_assert_nonnull (tkhd);
  g_assert_cmpint (tkhd[4], ==, 0); /* version 0: the matrix is 48 bytes into the box */
  memcpy (tkhd - 4 + 48, rotate_90, sizeof rotate_90);
  g_assert_true (g_file_set_contents (path, bytes, (gssize) length, NULL));
  return path;
}

static void
assert_size (const char *path, guint width, guint height)
{
  RahnumaImportInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_media_import_discover (path, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.width, ==, width);
  g_assert_cmpuint (info.height, ==, height);
}

/* What trainers have on their phones, generated here, imported, then valid. */
static void
test_import_media (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *dir = g_build_filename (rahnuma_test_tmp_dir (), "phone", NULL);
  g_autofree char *m4a = g_build_filename (dir, "voice.m4a", NULL);
  g_autofree char *mp3 = g_build_filename (dir, "voice.mp3", NULL);
  g_autofree char *note = g_build_filename (dir, "PTT-20260101-WA0001.opus", NULL);
  g_autofree char *launch = NULL;
  g_autofree char *mp4 = NULL, *jpeg = NULL;
  g_autofree char *out = NULL, *narration = NULL, *picture = NULL, *video = NULL;
  RahnumaAudioLevels levels;
  guint width, height;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* AAC in MP4, quiet as a phone held at arm's length. */
  launch = g_strdup_printf ("audiotestsrc num-buffers=100 volume=0.03 ! audioconvert ! avenc_aac ! mp4mux "
                            "! filesink location=\"%s\"", m4a);
  rahnuma_fixture_launch (launch);
  g_free (launch);
  launch = g_strdup_printf ("audiotestsrc num-buffers=100 ! audioconvert ! lamemp3enc ! filesink location=\"%s\"", mp3);
  rahnuma_fixture_launch (launch);
  g_free (launch);
  launch = g_strdup_printf ("audiotestsrc num-buffers=100 ! audioconvert ! audioresample "
                            "! audio/x-raw,rate=16000,channels=1 ! opusenc ! oggmux ! filesink location=\"%s\"", note);
  rahnuma_fixture_launch (launch);
  mp4 = make_rotated_mp4 (dir);
  jpeg = rahnuma_fixture_jpeg_exif (dir, "photo.jpg", 640, 360, 6);
  g_assert_cmpuint (rahnuma_exif_read_orientation (jpeg), ==, 6);

  g_assert_cmpint (run_admin (&out, "import-media", m4a, "--scene", "1", "--lang", "ur", package, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "as audio/ur/scene-1.ogg"));
  g_assert_cmpint (run_admin (NULL, "import-media", mp3, "--question", "1", "--lang", "ur", package, NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, "import-media", note, "--explanation", "1", "--lang", "ps", package, NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, "import-media", mp4, "--scene", "2", package, NULL), ==, 0);
  g_assert_cmpint (run_admin (NULL, "import-media", jpeg, "--scene", "3", package, NULL), ==, 0);
  /* Narration needs to know whose voice it is. */
  g_assert_cmpint (run_admin (NULL, "import-media", mp3, "--scene", "1", package, NULL), ==, 2);

  /* Loudness brought to about -20 dBFS from -33. */
  narration = g_build_filename (package, "audio", "ur", "scene-1.ogg", NULL);
  g_assert_true (rahnuma_media_measure_audio (narration, &levels, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (levels.loudness_db, -20.0, 1.5);
  /* Upright: 640 × 360 stored, 360 × 640 shown. */
  video = g_build_filename (package, "videos", "scene-2.webm", NULL);
  assert_size (video, 360, 640);
  picture = g_build_filename (package, "pictures", "scene-3.png", NULL);
  g_assert_true (rahnuma_picture_header_read_file (picture, NULL, &width, &height, NULL));
  g_assert_cmpuint (width, ==, 360);
  g_assert_cmpuint (height, ==, 640);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 0);
  g_assert_nonnull (strstr (out, ": 0 error(s), "));
}

/* msgfmt -c, as a translator's tool would check the file. */
static void
assert_msgfmt_accepts (const char *po)
{
  const char *argv[] = { "msgfmt", "-c", "-o", "/dev/null", po, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Export, check, review one machine translation, import: module.ini holds
 * it, and every other byte is as it was. */
static void
test_po_round_trip (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (package, "module.ini", NULL);
  g_autofree char *po = g_build_filename (rahnuma_test_tmp_dir (), "fees-ps.po", NULL);
  g_autofree char *before = NULL, *exported = NULL, *out = NULL, *after = NULL;
  g_autoptr(GString) reviewed = NULL;
  g_autoptr(GString) expected = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  const char *caption = "Caption[ps]=هیڅ کارګر باید د استخدام فیس یا اړوند لګښتونه ورنکړي.";
  const char *entry = "#, fuzzy\nmsgctxt \"Scene 1/Caption\"\n";
  guint reviewed_n, machine_n, missing_n;

  edit_text (package, "Caption=No worker", "# Keep it short: it is read aloud.\nCaption=No worker");
  before = read_text (ini);
  g_assert_cmpint (run_admin (NULL, "po", "export", package, "--lang", "ps", "-o", po, NULL), ==, 0);
  exported = read_text (po);
  assert_msgfmt_accepts (po);
  g_assert_nonnull (strstr (exported, "#. Keep it short: it is read aloud.\n#, fuzzy\nmsgctxt \"Scene 1/Caption\"\n"
                                      "msgid \"No worker should pay recruitment fees or related costs.\"\n"));
  g_assert_nonnull (strstr (exported, "\"Language: ps\\n\""));

  /* Imported as it came out: fuzzy entries are not reviewed, nothing changes. */
  g_assert_cmpint (run_admin (&out, "po", "import", package, po, NULL), ==, 0);
  g_assert_cmpstr (read_text (ini), ==, before);
  g_clear_pointer (&out, g_free);

  /* A reviewer corrects one translation and removes its fuzzy mark. */
  reviewed = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (reviewed, entry, "msgctxt \"Scene 1/Caption\"\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (reviewed, "\"هیڅ کارګر باید د استخدام فیس یا اړوند لګښتونه ورنکړي.\"",
                                      "\"هیڅ کارګر باید د ګمارنې فیس ورنکړي.\"", 1), ==, 1);
  /* Another is edited but still fuzzy: not reviewed, so not imported. */
  g_assert_cmpuint (g_string_replace (reviewed, "\"د هرې تادیې رسید وغواړئ.\"", "\"نه کتل شوی\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (po, reviewed->str, (gssize) reviewed->len, NULL));
  assert_msgfmt_accepts (po);
  g_assert_cmpint (run_admin (&out, "po", "import", package, po, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "ps: 1 translation(s) written"));

  after = read_text (ini);
  expected = g_string_new (before);
  g_assert_cmpuint (g_string_replace (expected, caption, "Caption[ps]=هیڅ کارګر باید د ګمارنې فیس ورنکړي.", 1), ==, 1);
  g_assert_cmpstr (after, ==, expected->str);

  g_assert_true (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
  rahnuma_module_count_texts (key_file, "ps", &reviewed_n, &machine_n, &missing_n);
  g_assert_cmpuint (machine_n, ==, 2 + 3 + 5 + 15 + 5); /* title, summary, captions, questions, choices, explanations */
  g_assert_cmpuint (reviewed_n + missing_n, ==, 0);
  rahnuma_module_count_texts (key_file, "ur", &reviewed_n, &machine_n, &missing_n);
  g_assert_cmpuint (reviewed_n, ==, 2 + 3 + 5 + 15 + 5);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_admin (&out, "validate", package, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fixture-fees: translations: ur 30 reviewed, 0 machine-made, 0 missing; "
                                 "ps 0 reviewed, 30 machine-made, 0 missing;")); /* title, summary, captions, questions, choices, explanations */
}

int
main (int argc, char **argv)
{
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  rahnuma_test_fixtures_init ();

  g_test_add_func ("/rahnuma/admin-module/validate/exit-codes", test_validate_exit_codes);
  g_test_add_func ("/rahnuma/admin-module/validate/json", test_validate_json);
  g_test_add_func ("/rahnuma/admin-module/huge-picture", test_huge_picture);
  g_test_add_func ("/rahnuma/admin-module/validate/folder", test_validate_folder);
  g_test_add_func ("/rahnuma/admin-module/validate/link", test_validate_link);
  g_test_add_func ("/rahnuma/admin-module/new", test_new);
  g_test_add_func ("/rahnuma/admin-module/list", test_list);
  g_test_add_func ("/rahnuma/admin-module/record", test_record);
  g_test_add_func ("/rahnuma/admin-module/stale-narration", test_stale_narration);
  g_test_add_func ("/rahnuma/admin-module/install-silent", test_install_silent);
  g_test_add_func ("/rahnuma/admin-module/import-media", test_import_media);
  g_test_add_func ("/rahnuma/admin-module/po-round-trip", test_po_round_trip);

  status = g_test_run ();
  rahnuma_test_fixtures_cleanup ();
  return status;
}
