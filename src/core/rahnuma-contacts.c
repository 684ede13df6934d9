/* rahnuma-contacts.c — where a worker can get help: the centre's contacts.ini
 *
 * contacts.ini is a GKeyFile a centre edits (docs/contacts.md). Each group
 * is one entry, named COUNTRY/NAME: [PK/protector], [SA/cwa]. COUNTRY is an
 * ISO 3166-1 alpha-2 code in capitals (PK for Pakistan's own offices), NAME
 * lower-case letters, digits and '-'. Keys: Name=, HelpsWith=, Phone=,
 * Address=, Hours=; all but Phone= localized like module.ini (Name[ur]=…),
 * the untranslated value being English.
 *
 * A value holding "@FILL-IN" is a placeholder: the centre still has to
 * write it. The validator warns about each one; the kiosk never shows one.
 *
 * Windows Notepad's byte order mark and CRLF line ends are accepted. Line
 * numbers come from our own scan of the text, because GKeyFile's errors
 * carry none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-contacts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "rahnuma-contacts.h"
#include "rahnuma-language.h"
#include "rahnuma-module.h"

struct _RahnumaContacts
{
  GObject parent_instance;

  char *path;
  GKeyFile *key_file;
};

G_DEFINE_FINAL_TYPE (RahnumaContacts, rahnuma_contacts, G_TYPE_OBJECT)
G_DEFINE_QUARK (rahnuma-contacts-error-quark, rahnuma_contacts_error)
G_DEFINE_BOXED_TYPE (RahnumaContact, rahnuma_contact, rahnuma_contact_copy, rahnuma_contact_free)

static const char * const field_keys[RAHNUMA_CONTACT_N_FIELDS] = {
  "Name", "HelpsWith", "Phone", "Address", "Hours",
};

/* The scan's findings: where each group and key is, the first fault. */
typedef struct
{
  GHashTable *lines; /* "group" and "group\nkey" → line, as GUINT_TO_POINTER */
  GPtrArray *problems;
} Scan;

/* ---- problems ---------------------------------------------------------- */

void
rahnuma_contacts_problem_free (RahnumaContactsProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->group);
  g_free (problem->key);
  g_free (problem->message);
  g_free (problem);
}

static void G_GNUC_PRINTF (6, 7)
add_problem (GPtrArray *problems, RahnumaSeverity severity, RahnumaContactsProblemCode code,
             guint line, const char *group, const char *format, ...)
{
  RahnumaContactsProblem *problem = g_new0 (RahnumaContactsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->severity = severity;
  problem->code = code;
  problem->line = line;
  problem->group = g_strdup (group);
  g_ptr_array_add (problems, problem);
}

static void
set_last_key (GPtrArray *problems, const char *key)
{
  RahnumaContactsProblem *problem = g_ptr_array_index (problems, problems->len - 1);

  problem->key = g_strdup (key);
}

const char *
rahnuma_contacts_problem_code_to_string (RahnumaContactsProblemCode code)
{
  static const char * const names[] = {
    "unreadable", "syntax", "unknown-group", "unknown-key", "missing-key",
    "bad-phone", "missing-language", "placeholder", "no-home",
  };

  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (names), "unknown");
  return names[code];
}

/* ---- entries ----------------------------------------------------------- */

RahnumaContact *
rahnuma_contact_copy (const RahnumaContact *contact)
{
  RahnumaContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = g_memdup2 (contact, sizeof *contact);
  copy->country = g_strdup (contact->country);
  copy->id = g_strdup (contact->id);
  for (guint i = 0; i < RAHNUMA_CONTACT_N_FIELDS; i++)
    copy->text[i] = g_strdup (contact->text[i]);
  return copy;
}

void
rahnuma_contact_free (RahnumaContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->country);
  g_free (contact->id);
  for (guint i = 0; i < RAHNUMA_CONTACT_N_FIELDS; i++)
    g_free (contact->text[i]);
  g_free (contact);
}

