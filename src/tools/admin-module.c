/* admin-module.c — rahnuma-admin module validate|new|list|install|import-media (record: admin-record.c)
 *
 * The trainers' commands. Each parses its own options (GOptionContext) and
 * returns 0 when all is well, 1 when the packages have problems and 2 when
 * the command could not run at all (see rahnuma-admin.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "rahnuma-admin.h"
#include "admin-module-private.h"
#include "rahnuma-install.h"
#include "rahnuma-language.h"
#include "rahnuma-media-probe.h"
#include "rahnuma-ini-edit.h"
#include "rahnuma-media-sums.h"
#include "rahnuma-narration.h"
#include "rahnuma-module.h"
#include "rahnuma-validator.h"

#define EXIT_OK       0
#define EXIT_PROBLEMS 1
#define EXIT_NOT_RUN  2

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

/* Output ----------------------------------------------------------------- */

static void
print_problem (const RahnumaProblem *problem)
{
  /* Translators: a problem’s severity in `module validate` */
  const char *severity = problem->severity == RAHNUMA_SEVERITY_ERROR ? _("error") : _("warning");
  g_autofree char *where = problem->line > 0
                             ? g_strdup_printf ("%s:%u", problem->file, problem->line)
                             : g_strdup (problem->file);

  if (problem->hint != NULL)
    g_print ("%s: %s: %s (%s)\n", where, severity, problem->message, problem->hint);
  else
    g_print ("%s: %s: %s\n", where, severity, problem->message);
}

static void
print_problems_json (RahnumaValidation *validation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = rahnuma_validation_get_n_problems (validation);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const RahnumaProblem *problem = rahnuma_validation_get_problem (validation, i);

      json_builder_begin_object (builder);
      rahnuma_admin_json_add_problem (builder, problem->file, problem->line, problem->severity,
                                      rahnuma_problem_code_to_string (problem->code),
                                      problem->group, problem->key, problem->message);
      rahnuma_admin_json_add_string (builder, "hint", problem->hint);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rahnuma_admin_json_print (builder);
}

static void
print_validation (RahnumaValidation *validation, guint n_packages)
{
  guint n_errors = rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR);
  guint n_warnings = rahnuma_validation_count (validation, RAHNUMA_SEVERITY_WARNING);

  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    print_problem (rahnuma_validation_get_problem (validation, i));
  /* TRANSLATORS: the summary after checking module packages */
  /* Translators: the %u are counts of packages, errors and warnings */
  g_print (_("%u package(s) checked: %u error(s), %u warning(s).\n"), n_packages, n_errors, n_warnings);
}

/* Options ---------------------------------------------------------------- */

static RahnumaMediaProbe *
open_probe (void)
{
  g_autoptr(GError) error = NULL;
  RahnumaMediaProbe *probe = rahnuma_media_probe_new (&error);

  if (probe == NULL)
    /* Translators: %s is why (an error message) */
    g_printerr (_("Cannot start GStreamer to check media: %s\n"), error->message);
  return probe;
}

static gboolean
is_package (const char *dir)
{
  g_autofree char *ini = g_build_filename (dir, RAHNUMA_MODULE_FILE, NULL);

  return g_file_test (ini, G_FILE_TEST_EXISTS);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The package folders directly inside @dir, sorted; hidden ones (an install
 * in progress) are left out, as the kiosk's catalog does. */
static GPtrArray *
list_packages (const char *dir, GError **error)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    return NULL;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (packages, g_steal_pointer (&path));
    }
  g_ptr_array_sort (packages, compare_strings);
  return g_steal_pointer (&packages);
}

/* validate --------------------------------------------------------------- */

static gboolean
has_any_package (GPtrArray *folders)
{
  for (guint i = 0; i < folders->len; i++)
    if (is_package (g_ptr_array_index (folders, i)))
      return TRUE;
  return FALSE;
}

