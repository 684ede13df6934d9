/* rahnuma-code.h — completion codes a visitor shows the Protector's officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Nine random symbols and one check symbol, shown as "XXXXX-XXXXX". */
#define RAHNUMA_CODE_PAYLOAD_LENGTH 9
#define RAHNUMA_CODE_LENGTH         (RAHNUMA_CODE_PAYLOAD_LENGTH + 1)

char     *rahnuma_code_generate  (void);
char     *rahnuma_code_normalize (const char *text);
gboolean  rahnuma_code_is_valid  (const char *code);

G_END_DECLS
