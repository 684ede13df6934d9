/* rahnuma-ini-edit.h — set one key of module.ini, every other byte kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rahnuma_ini_dup_line_key (const char  *stripped);
gboolean  rahnuma_ini_save_key     (const char  *ini_path,
                                    const char  *group,
                                    const char  *key,
                                    const char  *value,
                                    GError     **error);

G_END_DECLS
