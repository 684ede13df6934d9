/* rahnuma-proof-keys.c — kiosk signing keys and the officers' trust file
 *
 * Each kiosk has its own Ed25519 key pair in its keys folder (by default
 * "keys" beside its journal): proof-secret.key holds the 32-byte seed in
 * base64, owner-only, since anyone who reads it can sign proofs for visits
 * that never took place; proof-public.txt holds the public key as a line of
 * a trust file. A key is never replaced without being asked to: every card
 * already handed out would stop verifying.
 *
 * A trust file gathers the public-key lines of a centre's kiosks, one line
 * each: "<key id> <public key> # comment". Officers edit it by hand, often
 * in Windows Notepad, so a UTF-8 byte order mark and CRLF line ends are
 * accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-proof"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rahnuma-file.h"
#include "rahnuma-proof-private.h"

#define SECRET_FILE "proof-secret.key"
#define PUBLIC_FILE "proof-public.txt"
#define UTF8_BOM    "\xef\xbb\xbf"

struct RahnumaTrust
{
  GHashTable *keys; /* key id (hex) → TrustedKey */
};

typedef struct
{
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  char   *label; /* nullable */
} TrustedKey;

static void
trusted_key_free (TrustedKey *key)
{
  g_free (key->label);
  g_free (key);
}

/* ---- shared with rahnuma-proof.c ------------------------------------- */

gboolean
rahnuma_proof_init_sodium (GError **error)
{
  static int status = 1;

  /* sodium_init is thread-safe and returns 1 once already done. */
  if (g_atomic_int_get (&status) != 0)
    g_atomic_int_set (&status, sodium_init () < 0 ? -1 : 0);
  if (g_atomic_int_get (&status) == 0)
    return TRUE;
  g_set_error_literal (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FAILED,
                       _("Cannot start the cryptography library"));
  return FALSE;
}

void
rahnuma_proof_compute_key_id (const guint8 *public_key, guint8 *key_id)
{
  guint8 hash[crypto_generichash_BYTES];

  crypto_generichash (hash, sizeof hash, public_key, crypto_sign_PUBLICKEYBYTES, NULL, 0);
  memcpy (key_id, hash, RAHNUMA_PROOF_KEY_ID_SIZE);
}

char *
rahnuma_proof_key_id_to_hex (const guint8 *key_id)
{
  char hex[RAHNUMA_PROOF_KEY_ID_SIZE * 2 + 1];

  sodium_bin2hex (hex, sizeof hex, key_id, RAHNUMA_PROOF_KEY_ID_SIZE);
  return g_strdup (hex);
}

const guint8 *
rahnuma_trust_lookup_key (RahnumaTrust *trust, const guint8 *key_id)
{
  g_autofree char *hex = rahnuma_proof_key_id_to_hex (key_id);
  TrustedKey *key = g_hash_table_lookup (trust->keys, hex);

  return key != NULL ? key->public_key : NULL;
}

/* ---- key pairs ------------------------------------------------------- */

static RahnumaKeys *
keys_from_seed (const guint8 *seed, const char *label)
{
  RahnumaKeys *keys = g_new0 (RahnumaKeys, 1);

  crypto_sign_seed_keypair (keys->public_key, keys->secret_key, seed);
  rahnuma_proof_compute_key_id (keys->public_key, keys->key_id);
  keys->label = g_strdup (label);
  return keys;
}

/* The comment of the public key file, if it is this key's line. */
static char *
read_label (const char *dir, RahnumaKeys *keys)
{
  g_autofree char *path = g_build_filename (dir, PUBLIC_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RahnumaTrust) trust = rahnuma_trust_new ();
  g_autofree char *hex = rahnuma_proof_key_id_to_hex (keys->key_id);
  const char *label;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      !rahnuma_trust_add_data (trust, contents, strlen (contents), path, NULL))
    return NULL;
  label = rahnuma_trust_lookup_label (trust, hex);
  return label != NULL ? g_strdup (label) : NULL;
}

