/* rahnuma-kiosk-context.c — what the kiosk window needs, in one object
 *
 * The services a kiosk window and its idle monitor use — the catalogue, the
 * journal, the settings, the spoken prompts, the automatic sync — handed to
 * the window when it is made, as GNOME Calendar's GcalContext is. The
 * window then knows nothing of the application: the application owns the
 * services and keeps the context up to date (a new catalogue after an
 * install, a fresh journal after damage), and hears the window's one
 * request, to look for a newer catalogue, through a signal.
 *
 * The spoken prompts live here too: where each prompt's recording is, and
 * its words (media/prompts/prompts.ini), each looked up once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-kiosk-context"

#include "config.h"

#include "rahnuma-card-print.h"
#include "rahnuma-kiosk-context.h"
#include "rahnuma-language.h"

struct _RahnumaKioskContext
{
  GObject parent_instance;

  RahnumaStore *store;
  RahnumaCatalog *catalog;
  RahnumaSound *sound;
  RahnumaSettings *settings;
  RahnumaAutoSync *auto_sync; /* nullable: none until the journal is open, none in a preview */
  char *set_aside_journal;    /* nullable */
  gboolean preview;

  RahnumaContactsWatch *contacts; /* nullable: the centre's contacts.ini, followed */
  RahnumaKeys *keys;              /* nullable: proofs fall back to the bare code */
  RahnumaCardPrinter *card_printer; /* made when first asked for, again when its settings change */

  char *media_dir;
  GKeyFile *prompts;        /* media/prompts/prompts.ini, read once */
  GHashTable *prompt_paths; /* "lang/file" → the clip to play, looked up once */
};

G_DEFINE_FINAL_TYPE (RahnumaKioskContext, rahnuma_kiosk_context, G_TYPE_OBJECT)

enum {
  SIGNAL_CATALOG_CHANGED,
  SIGNAL_REFRESH_CATALOG,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rahnuma_kiosk_context_dispose (GObject *object)
{
  RahnumaKioskContext *self = RAHNUMA_KIOSK_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->sound);
  g_clear_object (&self->settings);
  g_clear_object (&self->auto_sync);
  g_clear_object (&self->contacts);
  g_clear_object (&self->card_printer);
  g_clear_pointer (&self->keys, rahnuma_keys_free);
  G_OBJECT_CLASS (rahnuma_kiosk_context_parent_class)->dispose (object);
}

static void
rahnuma_kiosk_context_finalize (GObject *object)
{
  RahnumaKioskContext *self = RAHNUMA_KIOSK_CONTEXT (object);

  g_free (self->set_aside_journal);
  g_free (self->media_dir);
  g_clear_pointer (&self->prompts, g_key_file_unref);
  g_clear_pointer (&self->prompt_paths, g_hash_table_unref);
  G_OBJECT_CLASS (rahnuma_kiosk_context_parent_class)->finalize (object);
}