/**
 * rahnuma_contacts_is_placeholder:
 * @value: (nullable): a value from contacts.ini
 *
 * Returns: whether @value still holds a placeholder (%RAHNUMA_CONTACTS_PLACEHOLDER)
 */
gboolean
rahnuma_contacts_is_placeholder (const char *value)
{
  return value != NULL && strstr (value, RAHNUMA_CONTACTS_PLACEHOLDER) != NULL;
}

/* ---- the line scan ----------------------------------------------------- */

static char *
line_key (const char *group, const char *key)
{
  return g_strconcat (group, "\n", key, NULL);
}

static guint
lookup_line (Scan *scan, const char *group, const char *key)
{
  g_autofree char *name = key != NULL ? line_key (group, key) : g_strdup (group);

  return GPOINTER_TO_UINT (g_hash_table_lookup (scan->lines, name));
}

/* One line of GKeyFile syntax: blank, # comment, [group] or key=value,
 * no key before the first group. Returns the group it opens, if any. */
static gboolean
scan_line (Scan *scan, char *line, guint number, char **group)
{
  char *equals;

  g_strstrip (line);
  if (*line == '\0' || *line == '#')
    return TRUE;
  if (*line == '[')
    {
      gsize length = strlen (line);

      if (length < 3 || line[length - 1] != ']' || strpbrk (line + 1, "[") != NULL ||
          strchr (line + 1, ']') != line + length - 1)
        return FALSE;
      g_free (*group);
      *group = g_strndup (line + 1, length - 2);
      g_hash_table_insert (scan->lines, g_strdup (*group), GUINT_TO_POINTER (number));
      return TRUE;
    }
  equals = strchr (line, '=');
  if (*group == NULL || equals == NULL || equals == line)
    return FALSE;
  *equals = '\0';
  g_strchomp (line);
  g_hash_table_insert (scan->lines, line_key (*group, line), GUINT_TO_POINTER (number));
  return TRUE;
}

static void
scan_text (Scan *scan, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (!scan_line (scan, lines[i], i + 1, &group))
      add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_SYNTAX, i + 1, group,
                   group == NULL && strchr (lines[i], '=') != NULL && *lines[i] != '['
                     ? "a key before the first [COUNTRY/name] group"
                     : "not a [group], a key=value line or a # comment");
}

/* ---- checks ------------------------------------------------------------ */

