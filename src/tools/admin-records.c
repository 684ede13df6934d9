/* admin-records.c — rahnuma-admin sync, export, report, verify, simulate
 *
 * Thin: each subcommand parses its options with a GOptionContext, calls the
 * core (rahnuma-sync, rahnuma-export, rahnuma-report, rahnuma-simulate) and
 * prints the outcome in words an officer can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "rahnuma-admin.h"
#include "rahnuma-code.h"
#include "rahnuma-export.h"
#include "rahnuma-hall-session.h"
#include "rahnuma-file.h"
#include "rahnuma-language.h"
#include "rahnuma-officer-data.h"
#include "rahnuma-report.h"
#include "rahnuma-simulate.h"
#include "rahnuma-store.h"
#include "rahnuma-sync.h"

enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1, /* the input has errors: a bad code, a damaged file */
  EXIT_USAGE = 2, /* the command could not run */
};

/* Opens an existing journal or officers' file read-only: report, verify and
 * export never create, convert or write a file. */
static RahnumaStore *
open_existing (const char *path, int *status)
{
  g_autoptr(GError) error = NULL;
  RahnumaStore *store = rahnuma_store_new_full (path, RAHNUMA_STORE_READ_ONLY, NULL, &error);

  if (store != NULL)
    return store;
  if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND))
    /* Translators: %s is a file path */
    g_printerr (_("There is no file %s.\n"), path);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_EMPTY))
    /* Translators: %s is a file the officer named with --db */
    g_printerr (_("%s is empty: it holds no records. Check the name: give a kiosk’s journal or "
                  "an officers’ file that a sync has written.\n"), path);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED))
    g_printerr (_("%s is damaged or is not a Rahnuma file: %s\n"), path, error->message);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION))
    /* Translators: %s is a file path */
    g_printerr (_("%s was written by a newer version of Rahnuma. Update this computer’s Rahnuma.\n"), path);
  else
    /* Translators: %s is a file or folder path, then why (a system message) */
    g_printerr (_("Cannot open %s: %s\n"), path, error->message);
  *status = g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND) ||
            g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_BUSY)
              ? EXIT_USAGE : EXIT_INPUT;
  return NULL;
}

/* ---- export ---------------------------------------------------------- */

static GOutputStream *
open_output (const char *output, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (output);
  /* Owner-only: an export lists every visit (rahnuma-file.c). */
  return G_OUTPUT_STREAM (rahnuma_file_replace_private (file, NULL, error));
}

static gboolean
parse_range (const char *from_text, const char *to_text, gint64 *from, gint64 *to)
{
  *from = G_MININT64;
  *to = G_MAXINT64;
  if (from_text != NULL && !rahnuma_export_parse_date (from_text, from))
    {
      /* Translators: %s is what was typed; keep YYYY-MM-DD as it is */
      g_printerr (_("“%s” is not a date: use YYYY-MM-DD, e.g. 2025-11-24.\n"), from_text);
      return FALSE;
    }
  if (to_text != NULL && !rahnuma_export_parse_date (to_text, to))
    {
      /* Translators: %s is what was typed; keep YYYY-MM-DD as it is */
      g_printerr (_("“%s” is not a date: use YYYY-MM-DD, e.g. 2025-11-24.\n"), to_text);
      return FALSE;
    }
  if (from_text != NULL && to_text != NULL && *from > *to)
    {
      /* Translators: the two dates as given; an empty report would look like no visits */
      g_printerr (_("--from %s is after --to %s: no day can be in that range. Swap the two dates.\n"),
                  from_text, to_text);
      return FALSE;
    }
  if (to_text != NULL)
    *to += 24 * 60 * 60; /* --to is inclusive: up to the end of that day */
  return TRUE;
}

