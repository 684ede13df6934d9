/* test-validator.c — the validator on a good package and on one broken
 * package per kind of problem, with media made by real GStreamer pipelines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <gst/gst.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rahnuma-catalog.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-media-sums.h"
#include "rahnuma-picture-header.h"
#include "rahnuma-module.h"
#include "rahnuma-validator.h"
#include "media-fixtures.h"
#include "module-fixtures.h"
#include "picture-fixtures.h"

static RahnumaMediaProbe *probe;

typedef struct
{
  const char *fixture;
  RahnumaProblemCode code;
  guint n_errors;
  guint n_warnings;
  guint line; /* of the first problem; 0 to skip the check */
} Broken;

static const Broken broken[] = {
  { "broken-parse", RAHNUMA_PROBLEM_PARSE, 1, 0, 8 },
  { "broken-missing-key", RAHNUMA_PROBLEM_MISSING_KEY, 1, 0, 0 },
  { "broken-bad-value", RAHNUMA_PROBLEM_BAD_VALUE, 2, 0, 5 },
  { "broken-missing-translation", RAHNUMA_PROBLEM_MISSING_TRANSLATION, 1, 0, 32 },
  { "broken-placeholder", RAHNUMA_PROBLEM_PLACEHOLDER, 0, 1, 48 }, /* install refuses it all the same */
  { "broken-too-long", RAHNUMA_PROBLEM_TEXT_TOO_LONG, 1, 0, 9 },
  { "broken-missing-narration", RAHNUMA_PROBLEM_MISSING_NARRATION, 1, 0, 117 },
  { "broken-narration-fallback", RAHNUMA_PROBLEM_NARRATION_FALLBACK, 0, 1, 0 },
  { "broken-scene-media", RAHNUMA_PROBLEM_SCENE_MEDIA, 1, 0, 0 },
  { "broken-media-outside", RAHNUMA_PROBLEM_MEDIA_OUTSIDE, 1, 0, 22 },
  { "broken-missing-media", RAHNUMA_PROBLEM_MISSING_MEDIA, 1, 0, 33 },
  { "broken-unplayable", RAHNUMA_PROBLEM_UNPLAYABLE_MEDIA, 1, 0, 49 },
  { "broken-gap", RAHNUMA_PROBLEM_GROUP_GAP, 1, 0, 43 },
  { "broken-unknown-group", RAHNUMA_PROBLEM_UNKNOWN_GROUP, 0, 1, 0 },
  { "broken-two-correct", RAHNUMA_PROBLEM_BAD_CORRECT, 1, 0, 103 },
  { "broken-no-correct", RAHNUMA_PROBLEM_BAD_CORRECT, 2, 0, 103 },
  { "broken-one-choice", RAHNUMA_PROBLEM_CHOICE_COUNT, 1, 0, 0 },
  { "broken-five-choices", RAHNUMA_PROBLEM_CHOICE_COUNT, 1, 0, 0 },
  { "broken-choice-gap", RAHNUMA_PROBLEM_CHOICE_COUNT, 1, 0, 0 },
  { "broken-no-sources", RAHNUMA_PROBLEM_NO_SOURCES, 1, 0, 0 },
  { "broken-few-scenes", RAHNUMA_PROBLEM_SCENE_COUNT, 0, 1, 0 },
  { "broken-few-questions", RAHNUMA_PROBLEM_QUESTION_COUNT, 0, 1, 0 },
  { "broken-unknown-language", RAHNUMA_PROBLEM_UNKNOWN_LANGUAGE, 1, 2, 0 },
  /* Content rules (issue 14): warnings, with their figures (test_content_figures). */
  { "broken-caption-words", RAHNUMA_PROBLEM_CAPTION_WORDS, 0, 1, 34 },
  { "broken-sentence-words", RAHNUMA_PROBLEM_SENTENCE_WORDS, 0, 1, 46 },
  { "broken-few-choices", RAHNUMA_PROBLEM_FEW_CHOICES, 0, 1, 86 },
  { "broken-longest-answer", RAHNUMA_PROBLEM_LONGEST_ANSWER, 0, 1, 4 },
  { "broken-shortest-answer", RAHNUMA_PROBLEM_SHORTEST_ANSWER, 0, 1, 4 },
  { "broken-answer-position", RAHNUMA_PROBLEM_ANSWER_POSITION, 0, 1, 4 },
};

