/* rahnuma-settings.c — the kiosk's configuration, as it is in force
 *
 * Read at start-up from GSettings (org.rahnuma.Kiosk, which a schema
 * override file preconfigures for a centre), then overridden for this run by
 * command-line options. What the officers' dashboard changes (officers'
 * file, languages, idle timeout, countdown, pass mark) is read again when
 * GSettings says it changed, and "changed::KEY" tells the kiosk, which puts
 * it in force at once. Centre, kiosk id, journal and modules folder are
 * read once: they name the records being written. Values are checked here, once, so the rest of the
 * kiosk can trust them. Without an installed schema the kiosk still runs, on
 * built-in defaults that match the schema's (tests/test-settings.c checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "rahnuma-language.h"
#include "rahnuma-settings.h"
#include "rahnuma-store.h"

struct _RahnumaSettings
{
  GObject parent_instance;

  GSettings *gsettings; /* nullable: no schema installed */
  char *centre;
  char *kiosk_id;
  char *officer_file;
  char *trust_file;
  char *journal;
  char *modules_dir;
  char *contacts_file;
  char *printer;
  char *card_paper;
  GStrv languages;
  char *unknown_language; /* the first code of the setting the kiosk does not know */
  guint idle_timeout;
  guint still_there_countdown;
  guint keep_days;
  guint result_timeout;
  int pass_mark;
  guint volume;
  guint short_path_questions;
  gboolean hall_briefing;
};

G_DEFINE_FINAL_TYPE (RahnumaSettings, rahnuma_settings, G_TYPE_OBJECT)
G_DEFINE_QUARK (rahnuma-settings-error-quark, rahnuma_settings_error)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The schema's defaults, for a kiosk whose schema is not installed. */
#define DEFAULT_CENTRE "CENTRE"
#define DEFAULT_KIOSK_ID "kiosk-1"
#define DEFAULT_IDLE_TIMEOUT 120
#define DEFAULT_STILL_THERE_COUNTDOWN 30
#define DEFAULT_KEEP_DAYS 30
#define DEFAULT_RESULT_TIMEOUT 600 /* the schema's default */
#define DEFAULT_VOLUME 80
#define DEFAULT_SHORT_PATH_QUESTIONS 1
#define DEFAULT_HALL_BRIEFING TRUE

/* The schema's ranges (data/org.rahnuma.Kiosk.gschema.xml); GSettings keeps
 * its own values inside them, tests/test-settings.c holds these to it. */
#define IDLE_TIMEOUT_MIN 5
#define IDLE_TIMEOUT_MAX 3600
#define STILL_THERE_COUNTDOWN_MIN 3
#define STILL_THERE_COUNTDOWN_MAX 600
#define VOLUME_MAX 100

/* Known languages from @codes, each once, in the order given; all of them
 * when @codes is empty. The first unknown code goes to @unknown: the kiosk
 * refuses to start with it (rahnuma_settings_check()). */
static GStrv
filter_languages (const char * const *codes, char **unknown)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  for (gsize i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const RahnumaLanguage *language = rahnuma_language_lookup (codes[i]);

      if (language == NULL || !rahnuma_store_is_valid_language (language->code))
        {
          if (*unknown == NULL)
            *unknown = g_strdup (codes[i]);
          continue;
        }
      if (g_ptr_array_find (seen, language, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) language);
      g_strv_builder_add (builder, language->code);
    }
  if (seen->len == 0)
    for (gsize i = 0; i < n_languages; i++)
      g_strv_builder_add (builder, languages[i].code);
  return g_strv_builder_end (builder);
}