static int
export_sessions (const char *path, RahnumaExportFormat format, gint64 from, gint64 to,
                 const char *output, gboolean hall)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;
  gint64 n;

  store = open_existing (path, &status);
  if (store == NULL)
    return status;
  stream = open_output (output, &error);
  if (stream == NULL)
    {
      /* Translators: %s is a file or folder path, then why (a system message) */
      g_printerr (_("Cannot write %s: %s\n"), output, error->message);
      return EXIT_USAGE;
    }
  if (hall)
    n = rahnuma_hall_session_export_write (store, format, from, to, stream, NULL, &error);
  else
    n = rahnuma_export_write (store, format, from, to, rahnuma_officer_utc_offset (), stream, NULL, &error);
  if (n < 0 || !g_output_stream_close (stream, NULL, &error))
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Export failed: %s\n"), error->message);
      return EXIT_USAGE;
    }
  if (output != NULL && !g_str_equal (output, "-") && hall)
    /* Translators: %lld is a number of hall briefings (rahnuma --hall), %s a file */
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %lld hall session to %s.\n",
                             "Exported %lld hall sessions to %s.\n", n),
                (long long) n, output);
  else if (output != NULL && !g_str_equal (output, "-"))
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %lld session to %s.\n",
                             "Exported %lld sessions to %s.\n", n),
                (long long) n, output);
  return EXIT_OK;
}

/**
 * rahnuma_admin_export:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin export: visits as CSV or JSON, to a file or standard output`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_export (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  gboolean hall = FALSE;
  RahnumaExportFormat format = RAHNUMA_EXPORT_CSV;
  gint64 from, to;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal or officers’ file to read"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv (the default) or json"), N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day to include"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day to include"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write here instead of to the screen"), N_("FILE") },
    { "hall", 0, 0, G_OPTION_ARG_NONE, &hall,
      N_("Hall sessions instead (rahnuma --hall): day, lessons, languages and head count"), NULL },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Write one row per session: completion code, language, times, state and scores.")) ||
      !rahnuma_admin_require (db, "--db"))
    return EXIT_USAGE;
  if (format_text != NULL && !rahnuma_export_parse_format (format_text, &format))
    {
      /* Translators: %s is what was typed */
      g_printerr (_("Unknown format “%s”: use csv or json.\n"), format_text);
      return EXIT_USAGE;
    }
  if (!parse_range (from_text, to_text, &from, &to))
    return EXIT_USAGE;
  return export_sessions (db, format, from, to, output, hall);
}

/* ---- verify ---------------------------------------------------------- */

static gboolean
check_code_form (const char *code)
{
  g_autofree char *normal = rahnuma_code_normalize (code);

  if (normal == NULL)
    {
      /* Translators: %s is a completion code, “ABCDE-23456” */
      g_printerr (_("“%s” is not a completion code. A code has ten letters and digits, "
                    "like 7KQ2M-XH4PD.\n"), code);
      return FALSE;
    }
  if (!rahnuma_code_is_valid (normal))
    {
      /* Translators: %s is a completion code, “ABCDE-23456” */
      g_printerr (_("%s is not a valid code: one letter or digit is wrong (a typo, or a "
                    "made-up code). Ask the visitor to show the code again.\n"), normal);
      return FALSE;
    }
  return TRUE;
}

static const char *
language_name (const char *code)
{
  const RahnumaLanguage *language = rahnuma_language_lookup (code);

  return language != NULL ? language->english_name : code;
}

static void
print_session (const char *code, const RahnumaSessionInfo *info)
{
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (info->started_at);
  g_autofree char *day = g_date_time_format (started, "%Y-%m-%d %H:%M");
  g_autofree char *outcome = NULL;

  /* Translators: %s is a completion code, “ABCDE-23456” */
  g_print (_("%s is a real completion code.\n"), code);
  if (info->clock_suspect)
    /* Translators: keep the columns lined up with "  Visit started:  %s (to the quarter hour)" */
    g_print (_("  Visit started:  unknown: the kiosk’s clock was wrong, so the date it recorded "
               "is not true\n"));
  else
    g_print (_("  Visit started:  %s (to the quarter hour)\n"), day);
  /* Translators: a line of `rahnuma-admin verify`; %s are a centre and a kiosk code, or a
   * language code */
  g_print (_("  Place:          centre %s, kiosk %s\n"), info->centre, info->kiosk);
  /* Translators: a line of `rahnuma-admin verify`; %s are a centre and a kiosk code, or a
   * language code */
  g_print (_("  Language:       %s\n"), language_name (info->language));
  outcome = rahnuma_session_info_describe_outcome (info, NULL, NULL);
  /* Translators: a line of `rahnuma-admin verify`; %s is the visit's outcome, "0 of 7
   * lessons passed. …", as the officers' dashboard says it */
  g_print (_("  Outcome:        %s\n"), outcome);
  g_print (_("  Modules:\n"));
  for (guint i = 0; i < info->modules->len; i++)
    {
      const RahnumaModuleResult *m = g_ptr_array_index (info->modules, i);

      /* Translators: a line of `rahnuma-admin verify`: a module id, passed or not, right
       * answers of questions */
      g_print (_("    %-24s %s, %u of %u questions right\n"), m->module_id,
               m->passed ? _("passed") : _("not passed"), m->n_correct, m->n_questions);
    }
}