static void
dump (RahnumaValidation *validation)
{
  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    {
      const RahnumaProblem *p = rahnuma_validation_get_problem (validation, i);

      g_test_message ("%s:%u: %s: [%s] %s", p->file, p->line, rahnuma_severity_to_string (p->severity),
                      rahnuma_problem_code_to_string (p->code), p->message);
    }
}

static RahnumaValidation *
validate_fixture (const char *name, gboolean with_probe)
{
  g_autofree char *dir = rahnuma_test_prepare_package (name);
  RahnumaValidation *validation =
    rahnuma_validate_module (dir, with_probe ? rahnuma_media_probe_check : NULL, probe);

  dump (validation);
  return validation;
}

static void
test_good (void)
{
  g_autoptr(RahnumaValidation) validation = validate_fixture ("good", TRUE);

  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
}

static void
test_broken (gconstpointer data)
{
  const Broken *expected = data;
  g_autoptr(RahnumaValidation) validation = validate_fixture (expected->fixture, TRUE);

  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), ==, expected->n_errors);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_WARNING), ==, expected->n_warnings);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, expected->code), ==,
                    expected->n_errors + expected->n_warnings);
  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    {
      const RahnumaProblem *problem = rahnuma_validation_get_problem (validation, i);

      g_assert_true (g_str_has_suffix (problem->file, "module.ini"));
      g_assert_nonnull (problem->hint);
      g_assert_cmpstr (problem->message, !=, "");
    }
  if (expected->line != 0)
    g_assert_cmpuint (rahnuma_validation_get_problem (validation, 0)->line, ==, expected->line);
}

/* Without a prober only presence is checked: the damaged file goes unseen,
 * which shows the GStreamer probe is what catches it. */
static void
test_unplayable_needs_probe (void)
{
  g_autoptr(RahnumaValidation) validation = validate_fixture ("broken-unplayable", FALSE);

  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
}

/* A picture where a narration belongs is playable, but not as sound. */
static void
test_wrong_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autofree char *sound = g_build_filename (dir, "audio", "ur.ogg", NULL);

  g_assert_true (rahnuma_media_probe_check (picture, RAHNUMA_MEDIA_PICTURE, probe, NULL));
  g_assert_true (rahnuma_media_probe_check (sound, RAHNUMA_MEDIA_AUDIO, probe, NULL));
  g_assert_false (rahnuma_media_probe_check (picture, RAHNUMA_MEDIA_AUDIO, probe, &error));
  g_assert_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE);
  g_clear_error (&error);
  g_assert_false (rahnuma_media_probe_check (sound, RAHNUMA_MEDIA_VIDEO, probe, &error));
  g_assert_error (error, RAHNUMA_MEDIA_PROBE_ERROR, RAHNUMA_MEDIA_PROBE_ERROR_UNPLAYABLE);
}

static void
test_duplicate_id (void)
{
  g_autofree char *good = rahnuma_test_prepare_package ("good");
  g_autofree char *twin = rahnuma_test_prepare_package ("broken-duplicate-id");
  g_autoptr(RahnumaValidation) validation = rahnuma_validation_new (rahnuma_media_probe_check, probe);
  const RahnumaProblem *problem;

  rahnuma_validation_add_package (validation, good);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
  rahnuma_validation_add_package (validation, twin);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_DUPLICATE_ID);
  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_ERROR);
  g_assert_true (g_str_has_prefix (problem->file, twin));
  g_assert_cmpuint (problem->line, ==, 5);
}

static void
test_no_module_file (void)
{
  g_autofree char *dir = g_build_filename (rahnuma_test_tmp_dir (), "empty-package", NULL);
  g_autoptr(RahnumaValidation) validation = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  validation = rahnuma_validate_module (dir, rahnuma_media_probe_check, probe);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  g_assert_cmpint (rahnuma_validation_get_problem (validation, 0)->code, ==, RAHNUMA_PROBLEM_NO_MODULE_FILE);
}

/* module.ini as a link to a file outside: reported as a link, never read
 * (its text would otherwise reach the parse error's message). */
static void
test_module_file_link (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *secret = g_build_filename (rahnuma_test_tmp_dir (), "secret-ini", NULL);
  g_autoptr(RahnumaValidation) validation = NULL;
  const RahnumaProblem *problem;

  g_assert_true (g_file_set_contents (secret, "root:SECRET-HASH:19000\n", -1, NULL));
  g_assert_cmpint (g_remove (ini), ==, 0);
  g_assert_cmpint (symlink (secret, ini), ==, 0);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_SPECIAL_FILE);
  g_assert_cmpstr (problem->file, ==, ini);
  g_assert_null (strstr (problem->message, "SECRET"));
}

