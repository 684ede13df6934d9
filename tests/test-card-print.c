/* test-card-print.c — real cards printed to PDF by GtkPrintOperation
 *
 * Under Xvfb (tests/meson.build runs it with xvfb-run): each card goes
 * through rahnuma_card_print_async() with the file backend's printer and an
 * output-uri, which it prints with GtkPrintOperation's PDF export (the
 * same page setup and draw-page handler as on paper; GTK 4.8's no-dialog
 * print skips virtual printers such as "Print to File"), in ur, ps, pa_PK
 * and en, on both layouts. The PDF is then read
 * as an officer or a phone would: pdftotext finds the code, a rule and a
 * contact; pdfinfo the paper; zbarimg reads the QR code back from the page
 * rendered at 300 dpi; tesseract (urd) reads the Urdu card's words. A
 * printer that does not exist ends in the error the kiosk tells the visitor
 * about. Needs poppler-utils, zbar-tools, tesseract-ocr-urd
 * (.ci/packages-test.txt).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gtk/gtkunixprint.h>

#include "rahnuma-card-print.h"
#include "rahnuma-card-printer.h"
#include "rahnuma-code.h"
#include "test-util.h"

extern int _nl_msg_cat_cntr;

typedef struct
{
  const char *language;
  RahnumaCardLayout layout;
} Case;

static const Case cases[] = {
  { "ur", RAHNUMA_CARD_LAYOUT_ROLL }, { "ur", RAHNUMA_CARD_LAYOUT_A6 },
  { "ps", RAHNUMA_CARD_LAYOUT_ROLL }, { "ps", RAHNUMA_CARD_LAYOUT_A6 },
  { "pa_PK", RAHNUMA_CARD_LAYOUT_ROLL }, { "pa_PK", RAHNUMA_CARD_LAYOUT_A6 },
  { "en", RAHNUMA_CARD_LAYOUT_ROLL }, { "en", RAHNUMA_CARD_LAYOUT_A6 },
};

/* A contact as the contacts directory will give it; the number is the
 * test's own, never a real one. */
static const RahnumaCardContact test_contact = {
  "Test Protector Office", "Complaints about a promoter", "+92 51 0000000", "Test Street 1", "Mon to Fri",
};

static char *file_printer;

static void
use_language (const char *code)
{
  g_setenv ("LANGUAGE", code, TRUE);
  ++_nl_msg_cat_cntr;
}

static gboolean
on_printer (GtkPrinter *printer, gpointer data)
{
  /* The file backend's one printer: virtual, takes PDF. */
  if (gtk_printer_is_virtual (printer) && gtk_printer_accepts_pdf (printer) && file_printer == NULL)
    file_printer = g_strdup (gtk_printer_get_name (printer));
  return FALSE;
}

typedef struct
{
  GError *error;
  gboolean done;
} Printed;

static void
on_printed (GObject *source, GAsyncResult *result, gpointer data)
{
  Printed *printed = data;

  g_assert_false (printed->done);
  rahnuma_card_print_finish (result, &printed->error);
  printed->done = TRUE;
}

/* Prints @card and waits for the job's end; returns its error, if any. */
static GError *
print_card (const RahnumaCard *card, RahnumaCardLayout layout, const char *printer, const char *pdf)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = pdf != NULL ? g_filename_to_uri (pdf, NULL, NULL) : NULL;
  Printed printed = { NULL, FALSE };

  gtk_print_settings_set_printer (settings, printer);
  if (uri != NULL)
    {
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
    }
  rahnuma_card_print_async (card, layout, settings, NULL, NULL, on_printed, &printed);
  while (!printed.done)
    g_main_context_iteration (NULL, TRUE);
  return printed.error;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return out;
}

/* Page 1 of @pdf at 300 dpi, as a PNG beside it; returns its path. */
static char *
render_page (const char *pdf)
{
  g_autofree char *prefix = g_strconcat (pdf, "-page", NULL);
  const char *argv[] = { "pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix, NULL };

  g_free (run (argv));
  return g_strconcat (prefix, ".png", NULL);
}

/* RAHNUMA_TEST_KEEP=1 keeps the printed cards, to look at them. */
static void
keep_or_remove (const char *dir)
{
  if (g_getenv ("RAHNUMA_TEST_KEEP") != NULL)
    g_test_message ("kept %s", dir);
  else
    rahnuma_test_remove_tree (dir);
}

/* The paper the PDF's pages have, as pdfinfo reads it. */
static void
assert_paper (const char *pdf, RahnumaCardLayout layout)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");
  double width = 0, height = 0;
  int n_pages = 0;

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (pages, "Pages: %d", &n_pages), ==, 1);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", &width, &height), ==, 2);
  if (layout == RAHNUMA_CARD_LAYOUT_A6)
    {
      /* 105 × 148 mm, front and back. */
      g_assert_cmpint (n_pages, ==, 2);
      g_assert_cmpfloat_with_epsilon (width, 105 * RAHNUMA_CARD_MM, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 148 * RAHNUMA_CARD_MM, 0.5);
    }
  else
    {
      /* 80 mm wide, one page as long as the card (but a card, not a scroll). */
      g_assert_cmpint (n_pages, ==, 1);
      g_assert_cmpfloat_with_epsilon (width, 80 * RAHNUMA_CARD_MM, 0.5);
      g_assert_cmpfloat (height, >, 100 * RAHNUMA_CARD_MM);
      g_assert_cmpfloat (height, <, 600 * RAHNUMA_CARD_MM);
    }
}

