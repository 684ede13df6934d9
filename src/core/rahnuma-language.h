/* rahnuma-language.h — the languages a visitor can choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;               /* gettext/GKeyFile locale: "ur", "ps", "pa_PK", "en" */
  const char *native_name;        /* the name in its own script: "اردو" */
  const char *english_name;
  const char *font_family;        /* Nastaliq for ur and pa_PK, Naskh for ps */
  const char *narration_fallback; /* whose voice is heard when a module has none, or NULL */
  gboolean    rtl;
} RahnumaLanguage;

/* How many rahnuma_languages() has: for arrays with one entry per language. */
#define RAHNUMA_N_LANGUAGES 4

const RahnumaLanguage *rahnuma_languages            (gsize      *n_languages);
const RahnumaLanguage *rahnuma_language_lookup      (const char *code);
gboolean               rahnuma_language_is_valid    (const char *code);

G_END_DECLS
