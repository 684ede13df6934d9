/* admin-keys.c — rahnuma-admin keys new|export, verify --qr
 *
 * A kiosk signs each visit's completion proof with its own key pair
 * (rahnuma-proof.c); officers check the proofs against a trust file made of
 * the kiosks' "keys export" lines, offline, with no journal and no
 * officers' file (docs/completion-proof.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rahnuma-admin.h"
#include "rahnuma-code.h"
#include "rahnuma-proof.h"

/* The admin convention (rahnuma-admin.h), and one code per verdict of
 * verify --qr, so that a script can tell them apart. */
enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1,     /* not a Rahnuma proof */
  EXIT_USAGE = 2,     /* could not run: bad usage, no trust file */
  EXIT_NOT_VALID = 3, /* the signature does not match */
  EXIT_UNTRUSTED = 4, /* the key is not in the trust file */
  EXIT_DEMO = 5,      /* valid, but made for a demo or test, not a visit */
};

static char *
make_label (const char *centre, const char *kiosk)
{
  if (centre == NULL && kiosk == NULL)
    return NULL;
  /* Not translated: a trust file is shared between officers of any language. */
  return g_strdup_printf ("centre %s, kiosk %s", centre != NULL ? centre : "?", kiosk != NULL ? kiosk : "?");
}

static int
keys_new (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *kiosk = NULL;
  g_autofree char *label = NULL;
  g_autofree char *key_id = NULL;
  g_autoptr(RahnumaKeys) keys = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "keys", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The kiosk’s keys folder (default: “keys” beside the "
                                                    "default journal)"), N_("DIR") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre, N_("Centre code, for the key’s comment"), N_("CODE") },
    { "kiosk", 0, 0, G_OPTION_ARG_STRING, &kiosk, N_("Kiosk id, for the key’s comment"), N_("ID") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the key pair already there: every proof "
                                                   "signed with it stops verifying"), NULL },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL, _("Make the kiosk’s signing key pair for completion proofs.")))
    return EXIT_USAGE;
  if (dir == NULL)
    dir = rahnuma_keys_default_dir (NULL);
  label = make_label (centre, kiosk);
  keys = rahnuma_keys_create (dir, label, force, &error);
  if (keys == NULL)
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_KEY_EXISTS) ? EXIT_INPUT : EXIT_USAGE;
    }
  key_id = rahnuma_keys_dup_key_id (keys);
  /* Translators: %s is a key id (16 hex digits), then a folder */
  g_print (_("Made signing key %s in %s. Give officers its line from “rahnuma-admin keys export”.\n"),
           key_id, dir);
  return EXIT_OK;
}

static int
keys_export (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *kiosk = NULL;
  g_autofree char *label = NULL;
  g_autofree char *line = NULL;
  g_autoptr(RahnumaKeys) keys = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "keys", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("The kiosk’s keys folder (default: “keys” beside the "
                                                    "default journal)"), N_("DIR") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre, N_("Centre code, for the line’s comment"), N_("CODE") },
    { "kiosk", 0, 0, G_OPTION_ARG_STRING, &kiosk, N_("Kiosk id, for the line’s comment"), N_("ID") },
    { NULL }
  };

  if (!rahnuma_admin_parse_options (&argc, &argv, entries, NULL,
                           _("Print the kiosk’s public key as one line of a trust file. Put the lines of "
                             "all a centre’s kiosks in one file and give it to the officers who check "
                             "completion proofs (rahnuma-admin verify --qr TEXT --trust FILE).")))
    return EXIT_USAGE;
  if (dir == NULL)
    dir = rahnuma_keys_default_dir (NULL);
  keys = rahnuma_keys_load (dir, &error);
  if (keys == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  label = make_label (centre, kiosk);
  line = rahnuma_keys_dup_trust_line (keys, label);
  g_print ("%s\n", line);
  return EXIT_OK;
}

/* ---- verify --qr ----------------------------------------------------- */

