/* test-proof.c — signed completion proofs, kiosk keys and trust files
 *
 * Real key files in a temporary folder, real signatures (libsodium).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "rahnuma-code.h"
#include "rahnuma-proof.h"
#include "test-util.h"

typedef struct
{
  char         *tmpdir;
  char         *keys_dir;
  RahnumaKeys  *keys;
  RahnumaTrust *trust;
  char         *code;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = rahnuma_test_make_tmpdir ("rahnuma-proof-XXXXXX");
  f->keys_dir = g_build_filename (f->tmpdir, "keys", NULL);
  f->keys = rahnuma_keys_create (f->keys_dir, "centre LHR, kiosk kiosk-1", FALSE, &error);
  g_assert_no_error (error);
  f->trust = rahnuma_trust_new ();
  rahnuma_trust_add_keys (f->trust, f->keys);
  f->code = rahnuma_code_generate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rahnuma_keys_free (f->keys);
  rahnuma_trust_free (f->trust);
  rahnuma_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->keys_dir);
  g_free (f->code);
}

static char *
sign_visit (Fixture *f, RahnumaKeys *keys, gboolean demo)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 30, 23, 59, 0);
  g_autoptr(GError) error = NULL;
  char *text = rahnuma_proof_sign_visit (keys, "LHR-PROTECTOR", "kiosk-1", when, f->code, 6, 7, TRUE,
                                         demo, &error);

  g_assert_no_error (error);
  return text;
}

/* @text with its decoded bytes edited by @edit, encoded again. */
static char *
reencode (const char *text, void (*edit) (GByteArray *bytes, gpointer data), gpointer data)
{
  const char *body = text + strlen (RAHNUMA_PROOF_PREFIX);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[512];
  size_t n = 0;
  char out[1024];

  g_assert_cmpint (sodium_base642bin (buffer, sizeof buffer, body, strlen (body), NULL, &n, NULL,
                                      sodium_base64_VARIANT_URLSAFE_NO_PADDING), ==, 0);
  g_byte_array_append (bytes, buffer, n);
  edit (bytes, data);
  sodium_bin2base64 (out, sizeof out, bytes->data, bytes->len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strconcat (RAHNUMA_PROOF_PREFIX, out, NULL);
}

static RahnumaProofVerdict
check (Fixture *f, const char *text, RahnumaProof **proof, GError **error)
{
  return rahnuma_proof_check (text, f->trust, proof, error);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autofree char *normal = rahnuma_code_normalize (f->code);
  g_autofree char *proof_code = NULL;
  g_autofree char *day = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *keys_id = rahnuma_keys_dup_key_id (f->keys);
  g_autoptr(RahnumaProof) proof = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (text, "RHN1."));
  /* Byte mode QR, level M, version 10 holds 213 bytes: room to spare. */
  g_assert_cmpuint (strlen (text), <=, 180);
  g_assert_no_error ((check (f, text, NULL, &error), error));
  g_assert_cmpint (check (f, text, &proof, &error), ==, RAHNUMA_PROOF_VALID);
  proof_code = rahnuma_code_normalize (proof->code);
  g_assert_cmpstr (proof_code, ==, normal);
  g_assert_cmpstr (proof->centre, ==, "LHR-PROTECTOR");
  g_assert_cmpstr (proof->kiosk, ==, "kiosk-1");
  day = rahnuma_proof_format_day (proof->day);
  g_assert_cmpstr (day, ==, "2026-11-30");
  g_assert_cmpuint (proof->n_passed, ==, 6);
  g_assert_cmpuint (proof->n_lessons, ==, 7);
  g_assert_true (proof->completed);
  g_assert_false (proof->demo);
  key_id = rahnuma_proof_dup_key_id (proof);
  g_assert_cmpstr (key_id, ==, keys_id);
}

static void
test_demo_flag (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, TRUE);
  g_autoptr(RahnumaProof) proof = NULL;

  g_assert_cmpint (check (f, text, &proof, NULL), ==, RAHNUMA_PROOF_VALID);
  g_assert_true (proof->demo);
}