/* A DIR argument is a package, or a folder of packages (media/modules):
 * then every folder in it is checked, so a stray one is reported too. */
static gboolean
add_validate_argument (RahnumaValidation *validation, const char *argument, guint *n_packages)
{
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (argument);
  /* "validate fees/module.ini" means the package, as a trainer would expect. */
  g_autofree char *dir = g_str_equal (base, RAHNUMA_MODULE_FILE) && g_file_test (argument, G_FILE_TEST_IS_REGULAR)
                           ? g_path_get_dirname (argument) : g_strdup (argument);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      /* Translators: %s is a file or folder path */
      g_printerr (_("%s is not a folder.\n"), dir);
      return FALSE;
    }
  if (!is_package (dir))
    packages = list_packages (dir, &error);
  if (packages == NULL || !has_any_package (packages))
    {
      rahnuma_validation_add_package (validation, dir);
      (*n_packages)++;
      return TRUE;
    }
  for (guint i = 0; i < packages->len; i++)
    rahnuma_validation_add_package (validation, g_ptr_array_index (packages, i));
  *n_packages += packages->len;
  return TRUE;
}

/* "translations: ur 40 reviewed, 0 machine-made, 0 missing; ps …" */
static void
print_translation_counts (GKeyFile *key_file, const char *indent)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  g_autoptr(GString) line = g_string_new (NULL);

  for (gsize i = 0; i < n_languages; i++)
    {
      guint reviewed, machine, missing;

      if (g_str_equal (languages[i].code, "en"))
        continue;
      rahnuma_module_count_texts (key_file, languages[i].code, &reviewed, &machine, &missing);
      g_string_append_printf (line, "%s%s ", line->len > 0 ? "; " : "", languages[i].code);
      /* Translators: counts of a lesson's texts in one language */
      g_string_append_printf (line, _("%u reviewed, %u machine-made, %u missing"), reviewed, machine, missing);
    }
  g_print ("%s%s %s\n", indent, _("translations:"), line->str);
}

/* For each package a validate argument names, its translations' state. */
static void
print_package_translations (const char *argument)
{
  g_autoptr(GPtrArray) packages = is_package (argument) ? NULL : list_packages (argument, NULL);

  if (packages == NULL)
    {
      packages = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (packages, g_strdup (argument));
    }
  for (guint i = 0; i < packages->len; i++)
    {
      g_autoptr(RahnumaModule) module = rahnuma_module_new_from_dir (packages->pdata[i], NULL);

      if (module == NULL)
        continue;
      g_print ("%s: ", rahnuma_module_get_id (module));
      print_translation_counts (rahnuma_module_get_key_file (module), "");
    }
}

static int
run_validate (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the problems as a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RahnumaMediaProbe) probe = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  guint n_packages = 0;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("DIR…"),
                                    _("Check module packages: every problem, with file, line and a hint.")))
    return EXIT_NOT_RUN;
  if (argc < 2)
    return rahnuma_admin_usage_error (_("Name at least one package folder (or a folder of packages)."));
  if ((probe = open_probe ()) == NULL)
    return EXIT_NOT_RUN;

  validation = rahnuma_validation_new (rahnuma_media_probe_check, probe);
  rahnuma_validation_set_audio_meter (validation, rahnuma_media_measure_audio, NULL);
  for (int i = 1; i < argc; i++)
    if (!add_validate_argument (validation, argv[i], &n_packages))
      return EXIT_NOT_RUN;

  if (json)
    print_problems_json (validation);
  else
    {
      print_validation (validation, n_packages);
      for (int i = 1; i < argc; i++)
        print_package_translations (argv[i]);
    }
  return rahnuma_validation_count (validation, RAHNUMA_SEVERITY_ERROR) > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/* list ------------------------------------------------------------------- */

