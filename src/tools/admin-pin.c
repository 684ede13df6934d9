/* admin-pin.c — rahnuma-admin pin set|status: the officers' PIN
 *
 * The new PIN is read from standard input, never from the command line,
 * where other users could see it in the process list and the shell would
 * keep it in its history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rahnuma-admin.h"
#include "rahnuma-pin.h"

enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1,
  EXIT_USAGE = 2,
};

static gboolean
parse_pin_options (int *argc, char ***argv, char **db, const char *summary)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db, N_("The kiosk journal"), N_("FILE") },
    { NULL }
  };

  return rahnuma_admin_parse_options (argc, argv, entries, NULL, summary) &&
         rahnuma_admin_require (*db, "--db");
}

/* One line from standard input, without its line end; NULL at end of input. */
static char *
read_pin_line (void)
{
  char line[64] = { 0 };

  if (isatty (STDIN_FILENO))
    fprintf (stderr, "%s", _("New PIN (4 to 8 digits): "));
  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

static RahnumaStore *
open_journal (const char *path)
{
  g_autoptr(GError) error = NULL;
  RahnumaStore *store = rahnuma_store_new (path, NULL, &error);

  if (store == NULL)
    /* Translators: %s is a file or folder path, then why (a system message) */
    g_printerr (_("Cannot open %s: %s\n"), path, error->message);
  return store;
}

static int
pin_set (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *pin = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_pin_options (&argc, &argv, &db, _("Set the officers’ PIN of a kiosk journal. "
                                                "The new PIN is read from standard input.")))
    return EXIT_USAGE;
  pin = read_pin_line ();
  if (pin == NULL || !rahnuma_pin_is_well_formed (pin))
    {
      g_printerr (_("A PIN is 4 to 8 digits (0–9), on one line of standard input.\n"));
      return EXIT_INPUT;
    }
  if ((store = open_journal (db)) == NULL)
    return EXIT_USAGE;
  if (!rahnuma_pin_set (store, pin, &error))
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Cannot set the PIN: %s\n"), error->message);
      return EXIT_USAGE;
    }
  /* Translators: %s is the kiosk journal’s path */
  g_print (_("The officers’ PIN of %s is set. Earlier wrong tries are forgotten.\n"), db);
  return EXIT_OK;
}

static int
pin_status (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaPinState state;

  if (!parse_pin_options (&argc, &argv, &db, _("Say whether a kiosk journal has an officers’ PIN.")))
    return EXIT_USAGE;
  if ((store = open_journal (db)) == NULL)
    return EXIT_USAGE;
  if (!rahnuma_pin_get_state (store, g_get_real_time () / G_USEC_PER_SEC, &state, &error))
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Cannot read the PIN settings: %s\n"), error->message);
      return EXIT_USAGE;
    }
  if (!state.is_set)
    g_print (_("No PIN is set: the kiosk says it is not set up, and its dashboard stays closed until a PIN is set with “rahnuma-admin pin set”.\n"));
  else
    /* Translators: the %u are a count of tries and a number of seconds */
    g_print (_("A PIN is set. Wrong tries in a row: %u. Next try allowed in %u seconds.\n"),
             state.n_failures, (guint) state.wait);
  return state.is_set ? EXIT_OK : EXIT_INPUT;
}

/**
 * rahnuma_admin_pin:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin pin set|status: the officers' PIN in a kiosk journal`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_pin (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "set"))
    return pin_set (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "status"))
    return pin_status (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: rahnuma-admin pin set|status --db FILE"));
      return EXIT_OK;
    }
  g_printerr ("%s\n", _("Usage: rahnuma-admin pin set|status --db FILE"));
  return EXIT_USAGE;
}