static const char *
reason_name (const GError *error)
{
  switch ((RahnumaProofError) error->code)
    {
    case RAHNUMA_PROOF_ERROR_PREFIX:    return "prefix";
    case RAHNUMA_PROOF_ERROR_VERSION:   return "version";
    case RAHNUMA_PROOF_ERROR_BASE64:    return "base64";
    case RAHNUMA_PROOF_ERROR_TRUNCATED: return "truncated";
    case RAHNUMA_PROOF_ERROR_LENGTH:    return "length";
    case RAHNUMA_PROOF_ERROR_FIELD:     return "field";
    case RAHNUMA_PROOF_ERROR_FAILED:
    case RAHNUMA_PROOF_ERROR_KEY_MISSING:
    case RAHNUMA_PROOF_ERROR_KEY_EXISTS:
    case RAHNUMA_PROOF_ERROR_KEY_DAMAGED:
    case RAHNUMA_PROOF_ERROR_TRUST_FILE:
    default:                            return "failed";
    }
}

static const char *
verdict_name (RahnumaProofVerdict verdict, const RahnumaProof *proof)
{
  switch (verdict)
    {
    case RAHNUMA_PROOF_VALID:       return proof->demo ? "valid-demo" : "valid";
    case RAHNUMA_PROOF_NOT_VALID:   return "not-valid";
    case RAHNUMA_PROOF_UNTRUSTED:   return "untrusted";
    case RAHNUMA_PROOF_NOT_A_PROOF:
    default:                        return "not-a-proof";
    }
}

static void
add_proof_json (JsonBuilder *builder, RahnumaProofVerdict verdict, const RahnumaProof *proof)
{
  g_autofree char *key_id = rahnuma_proof_dup_key_id (proof);
  g_autofree char *code = rahnuma_code_normalize (proof->code);
  g_autofree char *day = rahnuma_proof_format_day (proof->day);

  json_builder_set_member_name (builder, "signature_checked");
  json_builder_add_boolean_value (builder, verdict != RAHNUMA_PROOF_UNTRUSTED);
  rahnuma_admin_json_add_string (builder, "key_id", key_id);
  rahnuma_admin_json_add_string (builder, "centre", proof->centre);
  rahnuma_admin_json_add_string (builder, "kiosk", proof->kiosk);
  rahnuma_admin_json_add_string (builder, "day", day);
  rahnuma_admin_json_add_string (builder, "code", code);
  json_builder_set_member_name (builder, "lessons_passed");
  json_builder_add_int_value (builder, proof->n_passed);
  json_builder_set_member_name (builder, "lessons");
  json_builder_add_int_value (builder, proof->n_lessons);
  json_builder_set_member_name (builder, "completed");
  json_builder_add_boolean_value (builder, proof->completed);
  json_builder_set_member_name (builder, "demo");
  json_builder_add_boolean_value (builder, proof->demo);
}

static void
print_proof_json (RahnumaProofVerdict verdict, const RahnumaProof *proof, const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rahnuma_admin_json_add_string (builder, "verdict", proof != NULL ? verdict_name (verdict, proof) : "not-a-proof");
  if (proof == NULL)
    {
      rahnuma_admin_json_add_string (builder, "reason", reason_name (error));
      rahnuma_admin_json_add_string (builder, "message", error->message);
    }
  else
    add_proof_json (builder, verdict, proof);
  json_builder_end_object (builder);
  rahnuma_admin_json_print (builder);
}

static void
print_proof_fields (const RahnumaProof *proof)
{
  g_autofree char *key_id = rahnuma_proof_dup_key_id (proof);
  g_autofree char *code = rahnuma_code_normalize (proof->code);
  g_autofree char *day = rahnuma_proof_format_day (proof->day);

  /* Translators: keep the columns of these lines lined up with each other */
  g_print (_("  Code:           %s\n"), code);
  g_print (_("  Day:            %s\n"), day);
  g_print (_("  Place:          centre %s, kiosk %s\n"), proof->centre, proof->kiosk);
  /* Translators: e.g. "  Lessons:        6 of 7 passed" */
  g_print (_("  Lessons:        %u of %u passed\n"), proof->n_passed, proof->n_lessons);
  g_print (_("  Briefing:       %s\n"), proof->completed ? _("completed") : _("not completed"));
  g_print (_("  Signing key:    %s\n"), key_id);
}