/* "100%", "fallback→ur", or "40% (rest fallback→ur)" */
static char *
describe_narration (RahnumaModule *module, const RahnumaLanguage *language)
{
  guint recorded, needed;

  rahnuma_module_count_narration (module, language->code, &recorded, &needed);
  if (recorded == needed || language->narration_fallback == NULL)
    return g_strdup_printf ("%u%%", needed > 0 ? recorded * 100 / needed : 100);
  if (recorded == 0)
    /* Translators: a cell of `module list`: %s is the language whose voice is heard
     * instead; %u%% a share */
    return g_strdup_printf (_("fallback→%s"), language->narration_fallback);
  /* Translators: a cell of `module list`: %s is the language whose voice is heard instead;
   * %u%% a share */
  return g_strdup_printf (_("%u%% (rest fallback→%s)"), recorded * 100 / needed,
                          language->narration_fallback);
}

static void
print_module_text (RahnumaModule *module)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  g_autofree char *title = rahnuma_module_dup_title (module, NULL);
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) narration = g_string_new (NULL);
  int order = rahnuma_module_get_order (module);
  g_autofree char *order_text = order == G_MAXINT ? g_strdup ("-") : g_strdup_printf ("%d", order);

  for (gsize i = 0; i < n_languages; i++)
    {
      g_autofree char *coverage = describe_narration (module, &languages[i]);

      if (rahnuma_module_has_all_texts (module, languages[i].code))
        g_string_append_printf (texts, " %s", languages[i].code);
      g_string_append_printf (narration, "  %s %s", languages[i].code, coverage);
    }
  g_print ("%-3s %-24s v%-3u %s\n", order_text, rahnuma_module_get_id (module),
           rahnuma_module_get_version (module), title);
  /* Translators: in `module list`: what each package has, in a narrow column */
  g_print ("    %s%s\n", _("texts:"), texts->len > 0 ? texts->str : _(" none complete"));
  /* Translators: in `module list`: what each package has, in a narrow column */
  g_print ("    %s%s\n", _("narration:"), narration->str);
  print_translation_counts (rahnuma_module_get_key_file (module), "    ");
}

static void
add_narration_json (JsonBuilder *builder, RahnumaModule *module, const RahnumaLanguage *language)
{
  guint recorded, needed;

  rahnuma_module_count_narration (module, language->code, &recorded, &needed);
  json_builder_set_member_name (builder, language->code);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "recorded");
  json_builder_add_int_value (builder, recorded);
  json_builder_set_member_name (builder, "needed");
  json_builder_add_int_value (builder, needed);
  rahnuma_admin_json_add_string (builder, "fallback", recorded < needed ? language->narration_fallback : NULL);
  json_builder_end_object (builder);
}