static void
rahnuma_kiosk_context_class_init (RahnumaKioskContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rahnuma_kiosk_context_dispose;
  object_class->finalize = rahnuma_kiosk_context_finalize;

  /**
   * RahnumaKioskContext::catalog-changed:
   *
   * A new catalogue is on offer (an install changed the modules folder);
   * a visit in progress keeps the one it started with.
   */
  signals[SIGNAL_CATALOG_CHANGED] =
    g_signal_new ("catalog-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RahnumaKioskContext::refresh-catalog:
   *
   * The window is between visitors: whoever owns the catalogue may look
   * for a newer one now (rahnuma_kiosk_context_refresh_catalog()).
   */
  signals[SIGNAL_REFRESH_CATALOG] =
    g_signal_new ("refresh-catalog", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rahnuma_kiosk_context_init (RahnumaKioskContext *self)
{
  self->prompt_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * rahnuma_kiosk_context_new:
 * @media_dir: the folder holding prompts/ (the source tree's media/ when
 *   running uninstalled)
 * @sound: the player of spoken prompts
 * @settings: the kiosk's settings
 * @preview: whether this is a trainer's `--preview` (no visitor, no record)
 *
 * Returns: (transfer full): a context without journal or catalogue yet
 */
RahnumaKioskContext *
rahnuma_kiosk_context_new (const char *media_dir, RahnumaSound *sound, RahnumaSettings *settings,
                           gboolean preview)
{
  RahnumaKioskContext *self;

  g_return_val_if_fail (media_dir != NULL, NULL);
  g_return_val_if_fail (RAHNUMA_IS_SOUND (sound), NULL);
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAHNUMA_TYPE_KIOSK_CONTEXT, NULL);
  self->media_dir = g_strdup (media_dir);
  self->sound = g_object_ref (sound);
  self->settings = g_object_ref (settings);
  self->preview = preview;
  return self;
}

/**
 * rahnuma_kiosk_context_set_store:
 * @self: a #RahnumaKioskContext
 * @store: (nullable): the kiosk's journal, or %NULL while it is missing
 */
void
rahnuma_kiosk_context_set_store (RahnumaKioskContext *self, RahnumaStore *store)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (store == NULL || RAHNUMA_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * rahnuma_kiosk_context_set_catalog:
 * @self: a #RahnumaKioskContext
 * @catalog: (nullable): the modules on offer
 *
 * Emits #RahnumaKioskContext::catalog-changed when @catalog replaces another.
 */
void
rahnuma_kiosk_context_set_catalog (RahnumaKioskContext *self, RahnumaCatalog *catalog)
{
  gboolean replaced;

  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (catalog == NULL || RAHNUMA_IS_CATALOG (catalog));

  replaced = self->catalog != NULL;
  if (g_set_object (&self->catalog, catalog) && replaced)
    g_signal_emit (self, signals[SIGNAL_CATALOG_CHANGED], 0);
}

/**
 * rahnuma_kiosk_context_set_auto_sync:
 * @self: a #RahnumaKioskContext
 * @auto_sync: (nullable): the automatic sync, or %NULL while there is none
 */
void
rahnuma_kiosk_context_set_auto_sync (RahnumaKioskContext *self, RahnumaAutoSync *auto_sync)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (auto_sync == NULL || RAHNUMA_IS_AUTO_SYNC (auto_sync));

  g_set_object (&self->auto_sync, auto_sync);
}

/**
 * rahnuma_kiosk_context_set_set_aside_journal:
 * @self: a #RahnumaKioskContext
 * @path: (nullable): where a damaged journal was kept, or %NULL
 */
void
rahnuma_kiosk_context_set_set_aside_journal (RahnumaKioskContext *self, const char *path)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));

  g_free (self->set_aside_journal);
  self->set_aside_journal = g_strdup (path);
}

/**
 * rahnuma_kiosk_context_get_store:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): the kiosk's journal; ask again for
 *   each visit, as a damaged one is replaced
 */
RahnumaStore *
rahnuma_kiosk_context_get_store (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->store;
}

/**
 * rahnuma_kiosk_context_get_catalog:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): the modules on offer
 */
RahnumaCatalog *
rahnuma_kiosk_context_get_catalog (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->catalog;
}

/**
 * rahnuma_kiosk_context_refresh_catalog:
 * @self: a #RahnumaKioskContext
 *
 * Between visits: asks the catalogue's owner (through
 * #RahnumaKioskContext::refresh-catalog) to load a newer one if an install
 * changed the modules folder. A new one comes later, with
 * #RahnumaKioskContext::catalog-changed.
 */
void
rahnuma_kiosk_context_refresh_catalog (RahnumaKioskContext *self)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));
  g_signal_emit (self, signals[SIGNAL_REFRESH_CATALOG], 0);
}

/**
 * rahnuma_kiosk_context_get_sound:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none): the player of spoken prompts
 */
RahnumaSound *
rahnuma_kiosk_context_get_sound (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->sound;
}

/**
 * rahnuma_kiosk_context_get_settings:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none): the kiosk's settings
 */
RahnumaSettings *
rahnuma_kiosk_context_get_settings (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * rahnuma_kiosk_context_get_auto_sync:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): the automatic sync, if it runs
 */
RahnumaAutoSync *
rahnuma_kiosk_context_get_auto_sync (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->auto_sync;
}

/**
 * rahnuma_kiosk_context_get_set_aside_journal:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): where a damaged journal was kept, or
 *   %NULL if none was
 */
const char *
rahnuma_kiosk_context_get_set_aside_journal (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->set_aside_journal;
}

/**
 * rahnuma_kiosk_context_get_centre:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none): the centre code written with each visit
 */
const char *
rahnuma_kiosk_context_get_centre (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return rahnuma_settings_get_centre (self->settings);
}

/**
 * rahnuma_kiosk_context_get_kiosk_id:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none): this kiosk's id, written with each visit
 */
const char *
rahnuma_kiosk_context_get_kiosk_id (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return rahnuma_settings_get_kiosk_id (self->settings);
}

