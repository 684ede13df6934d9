/* test-card.c — the card without GTK: checks, layouts, its PDF, rahnuma-admin card
 *
 * No display: the card is drawn with cairo alone (src/card/), as
 * rahnuma-admin card draws it on an office PC. The PDF is read back with
 * pdftotext and pdfinfo (poppler-utils); the QR code with zbarimg
 * (zbar-tools) from the page rendered at 300 dpi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-card.h"
#include "rahnuma-code.h"
#include "test-util.h"

static char *
run (const char * const *argv, int *exit_status, char **err)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err, &status, &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_check (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (4000, 'A');
  RahnumaCard card = { "ur", "ABCDE-FGHJK", "ABCDE-FGHJK", date, 7, 7, TRUE, FALSE, NULL, 0 };
  RahnumaCardContact nameless = { NULL, "help", "+92 51 0000000", NULL, NULL };
  RahnumaCardLayout layout;

  g_assert_true (rahnuma_card_check (&card, &error));
  g_assert_no_error (error);
  card.language = "pa";  /* Gurmukhi Punjabi is not a kiosk language */
  g_assert_false (rahnuma_card_check (&card, &error));
  g_assert_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID);
  g_clear_error (&error);
  card.language = "ur";
  card.qr_payload = too_long;  /* more than a QR code holds at level M */
  g_assert_false (rahnuma_card_check (&card, &error));
  g_assert_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID);
  g_clear_error (&error);
  card.qr_payload = card.code;
  card.contacts = &nameless;
  card.n_contacts = 1;
  g_assert_false (rahnuma_card_check (&card, &error));
  g_assert_error (error, RAHNUMA_CARD_ERROR, RAHNUMA_CARD_ERROR_INVALID);

  g_assert_true (rahnuma_card_layout_from_string ("a6", &layout));
  g_assert_cmpint (layout, ==, RAHNUMA_CARD_LAYOUT_A6);
  g_assert_true (rahnuma_card_layout_from_string ("roll", &layout));
  g_assert_cmpint (layout, ==, RAHNUMA_CARD_LAYOUT_ROLL);
  g_assert_false (rahnuma_card_layout_from_string ("A4", &layout));
  g_assert_cmpuint (rahnuma_card_get_n_pages (RAHNUMA_CARD_LAYOUT_A6), ==, 2);
}

/* The roll is as long as the card: contacts make it longer, never clipped. */
static void
test_roll_grows (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  RahnumaCardContact contacts[3] = {
    { "One", "Complaints", "+92 51 0000001", "Street 1", "Mon to Fri" },
    { "Two", "Complaints", "+92 51 0000002", "Street 2", "Mon to Fri" },
    { "Three", "Complaints", "+92 51 0000003", "Street 3", "Mon to Fri" },
  };
  RahnumaCard card = { "ur", "ABCDE-FGHJK", "ABCDE-FGHJK", date, 7, 7, TRUE, FALSE, NULL, 0 };
  double width, short_height, long_height, margin;

  rahnuma_card_get_paper (&card, RAHNUMA_CARD_LAYOUT_ROLL, &width, &short_height, &margin);
  g_assert_cmpfloat_with_epsilon (width, 80 * RAHNUMA_CARD_MM, 0.01);
  g_assert_cmpfloat_with_epsilon (width - 2 * margin, 72 * RAHNUMA_CARD_MM, 0.01);
  card.contacts = contacts;
  card.n_contacts = G_N_ELEMENTS (contacts);
  rahnuma_card_get_paper (&card, RAHNUMA_CARD_LAYOUT_ROLL, &width, &long_height, &margin);
  g_assert_cmpfloat (long_height, >, short_height + 3 * 20);
}

static void
test_copy (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);
  g_autofree char *code = g_strdup ("ABCDE-FGHJK");
  g_autofree char *phone = g_strdup ("+92 51 0000000");
  RahnumaCardContact contact = { "Office", NULL, phone, NULL, NULL };
  RahnumaCard card = { "ps", code, code, date, 3, 7, FALSE, TRUE, &contact, 1 };
  g_autoptr(RahnumaCard) copy = rahnuma_card_copy (&card);

  /* The copy owns its strings: the originals may go. */
  memset (code, 'X', strlen (code));
  memset (phone, 'X', strlen (phone));
  g_assert_cmpstr (copy->code, ==, "ABCDE-FGHJK");
  g_assert_cmpstr (copy->qr_payload, ==, "ABCDE-FGHJK");
  g_assert_cmpstr (copy->contacts[0].phone, ==, "+92 51 0000000");
  g_assert_null (copy->contacts[0].helps_with);
  g_assert_cmpstr (copy->language, ==, "ps");
  g_assert_cmpuint (copy->n_passed, ==, 3);
  g_assert_true (copy->demo);
  g_assert_true (copy->date == date);
}

