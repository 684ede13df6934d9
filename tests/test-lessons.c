/* test-lessons.c — the bundled lessons' quizzes test understanding: a
 * visitor who always picks the longest answer, or the shortest, or always
 * the first, passes none of them (issue 14), in any language, at each
 * lesson's own pass mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "rahnuma-language.h"
#include "rahnuma-module.h"
#include "rahnuma-quiz.h"
#include "rahnuma-validator.h"

#define N_BUNDLED 7

static char *modules_dir;

typedef guint (*Strategy) (RahnumaQuestion *question, const char *lang);

/* The longest choice on screen; on a tie for longest, the right one if it
 * is among them (the strategy's best luck). */
static guint
pick_longest (RahnumaQuestion *question, const char *lang)
{
  guint best = 0;
  glong best_length = -1;

  if (rahnuma_question_is_longest_right (question, lang))
    return rahnuma_question_get_correct (question);
  for (guint i = 0; i < rahnuma_question_get_n_choices (question); i++)
    {
      g_autofree char *text = rahnuma_question_dup_choice (question, i, lang);
      glong length = g_utf8_strlen (text, -1);

      if (length > best_length)
        {
          best = i;
          best_length = length;
        }
    }
  return best;
}

/* The same with the shortest choice. */
static guint
pick_shortest (RahnumaQuestion *question, const char *lang)
{
  guint best = 0;
  glong best_length = G_MAXLONG;

  if (rahnuma_question_is_shortest_right (question, lang))
    return rahnuma_question_get_correct (question);
  for (guint i = 0; i < rahnuma_question_get_n_choices (question); i++)
    {
      g_autofree char *text = rahnuma_question_dup_choice (question, i, lang);
      glong length = g_utf8_strlen (text, -1);

      if (length < best_length)
        {
          best = i;
          best_length = length;
        }
    }
  return best;
}

static guint
pick_first (RahnumaQuestion *question, const char *lang)
{
  (void) question;
  (void) lang;
  return 0;
}

static GPtrArray *
load_bundled (void)
{
  g_autoptr(GDir) dir = g_dir_open (modules_dir, 0, NULL);
  GPtrArray *modules = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (modules_dir, name, NULL);
      g_autoptr(GError) error = NULL;
      RahnumaModule *module;

      if (name[0] == '.' || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      module = rahnuma_module_new_from_dir (path, &error);
      g_assert_no_error (error);
      g_ptr_array_add (modules, module);
    }
  g_assert_cmpuint (modules->len, ==, N_BUNDLED);
  return modules;
}

static void
play (Strategy strategy, const char *name)
{
  g_autoptr(GPtrArray) modules = load_bundled ();
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  for (guint m = 0; m < modules->len; m++)
    for (gsize l = 0; l < n_languages; l++)
      {
        RahnumaModule *module = g_ptr_array_index (modules, m);
        g_autoptr(RahnumaQuiz) quiz = rahnuma_quiz_new (module);

        for (guint q = 0; q < rahnuma_module_get_n_questions (module); q++)
          rahnuma_quiz_answer (quiz, q, strategy (rahnuma_module_get_question (module, q), languages[l].code));
        g_test_message ("%s in %s, %s: %u of %u right, pass mark %u%%", name, languages[l].code,
                        rahnuma_module_get_id (module), rahnuma_quiz_get_n_correct (quiz),
                        rahnuma_quiz_get_n_questions (quiz), rahnuma_module_get_pass_mark_percent (module));
        g_assert_true (rahnuma_quiz_is_finished (quiz));
        /* Not an abort: every lesson it passes is listed. */
        if (rahnuma_quiz_is_passed (quiz))
          g_test_fail_printf ("%s passes %s in %s", name, rahnuma_module_get_id (module), languages[l].code);
      }
}

static void
test_always_longest (void)
{
  play (pick_longest, "always the longest");
}

static void
test_always_shortest (void)
{
  play (pick_shortest, "always the shortest");
}

static void
test_always_first (void)
{
  play (pick_first, "always the first");
}

/* The kiosk's own texts print Western digits (0-9); the lessons use the
 * same, so a worker never sees two ways of writing one number. */
static void
test_western_digits (void)
{
  g_autoptr(GPtrArray) modules = load_bundled ();

  for (guint m = 0; m < modules->len; m++)
    {
      GKeyFile *key_file = rahnuma_module_get_key_file (g_ptr_array_index (modules, m));
      g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

      for (guint g = 0; groups[g] != NULL; g++)
        {
          g_auto(GStrv) keys = g_key_file_get_keys (key_file, groups[g], NULL, NULL);

          for (guint k = 0; keys[k] != NULL; k++)
            {
              g_autofree char *value = g_key_file_get_value (key_file, groups[g], keys[k], NULL);

              for (const char *p = value; *p; p = g_utf8_next_char (p))
                {
                  gunichar c = g_utf8_get_char (p);

                  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
                    g_error ("[%s] %s has an Eastern digit: %s", groups[g], keys[k], value);
                }
            }
        }
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("RAHNUMA_SOURCE_DIR"));
  modules_dir = g_build_filename (g_getenv ("RAHNUMA_SOURCE_DIR"), "media", "modules", NULL);

  g_test_add_func ("/rahnuma/lessons/always-longest", test_always_longest);
  g_test_add_func ("/rahnuma/lessons/always-shortest", test_always_shortest);
  g_test_add_func ("/rahnuma/lessons/always-first", test_always_first);
  g_test_add_func ("/rahnuma/lessons/western-digits", test_western_digits);
  status = g_test_run ();
  g_free (modules_dir);
  return status;
}
