/* rahnuma-code.c — completion codes a visitor shows the Protector's officer
 *
 * The alphabet has 31 symbols, a prime: digits 2–9 and the letters without I,
 * L and O, which are read as 1 and 0. The check symbol makes the weighted sum
 * of all ten symbols (weights 1…10) divisible by 31. Because 31 is prime and
 * every weight is non-zero modulo 31, changing any one symbol changes the sum
 * by (difference × weight), never a multiple of 31: every single-symbol typo
 * is caught. Distinct weights also catch most swaps of two symbols.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rahnuma-code.h"

#include <string.h>

#define ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#define BASE     31

G_STATIC_ASSERT (sizeof ALPHABET - 1 == BASE);

static int
symbol_value (char c)
{
  const char *p = strchr (ALPHABET, g_ascii_toupper (c));

  return (p != NULL && c != '\0') ? (int) (p - ALPHABET) : -1;
}

static guint
weighted_sum (const char *symbols, guint n)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    sum += (guint) symbol_value (symbols[i]) * (i + 1);
  return sum;
}

/**
 * rahnuma_code_generate:
 *
 * Returns: (transfer full): a new random code, "XXXXX-XXXXX"
 */
char *
rahnuma_code_generate (void)
{
  char symbols[RAHNUMA_CODE_LENGTH + 1] = { 0 };
  guint sum;

  for (guint i = 0; i < RAHNUMA_CODE_PAYLOAD_LENGTH; i++)
    symbols[i] = ALPHABET[g_random_int_range (0, BASE)];

  /* Find c with sum + c × 10 ≡ 0 (mod 31); 10 × 28 = 280 = 9 × 31 + 1, so 28 is 10⁻¹. */
  sum = weighted_sum (symbols, RAHNUMA_CODE_PAYLOAD_LENGTH) % BASE;
  symbols[RAHNUMA_CODE_PAYLOAD_LENGTH] = ALPHABET[((BASE - sum) * 28) % BASE];

  return g_strdup_printf ("%.5s-%.5s", symbols, symbols + 5);
}

/**
 * rahnuma_code_normalize:
 * @text: a code as typed: any case, with or without spaces and dashes
 *
 * Returns: (transfer full) (nullable): "XXXXX-XXXXX", or %NULL if @text has
 *   the wrong length or a symbol outside the alphabet (the check is not tested)
 */
char *
rahnuma_code_normalize (const char *text)
{
  char symbols[RAHNUMA_CODE_LENGTH + 1] = { 0 };
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '-' || *p == ' ')
        continue;
      if (n == RAHNUMA_CODE_LENGTH || symbol_value (*p) < 0)
        return NULL;
      symbols[n++] = g_ascii_toupper (*p);
    }
  if (n != RAHNUMA_CODE_LENGTH)
    return NULL;

  return g_strdup_printf ("%.5s-%.5s", symbols, symbols + 5);
}

/**
 * rahnuma_code_is_valid:
 * @code: a code, in any form rahnuma_code_normalize() accepts
 *
 * Returns: whether @code is well formed and its check symbol matches
 */
gboolean
rahnuma_code_is_valid (const char *code)
{
  g_autofree char *normal = NULL;
  char symbols[RAHNUMA_CODE_LENGTH];

  g_return_val_if_fail (code != NULL, FALSE);

  normal = rahnuma_code_normalize (code);
  if (normal == NULL)
    return FALSE;
  memcpy (symbols, normal, 5);
  memcpy (symbols + 5, normal + 6, 5);
  return weighted_sum (symbols, RAHNUMA_CODE_LENGTH) % BASE == 0;
}
