/* test-code.c — completion codes and their check symbol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-code.h"

#include <string.h>

#define ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

static void
test_code_format (void)
{
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *code = rahnuma_code_generate ();

      g_assert_cmpuint (strlen (code), ==, 11);
      g_assert_cmpint (code[5], ==, '-');
      for (guint j = 0; j < 11; j++)
        if (j != 5)
          g_assert_nonnull (strchr (ALPHABET, code[j]));
      g_assert_true (rahnuma_code_is_valid (code));
    }
}

/* Every single-symbol typo, in every position, of many codes is caught. */
static void
test_code_single_typo (void)
{
  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *code = rahnuma_code_generate ();

      for (guint pos = 0; pos < 11; pos++)
        {
          if (pos == 5)
            continue;
          for (const char *c = ALPHABET; *c; c++)
            {
              char typo[12];

              if (*c == code[pos])
                continue;
              memcpy (typo, code, sizeof typo);
              typo[pos] = *c;
              g_assert_false (rahnuma_code_is_valid (typo));
            }
        }
    }
}

static void
test_code_normalize (void)
{
  g_autofree char *code = rahnuma_code_generate ();
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *spaced = g_strdup_printf ("%.5s %s", code, code + 6);
  g_autofree char *a = rahnuma_code_normalize (lower);
  g_autofree char *b = rahnuma_code_normalize (spaced);

  g_assert_cmpstr (a, ==, code);
  g_assert_cmpstr (b, ==, code);
  g_assert_true (rahnuma_code_is_valid (lower));
  g_assert_null (rahnuma_code_normalize ("ABCDE-FGHJ"));     /* too short */
  g_assert_null (rahnuma_code_normalize ("ABCDE-FGHJKM"));   /* too long */
  g_assert_null (rahnuma_code_normalize ("ABCDE-FGHJ1"));    /* 1 is not a symbol */
  g_assert_null (rahnuma_code_normalize ("ABCDE-FGHJO"));    /* nor is O */
  g_assert_false (rahnuma_code_is_valid (""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/code/format", test_code_format);
  g_test_add_func ("/rahnuma/code/single-typo", test_code_single_typo);
  g_test_add_func ("/rahnuma/code/normalize", test_code_normalize);
  return g_test_run ();
}