static gboolean
is_entry_name (const char *group)
{
  const char *slash = strchr (group, '/');

  if (slash == NULL || slash - group != 2 || !g_ascii_isupper (group[0]) || !g_ascii_isupper (group[1]) ||
      slash[1] == '\0' || strlen (slash + 1) > 64)
    return FALSE;
  for (const char *p = slash + 1; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The number rule (docs/contacts.md): digits, spaces, '-' and one pair of
 * parentheses, a '+' only in front; 3 to 15 digits (E.164's longest). */
static const char *
check_phone (const char *value)
{
  guint digits = 0, open = 0, pairs = 0;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p != value)
        return "a + may only come first";
      else if (*p == '(' && open++ == 0)
        continue;
      else if (*p == ')' && open == 1 && pairs++ == 0)
        open = 0;
      else if (*p != ' ' && *p != '-' && *p != '+')
        return "only digits, spaces, +, - and one pair of ( ) are allowed; one number per entry";
    }
  if (open != 0)
    return "a ( is not closed";
  if (digits < RAHNUMA_CONTACTS_PHONE_MIN_DIGITS || digits > RAHNUMA_CONTACTS_PHONE_MAX_DIGITS)
    return "a number has 3 to 15 digits";
  return NULL;
}

/* Splits "Name[ur]" into its field and language; FALSE for keys the kiosk
 * does not know (a misspelt key would hide a phone number). */
static gboolean
parse_key (const char *key, RahnumaContactField *field, char **lang)
{
  const char *bracket = strchr (key, '[');
  g_autofree char *base = bracket != NULL ? g_strndup (key, bracket - key) : g_strdup (key);

  *lang = NULL;
  for (guint i = 0; i < RAHNUMA_CONTACT_N_FIELDS; i++)
    if (g_str_equal (base, field_keys[i]))
      {
        *field = i;
        if (bracket == NULL)
          return TRUE;
        if (i == RAHNUMA_CONTACT_PHONE || !g_str_has_suffix (bracket, "]"))
          return FALSE;
        *lang = g_strndup (bracket + 1, strlen (bracket) - 2);
        /* English is the untranslated value: Name[en]= would never be shown. */
        return rahnuma_language_is_valid (*lang) && !g_str_equal (*lang, "en");
      }
  return FALSE;
}

static void
check_value (Scan *scan, GKeyFile *kf, const char *group, const char *key, RahnumaContactField field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_key_file_get_string (kf, group, key, &error);
  guint line = lookup_line (scan, group, key);
  const char *reason;

  if (value == NULL)
    add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_SYNTAX, line, group,
                 "%s: %s", key, error->message);
  else if (rahnuma_contacts_is_placeholder (value))
    add_problem (scan->problems, RAHNUMA_SEVERITY_WARNING, RAHNUMA_CONTACTS_PROBLEM_PLACEHOLDER, line, group,
                 "%s still holds a placeholder: %s", key, value);
  else if (field == RAHNUMA_CONTACT_PHONE && (reason = check_phone (value)) != NULL)
    add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_BAD_PHONE, line, group,
                 "Phone “%s”: %s", value, reason);
  else
    return;
  set_last_key (scan->problems, key);
}

/* Every translated language for each text the entry has (English is the untranslated value). */
static void
check_languages (Scan *scan, GKeyFile *kf, const char *group)
{
  gsize n_languages;
  const RahnumaLanguage *languages = rahnuma_languages (&n_languages);

  for (gsize l = 0; l < n_languages; l++)
    {
      g_autoptr(GString) missing = g_string_new (NULL);

      if (g_str_equal (languages[l].code, "en"))
        continue;
      for (guint f = 0; f < RAHNUMA_CONTACT_N_FIELDS; f++)
        {
          g_autofree char *key = g_strdup_printf ("%s[%s]", field_keys[f], languages[l].code);
          g_autofree char *english = g_key_file_get_value (kf, group, field_keys[f], NULL);

          /* A placeholder is reported once, as such; it has nothing to translate yet. */
          if (f != RAHNUMA_CONTACT_PHONE && english != NULL && !rahnuma_contacts_is_placeholder (english) &&
              !g_key_file_has_key (kf, group, key, NULL))
            g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", key);
        }
      if (missing->len > 0)
        add_problem (scan->problems, RAHNUMA_SEVERITY_WARNING, RAHNUMA_CONTACTS_PROBLEM_MISSING_LANGUAGE,
                     lookup_line (scan, group, NULL), group, "no %s text: %s missing (visitors see %s)",
                     languages[l].english_name, missing->str,
                     languages[l].narration_fallback != NULL ? "Urdu, else English" : "English");
    }
}

static void
check_group (Scan *scan, GKeyFile *kf, const char *group)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);
  guint line = lookup_line (scan, group, NULL);

  if (!is_entry_name (group))
    {
      add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_GROUP, line, group,
                   "[%s] is not an entry: name groups [COUNTRY/name], e.g. [PK/protector] or [SA/cwa]", group);
      return;
    }
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *lang = NULL;
      RahnumaContactField field;

      if (parse_key (keys[i], &field, &lang))
        check_value (scan, kf, group, keys[i], field);
      else
        {
          add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_UNKNOWN_KEY,
                       lookup_line (scan, group, keys[i]), group,
                       "unknown key %s: keys are Name, HelpsWith, Phone, Address, Hours, "
                       "translated as Name[ur], [ps] or [pa_PK] (Phone is not translated)", keys[i]);
          set_last_key (scan->problems, keys[i]);
        }
    }
  for (guint f = RAHNUMA_CONTACT_NAME; f <= RAHNUMA_CONTACT_HELPS_WITH; f++)
    if (!g_key_file_has_key (kf, group, field_keys[f], NULL))
      add_problem (scan->problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_MISSING_KEY, line, group,
                   "[%s] has no %s= (in English)", group, field_keys[f]);
  check_languages (scan, kf, group);
}