static int
verify_code (const char *path, const char *code)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaSessionInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = rahnuma_code_normalize (code);
  int status = EXIT_OK;

  store = open_existing (path, &status);
  if (store == NULL)
    return status;
  info = rahnuma_store_lookup_code (store, normal, &error);
  if (info == NULL && g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND))
    {
      /* Translators: the first %s is a completion code, the second the officers’ file path */
      g_printerr (_("%s is well formed but no visit in %s has it. If the visitor used another "
                    "kiosk, sync that kiosk first.\n"), normal, path);
      return EXIT_INPUT;
    }
  if (info == NULL)
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Cannot look up the code: %s\n"), error->message);
      return EXIT_USAGE;
    }
  if (rahnuma_session_info_get_standing (info) == RAHNUMA_CODE_DEMO)
    {
      /* Translators: %s is a completion code, “ABCDE-23456” */
      g_printerr (_("%s comes from DEMO DATA (simulated visits), not from a real visit.\n"), normal);
      return EXIT_INPUT;
    }
  /* A briefing of no lessons is none: such a code (older kiosks gave one
   * when their modules folder was empty) proves nothing. */
  if (rahnuma_session_info_get_standing (info) == RAHNUMA_CODE_NO_LESSONS)
    {
      /* Translators: %s is a completion code */
      g_printerr (_("%s was given for a visit in which no lesson was watched (the kiosk had no lesson "
                    "on offer), so it is not a real completion code.\n"), normal);
      return EXIT_INPUT;
    }
  print_session (normal, info);
  return EXIT_OK;
}

/* The exit codes verify --qr adds to the admin convention (admin-keys.c). */
static const char *
verify_description (void)
{
  return _("Exit status: 0 the code is real, or the proof is valid; 1 not a code, a code no visit has, "
           "demo data, or not a Rahnuma proof; 2 could not run (no such file, no trust file); with --qr "
           "also 3 the proof is NOT VALID (its signature does not match), 4 its key is not in the "
           "trust file, 5 valid but a demo or test proof, not a visit.");
}

static gboolean
parse_verify_options (int *argc, char ***argv, const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CODE"));
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Check a visitor’s completion code and show what it covers: "
                                           "a typed code is looked up in a journal or officers’ file "
                                           "(--db); a signed proof from the QR code is checked offline "
                                           "against a trust file (--qr, --trust)."));
  g_option_context_set_description (context, verify_description ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

/**
 * rahnuma_admin_verify:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin verify CODE --db FILE` (is it a completion code, and whose
 * visit) or `verify --qr TEXT --trust FILE` (a signed proof, checked offline).
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h); with --qr
 *   also 3, 4 and 5 (verify_description())
 */
int
rahnuma_admin_verify (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *qr = NULL;
  g_autofree char *trust = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal or officers’ file to look in"), N_("FILE") },
    { "qr", 0, 0, G_OPTION_ARG_STRING, &qr, N_("A signed proof, as the QR code or scanner gives it (RHN1.…)"),
      N_("TEXT") },
    { "trust", 0, 0, G_OPTION_ARG_FILENAME, &trust, N_("Trust file: the public keys of the kiosks to believe"),
      N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --qr: print the answer as JSON"), NULL },
    { NULL }
  };

  if (!parse_verify_options (&argc, &argv, entries))
    return EXIT_USAGE;
  if (qr != NULL)
    return argc == 1 && rahnuma_admin_require (trust, "--trust") ? rahnuma_admin_verify_proof (qr, trust, json)
                                                   : EXIT_USAGE;
  if (!rahnuma_admin_require (db, "--db"))
    return EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr (_("Give exactly one code, e.g. rahnuma-admin verify --db officers.db 7KQ2M-XH4PD\n"));
      return EXIT_USAGE;
    }
  if (!check_code_form (argv[1]))
    return EXIT_INPUT;
  return verify_code (db, argv[1]);
}