/* rahnuma-admin card --demo: a PDF marked DEMO, on the paper asked for,
 * whose QR code carries the code printed under it. */
static void
test_admin_demo (void)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL);
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-card-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "demo.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (dir, "demo", NULL);
  g_autofree char *png = g_build_filename (dir, "demo.png", NULL);
  g_autofree char *keys = g_build_filename (dir, "keys", NULL);
  g_autofree char *trust = g_build_filename (dir, "trust.txt", NULL);
  g_autofree char *trust_line = NULL;
  g_autofree char *verdict = NULL;
  const char *keys_new[] = { admin, "keys", "new", "--keys", keys, "--centre", "TEST", "--kiosk", "k1", NULL };
  const char *keys_export[] = { admin, "keys", "export", "--keys", keys, NULL };
  const char *no_key[] = { admin, "card", "--demo", "--lang", "en", "--pdf", pdf, "--keys", dir, NULL };
  const char *card[] = { admin, "card", "--demo", "--lang", "en", "--layout", "a6", "--pdf", pdf,
                         "--keys", keys, NULL };
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *info[] = { "pdfinfo", pdf, NULL };
  const char *render[] = { "pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", pdf,
                           png_prefix, NULL };
  const char *zbar[] = { "zbarimg", "-q", "--raw", png, NULL };
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *qr = NULL;
  g_autoptr(GRegex) code_regex = g_regex_new ("[0-9A-Z]{5}-[0-9A-Z]{5}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *code = NULL;
  int status;

  /* A key folder asked for must hold a key: nothing is written without it. */
  g_free (run (no_key, &status, NULL));
  g_assert_cmpint (status, ==, 2);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_free (run (keys_new, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  trust_line = run (keys_export, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_set_contents (trust, trust_line, -1, NULL));
  g_free (run (card, &status, &err));
  g_assert_cmpint (status, ==, 0);
  text = run (totext, NULL, NULL);
  g_assert_nonnull (strstr (text, "DEMO"));
  g_assert_nonnull (strstr (text, "Five rules to remember"));
  g_assert_nonnull (strstr (text, "Ask the officer for the numbers"));
  g_assert_true (g_regex_match (code_regex, text, 0, &match));
  code = g_match_info_fetch (match, 0);
  g_assert_true (rahnuma_code_is_valid (code));
  pages = run (info, NULL, NULL);
  g_assert_true (g_regex_match_simple ("^Pages: +2$", pages, G_REGEX_MULTILINE, 0));
  g_free (run (render, NULL, NULL));
  qr = run (zbar, NULL, NULL);
  g_strchomp (qr);
  /* The QR holds a proof signed with the kiosk's key, marked demo: valid, demo (5). */
  g_assert_true (g_str_has_prefix (qr, "RHN1."));
  {
    const char *verify[] = { admin, "verify", "--qr", qr, "--trust", trust, "--json", NULL };

    verdict = run (verify, &status, NULL);
    g_assert_cmpint (status, ==, 5);
    g_assert_nonnull (strstr (verdict, code));
  }
  rahnuma_test_remove_tree (dir);
}

/* Usage errors exit 2 and write nothing. */
static void
test_admin_usage (void)
{
  g_autofree char *admin = g_build_filename (g_getenv ("RAHNUMA_BUILD_DIR"), "src", "tools", "rahnuma-admin", NULL);
  g_autofree char *dir = rahnuma_test_make_tmpdir ("rahnuma-card-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "card.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "card.pdf", NULL);
  const char *no_demo[] = { admin, "card", "--lang", "en", "--pdf", pdf, NULL };
  const char *bad_layout[] = { admin, "card", "--demo", "--layout", "a4", "--pdf", pdf, NULL };
  const char *bad_lang[] = { admin, "card", "--demo", "--lang", "pa", "--pdf", pdf, NULL };
  const char *bad_path[] = { admin, "card", "--demo", "--pdf", missing, NULL };
  const char * const *cases[] = { no_demo, bad_layout, bad_lang, bad_path };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status;

      g_free (run (cases[i], &status, &err));
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (err, !=, "");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  rahnuma_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rahnuma/card/check", test_check);
  g_test_add_func ("/rahnuma/card/roll-grows", test_roll_grows);
  g_test_add_func ("/rahnuma/card/copy", test_copy);
  if (pdftotext != NULL && zbarimg != NULL)
    {
      g_test_add_func ("/rahnuma/card/admin-demo", test_admin_demo);
      g_test_add_func ("/rahnuma/card/admin-usage", test_admin_usage);
    }
  return g_test_run ();
}