static void
read_gsettings (RahnumaSettings *self, GSettings *gsettings)
{
  g_auto(GStrv) languages = g_settings_get_strv (gsettings, "languages");

  self->centre = g_settings_get_string (gsettings, "centre-code");
  self->kiosk_id = g_settings_get_string (gsettings, "kiosk-id");
  self->officer_file = g_settings_get_string (gsettings, "officer-file");
  self->trust_file = g_settings_get_string (gsettings, "trust-file");
  self->journal = g_settings_get_string (gsettings, "journal");
  self->modules_dir = g_settings_get_string (gsettings, "modules-dir");
  self->contacts_file = g_settings_get_string (gsettings, "contacts-file");
  self->printer = g_settings_get_string (gsettings, "printer");
  self->card_paper = g_settings_get_string (gsettings, "card-paper");
  self->languages = filter_languages ((const char * const *) languages, &self->unknown_language);
  self->idle_timeout = g_settings_get_uint (gsettings, "idle-timeout");
  self->still_there_countdown = g_settings_get_uint (gsettings, "still-there-countdown");
  self->keep_days = g_settings_get_uint (gsettings, "keep-days");
  self->result_timeout = g_settings_get_uint (gsettings, "result-timeout");
  self->pass_mark = g_settings_get_int (gsettings, "pass-mark");
  self->volume = g_settings_get_uint (gsettings, "volume");
  self->short_path_questions = g_settings_get_uint (gsettings, "short-path-questions");
  self->hall_briefing = g_settings_get_boolean (gsettings, "hall-briefing");
}

static void
read_defaults (RahnumaSettings *self)
{
  self->centre = g_strdup (DEFAULT_CENTRE);
  self->kiosk_id = g_strdup (DEFAULT_KIOSK_ID);
  self->officer_file = g_strdup ("");
  self->trust_file = g_strdup ("");
  self->journal = g_strdup ("");
  self->modules_dir = g_strdup ("");
  self->contacts_file = g_strdup ("");
  self->printer = g_strdup ("");
  self->card_paper = g_strdup ("roll");
  self->languages = filter_languages (NULL, &self->unknown_language);
  self->idle_timeout = DEFAULT_IDLE_TIMEOUT;
  self->still_there_countdown = DEFAULT_STILL_THERE_COUNTDOWN;
  self->keep_days = DEFAULT_KEEP_DAYS;
  self->result_timeout = DEFAULT_RESULT_TIMEOUT;
  self->pass_mark = RAHNUMA_SETTINGS_PASS_MARK_MODULE;
  self->volume = DEFAULT_VOLUME;
  self->short_path_questions = DEFAULT_SHORT_PATH_QUESTIONS;
  self->hall_briefing = DEFAULT_HALL_BRIEFING;
}

/* An empty code would make every visit's record unattributable. */
static void
replace_unless_empty (char **field, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* The keys the dashboard changes; a later change wins over the command line. */
static gboolean
reread_key (RahnumaSettings *self, const char *key)
{
  if (g_str_equal (key, "officer-file"))
    {
      g_free (self->officer_file);
      self->officer_file = g_settings_get_string (self->gsettings, key);
    }
  else if (g_str_equal (key, "trust-file"))
    {
      g_free (self->trust_file);
      self->trust_file = g_settings_get_string (self->gsettings, key);
    }
  else if (g_str_equal (key, "languages"))
    {
      g_auto(GStrv) languages = g_settings_get_strv (self->gsettings, key);
      g_autofree char *unknown = NULL;

      g_strfreev (self->languages);
      self->languages = filter_languages ((const char * const *) languages, &unknown);
      if (unknown != NULL)
        g_message ("The languages setting holds “%s”, which the kiosk does not offer: left out", unknown);
    }
  else if (g_str_equal (key, "contacts-file"))
    {
      g_free (self->contacts_file);
      self->contacts_file = g_settings_get_string (self->gsettings, key);
    }
  else if (g_str_equal (key, "idle-timeout"))
    self->idle_timeout = g_settings_get_uint (self->gsettings, key);
  else if (g_str_equal (key, "still-there-countdown"))
    self->still_there_countdown = g_settings_get_uint (self->gsettings, key);
  else if (g_str_equal (key, "pass-mark"))
    self->pass_mark = g_settings_get_int (self->gsettings, key);
  else if (g_str_equal (key, "volume"))
    self->volume = g_settings_get_uint (self->gsettings, key);
  else if (g_str_equal (key, "short-path-questions"))
    self->short_path_questions = g_settings_get_uint (self->gsettings, key);
  else if (g_str_equal (key, "hall-briefing"))
    self->hall_briefing = g_settings_get_boolean (self->gsettings, key);
  else if (g_str_equal (key, "printer") || g_str_equal (key, "card-paper"))
    {
      char **field = g_str_equal (key, "printer") ? &self->printer : &self->card_paper;

      g_free (*field);
      *field = g_settings_get_string (self->gsettings, key);
    }
  else
    return FALSE;
  return TRUE;
}

static void
on_gsettings_changed (GSettings *gsettings, const char *key, RahnumaSettings *self)
{
  if (!reread_key (self, key))
    {
      g_message ("Setting %s changed: in force after a restart", key);
      return;
    }
  g_message ("Setting %s changed: in force now", key);
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_string (key), key);
}