static gboolean
write_text (const char *path, const char *text, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = rahnuma_file_replace_private (file, NULL, error);

  return stream != NULL &&
         g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, strlen (text), NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

static gboolean
write_keys (const char *dir, const guint8 *seed, RahnumaKeys *keys, GError **error)
{
  g_autofree char *secret_path = g_build_filename (dir, SECRET_FILE, NULL);
  g_autofree char *public_path = g_build_filename (dir, PUBLIC_FILE, NULL);
  g_autofree char *line = rahnuma_keys_dup_trust_line (keys, NULL);
  g_autofree char *public_text = g_strconcat (line, "\n", NULL);
  char secret_text[sodium_base64_ENCODED_LEN (crypto_sign_SEEDBYTES, sodium_base64_VARIANT_ORIGINAL) + 1];
  gboolean ok;

  sodium_bin2base64 (secret_text, sizeof secret_text - 1, seed, crypto_sign_SEEDBYTES,
                     sodium_base64_VARIANT_ORIGINAL);
  strcat (secret_text, "\n");
  ok = write_text (secret_path, secret_text, error) && write_text (public_path, public_text, error);
  sodium_memzero (secret_text, sizeof secret_text);
  return ok;
}

/**
 * rahnuma_keys_default_dir:
 * @journal: (nullable): the kiosk's journal, or %NULL or "" for the default
 *   one (journal.db in the user's data folder)
 *
 * Returns: (transfer full): the keys folder beside @journal: "keys" in the
 *   journal's folder
 */
char *
rahnuma_keys_default_dir (const char *journal)
{
  g_autofree char *folder = NULL;

  if (journal == NULL || *journal == '\0')
    return g_build_filename (g_get_user_data_dir (), "rahnuma", "keys", NULL);
  folder = g_path_get_dirname (journal);
  return g_build_filename (folder, "keys", NULL);
}

/**
 * rahnuma_keys_load:
 * @dir: the keys folder
 * @error: return location for a #RAHNUMA_PROOF_ERROR: KEY_MISSING if there
 *   is no secret key file, KEY_DAMAGED if it is not one, FAILED if it cannot
 *   be read or the crypto library cannot start
 *
 * Reads the kiosk's key pair from @dir. Logs a warning if other users can read
 * the secret key (rahnuma_file_is_exposed()).
 *
 * Returns: (transfer full) (nullable): the key pair
 */
RahnumaKeys *
rahnuma_keys_load (const char  *dir,
                   GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 seed[crypto_sign_SEEDBYTES];
  size_t n_bytes = 0;
  guint mode = 0;
  RahnumaKeys *keys;

  g_return_val_if_fail (dir != NULL, NULL);
  if (!rahnuma_proof_init_sodium (error))
    return NULL;
  path = g_build_filename (dir, SECRET_FILE, NULL);
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      /* Translators: %s is a file; the kiosk makes one at start, or rahnuma-admin keys new */
      g_set_error (error, RAHNUMA_PROOF_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? RAHNUMA_PROOF_ERROR_KEY_MISSING : RAHNUMA_PROOF_ERROR_FAILED,
                   _("Cannot read the kiosk’s signing key %s: %s. Make one with “rahnuma-admin keys new”."),
                   path, local_error->message);
      return NULL;
    }
  if (rahnuma_file_is_exposed (path, &mode))
    g_warning ("%s can be read by other users of this computer (mode %04o): anyone who reads it can "
               "sign proofs for visits that never took place. Make it owner-only: chmod 600 %s",
               path, mode, path);
  g_strstrip (contents);
  if (sodium_base642bin (seed, sizeof seed, contents, strlen (contents), NULL, &n_bytes,
                         NULL, sodium_base64_VARIANT_ORIGINAL) != 0 || n_bytes != sizeof seed)
    {
      sodium_memzero (contents, strlen (contents));
      /* Translators: %s is a file */
      g_set_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_DAMAGED,
                   _("%s is not a Rahnuma signing key: it is damaged. It is left as it is; "
                     "restore it from a backup, or replace it with “rahnuma-admin keys new --force”."),
                   path);
      return NULL;
    }
  sodium_memzero (contents, strlen (contents));
  keys = keys_from_seed (seed, NULL);
  sodium_memzero (seed, sizeof seed);
  keys->label = read_label (dir, keys);
  return keys;
}