/* ---- sync ------------------------------------------------------------ */

static int
report_sync_error (const char *from, const char *to, const GError *error)
{
  if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_BUSY))
    /* Translators: %s is the officers’ file path */
    g_printerr (_("%s stayed busy (another kiosk or program is using it). Nothing was copied; "
                  "the records stay queued in %s. Try again later.\n"), to, from);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_READ_ONLY))
    /* Translators: %s is the officers’ file path */
    g_printerr (_("%s cannot be written (read-only). Nothing was copied; the records stay "
                  "queued in %s.\n"), to, from);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FULL))
    /* Translators: %s is the officers’ file path */
    g_printerr (_("The disk holding %s is full. Nothing was copied; the records stay queued "
                  "in %s.\n"), to, from);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_NOT_FOUND))
    /* Translators: %s is a file path */
    g_printerr (_("There is no kiosk journal %s.\n"), from);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_WRONG_PATH))
    /* Translators: %s says which path is wrong and why */
    g_printerr (_("Nothing was copied: %s.\n"), error->message);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_EMPTY))
    /* Translators: %s is the file given with --from */
    g_printerr (_("%s is empty: it is not a kiosk journal, and nothing was copied. Check the "
                  "name given with --from.\n"), from);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION))
    g_printerr (_("A newer version of Rahnuma wrote one of the files; update this computer’s "
                  "Rahnuma. Nothing was copied: %s\n"), error->message);
  else if (g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED))
    /* Translators: %s is SQLite’s words, or the journal path */
    g_printerr (_("A file is damaged or is not a Rahnuma file; nothing was copied: %s\n"),
                error->message);
  else
    /* Translators: %s is SQLite’s words, or the journal path */
    g_printerr (_("Sync failed; nothing was copied and the records stay queued in %s. Check that "
                  "%s can be reached (is the USB drive or shared folder there?): %s\n"),
                from, to, error->message);

  return g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_DAMAGED) ||
         g_error_matches (error, RAHNUMA_STORE_ERROR, RAHNUMA_STORE_ERROR_FUTURE_VERSION)
           ? EXIT_INPUT : EXIT_USAGE;
}

static const char *
row_kind_name (const char *kind)
{
  if (g_str_equal (kind, "session"))
    /* Translators: a kind of record left out of a sync; one visit to the kiosk */
    return _("visit");
  if (g_str_equal (kind, "module"))
    /* Translators: a kind of record left out of a sync; one visitor's result in one module */
    return _("module result");
  if (g_str_equal (kind, "survey"))
    /* Translators: a kind of record left out of a sync; one visitor's anonymous "about you" answers */
    return _("survey answer");
  /* Translators: a kind of record left out of a sync; one quiz answer */
  return _("answer");
}

/* Rows the officers' file refused, and the rule each broke: the sync went on
 * without them, so it succeeded, but someone must look at the journal. */
static void
print_rejected (const char *from, const char *to, const RahnumaSyncStats *stats)
{
  guint64 now = stats->n_rejected_sessions + stats->n_rejected_modules + stats->n_rejected_answers +
                stats->n_rejected_survey + stats->n_rejected_hall;
  g_autoptr(RahnumaStore) officers = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (now > 0)
    /* Translators: %llu is a number of records, first %s the officers' file, second the kiosk journal */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%llu record broke the rules of %s and was left out; it stays in %s, unchanged.\n",
                          "%llu records broke the rules of %s and were left out; they stay in %s, unchanged.\n",
                          now),
             (unsigned long long) now, to, from);
  /* Translators: %llu is a number of records, %s the kiosk journal */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "In all, %llu record from %s has been left out. Ask a technician to look at it:\n",
                        "In all, %llu records from %s have been left out. Ask a technician to look at them:\n",
                        stats->n_rejected_total),
           (unsigned long long) stats->n_rejected_total, from);
  officers = rahnuma_store_new_full (to, RAHNUMA_STORE_SHARED | RAHNUMA_STORE_MUST_EXIST, NULL, &error);
  if (officers != NULL)
    list = rahnuma_sync_list_rejected (officers, stats->journal_id, &error);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const RahnumaSyncRejection *rejection = g_ptr_array_index (list, i);

      /* Translators: first %s is a kind of record (visit, answer), %lld how many, last %s the rule broken */
      g_print (_("  %s × %lld: %s\n"), row_kind_name (rejection->kind), (long long) rejection->n_rows,
               rejection->reason);
    }
  if (error != NULL)
    g_printerr ("%s\n", error->message);
}

