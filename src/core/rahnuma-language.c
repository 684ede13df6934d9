/* rahnuma-language.c — the languages a visitor can choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rahnuma-language.h"

/* Order is the order of the language screen: the national language first.
 * Debian 12 has offline speech only for Urdu and English, so Pashto and
 * Shahmukhi Punjabi fall back to Urdu narration (with their own subtitles)
 * until a trainer records real voices. */
static const RahnumaLanguage languages[] = {
  /* Translators: a visitors' language, in the officers' charts and
   * reports; the same for Pashto, Punjabi and English below */
  { "ur",    "اردو",    N_("Urdu"),    "Noto Nastaliq Urdu", NULL, TRUE },
  { "ps",    "پښتو",    N_("Pashto"),  "Noto Naskh Arabic",  "ur", TRUE },
  { "pa_PK", "پنجابی",  N_("Punjabi"), "Noto Nastaliq Urdu", "ur", TRUE },
  /* Translators: a language’s name, in the officers’ charts */
  { "en",    "English", N_("English"), "Noto Sans",          NULL, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (languages) == RAHNUMA_N_LANGUAGES);

/**
 * rahnuma_languages:
 * @n_languages: (out): number of entries
 *
 * Returns: (transfer none) (array length=n_languages): every language, in screen order
 */
const RahnumaLanguage *
rahnuma_languages (gsize *n_languages)
{
  g_return_val_if_fail (n_languages != NULL, NULL);

  *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

/**
 * rahnuma_language_lookup:
 * @code: a language code such as "pa_PK"
 *
 * Returns: (transfer none) (nullable): the language, or %NULL if Rahnuma has none
 */
const RahnumaLanguage *
rahnuma_language_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];

  return NULL;
}

/**
 * rahnuma_language_is_valid:
 * @code: (nullable): a language code
 *
 * Returns: whether @code is one of rahnuma_languages(), exactly ("ur", not "ur_PK")
 */
gboolean
rahnuma_language_is_valid (const char *code)
{
  return code != NULL && rahnuma_language_lookup (code) != NULL;
}