static void
add_module_json (JsonBuilder *builder, RahnumaModule *module)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);
  g_autofree char *title = rahnuma_module_dup_title (module, NULL);

  json_builder_begin_object (builder);
  rahnuma_admin_json_add_string (builder, "id", rahnuma_module_get_id (module));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, rahnuma_module_get_version (module));
  json_builder_set_member_name (builder, "order");
  json_builder_add_int_value (builder, rahnuma_module_get_order (module));
  rahnuma_admin_json_add_string (builder, "title", title);
  rahnuma_admin_json_add_string (builder, "dir", rahnuma_module_get_dir (module));
  json_builder_set_member_name (builder, "languages");
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_languages; i++)
    if (rahnuma_module_has_all_texts (module, languages[i].code))
      json_builder_add_string_value (builder, languages[i].code);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "narration");
  json_builder_begin_object (builder);
  for (gsize i = 0; i < n_languages; i++)
    add_narration_json (builder, module, &languages[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* Loads every package in @dir; those that fail are reported on stderr. */
static GPtrArray *
load_modules (const char *dir, guint *n_failed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = list_packages (dir, &error);
  GPtrArray *modules;

  if (packages == NULL)
    {
      /* Translators: %s is a file or folder path, then why (a system message) */
      g_printerr (_("Cannot read %s: %s\n"), dir, error->message);
      return NULL;
    }
  modules = g_ptr_array_new_with_free_func (g_object_unref);
  *n_failed = 0;
  for (guint i = 0; i < packages->len; i++)
    {
      g_autoptr(GError) load_error = NULL;
      RahnumaModule *module = rahnuma_module_new_from_dir (g_ptr_array_index (packages, i), &load_error);

      if (module != NULL)
        g_ptr_array_add (modules, module);
      else
        {
          /* Translators: %s is why (an error message) */
          g_printerr (_("Cannot load a package: %s\n"), load_error->message);
          (*n_failed)++;
        }
    }
  g_ptr_array_sort (modules, rahnuma_module_compare);
  return modules;
}

static int
run_list (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the modules as a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GPtrArray) modules = NULL;
  guint n_failed = 0;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("DIR"),
                                    _("Show each module in a modules folder, its languages and narration.")))
    return EXIT_NOT_RUN;
  if (argc != 2)
    return rahnuma_admin_usage_error (_("Name one modules folder, e.g. media/modules."));
  if ((modules = load_modules (argv[1], &n_failed)) == NULL)
    return EXIT_NOT_RUN;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < modules->len; i++)
        add_module_json (builder, g_ptr_array_index (modules, i));
      json_builder_end_array (builder);
      rahnuma_admin_json_print (builder);
    }
  else
    for (guint i = 0; i < modules->len; i++)
      print_module_text (g_ptr_array_index (modules, i));
  return n_failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/* new -------------------------------------------------------------------- */

#define SKELETON_SCENES    3
#define SKELETON_QUESTIONS 5

static void
append_texts (GString *ini, const char *key, const char *what)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  g_string_append_printf (ini, "%s=" RAHNUMA_PLACEHOLDER_MARK ": %s in English\n", key, what);
  for (gsize i = 0; i < n_languages; i++)
    if (!g_str_equal (languages[i].code, "en"))
      g_string_append_printf (ini, "%s[%s]=" RAHNUMA_PLACEHOLDER_MARK ": %s in %s\n", key,
                              languages[i].code, what, languages[i].english_name);
}

static void
append_narration (GString *ini, const char *key, const char *file)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  for (gsize i = 0; i < n_languages; i++)
    g_string_append_printf (ini, "#%s[%s]=audio/%s/%s.ogg\n", key, languages[i].code,
                            languages[i].code, file);
}

static void
append_skeleton_header (GString *ini, const char *id)
{
  g_string_append_printf (ini,
    "# Rahnuma module package: %s\n"
    "#\n"
    "# Replace every TODO with real text; “rahnuma-admin module validate” lists\n"
    "# what is left. A key without [..] is English; Key[ur]=, Key[ps]= and\n"
    "# Key[pa_PK]= (Punjabi in Shahmukhi) are the translations. See\n"
    "# docs/module-format.md for every key.\n"
    "[Module]\n"
    "# Id: lower-case letters, digits and '-'; never change it once installed.\n"
    "Id=%s\n"
    "# Version: raise it by one each time you change the module.\n"
    "Version=1\n"
    "# Order: the module's place in the kiosk's list.\n"
    "Order=99\n", id, id);
  g_string_append (ini, "# Title: at most 60 characters.\n");
  append_texts (ini, "Title", "the module's title");
  g_string_append (ini, "# Summary: one or two sentences, at most 200 characters.\n");
  append_texts (ini, "Summary", "what the visitor will learn");
  g_string_append (ini,
    "# MinWatched: fraction of each scene to watch before going on (0 to 1).\n"
    "MinWatched=0.8\n"
    "# PassMark: fraction of right answers to pass the quiz (0 to 1).\n"
    "PassMark=0.6\n"
    "# Sources: where each fact comes from, separated by ';'.\n"
    "Sources=" RAHNUMA_PLACEHOLDER_MARK ": name the source of each fact;\n"
    "# MachineTranslated: languages a native speaker has not yet checked.\n"
    "MachineTranslated=ur;ps;pa_PK;\n");
}