/* The card runs from the right in Urdu, Pashto and Punjabi, from the left
 * in English: the phone number line, short and left to right in every
 * language, starts in the half of the paper its direction begins at. */
static void
assert_direction (const char *pdf, gboolean rtl)
{
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *boxes = run (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page width=\"([0-9.]+)\"|<word xMin=\"([0-9.]+)\"[^>]*>\\+92</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double width = 0, x = -1;

  g_regex_match (regex, boxes, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *page_width = g_match_info_fetch (match, 1);
      g_autofree char *word_x = g_match_info_fetch (match, 2);

      if (page_width != NULL && *page_width != '\0')
        width = g_ascii_strtod (page_width, NULL);
      else if (word_x != NULL && *word_x != '\0')
        x = g_ascii_strtod (word_x, NULL);
    }
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (x, >=, 0);
  if (rtl)
    g_assert_cmpfloat (x, >, width / 2);
  else
    g_assert_cmpfloat (x, <, width / 2);
}

/* Urdu and Punjabi in Nastaliq, Pashto in Naskh, as pdffonts finds them
 * embedded; English in neither. */
static void
assert_fonts (const char *pdf, const char *language)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *fonts = run (argv);
  gboolean nastaliq = strstr (fonts, "NotoNastaliqUrdu") != NULL;
  gboolean naskh = strstr (fonts, "NotoNaskhArabic") != NULL;

  if (g_str_equal (language, "ps"))
    g_assert_true (naskh && !nastaliq);
  else if (g_str_equal (language, "en"))
    g_assert_true (!naskh && !nastaliq);
  else
    g_assert_true (nastaliq && !naskh);
}

/* The QR code read back from the printed page carries the payload. */
static void
assert_qr (const char *pdf, const char *payload)
{
  g_autofree char *png = render_page (pdf);
  const char *argv[] = { "zbarimg", "-q", "--raw", png, NULL };
  g_autofree char *read = run (argv);

  g_strchomp (read);
  g_assert_cmpstr (read, ==, payload);
  g_unlink (png);
}

static void
test_print (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-card-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_autofree char *code = rahnuma_code_generate ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  RahnumaCard card = { c->language, code, code, date, 5, 7, TRUE, FALSE, &test_contact, 1 };

  if (file_printer == NULL)
    {
      g_test_skip ("GTK's print-to-file backend is not installed");
      return;
    }
  use_language (c->language);
  error = print_card (&card, c->layout, file_printer, pdf);
  g_assert_no_error (error);
  assert_paper (pdf, c->layout);
  text = run (totext);
  g_assert_nonnull (strstr (text, code));
  g_assert_nonnull (strstr (text, "+92 51 0000000"));
  g_assert_nonnull (strstr (text, "2026-11-30"));
  if (g_str_equal (c->language, "en"))
    {
      g_assert_nonnull (strstr (text, "Never sign a blank paper"));
      g_assert_nonnull (strstr (text, "You passed 5 of 7 lessons."));
      g_assert_nonnull (strstr (text, "Test Protector Office"));
    }
  assert_direction (pdf, !g_str_equal (c->language, "en"));
  assert_fonts (pdf, c->language);
  assert_qr (pdf, code);
  keep_or_remove (dir);
}

/* Words of @expected (three letters or more) that @read has; tesseract
 * reads Nastaliq well but not perfectly, so the test asks for most. */
static guint
count_words_found (const char *expected, const char *read, guint *n_words)
{
  g_auto(GStrv) words = g_strsplit_set (expected, " ،۔.,", -1);
  guint found = 0;

  *n_words = 0;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3)
      {
        (*n_words)++;
        found += strstr (read, words[i]) != NULL;
      }
  return found;
}

/* The Urdu card, read by OCR as an eye would: the words of its title, its
 * heading and two of its rules, from the Urdu catalogue. pdftotext cannot
 * check Nastaliq (it gets the letters back in pieces); tesseract with the
 * urd model reads it, imperfectly (a word here and there comes back with a
 * dot moved), so the test asks for most of the words of all four together. */
