/* rahnuma-officer.c — the one entry the kiosk needs: open the officers' dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include "rahnuma-i18n.h"
#include "rahnuma-language.h"
#include "rahnuma-officer-window.h"
#include "rahnuma-officer.h"

/* At most one officer window: a second long press brings it back. */
static GtkWindow *officer_window;
static GtkWindow *officer_parent;
static RahnumaStore *officer_store;
static RahnumaCatalog *officer_catalog;
static GObject *officer_auto_sync;
static RahnumaContactsWatch *officer_contacts;
static RahnumaCardPrinter *officer_card_printer;
static char *officer_journal_set_aside;
/* The officer's own language, kept while the kiosk runs; the kiosk's
 * (a visitor's) comes back when the officer window closes. */
static char *officer_language;
static char *kiosk_language;

static void
apply_language (const char *code)
{
  if (rahnuma_language_is_valid (code))
    rahnuma_i18n_set_language (code);
}

static void
on_officer_window_destroy (GtkWidget *window, gpointer user_data)
{
  if (kiosk_language != NULL)
    apply_language (kiosk_language);
  g_clear_pointer (&kiosk_language, g_free);
}

/* The kiosk's style sheet gives each script its font (Nastaliq for Urdu and
 * Punjabi, Naskh for Pashto) through a lang-<code> class. */
static void
add_font_class (GtkWidget *window)
{
  const char *code = g_getenv ("LANGUAGE");

  rahnuma_i18n_style_widget (window, rahnuma_language_is_valid (code) ? code : "en");
}

static void on_language_chosen (RahnumaOfficerWindow *window, const char *code, gpointer user_data);

static void
create_window (void)
{
  kiosk_language = g_strdup (g_getenv ("LANGUAGE"));
  if (officer_language != NULL)
    apply_language (officer_language);
  officer_window = GTK_WINDOW (rahnuma_officer_window_new (officer_store, officer_catalog));
  rahnuma_officer_window_set_auto_sync (RAHNUMA_OFFICER_WINDOW (officer_window), officer_auto_sync);
  rahnuma_officer_window_set_contacts_watch (RAHNUMA_OFFICER_WINDOW (officer_window), officer_contacts);
  rahnuma_officer_window_set_card_printer (RAHNUMA_OFFICER_WINDOW (officer_window), officer_card_printer);
  rahnuma_officer_window_set_journal_set_aside (RAHNUMA_OFFICER_WINDOW (officer_window), officer_journal_set_aside);
  add_font_class (GTK_WIDGET (officer_window));
  g_object_add_weak_pointer (G_OBJECT (officer_window), (gpointer *) &officer_window);
  g_signal_connect (officer_window, "destroy", G_CALLBACK (on_officer_window_destroy), NULL);
  g_signal_connect (officer_window, "language-chosen", G_CALLBACK (on_language_chosen), NULL);
  gtk_window_set_transient_for (officer_window, officer_parent);
  if (officer_parent != NULL)
    {
      gtk_window_set_application (officer_window, gtk_window_get_application (officer_parent));
      if (gtk_window_is_fullscreen (officer_parent))
        gtk_window_fullscreen (officer_window);
    }
}

/* Builds the officer window again in @code, locked. */
static void
on_language_chosen (RahnumaOfficerWindow *window, const char *code, gpointer user_data)
{
  g_return_if_fail (rahnuma_language_is_valid (code));

  g_free (officer_language);
  officer_language = g_strdup (code);
  /* The old window is finalized only after this signal's emission, which
   * holds it: let it go now, kiosk language back, so that its late
   * "destroy" and weak pointer touch nothing of the new one. */
  g_signal_handlers_disconnect_by_func (window, on_officer_window_destroy, NULL);
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &officer_window);
  on_officer_window_destroy (GTK_WIDGET (window), NULL);
  officer_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  create_window ();
  gtk_window_present (officer_window);
}

/**
 * rahnuma_officer_present:
 * @parent: (nullable): the kiosk window
 * @store: the kiosk journal (PIN, records)
 * @catalog: (nullable): the modules, for their titles
 *
 * Shows the PIN pad, over the kiosk; the dashboard follows the right PIN.
 */
void
rahnuma_officer_present (GtkWindow *parent, RahnumaStore *store, RahnumaCatalog *catalog)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RAHNUMA_IS_STORE (store));

  if (officer_window == NULL)
    {
      g_set_weak_pointer (&officer_parent, parent);
      g_set_object (&officer_store, store);
      g_set_object (&officer_catalog, catalog);
      create_window ();
    }
  gtk_window_present (officer_window);
}

/**
 * rahnuma_officer_set_contacts_watch:
 * @watch: (nullable): the kiosk's contacts file, whose problem the
 *   dashboard shows (see rahnuma_officer_dashboard_set_contacts_watch())
 */
void
rahnuma_officer_set_contacts_watch (RahnumaContactsWatch *watch)
{
  g_return_if_fail (watch == NULL || RAHNUMA_IS_CONTACTS_WATCH (watch));

  g_set_object (&officer_contacts, watch);
  if (officer_window != NULL)
    rahnuma_officer_window_set_contacts_watch (RAHNUMA_OFFICER_WINDOW (officer_window), watch);
}

/**
 * rahnuma_officer_set_auto_sync:
 * @auto_sync: (nullable): the kiosk's automatic sync, whose "last-error"
 *   the dashboard shows (see rahnuma_officer_dashboard_set_auto_sync())
 */
void
rahnuma_officer_set_auto_sync (GObject *auto_sync)
{
  g_return_if_fail (auto_sync == NULL || G_IS_OBJECT (auto_sync));

  g_set_object (&officer_auto_sync, auto_sync);
  if (officer_window != NULL)
    rahnuma_officer_window_set_auto_sync (RAHNUMA_OFFICER_WINDOW (officer_window), auto_sync);
}

/**
 * rahnuma_officer_set_card_printer:
 * @printer: (nullable): the kiosk's card printer, whose last fault the
 *   dashboard shows and which prints its test card; %NULL for none
 */
void
rahnuma_officer_set_card_printer (RahnumaCardPrinter *printer)
{
  g_return_if_fail (printer == NULL || RAHNUMA_IS_CARD_PRINTER (printer));

  g_set_object (&officer_card_printer, printer);
  if (officer_window != NULL)
    rahnuma_officer_window_set_card_printer (RAHNUMA_OFFICER_WINDOW (officer_window), printer);
}

/**
 * rahnuma_officer_set_journal_set_aside:
 * @path: (nullable): where the kiosk kept its journal when it found it
 *   damaged and started a new one, or %NULL: the PIN pad and the dashboard
 *   say so (see rahnuma_officer_window_set_journal_set_aside())
 */
void
rahnuma_officer_set_journal_set_aside (const char *path)
{
  g_free (officer_journal_set_aside);
  officer_journal_set_aside = g_strdup (path);
  if (officer_window != NULL)
    rahnuma_officer_window_set_journal_set_aside (RAHNUMA_OFFICER_WINDOW (officer_window), path);
}