static void
append_skeleton_scene (GString *ini, guint n)
{
  g_autofree char *file = g_strdup_printf ("scene-%u", n);

  g_string_append_printf (ini,
    "\n[Scene %u]\n"
    "# Picture= (PNG) or Video= (WebM or Ogg), inside this folder. Picture[ur]=\n"
    "# and so on give a language its own picture. The picture here is a\n"
    "# placeholder: copy the real one over it, keeping its name.\n"
    "Picture=pictures/scene-%u.png\n"
    "# Caption: the words under the picture, at most 240 characters.\n", n, n);
  append_texts (ini, "Caption", "what this scene says");
  g_string_append (ini,
    "# Narration: the caption read aloud, one Ogg file per language. Record it with\n"
    "# rahnuma-admin module record --module DIR --scene N --lang LANG\n");
  append_narration (ini, "Narration", file);
}

static void
append_skeleton_question (GString *ini, guint n)
{
  g_autofree char *file = g_strdup_printf ("question-%u", n);
  g_autofree char *explanation = g_strdup_printf ("explanation-%u", n);

  g_string_append_printf (ini, "\n[Question %u]\n# Text: the question, at most 160 characters.\n", n);
  append_texts (ini, "Text", "the question");
  g_string_append (ini, "# Choice1= to Choice4=: two to four answers, at most 80 characters each.\n");
  for (guint c = 1; c <= 3; c++)
    {
      g_autofree char *key = g_strdup_printf ("Choice%u", c);
      g_autofree char *what = g_strdup_printf ("answer %u", c);

      append_texts (ini, key, what);
    }
  g_string_append (ini,
    "# Correct: the number of the one right choice.\n"
    "Correct=1\n"
    "# Explanation: shown after an answer, at most 300 characters.\n");
  append_texts (ini, "Explanation", "why the right answer is right");
  g_string_append (ini, "# Narration: the question and its choices read aloud (--question N).\n");
  append_narration (ini, "Narration", file);
  g_string_append (ini, "# ExplanationNarration: the explanation read aloud (--explanation N).\n");
  append_narration (ini, "ExplanationNarration", explanation);
}

/* A crossed-out picture per scene, noted in media.sums as a placeholder, so
 * the new package validates and the validator asks for the real ones. */
static gboolean
write_placeholder_pictures (const char *package, GError **error)
{
  g_autoptr(RahnumaMediaSums) sums = rahnuma_media_sums_new (package);

  for (guint n = 1; n <= SKELETON_SCENES; n++)
    {
      g_autofree char *relative = g_strdup_printf ("pictures/scene-%u.png", n);
      g_autofree char *path = g_build_filename (package, relative, NULL);

      if (!rahnuma_placeholder_picture_write (path, error) ||
          !rahnuma_media_sums_record (sums, relative, NULL, error))
        return FALSE;
    }
  return rahnuma_media_sums_save (sums, error);
}

static gboolean
write_skeleton (const char *package, const char *id, GError **error)
{
  g_autoptr(GString) ini = g_string_new (NULL);
  g_autofree char *path = g_build_filename (package, RAHNUMA_MODULE_FILE, NULL);
  const char *folders[] = { "pictures", "audio/ur", "audio/en", "audio/ps", "audio/pa_PK" };

  for (gsize i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (package, folders[i], NULL);

      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: %s", folder, g_strerror (saved_errno));
          return FALSE;
        }
    }
  append_skeleton_header (ini, id);
  for (guint n = 1; n <= SKELETON_SCENES; n++)
    append_skeleton_scene (ini, n);
  for (guint n = 1; n <= SKELETON_QUESTIONS; n++)
    append_skeleton_question (ini, n);
  return write_placeholder_pictures (package, error) &&
         g_file_set_contents (path, ini->str, ini->len, error);
}

