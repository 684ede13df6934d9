/* rahnuma-proof.c — a signed completion proof anyone can check offline
 *
 * The kiosk signs a small binary record of the visit's outcome with its own
 * Ed25519 key (libsodium crypto_sign_detached) and shows it as text in the
 * result page's QR code: "RHN1." and the base64url (no padding) of the
 * record followed by the 64-byte signature. An officer with the kiosk's
 * public key in a trust file checks it with no journal and no network
 * (issue 18, section 3). The record holds nothing about the person: see
 * docs/completion-proof.md for the layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-proof"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rahnuma-proof-private.h"

#define FORMAT_VERSION 1

/* version, key id, flags, day (2), passed, lessons, code */
#define HEADER_SIZE (1 + RAHNUMA_PROOF_KEY_ID_SIZE + 1 + 2 + 1 + 1 + RAHNUMA_CODE_LENGTH)
/* the header and two names of at least one byte each, with their lengths */
#define RECORD_MIN (HEADER_SIZE + 2 + 2)
#define RECORD_MAX (HEADER_SIZE + 2 + 2 * RAHNUMA_PROOF_NAME_MAX)

#define FLAG_COMPLETED 0x01
#define FLAG_DEMO      0x02

G_DEFINE_QUARK (rahnuma-proof-error-quark, rahnuma_proof_error)

static gboolean
fail (GError **error, RahnumaProofError code, const char *message)
{
  g_set_error_literal (error, RAHNUMA_PROOF_ERROR, code, message);
  return FALSE;
}

/* Printable ASCII, no space: a centre code or kiosk id as the journal
 * allows them, and nothing a terminal would interpret. */
static gboolean
is_valid_name (const char *name, gsize length)
{
  if (length == 0 || length > RAHNUMA_PROOF_NAME_MAX)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (name[i] <= ' ' || name[i] > '~')
      return FALSE;
  return TRUE;
}

static gboolean
check_fields (const RahnumaProof *proof, GError **error)
{
  if (proof->centre == NULL || !is_valid_name (proof->centre, strlen (proof->centre)) ||
      proof->kiosk == NULL || !is_valid_name (proof->kiosk, strlen (proof->kiosk)))
    return fail (error, RAHNUMA_PROOF_ERROR_FIELD,
                 _("The centre code or kiosk id is empty, too long or has spaces."));
  if (!rahnuma_code_is_valid (proof->code))
    return fail (error, RAHNUMA_PROOF_ERROR_FIELD, _("The completion code in it is not a valid code."));
  if (proof->n_lessons > G_MAXUINT8 || proof->n_passed > proof->n_lessons || proof->day > G_MAXUINT16)
    return fail (error, RAHNUMA_PROOF_ERROR_FIELD,
                 _("Its lesson counts or its day are out of range."));
  return TRUE;
}

/* ---- the record ------------------------------------------------------ */

static void
append_name (GByteArray *record, const char *name)
{
  guint8 length = (guint8) strlen (name);

  g_byte_array_append (record, &length, 1);
  g_byte_array_append (record, (const guint8 *) name, length);
}

/* The signed bytes of @proof, whose fields check_fields() accepted. */
static GByteArray *
encode_record (const RahnumaProof *proof)
{
  GByteArray *record = g_byte_array_sized_new (RECORD_MAX + crypto_sign_BYTES);
  guint8 header[HEADER_SIZE];

  header[0] = FORMAT_VERSION;
  memcpy (header + 1, proof->key_id, RAHNUMA_PROOF_KEY_ID_SIZE);
  header[9] = (proof->completed ? FLAG_COMPLETED : 0) | (proof->demo ? FLAG_DEMO : 0);
  header[10] = (guint8) (proof->day >> 8);
  header[11] = (guint8) (proof->day & 0xff);
  header[12] = (guint8) proof->n_passed;
  header[13] = (guint8) proof->n_lessons;
  memcpy (header + 14, proof->code, RAHNUMA_CODE_LENGTH);
  g_byte_array_append (record, header, sizeof header);
  append_name (record, proof->centre);
  append_name (record, proof->kiosk);
  return record;
}

/* Reads a length-prefixed name at *@offset of @record (of @length bytes,
 * the signature excluded). Returns: (transfer full) (nullable) */