static int
exit_status (RahnumaProofVerdict verdict, const RahnumaProof *proof)
{
  switch (verdict)
    {
    case RAHNUMA_PROOF_VALID:     return proof->demo ? EXIT_DEMO : EXIT_OK;
    case RAHNUMA_PROOF_NOT_VALID: return EXIT_NOT_VALID;
    case RAHNUMA_PROOF_UNTRUSTED: return EXIT_UNTRUSTED;
    case RAHNUMA_PROOF_NOT_A_PROOF:
    default:                      return EXIT_INPUT;
    }
}

static void
print_verdict (RahnumaProofVerdict verdict, const RahnumaProof *proof, const char *trust_path)
{
  g_autofree char *key_id = rahnuma_proof_dup_key_id (proof);

  if (verdict == RAHNUMA_PROOF_VALID && proof->demo)
    g_print (_("Valid, demo: signed by a trusted kiosk, but made as a demo or test card, "
               "not for a visit. It proves no briefing.\n"));
  else if (verdict == RAHNUMA_PROOF_VALID)
    g_print (_("Valid: signed by a kiosk in the trust file, and not changed since.\n"));
  else if (verdict == RAHNUMA_PROOF_NOT_VALID)
    g_print (_("NOT VALID: the signature does not match. The text was changed, or signed with "
               "another key than the kiosk’s. Do not accept it. What it claims:\n"));
  else
    /* Translators: %s is a key id, then the trust file */
    g_print (_("Key not trusted: key %s is not in %s, so the proof cannot be checked. If it comes from "
               "one of your centre’s kiosks, add that kiosk’s line (rahnuma-admin keys export) to the "
               "trust file. What it claims, unchecked:\n"), key_id, trust_path);
}

static RahnumaTrust *
open_trust (const char *path)
{
  g_autoptr(GError) error = NULL;
  RahnumaTrust *trust = rahnuma_trust_new_from_file (path, &error);

  if (trust == NULL)
    g_printerr ("%s\n", error->message);
  return trust;
}

/* verify --qr TEXT --trust FILE [--json] (admin-records.c parses the options) */
int
rahnuma_admin_verify_proof (const char *text, const char *trust_path, gboolean json)
{
  g_autoptr(RahnumaTrust) trust = open_trust (trust_path);
  g_autoptr(RahnumaProof) proof = NULL;
  g_autoptr(GError) error = NULL;
  RahnumaProofVerdict verdict;

  if (trust == NULL)
    return EXIT_USAGE;
  verdict = rahnuma_proof_check (text, trust, &proof, &error);
  if (verdict == RAHNUMA_PROOF_NOT_A_PROOF &&
      g_error_matches (error, RAHNUMA_PROOF_ERROR, RAHNUMA_PROOF_ERROR_FAILED))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  if (json)
    print_proof_json (verdict, proof, error);
  else if (verdict == RAHNUMA_PROOF_NOT_A_PROOF)
    /* Translators: %s says why, e.g. "The text is cut short: …" */
    g_printerr (_("Not a Rahnuma completion proof: %s\n"), error->message);
  else
    {
      print_verdict (verdict, proof, trust_path);
      print_proof_fields (proof);
    }
  return exit_status (verdict, proof);
}

static int
keys_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: rahnuma-admin keys new|export [--keys DIR]"));
  return stream == stdout ? EXIT_OK : EXIT_USAGE;
}

int
rahnuma_admin_keys (int argc, char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "new"))
    return keys_new (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return keys_export (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    return keys_usage (stdout);
  return keys_usage (stderr);
}