static int
run_new (int argc, char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaModule) module = NULL;
  g_autofree char *package = NULL;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("ID DIR"),
                                    _("Write a skeleton package DIR/ID, ready to edit.")))
    return EXIT_NOT_RUN;
  if (argc != 3)
    return rahnuma_admin_usage_error (_("Give the new module's id and the folder to put it in."));
  if (!rahnuma_module_id_is_valid (argv[1]))
    return rahnuma_admin_usage_error (_("An id is lower-case English letters, digits and '-', e.g. fees-and-costs."));

  package = g_build_filename (argv[2], argv[1], NULL);
  if (g_file_test (package, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a folder path */
      g_printerr (_("%s already exists; choose another id or folder.\n"), package);
      return EXIT_NOT_RUN;
    }
  if (!write_skeleton (package, argv[1], &error) ||
      (module = rahnuma_module_new_from_dir (package, &error)) == NULL)
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Cannot write the skeleton: %s\n"), error->message);
      return EXIT_NOT_RUN;
    }
  /* Translators: %s/%s is the new package’s module.ini path */
  g_print (_("Wrote %s/%s.\nEdit it, add pictures, record narration, then run:\n"
             "  rahnuma-admin module validate %s\n"), package, RAHNUMA_MODULE_FILE, package);
  return EXIT_OK;
}

/* install ---------------------------------------------------------------- */

static int
run_install (int argc, char **argv)
{
  g_autofree char *into = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into, N_("The kiosk's modules folder"), N_("MODULES_DIR") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RahnumaMediaProbe) probe = NULL;
  g_autoptr(RahnumaValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installed = NULL;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("PACKAGE_DIR --into MODULES_DIR"),
                                    _("Check a package; if it has no errors, swap it into the modules folder "
                                       "atomically. A failed or interrupted install never replaces a working module.")))
    return EXIT_NOT_RUN;
  if (argc != 2 || into == NULL)
    return rahnuma_admin_usage_error (_("Give one package folder and --into MODULES_DIR."));
  if ((probe = open_probe ()) == NULL)
    return EXIT_NOT_RUN;

  validation = rahnuma_validation_new (rahnuma_media_probe_check, probe);
  rahnuma_validation_set_audio_meter (validation, rahnuma_media_measure_audio, NULL);
  rahnuma_validation_add_package (validation, argv[1]);
  if (!rahnuma_install_checked_package (argv[1], into, validation, &installed, &error))
    {
      if (validation != NULL && g_error_matches (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID))
        print_validation (validation, 1);
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, RAHNUMA_INSTALL_ERROR, RAHNUMA_INSTALL_ERROR_INVALID)
               ? EXIT_PROBLEMS : EXIT_NOT_RUN;
    }
  for (guint i = 0; i < rahnuma_validation_get_n_problems (validation); i++)
    print_problem (rahnuma_validation_get_problem (validation, i));
  /* Translators: %s is a folder or file path */
  g_print (_("Installed %s.\n"), installed);
  return EXIT_OK;
}

/* import-media ------------------------------------------------------------ */

typedef struct
{
  int scene;
  int question;
  int explanation;
  char *lang;
} ImportOptions;