static void
print_sync_stats (const char *from, const char *to, const RahnumaSyncStats *stats)
{
  if (stats->n_sessions == 0)
    /* Translators: the first %s is the officers’ file, the second the kiosk journal */
    g_print (_("%s already has every finished visit from %s.\n"), to, from);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Copied %llu session (%llu module results, %llu answers) from %s into %s.\n",
                          "Copied %llu sessions (%llu module results, %llu answers) from %s into %s.\n",
                          stats->n_sessions),
             (unsigned long long) stats->n_sessions, (unsigned long long) stats->n_modules,
             (unsigned long long) stats->n_answers, from, to);
  if (stats->n_survey > 0)
    /* Translators: %llu is a number of anonymous survey answers, %s the officers' file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %llu survey answer into %s.\n",
                          "Copied %llu survey answers into %s.\n", stats->n_survey),
             (unsigned long long) stats->n_survey, to);
  if (stats->n_hall > 0)
    /* Translators: %llu is a number of hall briefings (rahnuma --hall), %s the officers' file */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %llu hall session into %s.\n",
                          "Copied %llu hall sessions into %s.\n", stats->n_hall),
             (unsigned long long) stats->n_hall, to);
  if (stats->n_busy > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s was busy; waited and tried again %u time.\n",
                          "%s was busy; waited and tried again %u times.\n", stats->n_busy),
             to, stats->n_busy);
  if (stats->n_rejected_total > 0)
    print_rejected (from, to, stats);
}

/**
 * rahnuma_admin_sync:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin sync --from JOURNAL --to OFFICERS_FILE, exactly once`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_sync (int argc, char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaSyncStats stats = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Kiosk journal to copy from"), N_("KIOSK_DB") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Officers’ file to copy into (created if missing)"),
      N_("OFFICER_DB") },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Copy the finished visits the officers’ file does not have yet. Safe to run "
                                      "again, and from several kiosks at once.")) ||
      !rahnuma_admin_require (from, "--from") || !rahnuma_admin_require (to, "--to"))
    return EXIT_USAGE;
  /* Read-only on the journal: this may be a copy, or not a journal at all. */
  if (!rahnuma_sync_run_full (from, to, RAHNUMA_SYNC_SOURCE_READ_ONLY, &stats, NULL, &error))
    return report_sync_error (from, to, error);
  print_sync_stats (from, to, &stats);
  return EXIT_OK;
}

/* ---- report ---------------------------------------------------------- */

