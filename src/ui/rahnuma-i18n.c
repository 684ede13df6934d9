/* rahnuma-i18n.c — switching the whole UI to a visitor's language at run time
 *
 * Shared by every program with a window (the kiosk, rahnuma-officer, the
 * studio) and by the officer window's own language inside the kiosk: the
 * one place that binds the catalogue and changes language.
 *
 * The process runs under C.UTF-8 (always present on Debian) and chooses the
 * catalogue through LANGUAGE, which gettext reads on every lookup. GTK's
 * default direction flips every widget that has not set its own, so pages
 * built from templates mirror themselves. Fonts follow a CSS class per
 * language on the widget that shows that language (see ui/style.css).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rahnuma-i18n.h"
#include "rahnuma-language.h"

/* glibc bumps this whenever catalogues change; bumping it ourselves makes
 * gettext drop translations it cached for the previous language. */
extern int _nl_msg_cat_cntr;

static char *current_language;

/**
 * rahnuma_i18n_running_uninstalled:
 *
 * Whether this program runs from the build tree (`./build/src/kiosk/rahnuma`,
 * a test), rather than installed: it then reads the build tree's catalogues,
 * settings schema and media.
 *
 * Returns: %TRUE if the executable lies under the build directory
 */
gboolean
rahnuma_i18n_running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S);
}

/**
 * rahnuma_i18n_bind:
 *
 * Binds Rahnuma's message catalogue: the build tree's when running
 * uninstalled, else the installed one; UTF-8 whatever the locale. The
 * caller sets the locale first.
 */
void
rahnuma_i18n_bind (void)
{
  bindtextdomain (GETTEXT_PACKAGE, rahnuma_i18n_running_uninstalled () ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * rahnuma_i18n_init:
 *
 * Sets the C.UTF-8 locale, binds the catalogue and starts in English. Call
 * once, before any window exists, in a program whose language is chosen at
 * run time (the kiosk, the studio).
 */
void
rahnuma_i18n_init (void)
{
  /* C.UTF-8, not the machine's locale: the visitor's language, not the
   * kiosk's, picks the catalogue, and UTF-8 is what makes LANGUAGE count. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_warning ("The C.UTF-8 locale is missing: the kiosk cannot switch language");
  rahnuma_i18n_bind ();
  rahnuma_i18n_set_language ("en");
}

/**
 * rahnuma_i18n_set_direction:
 * @code: a language from rahnuma_languages()
 *
 * Makes the default text direction @code's: right to left for Urdu, Pashto
 * and Punjabi. Widgets that have not set their own follow at once.
 */
void
rahnuma_i18n_set_direction (const char *code)
{
  const RahnumaLanguage *language;

  g_return_if_fail (code != NULL);

  language = rahnuma_language_lookup (code);
  g_return_if_fail (language != NULL);
  gtk_widget_set_default_direction (language->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

/**
 * rahnuma_i18n_set_language:
 * @code: a language from rahnuma_languages()
 *
 * Strings translated after this call, and widgets built after it, are in
 * @code (through LANGUAGE, which gettext reads on every lookup; the process
 * needs a UTF-8 locale); the default text direction follows at once.
 */
void
rahnuma_i18n_set_language (const char *code)
{
  const RahnumaLanguage *language;

  g_return_if_fail (code != NULL);

  language = rahnuma_language_lookup (code);
  g_return_if_fail (language != NULL);

  g_free (current_language);
  current_language = g_strdup (language->code);
  g_setenv ("LANGUAGE", language->code, TRUE);
  ++_nl_msg_cat_cntr;
  rahnuma_i18n_set_direction (language->code);
  g_debug ("Language is now %s", language->code);
}

/**
 * rahnuma_i18n_get_language:
 *
 * Returns: (transfer none): the code last given to
 *   rahnuma_i18n_set_language(), or "en" before the first call
 */
const char *
rahnuma_i18n_get_language (void)
{
  return current_language != NULL ? current_language : "en";
}

/**
 * rahnuma_i18n_style_widget:
 * @widget: a widget that shows text in @code
 * @code: (nullable): a language from rahnuma_languages(), or %NULL for none
 *
 * Gives @widget the font class of @code (and drops any other language's),
 * so Urdu is drawn in Nastaliq and Pashto in Naskh with room for them.
 */
void
rahnuma_i18n_style_widget (GtkWidget *widget, const char *code)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (gsize i = 0; i < n_languages; i++)
    {
      g_autofree char *css_class = g_strconcat ("lang-", languages[i].code, NULL);

      if (g_strcmp0 (languages[i].code, code) == 0)
        gtk_widget_add_css_class (widget, css_class);
      else
        gtk_widget_remove_css_class (widget, css_class);
    }
}
