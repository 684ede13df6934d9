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

/* Known-good vectors, computed once outside this code base (by hand, and
 * checked with a ten-line Python reimplementation of the documented rule:
 * alphabet "23456789ABCDEFGHJKMNPQRSTUVWXYZ" with values 0…30, weights 1…10,
 * valid when the weighted sum is a multiple of 31). The verdicts are written
 * here, not computed, so a change of alphabet, order or weights, which would
 * turn codes already handed to visitors into "not valid" at the officer's
 * desk, fails the suite.
 *
 * Worked example, RAHNU-MA239: R=22 A=8 H=15 N=19 U=25 M=18 A=8 2=0 3=1 9=7;
 * 22·1 + 8·2 + 15·3 + 19·4 + 25·5 + 18·6 + 8·7 + 0·8 + 1·9 + 7·10
 * = 22 + 16 + 45 + 76 + 125 + 108 + 56 + 0 + 9 + 70 = 527 = 17 × 31: valid.
 * Swapping two adjacent symbols a, b changes the sum by ±(a − b), never a
 * multiple of 31 unless a = b, so every such swap below is rejected. */
static const struct
{
  const char *code;
  gboolean valid;
} code_vectors[] = {
  /* valid codes */
  { "RAHNU-MA239", TRUE },
  { "K7PQ3-WX9BY", TRUE },
  { "ABCDE-FGHJ4", TRUE },
  { "ZZZZZ-ZZZZP", TRUE },
  { "22222-22222", TRUE },
  { "rahnu ma239", TRUE },      /* as typed: lower case, a space */
  { "k7pq3wx9by", TRUE },
  /* one symbol changed */
  { "RAHPU-MA239", FALSE },
  { "RAHNU-MA23A", FALSE },     /* the check symbol itself */
  { "SAHNU-MA239", FALSE },
  { "K7PR3-WX9BY", FALSE },
  { "ABCEE-FGHJ4", FALSE },
  { "ZZZ2Z-ZZZZP", FALSE },
  { "22222-22223", FALSE },
  /* two adjacent symbols swapped */
  { "ARHNU-MA239", FALSE },
  { "RHANU-MA239", FALSE },
  { "RAHUN-MA239", FALSE },
  { "RAHNM-UA239", FALSE },     /* across the dash */
  { "RAHNU-AM239", FALSE },
  { "RAHNU-MA293", FALSE },     /* into the check symbol */
  { "7KPQ3-WX9BY", FALSE },
  { "K7PQW-3X9BY", FALSE },
  { "K7PQ3-WXB9Y", FALSE },
  { "ABDCE-FGHJ4", FALSE },
  { "ABCDE-FGH4J", FALSE },
  { "ZZZZZ-ZZZPZ", FALSE },
};

static void
test_code_vectors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (code_vectors); i++)
    {
      g_test_message ("%s", code_vectors[i].code);
      g_assert_cmpint (rahnuma_code_is_valid (code_vectors[i].code), ==,
                       code_vectors[i].valid);
    }
}

/* Every adjacent swap of distinct symbols, in many generated codes, is caught. */
static void
test_code_adjacent_swap (void)
{
  for (guint n = 0; n < 500; n++)
    {
      g_autofree char *code = rahnuma_code_generate ();
      char flat[11];

      memcpy (flat, code, 5);
      memcpy (flat + 5, code + 6, 5);
      flat[10] = '\0';
      for (guint i = 0; i + 1 < 10; i++)
        {
          char swapped[11];

          if (flat[i] == flat[i + 1])
            continue;
          memcpy (swapped, flat, sizeof swapped);
          swapped[i] = flat[i + 1];
          swapped[i + 1] = flat[i];
          g_assert_false (rahnuma_code_is_valid (swapped));
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
  g_test_add_func ("/rahnuma/code/vectors", test_code_vectors);
  g_test_add_func ("/rahnuma/code/adjacent-swap", test_code_adjacent_swap);
  return g_test_run ();
}
