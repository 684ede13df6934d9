/* rahnuma-proof.h — a signed completion proof anyone can check offline
 *
 * The format is in docs/completion-proof.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rahnuma-code.h"

G_BEGIN_DECLS

#define RAHNUMA_PROOF_ERROR (rahnuma_proof_error_quark ())

typedef enum
{
  RAHNUMA_PROOF_ERROR_FAILED,        /* could not run: the crypto library, a file */
  RAHNUMA_PROOF_ERROR_PREFIX,        /* not "RHN1.": not a Rahnuma proof at all */
  RAHNUMA_PROOF_ERROR_VERSION,       /* a format version this Rahnuma does not know */
  RAHNUMA_PROOF_ERROR_BASE64,        /* a letter that base64url does not use */
  RAHNUMA_PROOF_ERROR_TRUNCATED,     /* shorter than its record says: cut off */
  RAHNUMA_PROOF_ERROR_LENGTH,        /* longer than its record says */
  RAHNUMA_PROOF_ERROR_FIELD,         /* a field out of range (code, counts, names) */
  RAHNUMA_PROOF_ERROR_KEY_MISSING,   /* no key pair in the keys folder */
  RAHNUMA_PROOF_ERROR_KEY_EXISTS,    /* keys new on a folder that has one */
  RAHNUMA_PROOF_ERROR_KEY_DAMAGED,   /* a key file that cannot be read as a key */
  RAHNUMA_PROOF_ERROR_TRUST_FILE,    /* a trust file line that is not a key */
} RahnumaProofError;

/* The prefix every proof text starts with; the digit is the format version. */
#define RAHNUMA_PROOF_PREFIX "RHN1."

/* Bytes of a key id: the start of the BLAKE2b hash of the public key. */
#define RAHNUMA_PROOF_KEY_ID_SIZE 8

/* Longest centre code and kiosk id (the journal's own rule). */
#define RAHNUMA_PROOF_NAME_MAX 32

/**
 * RahnumaProofVerdict:
 * @RAHNUMA_PROOF_VALID: signed by a trusted kiosk key, unchanged
 * @RAHNUMA_PROOF_NOT_VALID: the key is trusted but the signature does not
 *   match: the text was changed, or signed by another key
 * @RAHNUMA_PROOF_UNTRUSTED: well formed, but its key is not in the trust file
 * @RAHNUMA_PROOF_NOT_A_PROOF: cannot be read as a proof; the error says why
 */
typedef enum
{
  RAHNUMA_PROOF_VALID,
  RAHNUMA_PROOF_NOT_VALID,
  RAHNUMA_PROOF_UNTRUSTED,
  RAHNUMA_PROOF_NOT_A_PROOF,
} RahnumaProofVerdict;

/**
 * RahnumaProof:
 * @version: format version (1)
 * @key_id: which kiosk key signed it
 * @centre: centre code, at most %RAHNUMA_PROOF_NAME_MAX bytes
 * @kiosk: kiosk id, at most %RAHNUMA_PROOF_NAME_MAX bytes
 * @day: the kiosk's calendar day of the visit, as days since 1970-01-01
 * @code: the completion code, normalized (ten symbols, no dash)
 * @n_passed: lessons passed
 * @n_lessons: lessons in the visit
 * @completed: the visit counts as a completed briefing
 * @demo: made for a test or demo (`rahnuma-admin card --demo`), not a visit
 *
 * The fields a proof carries. Nothing about the person.
 */
typedef struct
{
  guint8   version;
  guint8   key_id[RAHNUMA_PROOF_KEY_ID_SIZE];
  char    *centre;
  char    *kiosk;
  guint32  day;
  char     code[RAHNUMA_CODE_LENGTH + 1];
  guint    n_passed;
  guint    n_lessons;
  gboolean completed;
  gboolean demo;
} RahnumaProof;

typedef struct RahnumaKeys RahnumaKeys;
typedef struct RahnumaTrust RahnumaTrust;

GQuark        rahnuma_proof_error_quark       (void);

void          rahnuma_proof_free              (RahnumaProof  *proof);
char         *rahnuma_proof_dup_key_id        (const RahnumaProof *proof);
guint32       rahnuma_proof_day_from_date     (GDateTime     *when);
char         *rahnuma_proof_format_day        (guint32        day);
RahnumaProof *rahnuma_proof_parse             (const char    *text,
                                               GError       **error);
RahnumaProofVerdict rahnuma_proof_check       (const char    *text,
                                               RahnumaTrust  *trust,
                                               RahnumaProof **out_proof,
                                               GError       **error);
char         *rahnuma_proof_sign              (RahnumaKeys   *keys,
                                               const RahnumaProof *fields,
                                               GError       **error);
char         *rahnuma_proof_sign_visit        (RahnumaKeys   *keys,
                                               const char    *centre,
                                               const char    *kiosk,
                                               GDateTime     *when,
                                               const char    *code,
                                               guint          n_passed,
                                               guint          n_lessons,
                                               gboolean       completed,
                                               gboolean       demo,
                                               GError       **error);

char         *rahnuma_keys_default_dir        (const char    *journal);
RahnumaKeys  *rahnuma_keys_load               (const char    *dir,
                                               GError       **error);
RahnumaKeys  *rahnuma_keys_create             (const char    *dir,
                                               const char    *label,
                                               gboolean       force,
                                               GError       **error);
RahnumaKeys  *rahnuma_keys_load_or_create     (const char    *dir,
                                               const char    *label,
                                               GError       **error);
char         *rahnuma_keys_dup_key_id         (RahnumaKeys   *keys);
char         *rahnuma_keys_dup_trust_line     (RahnumaKeys   *keys,
                                               const char    *label);
const char   *rahnuma_keys_get_label          (RahnumaKeys   *keys);
void          rahnuma_keys_free               (RahnumaKeys   *keys);

char         *rahnuma_trust_default_path      (const char    *journal);
RahnumaTrust *rahnuma_trust_new               (void);
RahnumaTrust *rahnuma_trust_new_from_file     (const char    *path,
                                               GError       **error);
gboolean      rahnuma_trust_add_data          (RahnumaTrust  *trust,
                                               const char    *data,
                                               gsize          length,
                                               const char    *source,
                                               GError       **error);
void          rahnuma_trust_add_keys          (RahnumaTrust  *trust,
                                               RahnumaKeys   *keys);
guint         rahnuma_trust_get_n_keys        (RahnumaTrust  *trust);
const char   *rahnuma_trust_lookup_label      (RahnumaTrust  *trust,
                                               const char    *key_id);
void          rahnuma_trust_free              (RahnumaTrust  *trust);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaProof, rahnuma_proof_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaKeys, rahnuma_keys_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RahnumaTrust, rahnuma_trust_free)

G_END_DECLS
