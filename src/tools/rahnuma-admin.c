/* rahnuma-admin.c — the officers' and trainers' command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "rahnuma-admin.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "module",   rahnuma_admin_module,   N_("Check, create, list, install and narrate module packages") },
  { "sync",     rahnuma_admin_sync,     N_("Copy new records from a kiosk journal into the officers' file") },
  { "export",   rahnuma_admin_export,   N_("Export sessions as CSV or JSON") },
  { "report",   rahnuma_admin_report,   N_("Summarise sessions for officers") },
  { "verify",   rahnuma_admin_verify,   N_("Check a visitor's completion code or signed proof") },
  { "simulate", rahnuma_admin_simulate, N_("Fill a journal with synthetic demo visits") },
  { "pin",      rahnuma_admin_pin,      N_("Set the officers’ PIN of a kiosk") },
  { "contacts", rahnuma_admin_contacts, N_("Check a centre’s contacts file") },
  { "keys",     rahnuma_admin_keys,     N_("Make or export a kiosk’s key for signing completion proofs") },
  { "card",     rahnuma_admin_card,     N_("Save a test card, as the kiosk prints it, as a PDF") },
  { "survey",   rahnuma_admin_survey,   N_("Recruitment cost figures from the anonymous survey") },
};

static int
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: rahnuma-admin COMMAND [OPTION…]"));
  /* Translators: a heading of the command-line help */
  fprintf (stream, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “rahnuma-admin COMMAND --help” for a command’s options."));
  return stream == stdout ? 0 : 2;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return print_usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return print_usage (stdout);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("rahnuma-admin %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  /* Translators: %s is what was typed */
  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  return print_usage (stderr);
}

/**
 * rahnuma_admin_parse_options:
 * @argc: (inout): how many arguments, argv[0] being the subcommand's name
 * @argv: (inout) (array length=argc): the arguments; the options are taken out
 * @entries: the subcommand's options, ending with %G_OPTION_ENTRY_NULL
 * @parameters: (nullable): what follows the options in --help ("DIR…"), translated
 * @summary: what the subcommand does, for --help, translated
 *
 * The one option parser of every subcommand; on bad usage it prints why.
 *
 * Returns: %TRUE if the options parsed
 */
gboolean
rahnuma_admin_parse_options (int *argc, char ***argv, const GOptionEntry *entries,
                             const char *parameters, const char *summary)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

/**
 * rahnuma_admin_json_add_string:
 * @builder: a #JsonBuilder inside an object
 * @name: the member's name
 * @value: (nullable): its string value, or %NULL for null
 *
 * Adds `"name": "value"` (or `null`); JsonGenerator escapes both.
 */
void
rahnuma_admin_json_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * rahnuma_admin_json_add_problem:
 * @builder: a #JsonBuilder inside a problem's object
 * @file: the file to edit
 * @line: its 1-based line, 0 when no line applies
 * @severity: error or warning
 * @code: the problem's code, as its `*_code_to_string()` gives it
 * @group: (nullable): the file's group, or %NULL for null
 * @key: (nullable): the key in it, or %NULL for null
 * @message: what is wrong, translated
 *
 * Adds the members every `validate --json` problem has, in this order:
 * file, line, severity, code, group, key, message. A problem with more
 * (module packages' hint) adds them after.
 */
void
rahnuma_admin_json_add_problem (JsonBuilder *builder, const char *file, guint line, RahnumaSeverity severity,
                                const char *code, const char *group, const char *key, const char *message)
{
  rahnuma_admin_json_add_string (builder, "file", file);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, line);
  rahnuma_admin_json_add_string (builder, "severity", rahnuma_severity_to_string (severity));
  rahnuma_admin_json_add_string (builder, "code", code);
  rahnuma_admin_json_add_string (builder, "group", group);
  rahnuma_admin_json_add_string (builder, "key", key);
  rahnuma_admin_json_add_string (builder, "message", message);
}

/**
 * rahnuma_admin_json_print:
 * @builder: a #JsonBuilder with its root value complete
 *
 * Prints the builder's value on stdout as JSON (RFC 8259, written by
 * JsonGenerator: two-space indents, a newline at the end), for the
 * subcommands' --json answers.
 */
void
rahnuma_admin_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* As bytes: g_print() would convert Urdu to '?' under a C locale. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/**
 * rahnuma_admin_usage_error:
 * @message: what is wrong with the command line, translated
 *
 * Prints @message on stderr.
 *
 * Returns: 2, the exit status of a command that could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  return 2;
}

/**
 * rahnuma_admin_require:
 * @value: (nullable): an option's value, %NULL if it was not given
 * @option: the option, "--db"
 *
 * Says on standard error that @option is required when it is missing.
 *
 * Returns: %TRUE if @value was given
 */
gboolean
rahnuma_admin_require (const char *value, const char *option)
{
  if (value != NULL)
    return TRUE;
  /* Translators: %s is a command-line option, such as “--db” */
  g_printerr (_("The option %s is required.\n"), option);
  return FALSE;
}