/**
 * rahnuma_keys_create:
 * @dir: the keys folder; made owner-only (0700) if missing
 * @label: (nullable): a comment for people, e.g. "centre LHR, kiosk kiosk-1"
 * @force: replace a key pair already there
 * @error: return location for a #RAHNUMA_PROOF_ERROR: KEY_EXISTS if @dir
 *   has a secret key and @force is %FALSE; FAILED if it cannot be written
 *
 * Makes a new random key pair and writes it to @dir: the secret key
 * owner-only (0600, whatever the umask), the public key as a trust file
 * line.
 *
 * Returns: (transfer full) (nullable): the new key pair
 */
RahnumaKeys *
rahnuma_keys_create (const char  *dir,
                     const char  *label,
                     gboolean     force,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(RahnumaKeys) keys = NULL;
  guint8 seed[crypto_sign_SEEDBYTES];
  gboolean ok;

  g_return_val_if_fail (dir != NULL, NULL);
  if (!rahnuma_proof_init_sodium (error))
    return NULL;
  path = g_build_filename (dir, SECRET_FILE, NULL);
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file */
      g_set_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_EXISTS,
                   _("%s already holds this kiosk’s signing key; it is kept. A new key would make every "
                     "proof this kiosk gave fail to verify. To replace it anyway, add --force."), path);
      return NULL;
    }
  if (g_mkdir_with_parents (dir, RAHNUMA_FOLDER_MODE_PRIVATE) != 0)
    {
      int saved = errno;

      g_set_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FAILED,
                   _("Cannot make the keys folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  randombytes_buf (seed, sizeof seed);
  keys = keys_from_seed (seed, label);
  ok = write_keys (dir, seed, keys, error);
  sodium_memzero (seed, sizeof seed);
  return ok ? g_steal_pointer (&keys) : NULL;
}

/**
 * rahnuma_keys_load_or_create:
 * @dir: the keys folder
 * @label: (nullable): the comment for a new key's trust line
 * @error: return location for a #RAHNUMA_PROOF_ERROR
 *
 * What the kiosk does at start: reads its key pair, or makes one if @dir has
 * none. A damaged key is reported, never replaced.
 *
 * Returns: (transfer full) (nullable): the key pair
 */
RahnumaKeys *
rahnuma_keys_load_or_create (const char  *dir,
                             const char  *label,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RahnumaKeys *keys = rahnuma_keys_load (dir, &local_error);

  if (keys != NULL)
    return keys;
  if (!g_error_matches (local_error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_MISSING))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_debug ("No signing key in %s yet: making one", dir);
  return rahnuma_keys_create (dir, label, FALSE, error);
}

/**
 * rahnuma_keys_dup_key_id:
 * @keys: a key pair
 *
 * Returns: (transfer full): the key id, 16 lowercase hex digits
 */
char *
rahnuma_keys_dup_key_id (RahnumaKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);
  return rahnuma_proof_key_id_to_hex (keys->key_id);
}

/**
 * rahnuma_keys_get_label:
 * @keys: a key pair
 *
 * Returns: (transfer none) (nullable): the comment of its public key line
 */
const char *
rahnuma_keys_get_label (RahnumaKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);
  return keys->label;
}

/**
 * rahnuma_keys_dup_trust_line:
 * @keys: a key pair
 * @label: (nullable): the comment; %NULL for the key's own label
 *
 * Returns: (transfer full): "<key id> <public key in base64>", and " # " and
 *   the label if there is one, without a line end
 */
char *
rahnuma_keys_dup_trust_line (RahnumaKeys *keys,
                             const char  *label)
{
  char base64[sodium_base64_ENCODED_LEN (crypto_sign_PUBLICKEYBYTES, sodium_base64_VARIANT_ORIGINAL)];
  g_autofree char *hex = NULL;

  g_return_val_if_fail (keys != NULL, NULL);
  hex = rahnuma_proof_key_id_to_hex (keys->key_id);
  label = label != NULL ? label : keys->label;
  sodium_bin2base64 (base64, sizeof base64, keys->public_key, sizeof keys->public_key,
                     sodium_base64_VARIANT_ORIGINAL);
  if (label == NULL || *label == '\0')
    return g_strdup_printf ("%s %s", hex, base64);
  return g_strdup_printf ("%s %s # %s", hex, base64, label);
}