static void
rahnuma_settings_dispose (GObject *object)
{
  RahnumaSettings *self = (RahnumaSettings *) object;

  if (self->gsettings != NULL)
    g_signal_handlers_disconnect_by_data (self->gsettings, self);
  g_clear_object (&self->gsettings);
  G_OBJECT_CLASS (rahnuma_settings_parent_class)->dispose (object);
}

static void
rahnuma_settings_finalize (GObject *object)
{
  RahnumaSettings *self = (RahnumaSettings *) object;

  g_free (self->centre);
  g_free (self->kiosk_id);
  g_free (self->officer_file);
  g_free (self->trust_file);
  g_free (self->journal);
  g_free (self->modules_dir);
  g_free (self->contacts_file);
  g_free (self->printer);
  g_free (self->card_paper);
  g_strfreev (self->languages);
  g_free (self->unknown_language);

  G_OBJECT_CLASS (rahnuma_settings_parent_class)->finalize (object);
}

static void
rahnuma_settings_class_init (RahnumaSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rahnuma_settings_dispose;
  G_OBJECT_CLASS (klass)->finalize = rahnuma_settings_finalize;

  /**
   * RahnumaSettings::changed:
   * @key: the GSettings key, also the signal's detail
   *
   * A setting the kiosk applies while it runs has a new value, already in
   * the getters.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rahnuma_settings_init (RahnumaSettings *self)
{
}

/**
 * rahnuma_settings_new_for_gsettings:
 * @gsettings: (nullable): settings of the org.rahnuma.Kiosk schema, or %NULL
 *   for the built-in defaults
 *
 * Returns: (transfer full): the configuration @gsettings holds now, and
 *   follows its changes ("changed")
 */
RahnumaSettings *
rahnuma_settings_new_for_gsettings (GSettings *gsettings)
{
  RahnumaSettings *self;

  g_return_val_if_fail (gsettings == NULL || G_IS_SETTINGS (gsettings), NULL);

  self = g_object_new (RAHNUMA_TYPE_SETTINGS, NULL);
  if (gsettings != NULL)
    {
      read_gsettings (self, gsettings);
      self->gsettings = g_object_ref (gsettings);
      g_signal_connect (gsettings, "changed", G_CALLBACK (on_gsettings_changed), self);
    }
  else
    read_defaults (self);
  if (*self->centre == '\0')
    replace_unless_empty (&self->centre, DEFAULT_CENTRE);
  if (*self->kiosk_id == '\0')
    replace_unless_empty (&self->kiosk_id, DEFAULT_KIOSK_ID);
  return self;
}

/**
 * rahnuma_settings_new:
 *
 * Reads the kiosk's settings from the default GSettings backend (dconf on
 * a kiosk, or a keyfile with GSETTINGS_BACKEND=keyfile).
 *
 * Returns: (transfer full): the configuration in force
 */
RahnumaSettings *
rahnuma_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) gsettings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: running on defaults", APP_ID);
      return rahnuma_settings_new_for_gsettings (NULL);
    }
  gsettings = g_settings_new_full (schema, NULL, NULL);
  return rahnuma_settings_new_for_gsettings (gsettings);
}