/* Urdu saved in Windows-1256: the file says it is not UTF-8, on the right
 * line, instead of calling the title missing; the kiosk's loader agrees. */
static void
test_not_utf8 (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaProblem *problem;

  g_assert_true (g_file_get_contents (ini, &contents, NULL, NULL));
  text = g_string_new (contents);
  /* Line 9, Title[ur]=, in Windows-1256 bytes. */
  g_assert_cmpuint (g_string_replace (text, "Title[ur]=بھرتی کی فیس", "Title[ur]=\xc8\xe5\xd1\xca\xed", 1), ==, 1);
  g_assert_true (g_file_set_contents (ini, text->str, (gssize) text->len, NULL));

  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_NOT_UTF8);
  g_assert_cmpuint (problem->line, ==, 9);
  g_assert_nonnull (strstr (problem->message, "not UTF-8"));
  g_assert_nonnull (strstr (problem->message, "line 9"));
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_MISSING_KEY), ==, 0);

  module = rahnuma_module_new_from_dir (dir, &error);
  g_assert_null (module);
  g_assert_error (error, RAHNUMA_MODULE_ERROR, RAHNUMA_MODULE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "module.ini:9: not UTF-8"));
}

/* Every broken fixture differs from good by one mistake: validating them all
 * together must still report each package's problems under its own file. */
static void
test_every_problem_reported (void)
{
  g_autoptr(RahnumaValidation) validation = rahnuma_validation_new (rahnuma_media_probe_check, probe);
  guint expected = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *dir = rahnuma_test_prepare_package (broken[i].fixture);

      rahnuma_validation_add_package (validation, dir);
      /* The quiz's balance is checked on a package the kiosk would load:
       * here the duplicate id below is an error, so those three stay silent. */
      if (broken[i].code != RAHNUMA_PROBLEM_LONGEST_ANSWER && broken[i].code != RAHNUMA_PROBLEM_SHORTEST_ANSWER
          && broken[i].code != RAHNUMA_PROBLEM_ANSWER_POSITION)
        expected += broken[i].n_errors + broken[i].n_warnings;
    }
  /* broken-bad-value's id is invalid, so it claims no id; all the others share one. */
  expected += G_N_ELEMENTS (broken) - 1 - 2;
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_DUPLICATE_ID), ==,
                    G_N_ELEMENTS (broken) - 1 - 2);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, expected);
}

static void
test_coverage (void)
{
  g_autofree char *good_dir = rahnuma_test_prepare_package ("good");
  g_autofree char *fallback_dir = rahnuma_test_prepare_package ("broken-narration-fallback");
  g_autofree char *placeholder_dir = rahnuma_test_prepare_package ("broken-placeholder");
  g_autoptr(RahnumaModule) good = rahnuma_module_new_from_dir (good_dir, NULL);
  g_autoptr(RahnumaModule) fallback = rahnuma_module_new_from_dir (fallback_dir, NULL);
  g_autoptr(RahnumaModule) placeholder = rahnuma_module_new_from_dir (placeholder_dir, NULL);
  guint recorded, needed;

  g_assert_nonnull (good);
  g_assert_nonnull (fallback);
  g_assert_nonnull (placeholder);
  g_assert_true (rahnuma_module_has_all_texts (good, "pa_PK"));
  g_assert_false (rahnuma_module_has_all_texts (placeholder, "pa_PK"));
  g_assert_true (rahnuma_module_has_all_texts (placeholder, "ps"));

  rahnuma_module_count_narration (good, "pa_PK", &recorded, &needed);
  g_assert_cmpuint (needed, ==, 3 + 2 * 5);
  g_assert_cmpuint (recorded, ==, needed);
  rahnuma_module_count_narration (fallback, "pa_PK", &recorded, &needed);
  g_assert_cmpuint (recorded, ==, needed - 1);
}

/* A decoded 30000 × 30000 picture takes 900 MB or more; validating a
 * package that holds one must stay far below that, ASan's shadow included. */
#define MAX_RSS_KB (384 * 1024)

static long
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* "good" with its one picture replaced by @write's: every scene naming it
 * gets media-too-large, at its own line, saying the size and the limit. */