/* The key and file a trainer's @kind of file becomes, or FALSE with why not. */
static gboolean
import_target (const ImportOptions *options, RahnumaMediaKind kind, char **group, char **key,
               char **relative, GError **error)
{
  int n = MAX (options->scene, MAX (options->question, options->explanation));
  const char *what = options->scene > 0 ? "scene" : options->question > 0 ? "question" : "explanation";
  g_autofree char *suffix = options->lang != NULL ? g_strdup_printf ("[%s]", options->lang) : g_strdup ("");
  g_autofree char *folder = options->lang != NULL ? g_strdup_printf ("%s/", options->lang) : g_strdup ("");

  *group = g_strdup_printf ("%s %d", options->scene > 0 ? "Scene" : "Question", n);
  if (kind == RAHNUMA_MEDIA_AUDIO)
    {
      if (options->lang == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               /* Translators: --lang is an option; do not translate it */
                               _("A narration needs --lang: whose voice is it?"));
          return FALSE;
        }
      *key = g_strdup_printf ("%s%s", options->explanation > 0 ? "ExplanationNarration" : "Narration", suffix);
      *relative = g_strdup_printf ("audio/%s%s-%d.ogg", folder, what, n);
      return TRUE;
    }
  if (options->explanation > 0 || (kind == RAHNUMA_MEDIA_VIDEO && options->scene == 0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           /* Translators: --scene and --question are options; do not translate them */
                           _("A picture goes with --scene or --question, a video with --scene"));
      return FALSE;
    }
  *key = g_strdup_printf ("%s%s", kind == RAHNUMA_MEDIA_VIDEO ? "Video" : "Picture", suffix);
  *relative = g_strdup_printf ("%s/%s%s-%d.%s", kind == RAHNUMA_MEDIA_VIDEO ? "videos" : "pictures", folder,
                               what, n, kind == RAHNUMA_MEDIA_VIDEO ? "webm" : "png");
  return TRUE;
}

/* Converts @source into @package/@relative through a temporary file. */
static gboolean
convert_into (const char *source, const RahnumaImportInfo *info, const char *package, const char *relative,
              GError **error)
{
  g_autofree char *path = g_build_filename (package, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temp = g_strdup_printf ("%s.import-tmp", path);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!rahnuma_media_import_convert (source, info, temp, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

/* "#Key=…" in place of @group's "Key=…", so a scene given a video keeps its
 * old picture as a comment rather than having both; TRUE if there was one. */
static gboolean
comment_out_key (const char *ini_path, const char *group, const char *key, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *header = g_strdup_printf ("[%s]", group);
  g_auto(GStrv) lines = NULL;
  gboolean in_group = FALSE, found = FALSE;

  if (!g_file_get_contents (ini_path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && !found; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));
      g_autofree char *line_key = rahnuma_ini_dup_line_key (stripped);

      if (stripped[0] == '[')
        in_group = g_str_equal (stripped, header);
      else if (in_group && g_strcmp0 (line_key, key) == 0)
        {
          char *commented = g_strconcat ("#", lines[i], NULL);

          g_free (lines[i]);
          lines[i] = commented;
          found = TRUE;
        }
    }
  if (found)
    {
      g_autofree char *updated = g_strjoinv ("\n", lines);

      return g_file_set_contents (ini_path, updated, -1, error);
    }
  return FALSE;
}

static int
import_and_save (const char *source, const ImportOptions *options, const char *package)
{
  g_autofree char *ini_path = g_build_filename (package, RAHNUMA_MODULE_FILE, NULL);
  g_autofree char *group = NULL, *key = NULL, *relative = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaImportInfo info = { 0 };

  if (!rahnuma_media_import_discover (source, &info, &error) ||
      !import_target (options, info.kind, &group, &key, &relative, &error) ||
      !convert_into (source, &info, package, relative, &error) ||
      !rahnuma_ini_save_key (ini_path, group, key, relative, &error))
    return rahnuma_admin_module_fail_record (NULL, error->message);
  if (info.kind == RAHNUMA_MEDIA_AUDIO &&
      !rahnuma_narration_note_text (package, ini_path, group, key, relative, &error))
    return rahnuma_admin_module_fail_record (NULL, error->message);
  /* Translators: e.g. "Imported phone.m4a as audio/ur/scene-1.ogg; module.ini has Narration[ur]=…" */
  g_print (_("Imported %s as %s; %s now has [%s] %s=%s.\n"), source, relative, RAHNUMA_MODULE_FILE, group,
           key, relative);
  if (info.kind != RAHNUMA_MEDIA_AUDIO && options->scene > 0)
    {
      const char *other = info.kind == RAHNUMA_MEDIA_VIDEO ? "Picture" : "Video";
      g_autofree char *other_key = g_strconcat (other, key + strlen (info.kind == RAHNUMA_MEDIA_VIDEO ? "Video"
                                                                                                  : "Picture"),
                                                NULL);

      if (comment_out_key (ini_path, group, other_key, NULL))
        /* Translators: %s is a key such as Picture; a scene has a picture or a video, not both */
        g_print (_("The scene's %s= is now a comment: a scene shows one picture or one video.\n"), other_key);
    }
  return EXIT_OK;
}

static int
run_import_media (int argc, char **argv)
{
  ImportOptions options = { 0 };
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "scene", 0, 0, G_OPTION_ARG_INT, &options.scene, N_("For scene N: its picture, video or narration"), N_("N") },
    { "question", 0, 0, G_OPTION_ARG_INT, &options.question, N_("For question N: its picture or narration"), N_("N") },
    { "explanation", 0, 0, G_OPTION_ARG_INT, &options.explanation, N_("The narration of question N's explanation"),
      N_("N") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language: ur, ps, pa_PK or en (needed for narration)"),
      N_("LANG") },
    G_OPTION_ENTRY_NULL
  };

  /* Translators: the summary of "rahnuma-admin module import-media --help" */
  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("FILE DIR"),
                                    _("Convert a phone's sound, photo or video (anything GStreamer decodes "
                                       "here) into the kiosk's formats inside package DIR and name it in "
                                    "module.ini: Ogg Opus narration at an even loudness, PNG pictures and "
                                    "WebM video, upright and at most 1920 × 1080.")))
    return EXIT_NOT_RUN;
  options.lang = lang;
  if (argc != 3)
    /* Translators: a usage error of rahnuma-admin module import-media */
    return rahnuma_admin_usage_error (_("Give the file to import and the package folder."));
  if ((options.scene > 0) + (options.question > 0) + (options.explanation > 0) != 1)
    return rahnuma_admin_usage_error (_("Give exactly one of --scene N, --question N or --explanation N."));
  if (lang != NULL && !rahnuma_language_is_valid (lang))
    return rahnuma_admin_usage_error (_("--lang must be one of ur, ps, pa_PK, en."));
  return import_and_save (argv[1], &options, argv[2]);
}