static char *
format_count (gint64 value)
{
  /* Translators: shown instead of a number hidden to protect visitors' privacy */
  return value == RAHNUMA_REPORT_SUPPRESSED ? g_strdup (_("<5")) : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
format_rate (gint64 part, gint64 whole)
{
  if (part < 0 || whole <= 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", 100.0 * (double) part / (double) whole);
}

static const char *
breakdown_title (const RahnumaReportBreakdown *breakdown)
{
  if (g_str_equal (breakdown->name, "module"))
    /* Translators: a heading of the text report */
    return _("By module");
  if (g_str_equal (breakdown->name, "language"))
    /* Translators: a heading of the text report */
    return _("By language");
  if (g_str_equal (breakdown->name, "gender"))
    return _("By gender (self-reported)");
  /* Destination and sector are kept only in the anonymous survey rows
   * (docs/survey-data.md): their counts are answers, not visits. */
  if (g_str_equal (breakdown->name, "destination"))
    /* Translators: a heading of the text report: counted from the anonymous survey's answers */
    return _("By destination country (survey answers)");
  if (g_str_equal (breakdown->name, "path"))
    /* Translators: a heading of the text report: visits that took the full
     * path (every lesson's scenes) or the short one (after the hall briefing) */
    return _("By path (full, or short after the hall briefing)");
  /* Translators: a heading of the text report: counted from the anonymous survey's answers */
  return _("By job sector (survey answers)");
}

static const char *
row_label (const RahnumaReportBreakdown *breakdown, const char *key)
{
  if (g_str_equal (breakdown->name, "language"))
    return language_name (key);
  if (g_str_equal (breakdown->name, "path"))
    /* Translators: a row of the text report's "By path": every lesson's
     * scenes, or only the questions after the hall briefing */
    return g_str_equal (key, "short") ? _("short path (hall)") : _("full path");
  if (g_str_equal (key, RAHNUMA_CATEGORY_UNSAID))
    return _("prefer not to say");
  /* Countries by name in the reader's language, as on the dashboard. */
  if (g_str_equal (breakdown->name, "destination"))
    return rahnuma_officer_category_label (key);
  return key;
}

/* A breakdown of survey answers: one count per row, no completion. */
static void
print_answers (const RahnumaReportBreakdown *breakdown)
{
  /* Translators: a column heading of the text report: survey answers; keep it short */
  g_print ("  %-18s %8s\n", "", _("answers"));
  for (guint i = 0; i < breakdown->rows->len; i++)
    {
      const RahnumaReportRow *row = g_ptr_array_index (breakdown->rows, i);
      g_autofree char *count = format_count (row->count);

      g_print ("  %-18s %8s\n", row_label (breakdown, row->key), count);
    }
}

static void
print_breakdown (const RahnumaReportBreakdown *breakdown)
{
  gboolean module = g_str_equal (breakdown->name, "module");

  g_print ("\n%s\n", breakdown_title (breakdown));
  if (breakdown->part_key == NULL)
    {
      print_answers (breakdown);
      return;
    }
  g_print ("  %-18s %8s %9s %10s\n", "",
           /* Translators: a column heading of the text report; keep it short */
           module ? _("taken") : _("sessions"), module ? _("passed") : _("completed"),
           /* Translators: a column heading of the text report; keep it short */
           module ? _("pass rate") : _("completion"));
  for (guint i = 0; i < breakdown->rows->len; i++)
    {
      const RahnumaReportRow *row = g_ptr_array_index (breakdown->rows, i);
      g_autofree char *count = format_count (row->count);
      g_autofree char *part = format_count (row->part);
      g_autofree char *rate = format_rate (row->part, row->count);

      g_print ("  %-18s %8s %9s %10s\n", row_label (breakdown, row->key), count, part, rate);
    }
}

static void
print_report (const char *path, RahnumaReport *report)
{
  g_autofree char *completion = format_rate (report->completed, report->completed + report->abandoned);
  g_autofree char *pass = format_rate (report->quizzes_passed, report->quizzes_taken);

  /* Translators: %s is a range of dates or “all records” */
  g_print (_("Rahnuma report for %s\n"), path);
  if (report->demo_sessions > 0)
    /* Translators: %lld is a count of simulated visits */
    g_print (_("DEMO DATA: %lld of these sessions are simulated visits, not real ones.\n"),
             (long long) report->demo_sessions);
  if (report->wrong_clock_sessions > 0)
    /* Translators: %lld is a number of visits */
    g_print (ngettext ("THE KIOSK’S CLOCK IS WRONG: %lld visit was recorded with an impossible date. It is "
                       "counted in no day below. Set the kiosk’s date and time.\n",
                       "THE KIOSK’S CLOCK IS WRONG: %lld visits were recorded with an impossible date. They are "
                       "counted in no day below. Set the kiosk’s date and time.\n",
                       (gulong) MIN (report->wrong_clock_sessions, (gint64) G_MAXINT)),
             (long long) report->wrong_clock_sessions);
  g_print ("\n");
  /* Plain long long, not G_GINT64_FORMAT: xgettext cannot read a macro in a message. */
  /* Translators: a line of the text report; keep the colons lined up; %lld are counts, %s a
   * percentage */
  g_print (_("Sessions:        %lld\n"), (long long) report->sessions);
  /* Translators: a line of the text report; keep the colons lined up; %lld are counts, %s a
   * percentage */
  g_print (_("Completed:       %lld (%s of finished sessions)\n"), (long long) report->completed, completion);
  /* Translators: a line of the text report; keep the colons lined up; %lld are counts, %s a
   * percentage */
  g_print (_("Abandoned:       %lld\n"), (long long) report->abandoned);
  /* Translators: a line of the text report; keep the colons lined up; %lld are counts, %s a
   * percentage */
  g_print (_("In progress:     %lld\n"), (long long) report->active);
  /* Translators: a line of the text report; keep the colons lined up; %lld are counts, %s a
   * percentage */
  g_print (_("Quiz pass rate:  %s of %lld module quizzes\n"), pass, (long long) report->quizzes_taken);
  /* Translators: a line of the text report; keep the colons lined up; %lld is a count of
   * group briefings given in a hall (rahnuma --hall) */
  g_print (_("Hall sessions:   %lld\n"), (long long) report->hall.sessions);
  /* Translators: a line of the text report; keep the colons lined up; %lld is the sum of
   * the head counts the officers entered after each hall briefing */
  g_print (_("People in halls: %lld\n"), (long long) report->hall.people);
  for (guint i = 0; i < report->breakdowns->len; i++)
    print_breakdown (g_ptr_array_index (report->breakdowns, i));
  g_print ("\n");
  /* Translators: %d is the smallest group shown (5); keep “<5” as it is */
  g_print (_("Groups of fewer than %d people are shown as <5 (with one more where needed, so they "
             "cannot be worked out from the totals).\n"), RAHNUMA_REPORT_MIN_CELL);
}

/**
 * rahnuma_admin_report:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin report: the officers' summary, as text, --json or --pdf`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_report (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(RahnumaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *rates = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  gint64 from, to;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal or officers’ file to summarise"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day to include"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day to include"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object, for scripts"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Also save a printable report with charts"), N_("FILE") },
    /* Translators: --rates FILE of `rahnuma-admin report` */
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, &rates,
      N_("Exchange-rate file for the survey’s cost ÷ wage in the printable report (docs/survey-data.md)"),
      N_("FILE") },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Summarise sessions: totals, pass rate, and by module, language and "
                                      "self-reported group. Groups of fewer than 5 people are not shown.")) ||
      !rahnuma_admin_require (db, "--db") || !parse_range (from_text, to_text, &from, &to))
    return EXIT_USAGE;
  store = open_existing (db, &status);
  if (store == NULL)
    return status;
  report = rahnuma_report_new (store, from, to, &error);
  if (report == NULL)
    {
      /* Translators: %s is a file path, then why */
      g_printerr (_("Cannot summarise %s: %s\n"), db, error->message);
      return EXIT_USAGE;
    }
  if (json)
    rahnuma_admin_print_report_json (report);
  else
    print_report (db, report);
  if (pdf != NULL)
    return rahnuma_admin_report_pdf (store, db, from, to, rates, pdf); /* admin-report-pdf.c */
  return EXIT_OK;
}