static char *
read_name (const guint8 *record, gsize length, gsize *offset, GError **error)
{
  gsize size;

  if (*offset >= length || *offset + 1 + record[*offset] > length)
    {
      fail (error, RAHNUMA_PROOF_ERROR_TRUNCATED,
            _("The text is cut short: part of it is missing. Scan the code again, whole."));
      return NULL;
    }
  size = record[*offset];
  if (!is_valid_name ((const char *) record + *offset + 1, size))
    {
      fail (error, RAHNUMA_PROOF_ERROR_FIELD,
            _("The centre code or kiosk id is empty, too long or has spaces."));
      return NULL;
    }
  *offset += 1 + size;
  return g_strndup ((const char *) record + *offset - size, size);
}

static void
decode_header (const guint8 *record, RahnumaProof *proof)
{
  proof->version = record[0];
  memcpy (proof->key_id, record + 1, RAHNUMA_PROOF_KEY_ID_SIZE);
  proof->completed = (record[9] & FLAG_COMPLETED) != 0;
  proof->demo = (record[9] & FLAG_DEMO) != 0;
  proof->day = ((guint32) record[10] << 8) | record[11];
  proof->n_passed = record[12];
  proof->n_lessons = record[13];
  memcpy (proof->code, record + 14, RAHNUMA_CODE_LENGTH);
  proof->code[RAHNUMA_CODE_LENGTH] = '\0';
}

/* Decodes @bytes (record and signature); *@signed_length is the record's. */
static RahnumaProof *
decode_record (const guint8 *bytes, gsize length, gsize *signed_length, GError **error)
{
  g_autoptr(RahnumaProof) proof = g_new0 (RahnumaProof, 1);
  gsize record_length = length > crypto_sign_BYTES ? length - crypto_sign_BYTES : 0;
  gsize offset = HEADER_SIZE;

  if (record_length < RECORD_MIN)
    {
      fail (error, RAHNUMA_PROOF_ERROR_TRUNCATED,
            _("The text is cut short: part of it is missing. Scan the code again, whole."));
      return NULL;
    }
  /* A newer format says so in its prefix too (check_prefix()); this is the signed copy. */
  if (length >= 1 && bytes[0] != FORMAT_VERSION)
    {
      fail (error, RAHNUMA_PROOF_ERROR_VERSION,
            _("This proof was made by a newer version of Rahnuma. Update this computer’s Rahnuma."));
      return NULL;
    }
  decode_header (bytes, proof);
  if ((bytes[9] & ~(FLAG_COMPLETED | FLAG_DEMO)) != 0)
    {
      fail (error, RAHNUMA_PROOF_ERROR_FIELD, _("It has flags this version of Rahnuma does not know."));
      return NULL;
    }
  if ((proof->centre = read_name (bytes, record_length, &offset, error)) == NULL ||
      (proof->kiosk = read_name (bytes, record_length, &offset, error)) == NULL)
    return NULL;
  if (offset != record_length)
    {
      fail (error, RAHNUMA_PROOF_ERROR_LENGTH,
            _("The text is longer than a proof: something was added to it."));
      return NULL;
    }
  if (!check_fields (proof, error))
    return NULL;
  *signed_length = record_length;
  return g_steal_pointer (&proof);
}

/* ---- the text -------------------------------------------------------- */

static gboolean
check_prefix (const char *text, GError **error)
{
  /* "RHN" and a version digit other than ours: a proof from a newer Rahnuma. */
  if (g_str_has_prefix (text, RAHNUMA_PROOF_PREFIX))
    return TRUE;
  if (g_str_has_prefix (text, "RHN") && g_ascii_isdigit (text[3]) && text[4] == '.')
    return fail (error, RAHNUMA_PROOF_ERROR_VERSION,
                 _("This proof was made by a newer version of Rahnuma. Update this computer’s Rahnuma."));
  return fail (error, RAHNUMA_PROOF_ERROR_PREFIX,
               _("It does not start with RHN1., as every proof from a Rahnuma kiosk does."));
}