/**
 * rahnuma_kiosk_context_is_preview:
 * @self: a #RahnumaKioskContext
 *
 * Returns: whether this is a trainer's preview: no visitor to wait for,
 *   nothing recorded
 */
gboolean
rahnuma_kiosk_context_is_preview (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), FALSE);
  return self->preview;
}

/**
 * rahnuma_kiosk_context_dup_prompt_path:
 * @self: a #RahnumaKioskContext
 * @prompt: a prompt id such as "welcome", or "names" for language names
 * @lang: the language to hear it in
 *
 * Prompts exist as recordings for languages with a voice; others fall back
 * to their narration language (Urdu), as modules do.
 *
 * Returns: (transfer full): the prompt's recording (which may be missing)
 */
char *
rahnuma_kiosk_context_dup_prompt_path (RahnumaKioskContext *self, const char *prompt,
                                       const char *lang)
{
  const RahnumaLanguage *language;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  const char *cached;

  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  g_return_val_if_fail (prompt != NULL && lang != NULL, NULL);

  file = g_strconcat (g_str_equal (prompt, "names") ? lang : prompt, ".ogg", NULL);
  if (g_str_equal (prompt, "names"))
    return g_build_filename (self->media_dir, "prompts", "names", file, NULL);

  /* The installed prompts do not change while the kiosk runs: each is
   * looked for on disk once, not at every prompt. */
  key = g_strconcat (lang, "/", file, NULL);
  cached = g_hash_table_lookup (self->prompt_paths, key);
  if (cached != NULL)
    return g_strdup (cached);
  path = g_build_filename (self->media_dir, "prompts", lang, file, NULL);
  language = rahnuma_language_lookup (lang);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && language != NULL &&
      language->narration_fallback != NULL)
    {
      g_free (path);
      path = g_build_filename (self->media_dir, "prompts", language->narration_fallback, file, NULL);
    }
  g_hash_table_insert (self->prompt_paths, g_steal_pointer (&key), g_strdup (path));
  return g_steal_pointer (&path);
}

/**
 * rahnuma_kiosk_context_dup_prompt_text:
 * @self: a #RahnumaKioskContext
 * @prompt: a prompt id such as "still-there"
 * @lang: the language to show it in
 *
 * The words of a spoken prompt, from media/prompts/prompts.ini, so that a
 * screen shows exactly what the visitor hears.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if it is missing
 */
char *
rahnuma_kiosk_context_dup_prompt_text (RahnumaKioskContext *self, const char *prompt,
                                       const char *lang)
{
  g_autoptr(GError) error = NULL;
  char *text;

  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  g_return_val_if_fail (prompt != NULL && lang != NULL, NULL);

  /* Read once (a few kilobytes, installed with the kiosk), not at every prompt. */
  if (self->prompts == NULL)
    {
      g_autofree char *path = g_build_filename (self->media_dir, "prompts", "prompts.ini", NULL);

      self->prompts = g_key_file_new ();
      /* Every language's text: without KEEP_TRANSLATIONS a key file keeps
       * only those of the languages in force when it is loaded (the first
       * visitor's), and every later visitor in another language read
       * English. */
      if (!g_key_file_load_from_file (self->prompts, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
        g_warning ("No prompt texts: %s", error->message);
      g_clear_error (&error);
    }
  text = g_key_file_get_locale_string (self->prompts, prompt, "Text", lang, &error);
  if (text == NULL)
    g_warning ("No text for the prompt %s: %s", prompt, error->message);
  return text;
}

/**
 * rahnuma_kiosk_context_set_contacts_watch:
 * @self: a #RahnumaKioskContext
 * @watch: (nullable): what follows the centre's contacts.ini
 */
void
rahnuma_kiosk_context_set_contacts_watch (RahnumaKioskContext *self, RahnumaContactsWatch *watch)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));
  g_return_if_fail (watch == NULL || RAHNUMA_IS_CONTACTS_WATCH (watch));

  g_set_object (&self->contacts, watch);
}

/**
 * rahnuma_kiosk_context_get_contacts_watch:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): what follows the contacts file, with
 *   its problem for the officers (rahnuma_contacts_watch_get_problem())
 */
RahnumaContactsWatch *
rahnuma_kiosk_context_get_contacts_watch (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->contacts;
}

/**
 * rahnuma_kiosk_context_get_contacts:
 * @self: a #RahnumaKioskContext
 *
 * Returns: (transfer none) (nullable): the contacts in force: the last good
 *   contacts.ini, or %NULL if not even the bundled one could be read
 */