/* ---- simulate -------------------------------------------------------- */

static gboolean
check_simulate_options (const char *db, const char *kiosk, const char *centre, int n_sessions, gint64 seed,
                        int n_days)
{
  if (!rahnuma_admin_require (db, "--db") || !rahnuma_admin_require (kiosk, "--kiosk"))
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? kiosk : centre;

      if (id != NULL && !rahnuma_store_is_valid_site_id (id))
        {
          /* Translators: %s is --kiosk or --centre, then the value given; the rule is the journal's */
          g_printerr (_("%s must be 1 to 32 letters (A–Z, a–z), digits, “_” or “-”, with no spaces: “%s” is not.\n"),
                      i == 0 ? "--kiosk" : "--centre", id);
          return FALSE;
        }
    }
  if (n_sessions <= 0)
    {
      g_printerr (_("--sessions must be a number of visits from 1.\n"));
      return FALSE;
    }
  if (seed < 0 || seed > G_MAXUINT32)
    {
      /* Translators: %u is the largest seed; keep “--seed” as it is */
      g_printerr (_("--seed must be a whole number from 0 to %u.\n"), G_MAXUINT32);
      return FALSE;
    }
  if (n_days <= 0)
    {
      g_printerr (_("--days must be a number of days from 1.\n"));
      return FALSE;
    }
  return TRUE;
}