static void
check_huge_picture (void (*write) (const char *, guint, guint), guint width, guint height,
                    const char *size)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autoptr(RahnumaValidation) validation = NULL;
  const RahnumaProblem *problem;

  write (picture, width, height);
  validation = rahnuma_validate_module (dir, rahnuma_media_probe_check, probe);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), >, 0);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_MEDIA_TOO_LARGE), ==,
                    rahnuma_validation_get_n_problems (validation));
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_ERROR);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_cmpstr (problem->key, ==, "Picture");
  g_assert_nonnull (problem->hint);
  g_assert_nonnull (strstr (problem->message, "pictures/scene.png is too large"));
  g_assert_nonnull (strstr (problem->message, size));
  g_assert_nonnull (strstr (problem->message, "4096 × 3072"));
  /* Without a prober too: a kiosk's catalogue leaves the package out. */
  g_clear_pointer (&validation, rahnuma_validation_free);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_MEDIA_TOO_LARGE), >, 0);
  g_test_message ("max RSS: %ld kB", max_rss_kb ());
  g_assert_cmpint (max_rss_kb (), <, MAX_RSS_KB);
}

static void
test_huge_png (void)
{
  check_huge_picture (rahnuma_fixture_write_huge_png, 30000, 30000, "30000 × 30000");
}

/* The kiosk's catalogue leaves such a package out, and says why. */
static void
test_huge_png_left_out (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autofree char *modules = g_path_get_dirname (dir);
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  rahnuma_fixture_write_huge_png (picture, 30000, 30000);
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "Leaving out module package*too large*");
  catalog = rahnuma_catalog_new_full (modules, RAHNUMA_CATALOG_VALIDATE, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  problems = rahnuma_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "30000 × 30000"));
}

/* A video's size comes from its caps: wider than 1920 is refused, with the
 * size found and the limit; a small one plays. */
static void
test_video_too_large (void)
{
  g_autofree char *dir = rahnuma_fixture_make_dir ();
  g_autofree char *wide = rahnuma_fixture_webm (dir, "wide.webm", 200, 1928, 64);
  g_autofree char *small = rahnuma_fixture_webm (dir, "small.webm", 200, 320, 180);
  g_autoptr(GError) error = NULL;

  g_assert_true (rahnuma_media_probe_check (small, RAHNUMA_MEDIA_VIDEO, probe, &error));
  g_assert_no_error (error);
  g_assert_false (rahnuma_media_probe_check (wide, RAHNUMA_MEDIA_VIDEO, probe, &error));
  g_assert_error (error, RAHNUMA_PICTURE_HEADER_ERROR, RAHNUMA_PICTURE_HEADER_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1928 × 64"));
  g_assert_nonnull (strstr (error->message, "1920 × 1080"));
  rahnuma_fixture_remove_dir (dir);
}

static void
test_huge_jpeg (void)
{
  check_huge_picture (rahnuma_fixture_write_jpeg_header, 30000, 30000, "30000 × 30000");
}

/* A picture that is not PNG or JPEG is never handed to a decoder. */
static void
test_picture_not_png (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (picture, "GIF89a\x40\0\x30\0", 10, &error);
  g_assert_no_error (error);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_UNPLAYABLE_MEDIA), >, 0);
  g_assert_nonnull (strstr (rahnuma_validation_get_problem (validation, 0)->message, "not a PNG or JPEG"));
}

/* Each content warning states its figures, so a trainer knows how far off
 * the lesson is. */
static void
test_content_figures (void)
{
  static const struct { const char *fixture; const char *figures; } cases[] = {
    { "broken-caption-words", "[Scene 2] Caption has 23 words, at most 20" },
    { "broken-sentence-words", "[Scene 3] Caption[ur]: sentence 2 has 13 words, at most 12" },
    { "broken-longest-answer", "In English, the right answer is the longest choice in 2 of 5 questions" },
    { "broken-shortest-answer", "In English, the right answer is the shortest choice in 2 of 5 questions" },
    { "broken-answer-position", "Choice 1 is the right answer in 3 of 5 questions: more than half" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RahnumaValidation) validation = validate_fixture (cases[i].fixture, FALSE);

      g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
      g_assert_nonnull (strstr (rahnuma_validation_get_problem (validation, 0)->message, cases[i].figures));
    }
}

/* Words are counted by whitespace in every language; sentences end at
 * ". ! ?" and the Urdu "۔" and "؟", never at a dot inside a number. */