/* Returns: (transfer full) (nullable): the bytes of the base64url @body */
static GBytes *
decode_body (const char *body, GError **error)
{
  gsize length = strlen (body);
  gsize max = length * 3 / 4 + 1;
  g_autofree guint8 *bytes = g_malloc (max);
  size_t n_bytes = 0;

  if (strspn (body, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != length)
    {
      fail (error, RAHNUMA_PROOF_ERROR_BASE64,
            _("The text has letters a proof never has: it was mistyped or is not a proof."));
      return NULL;
    }
  /* Four letters make three bytes: one letter left over is a cut, never a whole text. */
  if (length % 4 == 1 ||
      sodium_base642bin (bytes, max, body, length, NULL, &n_bytes, NULL,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    {
      fail (error, RAHNUMA_PROOF_ERROR_TRUNCATED,
            _("The text is cut short: part of it is missing. Scan the code again, whole."));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&bytes), n_bytes);
}

/* Parses @text; *@bytes and *@signed_length give what the signature covers. */
static RahnumaProof *
parse_text (const char *text, GBytes **bytes, gsize *signed_length, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GBytes) decoded = NULL;
  const guint8 *data;
  RahnumaProof *proof;
  gsize length = 0;

  if (!check_prefix (stripped, error) ||
      (decoded = decode_body (stripped + strlen (RAHNUMA_PROOF_PREFIX), error)) == NULL)
    return NULL;
  data = g_bytes_get_data (decoded, &length);
  proof = decode_record (data, length, signed_length, error);
  if (proof != NULL && bytes != NULL)
    *bytes = g_steal_pointer (&decoded);
  return proof;
}

/* ---- public API ------------------------------------------------------ */

/**
 * rahnuma_proof_free:
 * @proof: (transfer full) (nullable): a proof
 */
void
rahnuma_proof_free (RahnumaProof *proof)
{
  if (proof == NULL)
    return;
  g_free (proof->centre);
  g_free (proof->kiosk);
  g_free (proof);
}

/**
 * rahnuma_proof_dup_key_id:
 * @proof: a proof
 *
 * Returns: (transfer full): the key id that signed @proof, as 16 lowercase
 *   hex digits, the form trust files use
 */
char *
rahnuma_proof_dup_key_id (const RahnumaProof *proof)
{
  g_return_val_if_fail (proof != NULL, NULL);
  return rahnuma_proof_key_id_to_hex (proof->key_id);
}

/**
 * rahnuma_proof_day_from_date:
 * @when: a moment, in the time zone whose calendar counts (the kiosk's own)
 *
 * Only the day goes into a proof, never the time of day: a time to the
 * minute would narrow down who the visitor was.
 *
 * Returns: @when's calendar day in its own time zone, as days since 1970-01-01
 */
guint32
rahnuma_proof_day_from_date (GDateTime *when)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) epoch = g_date_new_dmy (1, G_DATE_JANUARY, 1970);

  g_return_val_if_fail (when != NULL, 0);
  date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (when),
                         (GDateMonth) g_date_time_get_month (when),
                         (GDateYear) g_date_time_get_year (when));
  return (guint32) g_date_days_between (epoch, date);
}

/**
 * rahnuma_proof_format_day:
 * @day: days since 1970-01-01
 *
 * Returns: (transfer full): @day as YYYY-MM-DD
 */