static int
simulate_into (const char *db, const RahnumaSimulateOptions *options)
{
  g_autoptr(RahnumaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = rahnuma_store_new (db, NULL, &error);
  if (store == NULL)
    {
      /* Translators: %s is a file or folder path, then why (a system message) */
      g_printerr (_("Cannot open %s: %s\n"), db, error->message);
      return EXIT_USAGE;
    }
  if (!rahnuma_simulate_run (store, options, NULL, &error))
    {
      /* Translators: %s is why (an error message) */
      g_printerr (_("Simulation stopped: %s\n"), error->message);
      return EXIT_USAGE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %u demo visit to %s (kiosk %s). It is marked as demo data in "
                        "exports, reports and verify.\n",
                        "Added %u demo visits to %s (kiosk %s). They are marked as demo data in "
                        "exports, reports and verify.\n", options->n_sessions),
           options->n_sessions, db, options->kiosk);
  return EXIT_OK;
}

/**
 * rahnuma_admin_simulate:
 * @argc: how many arguments, argv[0] being the subcommand's name
 * @argv: (array length=argc): the arguments
 *
 * `rahnuma-admin simulate: demo visits for training, marked as such`.
 *
 * Returns: the exit status: 0 when all is well, 1 when the input has
 *   errors, 2 when the command could not run (rahnuma-admin.h)
 */
int
rahnuma_admin_simulate (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *kiosk = NULL;
  g_autofree char *centre = NULL;
  int n_sessions = 0, n_days = 30;
  gint64 seed = 0;
  RahnumaSimulateOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal to fill (created if missing)"), N_("FILE") },
    { "sessions", 0, 0, G_OPTION_ARG_INT, &n_sessions, N_("How many visits"), N_("N") },
    { "kiosk", 0, 0, G_OPTION_ARG_STRING, &kiosk, N_("Kiosk id to record"), N_("ID") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre, N_("Centre id to record (default DEMO)"), N_("ID") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Repeat the same pattern of visits"), N_("S") },
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days, N_("Spread the visits over this many days up to today (default 30)"),
      N_("D") },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                                    _("Fill a journal with realistic synthetic visits for training, demos and "
                                      "benchmarks. They are marked as demo data wherever they show.")) ||
      !check_simulate_options (db, kiosk, centre, n_sessions, seed, n_days))
    return EXIT_USAGE;

  options.n_sessions = (guint) n_sessions;
  options.kiosk = kiosk;
  options.centre = centre != NULL ? centre : "DEMO";
  options.seed = (guint32) seed;
  options.end_time = g_get_real_time () / G_USEC_PER_SEC;
  options.n_days = (guint) n_days;
  return simulate_into (db, &options);
}

/* ---- shared with admin-survey.c -------------------------------------- */

/**
 * rahnuma_admin_parse_range:
 * @from_text: (nullable): --from, a day as YYYY-MM-DD
 * @to_text: (nullable): --to, a day as YYYY-MM-DD
 * @from: (out): the start of @from_text's day, in seconds since the epoch
 * @to: (out): the end of @to_text's day, in seconds since the epoch
 *
 * Returns: %FALSE, with the rule broken on stderr, for a bad day or --from after --to
 */
gboolean
rahnuma_admin_parse_range (const char *from_text, const char *to_text, gint64 *from, gint64 *to)
{
  return parse_range (from_text, to_text, from, to);
}

/**
 * rahnuma_admin_open_existing:
 * @path: a journal or officers' file that must exist
 * @status: (out): the exit status to end with when it cannot be opened
 *
 * Returns: (transfer full) (nullable): the file opened read-only
 */
RahnumaStore *
rahnuma_admin_open_existing (const char *path, int *status)
{
  return open_existing (path, status);
}

/**
 * rahnuma_admin_open_output:
 * @output: (nullable): a file to write, or %NULL for standard output
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the stream to write to
 */
GOutputStream *
rahnuma_admin_open_output (const char *output, GError **error)
{
  return open_output (output, error);
}