static void
test_count_words (void)
{
  guint index;

  g_assert_cmpuint (rahnuma_text_count_words ("Keep a copy — always."), ==, 4);
  g_assert_cmpuint (rahnuma_text_count_words ("  "), ==, 0);
  g_assert_cmpuint (rahnuma_text_count_words ("رسید لیں ۔ اسے رکھیں"), ==, 4);
  g_assert_cmpuint (rahnuma_text_longest_sentence ("One two. One two three four? Five", &index), ==, 4);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (rahnuma_text_longest_sentence ("پیسے بینک سے بھیجیں۔ رسید سنبھال کر اپنے پاس رکھیں۔", &index), ==, 6);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (rahnuma_text_longest_sentence ("کیا یہ جائز ہے؟ نہیں", &index), ==, 4);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpuint (rahnuma_text_longest_sentence ("A mark of 0.8 is 80 in 100.", NULL), ==, 8);
  g_assert_cmpuint (rahnuma_text_longest_sentence ("It is a 'security deposit'. Do not pay.", &index), ==, 5);
  g_assert_cmpuint (index, ==, 1);
}

/* Replaces the first @from in @dir's module.ini with @to. */
static void
edit_ini (const char *dir, const char *from, const char *to)
{
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (ini, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (ini, text->str, (gssize) text->len, NULL));
}

/* Notepad's "UTF-8" puts a byte order mark first: the package is as good. */
static void
test_windows_bom (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autoptr(GError) error = NULL;

  edit_ini (dir, "# ", "\xef\xbb\xbf# ");
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
  module = rahnuma_module_new_from_dir (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rahnuma_module_get_id (module), ==, "fixture-fees");
}

/* Notepad's "Unicode" is UTF-16: one error that names it, not a garble. */
static void
test_windows_utf16 (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) marked = g_string_new_len ("\xff\xfe", 2);
  g_autoptr(RahnumaValidation) validation = NULL;
  const RahnumaProblem *problem;
  gsize length;

  g_assert_true (g_file_get_contents (ini, &contents, NULL, NULL));
  utf16 = g_convert (contents, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (marked, utf16, (gssize) length);
  g_assert_true (g_file_set_contents (ini, marked->str, (gssize) marked->len, NULL));

  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_NOT_UTF8);
  g_assert_nonnull (strstr (problem->message, "UTF-16"));
  g_assert_nonnull (strstr (problem->hint, "Encoding to UTF-8"));
}

/* A path written the Windows way is pointed at, with the path to write. */
static void
test_windows_backslashes (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autoptr(RahnumaValidation) validation = NULL;
  const RahnumaProblem *problem;

  edit_ini (dir, "Picture=pictures/scene.png", "Picture=pictures\\en\\scene-1.png");
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_BAD_VALUE);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_nonnull (strstr (problem->message, "pictures\\en\\scene-1.png uses backslashes"));
  g_assert_nonnull (strstr (problem->hint, "forward slashes: pictures/en/scene-1.png"));
}

/* Scene-1.PNG for scene-1.png: the hint names the file that is there. */
static void
test_windows_case (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *picture = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autofree char *renamed = g_build_filename (dir, "pictures", "Scene.PNG", NULL);
  g_autoptr(RahnumaValidation) validation = NULL;
  const RahnumaProblem *problem;

  g_assert_cmpint (g_rename (picture, renamed), ==, 0);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR), >, 0);
  g_assert_cmpuint (rahnuma_validation_count_code (validation, RAHNUMA_PROBLEM_MISSING_MEDIA), ==,
                    rahnuma_validation_get_n_problems (validation));
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_nonnull (strstr (problem->message, "pictures/scene.png does not exist"));
  g_assert_nonnull (strstr (problem->hint, "the folder has pictures/Scene.PNG"));

  /* A file that is simply not there gets no suggestion. */
  g_assert_cmpint (g_unlink (renamed), ==, 0);
  g_clear_pointer (&validation, rahnuma_validation_free);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  g_assert_null (strstr (rahnuma_validation_get_problem (validation, 0)->hint, "the folder has"));
}

/* media.sums: a picture made from a caption is stale once the caption
 * changes; one drawn by hand and copied over it is the trainer's own. */
