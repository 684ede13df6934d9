/* rahnuma-officer-proof.c — a signed completion proof, checked on the dashboard
 *
 * A barcode scanner types the text of the visitor's QR code (RHN1.…) into
 * the code pad; the dashboard checks it against the trust file, offline,
 * and says in words what the check found (rahnuma-proof.c). On a kiosk the
 * kiosk's own key is trusted too, so its own proofs check with no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rahnuma-officer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rahnuma-officer-proof.h"

/**
 * rahnuma_officer_is_proof_text:
 * @text: what was typed or scanned
 *
 * Returns: whether @text looks like a signed proof rather than a code
 */
gboolean
rahnuma_officer_is_proof_text (const char *text)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  stripped = g_strstrip (g_strdup (text));
  return g_str_has_prefix (stripped, "RHN") && strchr (stripped, '.') != NULL;
}

/**
 * rahnuma_officer_load_trust:
 * @trust_path: the trust file; one that does not exist counts as empty
 * @keys_dir: (nullable): a kiosk's keys folder whose key is trusted too
 * @error: return location for a #RAHNUMA_PROOF_ERROR if the trust file
 *   exists but cannot be read or has a line that is not a key
 *
 * Returns: (transfer full) (nullable): the keys to believe
 */
RahnumaTrust *
rahnuma_officer_load_trust (const char  *trust_path,
                            const char  *keys_dir,
                            GError     **error)
{
  g_autoptr(RahnumaTrust) trust = NULL;
  g_autoptr(RahnumaKeys) own = NULL;

  g_return_val_if_fail (trust_path != NULL, NULL);
  if (g_file_test (trust_path, G_FILE_TEST_EXISTS))
    trust = rahnuma_trust_new_from_file (trust_path, error);
  else
    trust = rahnuma_trust_new ();
  if (trust == NULL)
    return NULL;
  /* Never made here: only the kiosk itself makes its key (at its start). */
  own = keys_dir != NULL ? rahnuma_keys_load (keys_dir, NULL) : NULL;
  if (own != NULL)
    rahnuma_trust_add_keys (trust, own);
  return g_steal_pointer (&trust);
}

/* What the proof says, in one sentence for the officer. */
static char *
describe_fields (const RahnumaProof *proof)
{
  g_autofree char *code = rahnuma_code_normalize (proof->code);
  g_autofree char *day = rahnuma_proof_format_day (proof->day);

  return g_strdup_printf (proof->completed
                            /* Translators: code, date (YYYY-MM-DD), centre, kiosk, lessons passed, lessons */
                            ? _("Code %s, %s, centre %s, kiosk %s: %u of %u lessons passed; a completed briefing.")
                            /* Translators: code, date (YYYY-MM-DD), centre, kiosk, lessons passed, lessons */
                            : _("Code %s, %s, centre %s, kiosk %s: %u of %u lessons passed; not a completed briefing."),
                          code, day, proof->centre, proof->kiosk, proof->n_passed, proof->n_lessons);
}

/**
 * rahnuma_officer_describe_proof:
 * @text: what was scanned
 * @trust: the keys to believe
 * @trust_path: the trust file's name, for the officer
 * @title: (out) (transfer full): the verdict in words
 * @subtitle: (out) (transfer full): what the proof says, or why it is not one
 *
 * Returns: the verdict (rahnuma_proof_check())
 */
RahnumaProofVerdict
rahnuma_officer_describe_proof (const char    *text,
                                RahnumaTrust  *trust,
                                const char    *trust_path,
                                char         **title,
                                char         **subtitle)
{
  g_autoptr(RahnumaProof) proof = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *key_id = NULL;
  RahnumaProofVerdict verdict = rahnuma_proof_check (text, trust, &proof, &error);

  if (verdict == RAHNUMA_PROOF_NOT_A_PROOF)
    {
      *title = g_strdup (_("Not a Rahnuma completion proof"));
      *subtitle = g_strdup (error->message);
      return verdict;
    }
  fields = describe_fields (proof);
  key_id = rahnuma_proof_dup_key_id (proof);
  if (verdict == RAHNUMA_PROOF_VALID && proof->demo)
    {
      *title = g_strdup (_("Valid, but a demo proof: it proves no briefing"));
      /* Translators: %s is what the proof says (a sentence) */
      *subtitle = g_strdup_printf (_("Made for a demo or test card, not for a visit. %s"), fields);
    }
  else if (verdict == RAHNUMA_PROOF_VALID)
    {
      *title = g_strdup (_("Valid completion proof"));
      *subtitle = g_steal_pointer (&fields);
    }
  else if (verdict == RAHNUMA_PROOF_NOT_VALID)
    {
      *title = g_strdup (_("NOT VALID: do not accept it"));
      *subtitle = g_strdup (_("The signature does not match: the text was changed, or signed with another key "
                              "than the kiosk’s."));
    }
  else
    {
      *title = g_strdup (_("Kiosk key not trusted: cannot check it"));
      /* Translators: a key id, the trust file, then what the proof claims (a sentence) */
      *subtitle = g_strdup_printf (_("Key %s is not in %s. If the kiosk is one of your centre’s, add its line "
                                     "(rahnuma-admin keys export) to that file. It claims: %s"),
                                   key_id, trust_path, fields);
    }
  return verdict;
}
