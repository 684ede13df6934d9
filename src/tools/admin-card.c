/* admin-card.c — rahnuma-admin card --demo: a test card as a PDF
 *
 * The same card the kiosk prints (src/card/), marked DEMO, drawn straight
 * onto a cairo PDF surface: no display, no printer. For setting up a
 * centre's printer (print the PDF on it) and for the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rahnuma-admin.h"
#include "rahnuma-proof.h"
#include "rahnuma-card.h"
#include "rahnuma-code.h"
#include "rahnuma-language.h"

enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1,
  EXIT_USAGE = 2,
};

/* A demo card's outcome: every lesson of the bundled seven passed. */
#define DEMO_LESSONS 7

/* glibc bumps this whenever catalogues change; bumping it ourselves makes
 * gettext drop what it cached in another language (as src/kiosk/rahnuma-i18n.c). */
extern int _nl_msg_cat_cntr;

typedef struct
{
  gboolean demo;
  char *language;
  char *layout;
  char *pdf;
  char *keys;
} CardOptions;

static void
card_options_clear (CardOptions *options)
{
  g_free (options->language);
  g_free (options->layout);
  g_free (options->pdf);
  g_free (options->keys);
}

/* The card's words in @code: run from the build tree, the build's catalogues. */
static void
use_language (const char *code)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S))
    bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  /* gettext honours LANGUAGE only under a locale other than C. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", code, TRUE);
  ++_nl_msg_cat_cntr;
}

static gboolean
parse_card_options (int *argc, char ***argv, CardOptions *options, RahnumaCardLayout *layout)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo, N_("Make a test card marked DEMO (required)"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &options->language, N_("The card's language: ur, ps, pa_PK or en"), N_("CODE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &options->layout, N_("The paper: roll (80 mm) or a6"), N_("LAYOUT") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &options->pdf, N_("Where to save the card"), N_("FILE") },
    { "keys", 0, 0, G_OPTION_ARG_FILENAME, &options->keys, N_("The kiosk's key folder, to sign the QR code"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Saves a test card, as the kiosk prints it, as a PDF."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (!options->demo || options->pdf == NULL)
    {
      g_printerr (_("The options %s and %s are required.\n"), "--demo", "--pdf");
      return FALSE;
    }
  if (options->language != NULL && !rahnuma_language_is_valid (options->language))
    {
      g_printerr (_("Unknown language “%s”: use ur, ps, pa_PK or en.\n"), options->language);
      return FALSE;
    }
  if (!rahnuma_card_layout_from_string (options->layout != NULL ? options->layout : "roll", layout))
    {
      g_printerr (_("Unknown layout “%s”: use roll or a6.\n"), options->layout);
      return FALSE;
    }
  return TRUE;
}

/* Signs @card's proof, marked demo, with the key in @dir (a key asked for
 * must be there) or in the default folder (if there is one there). */
static gboolean
sign_demo_card (RahnumaCard *card, const char *dir, char **proof)
{
  g_autofree char *default_dir = dir == NULL ? rahnuma_keys_default_dir (NULL) : NULL;
  g_autoptr(GError) error = NULL;
  RahnumaKeys *keys = rahnuma_keys_load (dir != NULL ? dir : default_dir, &error);

  if (keys == NULL && dir == NULL)
    {
      /* Translators: %s is a folder; the test card's QR code then holds only the code */
      g_printerr (_("No kiosk key in %s: the QR code is not signed.\n"), default_dir);
      return TRUE;
    }
  if (keys != NULL)
    *proof = rahnuma_proof_sign_visit (keys, "DEMO", "test-card", card->date, card->code, card->n_passed,
                                       card->n_total, TRUE, TRUE, &error);
  g_clear_pointer (&keys, rahnuma_keys_free);
  if (*proof == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  card->qr_payload = *proof;
  return TRUE;
}

/**
 * rahnuma_admin_card:
 *
 * `card --demo --lang L --layout roll|a6 --pdf OUT [--keys DIR]`: writes a
 * test card marked DEMO with a fresh random code (never a visitor's).
 * The QR code carries a proof signed with the kiosk's key (--keys DIR, else
 * the default keys folder) and marked demo, so `verify --qr` answers
 * "valid, demo"; with no key in the default folder, the bare code.
 *
 * Returns: the exit status
 */
int
rahnuma_admin_card (int argc, char **argv)
{
  __attribute__((cleanup (card_options_clear))) CardOptions options = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = rahnuma_code_generate ();
  g_autofree char *proof = NULL;
  RahnumaCardLayout layout;
  RahnumaCard card = { 0 };

  if (!parse_card_options (&argc, &argv, &options, &layout))
    return EXIT_USAGE;
  card.language = options.language != NULL ? options.language : "en";
  use_language (card.language);
  card.code = code;
  card.qr_payload = code;
  card.date = now;
  card.n_passed = card.n_total = DEMO_LESSONS;
  card.completed = TRUE;
  card.demo = TRUE;
  if (!sign_demo_card (&card, options.keys, &proof))
    return EXIT_USAGE;
  if (!rahnuma_card_write_pdf (&card, layout, options.pdf, &error))
    {
      g_printerr (_("Cannot write the card %s: %s\n"), options.pdf, error->message);
      return error->code == RAHNUMA_CARD_ERROR_INVALID ? EXIT_INPUT : EXIT_USAGE;
    }
  g_printerr (_("Saved a test card (%s, %s) to %s.\n"), card.language,
              rahnuma_card_layout_to_string (layout), options.pdf);
  return EXIT_OK;
}