static void
flip_byte (GByteArray *bytes, gpointer data)
{
  bytes->data[GPOINTER_TO_UINT (data)] ^= 0x01;
}

/* Each signed field, and the signature itself: one bit changed is caught. */
static void
test_changed_byte (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  /* 9: flags (completed), 12: lessons passed, 14: code, last: signature */
  const guint offsets[] = { 9, 12, 13, 14 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *changed = reencode (text, flip_byte, GUINT_TO_POINTER (offsets[i]));
      g_autoptr(GError) error = NULL;
      RahnumaProofVerdict verdict = check (f, changed, NULL, &error);

      /* A changed code may break its check symbol: then it is no proof either. */
      g_assert_true (verdict == RAHNUMA_PROOF_NOT_VALID ||
                     (offsets[i] == 14 && g_error_matches (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FIELD)));
      g_assert_cmpint (verdict, !=, RAHNUMA_PROOF_VALID);
    }
}

static void
flip_last_byte (GByteArray *bytes, gpointer data)
{
  bytes->data[bytes->len - 1] ^= 0x80;
}

static void
test_changed_signature (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autofree char *changed = reencode (text, flip_last_byte, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (check (f, changed, NULL, &error), ==, RAHNUMA_PROOF_NOT_VALID);
  g_assert_no_error (error);
}

static void
take_signature (GByteArray *bytes, gpointer data)
{
  const GByteArray *other = data;

  memcpy (bytes->data + bytes->len - 64, other->data + other->len - 64, 64);
}

static void
copy_bytes (GByteArray *bytes, gpointer data)
{
  g_byte_array_append (data, bytes->data, bytes->len);
}

/* The record of our key, signed by another kiosk's key: not valid. */
static void
test_wrong_key (Fixture *f, gconstpointer data)
{
  g_autofree char *other_dir = g_build_filename (f->tmpdir, "other", NULL);
  g_autoptr(RahnumaKeys) other = rahnuma_keys_create (other_dir, NULL, FALSE, NULL);
  g_autofree char *ours = sign_visit (f, f->keys, FALSE);
  g_autofree char *theirs = sign_visit (f, other, FALSE);
  g_autoptr(GByteArray) their_bytes = g_byte_array_new ();
  g_autofree char *copy = reencode (theirs, copy_bytes, their_bytes);
  g_autofree char *forged = reencode (ours, take_signature, their_bytes);

  g_assert_cmpint (check (f, theirs, NULL, NULL), ==, RAHNUMA_PROOF_UNTRUSTED);
  g_assert_cmpint (check (f, forged, NULL, NULL), ==, RAHNUMA_PROOF_NOT_VALID);
}

static void
test_unknown_key (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autoptr(RahnumaTrust) empty = rahnuma_trust_new ();
  g_autoptr(RahnumaProof) proof = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rahnuma_proof_check (text, empty, &proof, &error), ==, RAHNUMA_PROOF_UNTRUSTED);
  g_assert_no_error (error);
  g_assert_cmpstr (proof->centre, ==, "LHR-PROTECTOR");
}

static void
assert_not_a_proof (Fixture *f, const char *text, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaProof) proof = NULL;

  g_assert_cmpint (check (f, text, &proof, &error), ==, RAHNUMA_PROOF_NOT_A_PROOF);
  g_assert_error (error, RAHNUMA_PROOF_ERROR, code);
  g_assert_null (proof);
}

static void
append_byte (GByteArray *bytes, gpointer data)
{
  guint8 extra = 0;

  g_byte_array_append (bytes, &extra, 1);
}

static void
set_version (GByteArray *bytes, gpointer data)
{
  bytes->data[0] = 2;
}