static void
check_groups (Scan *scan, GKeyFile *kf)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);
  gboolean home = FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      check_group (scan, kf, groups[i]);
      home |= g_str_has_prefix (groups[i], RAHNUMA_CONTACTS_HOME "/");
    }
  if (!home)
    add_problem (scan->problems, RAHNUMA_SEVERITY_WARNING, RAHNUMA_CONTACTS_PROBLEM_NO_HOME, 0, NULL,
                 "no entry for Pakistan ([PK/…]): visitors see no office at home");
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  const RahnumaContactsProblem *pa = *(RahnumaContactsProblem * const *) a;
  const RahnumaContactsProblem *pb = *(RahnumaContactsProblem * const *) b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

/* ---- loading ----------------------------------------------------------- */

/* Checks the bytes and, when they parse, loads them into @kf. */
static GPtrArray *
check_data (const char *contents, gsize length, GKeyFile *kf)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_contacts_problem_free);
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *data = rahnuma_module_skip_bom (contents, &length);
  Scan scan = { lines, problems };
  guint bad_line;

  if (rahnuma_module_is_utf16 (data, length))
    add_problem (problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_UNREADABLE, 1, NULL, "%s",
                 "saved as UTF-16 (“Unicode”): save the file again as UTF-8");
  else if ((bad_line = rahnuma_module_find_bad_utf8_line (data, length)) > 0)
    add_problem (problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_UNREADABLE, bad_line, NULL, "%s",
                 "not UTF-8 text: save the file again as UTF-8");
  if (problems->len > 0)
    return g_steal_pointer (&problems);

  /* CRLF needs nothing: GKeyFile drops a CR before LF, and the scan strips it. */
  text = g_strndup (data, length);
  scan_text (&scan, text);
  if (problems->len > 0)
    return g_steal_pointer (&problems);
  if (!g_key_file_load_from_data (kf, text, length, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    add_problem (problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_SYNTAX, 0, NULL, "%s", error->message);
  else
    check_groups (&scan, kf);
  g_ptr_array_sort (problems, compare_lines);
  return g_steal_pointer (&problems);
}

/**
 * rahnuma_contacts_validate_data:
 * @contents: the bytes of a contacts.ini
 * @length: their length
 *
 * Every fault a centre should fix, ordered by line: errors (the kiosk
 * refuses the file) and warnings (placeholders left, languages missing).
 *
 * Returns: (transfer full) (element-type RahnumaContactsProblem): the problems, maybe none
 */
GPtrArray *
rahnuma_contacts_validate_data (const char *contents, gsize length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  return check_data (contents, length, kf);
}

/**
 * rahnuma_contacts_validate:
 * @path: a contacts.ini
 *
 * As rahnuma_contacts_validate_data(); a file that cannot be read is one
 * %RAHNUMA_CONTACTS_PROBLEM_UNREADABLE error.
 *
 * Returns: (transfer full) (element-type RahnumaContactsProblem): the problems, maybe none
 */
GPtrArray *
rahnuma_contacts_validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GPtrArray *problems;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_get_contents (path, &contents, &length, &error))
    return rahnuma_contacts_validate_data (contents, length);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_contacts_problem_free);
  add_problem (problems, RAHNUMA_SEVERITY_ERROR, RAHNUMA_CONTACTS_PROBLEM_UNREADABLE, 0, NULL, "%s",
               error->message);
  return problems;
}