RahnumaContacts *
rahnuma_kiosk_context_get_contacts (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  return self->contacts != NULL ? rahnuma_contacts_watch_get_contacts (self->contacts) : NULL;
}

/**
 * rahnuma_kiosk_context_set_keys:
 * @self: a #RahnumaKioskContext
 * @keys: (transfer full) (nullable): the kiosk's signing key pair
 */
void
rahnuma_kiosk_context_set_keys (RahnumaKioskContext *self, RahnumaKeys *keys)
{
  g_return_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self));

  g_clear_pointer (&self->keys, rahnuma_keys_free);
  self->keys = keys;
}

/**
 * rahnuma_kiosk_context_has_keys:
 * @self: a #RahnumaKioskContext
 *
 * Returns: whether the kiosk has its signing key (set once per run)
 */
gboolean
rahnuma_kiosk_context_has_keys (RahnumaKioskContext *self)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), FALSE);
  return self->keys != NULL;
}

static char *
sign (RahnumaKioskContext *self, const char *code, guint n_passed, guint n_total, gboolean completed,
      gboolean demo)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  char *text;

  if (self->keys == NULL || code == NULL)
    return NULL;
  text = rahnuma_proof_sign_visit (self->keys, rahnuma_settings_get_centre (self->settings),
                                   rahnuma_settings_get_kiosk_id (self->settings), now, code, n_passed, n_total,
                                   completed, demo, &error);
  if (text == NULL)
    g_warning ("The completion proof is not signed, the QR code holds the bare code: %s", error->message);
  return text;
}

/**
 * rahnuma_kiosk_context_dup_proof:
 * @self: a #RahnumaKioskContext
 * @visit: a visit that has ended, with its code
 *
 * Signs the visit's completion proof (rahnuma_proof_sign_visit()) with the
 * kiosk's key: today's date in the kiosk's time zone, the code, the
 * lessons passed of those on offer, and whether it counts as a completed
 * briefing. Nothing about the person.
 *
 * Returns: (transfer full) (nullable): the proof's text for the QR code, or
 *   %NULL (with a warning in the log) if the kiosk has no key or the visit
 *   no code: the caller shows the bare code instead
 */
char *
rahnuma_kiosk_context_dup_proof (RahnumaKioskContext *self, RahnumaVisit *visit)
{
  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);
  g_return_val_if_fail (RAHNUMA_IS_VISIT (visit), NULL);

  return sign (self, rahnuma_visit_get_code (visit), rahnuma_visit_get_n_modules_passed (visit),
               g_list_model_get_n_items (G_LIST_MODEL (rahnuma_visit_get_catalog (visit))),
               rahnuma_visit_is_complete (visit), FALSE);
}

/* The officer's test card: signed with this kiosk's key, marked demo. */
static char *
sign_test_card (const char *code, guint n_passed, guint n_total, gpointer user_data)
{
  return sign (user_data, code, n_passed, n_total, TRUE, TRUE);
}

/**
 * rahnuma_kiosk_context_get_card_printer:
 * @self: a #RahnumaKioskContext
 *
 * The printer is made again when the `printer` or `card-paper` setting no
 * longer matches it: the next card goes to the new one.
 *
 * Returns: (transfer none) (nullable): the printer for visitors' cards, as
 *   the `printer` and `card-paper` settings say, or %NULL when `printer` is
 *   "none" and in a trainer's preview (no Print button then)
 */
RahnumaCardPrinter *
rahnuma_kiosk_context_get_card_printer (RahnumaKioskContext *self)
{
  RahnumaCardLayout layout = RAHNUMA_CARD_LAYOUT_ROLL;
  const char *name;

  g_return_val_if_fail (RAHNUMA_IS_KIOSK_CONTEXT (self), NULL);

  name = rahnuma_settings_get_printer (self->settings);
  if (self->preview || g_str_equal (name, RAHNUMA_CARD_PRINTER_NONE))
    {
      g_clear_object (&self->card_printer);
      return NULL;
    }
  rahnuma_card_layout_from_string (rahnuma_settings_get_card_paper (self->settings), &layout);
  if (self->card_printer != NULL &&
      (!g_str_equal (rahnuma_card_printer_get_name (self->card_printer), name) ||
       rahnuma_card_printer_get_layout (self->card_printer) != layout))
    g_clear_object (&self->card_printer);
  if (self->card_printer == NULL)
    {
      self->card_printer = rahnuma_card_printer_new (name, layout);
      rahnuma_card_printer_set_test_signer (self->card_printer, sign_test_card, self);
    }
  return self->card_printer;
}