/**
 * rahnuma_keys_free:
 * @keys: (transfer full) (nullable): a key pair; its secret is wiped
 */
void
rahnuma_keys_free (RahnumaKeys *keys)
{
  if (keys == NULL)
    return;
  sodium_memzero (keys->secret_key, sizeof keys->secret_key);
  g_free (keys->label);
  g_free (keys);
}

/* ---- trust files ----------------------------------------------------- */

static gboolean
trust_line_error (GError **error, const char *source, guint line_number, const char *why)
{
  /* Translators: "FILE:LINE: why"; the trust file holds "rahnuma-admin keys export" lines */
  g_set_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_TRUST_FILE,
               _("%s:%u: %s Each line is one line printed by “rahnuma-admin keys export”."),
               source, line_number, why);
  return FALSE;
}

/* Splits @line at spaces and tabs, any number of them. */
static GStrv
split_words (const char *line)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (line, " \t", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* Reads "<key id> <public key>" into a new TrustedKey, or says why not. */
static TrustedKey *
parse_trust_words (GStrv words, const char *source, guint number, char **hex, GError **error)
{
  g_autofree TrustedKey *key = g_new0 (TrustedKey, 1);
  guint8 key_id[RAHNUMA_PROOF_KEY_ID_SIZE];
  size_t n_bytes = 0;

  if (g_strv_length (words) != 2)
    return (trust_line_error (error, source, number, _("It should hold a key id and a key, and nothing else.")),
            NULL);
  if (sodium_base642bin (key->public_key, sizeof key->public_key, words[1], strlen (words[1]), NULL,
                         &n_bytes, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      n_bytes != sizeof key->public_key)
    return (trust_line_error (error, source, number, _("Its key is damaged.")), NULL);
  rahnuma_proof_compute_key_id (key->public_key, key_id);
  *hex = rahnuma_proof_key_id_to_hex (key_id);
  if (g_ascii_strcasecmp (*hex, words[0]) != 0)
    {
      g_clear_pointer (hex, g_free);
      trust_line_error (error, source, number, _("Its key id does not match its key: it was mistyped."));
      return NULL;
    }
  return g_steal_pointer (&key);
}

/* Adds one line, given without its line end. */
static gboolean
add_trust_line (RahnumaTrust *trust, char *line, const char *source, guint number, GError **error)
{
  g_auto(GStrv) words = NULL;
  char *comment = strchr (line, '#');
  g_autofree char *hex = NULL;
  TrustedKey *key;

  if (comment != NULL)
    *comment++ = '\0';
  words = split_words (g_strstrip (line));
  if (words[0] == NULL)
    return TRUE;
  key = parse_trust_words (words, source, number, &hex, error);
  if (key == NULL)
    return FALSE;
  key->label = comment != NULL ? g_strdup (g_strstrip (comment)) : NULL;
  g_hash_table_replace (trust->keys, g_steal_pointer (&hex), key);
  return TRUE;
}

/**
 * rahnuma_trust_default_path:
 * @journal: (nullable): the kiosk's journal, or %NULL or "" for the default
 *   one; rahnuma-officer, which has no journal, passes %NULL
 *
 * Returns: (transfer full): "trust.txt" beside @journal
 */
char *
rahnuma_trust_default_path (const char *journal)
{
  g_autofree char *folder = NULL;

  if (journal == NULL || *journal == '\0')
    return g_build_filename (g_get_user_data_dir (), "rahnuma", "trust.txt", NULL);
  folder = g_path_get_dirname (journal);
  return g_build_filename (folder, "trust.txt", NULL);
}

/**
 * rahnuma_trust_new:
 *
 * Returns: (transfer full): a trust list with no key
 */
RahnumaTrust *
rahnuma_trust_new (void)
{
  RahnumaTrust *trust = g_new0 (RahnumaTrust, 1);

  trust->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) trusted_key_free);
  return trust;
}