static void
rahnuma_contacts_finalize (GObject *object)
{
  RahnumaContacts *self = (RahnumaContacts *) object;

  g_free (self->path);
  g_key_file_unref (self->key_file);
  G_OBJECT_CLASS (rahnuma_contacts_parent_class)->finalize (object);
}

static void
rahnuma_contacts_class_init (RahnumaContactsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rahnuma_contacts_finalize;
}

static void
rahnuma_contacts_init (RahnumaContacts *self)
{
  self->key_file = g_key_file_new ();
}

static gboolean
refuse (const char *path, GPtrArray *problems, GError **error)
{
  guint n_errors = 0;
  RahnumaContactsProblem *first = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      RahnumaContactsProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != RAHNUMA_SEVERITY_ERROR)
        continue;
      first = first != NULL ? first : problem;
      n_errors++;
    }
  if (first == NULL)
    return FALSE;
  g_set_error (error, RAHNUMA_CONTACTS_ERROR, RAHNUMA_CONTACTS_ERROR_INVALID,
               "%s:%u: %s (%u error(s); “rahnuma-admin contacts validate %s” lists them)", path, first->line,
               first->message, n_errors, path);
  return TRUE;
}

/**
 * rahnuma_contacts_new_from_file:
 * @path: a contacts.ini
 * @error: %RAHNUMA_CONTACTS_ERROR_NOT_FOUND when there is no file,
 *   %RAHNUMA_CONTACTS_ERROR_INVALID when the validator finds an error
 *   (the message gives the first one, as path:line: …)
 *
 * Loads a contacts file the validator has no error for. Warnings
 * (placeholders, missing languages) do not stop it: the kiosk hides
 * placeholders and falls back to another language.
 *
 * Returns: (transfer full): the contacts, or %NULL with @error set
 */
