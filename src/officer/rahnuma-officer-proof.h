/* rahnuma-officer-proof.h — a signed completion proof, checked on the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rahnuma-proof.h"

G_BEGIN_DECLS

gboolean            rahnuma_officer_is_proof_text  (const char    *text);
RahnumaTrust       *rahnuma_officer_load_trust     (const char    *trust_path,
                                                    const char    *keys_dir,
                                                    GError       **error);
RahnumaProofVerdict rahnuma_officer_describe_proof (const char    *text,
                                                    RahnumaTrust  *trust,
                                                    const char    *trust_path,
                                                    char         **title,
                                                    char         **subtitle);

G_END_DECLS