/**
 * rahnuma_settings_get_centre:
 * @self: a #RahnumaSettings
 *
 * Returns: (transfer none): the centre code written with each visit (the
 *   `centre` key, or --centre)
 */
const char *
rahnuma_settings_get_centre (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->centre;
}

/**
 * rahnuma_settings_get_kiosk_id:
 * @self: a #RahnumaSettings
 *
 * Returns: (transfer none): this kiosk's id, written with each visit
 */
const char *
rahnuma_settings_get_kiosk_id (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->kiosk_id;
}

/**
 * rahnuma_settings_get_officer_file:
 * @self: a #RahnumaSettings
 *
 * Returns: (transfer none): the officers' file to sync into, or "" when
 *   none is set
 */
const char *
rahnuma_settings_get_officer_file (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->officer_file;
}

/* Returns: the trust file officers check signed proofs against (rahnuma-proof.h),
 *   or "" for trust.txt beside the journal (rahnuma_trust_default_path()) */
const char *
rahnuma_settings_get_trust_file (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->trust_file;
}

/**
 * rahnuma_settings_get_journal:
 * @self: a #RahnumaSettings
 *
 * Returns: (transfer none): the journal's path, or "" for the default
 */
const char *
rahnuma_settings_get_journal (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->journal;
}

/* Returns: the centre's contacts.ini, or "" for the bundled one (docs/contacts.md) */
const char *
rahnuma_settings_get_contacts_file (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->contacts_file;
}

/**
 * rahnuma_settings_get_modules_dir:
 * @self: a #RahnumaSettings
 *
 * Returns: (transfer none): the folder of modules, or "" for the bundled ones
 */
const char *
rahnuma_settings_get_modules_dir (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->modules_dir;
}

/**
 * rahnuma_settings_get_languages:
 *
 * Returns: (transfer none): the codes of the languages offered, known ones
 *   only, never empty
 */
const char * const *
rahnuma_settings_get_languages (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return (const char * const *) self->languages;
}

/**
 * rahnuma_settings_offers_language:
 * @self: a #RahnumaSettings
 * @code: a language code
 *
 * Returns: whether visitors may choose @code on this kiosk
 */
gboolean
rahnuma_settings_offers_language (RahnumaSettings *self, const char *code)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->languages, code);
}

/**
 * rahnuma_settings_get_keep_days:
 * @self: a #RahnumaSettings
 *
 * Returns: days a synced visit's record stays in the journal
 *   (rahnuma-retention.c)
 */
guint
rahnuma_settings_get_keep_days (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_KEEP_DAYS);
  return self->keep_days;
}

/**
 * rahnuma_settings_get_idle_timeout:
 * @self: a #RahnumaSettings
 *
 * Returns: seconds without a touch before "Are you still there?"
 */
guint
rahnuma_settings_get_idle_timeout (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_IDLE_TIMEOUT);
  return self->idle_timeout;
}

/**
 * rahnuma_settings_get_still_there_countdown:
 * @self: a #RahnumaSettings
 *
 * Returns: seconds "Are you still there?" waits for an answer
 */
guint
rahnuma_settings_get_still_there_countdown (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_STILL_THERE_COUNTDOWN);
  return self->still_there_countdown;
}

/**
 * rahnuma_settings_get_result_timeout:
 *
 * Returns: seconds the completion code stays on screen without a touch
 *   (the `result-timeout` key)
 */
guint
rahnuma_settings_get_result_timeout (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_RESULT_TIMEOUT);
  return self->result_timeout;
}

/**
 * rahnuma_settings_get_pass_mark_percent:
 * @self: a #RahnumaSettings
 *
 * The kiosk's pass mark (the pass-mark key), in percent like a module's own
 * (rahnuma_module_get_pass_mark_percent()), which it overrides.
 *
 * Returns: the pass mark in percent (0 to 100), or
 *   %RAHNUMA_SETTINGS_PASS_MARK_MODULE for each module's own
 */