static void
test_urdu_ocr (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-card-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  /* A fixed code: a random one draws another QR code beside the words each
   * run, and tesseract's reading of the Nastaliq around it varied with it
   * (6 or 7 words of 14). */
  const char *code = "EKNUW-Q7CYB";
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  g_autofree char *read = NULL;
  const char *msgids[] = { "Your briefing is finished", "Five rules to remember",
                           "Keep your passport and CNIC with you. Your employer or agent may not keep them.",
                           "Get your contract in a language you understand before you leave, and keep a copy." };
  RahnumaCard card = { "ur", code, code, date, 7, 7, TRUE, FALSE, NULL, 0 };
  guint n_words = 0, found = 0;

  if (file_printer == NULL || g_find_program_in_path ("tesseract") == NULL)
    {
      g_test_skip ("needs the file print backend and tesseract (tesseract-ocr-urd)");
      return;
    }
  use_language ("ur");
  error = print_card (&card, RAHNUMA_CARD_LAYOUT_ROLL, file_printer, pdf);
  g_assert_no_error (error);
  png = render_page (pdf);
  {
    const char *argv[] = { "tesseract", png, "-", "-l", "urd", NULL };
    read = run (argv);
  }
  g_test_message ("tesseract read: %s", read);
  for (gsize i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      guint n = 0;

      g_assert_cmpstr (_(msgids[i]), !=, msgids[i]); /* the Urdu catalogue has them */
      found += count_words_found (_(msgids[i]), read, &n);
      n_words += n;
    }
  g_test_message ("%u of %u words read back", found, n_words);
  g_assert_cmpuint (n_words, >=, 12);
  g_assert_cmpuint (found * 2, >=, n_words);
  rahnuma_test_remove_tree (dir);
}

/* With no contacts the card says whom to ask. */
static void
test_no_contacts (void)
{
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-card-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  RahnumaCard card = { "en", "ABCDE-FGHJK", "ABCDE-FGHJK", date, 7, 7, TRUE, FALSE, NULL, 0 };

  if (file_printer == NULL)
    {
      g_test_skip ("GTK's print-to-file backend is not installed");
      return;
    }
  use_language ("en");
  error = print_card (&card, RAHNUMA_CARD_LAYOUT_ROLL, file_printer, pdf);
  g_assert_no_error (error);
  text = run (totext);
  g_assert_nonnull (strstr (text, "Ask the officer for the numbers of the"));
  g_assert_nonnull (strstr (text, "Community Welfare Attaché"));
  rahnuma_test_remove_tree (dir);
}

static void
on_printer_printed (GObject *source, GAsyncResult *result, gpointer data)
{
  Printed *printed = data;

  rahnuma_card_printer_print_finish (RAHNUMA_CARD_PRINTER (source), result, &printed->error);
  printed->done = TRUE;
}

static void
on_last_error_notify (GObject *object, GParamSpec *pspec, guint *n_notified)
{
  (*n_notified)++;
}

/* A printer the machine does not have: the job ends in an error of our
 * domain (what the kiosk tells the visitor about), and the kiosk's printer
 * object keeps the fault for the officers' dashboard (and tells it), in
 * words that name the fault, never the card. With no CUPS server (the test
 * machine), GTK 4.8's look-up never ends: the kiosk gives up after 15 s
 * (FIND_PATIENCE_S in rahnuma-card-print.c); with CUPS it says at once. */
static void
test_printer_fault (void)
{
  g_autoptr(RahnumaCardPrinter) printer = rahnuma_card_printer_new ("rahnuma-test-no-such-printer",
                                                                    RAHNUMA_CARD_LAYOUT_ROLL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  RahnumaCard card = { "en", "ABCDE-FGHJK", "ABCDE-FGHJK", date, 7, 7, TRUE, FALSE, NULL, 0 };
  Printed printed = { NULL, FALSE };
  guint n_notified = 0;
  const char *fault;

  use_language ("en");
  g_assert_null (rahnuma_card_printer_get_last_error (printer));
  g_signal_connect (printer, "notify::last-error", G_CALLBACK (on_last_error_notify), &n_notified);
  rahnuma_card_printer_print_async (printer, &card, NULL, NULL, on_printer_printed, &printed);
  while (!printed.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (printed.error, RAHNUMA_CARD_PRINT_ERROR, RAHNUMA_CARD_PRINT_ERROR_NO_PRINTER);
  g_clear_error (&printed.error);
  fault = rahnuma_card_printer_get_last_error (printer);
  g_assert_nonnull (fault);
  g_assert_nonnull (strstr (fault, "The printer cannot be found"));
  g_assert_null (strstr (fault, "ABCDE"));
  g_assert_cmpuint (n_notified, ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  gtk_enumerate_printers (on_printer, NULL, NULL, TRUE);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rahnuma/card-print/%s/%s", cases[i].language,
                                               rahnuma_card_layout_to_string (cases[i].layout));

      g_test_add_data_func (path, &cases[i], test_print);
    }
  g_test_add_func ("/rahnuma/card-print/urdu-ocr", test_urdu_ocr);
  g_test_add_func ("/rahnuma/card-print/no-contacts", test_no_contacts);
  g_test_add_func ("/rahnuma/card-print/printer-fault", test_printer_fault);
  return g_test_run ();
}
