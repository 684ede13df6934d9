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
  { "verify",   rahnuma_admin_verify,   N_("Check a visitor's completion code") },
  { "simulate", rahnuma_admin_simulate, N_("Fill a journal with synthetic demo visits") },
  { "pin",      rahnuma_admin_pin,      N_("Set the officers’ PIN of a kiosk") },
  { "survey",   rahnuma_admin_survey,   N_("Recruitment cost figures from the anonymous survey") },
};

static int
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: rahnuma-admin COMMAND [OPTION…]"));
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

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  return print_usage (stderr);
}