/* dispatch --------------------------------------------------------------- */

static const Subcommand subcommands[] = {
  { "validate", run_validate, N_("Check packages: every problem with file, line and a hint") },
  { "new",      run_new,      N_("Write a ready-to-edit skeleton package") },
  { "list",     run_list,     N_("Show each module with its languages and narration") },
  { "install",  run_install,  N_("Check a package, then swap it into a modules folder atomically") },
  { "record",   rahnuma_admin_module_record,   N_("Record a trainer's narration from the microphone") },
  { "import-media", run_import_media, N_("Convert a phone's sound, photo or video into the kiosk's formats") },
  { "po",       rahnuma_admin_module_po, N_("Export a language's texts as a PO file, or merge one back") },
};

static int
print_module_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: rahnuma-admin module COMMAND [OPTION…]"));
  /* Translators: a heading of the command-line help */
  fprintf (stream, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stream, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “rahnuma-admin module COMMAND --help” for a command’s options."));
  return stream == stdout ? EXIT_OK : EXIT_NOT_RUN;
}

/**
 * rahnuma_admin_module:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin module validate|new|list|install|record|po`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_module (int argc, char **argv)
{
  if (argc < 2)
    return print_module_usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_module_usage (stdout);

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("rahnuma-admin module %s", argv[1]);

        g_set_prgname (prgname);
        return subcommands[i].run (argc - 1, argv + 1);
      }

  /* Translators: %s is what was typed */
  g_printerr (_("Unknown module command “%s”.\n\n"), argv[1]);
  return print_module_usage (stderr);
}
