/* rahnuma-validator-private.h — module.ini readers shared by rahnuma-validator.c and rahnuma-module-coverage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns: (transfer full): "@key[@lang]" */
char     *rahnuma_validator_localized_key (const char *key,
                                           const char *lang);
/* Returns: (transfer full) (nullable): the stripped value, or NULL when it is missing or empty */
char     *rahnuma_validator_dup_value     (GKeyFile   *key_file,
                                           const char *group,
                                           const char *key);
/* Returns: whether @relative is a relative path with no ".." part */
gboolean  rahnuma_validator_stays_inside  (const char *relative);
/* Returns: N of "@kind N" (1–999), or 0 when @group is not that */
guint     rahnuma_validator_group_number  (const char *group,
                                           const char *kind);

G_END_DECLS