static void
test_stale_picture (void)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *ini = g_build_filename (dir, "module.ini", NULL);
  g_autofree char *shared = g_build_filename (dir, "pictures", "scene.png", NULL);
  g_autofree char *own = g_build_filename (dir, "pictures", "scene-1.png", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *drawn = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RahnumaMediaSums) sums = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  const RahnumaProblem *problem;
  gsize length;

  g_assert_true (g_file_get_contents (shared, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (own, bytes, (gssize) length, NULL));
  edit_ini (dir, "Picture=pictures/scene.png", "Picture=pictures/scene-1.png");
  g_assert_true (g_key_file_load_from_file (key_file, ini, G_KEY_FILE_NONE, NULL));
  text = rahnuma_media_dup_source_text (key_file, "Scene 1", "Picture");
  g_assert_cmpstr (text, ==, "No worker should pay recruitment fees or related costs.");
  sums = rahnuma_media_sums_load (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rahnuma_media_sums_record (sums, "pictures/scene-1.png", text, &error));
  g_assert_true (rahnuma_media_sums_save (sums, &error));
  validation = rahnuma_validate_module (dir, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
  g_clear_pointer (&validation, rahnuma_validation_free);

  edit_ini (dir, "Caption=No worker", "Caption=No worker, man or woman,");
  validation = rahnuma_validate_module (dir, NULL, NULL);
  dump (validation);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_STALE_MEDIA);
  g_assert_cmpint (problem->severity, ==, RAHNUMA_SEVERITY_WARNING);
  g_assert_cmpuint (problem->line, ==, 22);
  g_assert_nonnull (strstr (problem->message, "pictures/scene-1.png was made from an older text of [Scene 1]"));
  g_assert_nonnull (strstr (problem->hint, "media/make-media"));

  /* A new picture copied over the old one: no longer the generated file. */
  drawn = rahnuma_fixture_png (rahnuma_test_tmp_dir (), "hand-drawn", 640, 360);
  g_clear_pointer (&bytes, g_free);
  g_assert_true (g_file_get_contents (drawn, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (own, bytes, (gssize) length, NULL));
  g_clear_pointer (&validation, rahnuma_validation_free);
  validation = rahnuma_validate_module (dir, NULL, NULL);
  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 0);
}

/* Scene 1's Urdu narration replaced by a generated clip; returns the
 * problems the validator finds with GStreamer measuring every clip. */
static RahnumaValidation *
validate_with_clip (const char *wave, double volume, guint duration_ms)
{
  g_autofree char *dir = rahnuma_test_prepare_package ("good");
  g_autofree char *audio = g_build_filename (dir, "audio", NULL);
  g_autofree char *clip = rahnuma_fixture_tone (audio, "scene-1-ur.ogg", wave, volume, duration_ms);
  RahnumaValidation *validation = rahnuma_validation_new (rahnuma_media_probe_check, probe);

  edit_ini (dir, "Narration[ur]=audio/ur.ogg", "Narration[ur]=audio/scene-1-ur.ogg");
  rahnuma_validation_set_audio_meter (validation, rahnuma_media_measure_audio, NULL);
  rahnuma_validation_add_package (validation, dir);
  dump (validation);
  return validation;
}

/* The one audio-level problem, on Scene 1's Narration[ur] (line 27). */
static const RahnumaProblem *
only_audio_problem (RahnumaValidation *validation, RahnumaSeverity severity)
{
  const RahnumaProblem *problem;

  g_assert_cmpuint (rahnuma_validation_get_n_problems (validation), ==, 1);
  problem = rahnuma_validation_get_problem (validation, 0);
  g_assert_cmpint (problem->code, ==, RAHNUMA_PROBLEM_AUDIO_LEVEL);
  g_assert_cmpint (problem->severity, ==, severity);
  g_assert_cmpstr (problem->key, ==, "Narration[ur]");
  g_assert_cmpuint (problem->line, ==, 27);
  return problem;
}