int
rahnuma_settings_get_pass_mark_percent (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), RAHNUMA_SETTINGS_PASS_MARK_MODULE);
  return self->pass_mark;
}

/**
 * rahnuma_settings_get_about_you:
 *
 * Returns: whether visitors are offered the "about you" step (the
 *   "about-you" key; off without settings)
 */
gboolean
rahnuma_settings_get_about_you (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), FALSE);
  return self->gsettings != NULL && g_settings_get_boolean (self->gsettings, "about-you");
}

/**
 * rahnuma_settings_get_short_path_questions:
 * @self: a #RahnumaSettings
 *
 * How many of each lesson's questions the short path asks, after the hall
 * briefing (the "short-path-questions" key, issue 20), drawn at random per
 * visit (rahnuma_visit_set_short_path_questions()). A change is in force
 * from the next visit.
 *
 * Returns: questions per lesson, 0 to 20; 0 asks every question
 */
guint
rahnuma_settings_get_short_path_questions (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_SHORT_PATH_QUESTIONS);
  return self->short_path_questions;
}

/**
 * rahnuma_settings_get_hall_briefing:
 * @self: a #RahnumaSettings
 *
 * Whether the centre holds hall briefings (the "hall-briefing" key): only
 * then does the kiosk ask "Were you in the hall briefing today?" and offer
 * the short path. Off, every visit takes the full path: nobody may skip
 * the lessons' scenes where no hall showed them. A change is in force
 * from the next visit.
 *
 * Returns: %TRUE to offer the choice (the default)
 */
gboolean
rahnuma_settings_get_hall_briefing (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_HALL_BRIEFING);
  return self->hall_briefing;
}

/**
 * rahnuma_settings_get_volume:
 * @self: a #RahnumaSettings
 *
 * Returns: the volume each visit starts at, in percent (0 to 100)
 */
guint
rahnuma_settings_get_volume (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), DEFAULT_VOLUME);
  return self->volume;
}

/**
 * rahnuma_settings_override_centre:
 * @self: a #RahnumaSettings
 * @centre: (nullable): the command line's --centre; %NULL or "" keeps the setting
 *
 * For this run only; rahnuma_settings_check() judges the result.
 */
void
rahnuma_settings_override_centre (RahnumaSettings *self, const char *centre)
{
  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));
  replace_unless_empty (&self->centre, centre);
}

/**
 * rahnuma_settings_override_kiosk_id:
 * @self: a #RahnumaSettings
 * @kiosk_id: (nullable): the command line's --kiosk-id; %NULL or "" keeps the setting
 *
 * For this run only; rahnuma_settings_check() judges the result.
 */
void
rahnuma_settings_override_kiosk_id (RahnumaSettings *self, const char *kiosk_id)
{
  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));
  replace_unless_empty (&self->kiosk_id, kiosk_id);
}

/**
 * rahnuma_settings_override_officer_file:
 * @self: a #RahnumaSettings
 * @path: (nullable): the command line's --officer-file; %NULL or "" keeps the setting
 *
 * For this run only.
 */
void
rahnuma_settings_override_officer_file (RahnumaSettings *self, const char *path)
{
  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));
  replace_unless_empty (&self->officer_file, path);
}

/**
 * rahnuma_settings_override_journal:
 * @self: a #RahnumaSettings
 * @path: (nullable): the command line's --db; %NULL or "" keeps the setting
 *
 * For this run only.
 */
void
rahnuma_settings_override_journal (RahnumaSettings *self, const char *path)
{
  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));
  replace_unless_empty (&self->journal, path);
}

/**
 * rahnuma_settings_override_modules_dir:
 * @self: a #RahnumaSettings
 * @dir: (nullable): the command line's --modules; %NULL or "" keeps the setting
 *
 * For this run only.
 */
