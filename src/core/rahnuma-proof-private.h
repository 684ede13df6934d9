/* rahnuma-proof-private.h — shared by rahnuma-proof.c and rahnuma-proof-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>

#include "rahnuma-proof.h"

G_BEGIN_DECLS

struct RahnumaKeys
{
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8  secret_key[crypto_sign_SECRETKEYBYTES];
  guint8  key_id[RAHNUMA_PROOF_KEY_ID_SIZE];
  char   *label; /* nullable: "centre C, kiosk K", for people */
};

gboolean rahnuma_proof_init_sodium     (GError       **error);
void     rahnuma_proof_compute_key_id  (const guint8  *public_key,
                                        guint8        *key_id);
char    *rahnuma_proof_key_id_to_hex   (const guint8  *key_id);
/* Returns: (transfer none) (nullable): the trusted public key of @key_id */
const guint8 *rahnuma_trust_lookup_key (RahnumaTrust  *trust,
                                        const guint8  *key_id);

G_END_DECLS