char *
rahnuma_proof_format_day (guint32 day)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 1970);

  g_date_add_days (date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * rahnuma_proof_parse:
 * @text: the text of a QR code or scanner, e.g. "RHN1.AQ…"; spaces and line
 *   ends around it are ignored
 * @error: return location for a #RAHNUMA_PROOF_ERROR: PREFIX, VERSION,
 *   BASE64, TRUNCATED, LENGTH or FIELD, each with a message for the officer
 *
 * Reads the fields of a proof without checking its signature: use
 * rahnuma_proof_check() to know whether to believe them.
 *
 * Returns: (transfer full) (nullable): the fields
 */
RahnumaProof *
rahnuma_proof_parse (const char  *text,
                     GError     **error)
{
  gsize signed_length;

  g_return_val_if_fail (text != NULL, NULL);
  return parse_text (text, NULL, &signed_length, error);
}

/**
 * rahnuma_proof_check:
 * @text: the text of a QR code or scanner
 * @trust: the kiosk keys to believe
 * @out_proof: (out) (optional) (transfer full): the fields, unless the
 *   verdict is %RAHNUMA_PROOF_NOT_A_PROOF; believe them only when it is
 *   %RAHNUMA_PROOF_VALID
 * @error: return location for a #RAHNUMA_PROOF_ERROR, set only when the
 *   verdict is %RAHNUMA_PROOF_NOT_A_PROOF (saying why) or the crypto library
 *   cannot start (%RAHNUMA_PROOF_ERROR_FAILED, also NOT_A_PROOF)
 *
 * Checks @text offline: its form, then whether its key is in @trust, then
 * its Ed25519 signature (crypto_sign_verify_detached).
 *
 * Returns: the verdict
 */
RahnumaProofVerdict
rahnuma_proof_check (const char     *text,
                     RahnumaTrust   *trust,
                     RahnumaProof  **out_proof,
                     GError        **error)
{
  g_autoptr(RahnumaProof) proof = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *public_key;
  const guint8 *data;
  gsize signed_length = 0;
  RahnumaProofVerdict verdict;

  g_return_val_if_fail (text != NULL, RAHNUMA_PROOF_NOT_A_PROOF);
  g_return_val_if_fail (trust != NULL, RAHNUMA_PROOF_NOT_A_PROOF);
  if (!rahnuma_proof_init_sodium (error) ||
      (proof = parse_text (text, &bytes, &signed_length, error)) == NULL)
    return RAHNUMA_PROOF_NOT_A_PROOF;
  data = g_bytes_get_data (bytes, NULL);
  public_key = rahnuma_trust_lookup_key (trust, proof->key_id);
  if (public_key == NULL)
    verdict = RAHNUMA_PROOF_UNTRUSTED;
  else if (crypto_sign_verify_detached (data + signed_length, data, signed_length, public_key) != 0)
    verdict = RAHNUMA_PROOF_NOT_VALID;
  else
    verdict = RAHNUMA_PROOF_VALID;
  if (out_proof != NULL)
    *out_proof = g_steal_pointer (&proof);
  return verdict;
}

/**
 * rahnuma_proof_sign:
 * @keys: the kiosk's key pair
 * @fields: what to sign; its @version and @key_id are ignored (the format's
 *   and @keys' own are used)
 * @error: return location for a #RAHNUMA_PROOF_ERROR: FIELD if a field is
 *   out of range (a code that is not valid, more passed than lessons, more
 *   than 255 lessons, a name longer than 32 bytes or with spaces)
 *
 * Returns: (transfer full) (nullable): the proof's text, "RHN1." and
 *   base64url: about 150 ASCII characters, at most 211 (32-byte names)
 */
char *
rahnuma_proof_sign (RahnumaKeys         *keys,
                    const RahnumaProof  *fields,
                    GError             **error)
{
  RahnumaProof proof;
  g_autoptr(GByteArray) record = NULL;
  guint8 signature[crypto_sign_BYTES];
  char text[sizeof RAHNUMA_PROOF_PREFIX + (RECORD_MAX + crypto_sign_BYTES) * 4 / 3 + 4];

  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  proof = *fields;
  memcpy (proof.key_id, keys->key_id, RAHNUMA_PROOF_KEY_ID_SIZE);
  if (!rahnuma_proof_init_sodium (error) || !check_fields (&proof, error))
    return NULL;
  record = encode_record (&proof);
  crypto_sign_detached (signature, NULL, record->data, record->len, keys->secret_key);
  g_byte_array_append (record, signature, sizeof signature);
  sodium_bin2base64 (text, sizeof text, record->data, record->len,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strconcat (RAHNUMA_PROOF_PREFIX, text, NULL);
}

/**
 * rahnuma_proof_sign_visit:
 * @keys: the kiosk's key pair (rahnuma_keys_load_or_create())
 * @centre: the centre code, as in the visit's record
 * @kiosk: the kiosk id, as in the visit's record
 * @when: when the visit took place, in the kiosk's time zone; only its
 *   calendar day is signed
 * @code: the completion code, with or without its dash
 * @n_passed: lessons passed
 * @n_lessons: lessons in the visit
 * @completed: whether the visit counts as a completed briefing
 * @demo: %TRUE for a test or demo card, never for a visitor's proof
 * @error: return location for a #RAHNUMA_PROOF_ERROR (FIELD, see
 *   rahnuma_proof_sign())
 *
 * The text to put in the QR code of the result page and the printed card.
 *
 * Returns: (transfer full) (nullable): the proof's text
 */
char *
rahnuma_proof_sign_visit (RahnumaKeys  *keys,
                          const char   *centre,
                          const char   *kiosk,
                          GDateTime    *when,
                          const char   *code,
                          guint         n_passed,
                          guint         n_lessons,
                          gboolean      completed,
                          gboolean      demo,
                          GError      **error)
{
  g_autofree char *normal = NULL;
  RahnumaProof fields = { 0 };

  g_return_val_if_fail (keys != NULL && centre != NULL && kiosk != NULL, NULL);
  g_return_val_if_fail (when != NULL && code != NULL, NULL);
  normal = rahnuma_code_normalize (code);
  if (normal == NULL)
    return (fail (error, RAHNUMA_PROOF_ERROR_FIELD, _("The completion code in it is not a valid code.")),
            NULL);
  /* "XXXXX-XXXXX" to the ten symbols alone: the dash is only for reading. */
  memcpy (fields.code, normal, 5);
  memcpy (fields.code + 5, normal + 6, 5);
  fields.centre = (char *) centre;
  fields.kiosk = (char *) kiosk;
  fields.day = rahnuma_proof_day_from_date (when);
  fields.n_passed = n_passed;
  fields.n_lessons = n_lessons;
  fields.completed = completed;
  fields.demo = demo;
  return rahnuma_proof_sign (keys, &fields, error);
}