void
rahnuma_settings_override_modules_dir (RahnumaSettings *self, const char *dir)
{
  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));
  replace_unless_empty (&self->modules_dir, dir);
}

/**
 * rahnuma_settings_get_printer:
 *
 * Returns: the card printer's CUPS name, "" for the default printer, or
 *   "none" (%RAHNUMA_CARD_PRINTER_NONE) for no printer
 */
const char *
rahnuma_settings_get_printer (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->printer;
}

/**
 * rahnuma_settings_get_card_paper:
 *
 * Returns: "roll" or "a6" (the schema allows no other)
 */
const char *
rahnuma_settings_get_card_paper (RahnumaSettings *self)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), NULL);
  return self->card_paper;
}

/**
 * rahnuma_settings_log:
 * @self: a #RahnumaSettings
 *
 * One line for the technician's log: what this kiosk runs with. Nothing in
 * it concerns a visitor.
 */
void
rahnuma_settings_log (RahnumaSettings *self)
{
  g_autofree char *languages = NULL;
  g_autofree char *pass_mark = NULL;

  g_return_if_fail (RAHNUMA_IS_SETTINGS (self));

  languages = g_strjoinv (",", self->languages);
  pass_mark = self->pass_mark == RAHNUMA_SETTINGS_PASS_MARK_MODULE
                ? g_strdup ("each module's")
                : g_strdup_printf ("%d%%", self->pass_mark);
  g_message ("Settings: centre %s, kiosk %s, languages %s, idle timeout %u s, "
             "still-there countdown %u s, pass mark %s, synced visits kept %u days, volume %u%%, officers' file %s, "
             "card printer %s on %s, hall briefing choice %s, short-path questions per lesson %u",
             self->centre, self->kiosk_id, languages, self->idle_timeout,
             self->still_there_countdown, pass_mark, self->keep_days, self->volume,
             *self->officer_file != '\0' ? self->officer_file : "(none)",
             *self->printer != '\0' ? self->printer : "(default)", self->card_paper,
             self->hall_briefing ? "on" : "off", self->short_path_questions);
}

static gboolean
fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, RAHNUMA_SETTINGS_ERROR, RAHNUMA_SETTINGS_ERROR_INVALID, message);
  return FALSE;
}

/* Centre and kiosk go into every visit's record: the journal's own rules. */
static gboolean
check_places (RahnumaSettings *self, GError **error)
{
  if (!rahnuma_store_is_valid_centre (self->centre))
    /* Translators: for the technician, in the log and on the kiosk's screen; %s is the code as set */
    return fail (error, _("The centre code “%s” cannot be used: it must be 1 to 32 letters (A–Z), "
                          "digits, “-” or “_”, with no spaces, e.g. LHE-PROTECTOR. Correct the "
                          "centre-code setting or --centre, then start the kiosk again."),
                 self->centre);
  if (!rahnuma_store_is_valid_kiosk (self->kiosk_id))
    /* Translators: for the technician, in the log and on the kiosk's screen; %s is the id as set */
    return fail (error, _("The kiosk id “%s” cannot be used: it must be 1 to 32 letters (A–Z), "
                          "digits, “-” or “_”, with no spaces, e.g. hall-2. Correct the kiosk-id "
                          "setting or --kiosk-id, then start the kiosk again."),
                 self->kiosk_id);
  if (self->unknown_language != NULL)
    /* Translators: for the technician; %s is a language code as set; keep ur, ps, pa_PK, en as they are */
    return fail (error, _("The languages setting holds “%s”, which the kiosk does not offer: use "
                          "ur, ps, pa_PK or en. Correct the languages setting, then start the "
                          "kiosk again."),
                 self->unknown_language);
  return TRUE;
}

