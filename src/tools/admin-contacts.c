/* admin-contacts.c — rahnuma-admin contacts validate: check a centre's contacts.ini
 *
 * Exit status: 0 the file has no errors (warnings, such as placeholders
 * still to fill in, are listed but do not fail it: the kiosk accepts the
 * file and hides them); 1 it has errors (the kiosk would refuse it);
 * 2 the command could not run (bad usage, no such file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rahnuma-admin.h"
#include "rahnuma-contacts.h"

#define EXIT_OK       0
#define EXIT_PROBLEMS 1
#define EXIT_NOT_RUN  2

static void
print_json (const char *path, GPtrArray *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const RahnumaContactsProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      rahnuma_admin_json_add_problem (builder, path, problem->line, problem->severity,
                                      rahnuma_contacts_problem_code_to_string (problem->code),
                                      problem->group, problem->key, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rahnuma_admin_json_print (builder);
}

static guint
print_text (const char *path, GPtrArray *problems)
{
  guint n_errors = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const RahnumaContactsProblem *problem = g_ptr_array_index (problems, i);
      gboolean is_error = problem->severity == RAHNUMA_SEVERITY_ERROR;

      n_errors += is_error;
      if (problem->line > 0)
        g_print ("%s:%u: %s: %s\n", path, problem->line, is_error ? _("error") : _("warning"), problem->message);
      else
        g_print ("%s: %s: %s\n", path, is_error ? _("error") : _("warning"), problem->message);
    }
  /* Translators: the summary after checking a contacts file. */
  g_print (_("%u error(s), %u warning(s).\n"), n_errors, problems->len - n_errors);
  return n_errors;
}

static gboolean
has_errors (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    if (((RahnumaContactsProblem *) g_ptr_array_index (problems, i))->severity == RAHNUMA_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

static int
run_validate (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the problems as a JSON array"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GPtrArray) problems = NULL;

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, _("FILE"),
                                    _("Check a contacts.ini: every error and warning with its line, "
                                      "and every placeholder still to fill in. Exit status 0: no errors "
                                      "(warnings listed); 1: errors, the kiosk would refuse the file; "
                                      "2: could not run.")))
    return EXIT_NOT_RUN;
  if (argc != 2)
    return rahnuma_admin_usage_error (_("Name one contacts file, e.g. rahnuma-admin contacts validate contacts.ini."));
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      /* Translators: %s is the path the officer gave. */
      g_printerr (_("There is no file %s. Check the path.\n"), argv[1]);
      return EXIT_NOT_RUN;
    }
  problems = rahnuma_contacts_validate (argv[1]);
  if (json)
    print_json (argv[1], problems);
  else
    print_text (argv[1], problems);
  return has_errors (problems) ? EXIT_PROBLEMS : EXIT_OK;
}

static int
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: rahnuma-admin contacts COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  fprintf (stream, "  %-10s %s\n", "validate", _("Check a contacts file: line numbers, phone numbers, "
                                                 "languages missing, placeholders left"));
  return stream == stdout ? EXIT_OK : EXIT_NOT_RUN;
}

int
rahnuma_admin_contacts (int argc, char **argv)
{
  if (argc < 2)
    return print_usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_usage (stdout);
  if (g_str_equal (argv[1], "validate"))
    {
      g_set_prgname ("rahnuma-admin contacts validate");
      return run_validate (argc - 1, argv + 1);
    }
  g_printerr (_("Unknown contacts command “%s”.\n\n"), argv[1]);
  return print_usage (stderr);
}