static void
test_not_a_proof (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autofree char *cut = g_strndup (text, strlen (text) - 10);
  g_autofree char *half = g_strndup (text, strlen (text) / 2);
  g_autofree char *longer = reencode (text, append_byte, NULL);
  g_autofree char *newer = reencode (text, set_version, NULL);
  g_autofree char *bad = g_strdup (text);

  bad[20] = '+';
  assert_not_a_proof (f, cut, RAHNUMA_PROOF_ERROR_TRUNCATED);
  assert_not_a_proof (f, half, RAHNUMA_PROOF_ERROR_TRUNCATED);
  assert_not_a_proof (f, "RHN1.", RAHNUMA_PROOF_ERROR_TRUNCATED);
  assert_not_a_proof (f, longer, RAHNUMA_PROOF_ERROR_LENGTH);
  assert_not_a_proof (f, newer, RAHNUMA_PROOF_ERROR_VERSION);
  assert_not_a_proof (f, "RHN2.AAAA", RAHNUMA_PROOF_ERROR_VERSION);
  assert_not_a_proof (f, bad, RAHNUMA_PROOF_ERROR_BASE64);
  assert_not_a_proof (f, text + 1, RAHNUMA_PROOF_ERROR_PREFIX);
  assert_not_a_proof (f, f->code, RAHNUMA_PROOF_ERROR_PREFIX);
}

/* A scanner's Enter and a copy's spaces around the text do not matter. */
static void
test_surrounding_space (Fixture *f, gconstpointer data)
{
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autofree char *typed = g_strdup_printf ("  %s\r\n", text);

  g_assert_cmpint (check (f, typed, NULL, NULL), ==, RAHNUMA_PROOF_VALID);
}

static void
test_sign_refuses_bad_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  char *text;

  text = rahnuma_proof_sign_visit (f->keys, "LHR", "kiosk-1", when, f->code, 8, 7, TRUE, FALSE, &error);
  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FIELD);
  g_assert_null (text);
  g_clear_error (&error);
  text = rahnuma_proof_sign_visit (f->keys, "L H R", "kiosk-1", when, f->code, 1, 7, TRUE, FALSE, &error);
  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FIELD);
  g_assert_null (text);
}

/* ---- keys ------------------------------------------------------------ */

static void
test_keys_private_and_kept (Fixture *f, gconstpointer data)
{
  g_autofree char *secret = g_build_filename (f->keys_dir, "proof-secret.key", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaKeys) again = NULL;
  g_autoptr(RahnumaKeys) loaded = NULL;
  g_autofree char *id_before = rahnuma_keys_dup_key_id (f->keys);
  g_autofree char *id_loaded = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (secret, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->keys_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_get_contents (secret, &before, NULL, NULL));

  again = rahnuma_keys_create (f->keys_dir, NULL, FALSE, &error);
  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_EXISTS);
  g_assert_null (again);
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  loaded = rahnuma_keys_load_or_create (f->keys_dir, NULL, &error);
  g_clear_error (&error);
  id_loaded = rahnuma_keys_dup_key_id (loaded);
  g_assert_cmpstr (id_loaded, ==, id_before);
  g_assert_cmpstr (rahnuma_keys_get_label (loaded), ==, "centre LHR, kiosk kiosk-1");
}

static void
test_keys_force (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaKeys) replaced = rahnuma_keys_create (f->keys_dir, NULL, TRUE, &error);
  g_autofree char *old_id = rahnuma_keys_dup_key_id (f->keys);
  g_autofree char *new_id = NULL;

  g_assert_no_error (error);
  new_id = rahnuma_keys_dup_key_id (replaced);
  g_assert_cmpstr (new_id, !=, old_id);
}

/* A damaged key is reported and left for a technician, never replaced. */
static void
test_keys_damaged (Fixture *f, gconstpointer data)
{
  g_autofree char *secret = g_build_filename (f->keys_dir, "proof-secret.key", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaKeys) keys = NULL;

  g_assert_true (g_file_set_contents (secret, "not a key\n", -1, NULL));
  g_assert_cmpint (g_chmod (secret, 0600), ==, 0);
  keys = rahnuma_keys_load_or_create (f->keys_dir, NULL, &error);
  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_DAMAGED);
  g_assert_null (keys);
  g_assert_true (g_file_get_contents (secret, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not a key\n");
}

static void
test_keys_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = g_build_filename (f->tmpdir, "nothing", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaKeys) keys = rahnuma_keys_load (empty, &error);
  g_autofree char *made_dir = g_build_filename (f->tmpdir, "first-start", "keys", NULL);
  g_autoptr(RahnumaKeys) made = NULL;

  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_MISSING);
  g_assert_null (keys);
  g_clear_error (&error);
  made = rahnuma_keys_load_or_create (made_dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
}