static void
test_audio_levels (void)
{
  g_autoptr(RahnumaValidation) fine = validate_with_clip ("sine", 0.3, 2000);
  g_autoptr(RahnumaValidation) silent = validate_with_clip ("silence", 1.0, 2000);
  g_autoptr(RahnumaValidation) clipped = validate_with_clip ("sine", 4.0, 2000);
  g_autoptr(RahnumaValidation) quiet = validate_with_clip ("sine", 0.01, 2000);
  g_autoptr(RahnumaValidation) too_long = validate_with_clip ("sine", 0.3, 40000);
  const RahnumaProblem *problem;

  g_assert_cmpuint (rahnuma_validation_get_n_problems (fine), ==, 0);

  /* A microphone that was not on: the loudest moment, which digital silence has none of. */
  problem = only_audio_problem (silent, RAHNUMA_SEVERITY_ERROR);
  g_assert_nonnull (strstr (problem->message, "audio/scene-1-ur.ogg is silent: its loudest moment is -120 dBFS"));
  g_assert_nonnull (strstr (problem->hint, "microphone"));

  problem = only_audio_problem (clipped, RAHNUMA_SEVERITY_ERROR);
  g_assert_nonnull (strstr (problem->message, "is clipped (distorted): 2.0 s of it is at full volume"));

  /* 0.01 of full scale: a sine's RMS is 3 dB below its peak, -43 dBFS. */
  problem = only_audio_problem (quiet, RAHNUMA_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "is too quiet: speech at -43 dBFS"));

  /* Scene 1's Urdu caption has 51 characters: at most 5 + 51 / 4 = 17.75 s. */
  problem = only_audio_problem (too_long, RAHNUMA_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "lasts 40 s, much longer than its text needs (at most 18 s)"));
}

/* A placeholder is only a warning to the trainer, but a kiosk's catalogue
 * leaves the package out and says why. */
static void
test_placeholder_left_out (void)
{
  g_autofree char *package = rahnuma_test_prepare_package ("broken-placeholder");
  g_autofree char *folder = g_build_filename (rahnuma_test_tmp_dir (), "placeholder-modules", NULL);
  g_autofree char *copy = g_build_filename (folder, "fees", NULL);
  g_autoptr(RahnumaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  rahnuma_test_copy_tree (package, copy);
  g_test_expect_message ("rahnuma-catalog", G_LOG_LEVEL_WARNING, "*still a placeholder*");
  catalog = rahnuma_catalog_new_full (folder, RAHNUMA_CATALOG_VALIDATE, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  problems = rahnuma_catalog_get_problems (catalog);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "(and 0 more)"));
  rahnuma_test_remove_tree (folder);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  rahnuma_test_fixtures_init ();
  probe = rahnuma_media_probe_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/rahnuma/validator/good", test_good);
  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rahnuma/validator/%s", broken[i].fixture);

      g_test_add_data_func (path, &broken[i], test_broken);
    }
  g_test_add_func ("/rahnuma/validator/unplayable-needs-probe", test_unplayable_needs_probe);
  g_test_add_func ("/rahnuma/validator/probe-wrong-kind", test_wrong_kind);
  g_test_add_func ("/rahnuma/validator/duplicate-id", test_duplicate_id);
  g_test_add_func ("/rahnuma/validator/no-module-file", test_no_module_file);
  g_test_add_func ("/rahnuma/validator/module-file-link", test_module_file_link);
  g_test_add_func ("/rahnuma/validator/not-utf8", test_not_utf8);
  g_test_add_func ("/rahnuma/validator/every-problem-reported", test_every_problem_reported);
  g_test_add_func ("/rahnuma/validator/coverage", test_coverage);
  g_test_add_func ("/rahnuma/validator/huge-png", test_huge_png);
  g_test_add_func ("/rahnuma/validator/huge-jpeg", test_huge_jpeg);
  g_test_add_func ("/rahnuma/validator/huge-png-left-out", test_huge_png_left_out);
  g_test_add_func ("/rahnuma/validator/video-too-large", test_video_too_large);
  g_test_add_func ("/rahnuma/validator/picture-not-png", test_picture_not_png);
  g_test_add_func ("/rahnuma/validator/count-words", test_count_words);
  g_test_add_func ("/rahnuma/validator/content-figures", test_content_figures);
  g_test_add_func ("/rahnuma/validator/placeholder-left-out", test_placeholder_left_out);
  g_test_add_func ("/rahnuma/validator/stale-picture", test_stale_picture);
  g_test_add_func ("/rahnuma/validator/audio-levels", test_audio_levels);
  g_test_add_func ("/rahnuma/validator/windows/bom", test_windows_bom);
  g_test_add_func ("/rahnuma/validator/windows/utf16", test_windows_utf16);
  g_test_add_func ("/rahnuma/validator/windows/backslashes", test_windows_backslashes);
  g_test_add_func ("/rahnuma/validator/windows/case", test_windows_case);

  status = g_test_run ();
  rahnuma_media_probe_free (probe);
  rahnuma_test_fixtures_cleanup ();
  return status;
}