/**
 * rahnuma_trust_add_data:
 * @trust: a trust list
 * @data: the text of a trust file
 * @length: its length in bytes
 * @source: the file's name, for messages
 * @error: return location for a #RAHNUMA_PROOF_ERROR_TRUST_FILE naming the
 *   first line that is not a key, blank or a comment
 *
 * Adds the keys of a trust file: lines "<key id> <public key>", "#"
 * comments and blank lines; a UTF-8 byte order mark and CRLF line ends (as
 * Windows Notepad saves) are accepted. On error, the lines before the bad
 * one have been added.
 *
 * Returns: whether every line was read
 */
gboolean
rahnuma_trust_add_data (RahnumaTrust  *trust,
                        const char    *data,
                        gsize          length,
                        const char    *source,
                        GError       **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (trust != NULL && data != NULL && source != NULL, FALSE);
  text = g_strndup (data, length);
  /* CR is whitespace to g_strstrip, so CRLF ends go with the line's own spaces. */
  lines = g_strsplit (g_str_has_prefix (text, UTF8_BOM) ? text + strlen (UTF8_BOM) : text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!add_trust_line (trust, lines[i], source, i + 1, error))
      return FALSE;
  return TRUE;
}

/**
 * rahnuma_trust_new_from_file:
 * @path: a trust file
 * @error: return location for a #RAHNUMA_PROOF_ERROR: FAILED if it cannot
 *   be read, TRUST_FILE if a line is not a key
 *
 * Returns: (transfer full) (nullable): the keys of @path
 */
RahnumaTrust *
rahnuma_trust_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(RahnumaTrust) trust = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  if (!rahnuma_proof_init_sodium (error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* Translators: %s is a file, then why it cannot be read */
      g_set_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FAILED,
                   _("Cannot read the trust file: %s"), local_error->message);
      return NULL;
    }
  trust = rahnuma_trust_new ();
  if (!rahnuma_trust_add_data (trust, contents, length, path, error))
    return NULL;
  return g_steal_pointer (&trust);
}

/**
 * rahnuma_trust_add_keys:
 * @trust: a trust list
 * @keys: a key pair to trust, e.g. the kiosk's own
 */
void
rahnuma_trust_add_keys (RahnumaTrust *trust,
                        RahnumaKeys  *keys)
{
  TrustedKey *key;

  g_return_if_fail (trust != NULL && keys != NULL);
  key = g_new0 (TrustedKey, 1);
  memcpy (key->public_key, keys->public_key, sizeof key->public_key);
  key->label = g_strdup (keys->label);
  g_hash_table_replace (trust->keys, rahnuma_proof_key_id_to_hex (keys->key_id), key);
}

/**
 * rahnuma_trust_get_n_keys:
 * @trust: a trust list
 *
 * Returns: how many keys it trusts
 */
guint
rahnuma_trust_get_n_keys (RahnumaTrust *trust)
{
  g_return_val_if_fail (trust != NULL, 0);
  return g_hash_table_size (trust->keys);
}

/**
 * rahnuma_trust_lookup_label:
 * @trust: a trust list
 * @key_id: a key id, 16 hex digits
 *
 * Returns: (transfer none) (nullable): the comment of @key_id's line
 */
const char *
rahnuma_trust_lookup_label (RahnumaTrust *trust,
                            const char   *key_id)
{
  g_autofree char *lower = NULL;
  TrustedKey *key;

  g_return_val_if_fail (trust != NULL && key_id != NULL, NULL);
  lower = g_ascii_strdown (key_id, -1);
  key = g_hash_table_lookup (trust->keys, lower);
  return key != NULL ? key->label : NULL;
}

/**
 * rahnuma_trust_free:
 * @trust: (transfer full) (nullable): a trust list
 */
void
rahnuma_trust_free (RahnumaTrust *trust)
{
  if (trust == NULL)
    return;
  g_hash_table_unref (trust->keys);
  g_free (trust);
}