static void
test_default_paths (void)
{
  g_autofree char *keys = rahnuma_keys_default_dir ("/srv/kiosk/journal.db");
  g_autofree char *trust = rahnuma_trust_default_path ("/srv/kiosk/journal.db");
  g_autofree char *default_keys = rahnuma_keys_default_dir (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "rahnuma", "keys", NULL);

  g_assert_cmpstr (keys, ==, "/srv/kiosk/keys");
  g_assert_cmpstr (trust, ==, "/srv/kiosk/trust.txt");
  g_assert_cmpstr (default_keys, ==, expected);
}

/* ---- trust files ----------------------------------------------------- */

/* A file as Windows Notepad saves it: a byte order mark, CRLF, comments. */
static void
test_trust_file_notepad (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "trust.txt", NULL);
  g_autofree char *line = rahnuma_keys_dup_trust_line (f->keys, NULL);
  g_autofree char *contents = g_strdup_printf ("\xef\xbb\xbf# Lahore centre kiosks\r\n\r\n%s\r\n   \r\n", line);
  g_autofree char *text = sign_visit (f, f->keys, FALSE);
  g_autofree char *key_id = rahnuma_keys_dup_key_id (f->keys);
  g_autoptr(RahnumaTrust) trust = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  trust = rahnuma_trust_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rahnuma_trust_get_n_keys (trust), ==, 1);
  g_assert_cmpstr (rahnuma_trust_lookup_label (trust, key_id), ==, "centre LHR, kiosk kiosk-1");
  g_assert_cmpint (rahnuma_proof_check (text, trust, NULL, NULL), ==, RAHNUMA_PROOF_VALID);
}

/* The key pair's own public file is a trust file line too. */
static void
test_trust_public_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->keys_dir, "proof-public.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RahnumaTrust) trust = rahnuma_trust_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rahnuma_trust_get_n_keys (trust), ==, 1);
}

static void
assert_trust_line_refused (Fixture *f, const char *contents, const char *where)
{
  g_autoptr(RahnumaTrust) trust = rahnuma_trust_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rahnuma_trust_add_data (trust, contents, strlen (contents), "trust.txt", &error));
  g_assert_error (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_TRUST_FILE);
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_trust_file_faults (Fixture *f, gconstpointer data)
{
  /* "": no comment, so that the cut falls in the key */
  g_autofree char *line = rahnuma_keys_dup_trust_line (f->keys, "");
  g_autofree char *wrong_id = g_strdup (line);
  g_autofree char *extra = g_strdup_printf ("# kiosks\n%s extra\n", line);
  g_autofree char *cut = g_strndup (line, strlen (line) - 4);

  wrong_id[0] = wrong_id[0] == '0' ? '1' : '0';
  assert_trust_line_refused (f, wrong_id, "trust.txt:1:");
  assert_trust_line_refused (f, extra, "trust.txt:2:");
  assert_trust_line_refused (f, cut, "trust.txt:1:");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rahnuma/proof/default-paths", test_default_paths);
#define ADD(path, func) \
  g_test_add ("/rahnuma/proof/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("demo", test_demo_flag);
  ADD ("changed-byte", test_changed_byte);
  ADD ("changed-signature", test_changed_signature);
  ADD ("wrong-key", test_wrong_key);
  ADD ("unknown-key", test_unknown_key);
  ADD ("not-a-proof", test_not_a_proof);
  ADD ("surrounding-space", test_surrounding_space);
  ADD ("sign-refuses-bad-fields", test_sign_refuses_bad_fields);
  ADD ("keys/private-and-kept", test_keys_private_and_kept);
  ADD ("keys/force", test_keys_force);
  ADD ("keys/damaged", test_keys_damaged);
  ADD ("keys/missing", test_keys_missing);
  ADD ("trust/notepad", test_trust_file_notepad);
  ADD ("trust/public-file", test_trust_public_file);
  ADD ("trust/faults", test_trust_file_faults);
#undef ADD
  return g_test_run ();
}