static gboolean
check_numbers (RahnumaSettings *self, GError **error)
{
  if (self->idle_timeout < IDLE_TIMEOUT_MIN || self->idle_timeout > IDLE_TIMEOUT_MAX)
    /* Translators: for the technician; %u are numbers of seconds */
    return fail (error, _("The idle timeout of %u s cannot be used: set idle-timeout between %u and "
                          "%u seconds, then start the kiosk again."),
                 self->idle_timeout, IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX);
  if (self->still_there_countdown < STILL_THERE_COUNTDOWN_MIN ||
      self->still_there_countdown > STILL_THERE_COUNTDOWN_MAX)
    /* Translators: for the technician; %u are numbers of seconds */
    return fail (error, _("The “Are you still there?” countdown of %u s cannot be used: set "
                          "still-there-countdown between %u and %u seconds, then start the kiosk "
                          "again."),
                 self->still_there_countdown, STILL_THERE_COUNTDOWN_MIN, STILL_THERE_COUNTDOWN_MAX);
  if (self->pass_mark != RAHNUMA_SETTINGS_PASS_MARK_MODULE &&
      (self->pass_mark < 0 || self->pass_mark > 100))
    /* Translators: for the technician; %d is a number; keep -1 as it is */
    return fail (error, _("The pass mark %d cannot be used: set pass-mark between 0 and 100 "
                          "(percent), or -1 for each module's own, then start the kiosk again."),
                 self->pass_mark);
  if (self->volume > VOLUME_MAX)
    /* Translators: for the technician; %u is a number */
    return fail (error, _("The volume %u cannot be used: set volume between 0 and 100 (percent), "
                          "then start the kiosk again."), self->volume);
  return TRUE;
}

static gboolean
is_dir (const char *path)
{
  return *path != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* Only what is certainly wrong: a journal on a drive not mounted yet is
 * the journal guard's to report (rahnuma-journal-guard.c), not a mistake. */
static gboolean
check_paths (RahnumaSettings *self, GError **error)
{
  g_autofree char *journal = NULL;
  g_autofree char *officer_file = NULL;

  if (is_dir (self->journal))
    /* Translators: for the technician; %s is a path */
    return fail (error, _("The journal “%s” is a folder: set journal or --db to a file in it, e.g. "
                          "journal.db, then start the kiosk again."), self->journal);
  if (is_dir (self->officer_file))
    /* Translators: for the technician; %s is a path */
    return fail (error, _("The officers' file “%s” is a folder: set officer-file or --officer-file "
                          "to a file in it, then start the kiosk again."), self->officer_file);
  if (*self->modules_dir != '\0' && g_file_test (self->modules_dir, G_FILE_TEST_EXISTS) &&
      !is_dir (self->modules_dir))
    /* Translators: for the technician; %s is a path */
    return fail (error, _("The modules folder “%s” is a file, not a folder: correct modules-dir or "
                          "--modules, then start the kiosk again."), self->modules_dir);
  if (*self->journal == '\0' || *self->officer_file == '\0')
    return TRUE;
  journal = g_canonicalize_filename (self->journal, NULL);
  officer_file = g_canonicalize_filename (self->officer_file, NULL);
  if (g_str_equal (journal, officer_file))
    /* Translators: for the technician; %s is a path */
    return fail (error, _("The journal and the officers' file are the same file, “%s”: give the "
                          "officers' file a path of its own, then start the kiosk again."), journal);
  return TRUE;
}

/**
 * rahnuma_settings_check:
 * @self: the settings in force, after the command line's overrides
 * @error: return location for a %RAHNUMA_SETTINGS_ERROR_INVALID error
 *
 * Checks every setting before the kiosk takes its first visitor, against
 * the rules the journal itself holds its records to (the schema's CHECK
 * constraints, through rahnuma_store_is_valid_centre() and friends) and
 * the schema's ranges. A kiosk that started with a value the journal
 * refuses would lose every visit; one that refuses to start says why.
 *
 * Returns: %TRUE if the kiosk may start; otherwise @error says, for the
 *   technician, which setting is wrong and how to correct it
 */
gboolean
rahnuma_settings_check (RahnumaSettings *self, GError **error)
{
  g_return_val_if_fail (RAHNUMA_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_places (self, error) && check_numbers (self, error) && check_paths (self, error);
}