RahnumaContacts *
rahnuma_contacts_new_from_file (const char *path, GError **error)
{
  g_autoptr(RahnumaContacts) self = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, RAHNUMA_CONTACTS_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? RAHNUMA_CONTACTS_ERROR_NOT_FOUND : RAHNUMA_CONTACTS_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }
  self = g_object_new (RAHNUMA_TYPE_CONTACTS, NULL);
  self->path = g_strdup (path);
  problems = check_data (contents, length, self->key_file);
  if (refuse (path, problems, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
rahnuma_contacts_get_path (RahnumaContacts *self)
{
  g_return_val_if_fail (RAHNUMA_IS_CONTACTS (self), NULL);
  return self->path;
}

/* Returns: the number of entries (groups) in the file */
guint
rahnuma_contacts_get_n_entries (RahnumaContacts *self)
{
  gsize n = 0;

  g_return_val_if_fail (RAHNUMA_IS_CONTACTS (self), 0);
  g_strfreev (g_key_file_get_groups (self->key_file, &n));
  return n;
}

/* The first value of the fallback chain that is no placeholder. */
static void
resolve_field (GKeyFile *kf, const char *group, RahnumaContact *contact, RahnumaContactField field,
               const char * const *chain)
{
  for (guint i = 0; chain[i] != NULL; i++)
    {
      g_autofree char *key = g_str_equal (chain[i], "") ? g_strdup (field_keys[field])
                                                          : g_strdup_printf ("%s[%s]", field_keys[field], chain[i]);
      g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);

      if (value == NULL || *g_strstrip (value) == '\0')
        continue;
      if (rahnuma_contacts_is_placeholder (value))
        {
          contact->ask_officer[field] = TRUE;
          continue;
        }
      contact->text[field] = g_steal_pointer (&value);
      contact->lang[field] = *chain[i] != '\0' ? rahnuma_language_lookup (chain[i])->code : "en";
      contact->ask_officer[field] = FALSE;
      return;
    }
}

static RahnumaContact *
resolve_entry (GKeyFile *kf, const char *group, const char * const *chain)
{
  RahnumaContact *contact = g_new0 (RahnumaContact, 1);

  contact->country = g_strndup (group, 2);
  contact->id = g_strdup (group + 3);
  for (guint f = 0; f < RAHNUMA_CONTACT_N_FIELDS; f++)
    resolve_field (kf, group, contact, f, f == RAHNUMA_CONTACT_PHONE ? (const char *[]) { "", NULL } : chain);
  return contact;
}

static void
add_country (GPtrArray *out, GKeyFile *kf, const char *country, const char * const *chain)
{
  g_auto(GStrv) groups = g_key_file_get_groups (kf, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    if (g_ascii_strncasecmp (groups[i], country, 2) == 0 && groups[i][2] == '/')
      {
        RahnumaContact *contact = resolve_entry (kf, groups[i], chain);

        /* An entry whose name is still a placeholder has nothing to show. */
        if (contact->text[RAHNUMA_CONTACT_NAME] == NULL)
          rahnuma_contact_free (contact);
        else
          g_ptr_array_add (out, contact);
      }
}

/**
 * rahnuma_contacts_lookup:
 * @country: (nullable): the visitor's destination, an ISO 3166-1 alpha-2
 *   code ("SA", in either case), or %NULL when it is not known
 * @lang: the visitor's language (rahnuma-language.h)
 *
 * The entries for @country, then Pakistan's ("PK"), each in file order.
 * Each text is the first that is neither missing nor a placeholder of:
 * @lang's translation; for Pashto and Punjabi, the Urdu one (the language
 * whose narration they fall back to, rahnuma-language.c); the untranslated
 * English value. Phone= is never translated. An entry whose name is still a
 * placeholder is left out.
 *
 * Returns: (transfer full) (element-type RahnumaContact): the entries, maybe none
 */
GPtrArray *
rahnuma_contacts_lookup (RahnumaContacts *self, const char *country, const char *lang)
{
  const RahnumaLanguage *language;
  GPtrArray *out;
  const char *chain[4] = { NULL };
  guint n = 0;

  g_return_val_if_fail (RAHNUMA_IS_CONTACTS (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rahnuma_contact_free);
  language = rahnuma_language_lookup (lang);
  if (language != NULL && !g_str_equal (language->code, "en"))
    chain[n++] = language->code;
  if (language != NULL && language->narration_fallback != NULL)
    chain[n++] = language->narration_fallback;
  chain[n] = "";
  if (country != NULL && strlen (country) == 2 && g_ascii_strcasecmp (country, RAHNUMA_CONTACTS_HOME) != 0)
    add_country (out, self->key_file, country, chain);
  add_country (out, self->key_file, RAHNUMA_CONTACTS_HOME, chain);
  return out;
}

/**
 * rahnuma_contact_ask_officer_text:
 * @field: a detail of a contact
 *
 * What a visitor is told in place of a detail the centre has not filled in
 * yet (a placeholder is never shown), in the current gettext language: on
 * the result page and on the printed card alike.
 *
 * Returns: (transfer none): a translated sentence
 */
const char *
rahnuma_contact_ask_officer_text (RahnumaContactField field)
{
  switch (field)
    {
    case RAHNUMA_CONTACT_PHONE:
      /* Translators: on the result page, where a centre has not yet written an office's phone number */
      return _("Phone number: ask the officer.");
    case RAHNUMA_CONTACT_ADDRESS:
      /* Translators: on the result page, where a centre has not yet written an office's address */
      return _("Address: ask the officer.");
    case RAHNUMA_CONTACT_HOURS:
      /* Translators: on the result page, where a centre has not yet written an office's opening hours */
      return _("Opening hours: ask the officer.");
    case RAHNUMA_CONTACT_NAME:
    case RAHNUMA_CONTACT_HELPS_WITH:
    case RAHNUMA_CONTACT_N_FIELDS:
    default:
      /* Translators: on the result page, where a centre has not yet written a detail of an office */
      return _("Ask the officer.");
    }
}
